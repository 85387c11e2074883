"""The bundled sample corpus (data/corpus/sample.jsonl) against its hand count (HANDCOUNT.md).

The hand count lists real-world events with the articles that report them (the JSON block after
``<!-- handcount-json -->``).  Per article, the events the pipeline extracts with ``when =
reported`` are compared with the hand-counted events that article reports, on source country,
target country, PLOVER type and date (a reported event without a date takes the publication
date, as the relationship memory does).

Conventions of the comparison (the hand count's own rules):

* reciprocal acts - an agreement both sides sign, a joint commitment, a meeting without a host -
  have no direction in PLOVER (all parties are the actor), so their two countries are compared
  as an unordered pair; ``direction_accuracy`` reports how often the extracted order equals the
  hand count's anyway;
* "a visit counts once, whatever meetings happen during it": an extra CONSULT between the two
  countries on the day of a matched visit is *absorbed*, and so is a repeated report of a matched
  act in the same article (same key, same CAMEO code): the memory merges both; ``strict_precision``
  counts them as wrong as well;
* only the hand count's dyads are scored (it does not count events between other pairs; their
  number is reported as ``outside_dyads``);
* the historical visit of the "historical" block is checked as a ``past`` event.

Metrics: precision, recall, F1 (micro, over articles), strict precision, direction and mode
accuracy on matches; tables of misses and of spurious events.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from . import SuiteResult, Table

NAME = "corpus"
CORPUS_DIR = Path(__file__).resolve().parents[1] / "data" / "corpus"
RECIPROCAL_KINDS = {"agreement", "agree", "meeting"}
KIND_MODE = {"visit": "visit", "call": "phone"}


def load_handcount(path: Optional[Path] = None) -> dict:
    text = (path or CORPUS_DIR / "HANDCOUNT.md").read_text(encoding="utf-8")
    m = re.search(r"<!--\s*handcount-json\s*-->\s*```json\s*(\{.*?\})\s*```", text, re.S)
    if m is None:
        raise ValueError(f"{path or CORPUS_DIR / 'HANDCOUNT.md'}: no JSON block after <!-- handcount-json -->")
    return json.loads(m.group(1))


def load_records(path: Optional[Path] = None) -> dict[str, dict]:
    recs = {}
    for line in (path or CORPUS_DIR / "sample.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            recs[r["url"]] = r
    return recs


def gold_by_article(hc: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {k: [] for k in hc["articles"]}
    for n, e in enumerate(hc["events"], 1):
        for a in e["articles"]:
            out.setdefault(a, []).append(dict(e, n=n))
    return out


def _pred(e, published: Optional[str]) -> dict:
    date = e.date if e.date else (published if e.when == "reported" else None)
    return {"source": e.source.country, "target": e.target.country, "type": e.plover.type,
            "mode": e.plover.mode, "when": e.when, "date": date, "code": e.cameo.code if e.cameo else None,
            "conf": e.confidence, "trigger": e.trigger, "evidence": e.evidence.text if e.evidence else ""}


def _pair_ok(p: dict, g: dict) -> bool:
    if (p["source"], p["target"]) == (g["source"], g["target"]):
        return True
    return g["kind"] in RECIPROCAL_KINDS and (p["target"], p["source"]) == (g["source"], g["target"])


# SUPPORT and ACCUSE cover several hand-count kinds: the PLOVER mode tells them apart
KIND_MODES = {"praise": {"praise"}, "condolence": {"condolence"}, "summon": {"disapprove"},
              "agreement": {None, ""}}


def _same(p: dict, g: dict) -> bool:
    if g["kind"] in KIND_MODES and p["mode"] not in KIND_MODES[g["kind"]]:
        return False
    return p["type"] == g["plover"] and p["date"] == g["date"] and _pair_ok(p, g)


def _dyad(p: dict) -> str:
    return "-".join(sorted((str(p["source"]), str(p["target"]))))


def score_article(preds: list[dict], gold: list[dict], dyads: Optional[set] = None) -> dict:
    """Greedy one-to-one matching (exact order first, then reciprocal swaps; most confident first)."""
    rep = [p for p in preds if p["when"] == "reported" and (dyads is None or _dyad(p) in dyads)]
    g2p: list[Optional[int]] = [None] * len(gold)
    used: set[int] = set()
    order = sorted(range(len(rep)), key=lambda i: -rep[i]["conf"])
    for strict in (True, False):
        for j, g in enumerate(gold):
            if g2p[j] is not None:
                continue
            for i in order:
                p = rep[i]
                if i in used or not _same(p, g):
                    continue
                if strict and (p["source"], p["target"]) != (g["source"], g["target"]):
                    continue
                if strict and KIND_MODE.get(g["kind"]) and p["mode"] != KIND_MODE[g["kind"]]:
                    continue
                g2p[j] = i
                used.add(i)
                break
    absorbed, spurious = [], []
    matched = [(gold[j], rep[i]) for j, i in enumerate(g2p) if i is not None]
    for i, p in enumerate(rep):
        if i in used:
            continue
        if any(_absorbs(g, q, p) for g, q in matched):
            absorbed.append(p)
        else:
            spurious.append(p)
    return {"gold": gold, "preds": rep, "g2p": g2p, "absorbed": absorbed, "spurious": spurious,
            "other": [p for p in preds if p["when"] != "reported"],
            "outside": [p for p in preds if p["when"] == "reported" and dyads is not None and _dyad(p) not in dyads]}


def _absorbs(g: dict, q: dict, p: dict) -> bool:
    """Does the matched pair (gold g, prediction q) account for the extra prediction p?"""
    if p["date"] != g["date"] or {p["source"], p["target"]} != {g["source"], g["target"]}:
        return False
    if g["kind"] == "visit" and p["type"] == "CONSULT":
        return True  # the talks, the reception, the meetings of one visit
    if p["type"] != q["type"] or p["code"] != q["code"]:
        return False
    return (p["source"], p["target"]) == (q["source"], q["target"]) or g["kind"] in RECIPROCAL_KINDS


def code_corpus(records: list[dict]) -> list:
    import communique
    return list(communique.extract_many(records))


def _fmt_gold(g: dict) -> str:
    return f'#{g["n"]} {g["source"]}->{g["target"]} {g["kind"]}/{g["plover"]} {g["date"]} ({g["note"]})'


def _fmt_pred(p: dict) -> str:
    return (f'{p["source"]}->{p["target"]} {p["type"]}/{p["mode"] or "-"} {p["when"]} {p["date"]} '
            f'[{p["trigger"]}, {p["conf"]}]')


def _nearest(g: dict, preds: list[dict]) -> str:
    """What the pipeline said about the same pair instead (for the misses table)."""
    near = [p for p in preds if {p["source"], p["target"]} == {g["source"], g["target"]} and p["type"] == g["plover"]]
    near = near or [p for p in preds if p["type"] == g["plover"]]
    return "; ".join(_fmt_pred(p) for p in near[:2]) or "-"


def run(shared: Optional[Path]) -> SuiteResult:
    hc = load_handcount()
    by_url = load_records()
    keys = list(hc["articles"])
    records = [by_url[hc["articles"][k]] for k in keys]
    coded = code_corpus(records)
    gold = gold_by_article(hc)
    tp = npred = ngold = nabs = 0
    dir_ok = mode_ok = mode_n = 0
    misses, wrong, per_article = [], [], []
    hist_found = outside = 0
    dyads = set(hc.get("per_dyad", {}))  # the hand count only counts these ten dyads
    hist = hc.get("historical") or {}
    for key, rec, art in zip(keys, records, coded):
        preds = [_pred(e, rec.get("published")) for e in art.events]
        s = score_article(preds, gold.get(key, []), dyads)
        outside += len(s["outside"])
        n_tp = sum(1 for i in s["g2p"] if i is not None)
        tp += n_tp
        ngold += len(s["gold"])
        npred += n_tp + len(s["spurious"])
        nabs += len(s["absorbed"])
        per_article.append([key, len(s["gold"]), n_tp, len(s["spurious"]), len(s["absorbed"]), len(s["other"])])
        for j, i in enumerate(s["g2p"]):
            g = s["gold"][j]
            if i is None:
                misses.append([key, _fmt_gold(g), _nearest(g, s["preds"] + s["other"])])
                continue
            p = s["preds"][i]
            dir_ok += (p["source"], p["target"]) == (g["source"], g["target"])
            if g["kind"] in KIND_MODE:
                mode_n += 1
                mode_ok += p["mode"] == KIND_MODE[g["kind"]]
        for p in s["spurious"]:
            wrong.append([key, _fmt_pred(p), p["evidence"][:110]])
        if hist and hist.get("article") == key:
            v = hist["visit"]
            hist_found = int(any(p["when"] == "past" and p["type"] == "CONSULT" and p["source"] == v["visitor"]
                                 and p["target"] == v["host"] and p["date"] == v["date"] for p in s["other"]))
    prec = tp / npred if npred else 1.0
    rec_ = tp / ngold if ngold else 1.0
    f1 = 2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0
    metrics = {"precision": round(prec, 4), "recall": round(rec_, 4), "f1": round(f1, 4),
               "strict_precision": round(tp / (npred + nabs), 4) if npred + nabs else 1.0,
               "direction_accuracy": round(dir_ok / tp, 4) if tp else 0.0,
               "mode_accuracy": round(mode_ok / mode_n, 4) if mode_n else 0.0,
               "historical_found": hist_found, "outside_dyads": outside, "gold_events": ngold, "articles": len(keys)}
    return SuiteResult(NAME, metrics=metrics, tables=[
        Table("per article (reported events)", ["article", "gold", "found", "spurious", "absorbed", "not reported"],
              per_article),
        Table("missed hand-counted events", ["article", "gold event", "nearest extracted"], misses),
        Table("spurious reported events", ["article", "extracted", "evidence"], wrong),
    ])


def main() -> int:  # `python -m communique.evaluation.corpus` (until the suite is registered in SUITES)
    from . import below_floor
    r = run(None)
    for t in r.tables:
        print(f"== {t.title}")
        print("   " + " | ".join(t.headers))
        for row in t.rows:
            print("   " + " | ".join(str(c) for c in row))
    print("  ".join(f"{k}={v}" for k, v in r.metrics.items()))
    fails = below_floor(r)
    for f in fails:
        print(f"below floor: {f}")
    return 1 if fails else 0


if __name__ == "__main__":
    raise SystemExit(main())
