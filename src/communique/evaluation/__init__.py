"""The evaluation harness behind `communique eval`.

A *suite* is a module in this package with ``NAME`` and
``run(shared: Path | None) -> SuiteResult``.  Suites that need ``../shared``
return a result with ``skipped`` set when it is absent.  Floors live in
``floors/<suite>.json`` as ``{"metric": floor}``; CI fails when a metric falls
below its floor, and floors only go up.
"""
from __future__ import annotations

import importlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

# suite name -> module (in this package)
SUITES = {
    "seed": "seed",            # ../shared/gold/seed.gold.json
    "actors": "actors",        # our actor mentions in context
    "events": "events",        # our event fixtures: precision/recall, by confidence
    "quotes": "quotes",        # our quote fixtures
    "penta": "penta",          # ../shared/eval/dev/cameo_class_train.tsv
    "gsr": "gsr",              # ../shared/eval/dev/PLOVER_GSR_CAMEO.txt
    "ner": "ner",              # ../shared/eval/dev/cameo_ner_train.txt
    "timeplace": "timeplace",  # our time/place/sector fixtures
    "corpus": "corpus",        # the bundled sample corpus against its hand count
}

FLOORS_DIR = Path(__file__).parent / "floors"
FIXTURES_DIR = Path(__file__).parent / "fixtures"


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list]


@dataclass
class SuiteResult:
    name: str
    metrics: dict[str, float] = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)
    skipped: Optional[str] = None


def find_shared(explicit: Optional[Path] = None) -> Optional[Path]:
    """../shared next to the repository (or $COMMUNIQUE_SHARED), None when absent."""
    cands = [explicit] if explicit else []
    if os.environ.get("COMMUNIQUE_SHARED"):
        cands.append(Path(os.environ["COMMUNIQUE_SHARED"]))
    root = Path(__file__).resolve().parents[3]
    cands += [root.parent / "shared", Path.cwd().parent / "shared"]
    for c in cands:
        if c and (c / "README.md").exists() and (c / "gold").exists():
            return c
    return None


def shared_file(name: str, shared: Optional[Path], *parts: str) -> "Path | SuiteResult":
    """The file ``shared/<parts>``, or a skipped `SuiteResult` for suite `name` when it is absent."""
    if shared is None:
        return SuiteResult(name, skipped="../shared is absent")
    path = shared.joinpath(*parts)
    return path if path.exists() else SuiteResult(name, skipped=f"{path} is missing")


def available() -> list[str]:
    out = []
    for name, mod in SUITES.items():
        try:
            importlib.import_module(f"{__name__}.{mod}")
            out.append(name)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{mod}":
                raise
    return out


def run_suite(name: str, shared: Optional[Path] = None) -> SuiteResult:
    mod = importlib.import_module(f"{__name__}.{SUITES[name]}")
    return mod.run(find_shared(shared))


def floors(name: str) -> dict[str, float]:
    p = FLOORS_DIR / f"{name}.json"
    return json.loads(p.read_text()) if p.exists() else {}


def below_floor(result: SuiteResult) -> list[str]:
    """Human-readable failures: metrics under their pinned floor (or missing)."""
    if result.skipped:
        return []
    out = []
    for metric, floor in floors(result.name).items():
        got = result.metrics.get(metric)
        if got is None:
            out.append(f"{result.name}.{metric}: missing (floor {floor})")
        elif got + 1e-9 < floor:
            out.append(f"{result.name}.{metric}: {got:.4f} < floor {floor}")
    return out
