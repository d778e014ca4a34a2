"""Terms for keyword search, the same for a passage and a question.

Python's `\\w` and SQLite's unicode61 both cut हिन्दी at its vowel signs, so we tokenise on
letters, marks and digits together (`\\p{L}\\p{M}\\p{N}`). Numbers are written one way
(`86,000`, `86000` and `८६,०००` all become `86000`), then Snowball stems Hindi and English, so
विक्रेताओं meets विक्रेता and sellers meets seller. The store keeps these terms in an FTS5 table
whose tokenizer treats Devanagari marks as part of a word.
"""
from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache

import regex
import snowballstemmer

_DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
# Characters that change how a word is drawn, not what it is: PIB's Hindi writes स्‍वास्‍थ्‍य and
# महाराष्‍ट्र with a zero-width joiner after each halant, and a word so written must meet the one typed
# without it. (Zero-width space, non-joiner and joiner, word joiner, byte-order mark, soft hyphen; a
# character class's contents, spelled so that Python's, pydantic's and ECMAScript's regexes agree.)
INVISIBLE = r"\u200b-\u200d\u2060\ufeff\u00ad"
_INVISIBLE = regex.compile(f"[{INVISIBLE}]")


def strip_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


# A letter, mark or sign of the Devanagari block: whether a text (a question, a term, a release) holds Hindi.
DEVANAGARI = regex.compile(r"[\u0900-\u097f]")
# A number with Indian or Western grouping, or a decimal; glued scale words are split off later.
_NUMBER = regex.compile(r"(?<![\p{L}\p{N}])\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_TOKEN = regex.compile(r"[\p{L}\p{M}]+|\d+(?:\.\d+)?")

# Function words that carry no topic; a question is mostly made of them.
STOPWORDS = frozenset(
    """a an the of in on at to for by with from and or but is are was were be been being has have had do does
    did what which who whom whose when where why how many much more than this that these those it its as
    into about over under after before during up down out there their they them he she his her we our you
    your i me my can could will would shall should may might must not no so such also any each all per
    according said says say tell give number total till until upto since between among within etc viz
    क्या कितने कितना कितनी कितनों कौन कौनसा किस किसे किसको कब कहां कहाँ क्यों कैसे का की के को में से पर ने
    और या एवं तथा है हैं था थे थी थीं हो होता होती होते हुआ हुई हुए गया गई गए गयी किया की कर करने करते
    लिए द्वारा तक भी ही यह वह ये वे इस उस इन उन इसके उसके जो जिस जिन एक अपनी अपने अपना रहा रही रहे
    साथ बाद पहले अब जब तब बारे अनुसार गई मिली मिला वाले वाली वाला""".split()
)

_MARKS = "".join(chr(c) for c in range(0x0900, 0x0980) if unicodedata.category(chr(c)).startswith("M"))
# For the FTS5 table: our terms are separated by spaces, and Devanagari marks stay inside a word.
FTS5_TOKENIZER = f"unicode61 remove_diacritics 0 tokenchars '{_MARKS}'"


_STEMMERS = threading.local()


def _stemmer(lang: str):
    """One stemmer per thread and language: a Snowball stemmer keeps the word it works on in
    itself, so two threads sharing one (a search and the cache warm-up) corrupt each other's word."""
    mine = getattr(_STEMMERS, "by_lang", None)
    if mine is None:
        mine = _STEMMERS.by_lang = {}
    if lang not in mine:
        mine[lang] = snowballstemmer.stemmer(lang)
    return mine[lang]


def _is_devanagari(word: str) -> bool:
    return "\u0900" <= word[0] <= "\u097f"


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    if word[0].isdigit():
        return word.replace(".", "d")  # FTS5 would split 48.31 at the dot
    if _is_devanagari(word):
        word = word.replace("\u093c", "")  # nukta: ज़्यादा and ज्यादा are one word
        return _stemmer("hindi").stemWord(word)
    return _stemmer("english").stemWord(word)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", strip_invisible(text)).translate(_DEVANAGARI_DIGITS).lower()
    return _NUMBER.sub(lambda m: m.group(0).replace(",", ""), text)


# A word in capitals among lower-case ones is an acronym, not the function word it spells: "INSPIRE-SHE"
# (Scholarship for Higher Education), "IT exports", "WHO guidelines".
_CAPITALS = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}{2,}(?![\p{L}\p{M}])")
_LOWER = regex.compile(r"\p{Ll}")


def acronyms_kept(text: str) -> frozenset[str]:
    """The stopwords `text` writes in capitals as acronyms, unless it is written in capitals throughout."""
    if not _LOWER.search(text):
        return frozenset()
    return frozenset(w for m in _CAPITALS.finditer(text) if (w := m.group(0).lower()) in STOPWORDS)


def terms(text: str, *, drop_stopwords: bool = False) -> list[str]:
    out = []
    kept = acronyms_kept(text) if drop_stopwords else frozenset()
    for m in _TOKEN.finditer(normalise(text)):
        word = m.group(0)
        if drop_stopwords and word.replace("\u093c", "") in STOPWORDS and word not in kept:
            continue
        out.append(_stem(word))
    return out


@lru_cache(maxsize=1 << 16)
def term_set(text: str) -> frozenset[str]:
    """`terms` of a short text of the corpus that every question's search reads again (a release's
    title, a figure's label, a row's or a column's), kept as a set."""
    return frozenset(terms(text))


def document_terms(text: str) -> str:
    """What the FTS5 table stores for a passage."""
    return " ".join(terms(text))
