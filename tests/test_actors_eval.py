"""The `actors` evaluation suite (our fixtures) meets its pinned floors; fixtures are well formed."""
from __future__ import annotations

import pytest

from communique.evaluation import below_floor, floors
from communique.evaluation.actors import _span, load_fixtures


def test_fixtures_are_well_formed():
    fx = load_fixtures()
    mentions = [m for f in fx for m in f["mentions"]]
    assert len(mentions) >= 150
    cats = {f["category"] for f in fx}
    assert {"date", "coref", "metonym", "agent", "trap", "title", "former", "org"} <= cats
    for f in fx:
        for m in f["mentions"]:
            assert _span(f["text"], m["text"], m.get("nth", 0)) is not None, (f["id"], m["text"])


def test_floors_are_pinned():
    fl = floors("actors")
    assert fl["country_accuracy"] >= 0.95 and fl["country_sector_accuracy"] >= 0.90


@pytest.mark.slow
def test_actors_suite_meets_floors():
    from communique.evaluation.actors import run
    res = run(None)
    assert not below_floor(res), below_floor(res)
    assert res.metrics["country_accuracy"] >= 0.95
    assert res.metrics["country_sector_accuracy"] >= 0.90


@pytest.mark.slow
def test_ner_suite_reads_the_dev_set(shared):
    from communique.evaluation.ner import REL, read_conll
    data = read_conll(shared / REL)
    assert len(data) > 1000
    text, spans = data[0]
    assert {s[0] for s in spans} <= {"S", "T", "R"}
    for _side, s, e in spans:
        assert 0 <= s < e <= len(text)


@pytest.mark.slow
def test_ner_suite_metrics(shared):
    from communique.evaluation.ner import run
    res = run(shared, limit=60)
    assert res.skipped is None
    for k in ("country_rate", "side_agreement", "side_swapped"):
        assert 0.0 <= res.metrics[k] <= 1.0
    assert res.metrics["country_rate"] > 0.4
