"""The `corpus` evaluation suite: reading the hand count and the matching rules (no pipeline)."""
from __future__ import annotations

import pytest

from communique.evaluation import corpus as C


def _p(src, tgt, ptype, date="2025-01-01", mode=None, code="040", when="reported", conf=0.8):
    return {"source": src, "target": tgt, "type": ptype, "mode": mode, "when": when, "date": date, "code": code,
            "conf": conf, "trigger": "x", "evidence": "x"}


def _g(src, tgt, kind, plover, date="2025-01-01", n=1):
    return {"source": src, "target": tgt, "kind": kind, "plover": plover, "date": date, "note": "", "n": n}


def test_handcount_json_is_read(corpus_dir):
    hc = C.load_handcount(corpus_dir / "HANDCOUNT.md")
    assert hc["total_events"] == len(hc["events"])
    by_art = C.gold_by_article(hc)
    assert set(by_art) >= set(hc["articles"])
    assert all(g["plover"] != "COERCE" for g in hc["events"] if g["kind"] == "sanction")  # PLOVER: SANCTION


def test_missing_json_block_is_a_clear_error(tmp_path):
    p = tmp_path / "HANDCOUNT.md"
    p.write_text("# no block\n", encoding="utf-8")
    with pytest.raises(ValueError, match="handcount-json"):
        C.load_handcount(p)


@pytest.mark.parametrize("kind,plover,pred,ok", [
    ("agreement", "SUPPORT", _p("B", "A", "SUPPORT", code="057"), True),      # reciprocal: unordered
    ("praise", "SUPPORT", _p("B", "A", "SUPPORT", mode="praise"), False),     # directed
    ("praise", "SUPPORT", _p("A", "B", "SUPPORT", mode="praise"), True),
    ("agreement", "SUPPORT", _p("A", "B", "SUPPORT", mode="praise"), False),  # praise is not an agreement
    ("summon", "ACCUSE", _p("A", "B", "ACCUSE", mode="allege"), False),
    ("visit", "CONSULT", _p("A", "B", "CONSULT", date="2025-01-02", mode="visit"), False),
])
def test_matching_rules(kind, plover, pred, ok):
    s = C.score_article([pred], [_g("A", "B", kind, plover)])
    assert (s["g2p"][0] is not None) == ok


def test_meetings_during_a_visit_are_absorbed_and_others_are_spurious():
    gold = [_g("A", "B", "visit", "CONSULT")]
    preds = [_p("A", "B", "CONSULT", mode="visit", code="042", conf=0.9), _p("B", "A", "CONSULT", code="040"),
             _p("A", "B", "ACCUSE", code="112"), _p("A", "C", "ACCUSE", code="112"),
             _p("A", "B", "CONSULT", mode="visit", when="past", date="2004")]
    s = C.score_article(preds, gold, dyads={"A-B"})
    assert s["g2p"] == [0]
    assert len(s["absorbed"]) == 1 and len(s["spurious"]) == 1
    assert len(s["outside"]) == 1 and len(s["other"]) == 1
