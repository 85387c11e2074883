"""`communique events | export | report | stats` (and `extract` on an article of ours) through Typer's CliRunner."""
from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest
from typer.testing import CliRunner

from communique.cli import app
from store_helpers import corpus_records, make_article

runner = CliRunner()

KEYS = ("tokayev-sultan-haitham-call", "sultan-accepts-tokayev-invitation", "sultan-of-oman-state-visit-astana",
        "nurtleu-saidov-tashkent", "saidov-nurtleu-astana-talks", "india-downgrades-ties", "heat-wave")


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    import communique
    from communique.store import Store
    path = tmp_path_factory.mktemp("cli") / "corpus.duckdb"
    recs = corpus_records(keys=KEYS)
    assert len(recs) == len(KEYS)
    with Store(path) as s:
        for c in communique.extract_many(recs):
            s.add_article(c, source_path="sample.jsonl")
        # plus two hand-built articles, so that the filters have known events to find
        s.add_article(make_article("OMN", "KAZ", "2004-05-01", codes=("042",), outlet="Archive Wire"))
        s.add_article(make_article("IND", "PAK", "2025-04-25", codes=("112", "163"), outlet="Hand Wire"))
    return path


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def test_events_json_dyad_both_directions(db):
    r = run("events", "--db", db, "--dyad", "OMN-KAZ", "--format", "json", "--limit", "500")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert rows and {x["dyad"] for x in rows} == {"KAZ-OMN"}
    assert rows[0]["day"] == "2004-05-01" and rows[0]["outlet"] == "Archive Wire"
    assert [x["day"] for x in rows] == sorted(x["day"] for x in rows)


@pytest.mark.parametrize("args,check", [
    (("--type", "COERCE", "--format", "json"), lambda rows: [x["cameo_code"] for x in rows] == ["163"]),
    (("--actor", "PAK", "--since", "2025-04-25", "--format", "json"),
     lambda rows: {x["outlet"] for x in rows} == {"Hand Wire"} and len(rows) == 2),
    (("--until", "2004", "--format", "json"), lambda rows: len(rows) == 1 and rows[0]["day"] == "2004-05-01"),
    (("--min-confidence", "0.99", "--format", "json"), lambda rows: all(x["confidence"] >= 0.99 for x in rows)),
    (("--limit", "2", "--format", "jsonl"), lambda rows: len(rows) == 2),
])
def test_events_filters(db, args, check):
    r = run("events", "--db", db, *args)
    assert r.exit_code == 0, r.output
    text = r.stdout.strip()
    rows = json.loads(text) if text.startswith("[") else [json.loads(x) for x in text.splitlines()]
    assert check(rows)


def test_events_table_and_csv(db):
    r = run("events", "--db", db, "--dyad", "IND-PAK")
    assert r.exit_code == 0, r.output
    assert "events" in r.stdout and "IND→PAK" in r.stdout
    r = run("events", "--db", db, "--dyad", "IND-PAK", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and {x["source_country"] for x in rows} <= {"IND", "PAK"}


@pytest.mark.parametrize("args,code,needle", [
    (("--dyad", "KAZ"), 2, "E203"),
    (("--dyad", "KAZ-OMN-UZB"), 2, "E203"),
    (("--since", "last week"), 2, "E103"),
    (("--format", "xml"), 2, "--format"),
    (("--quad-class", "7"), 2, "quad-class"),
])
def test_events_bad_arguments(db, args, code, needle):
    r = run("events", "--db", db, *args)
    assert r.exit_code == code
    assert needle in r.output and "Traceback" not in r.output


def test_unknown_code_warns_and_returns_nothing(db):
    r = run("events", "--db", db, "--dyad", "KAZ-XYZ", "--format", "json")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == []
    assert "E202" in r.stderr and "XYZ" in r.stderr


def test_missing_database_is_one_line_E201(tmp_path):
    for cmd in ("events", "stats", "report", "export"):
        r = run(cmd, "--db", tmp_path / "none.duckdb")
        assert r.exit_code == 1
        assert "E201" in r.output and "none.duckdb" in r.output and "Traceback" not in r.output


def test_export_formats(db, tmp_path):
    r = run("export", "--db", db, "--format", "jsonl")
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    n = len(rows)
    assert n > 3 and all("evidence_text" in x for x in rows)
    out = tmp_path / "e.csv"
    r = run("export", "--db", db, "--format", "csv", "--out", out, "--dyad", "IND-PAK")
    assert r.exit_code == 0 and out.exists()
    assert all(x["dyad"] == "IND-PAK" for x in csv.DictReader(out.open()))
    pq_out = tmp_path / "e.parquet"
    r = run("export", "--db", db, "--format", "parquet", "--out", pq_out)
    assert r.exit_code == 0 and f"{n} events" in r.stderr
    import pyarrow.parquet as pq
    assert pq.read_table(pq_out).num_rows == n


def test_export_errors(db):
    r = run("export", "--db", db, "--format", "parquet")
    assert r.exit_code == 1 and "--out" in r.output
    r = run("export", "--db", db, "--format", "yaml")
    assert r.exit_code == 2 and "jsonl" in r.output


def test_stats(db):
    r = run("stats", "--db", db, "--format", "json")
    assert r.exit_code == 0
    s = json.loads(r.stdout)
    assert s["articles"] == len(KEYS) + 2 and s["events"] > 3
    r = run("stats", "--db", db)
    assert r.exit_code == 0 and "articles" in r.stdout


def test_report(db):
    r = run("report", "--db", db)
    assert r.exit_code == 0, r.output
    assert "Top dyads" in r.stdout and f"{len(KEYS) + 2} articles" in r.stdout
    assert "KAZ-OMN" in r.stdout
    r = run("report", "--db", db, "--dyad", "IND-PAK")
    assert r.exit_code == 0 and ("IND – PAK" in r.stdout or "IND-PAK" in r.stdout)
    r = run("report", "--db", db, "--dyad", "INDPAK")
    assert r.exit_code == 2 and "E203" in r.output


def test_help_says_where_the_database_is():
    for cmd in ("events", "export", "report", "stats"):
        r = run(cmd, "--help")
        assert r.exit_code == 0
        assert "COMMUNIQUE_DB" in r.stdout and "user data" in r.stdout


ARTICLE = ("ASTANA, Kazakhstan, March 3 (Steppe Wire) — President Kassym-Jomart Tokayev received Uzbekistan's "
           "Foreign Minister Bakhtiyor Saidov in Astana on Tuesday. The two sides discussed water, energy and "
           "transit, and Tokayev invited President Shavkat Mirziyoyev to visit Kazakhstan in the autumn.\n")


def test_extract_on_our_article(tmp_path, nlp):
    p = tmp_path / "article.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    r = run("extract", p, "--published", "2026-03-03", "--format", "json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert set(d) >= {"article", "actors", "events", "quotes", "sectors", "contexts"}
    assert d["article"]["published"] == "2026-03-03"
    assert d["article"]["id"] == hashlib.sha256(d_text(p).encode("utf-8")).hexdigest()
    assert any(a["country"] == "KAZ" and "Tokayev" in a["name"] for a in d["actors"])


def d_text(p):
    from communique.ingest.readers import read_path
    return next(iter(read_path(p)))["text"]


def test_report_without_memory_lists_the_relation_events(db, monkeypatch):
    from communique.cli import store_cmds
    monkeypatch.setattr(store_cmds, "_memory_report", lambda store, a, b: None)
    r = run("report", "--db", db, "--dyad", "IND-PAK")
    assert r.exit_code == 0, r.output
    assert "IND – PAK:" in r.stdout and "events in time order" in r.stdout and "IND→PAK" in r.stdout


def test_report_uses_the_memory_brief_when_present(db):
    import importlib.util
    if importlib.util.find_spec("communique.memory.brief") is None:
        pytest.skip("communique.memory.brief not built yet")
    r = run("report", "--db", db, "--dyad", "KAZ-OMN")
    assert r.exit_code == 0, r.output
    assert "relationship brief" in r.stdout
