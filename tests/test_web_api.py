"""The JSON API with the test client: every route, its filters, paging, and the error shape."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from web_demo import build_demo_db, demo_articles


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from communique.web.app import create_app
    path = build_demo_db(tmp_path_factory.mktemp("api") / "demo.duckdb")
    with TestClient(create_app(path)) as c:
        yield c


@pytest.fixture(scope="module")
def arts():
    return demo_articles()


def err(r, status, code):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code, body
    return body["error"]["message"]


def test_events_lists_all_newest_first(client):
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 7 and len(body["items"]) == 7
    dates = [e["date"] for e in body["items"]]
    assert dates == sorted(dates, reverse=True)
    ev = body["items"][0]
    assert {"source", "target", "plover", "cameo", "when", "evidence", "confidence"} <= set(ev)
    assert ev["evidence"]["text"] and ev["source_article"]["id"] == ev["article"]


@pytest.mark.parametrize("query,expected", [
    ("dyad=KAZ-UZB", 4), ("dyad=uzb,kaz", 4), ("actor=IRN", 2), ("actor=sadyk", 4), ("type=CONSULT", 3),
    ("type=accuse", 1), ("type=ACCUSE,reject", 2), ("quad_class=3", 2), ("quad_class=2", 1), ("since=2024-04-01", 5),
    ("until=2024-03-31", 2), ("since=2024-04&until=2024-05", 4), ("since=2024", 7), ("min_confidence=0.85", 3),
    ("q=memorandum", 2), ("q=freight", 1), ("when=future", 1), ("dyad=KAZ-UZB&type=AGREE", 1),
])
def test_event_filters(client, query, expected):
    body = client.get(f"/api/events?{query}").json()
    assert body["total"] == expected, (query, body)
    assert len(body["items"]) == expected


def test_events_paging(client):
    first = client.get("/api/events?limit=3").json()
    second = client.get("/api/events?limit=3&offset=3").json()
    assert first["total"] == second["total"] == 7
    assert len(first["items"]) == 3 and len(second["items"]) == 3
    ids = {(e["article"], e["id"]) for e in first["items"]} | {(e["article"], e["id"]) for e in second["items"]}
    assert len(ids) == 6


@pytest.mark.parametrize("query,name", [
    ("since=2024-13-01", "since"), ("since=yesterday", "since"), ("until=2024-02-30", "until"),
    ("since=2024-05-01&until=2024-04-01", "since"), ("limit=0", "limit"), ("limit=501", "limit"),
    ("limit=ten", "limit"), ("offset=-1", "offset"), ("min_confidence=2", "min_confidence"),
    ("min_confidence=high", "min_confidence"), ("quad_class=5", "quad_class"), ("type=HUG", "type"), ("type=CONSULT,HUG", "type"),
    ("when=sometime", "when"), ("q=" + "x" * 201, "q"),
])
def test_bad_event_parameters_are_400(client, query, name):
    msg = err(client.get(f"/api/events?{query}"), 400, "E302")
    assert f"parameter '{name}'" in msg


@pytest.mark.parametrize("dyad", ["KAZ", "KAZ-UZB-IRN", "K4Z-UZB", "KAZ-KAZ"])
def test_bad_dyad_filter_is_400(client, dyad):
    msg = err(client.get(f"/api/events?dyad={dyad}"), 400, "E203")
    assert "invalid dyad" in msg


def test_dyad_brief_has_the_contract_shape(client):
    r = client.get("/api/dyads/KAZ/UZB")
    assert r.status_code == 200
    b = r.json()
    assert set(b["dyad"]) == {"KAZ", "UZB"}
    for key in ("events", "visits", "invitations", "agreements", "trend", "sectors"):
        assert key in b
    assert len(b["events"]) == 4
    assert all({"num_articles", "num_sources", "mentions"} <= set(e) for e in b["events"])
    assert {(v["visitor"], v["host"]) for v in b["visits"]} == {("UZB", "KAZ"), ("KAZ", "UZB")}
    assert b["invitations"] and b["invitations"][0]["inviter"] == "UZB"
    assert b["agreements"] and b["agreements"][0]["status"] == "signed"
    assert [t["period"] for t in b["trend"]] == ["2024-03", "2024-04"]
    assert b["sectors"]["transport"] >= 2


def test_dyad_is_case_and_order_insensitive(client):
    a = client.get("/api/dyads/kaz/uzb").json()
    b = client.get("/api/dyads/UZB/KAZ").json()
    assert len(a["events"]) == len(b["events"]) == 4


@pytest.mark.parametrize("ledger,n", [("visits", 2), ("invitations", 1), ("agreements", 1), ("trend", 2)])
def test_dyad_ledgers(client, ledger, n):
    body = client.get(f"/api/dyads/KAZ/UZB/{ledger}").json()
    assert len(body[ledger]) == n


def test_dyad_quotes_by_side(client):
    body = client.get("/api/dyads/KAZ/UZB/quotes").json()
    assert [q["speaker"] for q in body["KAZ"]] == ["Aigerim Sadyk"]
    assert [q["speaker"] for q in body["UZB"]] == ["Daniyar Ostrov"]
    assert body["KAZ"][0]["text"].startswith("Our peoples share a river")


@pytest.mark.parametrize("path,status,code", [
    ("/api/dyads/KAZ/KAZ", 400, "E203"), ("/api/dyads/KAZ/U2B", 400, "E203"),
    ("/api/dyads/ABC/XYZ", 404, "E305"), ("/api/dyads/KAZ/UZB/gossip", 400, "E302"),
    ("/api/dyads/KAZ/UZB?since=2024-99", 400, "E302"),
])
def test_bad_dyads(client, path, status, code):
    err(client.get(path), status, code)


def test_dyad_since_narrows_the_brief(client):
    b = client.get("/api/dyads/KAZ/UZB?since=2024-04-01").json()
    assert len(b["events"]) == 2


def test_article_with_spans(client, arts):
    a = arts[0]
    body = client.get(f"/api/articles/{a.article.id}").json()
    assert body["article"]["id"] == a.article.id and body["article"]["text"] == a.text
    assert [x["id"] for x in body["actors"]] == ["A1", "A2"]
    assert body["actors"][1]["mentions"] == [list(m) for m in a.actors[1].mentions]
    assert [e["id"] for e in body["events"]] == ["E1", "E2"]
    for e in body["events"]:
        s, t = e["evidence"]["start"], e["evidence"]["end"]
        assert a.text[s:t] == e["evidence"]["text"]
    assert body["quotes"][0]["speaker"]["name"] == "Aigerim Sadyk"
    # a unique prefix of the id works too
    assert client.get(f"/api/articles/{a.article.id[:16]}").json()["article"]["id"] == a.article.id


@pytest.mark.parametrize("aid,status,code", [("0" * 64, 404, "E204"), ("not-hex!", 400, "E302"),
                                             ("abc", 400, "E302")])
def test_bad_article_ids(client, aid, status, code):
    err(client.get(f"/api/articles/{aid}"), status, code)


def test_articles_list_and_search(client):
    body = client.get("/api/articles").json()
    assert len(body["items"]) == 4 and body["has_more"] is False
    body = client.get("/api/articles?q=railway").json()
    assert len(body["items"]) == 1 and "rail" in body["items"][0]["title"]
    page = client.get("/api/articles?limit=2&offset=1").json()
    assert len(page["items"]) == 2 and page["has_more"] is True


def test_actors_list_and_one(client):
    body = client.get("/api/actors").json()
    ids = {x["id"] for x in body["items"]}
    assert {"aigerim-sadyk", "daniyar-ostrov", "SAU", "IRN"} <= ids
    sadyk = next(x for x in body["items"] if x["id"] == "aigerim-sadyk")
    assert sadyk["articles"] == 2 and sadyk["country"] == "KAZ"
    assert len(client.get("/api/actors?q=ostrov").json()["items"]) == 1
    assert client.get("/api/actors?country=irn").json()["items"][0]["id"] == "IRN"
    one = client.get("/api/actors/aigerim-sadyk").json()
    assert one["offices"][0]["role"] == "foreign minister"
    assert one["offices"][0]["first_seen"] == "2024-03-04" and one["offices"][0]["last_seen"] == "2024-04-09"
    assert one["events"]["total"] == 4


def test_country_actor_page_lists_its_events(client):
    body = client.get("/api/actors/IRN").json()
    assert body["events"]["total"] == 2
    assert all("IRN" in (e["source"]["country"], e["target"]["country"]) for e in body["events"]["items"])


@pytest.mark.parametrize("path,status,code", [
    ("/api/actors/nobody-at-all", 404, "E202"), ("/api/actors/%3Cscript%3E", 400, "E302"),
    ("/api/actors?kind=alien", 400, "E302"), ("/api/actors?country=K1", 400, "E302"),
    ("/api/actors?limit=1000", 400, "E302"),
])
def test_bad_actor_requests(client, path, status, code):
    err(client.get(path), status, code)


def test_network(client):
    body = client.get("/api/network").json()
    edges = {(e["a"], e["b"]): e for e in body["edges"]}
    # merged reported events: two visits and the signing (the invitation is a future act)
    assert edges[("KAZ", "UZB")]["events"] == 3 and edges[("IRN", "SAU")]["tone"] < 0 < edges[("KAZ", "UZB")]["tone"]
    assert {n["id"] for n in body["nodes"]} == {"KAZ", "UZB", "IRN", "SAU", "FRE", "SYL"}
    assert len(client.get("/api/network?since=2024-05").json()["edges"]) == 2
    assert len(client.get("/api/network?until=2024-04-30").json()["edges"]) == 1   # the store's top_dyads
    err(client.get("/api/network?since=May"), 400, "E302")


def test_overview_stats_search_dyads(client):
    assert client.get("/api/stats").json()["events"] == 7
    ov = client.get("/api/overview").json()
    assert (ov["top_dyads"][0]["a"], ov["top_dyads"][0]["b"]) == ("KAZ", "UZB") and len(ov["recent_events"]) == 7
    s = client.get("/api/search?q=Sadyk").json()
    assert s["events"]["total"] == 4 and len(s["actors"]["items"]) == 1 and len(s["articles"]["items"]) == 2
    assert client.get("/api/dyads").json()["items"][0]["events"] == 3     # reported events


def test_unknown_route_has_the_error_shape(client):
    err(client.get("/api/nothing-here"), 404, "E303")


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    for p in ("/api/events", "/api/dyads/{a}/{b}", "/api/articles/{article_id}", "/api/actors",
              "/api/actors/{actor_id}", "/api/network", "/api/dyads/{a}/{b}/{ledger}"):
        assert p in spec["paths"], p
    assert "post" in spec["paths"]["/api/articles"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text


def test_store_without_memory_tables_still_serves_the_dyad(tmp_path):
    from communique.web.app import create_app
    path = build_demo_db(tmp_path / "bare.duckdb", memory=False)
    with TestClient(create_app(path)) as c:
        b = c.get("/api/dyads/KAZ/UZB").json()
        assert b["engine"].startswith("store events")
        assert len(b["events"]) == 4 and all(e["num_articles"] == 1 for e in b["events"])
        assert [t["period"] for t in b["trend"]] == ["2024-03", "2024-04"]
        assert c.get("/dyads/KAZ/UZB").status_code == 200
        net = c.get("/api/network").json()
        assert net["engine"].startswith("communique.store") and net["edges"][0]["events"] == 3


def test_ingest_server_refreshes_the_memory_before_a_brief(tmp_path):
    from communique.web.app import create_app
    path = build_demo_db(tmp_path / "stale.duckdb", memory=False)
    with TestClient(create_app(path, allow_ingest=True, token="t0ken-t0ken")) as c:
        b = c.get("/api/dyads/KAZ/UZB").json()
        assert b["engine"] == "communique.memory" and b["stale"] is False
        assert b["invitations"][0]["status"] == "fulfilled"
