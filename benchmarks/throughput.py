"""Throughput: the full communique pipeline vs bare spaCy on the same generated news, and streamed-ingest memory.

    .venv/bin/python benchmarks/throughput.py                       # 1,000 articles, 100k streamed
    .venv/bin/python benchmarks/throughput.py --articles 200 --stream 2000   # a CI-sized run

1. Generates `--articles` news articles of realistic length and mix (`communique.ingest.synthetic`:
   about 30% international relations, the rest sport, markets, weather, local news ...).
2. Codes them with `communique.extract_many` (the whole pipeline: prefilter, model, our
   components, assembly) and with bare ``communique.pipeline.load_model().pipe`` on the same
   texts, in this one process (one core), after a warm-up of both.
3. Streams `--stream` generated articles through the ingest runner into a temporary DuckDB
   in a separate process and reports its peak RSS (and RSS along the way).
4. Prints a table, the cores 300k articles a day need, and as its last line
   ``ratio_vs_spacy=<float> articles_per_s=<float> peak_rss_mb=<int>``.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLES_PER_DAY = 300_000


def _rss_mb() -> float:
    """Current resident set size of this process, in MB (Linux)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hwm_mb(pid: object = "self") -> float:
    """Peak resident set (VmHWM) of a process, in MB.

    Not ``ru_maxrss``: on Linux that survives exec, so a child started by a process that had
    loaded the model would report the parent's peak."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if pid == "self" else 0.0


def _peak_mb() -> float:
    return _hwm_mb("self")


def _children_rss_mb() -> float:
    """Largest peak resident set among this process's descendants (the coding workers), in MB."""
    try:
        import psutil
        pids = [c.pid for c in psutil.Process().children(recursive=True)]
    except Exception:
        return 0.0
    return max((_hwm_mb(p) for p in pids), default=0.0)


# --- the streamed ingest (child process) -----------------------------------------------------------

class _RssProbe:
    """An ingest progress object that samples RSS every `every` articles."""

    def __init__(self, every: int):
        self.every = every
        self.samples: list[tuple[int, float]] = []
        self._next = every

    def start(self, total_bytes):
        pass

    def advance_bytes(self, n):
        pass

    def article(self, summary):
        done = summary.stored + summary.duplicates
        if done >= self._next:
            self.samples.append((done, round(_rss_mb(), 1), round(_children_rss_mb(), 1)))
            self._next += self.every
            print(f"rss {done} parent {self.samples[-1][1]} worker {self.samples[-1][2]} "
                  f"t={time.perf_counter():.0f}", file=sys.stderr, flush=True)

    def stop(self):
        pass


def stream_child(n: int, db: str, workers: int) -> None:
    from communique.ingest.runner import ingest
    from communique.ingest.synthetic import articles
    try:  # import the memory code now: the run measures the code as it was when it started
        from communique import memory
        from communique.memory import analytics, dedup, ledgers, merge  # noqa: F401
        from communique.store import Store
    except ImportError:
        memory = None

    def items():
        for i, a in enumerate(articles(n, seed=2026)):
            yield {**a, "language": "en", "source_path": "synthetic", "record": i + 1}

    probe = _RssProbe(max(n // 20, 1))
    t0 = time.perf_counter()
    s = ingest([], db, items=items(), workers=workers, progress=probe, refresh_memory=False)
    seconds = time.perf_counter() - t0
    loop_peak = _peak_mb()
    children = max([_children_rss_mb()] + [w for _, _, w in probe.samples])
    # then what `communique ingest` does at its end (the workers and the fork server stopped, the writer
    # closed): rebuild the relationship memory on a fresh connection
    refresh_s = None
    if memory is not None:
        t1 = time.perf_counter()
        with Store(db) as st:
            memory.refresh(st.con)
        refresh_s = time.perf_counter() - t1
    print(json.dumps({"stored": s.stored, "errors": s.errors, "seconds": seconds, "loop_peak_rss_mb": loop_peak,
                      "peak_rss_mb": _peak_mb(), "refresh_seconds": refresh_s,
                      "peak_rss_children_mb": children, "samples": probe.samples}))


class _TreeSampler:
    """Samples a process and its descendants once a second: the sum of their RSS (pages shared
    between the ingest process and its forked workers, such as the model, counted once per process)
    and the sum of their PSS (each shared page split among its sharers: the tree's real footprint)."""

    def __init__(self, pid: int, every: float = 1.0):
        import threading
        self.pid, self.every = pid, every
        self.peak_rss = self.peak_pss = 0.0
        self.peak_pss_coding = self.peak_pss_rebuild = 0.0   # with coding processes alive / after them
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            rss = pss = 0.0
            try:
                procs = [root] + root.children(recursive=True)
            except psutil.Error:
                break
            for p in procs:
                try:
                    m = p.memory_full_info()
                    rss += m.rss / 2**20
                    pss += getattr(m, "pss", m.rss) / 2**20
                except psutil.Error:
                    pass
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            coding = any("resource_tracker" not in " ".join(_cmdline(p)) for p in procs[1:])
            if coding:
                self.peak_pss_coding = max(self.peak_pss_coding, pss)
            else:
                self.peak_pss_rebuild = max(self.peak_pss_rebuild, pss)
            self._stop.wait(self.every)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _cmdline(p) -> list:
    try:
        return p.cmdline()
    except Exception:
        return []


def run_stream(n: int, workers: int, keep_db: str | None = None) -> dict:
    with tempfile.TemporaryDirectory() as d:
        db = keep_db or str(Path(d) / "stream.duckdb")
        if keep_db and Path(keep_db).exists():
            raise SystemExit(f"--keep-db {keep_db}: the file exists; the streamed ingest needs a new store")
        # stderr (RSS samples) goes through to the terminal: a long run shows where it is
        proc = subprocess.Popen([sys.executable, __file__, "--_stream-child", str(n), db, str(workers)],
                                stdout=subprocess.PIPE, text=True)
        sampler = _TreeSampler(proc.pid)
        out, _ = proc.communicate()
        sampler.stop()
        if proc.returncode != 0:
            raise RuntimeError(f"streamed ingest failed (exit {proc.returncode}); see its stderr above")
        s = json.loads(out.strip().splitlines()[-1])
        s["tree_peak_rss_mb"], s["tree_peak_pss_mb"] = sampler.peak_rss, sampler.peak_pss
        s["tree_peak_pss_coding_mb"], s["tree_peak_pss_rebuild_mb"] = sampler.peak_pss_coding, sampler.peak_pss_rebuild
        return s


# --- the comparison ---------------------------------------------------------------------------------

def bench(n: int, batch_size: int, repeat_spacy: bool = False) -> dict:
    import communique
    from communique import pipeline, prefilter
    from communique.ingest.synthetic import articles

    records = list(articles(n, seed=1))
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)

    bare = pipeline.load_model()
    full = pipeline.get_pipeline()
    warm = records[:8]
    list(bare.pipe([r["text"] for r in warm]))
    list(communique.extract_many(warm))

    t = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=batch_size):
        pass
    spacy_s = time.perf_counter() - t

    t = time.perf_counter()
    coded = list(communique.extract_many(records, batch_size=batch_size))
    full_s = time.perf_counter() - t

    ir = sum(1 for r in records if "/world/" in r["url"])
    return {
        "articles": n, "words": words, "ir_articles": ir,
        "spacy_s": spacy_s, "full_s": full_s,
        "events": sum(len(c.events) for c in coded), "quotes": sum(len(c.quotes) for c in coded),
        "prefilter": prefilter.enabled(),
        "kept_share": sum(prefilter.kept_share(t) for t in texts) / n if prefilter.enabled() else 1.0,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000, help="generated articles to code (default 1000)")
    ap.add_argument("--stream", type=int, default=100_000, help="articles streamed through ingest (0: skip)")
    ap.add_argument("--workers", type=int, default=1, help="workers of the streamed ingest")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--keep-db", metavar="PATH", help="keep the streamed-ingest store at PATH (a new file)")
    ap.add_argument("--_stream-child", nargs=3, metavar=("N", "DB", "WORKERS"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a._stream_child:
        n, db, w = a._stream_child
        stream_child(int(n), db, int(w))
        return 0

    r = bench(a.articles, a.batch_size)
    n, words = r["articles"], r["words"]
    full_aps, spacy_aps = n / r["full_s"], n / r["spacy_s"]
    ratio = full_aps / spacy_aps
    need = ARTICLES_PER_DAY / 86_400
    cores = math.ceil(need / full_aps) if full_aps > 0 else float("inf")

    print(f"generated articles: {n} ({r['ir_articles']} about international relations), "
          f"{words} words, {words / n:.0f} words/article")
    print(f"prefilter: {'on' if r['prefilter'] else 'off'} (model reads {r['kept_share']:.0%} of the text)")
    print(f"{'pipeline':<34}{'articles/s':>12}{'words/s':>12}{'articles/s/core':>17}")
    print(f"{'communique.extract_many (full)':<34}{full_aps:>12.2f}{words / r['full_s']:>12.0f}{full_aps:>17.2f}")
    print(f"{'bare spaCy load_model().pipe':<34}{spacy_aps:>12.2f}{words / r['spacy_s']:>12.0f}{spacy_aps:>17.2f}")
    print(f"ratio full/spaCy: {ratio:.2f}   events: {r['events']}, quotes: {r['quotes']}")
    print(f"{ARTICLES_PER_DAY:,} articles/day = {need:.2f} articles/s -> {cores} core(s) at "
          f"{full_aps:.2f} articles/s/core (one process per core)")

    peak = 0
    if a.stream > 0:
        s = run_stream(a.stream, a.workers, a.keep_db)
        # the whole ingest's resident memory, each page counted once: the peak of the summed PSS of the
        # ingest process and its workers (sampled every second), or the ingest process's own exact peak
        # (VmHWM: it alone runs the relationship-memory rebuild at the end) if that is higher
        peak = int(round(max(s["tree_peak_pss_mb"], s["peak_rss_mb"])))
        print(f"streamed ingest: {s['stored']} articles stored in {s['seconds']:.0f}s "
              f"({s['stored'] / max(s['seconds'], 1e-9):.2f}/s, {a.workers} worker(s)), then the relationship-"
              f"memory rebuild in {s['refresh_seconds'] or 0:.0f}s")
        print(f"peak memory of the whole ingest: {peak} MB (PSS summed over the ingest process and its workers: "
              f"{s['tree_peak_pss_mb']:.0f} MB"
              + (f": {s['tree_peak_pss_coding_mb']:.0f} MB while coding, {s['tree_peak_pss_rebuild_mb']:.0f} MB "
                 "during the memory rebuild" if a.workers > 0 else "")
              + f"; RSS summed, shared model pages counted in every process: "
              f"{s['tree_peak_rss_mb']:.0f} MB); ingest process alone: {s['peak_rss_mb']:.0f} MB (coding+storing "
              f"loop {s['loop_peak_rss_mb']:.0f} MB, then the rebuild); largest worker {s['peak_rss_children_mb']:.0f} MB")
        print("RSS along the stream (articles: ingest process/largest worker MB): "
              + ", ".join(f"{k}:{v:.0f}/{w:.0f}" for k, v, w in s["samples"]))
    else:
        peak = int(round(_peak_mb()))
        print(f"streamed ingest skipped; peak RSS of this benchmark process {peak} MB")
    print(f"ratio_vs_spacy={ratio:.3f} articles_per_s={full_aps:.3f} peak_rss_mb={peak}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
