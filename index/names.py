"""Names that mean the same in both scripts: places, acronyms and other proper names.

A question about Kerala is not answered by a release about Madhya Pradesh, however close the rest
of its words; and a Hindi question's केरल is the English release's Kerala. A name is compared
across scripts by its consonant skeleton (`skeleton`: Devanagari is romanised with
indic-transliteration, vowels dropped, the sounds each script spells two ways folded into one:
केरल and Kerala are both "krl", जेम and GeM both "jm"); an acronym also by its letters, whether
written GST or जीएसटी (`acronym_letters`). Places and organisations come with their Hindi names
from corpus/data/names-en-hi.csv, so a Hindi question's places are known without guessing which of
its words are names, and विश्व बैंक is the World Bank though its words are translated.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from corpus.readers import bilingual_names
from index.lexical import strip_invisible

_DEVANAGARI_WORD = re.compile(r"[\u0900-\u0963\u0966-\u097f]+")
_DEVANAGARI_TERM = r"[\u0900-\u097f][\u0900-\u097f0-9]*(?:-[\u0900-\u097f0-9]+)*"  # पीएमएवाई-जी, एमक्यू-9बी
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*")

# English letters as Hindi writes them out (GST → जी एस टी).
_LETTERS_HI = {
    "ए": "A", "बी": "B", "सी": "C", "डी": "D", "ई": "E", "एफ": "F", "एफ़": "F", "जी": "G", "एच": "H",
    "आई": "I", "जे": "J", "के": "K", "एल": "L", "एम": "M", "एन": "N", "ओ": "O", "पी": "P", "क्यू": "Q",
    "आर": "R", "एस": "S", "टी": "T", "यू": "U", "वी": "V", "डब्ल्यू": "W", "डब्लू": "W", "एक्स": "X",
    "वाई": "Y", "जेड": "Z", "ज़ेड": "Z",
}
_LETTER_PIECES = sorted(_LETTERS_HI, key=len, reverse=True)
# Hindi words spelled wholly in letter names: टीके (vaccines) reads "T K", आईए (please come) "I A".
_WORDS_OF_LETTER_NAMES = frozenset({"टीके", "आईए"})

# Capitalised words that name no particular thing: a question may use them where the release
# says it otherwise ("the Centre", "Shri"), so they are never required of a release.
_GENERIC = frozenset("""
what which who whom whose when where why how is are was were do does did has have had will can in on
of for by to from at as with under during since after before the a an and or if than per this that these
those there their it its total number
india indian indians bharat government govt union centre central state states national nation country
minister ministers ministry prime president vice pm cm mp mla shri smt dr mr mrs ms hon honble
department dept board committee council authority commission corporation bank limited ltd company
act policy programme program project scheme schemes yojana abhiyan mission campaign initiative portal
day days week weeks month months year years phase edition new old first second third fourth fifth
sixth seventh eighth ninth tenth one two three four five six seven eight nine ten eleven twelve fifteen
twenty fifty hundred thousand
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
fy gdp rs inr usd dollar dollars rupee rupees crore lakh million billion
port ports airport airports station stations city cities district districts village villages river dam
university institute hospital college school railway railways road highway corridor zone hub complex
bridge line reserve forest park festival summit conference meeting award awards index report survey
app portal platform card cards fund bill rules code navy army force forces air sea
""".split())


# "in US dollars", "US$ billion": a currency, which a release writes "$" or "USD", not the country asked about.
_US_CURRENCY = re.compile(r"\bUS(?=\s?\$|\s+(?i:dollars?)\b)")

# "Jan" (people) before a name's next word is no month: Jan Dhan, Jan Aushadhi, Jan Shikshan Sansthan.
_PEOPLES = re.compile(r"Jan\s+[A-Z][a-z]")


@lru_cache(maxsize=200_000)
def romanise(word: str) -> str:
    """A Devanagari word in plain lower-case Latin letters (IAST without its diacritics)."""
    from indic_transliteration import sanscript

    word = word.replace("ऑ", "ओ").replace("ॉ", "ो")
    latin = sanscript.transliterate(word, sanscript.DEVANAGARI, sanscript.IAST)
    latin = re.sub(r"ṃ(?=[pbm])", "m", latin).replace("ṃ", "n")
    latin = "".join(c for c in unicodedata.normalize("NFD", latin) if not unicodedata.combining(c))
    return latin.lower()


def _fold(latin: str) -> str:
    """Lower-case Latin → its consonants, each sound the two scripts spell differently made one."""
    s = latin.lower().replace("sh", "s").replace("ph", "f").replace("q", "k").replace("x", "ks").replace("z", "j")
    s = s.replace("w", "v").replace("g", "j").replace("h", "")
    s = re.sub(r"[aeiouy'’\-]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """The consonants of a word as either script spells them, for comparing a name across scripts.

    "Kerala" and "केरल" → "krl"; "Chennai" and "चेन्नई" → "cn"; "GeM" and "जेम" → "jm"."""
    if _DEVANAGARI_WORD.fullmatch(word):
        return _fold(romanise(word))
    s = word.lower()
    s = s.replace("ch", "\0").replace("ck", "k")
    s = re.sub(r"c(?=[eiy])", "s", s).replace("c", "k").replace("\0", "c")
    return _fold(s)


# A word that begins with a vowel sound keeps a mark of it: its consonants alone are too few to tell a
# name apart (Ayushman and सामान are both "smn"). य and an English initial Y or U say the same
# sound (Yamuna / यमुना, Europe / यूरोप), so they count as one.
_INITIAL_VOWEL = re.compile(r"[aeiouyAEIOUY\u0904-\u0914\u0972\u092f]")


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """A name's key for comparing it across scripts: its `skeleton`, marked when it begins with a vowel."""
    return ("·" if _INITIAL_VOWEL.match(word) else "") + skeleton(word)


@lru_cache(maxsize=200_000)
def acronym_letters(word: str) -> str | None:
    """The Latin letters of an acronym written in either script (PMAY-G and पीएमएवाई-जी → "PMAYG"),
    or None when the word is not one. A Devanagari word is one when it is wholly English letter names."""
    if _DEVANAGARI_WORD.search(word):
        if word in _WORDS_OF_LETTER_NAMES:
            return None
        out = []
        for piece in re.split(r"[-\s]", word):
            at, letters = 0, []
            while at < len(piece):
                if piece[at].isdigit():
                    letters.append(piece[at])
                    at += 1
                    continue
                name = next((n for n in _LETTER_PIECES if piece.startswith(n, at)), None)
                if name is None:
                    return None
                letters.append(_LETTERS_HI[name])
                at += len(name)
            out += letters
        return "".join(out) if sum(c.isalpha() for c in out) >= 2 else None
    letters = re.sub(r"[^A-Za-z0-9]", "", word)
    upper = sum(c.isupper() for c in letters)
    alpha = sum(c.isalpha() for c in letters)
    if upper >= 2 and (upper == alpha or (alpha <= 6 and upper >= alpha - 2)):
        return letters.upper()
    return None


@dataclass(frozen=True)
class Name:
    """A name a question holds; a release that answers the question names it too."""

    text: str  # as the question writes it
    kind: str  # known (a place or organisation of names-en-hi.csv), acronym, name
    keys: frozenset[str]  # known: "known:<English name>"; acronym: "acr:<LETTERS>"; a word: its skeleton


# A spelling this short is matched in its own case only: "UP" is Uttar Pradesh, "set up" is not; "US",
# "WHO". A longer one in any case: people type "TamilNadu" and "tamil nadu" (NameIndex reads a
# table's capitals, "ANDHRA PRADESH", by their words).
CASED = 3


# The kinds of known name that head no table row and stand for no place: an organisation (ISRO), a scheme whose
# Act and scheme go by each other's acronyms (MGNREGA, MGNREGS, मनरेगा).
NOT_PLACES = frozenset({"org", "scheme"})


@lru_cache(maxsize=1)
def _known() -> tuple[dict[str, str], frozenset[str], re.Pattern]:
    """Every spelling of every known name → its key, the spellings of places (`place_ending` leaves
    organisations out), and one pattern that finds them all in their own case, longest first."""
    spelling_to_key, places = {}, set()
    for english, hindi, kind in bilingual_names():
        key = "known:" + english.split("|")[0]
        for spelling in [*english.split("|"), *hindi.split("|")]:
            spelling_to_key[spelling] = key
            if kind not in NOT_PLACES:
                places.add(spelling)
    return spelling_to_key, frozenset(places), _alternatives(spelling_to_key)


@lru_cache(maxsize=1)
def _known_in_any_case() -> tuple[dict[str, str], re.Pattern, re.Pattern]:
    """The long spellings lower-cased → key, a pattern of them to run over lower-cased text (one case
    is faster to match than any case), and a pattern of the short ones in their own case."""
    spelling_to_key, _, _ = _known()
    lowered = {s.lower(): key for s, key in spelling_to_key.items() if len(s) > CASED}
    short = {s: key for s, key in spelling_to_key.items() if len(s) <= CASED}
    return {**lowered, **short}, _alternatives(lowered), _alternatives(short)


# A character of a word in either script (a Devanagari vowel sign is no \w): a known name is one only
# as whole words, "Kashmiri shawls" naming no Kashmir, whether find_known or NameIndex reads it.
_WORD_CHAR = re.compile(r"[\w\u0900-\u097f]")


def _alternatives(spellings) -> re.Pattern:
    alternatives = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"(?<!{_WORD_CHAR.pattern})(?:{alternatives})(?!{_WORD_CHAR.pattern})")


def find_known(text: str) -> dict[str, str]:
    """The known places and organisations `text` names: key → the spelling found."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: read in its own case only
        spelling_to_key, _, pattern = _known()
        return {spelling_to_key[m.group(0)]: m.group(0) for m in pattern.finditer(text)}
    key_of, long_pattern, short_pattern = _known_in_any_case()
    found = [*long_pattern.finditer(lowered), *short_pattern.finditer(text)]
    return {key_of[m.group(0)]: text[m.start():m.end()] for m in sorted(found, key=lambda m: m.start())}


_WORD_START = re.compile(r"(?<!\S)\S")


def is_place(text: str) -> bool:
    """Whether `text` is, whole, a known place in any case ("ANDAMAN AND NICOBAR", "GOA", "Odisha")."""
    return text.strip() in _places_in_any_case(text.strip()).values()


def _places_in_any_case(text: str) -> dict[str, str]:
    """`find_known`'s places of `text`, and where it is in capitals, those of its title case too (a
    short name, "Goa", is read in its own case only), each as `text` spells it."""
    found = {key: spelling for key, spelling in find_known(text).items() if key in _place_keys()}
    if text.isupper():
        titled = text.title()
        for key, spelling in find_known(titled).items():
            if key in _place_keys() and key not in found:
                at = titled.index(spelling)
                found[key] = text[at:at + len(spelling)]
    return found


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    spelling_to_key, places, _ = _known()
    return frozenset(spelling_to_key[s] for s in places)


def place_ending(text: str, *, any_case: bool = False) -> int | None:
    """Where the known place that ends `text` begins ("... beneficiaries benefitted Udaipur": at
    "Udaipur"), or None where none ends it: a table's first row label run into its header
    (index/figures/oneline/rows.py). Read by `find_known`'s own pattern in its own case, so the two agree
    on every spelling; an organisation ends a header but heads no row, and the place must begin a
    word of the text ("e-Udaipur" ends in none), as the words before it are counted off. `any_case`:
    in capitals too, within its last 40 characters ("... GUJARAT 2524 ANDHRA PRADESH": a table of places
    written in capitals, `is_place`)."""
    if any_case:
        return next((w.start() for w in _WORD_START.finditer(text, max(0, len(text) - 40))
                     if is_place(text[w.start():])), None)
    _, places, pattern = _known()
    for word in _WORD_START.finditer(text):
        m = pattern.match(text, word.start())
        if m and m.end() == len(text) and m.group(0) in places:
            return m.start()
    return None


# The words an acronym's expansion skips: "Central Board of Direct Taxes" is CBDT.
_SPELLED_SEP = r"(?:[\s\-,]+(?:of|and|for|the|in|on|&))*[\s\-,]+"


@lru_cache(maxsize=4096)
def _spelled(letters: str) -> re.Pattern:
    return re.compile(r"(?<![A-Za-z])" + _SPELLED_SEP.join(f"{c}[a-z]+" for c in letters) + r"(?![A-Za-z])")


def spelled_out(name: Name, text: str) -> bool:
    """Whether `text` writes the acronym `name` out in words whose capitals spell it: "Central Board
    of Direct Taxes" for CBDT or सीबीडीटी, "Micro and Small Enterprises" for MSEs, "Memorandum of
    Understanding" for MoU."""
    written = re.sub(r"(?<=[A-Z])s$", "", name.text)
    letters = acronym_letters(written)
    if letters and written.isascii() and not written.isupper():
        letters = "".join(c for c in written if c.isupper())  # MoU, MoSPI, DoT: a small letter is a joining word's
    return bool(letters and letters.isalpha() and len(letters) >= 2 and _spelled(letters).search(text))


# A financial year, quarter or half written as a code ("FY23", "FY2025-26", "FY24-FY27", "Q1", "H2") is a
# time (index/timeq.py), not a name a release must mention.
_TIME_CODE = re.compile(r"(?i)FY-?\d{2}(?:\d{2})?(?:[-–/](?:FY-?)?\d{2}(?:\d{2})?)?|Q[1-4]|H[12]")


# An English plural on a name ("Kirti Chakras", "Jan Aushadhi Kendras", "Ayushman Arogya Mandirs"):
# a release that names one Chakra names what the question asks about.
_PLURAL = re.compile(r"[A-Za-z]*[^sSuUiI']s")


def _singular_keys(word: str) -> tuple[str, ...]:
    if "-" in word or not _PLURAL.fullmatch(word):
        return ()
    return (name_key(word[:-1]),) if len(skeleton(word[:-1])) >= 2 else ()


# An acronym in the plural: "MoUs", "ITIs", "FPOs" (index/answerable.py counts one; a release may write it singular).
PLURAL_ACRONYM = re.compile(r"[A-Z][A-Za-z]*[A-Z]s")


def question_names(question: str) -> list[Name]:
    """The places, acronyms and other proper names a question holds, each once."""
    names: list[Name] = []
    question = _US_CURRENCY.sub(" ", strip_invisible(question))
    places = find_known(question)
    for key, spelling in places.items():
        names.append(Name(spelling, "known", frozenset({key})))
    taken = re.compile("|".join(re.escape(s) for s in places.values())) if places else None
    rest = taken.sub(" ", question) if taken else question
    for m in re.finditer(_DEVANAGARI_TERM, rest):
        letters = acronym_letters(m.group(0))
        if letters:
            names.append(Name(m.group(0), "acronym", frozenset({"acr:" + letters})))
    for m in _LATIN_WORD.finditer(rest):
        word = m.group(0)
        for suffix in ("'s", "’s"):
            word = word.removesuffix(suffix)
        # a hyphened word of generic words is one too: "Jan-Mar 2026", "April-June", "Vice-President"
        if (all(part in _GENERIC for part in word.lower().split("-")) and not _PEOPLES.match(rest, m.start())
                or re.fullmatch(r"[A-Za-z]?\d+[A-Za-z]?", word) or _TIME_CODE.fullmatch(word)):
            continue
        letters = acronym_letters(word)
        if letters:
            keys = {"acr:" + letters}
            spoken = re.split(r"[-\d]", word)[0]
            said = name_key(spoken)
            as_word = any(c.islower() for c in word) or (
                "-" not in word.rstrip("-0123456789") and sum(c in "AEIOU" for c in letters) >= 2)
            if as_word and len(skeleton(spoken)) >= 2:  # COVID, GeM are said as words (कोविड, जेम) as well
                keys.add(said)
            if PLURAL_ACRONYM.fullmatch(word) and (one := acronym_letters(word[:-1])):
                keys.add("acr:" + one)  # "FPOs" asked, "FPO" written as a table's row

            names.append(Name(word, "acronym", frozenset(keys)))
        elif word[0].isupper() and m.start() > 0 and len(skeleton(word)) >= 2:
            names.append(Name(word, "name", frozenset({name_key(word), *_singular_keys(word)})))
    seen, out = set(), []
    for n in names:
        if n.keys not in seen:
            seen.add(n.keys)
            out.append(n)
    return out


_TEXT_WORD = re.compile(_DEVANAGARI_TERM + r"|" + _LATIN_WORD.pattern)
_ACRONYM_NUMBER = re.compile(r" ?[-–]? ?([0-9]{1,2})([A-Z](?![A-Za-z0-9]))?(?![0-9]|[.,][0-9])")


def _numbered_key(word: str, number: str) -> str:
    """A word and the number written after it ("Day 1"), as the name a question writes joined (Day-1)."""
    return f"num:{name_key(word)}-{int(number)}"


def _place_spellings(places: dict, word: str) -> tuple:
    """The places whose spelling begins with `word`, or with its part before a hyphen ("Jammu-based")."""
    return places.get(word, ()) or places.get(word.split("-")[0], ())


@lru_cache(maxsize=1)
def _known_by_first_word() -> dict[str, list[tuple[str, str]]]:
    """First word of a known name's spelling → (spelling, key), longest spelling first."""
    spelling_to_key, _, _ = _known()
    out: dict[str, list[tuple[str, str]]] = {}
    for spelling in sorted(spelling_to_key, key=len, reverse=True):
        first = _TEXT_WORD.match(spelling).group(0)
        out.setdefault(first, []).append((spelling, spelling_to_key[spelling]))
    return out


def _joined_key(word: str) -> str | None:
    """The key of a word written with hyphens between letters, as if written joined ("Start-up": Startup)."""
    joined = word.replace("-", "")
    return name_key(joined) if "-" in word and joined.isalpha() else None


@lru_cache(maxsize=200_000)
def _word_keys(word: str) -> tuple[str, ...]:
    keys = []
    for piece in {word, *word.split("-")}:  # CSIR-CMERI holds CSIR and CMERI
        letters = acronym_letters(piece) if piece else None
        if letters:
            keys.append("acr:" + letters)
    for part in re.split(r"[-'’]", word) if ("-" in word or "'" in word or "’" in word) else (word,):
        if part:
            keys.append(name_key(part))
    if (joined := _joined_key(word)) is not None:
        keys.append(joined)  # "Start-up" holds the Startup a question writes joined
    if word.isascii() and len(word) >= 2 and word.isalpha():
        keys.append("acr:" + word.upper())  # "Gem", "Aiims": an acronym's letters as a word
        if PLURAL_ACRONYM.fullmatch(word) and (one := acronym_letters(word[:-1])):
            keys.append("acr:" + one)  # ASHAs, SHGs, MoUs: the acronym a question writes in the singular
    return tuple(keys)


# Between two places of one list: "Tamil Nadu, Delhi and Assam", "केरल, महाराष्ट्र और गुजरात".
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:(?:and|और|तथा|एवं)\s+)?|\s(?:and|और|तथा|एवं|व)\s)\s*", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b|क्रमशः|क्रमश:", re.I)
_SENTENCE_END = re.compile(r"[.।!?](?:\s|$)|\n")
LIST_LENGTH = 3  # this many places joined by commas and "and" are a list
SENTENCE_REACH = 600  # how far after a list its sentence's "respectively" is looked for (characters)


def _places_alone(text: str, found: list[tuple[int, int, str]]) -> set[str]:
    """The place keys of `found` ((start, end, key), in order) that stand somewhere outside a bare
    list of places ("1023 cases across 17 States, which include Tamil Nadu, Delhi, Assam, ..."): a
    place named only in such lists has no figure of its own there. A list whose sentence pairs its
    places with figures ("..., respectively", "क्रमशः") is no bare list."""
    alone: set[str] = set()
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        reach = min(len(text), run[-1][1] + SENTENCE_REACH)  # bounded: a hostile text may have no sentence end
        end = _SENTENCE_END.search(text, run[-1][1], reach)
        paired = _RESPECTIVELY.search(text, run[-1][1], end.start() if end else reach)
        if len(run) < LIST_LENGTH or paired:
            alone.update(key for _, _, key in run)

    for place in found:
        if run and not _LIST_JOIN.fullmatch(text, run[-1][1], place[0]):
            close()
            run = []
        run.append(place)
    if run:
        close()
    return alone


class NameIndex:
    """What names a text holds, in either script: built once per release, asked for each name.
    `alone`: the places it names outside a bare list of places (see `_places_alone`)."""

    def __init__(self, text: str):
        text = strip_invisible(text)
        self.keys: set[str] = set()
        places = _known_by_first_word()
        found: list[tuple[int, int, str]] = []
        for m in _TEXT_WORD.finditer(text):
            word = m.group(0)
            self.keys.update(_word_keys(word))
            numbered = _ACRONYM_NUMBER.match(text, m.end()) if word.isascii() and word[:1].isupper() else None
            if numbered and word.isupper():  # "NFHS -5", "BMP 2/2k", "GSTR 3B": the names a question writes NFHS-5, BMP-2, GSTR-3B
                self.keys.add(f"acr:{word}{numbered.group(1)}")
                if numbered.group(2):
                    self.keys.add(f"acr:{word}{numbered.group(1)}{numbered.group(2)}")
            elif numbered and word.isalpha():
                self.keys.add(_numbered_key(word, numbered.group(1)))  # "Day 1", "Tier 2": Day-1, Tier-2
            if found and m.start() < found[-1][1]:
                continue  # a later word of the place just found
            spellings = _place_spellings(places, word)
            # a table's capitals: "49 LUCKNOW 141055", "ANDHRA PRADESH"
            capitals = not spellings and word.isascii() and word.isupper() and len(word) > 2
            if capitals:
                spellings = _place_spellings(places, word.title())
            for spelling, key in spellings:
                end = m.start() + len(spelling)
                held = text[m.start():end]
                if (held == spelling or capitals and held.upper() == spelling.upper()) and not _WORD_CHAR.match(text, end):
                    self.keys.add(key)
                    found.append((m.start(), end, key))
                    break
        self.alone: set[str] = _places_alone(text, found)

    @classmethod
    def of_keys(cls, keys) -> "NameIndex":
        """An index of name keys already read (`NameIndex(text).keys`, of each passage of a release)."""
        index = cls("")
        index.keys = set(keys)
        index.alone = {k for k in keys if k.startswith("known:")}
        return index

    def holds(self, name: Name) -> bool:
        if name.kind == "name" and "-" in name.text:
            word, _, number = name.text.partition("-")
            if number.isdigit() and _numbered_key(word, number) in self.keys:
                return True
            # "Start-up" asked, "Startup" written, or the other way round
            return (all(name_key(p) in self.keys for p in name.text.split("-") if p)
                    or _joined_key(name.text) in self.keys)
        if name.keys & self.keys:
            return True
        # PM-KISAN as पीएम-किसान: each part, by its letters or as a word (a lone letter is too weak).
        parts = [p for p in name.text.split("-") if p]
        return len(parts) > 1 and all(
            f"acr:{acronym_letters(p)}" in self.keys or (len(skeleton(p)) >= 2 and name_key(p) in self.keys)
            for p in parts)


@lru_cache(maxsize=4096)
def short_text_names(text: str) -> frozenset[str]:
    """The name keys of a short text asked about again and again (a release's title)."""
    return frozenset(NameIndex(text).keys)
