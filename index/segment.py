"""Sentences and passages with exact character offsets into the release text.

Boundaries come from indic-nlp-library's rules: its delimiter patterns (danda, ?, ! and, where a
text has no danda, the full stop) and its list of Indic non-breaking abbreviations. We do not use
its `sentence_split` output itself, because it rewrites whitespace (`U.S.` comes back as `U. S.`),
never breaks after a digit (`in 2020. The` stays one sentence) and glues a sentence to the one
before an abbreviation (`... institutions. Dr. Harsh`). So we walk the delimiters ourselves and
keep offsets: the text is never altered, every sentence and passage is a slice of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from indicnlp import langinfo
from indicnlp.tokenize.sentence_tokenize import (
    CONTAINS_DANDA,
    DELIM_PAT_DANDA,
    DELIM_PAT_NO_DANDA,
    is_acronym_abbvr,
)

from index.names import find_known
from index.records import Passage

# Tokens after which a full stop does not end a sentence (compared lower-case, without the dot).
# Single letters (initials) and dotted acronyms (U.S., i.e.) are handled by rule.
NON_BREAKING = {
    "rs", "re", "dr", "shri", "smt", "sh", "kum", "mr", "mrs", "ms", "prof", "no", "nos", "st",
    "jr", "sr", "vs", "viz", "approx", "govt", "dept", "hon'ble", "honble",
    "lt", "col", "gen", "maj", "capt", "brig", "cdr", "adm", "sq", "ldr", "wg", "fig", "art",
    "sec", "cl", "para", "vol", "pvt", "est", "mt", "sl", "ft", "km", "kg",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "श्री", "डॉ", "सुश्री", "श्रीमती", "कु", "प्रो", "रु", "सं",
}

_TOKEN_BEFORE = re.compile(r"(\S+)$")
_LOOK = 64  # how far around a full stop its abbreviation and the next word are looked for
_DOTTED_ACRONYM = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}$")
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_PARAGRAPH = re.compile(r"[^\n]+")
# A line that opens with a short label and a colon or dash: "·       तेलंगाना- ...", "Kerala:".
_LABEL_HEAD = re.compile(r"[\s·•●▪◦*]*([^\n:;,.।\-–—·•]{2,40}?)\s*[:\-–—](?:\s|$)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def _delimiters(text: str, lang: str) -> re.Pattern:
    """indic-nlp's own choice: danda languages break on the full stop only when the text has no danda."""
    if langinfo.is_danda_delim(lang) and CONTAINS_DANDA.search(text):
        return DELIM_PAT_DANDA
    return DELIM_PAT_NO_DANDA


def _non_breaking(before: str, lang: str) -> bool:
    """`before`: at most `_LOOK` characters before the full stop. A token longer than that is no
    abbreviation."""
    m = _TOKEN_BEFORE.search(before)
    if not m or (m.start() == 0 and len(before) == _LOOK):
        return False
    token = m.group(1).lstrip(_OPENERS)
    if token.lower() in NON_BREAKING:
        return True
    if len(token) == 1 and token.isalpha():  # an initial: "A. K. Sharma"
        return True
    if _DOTTED_ACRONYM.match(token):  # U.S, i.e, e.g, N.D.R.F
        return True
    return lang != "en" and bool(token) and is_acronym_abbvr(token, lang)


def _glued(text: str, at: int) -> bool:
    """Does a sentence begin right after the delimiter at text[at], with no space between? The
    scrape often drops it ("... two world wars.Like the world", "... बनाया गया।इस पैकेज"). A danda is
    never inside a word, nor a ? or ! before a letter of a script without case, so a letter after
    them begins one; otherwise a sentence begins only between a lower-case word, letters alone and
    no abbreviation, and a capitalised one: never inside a link (".aspx?ModuleId"), a domain or a
    dotted acronym."""
    after = text[at + 1:at + 3]
    caseless = after[:1].isalpha() and after[0].lower() == after[0].upper()
    if text[at] in "\u0964\u0965" or (text[at] in "?!" and caseless):
        return after[:1].isalpha()
    if len(after) < 2 or not (after[0].isupper() and after[1].islower()):
        return False
    m = _TOKEN_BEFORE.search(text[max(0, at - _LOOK):at])
    token = m.group(1).lstrip(_OPENERS) if m else ""
    return len(token) >= 2 and token.isalpha() and token[-1].islower() and token.lower() not in NON_BREAKING


def _is_boundary(text: str, at: int, lang: str, glued: bool) -> bool:
    """Is the delimiter at text[at] the end of a sentence?"""
    nxt = text[at + 1:at + 2]
    if nxt and not nxt.isspace() and nxt not in _CLOSERS:
        return glued and _glued(text, at)  # 48.31, 31.03.2020, pib.gov.in, U.S, "?!" never
    if text[at] != ".":
        return True
    # bounded windows, not the text before and after: a release of one long line is read in linear time
    if _non_breaking(text[max(0, at - _LOOK):at], lang):
        return False
    following = text[at + 1:at + 1 + _LOOK].lstrip(_CLOSERS + " \t").lstrip(_OPENERS)
    return not following[:1].islower()  # "... approx. two lakh" continues


def split_sentences(text: str, lang: str, *, glued: bool = True) -> list[Span]:
    """Sentence spans of `text`; lines are hard boundaries (PIB bodies put one paragraph a line).
    `glued`: whether a sentence run into the one before it without a space begins one (`_glued`)."""
    spans: list[Span] = []
    for para in _PARAGRAPH.finditer(text):
        chunk, base = para.group(0), para.start()
        begin = 0
        for m in _delimiters(chunk, lang).finditer(chunk):
            if m.start() < begin or not _is_boundary(chunk, m.start(), lang, glued):
                continue
            end = m.end()
            while end < len(chunk) and chunk[end] in _CLOSERS:
                end += 1
            spans.append(_trimmed(chunk, begin, end, base))
            begin = end
        spans.append(_trimmed(chunk, begin, len(chunk), base))
    return [s for s in spans if s.end > s.start]


def _trimmed(chunk: str, a: int, b: int, base: int) -> Span:
    while a < b and chunk[a].isspace():
        a += 1
    while b > a and chunk[b - 1].isspace():
        b -= 1
    return Span(base + a, base + b)


@dataclass(frozen=True)
class PassageSettings:
    """How sentences are grouped; part of the index stamp, since changing it changes every vector."""

    max_chars: int = 700
    max_sentences: int = 4
    overlap: int = 1


def place_heads(text: str, starts: list[int]) -> set[int]:
    """Which of the sentences starting at `starts` open a line headed by a known place alone: the
    state-wise part of a daily bulletin ("·       तेलंगाना- कल तक कुल मामले 1061 ...", "Kerala:"), whose
    lines name their state once, at their head. A window that ran on into the next state's line
    would give that state's figures under the first one's name."""
    heads, bare = set(), set()
    for k, at in enumerate(starts):
        line = text.rfind("\n", 0, at) + 1
        if text[line:at].strip(" \t·•●▪◦*"):
            continue
        m = _LABEL_HEAD.match(text, line)
        if m and any(spelling.lower() == m.group(1).strip().lower() for spelling in find_known(m.group(1)).values()):
            heads.add(k)
            end = text.find("\n", line)
            if not text[m.end():end if end >= 0 else len(text)].strip():
                bare.add(k)
    # a head with nothing under it ("Telangana:" then "Mizoram:") stays with the next one
    return {k for k in heads if not (k in bare and k + 1 in heads)}


class Segmenter:
    """Release text → overlapping windows of whole sentences, each a slice of the text. A window
    does not run on into a line headed by a place (`place_heads`): that line starts a window."""

    def __init__(self, settings: PassageSettings | None = None):
        self.settings = settings or PassageSettings()

    def run(self, text: str, lang: str) -> list[tuple[int, int]]:
        s = self.settings
        # Windows are cut at the sentences the index was built with, glued ones kept whole: cutting
        # there too moves stored passages and their vectors, a change measured apart (docs/retrieval.md).
        sentences = split_sentences(text, lang, glued=False)
        # A sentence longer than the window is cut at whitespace so no passage is unbounded.
        pieces: list[Span] = []
        for sp in sentences:
            start = sp.start
            while sp.end - start > s.max_chars:
                cut = text.rfind(" ", start + s.max_chars // 2, start + s.max_chars)
                cut = cut if cut > start else start + s.max_chars
                pieces.append(Span(start, cut))
                start = cut
                while start < sp.end and text[start].isspace():
                    start += 1
            if start < sp.end:
                pieces.append(Span(start, sp.end))
        heads = place_heads(text, [p.start for p in pieces])
        windows: list[tuple[int, int]] = []
        i = 0
        while i < len(pieces):
            j = i + 1
            while (
                j < len(pieces)
                and j - i < s.max_sentences
                and pieces[j].end - pieces[i].start <= s.max_chars
                and j not in heads
            ):
                j += 1
            windows.append((pieces[i].start, pieces[j - 1].end))
            if j >= len(pieces):
                break
            i = j if j in heads else max(j - s.overlap, i + 1)
        return windows


def passages_of(release_id: str, lang: str, text: str, segmenter: Segmenter) -> list[Passage]:
    return [
        Passage(release_id=release_id, lang=lang, start=a, end=b, text=text[a:b])
        for a, b in segmenter.run(text, lang)
    ]
