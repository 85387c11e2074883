"""The `quotes` evaluation suite: fixtures, matching, speaker agreement, floors."""
from __future__ import annotations

import pytest

from communique.evaluation import below_floor, floors
from communique.evaluation import quotes as suite


def test_fixtures_are_consistent_and_large_enough():
    recs = suite.load_fixtures()
    n_direct = n_indirect = 0
    styles = set()
    for r in recs:
        styles.add(r["style"])
        for q in r["quotes"]:
            assert r["text"][q["start"]:q["end"]] == q["text"], (r["id"], q["text"])
            assert q["speaker"] is None or (isinstance(q["speaker"], list) and q["speaker"])
            n_direct += q["direct"]
            n_indirect += not q["direct"]
    assert n_direct >= 80 and n_indirect >= 30
    assert {"wire", "ministry", "interview"} <= styles
    texts = "\n".join(r["text"] for r in recs)
    for mark in ('"', "\u201c", "\u00ab", "\u2018", "'"):   # every kind of mark is exercised
        assert mark in texts


@pytest.mark.parametrize("pred, gold, ok", [
    ("Kassym-Jomart Tokayev", ["Tokayev"], True),
    ("Tokayev", ["Kassym-Jomart Tokayev"], True),
    ("Recep Tayyip Erdo\u011fan", ["Recep Tayyip Erdogan"], True),
    ("Sergey Lavrov", ["Tokayev"], False),
    (None, None, True),
    (None, ["Tokayev"], False),
    ("Tokayev", None, False),
    ("the Ministry", ["Ministry of Foreign Affairs of Kazakhstan", "ministry"], True),
])
def test_speaker_ok(pred, gold, ok):
    assert suite.speaker_ok(pred, gold) is ok


def test_match_needs_half_of_the_gold_span_and_is_one_to_one():
    gold = [{"start": 0, "end": 10}, {"start": 20, "end": 30}]
    pred = [{"start": 0, "end": 4}, {"start": 0, "end": 6}, {"start": 18, "end": 40}]
    pairs = suite.match(pred, gold)
    assert [(g["start"], p["end"]) for g, p in pairs] == [(20, 40), (0, 6)]


def test_score_counts_precision_recall_and_speakers():
    recs = [{"id": "a", "style": "wire", "text": "x" * 50, "quotes": [
        {"text": "", "start": 0, "end": 10, "direct": True, "speaker": ["Tokayev"]},
        {"text": "", "start": 20, "end": 30, "direct": False, "speaker": None}]}]
    preds = [[{"start": 0, "end": 10, "direct": True, "text": "", "speaker": "Lavrov"},
              {"start": 40, "end": 45, "direct": True, "text": "", "speaker": None}]]
    m, _ = suite.score(recs, preds)
    assert m["direct_precision"] == 0.5 and m["direct_recall"] == 1.0
    assert m["direct_speaker_acc"] == 0.0
    assert m["indirect_recall"] == 0.0 and m["indirect_f1"] == 0.0


def test_floors_are_pinned():
    fl = floors("quotes")
    for k in ("direct_f1", "direct_speaker_acc", "indirect_f1", "indirect_speaker_acc"):
        assert 0 < fl[k] <= 1


@pytest.mark.slow
def test_suite_meets_floors():
    res = suite.run(None)
    assert not res.skipped
    assert below_floor(res) == []
    assert res.metrics["direct_f1"] >= 0.95 and res.metrics["direct_speaker_acc"] >= 0.95
