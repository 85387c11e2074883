"""The CAMEO and PLOVER codebooks as data: codes, names, Goldstein values, quad classes, the
CAMEO→PLOVER mapping, PLOVER modes, contexts and scores.

The tables live in ``communique/data/codebook/`` (``cameo.tsv``, ``plover.json``), derived from the
GDELT CAMEO lookups and the PLOVER manual by ``scripts/derive_codebooks.py``; each file names its
sources and licenses.  Everything is loaded once, lazily, on first use.

>>> cameo("042")
Cameo(code='042', root='04', goldstein=1.9, quad_class=1)
>>> plover_for("042")
('CONSULT', 'visit', ())
"""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Optional

from .model import Cameo

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


class CameoEntry(NamedTuple):
    code: str
    level: int
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: Optional[str]
    plover_mode: Optional[str]
    plover_contexts: tuple[str, ...]
    plover_source: str


def _read(name: str) -> str:
    return resources.files("communique").joinpath("data", "codebook", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _cameo_table() -> dict[str, CameoEntry]:
    lines = [ln for ln in _read("cameo.tsv").splitlines() if ln and not ln.startswith("#")]
    table: dict[str, CameoEntry] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        table[row["code"]] = CameoEntry(
            code=row["code"], level=int(row["level"]), root=row["root"], name=row["name"],
            goldstein=float(row["goldstein"]), quad_class=int(row["quad_class"]),
            plover_type=row["plover_type"] or None, plover_mode=row["plover_mode"] or None,
            plover_contexts=tuple(c for c in (row["plover_contexts"] or "").split(";") if c),
            plover_source=row["plover_source"] or "",
        )
    return table


@lru_cache(maxsize=1)
def _plover() -> dict:
    return json.loads(_read("plover.json"))


def _norm_code(code: str) -> str:
    code = str(code).strip()
    if code.isdigit() and len(code) == 1:  # "4" -> "04"
        code = "0" + code
    return code


# ---------------------------------------------------------------------------------------- CAMEO
def cameo_entry(code: str) -> CameoEntry:
    """The full row of a CAMEO code. Raises KeyError for a code that is not in CAMEO."""
    c = _norm_code(code)
    try:
        return _cameo_table()[c]
    except KeyError:
        raise KeyError(f"not a CAMEO event code: {code!r}") from None


def is_cameo(code: str) -> bool:
    return _norm_code(code) in _cameo_table()


def cameo(code: str) -> Cameo:
    """`model.Cameo` (code, root, GDELT Goldstein value, quad class) of a CAMEO event code."""
    e = cameo_entry(code)
    return Cameo(code=e.code, root=e.root, goldstein=e.goldstein, quad_class=e.quad_class)


def cameo_name(code: str) -> str:
    return cameo_entry(code).name


def cameo_codes() -> list[str]:
    """All 311 CAMEO event codes, roots included, in codebook order."""
    return list(_cameo_table())


def cameo_parent(code: str) -> Optional[str]:
    """The next more general code ("0211" -> "021", "021" -> "02", "02" -> None)."""
    c = _norm_code(code)
    if len(c) <= 2:
        return None
    parent = c[:-1]
    return parent if parent in _cameo_table() else c[:2]


# --------------------------------------------------------------------------------------- PLOVER
def plover_for(code: str) -> tuple[Optional[str], Optional[str], tuple[str, ...]]:
    """(PLOVER type, mode, contexts) of a CAMEO code; (None, None, ()) for the statement codes
    PLOVER drops (01, 010-014, 017).  Raises KeyError for a code that is not in CAMEO."""
    e = cameo_entry(code)
    return e.plover_type, e.plover_mode, e.plover_contexts


def _types() -> dict[str, dict]:
    return _plover()["types"]


def _plover_types() -> tuple[str, ...]:
    return tuple(_types())


def _plover_modes() -> dict[str, tuple[str, ...]]:
    return {t: tuple(v["modes"]) for t, v in _types().items()}


def _plover_contexts() -> tuple[str, ...]:
    return tuple(_plover()["contexts"])


def quad_class_of_plover(ptype: str) -> int:
    """Quad class 1-4 of a PLOVER event type (manual's per-category quad)."""
    try:
        return int(_types()[ptype.upper()]["quad_class"])
    except KeyError:
        raise KeyError(f"not a PLOVER event type: {ptype!r}") from None


def plover_score(ptype: str, mode: Optional[str] = None) -> float:
    """The manual's cooperation/conflict score (-10..+10) of a PLOVER type, or of type+mode when
    the manual scores that mode."""
    try:
        t = _types()[ptype.upper()]
    except KeyError:
        raise KeyError(f"not a PLOVER event type: {ptype!r}") from None
    if mode and mode in t["mode_scores"]:
        return float(t["mode_scores"][mode])
    return float(t["score"])


def plover_requires_recipient(ptype: str) -> bool:
    return bool(_types()[ptype.upper()]["requires_recipient"])


def is_plover_mode(ptype: str, mode: Optional[str]) -> bool:
    return mode is None or mode in _plover_modes().get(ptype.upper(), ())


# Where two CAMEO roots map to one PLOVER type, the root whose general code stands for the type.
_PREFERRED_ROOT = {"ACCUSE": "11", "ASSAULT": "19", "COERCE": "17", "CONCEDE": "08", "RETREAT": "08"}


@lru_cache(maxsize=None)
def default_cameo(ptype: str, mode: Optional[str] = None, context: Optional[str] = None) -> str:
    """The most general CAMEO code that maps to a PLOVER type (and mode/context when one matches).

    Used when an event is recognised at the PLOVER level only: ``default_cameo("CONSULT", "phone")``
    is ``"041"``.  Codes from the official 2021 table are preferred over communique extensions."""
    ptype = ptype.upper()
    if ptype not in _types():
        raise KeyError(f"not a PLOVER event type: {ptype!r}")
    best: Optional[tuple] = None
    for e in _cameo_table().values():
        if e.plover_type != ptype:
            continue
        score = (
            0 if e.plover_source.startswith("CAMEO2PLOVER") else 1,
            0 if (mode is None or e.plover_mode == mode) else 1,
            0 if (context is None or context in e.plover_contexts) else 1,
            0 if (mode is not None or not e.plover_mode) else 1,
            0 if e.root == _PREFERRED_ROOT.get(ptype, e.root) else 1,
            0 if (mode is not None or (e.level == 1 and e.code.endswith("0"))) else 1,
            {1: 0, 2: 1, 0: 2}[e.level],
            e.code,
        )
        if best is None or score < best[0]:
            best = (score, e.code)
    assert best is not None
    code = best[1]
    general = _cameo_table().get(code + "0")
    if len(code) == 2 and general is not None and general.plover_type == ptype:
        code = general.code  # "11" -> "110": GDELT codes the unspecified base code
    return code


def __getattr__(name: str):
    if name == "PLOVER_TYPES":
        return _plover_types()
    if name == "PLOVER_MODES":
        return _plover_modes()
    if name == "PLOVER_CONTEXTS":
        return _plover_contexts()
    raise AttributeError(name)


__all__ = [
    "cameo", "cameo_name", "cameo_entry", "cameo_codes", "cameo_parent", "is_cameo", "plover_for",
    "PLOVER_TYPES", "PLOVER_MODES", "PLOVER_CONTEXTS", "quad_class_of_plover", "plover_score",
    "plover_requires_recipient", "is_plover_mode", "default_cameo", "QUAD_NAMES", "CameoEntry",
]
