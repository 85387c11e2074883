"""PentaClass on ../shared/eval/dev/cameo_class_train.tsv: each sentence's most confident event
gives its class (0 statement/appeal, 1 verbal coop, 2 material coop, 3 verbal conflict,
4 material conflict; 0 when no event).  Accuracy, macro-F1, per-class table, confusion matrix."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from . import SuiteResult, Table, shared_file

NAME = "penta"
LABELS = (0, 1, 2, 3, 4)
NAMES = ("statement", "verbal coop", "material coop", "verbal conflict", "material conflict")


def read(path: Path) -> list[tuple[str, int]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        text, label = line.rsplit("\t", 1)
        if label.strip().isdigit():
            rows.append((text.strip(), int(label)))
    return rows


def f1_table(gold: list[int], pred: list[int], labels=LABELS) -> tuple[list[list], float]:
    rows, f1s = [], []
    for k in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == k and p == k)
        fp = sum(1 for g, p in zip(gold, pred) if g != k and p == k)
        fn = sum(1 for g, p in zip(gold, pred) if g == k and p != k)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        f1s.append(f1)
        rows.append([k, tp + fn, tp + fp, pr, rc, f1])
    return rows, sum(f1s) / len(f1s)


def run(shared: Optional[Path]) -> SuiteResult:
    path = shared_file(NAME, shared, "eval", "dev", "cameo_class_train.tsv")
    if isinstance(path, SuiteResult):
        return path
    from ..events.sentences import best, code_sentences, penta_class
    data = read(path)
    gold = [g for _, g in data]
    pred = []
    for cands in code_sentences(t for t, _ in data):
        b = best(cands)
        pred.append(penta_class(b.code) if b is not None else 0)
    rows, macro = f1_table(gold, pred)
    for r in rows:
        r.insert(1, NAMES[r[0]])
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold)
    conf = [[NAMES[g]] + [sum(1 for a, b in zip(gold, pred) if a == g and b == p) for p in LABELS] for g in LABELS]
    return SuiteResult(NAME, metrics={"accuracy": round(acc, 4), "macro_f1": round(macro, 4), "n": len(gold)},
                       tables=[Table("per class", ["class", "name", "gold", "predicted", "precision", "recall", "f1"], rows),
                               Table("confusion (rows gold, columns predicted)", ["gold"] + [str(k) for k in LABELS], conf)])
