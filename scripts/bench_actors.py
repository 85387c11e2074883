#!/usr/bin/env python3
"""How much actor resolution adds to coding an article.

Codes the same texts with the spaCy model alone and times `communique.actors.annotate` on the parsed
docs; also times the whole communique pipeline.  Prints seconds per article and the share of actor
resolution.  Usage: python scripts/bench_actors.py [FILE.jsonl|FILE.txt ...] [--repeat N]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def texts(paths):
    out = []
    for p in paths:
        p = Path(p)
        if p.suffix == ".jsonl":
            out += [json.loads(line)["text"] for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
        else:
            out.append(p.read_text(encoding="utf-8"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "src/communique/data/corpus/sample.jsonl")])
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    from communique import actors
    from communique.kb import KnowledgeBase
    from communique.pipeline import get_pipeline, load_model, make_doc
    docs_text = texts(a.paths) * a.repeat
    t0 = time.perf_counter()
    kb = KnowledgeBase.default()
    t_kb = time.perf_counter() - t0
    nlp = load_model()
    list(nlp.pipe(docs_text[:5]))                       # warm-up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(docs_text, batch_size=16))
    t_model = time.perf_counter() - t0
    for d in docs:
        d._.meta, d._.dateline = {"published": "2025-06-01"}, {}
    actors.annotate(docs[0], kb)
    t0 = time.perf_counter()
    for d in docs:
        actors.annotate(d, kb)
    t_actors = time.perf_counter() - t0
    full = get_pipeline()
    t0 = time.perf_counter()
    list(full.pipe((make_doc(full, t, {"published": "2025-06-01"}) for t in docs_text), batch_size=16))
    t_full = time.perf_counter() - t0
    n = len(docs_text)
    words = sum(len(t.split()) for t in docs_text)
    print(f"articles={n} words={words} kb_load={t_kb:.2f}s (once per process)")
    print(f"spaCy model alone: {t_model / n * 1000:.1f} ms/article")
    print(f"actors.annotate:   {t_actors / n * 1000:.1f} ms/article "
          f"({t_actors / t_model:.1%} of the model time)")
    print(f"full communique pipeline: {t_full / n * 1000:.1f} ms/article; actor resolution share "
          f"{t_actors / t_full:.1%}")


if __name__ == "__main__":
    main()
