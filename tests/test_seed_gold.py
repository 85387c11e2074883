"""The seed article against its gold (skipped without ../shared): every gold event with its
direction, PLOVER type, modality and date, and no event the gold does not list."""
from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def seed_result(shared, seed_text, extract):
    from communique.evaluation.seed import score
    gold = json.loads((shared / "gold" / "seed.gold.json").read_text(encoding="utf-8"))
    coded = extract(seed_text, published=gold["pub_date"]).to_dict()
    return score(gold, coded), coded


def test_all_five_gold_events(seed_result):
    r, _ = seed_result
    assert r.metrics["event_recall"] == 1.0


def test_no_extra_events(seed_result):
    r, coded = seed_result
    assert r.metrics["extra_events"] == 0, [(e["source"]["country"], e["target"]["country"], e["plover"]["type"])
                                            for e in coded["events"]]


def test_historical_visit_keeps_its_year(seed_result):
    _, coded = seed_result
    past = [e for e in coded["events"] if e["when"] == "past"]
    assert [(e["plover"]["type"], e["date"], e["source"]["country"], e["target"]["country"]) for e in past] == \
        [("CONSULT", "2004", "OMN", "KAZ")]


def test_invitation_is_agree_036(seed_result):
    _, coded = seed_result
    inv = [e for e in coded["events"] if e["plover"]["type"] == "AGREE"]
    assert len(inv) == 1 and inv[0]["cameo"]["code"] == "036" and inv[0]["when"] == "reported"


def test_suite_runs_with_floors(shared):
    from communique.evaluation import below_floor, run_suite
    r = run_suite("seed", shared)
    assert not r.skipped and below_floor(r) == []
