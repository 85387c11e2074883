"""HTML pages with the test client: each renders, links to its JSON twin, and the twin matches the API."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from web_demo import build_demo_db, demo_articles


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from communique.web.app import create_app
    path = build_demo_db(tmp_path_factory.mktemp("pages") / "demo.duckdb")
    with TestClient(create_app(path)) as c:
        yield c


ARTS = demo_articles()


def page_paths():
    return ["/", "/dyads/KAZ/UZB", f"/articles/{ARTS[0].article.id}", "/actors/KAZ", "/actors/aigerim-sadyk",
            "/search?q=rail", "/search", "/articles", "/actors", "/docs"]


@pytest.mark.parametrize("path", page_paths())
def test_page_renders_html_with_a_json_twin(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    m = re.search(r'<a class="json-twin" href="([^"]+)"', r.text)
    assert m, "no JSON twin link"
    twin = client.get(m.group(1).replace("&amp;", "&"))
    assert twin.status_code == 200 and twin.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("path,api", [
    ("/", "/api/overview"), ("/dyads/KAZ/UZB", None), (f"/articles/{ARTS[0].article.id}",
                                                       f"/api/articles/{ARTS[0].article.id}"),
    ("/actors/aigerim-sadyk", "/api/actors/aigerim-sadyk"), ("/articles", "/api/articles"),
    ("/actors", "/api/actors"), ("/search?q=rail", "/api/search?q=rail"),
])
def test_format_json_is_the_same_data_as_the_api(client, path, api):
    sep = "&" if "?" in path else "?"
    page_json = client.get(path + sep + "format=json").json()
    if api is None:   # the dyad page shows the brief plus the quotes and sources around it
        api_brief = client.get("/api/dyads/KAZ/UZB").json()
        for b in (page_json["brief"], api_brief):
            b.pop("generated_at", None)        # a timestamp: may tick between the two requests
        assert page_json["brief"] == api_brief
        assert page_json["quotes"] == client.get("/api/dyads/KAZ/UZB/quotes").json()
    else:
        assert page_json == client.get(api).json()


def test_overview_shows_network_svg_dyads_and_events(client):
    html = client.get("/").text
    assert html.count('class="node"') == 6
    assert 'href="/dyads/KAZ/UZB"' in html and 'href="/dyads/IRN/SAU"' in html
    assert "Saudi Arabia accused Iran" in html


def test_dyad_page_has_chart_ledgers_quotes_sources(client):
    html = client.get("/dyads/KAZ/UZB").text
    assert 'class="chart"' in html and html.count('class="bar"') == 2
    for section in ("Visits", "Invitations", "Agreements", "What each side said", "Sources"):
        assert f">{section}<" in html
    assert "Our peoples share a river and a future" in html and "This railway will carry our trade" in html
    assert "https://testwire.example/2024/03/04/ostrov-almaty" in html


def test_article_page_highlights_actors_quotes_and_evidence(client):
    a = ARTS[0]
    html = client.get(f"/articles/{a.article.id}").text
    assert 'id="E1"' in html and 'id="E2"' in html and 'id="Q1"' in html
    assert html.count('data-event="E1"') >= 2            # sidebar item and its detail panel
    assert 'data-events="E1"' in html and 'class="seg actor c1' in html and " quote" in html
    assert "91%" in html                                  # confidence of E1
    assert "Foreign Minister Daniyar Ostrov of Uzbekistan arrived" in html


def test_actor_page_shows_offices_and_events(client):
    html = client.get("/actors/daniyar-ostrov").text
    assert "Offices over time" in html and "2024-03-04 – 2024-04-09" in html
    assert html.count('class="evlink"') == 4


@pytest.mark.parametrize("path,status", [
    ("/articles/" + "f" * 64, 404), ("/dyads/KAZ/K", 400), ("/actors/nobody", 404), ("/search?since=soon", 400),
    ("/nowhere", 404), ("/?format=xml", 400),
])
def test_page_errors_render_html_with_the_message(client, path, status):
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert 'class="error-message"' in r.text


def test_page_error_as_json_twin(client):
    r = client.get("/search?since=soon&format=json")
    assert r.status_code == 400 and r.json()["error"]["code"] == "E302"


def test_search_form_keeps_filters_and_pages(client):
    html = client.get("/search?type=CONSULT&limit=2").text
    assert '<option value="CONSULT" selected>' in html
    assert "next →" in html and "offset=2" in html


def test_static_assets_are_served_locally(client):
    html = client.get("/").text
    assert "https://" not in re.sub(r'href="https://[^"]*example[^"]*"', "", html)
    for asset in ("/static/style.css", "/static/app.js", "/static/favicon.svg"):
        assert client.get(asset).status_code == 200


def test_country_page_lists_office_holders_from_the_knowledge_base(client):
    from communique.kb import KnowledgeBase
    if not KnowledgeBase.default().persons:
        pytest.skip("knowledge base not derived")
    html = client.get("/actors/KAZ").text
    assert "Office holders today" in html and "head of state" in html


@pytest.mark.parametrize("path", ["/", "/search", "/articles", "/actors", "/docs", "/api/overview", "/api/network"])
def test_empty_store_renders_every_page(tmp_path, path):
    from communique.store import Store
    from communique.web.app import create_app
    Store(tmp_path / "empty.duckdb").close()
    with TestClient(create_app(tmp_path / "empty.duckdb")) as c:
        assert c.get(path).status_code == 200


def test_a_file_that_is_not_a_communique_store_is_refused(tmp_path):
    import duckdb
    from communique.errors import CommuniqueError
    from communique.web.app import create_app
    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    with pytest.raises(CommuniqueError, match="E201"):
        create_app(tmp_path / "other.duckdb")
