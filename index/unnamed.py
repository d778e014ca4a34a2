"""The places and organisations a question names that its answer does not.

An answer that names none of them is mostly another place's: "In the state of Uttar Pradesh, three
food irradiation facilities have been commissioned till date in the private sector." for
Maharashtra's, a national total for a state's, a bulletin's paragraph on another state
(docs/retrieval.md, "An answer that does not name the asked place"). The reply says so beside the
answer (`answer.unnamed`); with `SearchSettings.check_answer_places` the search gives no answer instead.
"""
from __future__ import annotations

from collections.abc import Sequence

from index.names import Name, find_known
from index.records import Answer, Hit


def said_before(hit: Hit, answer: Answer) -> str:
    """The answer's passage up to its sentence's end, from the start of the line the passage starts
    in: a window may start inside a bulletin's paragraph about one state, headed by its name."""
    passage, text = hit.passage, hit.release.text
    if text[passage.start:passage.end] != passage.text:
        return passage.text[:answer.end]
    return text[text.rfind("\n", 0, passage.start) + 1:passage.start + answer.end]


def unnamed_places(asked: Sequence[Name], hit: Hit | None, answer: Answer) -> list[str]:
    """Those of `asked` (the question's known names) that the answer names nowhere: neither its
    sentence nor what precedes it (`said_before`), its figures' labels (a table's row) nor its
    release's title (what the whole release is about). `hit`: the answer's own."""
    if not asked:
        return []
    before = said_before(hit, answer) if hit is not None and not answer.in_title else answer.text
    named = {*find_known(before), *find_known(hit.release.title if hit is not None else "")}
    for f in answer.figures:
        named.update(find_known(f.label or ""))
    return [n.text for n in asked if not n.keys & named]
