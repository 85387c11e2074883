"""The relationship brief: contract shape, Markdown/HTML renderings, chart, and `communique relation`."""
from __future__ import annotations

import json

import pytest

from communique.memory import refresh
from communique.memory.brief import relation_brief, render_html, render_markdown
from communique.memory.chart import trend_chart
from test_memory_rows import article, event, open_store
from test_memory_corpus import EV, _coded_article, corpus_records, handcount


@pytest.fixture(scope="module")
def db(corpus_dir, tmp_path_factory):
    urls, _ = handcount(corpus_dir)
    recs = corpus_records(corpus_dir)
    path = tmp_path_factory.mktemp("brief") / "brief.duckdb"
    s = open_store(path)
    for key in ("K1", "K2", "K3", "K4", "K5a", "K5b", "U1", "U2", "U3"):
        s.add(_coded_article(key, recs[urls[key]]))
    # an article whose text carries markup: renderings must escape it
    s.add(article('Oman and Kazakhstan <script>alert(1)</script> signed a memorandum on <b>energy</b>.',
                  published="2026-06-01", outlet="<img src=x onerror=alert(1)>", url="javascript:alert(1)",
                  events=[event("E1", "KAZ", "OMN", "057", evidence="signed a memorandum on <b>energy</b> "
                                "<script>alert(1)</script>", sectors=["energy"], date="2026-06-01")]))
    refresh(s.con)
    yield path, s.con
    s.close()


@pytest.fixture(scope="module")
def brief(db):
    return relation_brief(db[1], "KAZ", "OMN")


def test_contract_shape(brief):
    assert brief["dyad"] == ["KAZ", "OMN"]
    e = brief["events"][0]
    for k in ("id", "source", "target", "plover", "cameo", "when", "date", "location", "sectors", "confidence",
              "evidence", "num_articles", "num_sources", "mentions"):
        assert k in e
    assert set(e["source"]) >= {"actor", "country", "cameo"} and set(e["plover"]) >= {"type", "mode", "contexts"}
    assert set(e["mentions"][0]) >= {"article", "url", "outlet", "evidence"}
    v = next(v for v in brief["visits"] if v["date"] == "2025-06-10")
    assert {k: v[k] for k in ("visitor", "host", "level", "date", "place", "previous_at_level", "gap_years")} == {
        "visitor": "KAZ", "host": "OMN", "level": "foreign minister", "date": "2025-06-10", "place": "Muscat",
        "previous_at_level": "2004", "gap_years": 21}
    assert [(c["text"], c["agrees"]) for c in v["claims"]] == [("Almost 20 years later", False)]
    inv = brief["invitations"][0]
    assert set(inv) >= {"inviter", "invitee", "invitee_actor", "to", "status", "history"}
    assert inv["invitee_actor"] == "Haitham bin Tariq" and inv["status"] == "fulfilled"
    assert all(set(h) >= {"date", "status", "article"} for h in inv["history"])
    ag = brief["agreements"][0]
    assert set(ag) >= {"parties", "title", "domain", "date", "status"} and ag["parties"] == ["KAZ", "OMN"]
    assert all(set(t) >= {"period", "events", "cooperation_index"} for t in brief["trend"])
    assert brief["sectors"]["transport"] >= 2
    assert brief["flags"] and "21 years" in brief["flags"][0]["message"]
    json.dumps(brief)   # JSON-ready as it is


def test_events_are_merged_and_sourced(brief):
    state = [e for e in brief["events"] if e["date"] == "2026-05-19" and e["plover"]["mode"] == "visit"]
    assert len(state) == 1 and state[0]["num_sources"] == 2
    assert {m["outlet"] for m in state[0]["mentions"]} == {"Steppe Wire", "Gulf Courier"}
    assert all(e["when"] != "reported" or e["mentions"] for e in brief["events"])


def test_since_filters(db):
    b = relation_brief(db[1], "OMN", "KAZ", since="2026-01")
    assert b["dyad"] == ["OMN", "KAZ"]
    assert all(e["date"] >= "2026" for e in b["events"] if e["date"])
    assert all(t["period"] >= "2026-01" for t in b["trend"])


def test_renderings_escape_markup(brief):
    md = render_markdown(brief)
    assert "## Visits" in md and "**disagrees**" in md and "2004" in md and "fulfilled" in md
    assert "<script>" not in md and "<img" not in md
    html = render_html(brief)
    assert html.startswith("<!doctype html>") and "<script>" not in html and "<img src=x" not in html
    assert "javascript:" not in html and "&lt;script&gt;" in html


def test_chart_files(brief, tmp_path):
    out = trend_chart(brief, tmp_path, stem="t")
    assert (tmp_path / "t.png").read_bytes()[:4] == b"\x89PNG"
    assert b"<svg" in (tmp_path / "t.svg").read_bytes()[:400]
    assert out["png_name"] == "t.png"


@pytest.mark.parametrize("fmt,marker", [("json", '"dyad"'), ("md", "# Kazakhstan"), ("html", "<!doctype html>")])
def test_relation_command(db, tmp_path, fmt, marker):
    from typer.testing import CliRunner
    from communique.cli import app
    res = CliRunner().invoke(app, ["relation", "Kazakhstan", "omn", "--db", str(db[0]), "--format", fmt,
                                   "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert marker in res.stdout
    assert (tmp_path / f"relation-KAZ-OMN.{fmt}").exists()
    assert (tmp_path / "relation-KAZ-OMN-trend.png").exists() and (tmp_path / "relation-KAZ-OMN-trend.svg").exists()


@pytest.mark.parametrize("args,code,msg", [
    (["relation", "Atlantis", "OMN"], 2, "E202"),
    (["relation", "KAZ", "KAZ"], 2, "E203"),
    (["relation", "KAZ", "OMN", "--since", "last year"], 2, "E103"),
])
def test_relation_command_errors(db, args, code, msg):
    from typer.testing import CliRunner
    from communique.cli import app
    res = CliRunner().invoke(app, args + ["--db", str(db[0])])
    assert res.exit_code == code and msg in res.output


def test_relation_command_missing_db(tmp_path):
    from typer.testing import CliRunner
    from communique.cli import app
    res = CliRunner().invoke(app, ["relation", "KAZ", "OMN", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 1 and "E201" in res.output
