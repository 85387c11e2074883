"""Dyad analytics: timeline, cooperation index normalised by coverage, sectors, network, quotes."""
from __future__ import annotations

import pytest

from communique.memory import refresh
from communique.memory.analytics import (cooperation_index, dyad_quotes, dyad_timeline, event_score, network,
                                         sectors_over_time)
from test_memory_rows import actor, article, event, open_store, quote


@pytest.fixture()
def store(tmp_db):
    s = open_store(tmp_db)
    yield s
    s.close()


def _month(store, month, n_events, codes, outlets=1, pair=("NOR", "CHL")):
    """n_events distinct events in a month (each on its own day), each reported by `outlets` outlets."""
    for i in range(n_events):
        day = f"{month}-{2 * i + 1:02d}"   # two days apart: distinct events
        code = codes[i % len(codes)]
        for o in range(outlets):
            store.add(article(f"Report {o} of event {i} in {month} between {pair}.", published=day, outlet=f"O{o}",
                              events=[event("E1", pair[0], pair[1], code, date=day, sectors=["energy"] if i % 2 else [],
                                            evidence=f"event {i}")]))


@pytest.mark.parametrize("goldstein,ptype,mode,score", [
    (1.9, "CONSULT", "visit", (1.9 + 4.0) / 2), (8.0, "SUPPORT", None, 6.5), (None, "ASSAULT", None, -9.0),
    (-2.0, "ACCUSE", None, -2.5), (None, None, None, None)])
def test_event_score(goldstein, ptype, mode, score):
    assert event_score(goldstein, ptype, mode) == (pytest.approx(score) if score is not None else None)


def test_busier_month_is_not_warmer(store):
    # January: 2 events; March: 10 events of the same mix, and every March event reported by 4 outlets
    _month(store, "2025-01", 2, ["042", "112"])
    _month(store, "2025-03", 10, ["042", "112"], outlets=4)
    refresh(store.con)
    ci = {r["period"]: r for r in cooperation_index(store.con, "CHL", "NOR")}
    assert ci["2025-01"]["events"] == 2 and ci["2025-03"]["events"] == 10 and ci["2025-03"]["reports"] == 40
    assert ci["2025-01"]["cooperation_index"] == ci["2025-03"]["cooperation_index"]


def test_mix_moves_the_index(store):
    _month(store, "2025-01", 4, ["042"])
    _month(store, "2025-02", 4, ["042", "112", "112", "112"])
    refresh(store.con)
    ci = {r["period"]: r["cooperation_index"] for r in cooperation_index(store.con, "NOR", "CHL")}
    assert ci["2025-01"] > 0 > ci["2025-02"]


def test_share_of_coverage(store):
    _month(store, "2025-01", 2, ["042"])
    _month(store, "2025-01", 6, ["042"], pair=("FRA", "DEU"))
    refresh(store.con)
    ci = cooperation_index(store.con, "NOR", "CHL")
    assert ci[0]["share_permille"] == pytest.approx(250.0)


def test_timeline_sectors_and_network(store):
    _month(store, "2025-01", 3, ["042", "112", "051"])
    _month(store, "2025-02", 2, ["057"], pair=("FRA", "DEU"))
    refresh(store.con)
    tl = dyad_timeline(store.con, "NOR", "CHL")
    assert {(r["period"], r["plover_type"], r["quad_class"], r["events"]) for r in tl} == {
        ("2025-01", "CONSULT", 1, 1), ("2025-01", "ACCUSE", 3, 1), ("2025-01", "SUPPORT", 1, 1)}
    assert dyad_timeline(store.con, "NOR", "CHL", since="2025-02") == []
    assert sectors_over_time(store.con, "CHL", "NOR") == [{"period": "2025-01", "sector": "energy", "events": 1}]
    edges = {(e["a"], e["b"]): e for e in network(store.con)}
    assert set(edges) == {("CHL", "NOR"), ("DEU", "FRA")}
    assert edges[("CHL", "NOR")]["events"] == 3 and edges[("CHL", "NOR")]["conflictual"] == 1


def test_quotes_each_side_said_about_the_other(store):
    text = ('"Chile is a close partner of Norway," President Berg said. "We expect more investment," she added. '
            'Minister Rojas said: "Norway has been generous."')
    q1 = text.index("Chile is")
    q3 = text.index("Norway has")
    chile = actor("A3", "Chile", kind="country", country="CHL")
    from dataclasses import replace
    chile = replace(chile, mentions=((q1, q1 + 5),))
    norway = replace(actor("A4", "Norway", kind="country", country="NOR"), mentions=((q3, q3 + 6),))
    store.add(article(text, published="2025-05-05", outlet="A",
                      actors=[actor("A1", "Anna Berg", country="NOR", role="head of state"),
                              actor("A2", "Lucia Rojas", country="CHL", role="foreign minister"), chile, norway],
                      events=[event("E1", "CHL", "NOR", "042", date="2025-05-05", evidence="visit")],
                      quotes=[quote("Q1", "Chile is a close partner of Norway,", q1, "A1", "Anna Berg", "NOR"),
                              quote("Q2", "We expect more investment,", text.index("We expect"), "A1", "Anna Berg",
                                    "NOR"),
                              quote("Q3", "Norway has been generous.", q3, "A2", "Lucia Rojas", "CHL")]))
    refresh(store.con)
    qs = dyad_quotes(store.con, "NOR", "CHL")
    about = {(q["speaker"], q["about"]) for q in qs if q["about_other"]}
    assert about == {("Anna Berg", "CHL"), ("Lucia Rojas", "NOR")}
    assert qs[0]["about_other"]   # quotes about the other side come first
    assert [q["about_other"] for q in qs].count(False) == 1   # "We expect more investment": context only
