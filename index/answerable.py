"""Whether the best release can answer the question at all, from evidence beyond its score.

A question about another state, month, year or scheme than any release's scores almost as high as
the one it was modelled on: "How many sellers in Rajasthan completed their GeM profile?" is close
to the release about Madhya Pradesh in every word but one. That word is the evidence. The best
release (with its other-language versions) must
- name every place and acronym the question names, and the other proper names where a version in
  the question's script can be read for them (`index/names.py`, across scripts);
- be about the question's time, unless the question runs on from it ("since April 2020"): see
  `time_fits`;
- hold a figure in the unit the question asks for ("how many tonnes", "कितने हेक्टेयर");
- name the thing the question counts ("how many samples", "कितने दर्शक"), where a version in the
  question's language can be read for it: a release about the very subject that gives another
  measure (cases and deaths, not samples tested) is close in every other word.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from corpus import Release
from index.figures.figure import TIME_KINDS
from index.figures.patterns import _UNITS_EN, _UNITS_HI, GRAM_AS_VILLAGE_HI, TIME_UNITS, same_measure
from index.indicators import asked_indicators
from index.lexical import DEVANAGARI, STOPWORDS, terms
from index.names import PLURAL_ACRONYM, NameIndex, question_names, spelled_out
from index.ordinals import asked_ordinals, holds_ordinal
from index.records import Passage
from index.timeq import (TimeWindow, columns_state, comparison_base, financial_year_said, iso_time, release_time_fit, stated_instead, stated_time_fit,
                         stated_windows, title_figures, windows_fit, with_title, without_plans)

# A unit named in the question after its interrogative, a scale word between them or not: "how many
# tonnes", "how many lakh hectares", "how many MW", "कितने हेक्टेयर". The abbreviations are read in their
# own case ("in MW"; "mu", "m" and "ha" are words or letters too); the words in any case. Each unit is
# tried where an interrogative ends, not over the whole question: 70 searches took longer than the
# rest of reading it.
_ASKS_IN = re.compile(r"(?i)\b(?:how many|how much|in)\s+")
_ASKS_IN_HI = re.compile(r"(?:कितने|कितना|कितनी|कितनों)\s+")
_SCALE_WORD = re.compile(r"(?i)(?:lakh|crore|million|billion|thousand|metric)\s+")
_ASKED_ABBREVIATIONS = ("GW", "MW", "kW", "GWh", "MWh", "kWh", "MU", "MLD", "BCM")
_ASKED_UNIT = [  # (language, pattern matched where an interrogative ends, unit): the first that matches names it
    *(("en", re.compile(r"(?i:" + p + r")\b"), u) for p, u, _ in _UNITS_EN
      if u not in TIME_UNITS and re.search("[a-z]{3}", p)),
    *(("en", re.compile(re.escape(u) + r"\b"), u) for u in _ASKED_ABBREVIATIONS),
    *(("hi", re.compile(r"(?:\S+\s+)?" + re.escape(p) + r"(?![\u0900-\u097f])"
                     + (GRAM_AS_VILLAGE_HI if u == "g" else "")), u)
      for p, u, _ in _UNITS_HI if u not in TIME_UNITS),
]


# "What was the area sown", "how much area", "acreage", "बुवाई क्षेत्र", "रकबा": an area is asked, which a
# figure in hectares, acres or square kilometres states, whichever a release writes; not a region ("the
# East Godavari area", "पूर्वोत्तर क्षेत्र में") or a sector ("गैर-कृषि क्षेत्र में").
_ASKS_AREA = re.compile(
    r"(?i)\b(?:how much area|(?:the|total|net|gross) area (?:sown|under|covered|planted|cropped|irrigated)|"
    r"(?:sowing|sown|cropped|planted|irrigated) area|area coverage|acreage)\b|"
    r"(?<![\u0900-\u097f])(?:रकबा|रकबे|क्षेत्रफल|बुवाई क्षेत्र|बुआई क्षेत्र|कितने (?:हेक्टेयर )?क्षेत्र में)(?![\u0900-\u097f])")
AREA_UNITS = frozenset({"hectare", "acre", "sq km", "sq m", "sq ft"})
AREA_SAID = "hectares, acres or square kilometres"


def asks_area(question: str) -> bool:
    """Whether the question asks an area (`_ASKS_AREA`) without naming its unit."""
    return bool(_ASKS_AREA.search(question))


def asked_unit(question: str, *, spans: bool = False) -> str | None:
    """The unit a question asks its figure in, if it names one; `spans`: the time unit of a span it asks
    right after the interrogative instead ("how many years", "कितने दिन", "kitne saal" read as कितने साल;
    not "in 21 days" elsewhere in the question, `asked_spans`): no unit a release must hold (a span may be
    written as its dates, "from 10 to 14 Aug"), only one its figures are told by."""
    after = {"en": [], "hi": [m.end() for m in _ASKS_IN_HI.finditer(question)]}
    for m in _ASKS_IN.finditer(question):
        if spans and m.group(0).strip().lower() == "in":
            continue  # "in years" is no span asked
        after["en"].append(m.end())
        if scale := _SCALE_WORD.match(question, m.end()):
            after["en"].append(scale.end())
    for lang, pattern, unit in _SPAN_WORDS if spans else _ASKED_UNIT:
        if any(pattern.match(question, at) for at in after[lang]):
            return unit
    return None


# A search typed on a phone names the unit it asks last, an abbreviation in small letters too: "ken betwa
# hydropower mw", "beach sand heavy minerals tonnes"; not a word of two letters but these ("ha" is also
# "hai" typed in Latin letters, "mu" and "m" are words or letters too), nor a rate's ("MSP per kg").
_LAST_WORD = re.compile(r"(?<!\S)(?<!\bper )(\S+?)[?.]?\s*$", re.I)
_ABBREVIATION_OF = {u.casefold(): u for u in (*_ASKED_ABBREVIATIONS, "km", "kg") if u != "MU"}


def unit_named_last(question: str) -> str | None:
    """The unit whose name or abbreviation is the question's last word, if it is one: what a search
    phrase asks its answer (`searched_kinds`), not a unit a release must state (`asked_unit`), which the
    search's figures may leave to a table's header ("punjab opium seizure 2022 kg")."""
    last = _LAST_WORD.search(question)
    if last is None:
        return None
    word = last.group(1)
    if unit := _ABBREVIATION_OF.get(word.casefold()):
        return unit
    return next((unit for lang, pattern, unit in _ASKED_UNIT
                 if lang == "en" and len(word) > 2 and (m := pattern.match(word)) and m.end() == len(word)), None)


# A time unit named anywhere in the question ("for how many years", "in 21 days", "कितने दिनों में"), or
# an age ("aged", "how old", "आयु"): the spans a figure of years, days or hours may answer.
_SPAN_WORDS = [("en", re.compile(r"(?i)(?<![\w])(?:" + p + r")(?![\w])"), u) for p, u, _ in _UNITS_EN
               if u in TIME_UNITS] + [
    ("hi", re.compile(r"(?<![\u0900-\u097f])" + re.escape(p) + r"(?![\u0900-\u097f])"), u) for p, u, _ in _UNITS_HI
    if u in TIME_UNITS]
_AGE_WORDS = re.compile(r"(?i)\b(?:age[sd]?|old|older)\b|आयु|उम्र|उमर")


# A span asked with no unit named: "How long will the team take to build a prototype?" ("within 3 months"),
# "how soon", "कितना समय", "कितने समय में".
# Not a length: "How long is the Delhi-Meerut RRTS corridor?"
_ASKS_A_SPAN = re.compile(r"(?i)\bhow\s+soon\b|\bhow\s+long\b(?!(?:\s+\S+){0,6}?\s+(?:road|line|border|corridor|"
                          r"coast(?:line)?|river|canal|bridge|tunnel|highway|expressway|route|pipeline|track|railway|"
                          r"stretch)s?\b)|कितन[ाेी]\s+समय")


def asked_spans(question: str) -> frozenset[str]:
    """The time units (`TIME_UNITS`) a question names, a year for an age it asks about; every one, for a
    span it asks with none named (`_ASKS_A_SPAN`)."""
    if _ASKS_A_SPAN.search(question):
        return frozenset(TIME_UNITS)
    spans = {unit for _, pattern, unit in _SPAN_WORDS if pattern.search(question)}
    return frozenset(spans | ({"year"} if _AGE_WORDS.search(question) else set()))


# "how many COVID-19 samples had", "कितने गांवों को": the words of the thing counted follow the interrogative.
_MEASURED = re.compile(r"(?i)(?<![\w\u0900-\u097f])(?:how many|how much|number of|कितने|कितनी|कितना|कितनों)\s+(.*)")
_MEASURE_WORDS = 3  # a Hindi phrase runs on into the place and the verb ("कितनी श्रमिक स्पेशल ट्रेनें गुजरात ...")
# An English phrase's names before its first common word take none of those words ("how many PM Internship
# Scheme interns"): so many more are read past them.
_NAMES_BEFORE_NOUN = 4
# After a Hindi verb, not after a noun (which a postposition follows): "कितनी राशि दी गई", "कितने मास्क बनाए?".
_AFTER_VERB = frozenset("गया गई गए गयी हुआ हुई हुए हुईं है हैं था थे थी थीं जा जाता जाती जाते चुका चुकी चुके रहा रही रहे हो".split())
_WORD = re.compile(r"[\w\u0900-\u097f][\w\u0900-\u097f'’.-]*")
# "Is" and "was" follow a noun as often as a verb: "कितने सरकारी स्कूल हैं". Not "हुए": "कितने मकान स्वीकृत हुए".
_AFTER_NOUN = frozenset("है हैं था थे थी थीं".split())
# An English verb in the past that ends the thing counted: "how many international MoUs resulted from".
_PAST_VERB = re.compile(r"[a-z]+ed")
# A unit is the asked unit's business (`asked_unit`), and a release may write it otherwise ("metres", "m").
_UNIT_WORD = re.compile("(?i)(?:" + "|".join(p for p, _, _ in _UNITS_EN + _UNITS_HI) + ")")
# Words that say only the kind of figure, which a release need not repeat: "how much money", "कितनी राशि".
KIND_WORDS = frozenset(terms("""money amount sum value cost funds people persons number total rupees dollars area
    राशि रकम धनराशि धन रुपये रुपए रुपयों डॉलर लोग लोगों व्यक्ति व्यक्तियों संख्या क्षेत्र क्षेत्रफल रकबा कुल प्रति"""))


def asked_measure(question: str) -> frozenset[str]:
    """The terms (stemmed, `index.lexical.terms`) of the thing a question counts (`measure_words`)."""
    return frozenset(t for w in measure_words(question) for t in terms(w, drop_stopwords=True)) - KIND_WORDS


# "What was India's fish production in ...", "भारत का कपड़ा और परिधान निर्यात कितना था?": the thing asked
# for, named before the verb, where no "how many" names it.
_WHAT_WAS = re.compile(r"(?i)^\W*what\s+(?:was|is|were|are|has\s+been|had\s+been)\s+(?:the\s+)?(.*)")
_HOW_MUCH_WAS = re.compile(r"((?:\S+\s+){1,%d})(?:कितना|कितनी|कितने)\s+(?:था|थी|थे|थीं|है|हैं|रहा|रही|रहे|हुआ|हुई|हुए)"
                           r"(?![\u0900-\u097f])" % _MEASURE_WORDS)
# "What's the total outlay", "whats the budget": read as "what is" wherever the question's wording is read.
_WHAT_IS = re.compile(r"(?i)\b(what)(?:['’]s|s)\b")


def what_is_in_full(question: str) -> str:
    """The question with "what's" / "whats" written out."""
    return _WHAT_IS.sub(r"\1 is", question)


# A part of the population a question asks about, in either language: a release that never names it in
# any version gives no figure of it ("How many women sellers ...?" against the count of all sellers).
_GROUPS = (re.compile(r"(?i)(?<![\w-])(?:women|woman|female|females|girls?|mahila|ladki(?:yon|yan|yaan|yo)?)(?![\w-])|"
                      r"महिला|स्त्री|बालिका|लड़कि(?:यों|यां|याँ)|लड़की|छात्रा(?:एं|एँ|ओं)?(?![\u0900-\u097f])|नारी"),
           re.compile(r"(?i)(?<![\w-])rural(?![\w-])|ग्रामीण"),
           re.compile(r"(?i)(?<![\w-])urban(?![\w-])|शहरी"))


# The other part of each ("urban LFPR ... 50.4%" beside "rural LFPR ... 58.0%"; "लड़कों के 89.28 प्रतिशत के
# मुकाबले लड़कियों का ... 94.32 प्रतिशत"): a figure of the other part is not the asked one's.
_MEN = re.compile(r"(?i)(?<![\w-])(?:men|male|males|boys?|ladk(?:on|e|o))(?![\w-])|पुरुष|लड़कों|लड़के|बालक")
_OTHER_PART = dict(zip(_GROUPS, (_MEN, _GROUPS[2], _GROUPS[1])))


def other_part(named: re.Pattern) -> re.Pattern:
    """What names the other part of the population than `named` (one of `asked_groups`'): men for
    women, urban for rural."""
    return _OTHER_PART[named]


def names_a_part(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` names a part of the population, either one: women or men, rural or urban."""
    return any(pattern.search(text, start, end) for pattern in (*_GROUPS, _MEN))


def asked_groups(question: str) -> list[tuple[str, re.Pattern]]:
    """The parts of the population the question names: (its word, what names the part in a release).
    Not one in brackets: "एसबीएम (ग्रामीण)", "PMAY (Rural)" name a scheme, not the villagers asked about."""
    return [(m.group(0), pattern) for pattern in _GROUPS
            if (m := next((m for m in pattern.finditer(question) if not _in_brackets(question, m.start())), None))]


def _in_brackets(text: str, at: int) -> bool:
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)


def _named(question: str) -> set[str]:
    return {w.lower() for n in question_names(question) for w in _WORD.findall(n.text)}


def _kept(words: list[str], named: set[str]) -> list[str]:
    return [w for w in words if not re.search(r"\d", w) and w.lower() not in named and not (w.isupper() and len(w) > 1)
            and not _UNIT_WORD.fullmatch(w)]


def stated_measure_words(question: str) -> list[str]:
    """The thing a "what was ..." or "... कितना था" question asks for: the common words before its first
    function word (English) or after its last one before the interrogative (Hindi)."""
    named = _named(question)
    m = _WHAT_WAS.search(what_is_in_full(question))
    if m:
        words = []
        for word in _WORD.findall(m.group(1))[:_MEASURE_WORDS + 1]:
            word = re.sub(r"['’]s$", "", word)
            if word.lower() in STOPWORDS or len(words) == _MEASURE_WORDS:
                break
            if not word[:1].isupper():  # a name's word ("India's", "Handloom Producer Companies")
                words.append(word)
        return _kept(words, named)
    m = _HOW_MUCH_WAS.search(re.sub(r"\([^)]*\)", " ", question))
    if not m:
        return []
    words = []
    for word in reversed(_WORD.findall(m.group(1))):
        if word.replace("\u093c", "") in STOPWORDS:
            break
        words.insert(0, word)
    return _kept(words, named)


def measure_words(question: str) -> list[str]:
    """The words of the thing a question counts: the common words after "how many / कितने" up to a
    function word or an English verb in -ed ("how many MoUs resulted"), names and numbers left out
    but a plural acronym kept ("MoUs", "ITIs"); a Hindi verb (the word before a passive or perfect
    auxiliary, or last in the question) left out too, not a noun before "है" ("कितने सरकारी स्कूल हैं");
    none in "how much of the Rs 15.52 crore", "कितना रखा गया"."""
    m = _MEASURED.search(question)
    if not m:
        return stated_measure_words(question)
    named = _named(question)
    hindi = bool(DEVANAGARI.search(m.group(0)))
    words, ended_by = [], None
    leading = 0  # the names read before the first common word (`_NAMES_BEFORE_NOUN`)
    for word in _WORD.findall(m.group(1))[:_MEASURE_WORDS + 1 + (0 if hindi else _NAMES_BEFORE_NOUN)]:
        if (word.lower().replace("\u093c", "") in STOPWORDS or word in _AFTER_VERB or len(words) - leading == _MEASURE_WORDS
                or words and _PAST_VERB.fullmatch(word)):
            ended_by = word
            break
        words.append(word)
        if not hindi and len(words) - 1 == leading and not _kept([word], named):
            leading += 1
    if hindi and words and (ended_by is None or ended_by in _AFTER_VERB - _AFTER_NOUN or ended_by == "की" and
                            re.search(r"(?<![\u0900-\u097f])की\s+(?:" + "|".join(_AFTER_VERB) + ")", m.group(1))):
        words = words[:-1]
    kept = _kept(words, named)
    # a plural acronym is the thing counted, not a name: "MoUs", "ITIs", "FPOs"
    return kept + [w for w in words if PLURAL_ACRONYM.fullmatch(w) and w not in kept] or stated_measure_words(question)


@dataclass(frozen=True)
class NoAnswer:
    """Why there is no answer, as a channel says it in its own language (the `reason` says it in
    English, with the scores): one of `KINDS`, and what that kind names."""

    KINDS = ("nothing_asked", "unsupported_language", "no_match", "not_relevant", "not_mentioned", "other_time",
             "not_held", "not_named")

    kind: str
    names: tuple[str, ...] = ()  # not_mentioned: the names the closest release lacks; not_named: its answer
    # other_time: what puts the closest release at another time, one of the two: the time it states
    # (`iso_time`), or else the day it was published
    published: str | None = None
    stated: str | None = None
    script: str | None = None  # unsupported_language: what the question is written in (index/scripts.py)


@dataclass(frozen=True)
class Verdict:
    """Whether the release can answer, and if not, what it lacks (said in the reply's `reason`)."""

    answerable: bool
    missing_names: tuple[str, ...] = ()
    other_time: bool = False
    missing_unit: str | None = None
    missing_measure: str | None = None
    # What the checks found whether or not a setting lets it count (the no-answer model's signals,
    # index/noanswer.py): the release's time fit (1 / 0 / -1, `time_fits`), every asked figure dated
    # to another time, and the thing counted not named.
    time_fit: int = 0
    figures_other_time: bool = False
    unheld_measure: str | None = None
    time_unstated: bool = False  # the release's date cannot tell, and no version states the asked time
    unplaced: tuple[str, ...] = ()  # places the release names but not the passage that would answer
    listed_only: tuple[str, ...] = ()  # places the release names only in bare lists of places
    released: str | None = None  # the closest release's date, said beside "another time" unless `stated` is
    stated: str | None = None  # the time the passage states, when that puts it at another time (`iso_time`)

    @property
    def reason(self) -> str | None:
        if self.answerable:
            return None
        return "; ".join(self._said(self.other_time, self.missing_measure))

    def no_answer(self, *, counted: bool = True) -> NoAnswer:
        """The first thing against the release, for a channel to say (`reason` says all of them).
        `counted`: only what the settings count against it (`reason`), else everything found (`findings`)."""
        if names := self.missing_names + self.unplaced + self.listed_only:
            return NoAnswer("not_mentioned", names=names)
        if self.other_time or not counted and (self.time_fit == -1 or self.figures_other_time or self.time_unstated):
            return NoAnswer("other_time", published=None if self.stated else self.released, stated=self.stated)
        return NoAnswer("not_held")

    def findings(self) -> list[str]:
        """Everything the checks found against the release, counted or not (the no-answer model's reason)."""
        return self._said(self.time_fit == -1 or self.figures_other_time or self.time_unstated, self.unheld_measure)

    def _said(self, other_time: bool, measure: str | None) -> list[str]:
        parts = []
        if self.missing_names:
            parts.append("the closest release does not mention " + ", ".join(self.missing_names))
        if self.unplaced:
            parts.append("the closest passage does not mention " + ", ".join(self.unplaced))
        if self.listed_only:
            parts.append("the closest release names " + ", ".join(self.listed_only)
                         + " only in a list of places, with no figure of its own")
        if other_time and self.time_unstated and self.time_fit != -1 and not self.figures_other_time:
            parts.append("the closest release states no date in the question's time")
        elif other_time:
            published = dt.date.fromisoformat(self.released) if self.released else None
            parts.append("the closest release is about another time than the question's"
                         + (f" (it states {said_time(self.stated)})" if self.stated else
                            f" (it was published on {published.day} {published:%B %Y})" if published else ""))
        if self.missing_unit:
            parts.append(f"the closest release states no figure in {self.missing_unit}")
        if measure:
            parts.append(f"the closest release states no figure of {measure}")
        return parts


def said_time(iso: str) -> str:
    """An `iso_time` in English words: "29 February 2020", "February 2020", "2020", "2019-20" (India's
    financial year, as releases write it), "1 June 2020 to 31 May 2021"."""
    if fy := financial_year_said(iso):
        return fy

    def one(part: str) -> str:
        if len(part) == 4:
            return part
        day = dt.date.fromisoformat(part if len(part) == 10 else part + "-01")
        return f"{day.day} {day:%B %Y}" if len(part) == 10 else f"{day:%B %Y}"

    return " to ".join(one(part) for part in iso.split("/"))


# "according to the June 2020 announcement", "3 मई 2020 के बुलेटिन में": the time is the release's own.
# "since April 2020", "अप्रैल 2020 से": the question asks about everything after that time, not about it.
_OPEN_BEFORE = re.compile(r"\b(?:since|from|after|starting)\s+(?:the\s+)?$", re.I)
_OPEN_AFTER = re.compile(r"^\s*(?:से|के बाद)(?![\u0900-\u097f])(?!\s*(?:पहले|तक))")


def open_ended(question: str, window: TimeWindow) -> bool:
    """Whether the question's time starts a span that runs on ("since April 2020")."""
    at = question.find(window.text)
    if at < 0:
        return False
    return bool(_OPEN_BEFORE.search(question[:at]) or _OPEN_AFTER.match(question[at + len(window.text):]))


# The windows whose figures a sentence dates ("in June 2026", "as on 3 June"); a year's or a financial
# year's figures are stated beside other years' (growth over the year before).
FIGURE_DATED = ("day", "week", "month")
# ... and, counted as a setting of its own, a year's: "India's fish production in 2019-20" is not
# answered by a passage whose every production figure stands beside 2020-21 or a later year (a figure
# stated beside both years, as growth is, is not against).
FIGURE_DATED_YEARS = ("year", "financial-year")

_OF_THE_RELEASE = re.compile(r"\b(?:release|bulletin|update|announcement|report|press note|statement)s?\b|"
                             r"बुलेटिन|विज्ञप्ति|अपडेट|रिपोर्ट|घोषणा", re.I)


# A day the figures stand at ("as of August 12, 2026", "12 अगस्त 2026 तक"): a count so far, of that day.
_STATUS_BEFORE = re.compile(r"\b(?:as\s+(?:of|on)|till|until|up\s*to|upto)\s*$", re.I)
_STATUS_AFTER = re.compile(r"^\s*(?:तक|की\s+स्थिति)(?![\u0900-\u097f])")


def status_day_in(window: TimeWindow, figures, text: str, released: dt.date | None) -> bool:
    """Whether the passage gives its figures as of a day inside the window that had come when it was
    posted: a month's status ("how many houses had been completed as of August 2026") stands at one
    of its days, which is no other time, however long after it the release reports it (a reply to
    Parliament in August giving "831 MMUs ... as on 30.06.2026"). A day after the release is a
    target's ("to be completed up to 31.03.2027"), not a status."""
    for f in figures:
        a_day = f.kind == "date" and f.iso is not None and (len(f.iso) == 10 or f.iso.startswith("--"))
        if not a_day:
            continue
        before, after = text[max(0, f.start - 20):f.start], text[f.end:f.end + 20]
        if not (_STATUS_BEFORE.search(before) or _STATUS_AFTER.match(after)):
            continue
        if any(window.start <= a <= window.end and (released is None or a <= released)
               for a, _ in stated_windows([f], released)):
            return True
    return False


def time_fits(window: TimeWindow, release_date: str | None, figures, *, text: str | None = None,
              of_the_release: bool = False) -> bool | None:
    """Whether a passage is about the window; None when there is nothing to tell by.

    By the dates it states about as long as the window (a month's release names its month), and by
    its release date (in the window or just after it). For a day or a week both must be against it: a
    bulletin of the day asked for also states other days, and a weekly report is posted days after
    the day its figures are "as on". For a month or longer the stated dates decide (a month's figures
    are released in the next month), or, stating none, the release date; a passage whose figures
    stand "as of" one of its days is about it, whatever other months it names and however late it
    was posted.
    `of_the_release`: the question dates the release itself ("the August 2026 release"): a release of
    that time is about it."""
    released = dt.date.fromisoformat(release_date) if release_date else None
    stated = stated_time_fit(window, figures, released, alike=True, text=text, months=True)
    release = release_time_fit(window, released)
    if of_the_release and release == 1:
        return True
    if window.granularity in ("day", "week"):
        if stated == -1 and release < 1:
            return False
        if stated != 1 and released is not None and released < window.start:
            return False  # posted before the day: it can report on it only by naming it
    elif stated == -1 and not (released is not None and text is not None and status_day_in(window, figures, text, released)):
        return False
    elif stated == 0 and release == -1:
        return False
    if stated == 1 or release == 1:
        return True
    return None


def time_stated_instead(window: TimeWindow, release_date: str | None, figures, *, text: str | None = None) -> str | None:
    """What puts a passage `time_fits` finds of another time there, when it is the time the passage
    states (`iso_time`); None when it is its release date. For a month or longer the dates it states
    decide before its release date does (a month's collection is announced in the next month, on a
    day that may fall in the month asked); for a day or a week its release date is against it too,
    and a bulletin names other days than its own, so its dates decide only when it has no date."""
    released = dt.date.fromisoformat(release_date) if release_date else None
    if window.granularity in ("day", "week") and released is not None:
        return None
    instead = stated_instead(window, stated_windows(figures, released, text, months=True))
    return iso_time(*instead) if instead else None


def posted_after_the_day(window: TimeWindow, released: dt.date | None, figures, text: str) -> bool:
    """Whether a day or week is asked, the release was posted after it and its passage does not state
    it: such a release is about that day only if one of its versions says so ("as on 14.08.2026");
    being posted a few days later does not make a release that day's (a cost release posted on the
    24th for sown area "as on 21 August"). A release posted that very day is of it ("till date")."""
    return (window.granularity in ("day", "week") and released is not None and released != window.start
            and stated_time_fit(window, figures, released, alike=True, text=text) != 1)


def states_time(window: TimeWindow, dated) -> bool:
    """Whether any of `dated` ((figures, release date) of each passage of a release's versions) states
    a date in the window, no longer than it: "2016 में ... खाते" is not answered by a release that names
    no day, month or year of 2016, however close its words."""
    span = (window.end - window.start).days
    for figures, release_date in dated:
        released = dt.date.fromisoformat(release_date) if release_date else None
        if any(a <= window.end and b >= window.start and (b - a).days <= span + 3
               for a, b in stated_windows(figures, released)):
            return True
    return False


def sentence_dates(passage: Passage, figure, sentences) -> list:
    """The date, year and period figures stated in the sentence that holds `figure` (`sentences`:
    (start, end, ...) each; the whole passage when none holds it): the time a figure is of, which the
    time it is compared with is not."""
    a, b = next(((a, b) for a, b, *_ in sentences if a <= figure.start < b), (0, len(passage.text)))
    return [g for g in passage.figures if g.kind in TIME_KINDS and a <= g.start < b
            and not comparison_base(passage.text, g.start, g.end)]


def figures_time_instead(window: TimeWindow, passage: Passage, kinds: frozenset[str], sentences,
                         release_date: str | None) -> str | None:
    """The time the sentences of the asked figures date them to (`iso_time`), when
    `figures_of_other_time`: that, not the release's date, puts the passage at another time."""
    released = dt.date.fromisoformat(release_date) if release_date else None
    dates = {(g.start, g.end): g for f in passage.figures if f.kind in kinds
             for g in sentence_dates(passage, f, sentences)}
    instead = stated_instead(window, without_plans(
        window, stated_windows([dates[k] for k in sorted(dates)], released, passage.text), released))
    return iso_time(*instead) if instead else None


def figures_of_other_time(window: TimeWindow, passage: Passage, kinds: frozenset[str], sentences,
                          release_date: str | None) -> bool:
    """Whether every figure of the asked kind in the passage stands in a sentence that dates it to
    another time than the question's ("exports in June 2026" against a table of July 2026 and July
    2025). Only dates about as long as the window count, and none the release could not yet report on
    (`without_plans`); a figure whose sentence states none may be of any time, and so is not against."""
    released = dt.date.fromisoformat(release_date) if release_date else None
    asked = [f for f in passage.figures if f.kind in kinds]
    if not asked:
        return False
    for f in asked:
        stated = stated_windows(sentence_dates(passage, f, sentences), released, passage.text)
        if windows_fit(window, without_plans(window, stated, released), alike=True) != -1:
            return False
    return True


class AnswerabilityCheck:
    """The best release and its versions → a Verdict, for a question whose best score passed the floor."""

    def run(self, question: str, window: TimeWindow | None, passage: Passage, releases: list[Release],
            release_figures: list, names_held: frozenset[str] | None = None, *,
            kinds: frozenset[str] = frozenset(), sentences=None,
            measured: frozenset[str] | None = None, figure_time: bool = True, count_measure: bool = True,
            dated=None, stated_time: bool = True, figure_years: bool = True,
            passage_names: frozenset[str] | None = None, places_alone: frozenset[str] | None = None,
            indicators: bool = False, groups: bool = False, ordinals: bool = False) -> Verdict:
        """`releases`: the best release first, then its other-language versions and duplicates;
        `passage`: the best passage; `release_figures`: the figures of all of the best release's
        passages; `names_held`: the name keys of all of those releases, when already known (a
        searcher keeps each passage's), else read from their texts. `kinds`: the figure kinds the
        question asks for; with the passage's `sentences` ((start, end, ...) each), a dated question
        is not answered by a passage whose every such figure is dated to another time. `measured`: the
        terms of the versions in the question's language (None: the answer's release is in the other),
        which must hold the thing the question counts (`asked_measure`). `figure_time`, `count_measure`: whether
        those two findings count against the answer (either way they are reported). `dated`: (the date,
        year and period figures, the release date) of each passage of the versions; where the release
        date cannot tell (a year's figures may come out years later; an undated release) one of them
        must state the question's time (`states_time`), which counts when `stated_time`. `figure_years`:
        the figures' time counts for a year or financial year too (`FIGURE_DATED_YEARS`).
        `passage_names`: the name keys of the passage that would answer and of the releases' titles;
        when given, a place the question names must be among them, not only somewhere in the release
        (a state-wise table of case counts names Gujarat, the amount paid to Gujarat's hospitals not).
        `places_alone`: the place keys the versions name outside bare lists of places, and their titles'
        names; when given, a place the question names must be among them. `indicators`: an index the
        question calls by its everyday name ("retail inflation") must be named by one of the releases
        (CPI, or spelled out in either language), as a place must; `groups`: so must a part of the
        population it asks about (`asked_groups`: women); `ordinals`: and an ordinal it asks about ("the
        10th convocation": index/ordinals.py)."""
        texts = (NameIndex.of_keys(names_held) if names_held is not None
                 else NameIndex("\n".join(f"{r.title}\n{r.text}" for r in releases)))
        latin = any(not DEVANAGARI.search(r.text[:2000]) for r in releases)
        missing, unplaced, listed = [], [], []
        for name in question_names(question):
            if name.kind == "name" and not latin:
                continue  # a capitalised English word may be translated, not transliterated (Navy, नौसेना)
            if not texts.holds(name) and not (name.kind == "acronym" and any(
                    spelled_out(name, f"{r.title}\n{r.text}") for r in releases)):
                missing.append(name.text)
            elif passage_names is not None and name.kind == "known" and not name.keys & passage_names:
                unplaced.append(name.text)
            elif places_alone is not None and name.kind == "known" and not name.keys & places_alone:
                listed.append(name.text)
        if indicators:
            missing += [i.short for i in asked_indicators(question)
                        if not any(i.named.search(f"{r.title}\n{r.text}") for r in releases)]
        if groups:
            missing += [word for word, named in asked_groups(question) if word not in missing
                        and not any(named.search(f"{r.title}\n{r.text}") for r in releases)]
        if ordinals:
            missing += [said for n, said in asked_ordinals(question).items()
                        if not any(holds_ordinal(f"{r.title}\n{r.text}", n) for r in releases)]
        other_time = figures_other = unstated = False
        time_fit = 0
        stated = None  # the time the passage states instead of the question's, when that is against it
        if window is not None and not open_ended(question, window):
            text, figures = with_title(passage.text, passage.figures, releases[0].title)
            figures = [f for f in figures if not comparison_base(text, f.start, f.end)]
            fits = time_fits(window, releases[0].date, figures, text=text,
                             of_the_release=bool(_OF_THE_RELEASE.search(question)))
            if fits is not True and columns_state(window, passage.figures):
                fits = True  # a table's column of the asked time ("Feb-19"): its cells are of it
            other_time = fits is False
            time_fit = {True: 1, None: 0, False: -1}[fits]
            if other_time:
                stated = time_stated_instead(window, releases[0].date, figures, text=text)
            released = dt.date.fromisoformat(releases[0].date) if releases[0].date else None
            if dated is not None and (fits is None and release_time_fit(window, released) == 0
                                      or posted_after_the_day(window, released, figures, text)):
                unstated = not states_time(window, dated) and not states_time(
                    window, [(title_figures(r.title), r.date) for r in releases])  # a title's year too
                other_time = other_time or stated_time and unstated
            if (kinds and sentences is not None and window.granularity in (*FIGURE_DATED, *FIGURE_DATED_YEARS)
                    and not _OF_THE_RELEASE.search(question)):
                figures_other = figures_of_other_time(window, passage, kinds, sentences, releases[0].date)
                if figures_other and fits is not False:
                    stated = figures_time_instead(window, passage, kinds, sentences, releases[0].date)
                other_time = other_time or figures_other and figure_time and (
                    figure_years or window.granularity in FIGURE_DATED)
        unit = asked_unit(question)
        missing_unit = unit if unit and not any(same_measure(f.unit, unit) for f in release_figures) else None
        if unit is None and asks_area(question) and not any(f.unit in AREA_UNITS for f in release_figures):
            missing_unit = AREA_SAID
        measure = asked_measure(question) if measured is not None else frozenset()
        missing_measure = None
        if measure and not measure & measured:
            words = measure_words(question)
            # a compound written apart or hyphenated: "अंगवस्त्रम" is "अंग वस्त्रम", "streetlights" "street lights"
            squeezed = [re.sub(r"[\s\-]+", "", r.text.lower()) for r in releases if r.lang == releases[0].lang]
            if not any(w.lower() in text for w in words for text in squeezed):
                missing_measure = " ".join(words)
        counted_measure = missing_measure if count_measure else None
        return Verdict(answerable=not (missing or unplaced or listed or other_time or missing_unit or counted_measure),
                       released=releases[0].date, missing_names=tuple(missing), unplaced=tuple(unplaced),
                       other_time=other_time, missing_unit=missing_unit,
                       missing_measure=counted_measure, time_fit=time_fit, figures_other_time=figures_other,
                       unheld_measure=missing_measure, time_unstated=unstated, listed_only=tuple(listed),
                       stated=stated)

