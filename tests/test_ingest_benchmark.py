"""The throughput benchmark runs (CI-sized) and ends with its contract line; streamed ingest stays under 1 GB."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_benchmark_small_run_last_line(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "throughput.py"), "--articles", "24",
                          "--stream", "40"], capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.strip().splitlines()
    m = re.fullmatch(r"ratio_vs_spacy=(\d+\.\d+) articles_per_s=(\d+\.\d+) peak_rss_mb=(\d+)", lines[-1])
    assert m, lines[-1]
    ratio, aps, rss = float(m[1]), float(m[2]), int(m[3])
    assert ratio > 0 and aps > 0 and 50 < rss < 1024
    assert any("streamed ingest: 40 articles stored" in ln for ln in lines)
    assert any("articles/day" in ln and "core(s)" in ln for ln in lines)


def test_generated_articles_realistic_mix_and_length():
    from communique.ingest.synthetic import articles
    arts = list(articles(400, seed=5))
    words = [len(a["text"].split()) for a in arts]
    ir = sum(1 for a in arts if "/world/" in a["url"])
    assert 250 <= min(words) and max(words) <= 1000 and 350 <= sum(words) / len(words) <= 700
    assert 0.2 <= ir / len(arts) <= 0.4                      # most news is not about international relations
    assert len({a["text"] for a in arts}) == len(arts)       # every article distinct (distinct ids)
    assert len({a["text"].split("\n\n")[1] for a in arts}) > 20   # varied bodies, not one template
    assert list(articles(3, seed=5)) == arts[:3]             # deterministic


@pytest.mark.slow
def test_benchmark_refresh_reports_steps_and_leaves_the_store_alone(tmp_path):
    from communique.ingest.runner import ingest
    from communique.ingest.synthetic import articles
    db = tmp_path / "small.duckdb"
    items = ({**a, "language": "en", "source_path": "synthetic", "record": i + 1}
             for i, a in enumerate(articles(30, seed=4)))
    ingest([], str(db), items=items, workers=0, refresh_memory=False)
    before = db.read_bytes()
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "refresh.py"), str(db)],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.strip().splitlines()
    assert re.fullmatch(r"articles=30 refresh_s=\d+\.\d peak_rss_mb=\d+", lines[-1]), lines[-1]
    assert [ln.split()[0] for ln in lines[2:6]] == ["dedup", "merge", "ledgers", "aggregates"]
    assert db.read_bytes() == before          # it works on a copy
