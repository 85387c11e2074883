"""Resumability, for real: `kill -9` an ingest mid-run, run the same command again, every article stored once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique.ingest.synthetic import articles

N = 240


def _count(db: Path) -> tuple[int, int, int]:
    from communique.store import Store
    with Store(db, read_only=True) as s:
        c = s.con
        return (c.execute("SELECT count(*) FROM articles").fetchone()[0],
                c.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0],
                c.execute("SELECT count(*) FROM (SELECT article_id, id FROM events GROUP BY 1, 2 HAVING count(*) > 1)")
                .fetchone()[0])


def _command(src: Path, db: Path, workers: int) -> list[str]:
    exe = Path(sys.executable).with_name("communique")
    return [str(exe), "ingest", str(src), "--db", str(db), "--workers", str(workers), "--quiet", "--batch-size", "4"]


@pytest.mark.slow
@pytest.mark.parametrize("workers", [0, 2])  # in-process, and two worker processes
def test_kill_9_then_rerun_stores_each_article_exactly_once(tmp_path, workers):
    src = tmp_path / "news.jsonl"
    short = ({**a, "text": "\n\n".join(a["text"].split("\n\n")[:3]) + f" ({i})"}
             for i, a in enumerate(articles(N, seed=11)))
    src.write_text("".join(json.dumps(a) + "\n" for a in short), encoding="utf-8")
    db = tmp_path / "resume.duckdb"
    wal = Path(str(db) + ".wal")

    proc = subprocess.Popen(_command(src, db, workers), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    # wait until articles are being committed (the write-ahead log grows), then kill -9 mid-run
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 60_000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed: raise N"
    os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its coding workers (all started by this test)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    stored, distinct, dup_events = _count(db)
    assert 0 < stored < N, f"kill did not land mid-run ({stored} stored)"
    assert stored == distinct and dup_events == 0

    done = subprocess.run(_command(src, db, workers), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert f"{N - stored} new articles stored, {stored} already stored" in done.stdout
    assert _count(db) == (N, N, 0)
