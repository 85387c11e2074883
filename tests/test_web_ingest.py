"""POST /api/articles: only with --allow-ingest and the token; bounded body; bad records are 400."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from web_demo import build_demo_db, demo_articles

TOKEN = "s3cret-token-for-tests"


@pytest.fixture()
def fake_extract(monkeypatch):
    """Code with a hand-built article (the web layer is under test here, not the extractor)."""
    import communique
    calls = []
    coded = demo_articles()[1]

    def fake(text, **meta):
        calls.append((text, meta))
        return coded
    monkeypatch.setattr(communique, "extract", fake)
    return calls, coded


@pytest.fixture()
def writable(tmp_path):
    from communique.web.app import create_app
    with TestClient(create_app(tmp_path / "w.duckdb", allow_ingest=True, token=TOKEN)) as c:
        yield c


@pytest.fixture()
def readonly(tmp_path):
    from communique.web.app import create_app
    path = build_demo_db(tmp_path / "r.duckdb")
    with TestClient(create_app(path)) as c:
        yield c


RECORD = {"text": "ALMATY - Two ministers met.", "url": "https://x.example/a", "title": "T",
          "published": "2024-04-09T10:00:00Z", "outlet": "X", "section": "world"}


def test_read_only_server_refuses_writes(readonly):
    r = readonly.post("/api/articles", json=RECORD, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "E304"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"X-Communique-Token": ""},
                                     {"Authorization": TOKEN}, {"X-Communique-Token": TOKEN[:-1]}])
def test_missing_or_wrong_token_is_401(writable, fake_extract, headers):
    r = writable.post("/api/articles", json=RECORD, headers=headers)
    assert r.status_code == 401 and r.json()["error"]["code"] == "E301"
    assert fake_extract[0] == []           # nothing was coded


@pytest.mark.parametrize("header", ["Authorization", "X-Communique-Token"])
def test_token_codes_and_stores_the_article(writable, fake_extract, header):
    calls, coded = fake_extract
    value = f"Bearer {TOKEN}" if header == "Authorization" else TOKEN
    r = writable.post("/api/articles", json=RECORD, headers={header: value})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["id"] == coded.article.id and body["created"] is True and body["events"] == 2
    text, meta = calls[0]
    assert text == RECORD["text"] and meta["published"] == "2024-04-09" and meta["outlet"] == "X"
    stored = writable.get(body["links"]["api"]).json()
    assert stored["article"]["id"] == coded.article.id and len(stored["events"]) == 2
    assert writable.get(body["links"]["page"]).status_code == 200
    again = writable.post("/api/articles", json=RECORD, headers={header: value})
    assert again.status_code == 200 and again.json()["created"] is False


@pytest.mark.parametrize("body,status,code", [
    (b"{not json", 400, "E005"), (b"[1, 2]", 400, "E302"), (b'{"title": "no text"}', 400, "E006"),
    (b'{"text": "   "}', 400, "E006"), (b'{"text": "x", "published": "last week"}', 400, "E103"),
    (b'{"text": "x", "url": 5}', 400, "E302"), (b"\xff\xfe", 400, "E005"),
])
def test_bad_records_are_400(writable, fake_extract, body, status, code):
    r = writable.post("/api/articles", content=body, headers={"X-Communique-Token": TOKEN,
                                                              "Content-Type": "application/json"})
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code


def test_body_over_2mb_is_413(writable, fake_extract):
    big = json.dumps({"text": "a" * (2 * 1024 * 1024 + 10)})
    r = writable.post("/api/articles", content=big, headers={"X-Communique-Token": TOKEN,
                                                             "Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "E010"
    assert fake_extract[0] == []


def test_chunked_body_over_the_limit_is_413(tmp_path, fake_extract):
    from communique.web.app import create_app
    app = create_app(tmp_path / "c.duckdb", allow_ingest=True, token=TOKEN, max_body=1000)

    def chunks():
        for _ in range(20):
            yield b"x" * 100
    with TestClient(app) as c:
        r = c.post("/api/articles", content=chunks(), headers={"X-Communique-Token": TOKEN})
    assert r.status_code == 413


def test_allow_ingest_needs_a_token(tmp_path):
    from communique.web.app import create_app
    with pytest.raises(ValueError, match="token"):
        create_app(tmp_path / "x.duckdb", allow_ingest=True, token=None)


@pytest.mark.slow
def test_real_extractor_codes_a_posted_article(writable):
    rec = {"text": "ASTANA, March 3 (Test Wire) - President Kassym-Jomart Tokayev of Kazakhstan received "
                   "the foreign minister of Oman in Astana on Monday.", "published": "2025-03-03"}
    r = writable.post("/api/articles", json=rec, headers={"X-Communique-Token": TOKEN})
    assert r.status_code == 201, r.text
    stored = writable.get(r.json()["links"]["api"]).json()
    assert stored["article"]["text"] == rec["text"] and stored["article"]["published"] == "2025-03-03"
