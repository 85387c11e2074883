"""One transaction per article: an error or a crash mid-article leaves every stored article whole."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from communique.store import Store, schema
from store_helpers import make_article


def _whole(s: Store, coded) -> bool:
    return s.article(coded.article.id) == coded


def _rows_of(s: Store, aid: str) -> int:
    n = s.con.execute("SELECT count(*) FROM articles WHERE id = ?", [aid]).fetchall()[0][0]
    for t in ("actors", "mentions", "events", "quotes"):
        n += s.con.execute(f"SELECT count(*) FROM {t} WHERE article_id = ?", [aid]).fetchall()[0][0]
    return n


@pytest.mark.parametrize("fail_at", ["actors", "events", "quotes", "mentions", "learned"])
def test_error_mid_article_rolls_back(fail_at, tmp_db, monkeypatch):
    good = make_article()
    bad = make_article(src="UZB", codes=("042", "057"), published="2024-04-16")
    with Store(tmp_db) as s:
        assert s.add_article(good)
        if fail_at == "learned":
            def boom(con, coded):
                raise RuntimeError("crash after every insert")
            s._record_learned = boom
        else:
            real = schema.insert_sql

            def insert_sql(table):
                if table == fail_at:
                    raise RuntimeError(f"crash before {table}")
                return real(table)
            monkeypatch.setattr(schema, "insert_sql", insert_sql)
        with pytest.raises(RuntimeError, match="crash"):
            s.add_article(bad)
        assert _rows_of(s, bad.article.id) == 0
        assert not s.has_article(bad.article.id)
        assert _whole(s, good)
        monkeypatch.undo()
        s._record_learned = None
        # the same article can be stored afterwards (resume)
        assert s.add_article(bad) is True and _whole(s, bad)


def test_learned_hook_runs_inside_the_transaction(tmp_db):
    seen = []
    with Store(tmp_db) as s:
        def record(con, coded):
            # the article rows are visible to the hook (same transaction), and the hook may write
            seen.append(con.execute("SELECT count(*) FROM events WHERE article_id = ?",
                                    [coded.article.id]).fetchall()[0][0])
            con.execute("CREATE TABLE IF NOT EXISTS hook_log (id VARCHAR)")
            con.execute("INSERT INTO hook_log VALUES (?)", [coded.article.id])
        s._record_learned = record
        a = make_article(codes=("042", "057"))
        s.add_article(a)
        s.add_article(a)  # already stored: the hook does not run again
        assert seen == [2]
        assert s.con.execute("SELECT count(*) FROM hook_log").fetchall()[0][0] == 1


def test_process_crash_mid_article_leaves_stored_articles_whole(tmp_path):
    """Kill the writer process (os._exit) in the middle of an article's transaction, then reopen."""
    db = tmp_path / "crash.duckdb"
    tests_dir = Path(__file__).resolve().parent
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(tests_dir)!r})
        from communique.store import Store
        from store_helpers import make_article
        s = Store({str(db)!r})
        for d in ("2024-01-01", "2024-02-01", "2024-03-01"):
            s.add_article(make_article(published=d, codes=("042", "057")))
        s.con.execute("CHECKPOINT")
        def die(con, coded):
            os._exit(17)          # hard crash: no rollback, no close
        s._record_learned = die
        s.add_article(make_article(src="UZB", published="2024-04-01", codes=("042", "036")))
    """)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert r.returncode == 17, r.stderr
    with Store(db) as s:
        assert s.counts()["articles"] == 3
        for d in ("2024-01-01", "2024-02-01", "2024-03-01"):
            a = make_article(published=d, codes=("042", "057"))
            assert s.article(a.article.id) == a
        lost = make_article(src="UZB", published="2024-04-01", codes=("042", "036"))
        assert _rows_of(s, lost.article.id) == 0
        assert s.add_article(lost) is True and s.article(lost.article.id) == lost


def test_batch_is_all_or_nothing(tmp_db):
    stored = make_article()
    batch = [make_article(src="UZB", published=f"2024-0{m}-01", codes=("042", "057")) for m in range(1, 5)]
    with Store(tmp_db) as s:
        s.add_article(stored)
        calls = []

        def boom(con, coded):
            calls.append(coded.article.id)
            if len(calls) == 3:
                raise RuntimeError("crash in the third article of the batch")
        s._record_learned = boom
        with pytest.raises(RuntimeError, match="crash"):
            s.add_batch(batch)
        assert s.counts()["articles"] == 1 and s.article(stored.article.id) == stored
        for b in batch:
            assert _rows_of(s, b.article.id) == 0
        s._record_learned = None
        assert s.add_batch(batch + [stored, (batch[0], "dup.jsonl", None)]) == [True] * 4 + [False, False]
        for b in batch:
            assert s.article(b.article.id) == b


def test_batch_matches_single_inserts(tmp_path):
    arts = [make_article(published=f"2025-0{m}-02", codes=("042", "112"), past="2004") for m in range(1, 4)]
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b:
        for x in arts:
            a.add_article(x, source_path="in.jsonl", metadata={"k": 1})
        assert b.add_batch([(x, "in.jsonl", {"k": 1}) for x in arts]) == [True] * 3
        assert a.counts() == b.counts()
        q = "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY id"
        assert a.con.execute(q).fetchall() == b.con.execute(q).fetchall()
        for t in ("actors", "events", "quotes", "mentions"):
            q = f"SELECT * FROM {t} ORDER BY ALL"
            assert a.con.execute(q).fetchall() == b.con.execute(q).fetchall()
        assert b.add_batch([]) == []


def test_second_writer_process_gets_E201(tmp_db):
    """DuckDB allows one writer process per file: the second one gets a one-line E201, not a traceback."""
    with Store(tmp_db) as s:
        s.add_article(make_article())
        s.con.execute("CHECKPOINT")
        script = textwrap.dedent(f"""
            from communique.errors import CommuniqueError
            from communique.store import Store
            try:
                Store({str(tmp_db)!r})
            except CommuniqueError as exc:
                print(exc)
                raise SystemExit(3)
        """)
        r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
        assert r.returncode == 3, r.stdout + r.stderr
        assert r.stdout.startswith("[E201] database") and str(tmp_db) in r.stdout
        assert len(r.stdout.strip().splitlines()) == 1
