"""The question's reading beyond its words: its language, the kind of figure it asks for, and what it
says of that figure. Kept apart from the search so the channels can ask the language alone."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import lxml.html.defs

from corpus import Release
from index.acronyms import asked_definitions
from index.answerable import asked_groups, asked_measure, unit_named_last, what_is_in_full
from index.figures.figure import TIME_KINDS
from index.figures.patterns import _MONTH_PAT, SCALE_WORD, written_scale
from index.lexical import DEVANAGARI, normalise, terms
from index.names import find_known, is_place
from index.timeq import TimeWindow, question_figures

# A sum of money named as such ("What was the value of minor forest produce procured", "स्टाइपेंड की
# कितनी राशि", "योजना का कुल परिव्यय कितना है") asks for money alone: a count or a tonnage beside it is
# not the answer. An index's value is not money. Read only with the `money_cue` setting.
_MONEY_CUE = re.compile(
    r"\bwhat(?: (?:was|is|were|are|will be|has been|had been))?(?: the)?"
    r"(?: total| gross| net| estimated| approved| sanctioned)?(?: [A-Z]{2,})? "
    r"(?:value(?! of (?:the )?ind(?:ex|ices)\b)|cost|outlay|revenue|budget|allocation|investment|"
    r"expenditure|turnover)\b|"
    r"कितने रुपये|कितनी\s+(?:[\u0900-\u097f]+\s+)?राशि|कितना धन|कितनी लागत|कितना निवेश|कितना राजस्व|कितना (?:परि)?व्यय|कितना खर्च|"
    r"कितना अनुदान|कितनी सब्सिडी|कितना मुआव(?:ज़?|\u095b)ा|"
    r"(?<![\u0900-\u097f])(?:राशि|लागत|निवेश|राजस्व|(?:परि)?व्यय|खर्च|बजट|आवंटन|अनुदान|सब्सिडी|मुआव(?:ज़?|\u095b)ा)"
    r"\s+कितन[ाीे](?![\u0900-\u097f])", re.I)
# The measures a question asks a figure of by their names: "the revised MSP", "the relocation package".
_MEASURE_NAMES = (r"(?:production|output|area|investment|cost|outlay|amount|revenue|value|budget|allocation|"
                  r"expenditure|collection|turnover|exports?|imports?|demand|capacity|sales|deficit|surplus|"
                  r"procurement|disbursement|subsidy|size|length|distance|volume|quantity|population|price|msp|yield|"
                  r"stipend|grant|assistance|loan|allowance|fee|wage|salary|pension|incentive|compensation|"
                  r"(?:fdi|fpi)(?!\s+(?:polic(?:y|ies)|norms?|rules?|limits?|caps?|regime|route)\b)|"
                  r"funding|money|weight|maximum|minimum|"
                  r"honorarium|prize|reward|premium|fine|penalty|package|index|score|support|limit|ceiling|target|"
                  r"weightage|rainfall|age|income|depth|height|altitude|elevation|width|speed|temperature|"
                  r"resolution|enrol+ment|tenure|duration|in-?flows?|out-?flows?|remittances?|coverage|cap|"
                  r"(?:central|centre|center|state)(?:['’]s)? share|"
                  r"trade(?!\s+(?:agreements?|fairs?|unions?|pacts?|deals?|marks?|polic(?:y|ies)|routes?|shows?|"
                  r"facilitation|cent(?:re|er)s?|portals?|promotion|talks|negotiations|partners?|ministers?)))\b")
# The words before "number" that make it one to call or type, not a count.
_CALLED_NUMBER = "".join(rf"(?<!{w}[ -])" for w in ("free", "helpline", "phone", "contact", "mobile", "registration",
                                                      "account", "roll", "vehicle", "emergency"))
# "How much below normal", "how much higher": a difference asked, not an amount.
_COMPARATIVE = r"(?:more|less|lower|higher|below|above|greater|smaller|fewer)\b"
_HOW_MUCH_MORE = r"\bhow much\s+" + _COMPARATIVE
# "which …" or "कौनसा …", up to two words before the thing it asks which one of ("which India-Japan annual
# summit", "कौन सा नया संस्करण")
_WHICH = r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?"
_WHICH_HI = r"कौन[\s-]*(?:सा|सी|से)\s+(?:[\u0900-\u097f]+\s+)?"
# The words of one of a series, asked "which …" in English or "कौनसा …" with the word left in Latin letters.
_SERIES = r"edition|episode|anniversary|instal+ment|tranche"
# ... and one of the meetings a body holds in a numbered series: "At which NEC plenary ...?" (the 73rd),
# "कौन सी बैठक", "लगातार कौन सी बार"
_MEETING_ASKED = re.compile(r"(?i)" + _WHICH + r"(?:summit|plenary|meeting|sitting|congress|convention|conclave)\b|"
                            + _WHICH_HI + r"(?:बैठक|बार|सम्मेलन|अधिवेशन)(?![\u0900-\u097f])")
# A query with no interrogative in either language, nor a request to tell or list: a phrase typed as a search
_NO_INTERROGATIVE = (r"^(?!.*\b(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|did|does|do|has|have|had|"
                     r"can|could|will|would|list|name|tell|explain|describe)\b)"
                     r"(?!.*(?:क्या|कौन|कब|कहां|कहाँ|क्यों|कैसे|कैसा|कैसी|कितन|बताएं|बताइए|बताओ|"
                     r"(?<![\u0900-\u097f])(?:किस(?!ान|्त)|किन(?!ार))))")  # किसने, किस वर्ष, किन जिलों; not किसान, किस्त, किनारा
_NO_INTERROGATIVE_RE = re.compile(_NO_INTERROGATIVE, re.I | re.S)
# Expected figure kinds by the question's interrogative (checked in order; first match wins).
_KIND_CUES: list[tuple[re.Pattern, frozenset[str]]] = [
    # Which one of a series: "Which edition of the Science Congress …?", "कौन सा वेबिनार था?", "कितनवीं बैठक",
    # "कौन-से गणतंत्र दिवस समारोह में"
    # ... and "Which meeting number", "which number tribe", "कौन-से नंबर का अभियान", not a number one calls
    (re.compile(_WHICH + r"(?:" + _SERIES + "|"
                r"session(?!\s+of\s+(?:the\s+)?parliament)|foundation day|convocation)\b|"
                r"\b(?:which|what)\s+(?:republic|independence)\s+day\b|कौन[\s-]*(?:सा|सी|से)\s+(?:गणतंत्र|स्वतंत्रता)\s+दिवस|"
                r"\b(?:which|what)\s+(?:[\w'’-]+\s+){1,2}?" + _CALLED_NUMBER + r"number\b(?!\s+of\b)|"
                r"\b(?:which|what)\s+(?:meeting|sitting|conference|summit|round|phase|batch|" + _SERIES + r")\s+number\b|"
                r"\b(?:which|what)\s+number\s+(?!(?:should|to|do|does|did|can|could|is|was|are|were|for|of|will|would|must|"
                r"has|have|had|i|we|you|they)\b)[a-z]|"
                r"कितनव(?:ां|ाँ|ीं|ें|ा|ी|े)(?![\u0900-\u097f])|"
                + _WHICH_HI + r"(?:संस्करण|एपिसोड|वेबिनार|वेबीनार|सत्र|किस्त|दौर|"
                r"स्थापना दिवस|दीक्षांत|वर्षगांठ|सालगिरह|नंबर\s+(?:के|की|का)(?![\u0900-\u097f])|"
                r"(?:" + _SERIES + r"|session|webinar)\b)", re.I),
     frozenset({"ordinal"})),
    # A rank asked: "What position did JNCASR get in the Nature Index?", "Where did India rank in ...", "ranking
    # kitni": an ordinal ("7th", "third spot") or a bare number ("improved in the Innovation Index to 52")
    (re.compile(_WHICH + r"(?:rank|ranking|position|spot)\b|"
                r"(?<![\w.-])[\w.-]+(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:rank|ranking)\s+(?:in|on|among|at)\b|"  # "India's rank in the GII"
                r"\bwhere\s+(?:did|does|do|is|was|has)\s+(?:[\w'’.-]+\s+){1,3}?rank(?:ed)?\b(?!\s+(?:list|holders?))|"
                # "Where does India stand globally in patent filings?", "भारत किस स्थान पर है?"
                r"\bwhere\s+(?:did|does|do|is|was)\s+(?:[\w'’.-]+\s+){1,3}?stand\s+(?:globally|worldwide|in|among)\b|"
                r"(?<![\u0900-\u097f])किस\s+(?:स्थान|पायदान)\s+पर(?![\u0900-\u097f])|"
                r"\b(?:rank|ranking)\s+(?:कितनी|कितना|कितने|क्या)|(?:कितनी|कितना|कितने)\s+(?:rank|ranking)\b", re.I),
     frozenset({"ordinal", "count"})),
    # A percentage the value asked changed from: "what has the margin money been cut to from 20%?", "सब्सिडी 25% से
    # बढ़कर कितनी की गई": the value it came to is one too
    (re.compile(r"(?i)\bfrom\s+\d[\d.,]*\s*(?:%|per\s?cent\b)|"
                r"\d[\d.,]*\s*(?:%|प्रतिशत|फ़?ीसदी)\s+से\s+(?:बढ़|बढ\u093c|घट)"), frozenset({"percent"})),
    # A ratio asked: written as one ("24:1", "60:40") or as a percentage (a gross enrolment ratio's 71.7%)
    (re.compile(r"\bratio\b|\b(?:funding|sharing) pattern\b|(?<![\u0900-\u097f])अनुपात", re.I), frozenset({"percent", "ratio"})),
    (re.compile(r"\b(what|which) (percent|percentage|share|proportion)\b|\bhow much percent|"
                r"\b(?:what|how much|kitn[aie])\s*%|(?<![\u0900-\u097f])कितन[ाीे]\s*%|"
                r"(?<![0-9\u0966-\u096f.,\s])\s+%|^\s*%|"  # a sign standing for the word: "logistics cost % of GDP"
                r"\bpercent(age)?\b|\bper cent\b|\brate\b|\bgrowth\b|\binflation\b|"
                r"\b(?:forecast|model|average|absolute) error\b|"
                r"कितने प्रतिशत|कितना प्रतिशत|कितनी प्रतिशत|(?<!शत-)(?<!शत )प्रतिशत|फीसदी|मुद्रास्फीति|महंगाई|(?<![\u0900-\u097f])दर(?![\u0900-\u097f])|(?<![\u0900-\u097f])रेट\s+(?:कितनी|कितना|कितने|क्या)|अनुपात|कितनी हिस्सेदारी", re.I),
     frozenset({"percent"})),
    # "When was ...", "... and when did ...": not "since 15 April, when the season began"
    # ... and a date asked by its name: "the last date for filing", "which dates", "अंतिम तिथि क्या है"
    (re.compile(r"^\W*when\b|\bwhen\s+(?:was|were|is|are|did|does|do|will|would|has|have|had|can|could)\b|\bwhat date\b|\bwhich (days?|dates?)\b|\bon what day\b|(?<![\u0900-\u097f])कब(?![\u0900-\u097f])|किस तारीख|किस दिन|किस तिथि|"
                r"(?<!after the )(?<!before the )(?<!by the )\b(?:last|closing|due|final|polling|counting|scheduled) dates?\b|"
                r"\bwhat (?:is|was|are|were|will be) the dates?\b|"
                r"(?:अंतिम|आखिरी|आख़िरी|मतदान की|मतगणना की)\s+(?:तारीख|तिथि)(?!\s+(?:के\s+(?:बाद|पहले)|से\s+पहले|तक)(?![\u0900-\u097f]))|"
                r"(?:तारीख|तिथि)\s+क्या", re.I),
     frozenset({"date"})),
    (re.compile(r"\b(which|what) year\b|\bin what year\b|किस वर्ष|किस साल", re.I), frozenset({"year", "date"})),
    (_MONEY_CUE, frozenset({"money"})),
    # A currency named with the interrogative asks for a sum of money whatever the money_cue setting:
    # "कितने करोड़ रुपये", "how many crore rupees" (a count of "9.54 करोड़" families is no answer).
    (re.compile(r"\bhow many\s+(?:(?:crores?|lakhs?|thousand|millions?|billions?)\s+)?(?:rupees|dollars)\b|"
                r"(?:कितने|कितनी|कितना)\s+(?:(?:करो(?:ड\u093c?|\u095c)|लाख|हज\u093c?ार|अरब)\s+)?(?:रुपये|रुपए|रुपयों|डॉलर)", re.I),
     frozenset({"money"})),
    # "By how much did cement output grow?", "by how much had India cut ...": a rate or an amount
    (re.compile(r"\bby how much\b.*?\b(?:grow|grew|grown|rise|rose|risen|increase|decrease|decline|fall|fell|fallen|"
                r"drop|jump|climb|expand|shrink|shrank|cut|reduce|lower|slash|"
                r"(?:go|goes|going|gone|went|come|came|shot)\s+(?:up|down))", re.I),
     frozenset({"percent", "money", "quantity", "count"})),
    # "How much below normal was the rainfall?", "सामान्य से कितनी कम बारिश हुई?": a difference, often a rate
    (re.compile(_HOW_MUCH_MORE + r"|(?:कितना|कितनी|कितने)\s+(?:कम|अधिक|ज़्यादा|ज्यादा)(?![\u0900-\u097f])", re.I),
     frozenset({"percent", "money", "quantity", "count"})),
    # A tax's collection or revenue is a sum of money, whatever else the release counts beside it
    # ("GST collection in January" is not the 83.53 lakh GSTR-3B returns filed for January).
    (re.compile(r"\b(?:GST|taxe?s?|cess|dut(?:y|ies))\b(?:\s+[\w-]+){0,2}?\s+(?:collections?|revenues?|collected|mop-up)\b|"
                r"\b(?:collections?|revenues?) (?:of|from) (?:the )?(?:GST|taxe?s?|cess|dut(?:y|ies))\b|"
                r"(?<![\u0900-\u097f])(?:जीएसटी|उपकर|कर|शुल्क)\s+(?:का\s+|की\s+)?(?:संग्रह|राजस्व|वसूली|कलेक्शन)", re.I),
     frozenset({"money"})),
    (re.compile(r"\bhow much\b|\bwhat (was|is|were|are) (the )?(total |gross |net )?([A-Z]{2,} )?(cost|outlay|amount|revenue|value|"
                r"budget|allocation|investment|expenditure|collection|turnover)|कितनी राशि|कितना धन|"
                r"कितनी लागत|कितना निवेश|कितना राजस्व", re.I),
     frozenset({"money", "quantity", "count"})),
    # "What was the out-of-pocket share of total health spending?": a share, most often a percentage, or an amount
    # ... and "share kitna hai", "हिस्सा कितना है" (a romanised question's "kitna" read as कितना), "कितना हिस्सा"
    (re.compile(r"\bwhat\b(?: (?:is|was|were|are|will be|has been|had been))?(?: the)?(?: [\w'’-]+){1,4}? "
                r"share\b(?! price)|(?:\b(?:share|hiss?a|hissedari)\b|(?<![\u0900-\u097f])(?:हिस्सा|हिस्सेदारी))\s+"
                r"(?:\S+\s+)?कितन[ाीे](?![\u0900-\u097f])|"
                r"(?<![\u0900-\u097f])कितन[ाीे]\s+(?:हिस्सा|हिस्सेदारी|(?:share|hiss?a|hissedari)\b)"
                r"(?![\u0900-\u097f])", re.I),
     frozenset({"percent", "money", "quantity", "count"})),
    # "What is the expected sugar production", "What investment is projected", "What is the revised MSP": a measure
    # asked for by its name ...
    (re.compile(r"\bwhat\b(?: (?:is|was|were|are|will be|has been|had been))?(?: the)?(?: [\w'’-]+){0,7}? "
                + _MEASURE_NAMES, re.I),
     frozenset({"money", "quantity", "count"})),
    # ... and a query without an interrogative that names one: "Tamil Nadu's GST revenue for February 2020?"
    (re.compile(r"^(?!.*\b(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|did|does|do)\b)"
                r"(?!.*(?:क्या|कौन|कब|कहां|कहाँ|क्यों|कैसे|कितन)).*?\b" + _MEASURE_NAMES, re.I),
     frozenset({"money", "quantity", "count"})),
    # An age asked: "How old is he?", "From what age are senior citizens covered?" ("aged 33", "60 years and above")
    (re.compile(r"\bhow old\b|\b(?:what|which) age\b", re.I), frozenset({"quantity", "count"})),
    # "How many tigers": a count or a quantity, not a sum of money, unless money or a scale word
    # follows within three words ("how many crore rupees", "how many lakh houses": the next cue).
    (re.compile(r"(?i)\bhow many\b(?!(?:\s+\S+){0,2}?\s+(?:rupees?|crores?|lakhs?|dollars?|rs\.?|inr|usd)\b)"),
     frozenset({"count", "quantity"})),
    # ... but a number one calls or types is no count: "the toll-free number of", "the helpline number of"
    (re.compile(r"\bhow many\b|" + _CALLED_NUMBER + r"\bnumber of\b|\bhow large\b|\bhow long\b|\bhow far\b|\bhow big\b|"
                r"\bsize of\b|\b(?:count|tally|toll(?![- ]free))\b|कितने|कितनी|कितना|कितनों|संख्या", re.I),
     frozenset({"count", "quantity", "money"})),
    # A query typed as a phrase that ends as a question, with no interrogative at all: "Jan Aushadhi Kendras
    # in North 24 Parganas?", "PMAY-G houses under construction in Madhya Pradesh, FY 2021-22 to 2025-26?"
    (re.compile(_NO_INTERROGATIVE + r"(?!.*(?<![\u0900-\u097f])(?:है|हैं|था|थे|थी|थीं)\s*\?\s*$)"  # a sentence asked yes or no
                r".+\?\s*$", re.I | re.S),
     frozenset({"count", "quantity", "money"})),
]
# A search typed with no question mark that ends with what was done to the things it counts (a time after it at
# most: `_TRAILING_TIME`), or by asking their number: "chitrakoot banda raid pouches seized", "NM-ICPS startups
# incubated", "DPIIT recognised startups number"; not "GeM agreement with Madhya Pradesh" nor "Bus services resumed
# in Delhi"
_SEARCH_FOR_A_FIGURE = re.compile(
    _NO_INTERROGATIVE + r"(?:.*\b[A-Za-z][a-z]{2,}s\s+[a-z]{2,}ed\s*$|.*\s(?:number|total|nos?\.?)\s*$)", re.I | re.S)
# ... or with the things counted (or their count asked), then the place they are counted in: "FutureSkills PRIME
# certified candidates Tamil Nadu", "GeM SHG sellers in Bengaluru", "jan aushadhi kendra count bihar"
# (`names.find_known` reads the place, in any case; a time after it at most); not "Bus services resumed in Delhi"
_COUNTED_BEFORE_PLACE = re.compile(_NO_INTERROGATIVE + r".*\b(?:[A-Za-z][a-z]{2,}s|count|number|total)(?:\s+in)?\s*$",
                                   re.I | re.S)
# ... or names a place anywhere and ends with the things it counts: "Sikkim foreign tourist visits 2025";
# or names none but a time after those things: "cert-in cyber incidents 2025", "ehtp units fy 2025-26"
_COUNTED_LAST = re.compile(_NO_INTERROGATIVE + r".*\b[A-Za-z][a-z]{2,}s\s*$", re.I | re.S)
# ... or the whole country, which no release needs to name: "total lpg connections india 2014"
_COUNTRY_LAST = re.compile(r"(?i)(?<!\S)(?:(?:in|across)\s+)?(?:all\s+)?india$")
# (a run of spaces is tried from its start only: from each of its spaces it was quadratic)
_TRAILING_TIME = re.compile(r"(?i)(?<!\s)\s+(?:(?:in|as\s+(?:on|of)|till|until|up\s*to|during|since)\s+)?"
                            r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:(?:" + _MONTH_PAT + r")\.?,?\s+)?"
                            r"(?:fy\s*)?[0-9][0-9/–-]*\s*$")
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
_LATIN = re.compile(r"[A-Za-z]")


# A tag of HTML's own vocabulary: "x<y and y>z" is a comparison, not markup, and keeps its words.
_TAG = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
# Elements whose content is code for a browser, not words for a reader.
_CODE_ELEMENTS = ("script", "style", "template")


def without_markup(question: str) -> str:
    """The question as a reader sees it, when it holds HTML: a question pasted from a page
    ("<p>How many sellers…</p>") asks its words, and a probe ("<script>alert(1)</script>",
    "<img src=x onerror=…>") asks nothing, where its tag names and code would have been searched
    as words and e5 finds some passage near any text."""
    if not any(m.group(1).lower() in lxml.html.defs.tags for m in _TAG.finditer(question)):
        return question
    try:
        root = lxml.html.fragment_fromstring(question, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return question
    for element in list(root.iter(*_CODE_ELEMENTS)):
        element.drop_tree()
    return " ".join(root.text_content().split())


def question_lang(question: str) -> str:
    """'hi' when the question has Devanagari and no fewer Latin letters, else 'en' (a question with
    no letters at all, a bare number or date, included). The channels answer in this language too."""
    deva = len(DEVANAGARI.findall(question))
    return "hi" if deva and deva >= len(_LATIN.findall(question)) else "en"


def asked_years(question: str) -> frozenset[str]:
    """The years the question names: a release published in one of them is likelier the one asked about."""
    return frozenset(_YEAR.findall(normalise(question)))


def expected_kinds(question: str, *, money_cue: bool = False) -> frozenset[str]:
    question = what_is_in_full(question)
    for pattern, kinds in _KIND_CUES:
        if pattern is _MONEY_CUE and not money_cue:
            continue
        if pattern.search(question):
            return kinds
    return frozenset()


def searched_kinds(question: str) -> frozenset[str]:
    """The figure kinds a search phrase asks of its answer (`_SEARCH_FOR_A_FIGURE`, `_COUNTED_BEFORE_PLACE`,
    `_COUNTED_LAST`; a quantity, of one ending with a unit: `unit_named_last`), or a question of one of a
    body's numbered meetings (`_MEETING_ASKED`), for a question that asks none (`expected_kinds`, which the
    caller reads first: a phrase with no interrogative asks none of its cues but a measure's name or a
    closing "?"). Read for the answer alone, never to rank releases:
    with no interrogative, what a search names is as likely what its user wants to read about, and a count
    asked lifts any release stating one above the release that speaks of the search's words (an ordinal
    asked, any release stating one above the meeting's release in the other language)."""
    if _MEETING_ASKED.search(question):
        return frozenset({"ordinal"})
    # a time at its end at most: "pm rahat total victims benefitted till 31 july 2026"
    phrase = _TRAILING_TIME.sub("", question.rstrip())
    if _SEARCH_FOR_A_FIGURE.search(phrase) or _counted_in_place(phrase) or (
            phrase != question.rstrip() and _COUNTED_LAST.search(phrase)):
        return frozenset({"count", "quantity", "money"})
    if _NO_INTERROGATIVE_RE.match(phrase) and unit_named_last(phrase):
        return frozenset({"quantity"})
    return frozenset()


def _counted_in_place(phrase: str) -> bool:
    # in any case: a search typed on a phone ("EEZ access passes gujarat")
    places = [s for s in find_known(phrase).values() if is_place(s)]
    if places and _COUNTED_LAST.search(phrase):
        return True
    place = next((s for s in places if phrase.endswith(s)), None)
    if place is None and (country := _COUNTRY_LAST.search(phrase)):
        return bool(_COUNTED_BEFORE_PLACE.search(phrase[:country.start()]))
    return place is not None and bool(_COUNTED_BEFORE_PLACE.search(phrase[:-len(place)]))


@dataclass(frozen=True)
class FigureCues:
    """What the question says of the figure it asks for besides its words, each set by its setting."""
    unit: str | None = None  # figure_unit: the unit it names
    window: TimeWindow | None = None  # figure_time: against a figure whose sentence states only other times
    row_window: TimeWindow | None = None  # row_time: for a table cell whose row is that time ("Apr-26"), or its column
    acronyms: dict[str, frozenset[str]] | None = None  # acronym_phrases (index/acronyms.py)
    loans: dict[str, str] | None = None  # loanwords (index/loanwords.py)
    glossed: tuple | None = None  # glossary: its words the question spells (index/glossary.py, `glossed_terms`)
    label_weight: float = 0.0  # figure_label_weight: for the question's words in the figure's label
    # defined_acronyms: the question's terms, whose phrases a release may write as an acronym it defines
    asked: frozenset[str] | None = None
    # spans_asked: the time units the question names (`asked_spans`); None: any span answers
    spans: frozenset[str] | None = None
    # passage_groups_weight, sentence_groups_weight: what names each part of the population it asks about
    # (`asked_groups`: women, rural)
    groups: tuple[re.Pattern, ...] = ()

    def of_release(self, release: Release | None) -> "FigureCues":
        """These cues, with the acronyms `release` defines for a phrase the question asks
        ("Unemployment Rate (UR)": its "UR" beside 5.1% holds "unemployment rate")."""
        if self.asked is None or release is None:
            return self
        found = asked_definitions(release.text, self.asked)
        return dataclasses.replace(self, acronyms={**(self.acronyms or {}), **found}) if found else self


NO_CUES = FigureCues()


@dataclass(frozen=True)
class AskedFigure:
    """What the question says of the one figure that answers it, beside its words: a sentence states
    several ("MBBS and PG seats increased to 1,28,976 and 85,822"), and these tell them apart."""
    named: frozenset[str] = frozenset()  # kinds named outright: a cost, a sum of money (`expected_kinds`, money cue)
    counted: frozenset[str] = frozenset()  # the terms of the thing counted ("how many milk unions": `asked_measure`)
    change: bool = False  # it asks how much something changed (`asks_change`), not where it stands
    before: bool = False  # it asks what a value was before it changed (`asks_before`), not what it came to
    whole: bool = False  # it asks for a total (`asks_whole`), not a part of one
    one_day: bool = False  # it asks a single day's figure (`asks_one_day`), not a running total
    so_far: bool = False  # it asks a running total (`asks_so_far`), not one period's figure
    scale: int | None = None  # the scale it asks its figure in (`asked_scale`: "कितने करोड़ पन्ने", "how many lakh")
    given: frozenset = frozenset()  # the values of the numbers it states (`given_values`): given, not asked
    part: frozenset[str] = frozenset()  # the terms that set the part asked apart from its whole (`asked_part`)
    population_part: bool = False  # it names a part of the population (`asked_groups`: women, rural)
    currency: str | None = None  # the currency it names (`asked_currency`: "the rupee value", "कितने डॉलर")
    now: bool = False  # it asks where a value stands now (`asks_now`), not where it started
    bound: str | None = None  # "upper" or "lower": the end of a range it asks (`asked_bound`: "the maximum age")


ANY_FIGURE = AskedFigure()

# A question about a change, not a level: "by how much did it rise", "how much higher", "the increase in",
# "कितनी वृद्धि", "कितना बढ़ा", "कितने अंक". A figure in percentage points answers only such a question.
_CHANGE = re.compile(
    r"(?i)\bby how (?:much|many)\b|" + _HOW_MUCH_MORE + "|"
    r"\b(?:increase|decrease|rise|rose|risen|fall|fell|fallen|decline|drop|dropped|jump|jumped|gain|change|"
    r"difference|improvement|improve|improved|grow|grew|grown|surge|dip|slip|slipped)(?:s|d|ed)?\b|"
    r"\bpercentage points?\b|"
    r"वृद्धि|बढ़|बढ\u093c|घट|गिरावट|गिर(?:ा|ी|े)|अंतर|बदलाव|इजाफ|उछाल|सुधार|अंकों|अंक(?![\u0900-\u097f])")


def asks_change(question: str) -> bool:
    """Whether the question asks how much something changed rather than where it stands."""
    return _CHANGE.search(question) is not None


# The value before a change: "from what", "earlier", "पहले".
_BEFORE = re.compile(r"(?i)\b(?:from what|from how (?:much|many)|earlier|previous(?:ly)?|before|initially|originally|"
                     r"formerly)\b|पहले|पूर्व में|शुरुआत में")


# What a value stands at now asked: "the current capacity", "at present", "वर्तमान में", "मौजूदा".
_NOW = re.compile(r"(?i)\b(?:current(?:ly)?|now|at present|presently)\b|वर्तमान|मौजूदा|फ़?िलहाल|"
                  r"(?<![\u0900-\u097f])अभी(?![\u0900-\u097f])")


def asks_now(question: str) -> bool:
    """Whether the question asks where a value stands now: of "from X to Y", Y alone answers it."""
    return _NOW.search(question) is not None and not asks_before(question)


# The end of a range asked: "the maximum age", "अधिकतम उम्र" (of "aged 15-45 years", 45); "the minimum age",
# "न्यूनतम", "from what age" (15).
_UPPER = re.compile(r"(?i)\b(?:maximum|max|upper)\b|\bup\s*to\s+(?:what|which)\b|अधिकतम|ज़?्यादा\s+से\s+ज़?्यादा")
_LOWER = re.compile(r"(?i)\b(?:minimum|min|lower)\b|\bfrom\s+(?:what|which)\s+age\b|न्यूनतम|कम\s+से\s+कम")


def asked_bound(question: str) -> str | None:
    """Which end of a range the question asks, if it asks one end alone."""
    upper, lower = bool(_UPPER.search(question)), bool(_LOWER.search(question))
    return "upper" if upper and not lower else "lower" if lower and not upper else None


def asks_before(question: str) -> bool:
    """Whether the question asks what a value was before it changed: a sentence's "from X to Y" answers
    most questions with Y."""
    return _BEFORE.search(question) is not None


# A total asked: "in total", "out of how many", "कुल".
_WHOLE = re.compile(r"(?i)\b(?:total|in all|altogether|overall|out of how many|whole)\b|कुल")


# A figure's own words saying it is a total: "taking the total recovery to 1,837 kg", "कुल 1,837", "365+47=412".
TOTAL_SAID = re.compile(r"(?i)\b(?:total(?:l?ing|l?ed|s)?|in all|altogether|overall)\b|कुल|=\s*$")  # "totaling ₹7,000"


def asks_whole(question: str) -> bool:
    """Whether the question asks for a total: "out of 5,86,944 villages 5,63,809" answers most
    questions with the part."""
    return _WHOLE.search(question) is not None


# A single day's figure asked: "in a single day", "on that day", "in the last 24 hours", "एक दिन में".
_ONE_DAY_ASKED = re.compile(r"(?i)\b(?:single day|in (?:a|one) day|per day|daily|in the (?:last|past) 24 hours|"
                            r"yesterday|that day|on the day)\b|एक दिन में|एक ही दिन|पिछले 24 घंटों|प्रतिदिन|उस दिन")


# What happened on a day: "tested on 2 June 2020", "2 जून 2020 को ... जांच हुई"; not a state up to it.
_ON_A_DAY = re.compile(r"(?i)(?<!\bas )\bon\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTH_PAT + r")|(?:"
                       + _MONTH_PAT + r")\s*\d{1,2}(?:st|nd|rd|th)?\b)|"
                       r"(?<![\u0900-\u097f\d])\d{1,2}\s+(?:" + _MONTH_PAT + r")\s*,?\s*(?:\d{4}\s+)?को(?![\u0900-\u097f])")
_UP_TO_A_DAY = re.compile(r"(?i)\b(?:as on|as of|by|till|until|up to|upto|had|have|has|total)\b|(?<![\u0900-\u097f])तक(?![\u0900-\u097f])|कुल")


def asks_one_day(question: str) -> bool:
    """Whether the question asks one day's figure: a bulletin states it beside the running total."""
    return _ONE_DAY_ASKED.search(question) is not None or (
        _ON_A_DAY.search(question) is not None and _UP_TO_A_DAY.search(question) is None
        and not asks_so_far(question))


_SO_FAR_ASKED = re.compile(r"(?i)\b(?:so far|till date|till now|to date|in all|cumulative(?:ly)?|"
                           r"since (?:its |the )?(?:inception|launch|start|beginning))\b|अब तक|आज तक|शुरुआत से")


def asks_so_far(question: str) -> bool:
    """Whether the question asks a running total ("so far", "अब तक"): a release states it beside each
    year's or day's figure."""
    return _SO_FAR_ASKED.search(question) is not None


# "How much FDI has been proposed": an amount, which a count of things ("29 FDI investments") is not; but
# "by how much" asks a change, which a count may be ("an increase of around 60.32 lakh in the female enrolment").
_HOW_MUCH = re.compile(r"(?i)(?<!\bby )\bhow much\b(?!\s+" + _COMPARATIVE + ")")


def asked_figure(question: str) -> AskedFigure:
    """What the question says of the figure that answers it (`AskedFigure`)."""
    named = expected_kinds(question, money_cue=True)
    if _HOW_MUCH.search(question) and named - {"count"}:
        named -= {"count"}
    return AskedFigure(named=named, counted=asked_measure(question),
                       change=asks_change(question), before=asks_before(question), whole=asks_whole(question),
                       one_day=asks_one_day(question), so_far=asks_so_far(question), scale=asked_scale(question),
                       given=given_values(question), part=asked_part(question),
                       population_part=bool(asked_groups(question)), currency=asked_currency(question),
                       now=asks_now(question), bound=asked_bound(question))


# A part of a whole, asked by what sets it apart: "Of SpiceJet's cargo flights ..., how many were international?",
# "How many of IndiGo's cargo flights ... were international?", "... उड़ानों में से कितनी अंतरराष्ट्रीय थीं?" (the
# whole before the match, each read from a fixed start: a long question is read once, not from every word)
_PART_ASKED = (re.compile(r"(?i)^\W*(?:of|out of|among)\s+(?P<whole>[^?,]+),\s*how many\s+(?:were|are|was|is)\s+(?P<part>[^?]+)"),
               re.compile(r"(?i)\bhow many of\s+(?P<whole>[^?]+?)\s+(?:were|are|was|is)\s+(?P<part>[^?]+)"),
               re.compile(r"\s+में\s+से\s+कितन[ेीा]\s+(?P<part>[^?।]+?)\s*(?:थे|थीं|थी|था|हैं|है)\s*[?।]?\s*$"))


def asked_part(question: str) -> frozenset[str]:
    """The terms of what sets the part a question asks apart from the whole it names ("international" of
    "Of SpiceJet's cargo flights, how many were international?"): the whole's figure stands beside the
    part's ("153 cargo flights ... Out of these 44 were international cargo flights") and holds the
    question's other words as well."""
    m = next((m for pattern in _PART_ASKED if (m := pattern.search(question))), None)
    if m is None:
        return frozenset()
    whole = m.group("whole") if "whole" in m.re.groupindex else question[:m.start()]
    return frozenset(t for t in terms(m.group("part"), drop_stopwords=True) if not any(c.isdigit() for c in t)) - frozenset(
        terms(whole, drop_stopwords=True))


def given_values(question: str) -> frozenset:
    """The values of the numbers a question states, its times aside ("the ₹2,399 annual plan", "of the
    253 shooters"): what it gives to say what it asks about, not the figure it asks."""
    return frozenset(f.value for f in question_figures(question) if f.kind not in TIME_KINDS and f.value is not None)


# The interrogative a scale word may follow: "how many lakh farmers", "कितने करोड़ पन्ने".
_ASKS_A_NUMBER = re.compile(r"(?i)(?<![\w\u0900-\u097f])(?:how many|how much|कितने|कितनी|कितना)\s+")
_SCALE_WORDS = re.compile(rf"(?:{SCALE_WORD.pattern})(?:\s+(?:{SCALE_WORD.pattern}))*", re.I)


# A currency the question names, as the figure readers name it (`Figure.unit` of a sum of money).
_CURRENCIES = {"INR": re.compile(r"(?i)(?<![\w])(?:rupees?|rs\.?|inr|rupa(?:y|ye|ya|yon))(?![\w])|₹|"
                                 r"(?<![\u0900-\u097f])रुप(?:ये|ए|यों|या)(?![\u0900-\u097f])"),
               "USD": re.compile(r"(?i)(?<![\w])(?:dollars?|usd)(?![\w])|\$|डॉलर")}


def asked_currency(question: str) -> str | None:
    """The one currency the question names, if it names one: a sum stated in both ("Rs. 73,890 crore (USD
    8.46 billion)") answers in the one asked."""
    named = [code for code, pattern in _CURRENCIES.items() if pattern.search(question)]
    return named[0] if len(named) == 1 else None


def asked_scale(question: str) -> int | None:
    """The multiplier of the scale word right after the question's interrogative ("कितने करोड़ पन्ने
    डिजिटाइज हुए?": 10**7): the figure asked is written in it ("753.60 crore pages"), not a count of
    538 courts beside it."""
    for m in _ASKS_A_NUMBER.finditer(question):
        if written := _SCALE_WORDS.match(question, m.end()):
            return written_scale(written.group())
    return None
