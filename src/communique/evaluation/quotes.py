"""Suite `quotes`: direct and indirect quotes with speakers, on our own fixtures.

Fixtures: ``fixtures/quotes*.jsonl``, one article per line with gold quotes
(``text``, ``start``, ``end``, ``direct``, ``speaker``: list of acceptable names or null).
A predicted quote matches a gold quote of the same kind (direct/indirect) when their overlap is
at least half the gold span (one-to-one, greedy by overlap).  Speaker accuracy is measured on
matched quotes: the predicted speaker's name must agree with one of the gold names (same words,
one a subset of the other), or both must be unknown.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Optional

from . import FIXTURES_DIR, SuiteResult, Table

NAME = "quotes"
_STOP = frozenset({"the", "a", "an", "'s", "s"})
_TOK = re.compile(r"[\w-]+")


def load_fixtures(paths: Optional[Iterable[Path]] = None) -> list[dict]:
    paths = sorted(paths) if paths is not None else sorted(FIXTURES_DIR.glob("quotes*.jsonl"))
    out = []
    for p in paths:
        for ln, line in enumerate(Path(p).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                rec = json.loads(line)
                rec.setdefault("file", f"{Path(p).name}:{ln}")
                out.append(rec)
    return out


def _words(name: Optional[str]) -> frozenset[str]:
    if not name:
        return frozenset()
    name = unicodedata.normalize("NFKD", name.replace("\u2019", "'").lower())
    name = "".join(c for c in name if not unicodedata.combining(c)).replace("\u0131", "i")
    return frozenset(w for w in _TOK.findall(name) if w not in _STOP)


def speaker_ok(pred_name: Optional[str], gold: Optional[list[str]]) -> bool:
    """Does a predicted speaker name agree with the gold (list of acceptable names, or None)?"""
    pw = _words(pred_name)
    if not gold:
        return not pw
    if not pw:
        return False
    for g in gold:
        gw = _words(g)
        if gw and (gw <= pw or pw <= gw):
            return True
    return False


def match(pred: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one greedy matching by overlap; a pair needs overlap >= half the gold span."""
    pairs = []
    for gi, g in enumerate(gold):
        glen = max(1, g["end"] - g["start"])
        for pi, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov * 2 >= glen and ov > 0:
                pairs.append((ov / glen, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi], pred[pi]))
    return out


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def predict(records: list[dict]) -> list[list[dict]]:
    """Run the extractor on fixture articles -> predicted quotes as plain dicts (speaker name)."""
    import communique
    res = []
    for coded in communique.extract_many(
            [{"text": r["text"], "published": r.get("published")} for r in records]):
        res.append([{"start": q.start, "end": q.end, "direct": q.direct, "text": q.text,
                     "speaker": q.speaker.name, "cue": q.cue} for q in coded.quotes])
    return res


def score(records: list[dict], preds: list[list[dict]]) -> tuple[dict[str, float], list[Table]]:
    counts = {k: defaultdict(int) for k in ("direct", "indirect")}
    by_style: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[list] = []
    for rec, pred in zip(records, preds):
        for kind, flag in (("direct", True), ("indirect", False)):
            g = [q for q in rec["quotes"] if q["direct"] is flag]
            p = [q for q in pred if q["direct"] is flag]
            m = match(p, g)
            c = counts[kind]
            c["gold"] += len(g)
            c["pred"] += len(p)
            c["tp"] += len(m)
            st = by_style[(rec.get("style", "?"), kind)]
            st["gold"] += len(g)
            st["pred"] += len(p)
            st["tp"] += len(m)
            matched_g = {id(x) for x, _ in m}
            matched_p = {id(y) for _, y in m}
            for gq, pq in m:
                ok = speaker_ok(pq["speaker"], gq["speaker"])
                c["spk_ok"] += ok
                st["spk_ok"] += ok
                if not ok:
                    errors.append([rec["id"], kind, "speaker", gq["text"][:50], f"{pq['speaker']} != {gq['speaker']}"])
            for gq in g:
                if id(gq) not in matched_g:
                    errors.append([rec["id"], kind, "missed", gq["text"][:50], ""])
            for pq in p:
                if id(pq) not in matched_p:
                    errors.append([rec["id"], kind, "spurious", pq["text"][:50], str(pq["speaker"])])
    metrics: dict[str, float] = {}
    rows = []
    for kind, c in counts.items():
        p, r, f = _prf(c["tp"], c["pred"], c["gold"])
        acc = c["spk_ok"] / c["tp"] if c["tp"] else 0.0
        metrics.update({f"{kind}_precision": round(p, 4), f"{kind}_recall": round(r, 4),
                        f"{kind}_f1": round(f, 4), f"{kind}_speaker_acc": round(acc, 4)})
        rows.append([kind, c["gold"], c["pred"], c["tp"], p, r, f, acc])
    style_rows = []
    for (style, kind), c in sorted(by_style.items()):
        p, r, f = _prf(c["tp"], c["pred"], c["gold"])
        style_rows.append([style, kind, c["gold"], c["pred"], f, c["spk_ok"] / c["tp"] if c["tp"] else 0.0])
    tables = [
        Table("quote spans and speakers", ["kind", "gold", "pred", "matched", "precision", "recall", "F1",
                                           "speaker acc"], rows),
        Table("by style", ["style", "kind", "gold", "pred", "F1", "speaker acc"], style_rows),
    ]
    if errors:
        tables.append(Table("errors (first 40)", ["article", "kind", "what", "quote", "detail"], errors[:40]))
    return metrics, tables


def run(shared: Optional[Path] = None) -> SuiteResult:
    records = load_fixtures()
    if not records:
        return SuiteResult(NAME, skipped="no quote fixtures found")
    preds = predict(records)
    metrics, tables = score(records, preds)
    metrics["fixture_quotes"] = float(sum(len(r["quotes"]) for r in records))
    return SuiteResult(NAME, metrics=metrics, tables=tables)
