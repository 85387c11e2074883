"""Untrusted article text stays inert on every page: escaped, no script, CSP on every response."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from web_demo import build_demo_db, demo_articles

XSS = demo_articles()[3]
RAW = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<script>alert('title')</script>",
       "<b>Evil</b>", "<b>bold</b>"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from communique.web.app import create_app
    path = build_demo_db(tmp_path_factory.mktemp("safety") / "demo.duckdb")
    with TestClient(create_app(path)) as c:
        yield c


PAGES = [f"/articles/{XSS.article.id}", "/", "/dyads/FRE/SYL", "/actors/FRE", "/actors/SYL", "/articles",
         "/actors", "/search?q=alert", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
         "/actors?q=%3Cimg", "/articles?q=%3Cscript"]


@pytest.mark.parametrize("path", PAGES)
def test_markup_is_escaped_on_every_page(client, path):
    r = client.get(path)
    assert r.status_code == 200
    html = r.text
    for raw in RAW:
        assert raw not in html, f"{raw!r} unescaped on {path}"
    assert "onerror=alert" not in html.replace("onerror=alert(2)&gt;", "")
    assert 'href="javascript:' not in html.lower()
    # the only scripts are the app's own file
    assert html.count("<script") == 1 and '<script src="/static/app.js" defer></script>' in html


def test_hostile_text_is_shown_as_text(client):
    html = client.get(f"/articles/{XSS.article.id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "javascript:alert(3)" in html           # visible, inside escaped text, never an href
    assert "source: javascript:alert(&#39;url&#39;)" in html


def test_error_page_escapes_the_path(client):
    r = client.get("/%3Cscript%3Ealert(9)%3C/script%3E")
    assert r.status_code == 404 and "<script>alert(9)" not in r.text


@pytest.mark.parametrize("path", ["/", "/api/events", "/docs", "/static/app.js", "/nowhere",
                                  f"/articles/{XSS.article.id}"])
def test_security_headers_on_every_response(client, path):
    h = client.get(path).headers
    csp = h["content-security-policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp and "unsafe-inline" not in csp
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"


def test_api_returns_the_raw_text_as_json_data(client):
    body = client.get(f"/api/articles/{XSS.article.id}").json()
    assert "<script>alert(1)</script>" in body["article"]["text"]   # data stays exact; JSON is not HTML


def test_injection_attempts_are_plain_values(client):
    assert client.get("/api/events?actor=%27%20OR%201%3D1%20--").json()["total"] == 0
    assert client.get("/api/events?q=%27)%20OR%20TRUE%20--").json()["total"] == 0
    assert client.get("/api/actors?q=%27%20OR%20%271%27%3D%271").json()["items"] == []
    assert client.get("/api/stats").json()["events"] == 7
