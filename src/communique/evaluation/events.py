"""Our own event fixtures (evaluation/fixtures/events*.jsonl): sentences and short articles we
wrote, each with the events a careful coder would extract.

An extracted event matches a gold one when source country, target country, PLOVER type and
modality agree (and the date, when the gold gives one).  Reported: precision, recall and F1
at the default confidence threshold, a precision-by-confidence table, per-type and
per-modality recall, and mode accuracy on matched events.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Optional

from . import FIXTURES_DIR, SuiteResult, Table

NAME = "events"
BINS = (0.3, 0.5, 0.6, 0.7, 0.8, 0.9)


# fresh held-out sets: written before any tuning on them, reported apart from the main metrics
# (their first-run numbers are the honest estimate of how the coder does on unseen text), each
# also on its own (fresh_heldout4_precision, ...).  First runs: heldout3 P 0.79 / R 0.70;
# heldout4 P 0.92 / R 0.70 (40 texts written before reading the coder); heldout5 P 0.91 / R 0.60
# (30 texts written after the heldout4 fixes, before any tuning on them); heldout6 P 0.917 / R 0.660
# (40 texts written before reading the coder: everyday visits/calls/deals/aid/sanctions told many
# ways, hard cases, 4 texts without an international event).  After its fixes (sit down with, calls
# "from", loans approved/extended, "a package of sanctions"/"a wave of drones", support reaffirmed,
# pledges "from", aid cargo, the pair acting towards a third party, passive "by" agents, fronted-
# phrase subjects, accusations accompanying an expulsion, conditions of threatened acts, signings
# oriented by the dateline only after a meeting) the three sets stand at P 1.00; what heldout6 still
# misses is one convention: an attack named inside a condemnation ("condemned the US strikes on
# Iranian sites") is not coded apart (as in accuse-02 of the main set).  One heldout6 gold was
# aligned after the first run with the documented convention that an announced refusal ("will not
# send weapons") is REJECT, not a negated AID.
FRESH = ("events_heldout3.jsonl", "events_heldout4.jsonl", "events_heldout5.jsonl", "events_heldout6.jsonl")


def load(paths=None) -> list[dict]:
    paths = paths or sorted(p for p in FIXTURES_DIR.glob("events*.jsonl") if p.name not in FRESH)
    out = []
    for p in paths:
        for n, line in enumerate(Path(p).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                rec = json.loads(line)
                rec["gold"] = [dict(zip(("source", "target", "type", "mode", "when", "date"), g))
                               for g in rec.get("events", [])]
                out.append(rec)
    return out


def _pred(e) -> dict:
    return {"source": e.source.country, "target": e.target.country, "type": e.plover.type,
            "mode": e.plover.mode, "when": e.when, "date": e.date, "conf": e.confidence,
            "trigger": e.trigger}


def same(p: dict, g: dict) -> bool:
    if (p["source"], p["target"], p["type"], p["when"]) != (g["source"], g["target"], g["type"], g["when"]):
        return False
    return not g.get("date") or p.get("date") == g["date"]


def match(preds: list[dict], gold: list[dict]) -> tuple[list[Optional[int]], list[Optional[int]]]:
    """Greedy one-to-one matching, most confident prediction first. -> (pred->gold, gold->pred)."""
    p2g: list[Optional[int]] = [None] * len(preds)
    g2p: list[Optional[int]] = [None] * len(gold)
    for i in sorted(range(len(preds)), key=lambda i: -preds[i]["conf"]):
        for j, g in enumerate(gold):
            if g2p[j] is None and same(preds[i], g):
                p2g[i], g2p[j] = j, i
                break
    return p2g, g2p


def code_fixtures(recs: list[dict]) -> list[list[dict]]:
    """All events (confidence >= 0) of each fixture text, through the real pipeline."""
    from ..events import annotate
    from ..pipeline import get_pipeline, make_doc
    nlp = get_pipeline()
    docs = (make_doc(nlp, r["text"], {"published": r.get("published")}) for r in recs)
    out = []
    for doc in nlp.pipe(docs, batch_size=32):
        evs, _, _ = annotate(doc, threshold=0.0)
        out.append([_pred(e) for e in evs])
    return out


def score(recs: list[dict], preds: list[list[dict]], threshold: float) -> dict:
    tp = npred = ngold = 0
    by_type, by_when, modes = Counter(), Counter(), Counter()
    errors = []
    for r, ps in zip(recs, preds):
        ps = [p for p in ps if p["conf"] >= threshold]
        p2g, g2p = match(ps, r["gold"])
        tp += sum(1 for x in p2g if x is not None)
        npred += len(ps)
        ngold += len(r["gold"])
        for j, g in enumerate(r["gold"]):
            hit = g2p[j] is not None
            by_type[(g["type"], hit)] += 1
            by_when[(g["when"], hit)] += 1
            if hit and g.get("mode"):
                modes[ps[g2p[j]]["mode"] == g["mode"]] += 1
            if not hit:
                errors.append([r["id"], "missed", f'{g["source"]}->{g["target"]} {g["type"]} {g["when"]} {g.get("date")}'])
        for i, p in enumerate(ps):
            if p2g[i] is None:
                errors.append([r["id"], "spurious", f'{p["source"]}->{p["target"]} {p["type"]} {p["when"]} '
                                                    f'{p["date"]} ({p["trigger"]}, {p["conf"]})'])
    prec = tp / npred if npred else 1.0
    rec = tp / ngold if ngold else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "npred": npred, "ngold": ngold, "precision": prec, "recall": rec, "f1": f1,
            "by_type": by_type, "by_when": by_when, "modes": modes, "errors": errors}


def run(shared: Optional[Path]) -> SuiteResult:
    from ..events import DEFAULT_THRESHOLD
    recs = load()
    preds = code_fixtures(recs)
    s = score(recs, preds, DEFAULT_THRESHOLD)
    curve = []
    for t in BINS:
        c = score(recs, preds, t)
        curve.append([f">= {t:.1f}", c["npred"], c["tp"], c["precision"], c["recall"], c["f1"]])
    types = sorted({k for k, _ in s["by_type"]})
    per_type = [[t, s["by_type"][(t, True)] + s["by_type"][(t, False)], s["by_type"][(t, True)]] for t in types]
    whens = sorted({k for k, _ in s["by_when"]})
    per_when = [[w, s["by_when"][(w, True)] + s["by_when"][(w, False)], s["by_when"][(w, True)]] for w in whens]
    mode_total = sum(s["modes"].values())
    metrics = {"precision": round(s["precision"], 4), "recall": round(s["recall"], 4), "f1": round(s["f1"], 4),
               "mode_accuracy": round(s["modes"][True] / mode_total, 4) if mode_total else 0.0,
               "fixtures": len(recs), "gold_events": s["ngold"]}
    fresh_files = [FIXTURES_DIR / f for f in FRESH if (FIXTURES_DIR / f).exists()]
    fresh = load(fresh_files)
    if fresh:
        fpreds = code_fixtures(fresh)
        fs = score(fresh, fpreds, DEFAULT_THRESHOLD)
        metrics.update({"fresh_precision": round(fs["precision"], 4), "fresh_recall": round(fs["recall"], 4),
                        "fresh_gold_events": fs["ngold"]})
        # each held-out set also on its own (fresh_heldout4_precision, ...): one pooled number hides
        # how the newest, never-tuned-on set does
        for path in fresh_files:
            ids = {r["id"] for r in load([path])}
            sub = [(r, p) for r, p in zip(fresh, fpreds) if r["id"] in ids]
            one = score([r for r, _ in sub], [p for _, p in sub], DEFAULT_THRESHOLD)
            key = "fresh_" + path.stem.replace("events_", "")
            metrics.update({f"{key}_precision": round(one["precision"], 4),
                            f"{key}_recall": round(one["recall"], 4)})
        s["errors"] += [[f"{r[0]}", f"fresh {r[1]}", r[2]] for r in fs["errors"]]
    return SuiteResult(NAME, metrics=metrics, tables=[
        Table("precision by confidence threshold", ["threshold", "predicted", "correct", "precision", "recall", "f1"], curve),
        Table("recall by PLOVER type", ["type", "gold", "found"], per_type),
        Table("recall by modality", ["when", "gold", "found"], per_when),
        Table("errors at the default threshold", ["fixture", "kind", "event"], s["errors"]),
    ])
