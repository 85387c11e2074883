"""The `timeplace` evaluation suite runs on its fixtures and stays above its floors."""
from __future__ import annotations

import json

from communique.evaluation import FLOORS_DIR, timeplace


def test_fixtures_are_well_formed():
    recs = timeplace.load_fixtures()
    kinds = {r["kind"] for r in recs}
    assert kinds == {"dateline", "date", "event_date", "location", "sectors", "article_location"}
    assert {r["split"] for r in recs} == {"dev", "holdout"}
    assert len(recs) >= 100
    for r in recs:
        if r["kind"] == "article_location":
            assert r["evidence"] in r["text"] and {"plover", "name", "country"} <= set(r)


def test_suite_meets_its_floors():
    res = timeplace.run(None)
    floors = json.loads((FLOORS_DIR / "timeplace.json").read_text())
    low = {k: (res.metrics.get(k), v) for k, v in floors.items() if res.metrics.get(k, 0) + 1e-9 < v}
    assert low == {}
