"""CI gate: every evaluation suite stays at or above its pinned floors (floors only go up)."""
from __future__ import annotations

import json

import pytest

from communique import evaluation as ev

# suites reading ../shared skip themselves when it is absent (result.skipped)
SUITES = ev.available()


def test_evaluation_floors_every_suite_has_floors():
    missing = [name for name in SUITES if not ev.floors(name)]
    assert not missing, f"suites without pinned floors: {missing}"


@pytest.mark.slow
@pytest.mark.parametrize("name", SUITES)
def test_evaluation_floors_hold(name):
    result = ev.run_suite(name)
    if result.skipped:
        pytest.skip(result.skipped)
    assert result.metrics, f"suite {name} reported no metrics"
    failures = ev.below_floor(result)
    assert not failures, "\n".join(failures) + "\n" + json.dumps(result.metrics, indent=1)


@pytest.mark.parametrize("value,floor,ok", [(0.95, 0.9, True), (0.85, 0.9, False), (None, 0.9, False)])
def test_evaluation_floors_below_floor_detects(monkeypatch, value, floor, ok):
    monkeypatch.setattr(ev, "floors", lambda name: {"m": floor})
    r = ev.SuiteResult(name="x", metrics={} if value is None else {"m": value})
    assert (ev.below_floor(r) == []) is ok
