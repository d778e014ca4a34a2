"""Whether a question is written in a script the corpus is in: Latin (English) or Devanagari (Hindi).

e5 is multilingual, so a question in Tamil or Bengali still lands near some release, near enough to
be answered wrongly or to miss the score floor by a hair ("the closest passage scores 0.850, below
0.85", with three releases cited that have nothing to do with it). The releases are in Hindi and
English only: what the question's letters are written in says so before any score does. Letters
only: digits, punctuation and the Common script's letters (mathematical bold, a Telegram user's
styled text) are in no language, and a few Latin acronyms ("GeM") in a Tamil question, or one Tamil
word in a Hindi one, do not make the question's language; most of its letters do.
"""
from __future__ import annotations

import unicodedata
from collections import Counter

import regex

# A letter of a script, or its vowel sign (Tamil and Hindi write most vowels as signs, English as
# letters: counting both weighs each script by how much of the question it writes). Common and
# Inherited letters and marks belong to every script and say nothing.
_LETTER = regex.compile(r"[[\p{L}\p{M}]--\p{Script=Common}--\p{Script=Inherited}]", flags=regex.V1)
_READ = regex.compile(r"[\p{Script=Latin}\p{Script=Devanagari}]")
# The scripts a question is likeliest written in besides those read, India's first, each by the name
# a reader knows it by (Unicode's script name where that differs): the reply names the one found.
_NAMED = {name: regex.compile(r"\p{Script=%s}" % prop) for name, prop in (
    ("Bengali", "Bengali"), ("Tamil", "Tamil"), ("Telugu", "Telugu"), ("Gujarati", "Gujarati"),
    ("Kannada", "Kannada"), ("Malayalam", "Malayalam"), ("Gurmukhi", "Gurmukhi"), ("Odia", "Oriya"),
    ("Arabic", "Arabic"), ("Ol Chiki", "Ol_Chiki"), ("Meetei Mayek", "Meetei_Mayek"), ("Sinhala", "Sinhala"),
    ("Tibetan", "Tibetan"), ("Myanmar", "Myanmar"), ("Thai", "Thai"), ("Cyrillic", "Cyrillic"), ("Greek", "Greek"),
    ("Hebrew", "Hebrew"), ("Han", "Han"), ("Hiragana", "Hiragana"), ("Katakana", "Katakana"), ("Hangul", "Hangul"),
)}


def _script_of(letter: str) -> str:
    """A letter's script, by `_NAMED` or else by the first word of its Unicode name ("ETHIOPIC SYLLABLE HA")."""
    for name, pattern in _NAMED.items():
        if pattern.match(letter):
            return name
    return unicodedata.name(letter, "another").split(" ")[0].title()


def unread_script(question: str) -> str | None:
    """The script most of the question's letters are written in when it is neither Latin nor
    Devanagari ("Tamil", "Bengali", "Arabic"), else None: a question the service can read, or one
    with no letters at all (a bare number, an emoji), which is another rule's business."""
    letters = _LETTER.findall(question)
    unread = [c for c in letters if not _READ.match(c)]
    if len(unread) * 2 <= len(letters):
        return None
    return Counter(map(_script_of, unread)).most_common(1)[0][0]


def unread_reason(script: str) -> str:
    """The reply's `reason` for a question `unread_script` names a script of."""
    return f"the question is written in the {script} script: the service answers questions in Hindi and English"
