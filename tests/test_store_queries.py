"""Read queries: filters, both directions of a relation in time order, top dyads, stats, argument errors."""
from __future__ import annotations

import pytest

from communique.errors import CommuniqueError
from communique.store import Store, queries as Q
from store_helpers import make_article


@pytest.fixture()
def con(tmp_db):
    arts = [
        make_article("OMN", "KAZ", "2025-06-10", codes=("042", "057"), past="2004"),
        make_article("KAZ", "OMN", "2026-02-03", codes=("036",), confidence=0.6),
        make_article("KAZ", "UZB", "2024-03-12", codes=("042",)),
        make_article("UZB", "KAZ", "2024-04-16", codes=("042",)),
        make_article("UZB", "KAZ", "2020-05-04", codes=("073",)),
        make_article("IND", "PAK", "2025-04-24", codes=("112", "163")),
    ]
    with Store(tmp_db) as s:
        for a in arts:
            s.add_article(a)
        yield s.con


def _ids(rows):
    return [(r["day"], r["source_country"], r["target_country"], r["cameo_code"]) for r in rows]


@pytest.mark.parametrize("dyad", ["KAZ-OMN", "OMN-KAZ", "omn,kaz", ("KAZ", "OMN")])
def test_dyad_both_directions_in_time_order(con, dyad):
    rows = Q.events(con, dyad=dyad)
    assert _ids(rows) == [("2004-01-01", "OMN", "KAZ", "042"), ("2025-06-10", "OMN", "KAZ", "042"),
                          ("2025-06-10", "OMN", "KAZ", "057"), ("2026-02-03", "KAZ", "OMN", "036")]
    assert {r["dyad"] for r in rows} == {"KAZ-OMN"}
    assert rows[0]["modality"] == "past" and rows[0]["date"] == "2004"


def test_relation_events_since(con):
    rows = Q.relation_events(con, "OMN", "KAZ", since="2025")
    assert [r["day"] for r in rows] == ["2025-06-10", "2025-06-10", "2026-02-03"]
    assert Q.relation_events(con, "KAZ", "UZB", until="2024-03")[0]["day"] == "2020-05-04"
    assert len(Q.relation_events(con, "KAZ", "UZB", until="2024-03")) == 2


@pytest.mark.parametrize("filters,expected", [
    ({"actor": "UZB"}, 3),
    ({"actor": "KAZGOV"}, 7),
    ({"actor": "Mirziyoyev"}, 3),
    ({"plover_type": "CONSULT"}, 4),
    ({"plover_type": "consult,agree"}, 5),
    ({"quad_class": 4}, 1),
    ({"quad_class": 3}, 1),
    ({"since": "2025-01-01", "until": "2025-12-31"}, 4),
    ({"since": "2025-04", "until": "2025-04"}, 2),
    ({"min_confidence": 0.7}, 8),
    ({"q": "Shehbaz"}, 2),
    ({"dyad": "IND-PAK", "plover_type": "COERCE"}, 1),
    ({"modality": "past"}, 1),
])
def test_filters(con, filters, expected):
    rows = Q.events(con, **filters, limit=None)
    assert len(rows) == expected
    assert Q.count_events(con, **filters) == expected


def test_limit_offset_and_order(con):
    all_rows = Q.events(con, limit=None)
    assert len(all_rows) == 9
    days = [r["day"] for r in all_rows]
    assert days == sorted(days)
    assert Q.events(con, limit=3, offset=2) == all_rows[2:5]
    assert [r["day"] for r in Q.events(con, order="desc", limit=2)] == ["2026-02-03", "2025-06-10"]
    assert [r["day"] for r in Q.iter_events(con, chunk=2)] == days


@pytest.mark.parametrize("bad", ["KAZ", "KAZ-OMN-UZB", "KAZ-KAZ", "12-34", "", "kaz-"])
def test_bad_dyad_is_E203(con, bad):
    with pytest.raises(CommuniqueError, match=r"\[E203\]"):
        Q.events(con, dyad=bad)


@pytest.mark.parametrize("bad", ["2025-13", "yesterday", "2025-02-30", "25-01-01"])
def test_bad_day_is_E103(con, bad):
    with pytest.raises(CommuniqueError, match=r"\[E103\]"):
        Q.events(con, since=bad)


@pytest.mark.parametrize("value,end,expected", [
    ("2025", False, "2025-01-01"), ("2025", True, "2025-12-31"), ("2024-02", True, "2024-02-29"),
    ("2025-12", True, "2025-12-31"), ("2025-03-04", True, "2025-03-04"), (None, False, None),
])
def test_parse_day(value, end, expected):
    assert Q.parse_day(value, end=end) == expected


def test_top_dyads_counts_reported_events(con):
    top = Q.top_dyads(con, limit=5)
    assert [(d["dyad"], d["events"], d["articles"]) for d in top] == [
        ("KAZ-UZB", 3, 3), ("KAZ-OMN", 3, 2), ("IND-PAK", 2, 1)]  # ties: more articles first
    ind = top[2]
    assert (ind["a"], ind["b"], ind["conflictual"], ind["cooperative"]) == ("IND", "PAK", 2, 0)
    assert ind["goldstein"] == pytest.approx(-5.0)
    assert Q.top_dyads(con, limit=1)[0]["dyad"] == "KAZ-UZB"
    # the 2004 mention is not a reported event: with all modalities KAZ-OMN leads
    assert Q.top_dyads(con, limit=1, modality=None)[0]["dyad"] == "KAZ-OMN"


def test_actors_aggregate(con):
    rows = Q.actors(con, limit=None)
    tok = next(r for r in rows if r["name"] == "Kassym-Jomart Tokayev")
    assert (tok["country"], tok["role"], tok["articles"]) == ("KAZ", "head of state", 5)
    assert tok["first_seen"] == "2020-05-04" and tok["last_seen"] == "2026-02-03"
    assert [r["name"] for r in Q.actors(con, country="PAK")] == ["Shehbaz Sharif"]
    assert Q.actors(con, q="mirziy")[0]["name"] == "Shavkat Mirziyoyev"


def test_stats(con):
    s = Q.stats(con)
    assert (s["articles"], s["events"], s["quotes"], s["dyads"], s["countries"]) == (6, 9, 6, 3, 5)
    assert (s["published_first"], s["published_last"]) == ("2020-05-04", "2026-02-03")
    assert s["events_by_type"]["CONSULT"] == 4
    assert s["events_by_quad_class"] == {"1": 6, "2": 1, "3": 1, "4": 1}
    assert s["events_by_modality"] == {"reported": 8, "past": 1}


def test_articles_listing(con):
    rows = Q.articles(con)
    assert [r["published"] for r in rows][:2] == ["2026-02-03", "2025-06-10"]
    assert rows[1]["events"] == 3
    assert len(Q.articles(con, q="IND and PAK")) == 1
    assert Q.article_meta(con, rows[0]["id"])["outlet"] == "Test Wire"
