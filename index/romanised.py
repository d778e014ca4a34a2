"""A Hindi question typed in Latin letters ("MP ke kitne sellers ne GeM par profile complete ki?", "July
2026 mein retail inflation kitni thi?"), read as the Hindi question it is.

Many who ask in Hindi on a phone type it in Latin letters. Such a question's nouns are mostly English
or names ("sellers", "inflation", "GeM"), which the search finds as typed; its grammar says what it
asks: "kitne" a count, "kab" a date, "kitne crore rupaye" a sum of money, "3 June 2020 tak" a day,
"pichhle saal" last year. The readers of those (index/search/question.py, index/timeq.py,
index/answerable.py) know them in Devanagari. Read as typed, the grammar words are neither: no reader
knows them, and the search counts "ke", "ki", "ne" as rare words no release holds, so every passage
seems to miss most of the question. So the question's grammar words and light verbs, the parts of the
population it may ask about ("mahilaon"), and the words of time, scale, currency and unit its readers
look for are written in Devanagari for them and for e5: "MP के कितने sellers ने GeM पर profile complete
की?". Its nouns stay as typed: "kisan" finds "PM-KISAN".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.lexical import DEVANAGARI

_LATIN_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")

# Each Devanagari word → the Latin spellings users type it in (lower case).
_SPELLINGS: dict[str, tuple[str, ...]] = {
    # what is asked
    "कितने": ("kitne", "kitney", "kitnay", "kitane"),
    "कितना": ("kitna", "kitnaa"),
    "कितनी": ("kitni", "kitnee", "kitani"),
    "कब": ("kab",),
    "किस": ("kis",),
    "कौन": ("kaun", "kon", "kaon"),
    "कौनसा": ("kaunsa", "konsa"),
    "कौनसी": ("kaunsi", "konsi"),
    "कौनसे": ("kaunse", "konse"),
    "क्या": ("kya", "kyaa"),
    "कैसे": ("kaise", "kese"),
    "क्यों": ("kyon", "kyun", "kyu"),
    "कहां": ("kahan", "kahaan", "kaha"),
    # postpositions and particles
    "का": ("ka",),
    "की": ("ki",),
    "के": ("ke",),
    "को": ("ko",),
    "ने": ("ne",),
    "से": ("se",),
    "में": ("mein", "mei", "mai", "mey", "me"),
    "पर": ("par", "pe"),
    "तक": ("tak", "tk"),
    "और": ("aur",),
    "या": ("ya",),
    "भी": ("bhi",),
    "लिए": ("liye", "lie"),
    "द्वारा": ("dwara", "dvara", "duara"),
    "तहत": ("tahat", "tehat"),
    "बाद": ("baad",),
    "पहले": ("pehle", "pahle", "pahile"),
    "दौरान": ("dauran", "doran"),
    "बीच": ("beech", "bich"),
    "प्रति": ("prati",),
    "लगभग": ("lagbhag",),
    "वाले": ("wale", "vale"),
    "वाली": ("wali", "vali"),
    "वाला": ("wala", "vala"),
    # verbs and auxiliaries
    "है": ("hai", "hei", "h"),
    "हैं": ("hain", "hai'n", "hein", "hen"),
    "था": ("tha",),
    "थी": ("thi",),
    "थे": ("thay", "thhe"),
    "हुआ": ("hua", "huaa", "huwa"),
    "हुई": ("hui", "huyi", "huii"),
    "हुए": ("hue", "huye"),
    "गया": ("gaya",),
    "गई": ("gayi", "gai", "gayee"),
    "गए": ("gaye", "gae"),
    "मिला": ("mila",),
    "मिली": ("mili",),
    "मिले": ("mile",),
    "दिया": ("diya",),
    "दिए": ("diye", "die"),
    "किया": ("kiya",),
    "किए": ("kiye", "kie"),
    "होगा": ("hoga",),
    "होगी": ("hogi",),
    "होंगे": ("honge",),
    "रहा": ("raha",),
    "रही": ("rahi",),
    "रहे": ("rahe",),
    "चुका": ("chuka",),
    "चुकी": ("chuki",),
    "चुके": ("chuke",),
    "हो": ("ho",),
    "होना": ("hona",),
    "होता": ("hota",),
    "होती": ("hoti",),
    "होते": ("hote",),
    "आया": ("aaya", "aya"),
    "आई": ("aayi", "aai", "ayi"),
    "आए": ("aaye", "aye", "aae"),
    "मिलेगा": ("milega",),
    "मिलेगी": ("milegi",),
    "मिलेंगे": ("milenge",),
    "लिया": ("liya",),
    "भेजा": ("bheja",),
    "भेजी": ("bheji",),
    "भेजे": ("bheje",),
    "जारी": ("jari", "jaari"),
    "चल": ("chal",),
    "चली": ("chali",),
    "चले": ("chale",),
    "लगते": ("lagte",),
    "लगता": ("lagta",),
    "लगी": ("lagi",),
    "लगे": ("lage",),
    "करने": ("karne",),
    "करते": ("karte",),
    # the parts of the population a question asks about ("kitni mahilaon ko")
    "महिला": ("mahila", "mahilayen"),
    "महिलाओं": ("mahilaon", "mahilao", "mahilaaon"),
    "पुरुष": ("purush",),
    "पुरुषों": ("purushon",),
    "बच्चे": ("bachche", "bacche", "bachhe"),
    "बच्चों": ("bachchon", "bachon", "bacchon"),
    "लड़कियों": ("ladkiyon", "ladkiyo"),
    "लड़कियां": ("ladkiyan", "ladkiyaan"),
    # time
    "साल": ("saal", "sal"),
    "वर्ष": ("varsh", "varsha", "warsh"),
    "वित्त": ("vitt", "vitta"),
    "महीने": ("mahine", "mahiney", "mahina"),
    "हफ्ते": ("hafte", "hafta"),
    "दिन": ("din",),
    "पिछले": ("pichhle", "pichle", "pichhale", "pichley", "pichhley"),
    "पिछला": ("pichhla", "pichla"),
    "अगले": ("agle", "agley"),
    "आज": ("aaj", "aj"),
    "अब": ("ab",),
    "अभी": ("abhi",),
    "रोज": ("roz", "roj"),
    "रोजाना": ("rozana", "rojana"),
    "प्रतिदिन": ("pratidin",),
    "कुल": ("kul",),
    "सालगिरह": ("saalgirah", "salgirah", "saalgira"),
    "उम्र": ("umar", "umr", "umra"),
    "बार": ("baar",),
    "लोग": ("log",),
    "लोगों": ("logon", "logo", "logo'n"),
    # scale, currency, rate, unit
    "करोड़": ("crore", "crores", "cr", "karod", "karor", "karoad"),
    "लाख": ("lakh", "lakhs", "lac", "lacs", "laakh"),
    "हजार": ("hazar", "hazaar", "hajar", "hajaar", "thousand"),
    "अरब": ("arab",),
    "रुपये": ("rupaye", "rupay", "rupye", "rupaiye", "rupiye", "rupee", "rupees", "rs"),
    "प्रतिशत": ("pratishat", "pratishath", "pratisat", "percent", "percentage"),
    "फीसदी": ("fisadi", "feesadi"),
    "हेक्टेयर": ("hectare", "hectares", "hactare", "hectair"),
    "लीटर": ("litre", "litres", "liter", "liters", "ltr"),
    "टन": ("ton", "tons", "tonne", "tonnes"),
    "किलो": ("kilo", "kilogram", "kilograms", "kg", "kgs"),
    "किलोमीटर": ("km", "kilometre", "kilometres", "kilometer", "kilometers"),
    "मेगावाट": ("mw", "megawatt", "megawatts"),
    "गीगावाट": ("gw", "gigawatt", "gigawatts"),
    # the kind of figure a few nouns ask
    "लागत": ("lagat", "laagat"),
    "राशि": ("rashi", "raashi"),
    "निवेश": ("nivesh",),
    "खर्च": ("kharch", "kharcha"),
    "वृद्धि": ("vriddhi", "vridhi", "vruddhi"),
    "बढ़ा": ("badha", "badhaa"),
    "बढ़ी": ("badhi",),
    "बढ़े": ("badhe",),
    "घटा": ("ghata",),
    "घटी": ("ghati",),
    "कम": ("kam",),
    "ज्यादा": ("zyada", "jyada", "zyaada", "jyaada"),
}
# Two words read as one: "is saal" is this year, where "is" alone is English.
_PAIRS: dict[tuple[str, str], str] = {
    ("is", "saal"): "इस साल", ("is", "sal"): "इस साल", ("is", "varsh"): "इस वर्ष", ("is", "mahine"): "इस महीने",
    ("kaun", "sa"): "कौनसा", ("kaun", "si"): "कौनसी", ("kaun", "se"): "कौनसे",
    ("kon", "sa"): "कौनसा", ("kon", "si"): "कौनसी", ("kon", "se"): "कौनसे",
}
# Words typed with a capital that are still these words: a scale, a currency, a unit ("Rs 530 Crore", "MW").
_UNIT_WORDS = frozenset(("करोड़", "लाख", "हजार", "अरब", "रुपये", "प्रतिशत", "हेक्टेयर", "लीटर", "टन", "किलो", "किलोमीटर",
                         "मेगावाट", "गीगावाट"))
_DEVANAGARI_OF = {spelling: word for word, spellings in _SPELLINGS.items() for spelling in spellings}

# Words no English question holds: one of them makes a Latin question Hindi. Short or English-like ones
# ("ka", "me", "par", "rs", "ton") count only two together.
_HINDI_ONLY = frozenset(
    "kitne kitney kitnay kitane kitna kitnaa kitni kitnee kitani kab kaun kaunsa konsa kaunsi konsi kaunse konse kya "
    "kyaa hai hain tha thi hua huaa huwa hui huyi hue huye gaya gayi gaye mila mili diya diye kiya kiye hoga hogi "
    "honge mein pichhle pichle pichhla pichla saal mahine tak tahat dwara dauran lagbhag rupaye rupye pratishat".split())
_HINDI_TOO = frozenset("ka ki ke ko ne se me mai mei par pe aur ya bhi liye baad pehle wale wali wala raha rahi rahe kul".split())


def romanised_hindi(question: str) -> bool:
    """Whether a question is Hindi typed in Latin letters: no Devanagari, and a word only Hindi has, or
    two of Hindi's short grammar words."""
    return not DEVANAGARI.search(question) and _is_hindi(_words_read(question))


def _words_read(question: str) -> list[tuple[re.Match, str | None]]:
    """Each Latin word of the question, and the Devanagari word it is read as (`_read`), if any."""
    return [(m, _read(m.group(0), i == 0)) for i, m in enumerate(_LATIN_WORD.finditer(question))]


def _is_hindi(words: list[tuple[re.Match, str | None]]) -> bool:
    typed = [m.group(0).lower() for m, read in words if read is not None]
    return any(w in _HINDI_ONLY for w in typed) or sum(w in _HINDI_TOO for w in typed) >= 2


def _read(word: str, first: bool) -> str | None:
    """A typed word in Devanagari, or None: a word that begins with a capital past the question's first is
    a name ("Patna–Gaya highway", "KA"), unless it is a unit or a scale ("Rs 530 Crore", "MW")."""
    devanagari = _DEVANAGARI_OF.get(word.lower())
    if devanagari is None or (word[0].isupper() and not first and devanagari not in _UNIT_WORDS):
        return None
    return devanagari


@dataclass(frozen=True)
class Reading:
    """A question as typed and as its readers read it, and where each word read anew stands in both."""

    typed: str
    text: str
    # (start, end) in `text` and (start, end) in `typed` of each word written in Devanagari
    words: tuple[tuple[int, int, int, int], ...] = ()

    def typed_text(self, part: str) -> str:
        """What the user typed for `part`, a piece of the text as read: a reply says the time it read
        from "pichhle saal", not from "पिछले साल"."""
        at = self.text.find(part)
        if at < 0 or not self.words:
            return part
        return self.typed[self._typed_at(at, True):self._typed_at(at + len(part), False)]

    def _typed_at(self, i: int, start: bool) -> int:
        shift = 0
        for a, b, typed_a, typed_b in self.words:
            if i <= a:
                break
            if i < b:
                return typed_a if start else typed_b
            shift = typed_b - b
        return i + shift


def reading(question: str) -> Reading:
    """A romanised Hindi question with its grammar words, and its words of time, scale, currency and
    unit, in Devanagari; any other question as it is."""
    if DEVANAGARI.search(question) or not _is_hindi(words := _words_read(question)):
        return Reading(question, question)
    out, spans, at, length, i = [], [], 0, 0, 0

    def put(typed_a: int, typed_b: int, word: str) -> None:
        nonlocal at, length
        out.append(question[at:typed_a])
        length += typed_a - at
        spans.append((length, length + len(word), typed_a, typed_b))
        out.append(word)
        length += len(word)
        at = typed_b

    while i < len(words):
        m, word = words[i]
        after = words[i + 1][0] if i + 1 < len(words) else None
        pair = (m.group(0).lower(), after.group(0).lower()) if after else None
        if pair in _PAIRS and question[m.end():after.start()].isspace():
            put(m.start(), after.end(), _PAIRS[pair])
            i += 2
            continue
        if word is not None:
            put(m.start(), m.end(), word)
        i += 1
    return Reading(question, "".join(out) + question[at:], tuple(spans))


def as_read(question: str) -> str:
    """`reading`'s text: the question as its readers read it."""
    return reading(question).text
