"""Per-component cost of the full pipeline: ms/article and share of the total, per corpus.

    .venv/bin/python benchmarks/components.py                   # bundled corpus + 200 generated articles
    .venv/bin/python benchmarks/components.py --generated 1000 --repeat 2
    .venv/bin/python benchmarks/components.py --profile communique_actors   # cProfile one stage

Runs the stages of `communique.extract_many` one after another on the same Docs, timing each:
``make_doc`` (prefilter + tokenizer), every model component (``tok2vec``, ``tagger``, ``parser``,
``attribute_ruler``, ``lemmatizer``, ``ner``, run batched with ``pipe`` as `nlp.pipe` does),
our four components (``communique_dateline``, ``communique_actors``, ``communique_quotes``,
``communique_events``) and ``assemble`` (Doc -> CodedArticle).  The outputs are the same as
`extract_many`'s (the stages are the same calls in the same order).

Prints one table per corpus and the two shares the issues ask for: the event coder's share of
the per-article coding time, and what actor resolution (``communique_actors``) adds relative to
the rest of the pipeline (issue 3: under 10%).  The last line reads
``model_ms=<float> custom_ms=<float> actors_share=<float> events_share=<float>`` (generated corpus).
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

CUSTOM = ("communique_dateline", "communique_actors", "communique_quotes", "communique_events")


def corpus_records() -> list[dict]:
    import communique
    path = Path(communique.__file__).parent / "data" / "corpus" / "sample.jsonl"
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out.append({k: r.get(k) for k in ("text", "published", "url", "title", "outlet")})
    return out


def generated_records(n: int, seed: int = 1) -> list[dict]:
    """`n` articles from the generator of benchmarks/throughput.py (`communique.ingest.synthetic`)."""
    from communique.ingest.synthetic import articles
    return [{k: a.get(k) for k in ("text", "published", "url", "title", "outlet")} for a in articles(n, seed=seed)]


def time_stages(records: list[dict], batch_size: int = 16, profile: str | None = None,
                clock=time.process_time) -> dict[str, float]:
    """Seconds spent in each stage over all `records` (same calls as `communique.extract_many`).

    The clock is this process's CPU time by default (other processes sharing the cores do not
    inflate it; spaCy's components here run on one thread)."""
    from communique import assemble, pipeline
    nlp = pipeline.get_pipeline()
    times: dict[str, float] = {}
    prof = cProfile.Profile() if profile else None

    def timed(name, fn):
        on = prof is not None and (name in profile.split(",") or (profile == "custom" and name in CUSTOM))
        if on:
            prof.enable()
        t = clock()
        res = fn()
        times[name] = times.get(name, 0.0) + clock() - t
        if on:
            prof.disable()
        return res

    docs = timed("make_doc", lambda: [pipeline.make_doc(nlp, r["text"], {k: v for k, v in r.items() if k != "text"})
                                      for r in records])
    for name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            docs = timed(name, lambda: list(proc.pipe(docs, batch_size=batch_size)))
        else:
            docs = timed(name, lambda: [proc(d) for d in docs])
    timed("assemble", lambda: [assemble.build(d) for d in docs])
    if prof:
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
    return times


def report(label: str, n: int, times: dict[str, float]) -> dict[str, float]:
    total = sum(times.values())
    custom = sum(times.get(c, 0.0) for c in CUSTOM)
    model = sum(v for k, v in times.items() if k not in CUSTOM and k not in ("make_doc", "assemble"))
    print(f"\n{label}: {n} articles, {total / n * 1000:.1f} ms/article in total (CPU time unless --wall)")
    print(f"{'stage':<22}{'ms/article':>12}{'share':>9}")
    for k, v in times.items():
        mark = " *" if k in CUSTOM else ""
        print(f"{k:<22}{v / n * 1000:>12.2f}{v / total:>9.1%}{mark}")
    print(f"{'model components':<22}{model / n * 1000:>12.2f}{model / total:>9.1%}")
    print(f"{'our components (*)':<22}{custom / n * 1000:>12.2f}{custom / total:>9.1%}")
    actors = times.get("communique_actors", 0.0)
    events = times.get("communique_events", 0.0)
    print(f"event coder share of coding time: {events / total:.1%}; "
          f"actor resolution adds {actors / (total - actors):.1%} to the rest of the pipeline")
    return {"model_ms": model / n * 1000, "custom_ms": custom / n * 1000,
            "actors_share": actors / (total - actors), "events_share": events / total}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--generated", type=int, default=200, help="generated articles (default 200)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="time the generated corpus this many times, each with new articles (seed 1, 2, ...), "
                         "and keep each stage's fastest run (the bundled corpus runs once: our per-text "
                         "caches would make a second run of the same texts look faster)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--profile", metavar="STAGE", help="print a cProfile of STAGE[,STAGE...] or 'custom' "
                                                        "(our four components) to stderr")
    ap.add_argument("--wall", action="store_true", help="time with the wall clock instead of CPU time")
    a = ap.parse_args(argv)

    from communique import pipeline
    pipeline.get_pipeline()
    clock = time.perf_counter if a.wall else time.process_time
    corpus = corpus_records()
    time_stages(generated_records(8, seed=999), a.batch_size)   # warm-up: lazy imports, KB
    last = {}
    runs = [("bundled corpus", [corpus])]
    if a.generated > 0:
        runs.append((f"generated ({a.generated})",
                     [generated_records(a.generated, seed=i + 1) for i in range(max(a.repeat, 1))]))
    for label, corpora in runs:
        best: dict[str, float] = {}
        for i, recs in enumerate(corpora):
            t = time_stages(recs, a.batch_size, a.profile if i == 0 else None, clock)
            best = {k: min(v, best.get(k, v)) for k, v in t.items()}
        last = report(label, len(corpora[0]), best)
    print(" ".join(f"{k}={v:.3f}" for k, v in last.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
