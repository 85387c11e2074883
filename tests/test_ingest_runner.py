"""The ingest loop: stores every article once, dedupes, counts, goes on after bad input, parallel = serial."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.ingest.runner import ingest
from communique.ingest.synthetic import articles

DATA = Path(__file__).parent / "data"


def write_jsonl(path: Path, recs) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_batch(tmp_path_factory):
    d = tmp_path_factory.mktemp("batch")
    recs = list(articles(12, seed=3))
    write_jsonl(d / "a.jsonl", recs[:8])
    write_jsonl(d / "b.jsonl", recs[6:] + [{"text": "Der Minister traf seinen Amtskollegen am Montag in "
                                                     "Berlin, um über den Handel zu sprechen und neue Abkommen zu prüfen."}])
    (d / "broken.jsonl").write_text('{"text": oops}\n')
    return d, recs


def db_ids(db: Path) -> list[str]:
    from communique.store import Store
    with Store(db, read_only=True) as s:
        return [r[0] for r in s.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]


def test_ingest_counts_dedupes_and_goes_on(small_batch, tmp_db, nlp):
    d, recs = small_batch
    errors: list[str] = []
    s = ingest([d], tmp_db, on_error=errors.append)
    assert s.read == 14 and s.stored == 12 and s.duplicates == 2   # two records are in both files
    assert s.non_english == 1 and s.errors == 1 and not s.ok
    assert len(errors) == 1 and "broken.jsonl:1" in errors[0]
    assert len(db_ids(tmp_db)) == 12
    # idempotent: the same command again stores nothing new
    again = ingest([d], tmp_db, on_error=lambda m: None)
    assert again.stored == 0 and again.duplicates == 14
    assert len(db_ids(tmp_db)) == 12
    assert "12 new articles stored" in s.line() and "1 non-English skipped" in s.line()
    assert "relationship memory rebuilt in" in s.line() and s.refresh_seconds > 0


def test_ingest_failed_memory_rebuild_is_a_warning(small_batch, tmp_db, monkeypatch, nlp):
    from communique import memory

    def broken(con, force=False):
        raise RuntimeError("disk full")

    monkeypatch.setattr(memory, "refresh", broken)
    d, _ = small_batch
    messages: list[str] = []
    s = ingest([d / "a.jsonl"], tmp_db, on_error=messages.append)
    assert s.stored > 0 and len(db_ids(tmp_db)) == s.stored           # the articles are kept
    assert any(m.startswith("warning: relationship memory not refreshed (RuntimeError: disk full)") for m in messages)


def test_metadata_and_source_path_stored(tmp_path, tmp_db, nlp):
    p = write_jsonl(tmp_path / "m.jsonl", [{"text": next(articles(1, seed=9))["text"], "desk": "world",
                                            "url": "https://x.example/1", "published": "2024-05-06"}])
    ingest([p], tmp_db)
    from communique.store import Store
    with Store(tmp_db, read_only=True) as s:
        url, pub, src, meta = s.con.execute("SELECT url, published, source_path, metadata FROM articles").fetchone()
    assert url == "https://x.example/1" and str(pub) == "2024-05-06" and src == str(p)
    assert json.loads(meta) == {"desk": "world", "record": 1}


def test_limit(small_batch, tmp_db, nlp):
    d, _ = small_batch
    s = ingest([d / "a.jsonl"], tmp_db, limit=5)
    assert s.read == 5 and s.stored == 5


@pytest.mark.slow
def test_parallel_workers_store_the_same_as_serial(small_batch, tmp_path, monkeypatch, nlp):
    from communique.ingest import runner
    d, _ = small_batch
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    s1 = ingest([d], one, workers=0, batch_size=3)
    monkeypatch.setattr(runner, "RECYCLE_ARTICLES", 6)   # each worker replaced after two batches
    s2 = ingest([d], two, workers=2, batch_size=3)
    # the workers and their fork server (a loaded model each) are gone before the memory rebuild
    import psutil
    left = [" ".join(p.cmdline()) for p in psutil.Process().children(recursive=True)]
    assert [c for c in left if "resource_tracker" not in c] == []   # (the tracker is tiny and shared)
    assert s2.refresh_seconds > 0
    assert (s1.stored, s1.duplicates, s1.errors) == (s2.stored, s2.duplicates, s2.errors)
    assert db_ids(one) == db_ids(two)
    from communique.store import Store
    q = "SELECT article_id, id, plover_type, cameo_code FROM events ORDER BY 1, 2"
    with Store(one, read_only=True) as a, Store(two, read_only=True) as b:
        assert a.con.execute(q).fetchall() == b.con.execute(q).fetchall()


def test_fixture_warc_and_feed_ingest(tmp_db, nlp):
    errors: list[str] = []
    s = ingest([DATA / "news.warc.gz", DATA / "news.rss", DATA / "news.atom"], tmp_db, on_error=errors.append)
    # the feed repeats the WARC's pages with the same text: stored once
    assert s.stored == 4 and s.non_english == 1
    assert s.errors == 1 and "news.rss record 5" in errors[0]   # the empty feed item


def test_cli_exit_code_and_summary(small_batch, tmp_path, nlp):
    from typer.testing import CliRunner
    from communique.cli import app
    d, _ = small_batch
    db = tmp_path / "cli.duckdb"
    r = CliRunner().invoke(app, ["ingest", str(d / "a.jsonl"), "--db", str(db), "--quiet"])
    assert r.exit_code == 0, r.output
    assert "8 new articles stored" in r.output
    r = CliRunner().invoke(app, ["ingest", str(d), "--db", str(db), "--quiet"])
    assert r.exit_code == 1
    assert "broken.jsonl:1" in r.output and "4 new articles stored" in r.output


def _dies_on_poison(records):
    import os
    if any("POISON" in r["text"] for r in records):
        os._exit(3)  # a worker killed mid-batch (out of memory, segfault)
    return _REAL(records)


_REAL = None  # the real code_batch, set by the test before the workers are forked


@pytest.mark.slow
def test_lost_worker_reported_and_run_goes_on(tmp_path, monkeypatch, nlp):
    global _REAL
    from communique.ingest import runner
    _REAL = runner.code_batch
    monkeypatch.setattr(runner, "code_batch", _dies_on_poison)
    monkeypatch.setattr(runner, "BATCH_TIMEOUT", 20)
    monkeypatch.setattr(runner, "START_METHOD", "fork")  # the workers inherit the patched code_batch
    recs = list(articles(6, seed=4))
    recs[2] = {**recs[2], "text": recs[2]["text"] + " POISON"}
    p = write_jsonl(tmp_path / "p.jsonl", recs)
    errors: list[str] = []
    s = runner.ingest([p], tmp_path / "w.duckdb", workers=2, batch_size=1, on_error=errors.append)
    assert s.stored == 5 and s.errors == 1
    assert "p.jsonl record 3" in errors[0] and "timed out" in errors[0]
