"""The bundled sample corpus: its shape, its hand count (HANDCOUNT.md), and storing what the coder makes of it."""
from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from store_helpers import CORPUS, corpus_records

HANDCOUNT = CORPUS.parent / "HANDCOUNT.md"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DATELINE = re.compile(r"^([A-Z][A-Z .'-]+), ([A-Z][A-Za-z ]+), (%s) (\d{1,2}) \(([^)]+)\) — " % "|".join(MONTHS))


@pytest.fixture(scope="module")
def records():
    return corpus_records()


@pytest.fixture(scope="module")
def hc():
    text = HANDCOUNT.read_text(encoding="utf-8")
    block = text.split("<!-- handcount-json -->", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    return json.loads(block)


@pytest.fixture(scope="module")
def by_key(records, hc):
    url = {r["url"]: r for r in records}
    return {k: url[u] for k, u in hc["articles"].items()}


def _words(t):
    return len(t.split())


def _shingles(t, k=5):
    w = re.findall(r"\w+", t.lower())
    return {tuple(w[i:i + k]) for i in range(len(w) - k + 1)}


def _jaccard(a, b):
    x, y = _shingles(a), _shingles(b)
    return len(x & y) / len(x | y)


def _canonical(url):
    u = urlsplit(url)
    q = urlencode([(k, v) for k, v in parse_qsl(u.query) if not k.startswith("utm_")])
    return (u.netloc.removeprefix("www."), u.path.rstrip("/"), q)


def test_records_are_complete(records):
    assert len(records) >= 38
    for r in records:
        assert set(r) == {"text", "url", "title", "outlet", "published"}
        assert all(isinstance(r[k], str) and r[k] for k in r)
        assert 2020 <= dt.date.fromisoformat(r["published"]).year <= 2026
    assert len({r["url"] for r in records}) == len(records)
    assert len({r["text"] for r in records}) == len(records)


def test_datelines_match_metadata(records):
    for r in records:
        m = DATELINE.match(r["text"])
        assert m, r["text"][:80]
        d = dt.date.fromisoformat(r["published"])
        assert (MONTHS.index(m.group(3)) + 1, int(m.group(4))) == (d.month, d.day), r["url"]
        assert m.group(5) == r["outlet"], r["url"]


def test_article_lengths(records, hc):
    ir = [r for k, r in _keyed(records, hc) if k not in hc["non_ir"]]
    assert len(ir) >= 34
    for r in ir:
        assert 120 <= _words(r["text"]) <= 300, (r["url"], _words(r["text"]))


def _keyed(records, hc):
    key = {u: k for k, u in hc["articles"].items()}
    return [(key[r["url"]], r) for r in records]


def test_handcount_is_consistent(records, hc):
    assert set(hc["articles"].values()) == {r["url"] for r in records}
    ev = hc["events"]
    assert hc["total_events"] == len(ev) == sum(hc["per_dyad"].values()) == sum(hc["per_type"].values())
    assert len(hc["per_dyad"]) >= 8
    for e in ev:
        a, b = e["dyad"].split("-")
        assert a < b and {e["source"], e["target"]} == {a, b}
        assert all(k in hc["articles"] for k in e["articles"])
        dt.date.fromisoformat(e["date"])
    kinds = {e["kind"] for e in ev}
    for k in ("visit", "call", "invitation", "agreement", "praise", "condolence", "accusation", "summon",
              "sanction", "threat", "protest", "aid"):
        assert k in kinds, k
    # the non-IR articles carry no counted event
    assert not {k for e in ev for k in e["articles"]} & set(hc["non_ir"])


def test_markdown_tables_match_json(hc):
    text = HANDCOUNT.read_text(encoding="utf-8")
    for dyad, n in hc["per_dyad"].items():
        row = next(line for line in text.splitlines() if line.startswith(f"| {dyad} |"))
        assert row.rstrip(" |").split("|")[-1].strip() == str(n)
    assert f"**{hc['total_events']}**" in text


def test_duplicate_groups(by_key, hc):
    groups = {tuple(g) for g in hc["duplicate_groups"]}
    assert groups == {("K5a", "K5b"), ("T1a", "T1b"), ("F1a", "F1b")}
    for a, b in groups:
        assert by_key[a]["published"] == by_key[b]["published"]
        assert by_key[a]["url"] != by_key[b]["url"] and by_key[a]["text"] != by_key[b]["text"]
    # near-duplicate copy (small edits), and the same story in different words
    assert _jaccard(by_key["T1a"]["text"], by_key["T1b"]["text"]) > 0.7
    assert by_key["T1a"]["outlet"] != by_key["T1b"]["outlet"]
    assert _jaccard(by_key["K5a"]["text"], by_key["K5b"]["text"]) < 0.2
    assert by_key["K5a"]["outlet"] != by_key["K5b"]["outlet"]
    # URL variants: http/https, trailing slash, tracking parameters
    fa, fb = by_key["F1a"]["url"], by_key["F1b"]["url"]
    assert fa.startswith("https://") and fb.startswith("http://") and "utm_source=" in fb
    assert _canonical(fa) == _canonical(fb)


def test_repeat_meetings_a_month_apart(by_key, hc):
    (a, b), = hc["distinct_repeat_meetings"]
    da, db = (dt.date.fromisoformat(by_key[k]["published"]) for k in (a, b))
    assert 28 <= (db - da).days <= 45
    for name in ("Nurtleu", "Saidov"):
        assert name in by_key[a]["text"] and name in by_key[b]["text"]


def test_invitation_lifecycle(by_key, hc):
    steps = hc["invitation_kaz_omn"]
    assert [s["status"] for s in steps] == ["extended", "reaffirmed", "accepted", "fulfilled"]
    dates = [s["date"] for s in steps]
    assert dates == sorted(dates) and dates[0][:4] == "2025" and dates[1][:4] == "2025"
    assert dates[2][:4] == dates[3][:4] == "2026"
    for s, word in zip(steps, ("invited", "reaffirmed", "accepted", "state visit")):
        art = by_key[s["article"].split()[0]]
        assert art["published"] == s["date"] and word in art["text"]


def test_historical_claim(by_key, hc):
    h = hc["historical"]
    art = by_key[h["article"]]
    assert "2004" in art["text"] and h["claim"].lower() in art["text"].lower()
    gap = int(h["reported_visit_date"][:4]) - int(h["visit"]["date"])
    assert gap == h["gap_years"] == 21 and h["claim_agrees"] is False


def test_xss_article(by_key):
    t = by_key["X1"]["text"]
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:"):
        assert payload in t


def test_corpus_codes_and_stores_exactly(extract, tmp_db):
    """What the coder makes of corpus articles comes back from the store unchanged (ids are stable)."""
    import communique
    from communique.assemble import article_id
    from communique.store import Store
    recs = corpus_records(keys=("tokayev-sultan-haitham-call", "india-downgrades-ties", "au-minisummit-gerd",
                                "phishing-warning"))
    assert len(recs) == 4
    coded = list(communique.extract_many(recs))
    with Store(tmp_db) as s:
        assert [s.add_article(c) for c in coded] == [True] * 4
        assert [s.add_article(c) for c in communique.extract_many(recs)] == [False] * 4
        for r, c in zip(recs, coded):
            assert c.article.id == article_id(r["text"])
            assert s.article(c.article.id) == c
