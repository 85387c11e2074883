"""Pure helpers of the web layer: parameter validation, text segments for highlighting, chart geometry."""
from __future__ import annotations

import pytest

from communique.web import charts, highlight, params
from communique.web.errors import WebError


@pytest.mark.parametrize("value,ok", [("2024-02-29", True), ("2023-02-29", False), ("2024-02", True),
                                      ("2024", True), ("2024-2-1", False), ("24-02-01", False),
                                      ("2024-02-01T10:00", False), ("", True), (None, True)])
def test_dates(value, ok):
    if ok:
        assert params.date("since", value) == (value or None)
    else:
        with pytest.raises(WebError) as e:
            params.date("since", value)
        assert e.value.code == "E302" and "since" in e.value.message


@pytest.mark.parametrize("value,expected", [("KAZ-OMN", ("KAZ", "OMN")), ("kaz,omn", ("KAZ", "OMN")),
                                            ("EU-NATO", ("EU", "NATO")), (None, None)])
def test_dyad_strings(value, expected):
    assert params.dyad_string("dyad", value) == expected


@pytest.mark.parametrize("value", ["KAZ", "KAZ-", "KAZ-KAZ", "K1Z-OMN", "A-B-C", "KAZ OMN"])
def test_bad_dyad_strings(value):
    with pytest.raises(WebError) as e:
        params.dyad_string("dyad", value)
    assert e.value.code == "E203" and e.value.status == 400


@pytest.mark.parametrize("value,expected", [(None, 50), ("1", 1), ("500", 500)])
def test_limit(value, expected):
    assert params.limit(value) == expected


@pytest.mark.parametrize("value", ["0", "501", "-3", "1.5", "lots"])
def test_bad_limit(value):
    with pytest.raises(WebError):
        params.limit(value)


def test_segments_cover_the_text_and_nest_spans():
    text = "Alpha met Beta in Gamma. \"Nice day,\" Beta said."
    coded = {"actors": [{"id": "A1", "mentions": [[0, 5]]}, {"id": "A2", "mentions": [[10, 14], [37, 41]]}],
             "quotes": [{"id": "Q1", "start": 25, "end": 36}],
             "events": [{"id": "E1", "evidence": {"start": 0, "end": 24}},
                        {"id": "E2", "evidence": {"start": 0, "end": 9}},
                        {"id": "E3", "evidence": {"start": 500, "end": 900}}]}   # out of range: ignored
    segs = highlight.segments(text, coded)
    assert "".join(s.text for s in segs) == text
    first = segs[0]
    assert first.text == "Alpha" and first.actors == ["A1"] and first.events == ["E1", "E2"]
    assert first.anchors == ["E1", "E2"]
    assert "".join(s.text for s in segs if "E1" in s.events) == "Alpha met Beta in Gamma."
    assert "".join(s.text for s in segs if "Q1" in s.quotes) == "\"Nice day,\""
    beta = [s for s in segs if "A2" in s.actors]
    assert [s.text for s in beta] == ["Beta", "Beta"] and beta[0].events == ["E1"]
    assert all(not s.events for s in segs if s.start >= 24)


def test_segments_of_empty_text():
    assert [s.text for s in highlight.segments("", {"actors": []})] == []


def test_network_layout_is_deterministic_and_inside_the_box():
    net = {"nodes": [{"id": c, "events": n} for c, n in [("A", 5), ("B", 4), ("C", 3), ("D", 1), ("E", 1)]],
           "edges": [{"a": "A", "b": "B", "events": 3, "tone": 3.0}, {"a": "A", "b": "C", "events": 2,
                                                                           "tone": -5.0},
                     {"a": "D", "b": "E", "events": 1, "tone": None}]}
    g1, g2 = charts.network_layout(net), charts.network_layout(net)
    assert g1 == g2
    for n in g1["nodes"]:
        assert 0 < n["x"] < g1["width"] and 0 < n["y"] < g1["height"]
    colours = {(e["a"], e["b"]): e["colour"] for e in g1["edges"]}
    assert colours[("A", "B")] != colours[("A", "C")]
    assert charts.network_layout({"nodes": [], "edges": []})["nodes"] == []


def test_trend_chart_scales_bars_and_index():
    trend = [{"period": "2024-01", "events": 2, "cooperation_index": 5.0},
             {"period": "2024-02", "events": 4, "cooperation_index": -10.0}]
    c = charts.trend_chart(trend)
    assert len(c["bars"]) == 2 and c["bars"][1]["h"] == 2 * c["bars"][0]["h"]
    assert c["dots"][1]["y"] == c["bottom"]            # -10 at the bottom of the plot
    assert c["dots"][0]["y"] < c["zero_y"]             # cooperative above the zero line
    assert charts.trend_chart([])["bars"] == []


def test_network_neighbours_sit_together_on_the_circle():
    net = {"nodes": [{"id": c, "events": 1} for c in "ABCDEF"],
           "edges": [{"a": "A", "b": "D", "events": 1}, {"a": "B", "b": "E", "events": 1},
                     {"a": "C", "b": "F", "events": 1}]}
    order = [n["id"] for n in charts.network_layout(net)["nodes"]]
    for a, b in (("A", "D"), ("B", "E"), ("C", "F")):
        assert abs(order.index(a) - order.index(b)) == 1


def test_trend_fills_empty_months_and_folds_long_spans_into_years():
    pts = charts.continuous_periods([{"period": "2024-01", "events": 2, "cooperation_index": 1.0},
                                     {"period": "2024-04", "events": 1, "cooperation_index": 4.0}])
    assert [p["period"] for p in pts] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert [p["events"] for p in pts] == [2, 0, 0, 1]
    years = charts.continuous_periods([{"period": "2015-06", "events": 1, "cooperation_index": 2.0},
                                       {"period": "2020-03", "events": 3, "cooperation_index": 6.0},
                                       {"period": "2020-09", "events": 1, "cooperation_index": 1.0}])
    assert [p["period"] for p in years] == [str(y) for y in range(2015, 2021)]
    assert years[-1] == {"period": "2020", "events": 4, "cooperation_index": 4.75}


def test_knowledge_base_offices_for_the_actor_page():
    from communique.kb import KnowledgeBase
    from communique.web import offices
    kb = KnowledgeBase.default()
    if not kb.persons:
        pytest.skip("knowledge base not derived")
    terms = offices.person_terms("Kassym-Jomart Tokayev", None)
    heads = [t for t in terms if t["role"] == "head of state" and t["country"] == "KAZ"]
    assert heads and heads[0]["start"].startswith("2019")
    assert [t["start"] or "" for t in terms] == sorted(t["start"] or "" for t in terms)
    holders = {h["role"]: h for h in offices.country_holders("KAZ", "2024-06-01")}
    assert holders["head of state"]["name"] == "Kassym-Jomart Tokayev"
    assert offices.person_terms("Nobody Atall", None) == [] and offices.country_holders("XXX") == []
