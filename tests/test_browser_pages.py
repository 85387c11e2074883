"""The dashboard in headless Chromium: every page renders, an event leads to its evidence, hostile text is inert.

Debian's chromium is driven by Playwright (`executable_path`); the tests skip when it is absent.
Screenshots are saved under build/screenshots/.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM = os.environ.get("COMMUNIQUE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def demo(tmp_path_factory, corpus_dir):
    from web_demo import build_demo_db, demo_articles
    path = tmp_path_factory.mktemp("web") / "demo.duckdb"
    build_demo_db(path, corpus_dir)
    return {"path": path, "articles": demo_articles()}


@pytest.fixture(scope="module")
def base_url(demo):
    import uvicorn
    from communique.web.app import create_app
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(demo["path"]), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make browser-deps)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1360, "height": 900}, device_scale_factor=1)
    p = ctx.new_page()
    p.dialogs = []
    p.console_errors = []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.on("console", lambda m: p.console_errors.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: p.console_errors.append(str(e)))
    yield p
    ctx.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def pages(demo) -> list[tuple[str, str]]:
    arts = demo["articles"]
    return [("overview", "/"), ("dyad_kaz_uzb", "/dyads/KAZ/UZB"), ("dyad_irn_sau", "/dyads/IRN/SAU"),
            ("article_visit", f"/articles/{arts[0].article.id}"), ("actor_country_kaz", "/actors/KAZ"),
            ("actor_person", "/actors/aigerim-sadyk"), ("search_rail", "/search?q=rail"),
            ("search_filters", "/search?type=CONSULT&since=2024-01-01&min_confidence=0.5"),
            ("articles", "/articles"), ("actors", "/actors"), ("api_docs", "/docs")]


def test_every_page_renders_without_errors(page, base_url, demo):
    for name, path in pages(demo):
        resp = page.goto(base_url + path)
        assert resp.status == 200, path
        assert page.locator("header.topbar").count() == 1
        assert page.locator("a.json-twin").count() == 1, f"{path} has no JSON twin link"
        shot(page, name)
    # the most reported person of the store (a coded corpus leader when the corpus was coded)
    import json
    import urllib.request
    with urllib.request.urlopen(base_url + "/api/actors?kind=person&limit=1") as r:
        top = json.load(r)["items"][0]
    assert page.goto(base_url + f"/actors/{top['id']}").status == 200
    shot(page, "actor_top_person")
    assert page.console_errors == [], page.console_errors
    assert page.dialogs == []


def test_richest_article_with_an_event_selected(page, base_url):
    """The coded corpus article with the most events (the demo article when the corpus is absent)."""
    import json
    import urllib.request
    with urllib.request.urlopen(base_url + "/api/articles?limit=100") as r:
        items = json.load(r)["items"]
    best = max(items, key=lambda a: (a["events"], a["id"]))
    page.goto(base_url + f"/articles/{best['id']}")
    items = page.locator(".ev-item")
    assert items.count() == best["events"] > 0
    items.nth(min(1, items.count() - 1)).click()
    assert page.locator(".ev-detail:not([hidden])").count() == 1
    assert page.locator(".seg.active").count() >= 1
    page.evaluate("() => window.scrollTo(0, 0)")
    shot(page, "article_richest_event_selected")
    assert page.console_errors == []


def test_overview_draws_the_network_and_dyads(page, base_url):
    page.goto(base_url + "/")
    assert page.locator("svg.network circle.node").count() >= 4
    assert page.locator("svg.network path.edge").count() >= 2
    assert page.locator("a.dyad-link").count() >= 2
    # the network links to dyad pages
    page.locator("a.dyad-link").first.click()
    page.wait_for_load_state()
    assert "/dyads/" in page.url and page.locator("svg.chart rect.bar").count() >= 1


def test_click_event_to_its_evidence(page, base_url, demo):
    page.goto(base_url + "/dyads/KAZ/UZB")
    link = page.locator("a.evlink").first
    span = link.get_attribute("href").split("#", 1)[1]          # at-START-END: the evidence characters
    link.click()
    page.wait_for_url("**/articles/**")
    event_id = page.locator("body").get_attribute("data-selected-event")
    assert event_id, "no event selected from the link"
    start, end = span.split("-")[1:]
    detail0 = page.locator(f"#detail-{event_id}")
    assert (detail0.get_attribute("data-start"), detail0.get_attribute("data-end")) == (start, end)
    active = page.locator(".seg.active")
    assert active.count() >= 1
    detail = page.locator(f"#detail-{event_id}")
    assert detail.is_visible()
    evidence = detail.locator(".evidence-text").inner_text()
    assert "".join(active.all_inner_texts()).strip() == evidence.strip()
    conf = detail.locator(".conf-value").inner_text()
    assert conf.endswith("%") and 0 < int(conf[:-1]) <= 100
    shot(page, "article_event_selected")
    # clicking another event in the sidebar moves the highlight to its sentence
    items = page.locator(".ev-item")
    other = [i for i in range(items.count()) if items.nth(i).get_attribute("data-event") != event_id][0]
    other_id = items.nth(other).get_attribute("data-event")
    items.nth(other).click()
    assert page.locator(f"#detail-{other_id}").is_visible()
    assert not page.locator(f"#detail-{event_id}").is_visible()
    assert "".join(page.locator(".seg.active").all_inner_texts()).strip() == \
        page.locator(f"#detail-{other_id} .evidence-text").inner_text().strip()
    assert page.url.endswith("#" + other_id)


def test_hostile_article_renders_inert(page, base_url, demo):
    from web_demo import XSS_MARKERS
    xss = demo["articles"][3]
    paths = [f"/articles/{xss.article.id}", "/", "/search?q=script", "/dyads/FRE/SYL", "/actors/FRE", "/articles",
             "/actors?q=Sylvania", "/search?q=%3Cscript%3Ealert(1)%3C/script%3E"]
    for path in paths:
        resp = page.goto(base_url + path)
        assert resp.status == 200, path
        assert page.locator("img[src='x']").count() == 0, path
        assert page.locator("a[href^='javascript']").count() == 0, path
        assert page.locator("main script").count() == 0, path
    # hostile articles of the bundled corpus too (when it was coded)
    import json
    import urllib.request
    with urllib.request.urlopen(base_url + "/api/articles?q=%3Cscript&limit=50") as r:
        hostile = [a["id"] for a in json.load(r)["items"]]
    assert xss.article.id in hostile
    for aid in hostile:
        page.goto(base_url + f"/articles/{aid}")
        assert "<script" in page.locator("#article-text").inner_text()
        assert page.locator("img[src='x'], a[href^='javascript'], main script").count() == 0
        page.locator(".ev-item").first.click() if page.locator(".ev-item").count() else None
    page.goto(base_url + f"/articles/{xss.article.id}")
    body = page.locator("#article-text").inner_text()
    for marker in XSS_MARKERS:
        assert marker in body                      # shown as text, not parsed
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    page.locator(".ev-item").first.click()
    assert "<img src=x onerror=alert(2)>" in page.locator(".ev-detail:not([hidden]) .evidence-text").inner_text()
    shot(page, "xss_article_inert")
    csp = page.evaluate("() => fetch(location.href).then(r => r.headers.get('content-security-policy'))")
    assert "script-src 'self'" in csp
    assert page.dialogs == [], page.dialogs
