"""scripts/check_offices.py: imprecise dates, overlaps and gaps in the holders of an office, and the
committed knowledge base checked with it (no new overlaps between two holders of one office)."""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from communique.kb import DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
LO, HI = dt.date(2023, 1, 1), dt.date(2026, 12, 31)

# Overlaps left in the committed KB (2023-01-01..2026-12-31, heads of state and government), all from the
# imported Wikidata index: a successor known by year only ("2026") whose start day we do not know, or two
# holders dated the same day (BGD, PER in 2026). Pinned: the number may go down, never up.
MAX_OVERLAPS = 21
MAX_EXACT_OVERLAPS = 2        # both terms dated to the day (BGD and PER heads of state in 2026)
MAX_IMPRECISE = 116           # rows with a year-only / year-month start or end in 2022-2026


@pytest.fixture(scope="module")
def chk():
    spec = importlib.util.spec_from_file_location("check_offices", ROOT / "scripts" / "check_offices.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def row(name, start, end="", country="XXX", role="head of state", source="curated"):
    return {"name": name, "country": country, "role": role, "start": start, "end": end, "source": source}


def test_handover_day_is_not_an_overlap(chk):
    groups = {("XXX", "head of state"): [row("A", "2020-05-01", "2025-08-06"), row("B", "2025-08-06")]}
    assert chk.overlaps(groups, LO, HI) == []
    assert chk.gaps(groups, {"XXX"}, LO, HI) == [("XXX", "head of government", LO, HI),
                                                 ("XXX", "foreign minister", LO, HI)]


def test_year_only_successor_overlaps_its_predecessor(chk):
    a, b = row("A", "2015-08-06", "2025-08-06"), row("B", "2025")
    ov = chk.overlaps({("XXX", "head of state"): [a, b]}, LO, HI)
    assert len(ov) == 1 and ov[0][4] == dt.date(2025, 1, 1) and ov[0][5] == 218
    assert chk.imprecise([a, b], 2022, 2026) == [b]


def test_gap_between_terms(chk):
    groups = {("XXX", "head of state"): [row("A", "2019-01-01", "2024-03-01"), row("B", "2024-03-10")]}
    gp = [g for g in chk.gaps(groups, {"XXX"}, LO, HI) if g[1] == "head of state"]
    assert gp == [("XXX", "head of state", dt.date(2024, 3, 2), dt.date(2024, 3, 9))]


@pytest.mark.parametrize("skipped", [
    row("C", "2024-01-01", source="wikidata+exofficio"),                           # another realm's monarch
    row("C", "2024-01-01", role="head of government", source="x+derived:presidential"),
])
def test_ex_officio_and_derived_terms_are_not_overlaps(chk, skipped):
    role = skipped["role"]
    groups = {("XXX", role): [row("A", "2020-01-01", role=role), skipped]}
    assert chk.overlaps(groups, LO, HI) == []


def test_collective_headships_are_not_overlaps(chk):
    groups = {("BIH", "head of state"): [row("A", "2022-11-16", country="BIH"), row("B", "2022-11-16", country="BIH")]}
    assert chk.overlaps(groups, LO, HI) == []


@pytest.fixture(scope="module")
def committed(chk):
    rows = chk.read_offices(DATA_DIR / "offices.tsv")
    return rows, chk.terms_by_office(rows, chk.un_members(DATA_DIR))


def test_committed_kb_heads_overlaps_do_not_grow(chk, committed):
    _, groups = committed
    heads = {k: v for k, v in groups.items() if k[1] in ("head of state", "head of government")}
    ov = chk.overlaps(heads, LO, HI)
    exact = [o for o in ov if all(len(t["start"]) == 10 and len(t["end"]) in (0, 10) for t in (o[2], o[3]))]
    listing = "\n".join(f"{c} {r}: {a['name']} / {b['name']} ({n} days)" for c, r, a, b, _, n in ov)
    assert len(ov) <= MAX_OVERLAPS, listing
    assert len(exact) <= MAX_EXACT_OVERLAPS, listing


def test_committed_kb_imprecise_dates_do_not_grow(chk, committed):
    rows, _ = committed
    assert len(chk.imprecise(rows, 2022, 2026)) <= MAX_IMPRECISE


def test_script_runs_as_a_report(chk, capsys):
    assert chk.main(["--to", "2026-12-31"]) == 0
    out = capsys.readouterr().out
    assert "# imprecise:" in out and "# overlap:" in out and "# gap:" in out
