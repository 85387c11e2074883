"""Time and memory of the relationship-memory rebuild on an existing store.

    .venv/bin/python benchmarks/refresh.py STORE.duckdb            # works on a copy; the store is not touched
    .venv/bin/python benchmarks/throughput.py --stream 100000 --keep-db big.duckdb   # makes a large store

Copies the store to a temporary file, runs `communique.memory.refresh(force=True)` on the copy in
this process, samples the resident set every 20 ms, and prints the time and peak RSS of each step
(dedup, merge, ledgers, aggregates), the dedup sizes (candidate pairs, largest LSH bucket) and, as
its last line, ``articles=<int> refresh_s=<float> peak_rss_mb=<int>``.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path


class _Sampler:
    """Peak RSS overall and per named phase, sampled in a background thread."""

    def __init__(self, every: float = 0.02):
        import psutil
        self.proc = psutil.Process()
        self.every = every
        self.phase = "open"
        self.peaks: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = self.proc.memory_info().rss / 2**20
            self.peaks[self.phase] = max(self.peaks.get(self.phase, 0.0), rss)
            time.sleep(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store", type=Path, help="a communique DuckDB store (read, never written)")
    a = ap.parse_args(argv)
    if not a.store.is_file():
        print(f"{a.store}: no such store", file=sys.stderr)
        return 2
    from communique import memory
    from communique.memory import analytics, dedup, ledgers, merge
    from communique.store import Store

    with tempfile.TemporaryDirectory() as d:
        copy = Path(d) / a.store.name
        shutil.copyfile(a.store, copy)
        wal = a.store.with_name(a.store.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))
        with _Sampler() as s:
            st = Store(str(copy))
            n = st.con.execute("SELECT count(*) FROM articles").fetchone()[0]
            hooks = [(dedup, "cluster_articles", "dedup"), (merge, "merge_events", "merge"),
                     (ledgers, "build_ledgers", "ledgers"), (analytics, "build_aggregates", "aggregates")]
            originals = {name: getattr(mod, attr) for mod, attr, name in hooks}

            def phase(name, fn):
                def run(con):
                    s.phase = name
                    try:
                        return fn(con)
                    finally:
                        time.sleep(0.05)   # let the sampler see the step's last state
                return run

            # the same refresh the CLI runs, each step labelled for the sampler
            for mod, attr, name in hooks:
                setattr(mod, attr, phase(name, originals[name]))
            try:
                t = time.perf_counter()
                out = memory.refresh(st.con, force=True)
                seconds = time.perf_counter() - t
            finally:
                for mod, attr, name in hooks:
                    setattr(mod, attr, originals[name])
                st.close()
    base = s.peaks.get("open", 0.0)
    print(f"store: {a.store} ({n} articles); DuckDB memory limit during the rebuild: {memory.REFRESH_MEMORY}")
    print(f"{'step':<12}{'seconds':>10}{'peak RSS MB':>14}")
    for name in ("dedup", "merge", "ledgers", "aggregates"):
        print(f"{name:<12}{out['timings'].get(name, 0):>10.1f}{s.peaks.get(name, 0):>14.0f}")
    print(f"before the rebuild: {base:.0f} MB; dedup: {dedup.STATS.get('candidate_pairs', 0)} candidate pairs, "
          f"largest LSH bucket {dedup.STATS.get('largest_bucket', 0)}; clusters {out.get('clusters')}, "
          f"merged events {out.get('events')}, visits {out.get('visits')}, invitations {out.get('invitations')}, "
          f"agreements {out.get('agreements')}")
    print(f"articles={n} refresh_s={seconds:.1f} peak_rss_mb={int(round(max(s.peaks.values())))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
