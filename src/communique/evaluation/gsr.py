"""PLOVER type accuracy on ../shared/eval/dev/PLOVER_GSR_CAMEO.txt (CAMEO manual examples coded in
PLOVER 0.5).  Older type names are mapped to the 2021 manual: DEMAND -> REQUEST, FIGHT -> ASSAULT,
DISAPPROVE and INVESTIGATE -> ACCUSE.  The type comes from the sentence's most confident event;
reported overall and on the sentences where an event was produced."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Optional

from . import SuiteResult, Table, shared_file

NAME = "gsr"
OLD_NAMES = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


def read(path: Path) -> list[tuple[str, str]]:
    rows = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        ev, text = rec.get("event"), rec.get("text")
        if not text or not ev or ev == "DOCUMENT":
            continue
        rows.append((text, OLD_NAMES.get(ev, ev)))
    return rows


def run(shared: Optional[Path]) -> SuiteResult:
    path = shared_file(NAME, shared, "eval", "dev", "PLOVER_GSR_CAMEO.txt")
    if isinstance(path, SuiteResult):
        return path
    from ..events.sentences import best, code_sentences
    data = read(path)
    per: dict[str, Counter] = {}
    hit = produced = 0
    for (text, gold), cands in zip(data, code_sentences(t for t, _ in data)):
        b = best(cands)
        c = per.setdefault(gold, Counter())
        c["n"] += 1
        if b is None:
            c["none"] += 1
            continue
        produced += 1
        c["produced"] += 1
        if b.ptype == gold:
            hit += 1
            c["correct"] += 1
    n = len(data)
    rows = [[t, c["n"], c["produced"], c["correct"], c["correct"] / c["n"]] for t, c in sorted(per.items())]
    return SuiteResult(NAME, metrics={"type_accuracy": round(hit / n, 4),
                                      "type_accuracy_when_produced": round(hit / produced, 4) if produced else 0.0,
                                      "coverage": round(produced / n, 4), "n": n},
                       tables=[Table("PLOVER type by gold type", ["type", "n", "produced", "correct", "accuracy"], rows)])
