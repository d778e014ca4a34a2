"""bench/latency.py's question sets: distinct questions, and the PIB ones from tuning sets only."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import latency  # noqa: E402
from bot.evaluate import set_kind  # noqa: E402


def test_pib_questions_come_from_tuning_sets_only_and_are_distinct():
    assert all(set_kind(name) == "tuning" for name in latency.PIB_SETS)
    qs = latency.pib_questions(300)
    assert len(qs) == 300 == len(set(qs))
    assert latency.pib_questions(300) == qs  # the same questions every run
    assert any("\u0900" <= c <= "\u097f" for q in qs for c in q)  # Hindi among them
