"""Adapters to the collaborating modules (codebook, time/place, sectors, quotes).

Each call goes to the real module when it provides the function and falls back to a
small local rule otherwise, so the event coder works while its neighbours are being
built.  Fallbacks are deliberately modest; they never invent coordinates.
"""
from __future__ import annotations

import datetime as _dt
import importlib
import re
from functools import lru_cache
from typing import Any, Optional

from ..model import Cameo, Location

# ---------------------------------------------------------------------------
# module lookup (cached per process)


@lru_cache(maxsize=None)
def _fn(module: str, name: str):
    try:
        mod = importlib.import_module(f"communique.{module}")
    except Exception:  # noqa: BLE001 - a neighbour mid-edit must not break us
        return None
    return getattr(mod, name, None)


def _call(module: str, name: str, *args, **kwargs) -> tuple[bool, Any]:
    f = _fn(module, name)
    if f is None:
        return False, None
    try:
        return True, f(*args, **kwargs)
    except NotImplementedError:
        return False, None
    except Exception:  # noqa: BLE001
        return False, None


# ---------------------------------------------------------------------------
# CAMEO codebook

# Goldstein values (GDELT lookup) of root codes, used only when the codebook is missing.
_ROOT_GOLDSTEIN = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0,
                   "08": 5.0, "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0,
                   "14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0,
                   "20": -10.0}


def quad_class(code: str) -> int:
    """CAMEO quad class from the root: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
    r = int(code[:2])
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def cameo(code: str) -> Cameo:
    ok, c = _call("codebook", "cameo", code)
    if ok and c is not None:
        return c
    root = code[:2]
    return Cameo(code=code, root=root, goldstein=_ROOT_GOLDSTEIN.get(root, 0.0), quad_class=quad_class(code))


def plover_contexts(code: str) -> tuple[str, ...]:
    ok, r = _call("codebook", "plover_for", code)
    if ok and r:
        try:
            return tuple(c for c in (r[2] or ()) if c)
        except (IndexError, TypeError):
            return ()
    return ()


# ---------------------------------------------------------------------------
# sectors and contexts

_SECTOR_WORDS = {
    "transport": r"transport\w*|railway\w*|rail\b|road\w*|corridor\w*|transit",
    "logistics": r"logistic\w*",
    "aviation": r"air (?:route|link|connection|service)s?|flights?|aviation|airlines?",
    "agriculture": r"agricultur\w*|agro\w*|farming|grain|wheat",
    "energy": r"energy|oil|gas\b|electricity|power plant|nuclear power|renewable\w*",
    "trade": r"trade|exports?|imports?|commerce",
    "investment": r"invest\w*",
    "finance": r"financ\w*|banking|bank\b",
    "digitalization": r"digital\w*",
    "technology": r"technolog\w*|\bIT\b|innovation\w*",
    "culture": r"cultur\w*",
    "education": r"education\w*|universit\w*|students?",
    "health": r"health\w*|medic\w*|pandemic|vaccin\w*",
    "tourism": r"touris\w*",
    "security": r"\bsecurity\b|terroris\w*",
    "defense": r"defen[cs]e|military",
    "humanitarian": r"humanitarian",
}
_SECTOR_RX = [(k, re.compile(v, re.I)) for k, v in _SECTOR_WORDS.items()]


def sectors_of(text: str) -> list[str]:
    ok, r = _call("sectors", "sectors_of", text)
    if ok and r is not None:
        return list(r)
    return [k for k, rx in _SECTOR_RX if rx.search(text)]


def contexts_of(text: str, plover_type: Optional[str]) -> list[str]:
    ok, r = _call("sectors", "contexts_of", text, plover_type)
    if ok and r is not None:
        return list(r)
    return []


def has_sectors_module() -> bool:
    return _fn("sectors", "sectors_of") is not None


# ---------------------------------------------------------------------------
# time

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_RX_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_RX_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b(?:\s+(\d{1,2})\b)?(?:,?\s+(\d{4}))?", re.I)
_RX_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\b(?:\s+(\d{4}))?", re.I)
_RX_REL = re.compile(r"\b(next|last|this|coming|previous)\s+(week|month|year)\b", re.I)
_RX_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)


def _fallback_date(text: str, anchor: Optional[str]) -> Optional[str]:
    a = None
    if anchor:
        try:
            a = _dt.date.fromisoformat(anchor[:10])
        except ValueError:
            a = None
    t = text.lower()
    if "today" in t or "yesterday" in t:
        if a is None:
            return None
        return (a - _dt.timedelta(days=1 if "yesterday" in t else 0)).isoformat()
    m = _RX_DAY_MONTH.search(text)
    if m:
        mon, day, yr = _MONTHS[m.group(2).lower()], int(m.group(1)), m.group(3)
        y = int(yr) if yr else (a.year if a else None)
        if y and 1 <= day <= 31:
            return f"{y:04d}-{mon:02d}-{day:02d}"
    m = _RX_MONTH.search(text)
    if m:
        mon, day, yr = _MONTHS[m.group(1).lower()], m.group(2), m.group(3)
        y = int(yr) if yr else None
        if y is None and a is not None:
            y = a.year
        if y is not None:
            if day and 1 <= int(day) <= 31:
                return f"{y:04d}-{mon:02d}-{int(day):02d}"
            return f"{y:04d}-{mon:02d}"
    m = _RX_YEAR.search(text)
    if m:
        return m.group(1)
    m = _RX_REL.search(text)
    if m and a is not None:
        rel, unit = m.group(1).lower(), m.group(2).lower()
        step = 1 if rel in ("next", "coming") else -1 if rel in ("last", "previous") else 0
        if unit == "year":
            return f"{a.year + step:04d}"
        if unit == "month":
            mm = a.month - 1 + step
            return f"{a.year + mm // 12:04d}-{mm % 12 + 1:02d}"
        return (a + _dt.timedelta(weeks=step)).isoformat()
    m = _RX_WEEKDAY.search(text)
    if m and a is not None:
        wd = _WEEKDAYS[m.group(1).lower()]
        back = (a.weekday() - wd) % 7
        return (a - _dt.timedelta(days=back)).isoformat()
    return None


def resolve_date(text: str, anchor: Optional[str], future: bool = False) -> Optional[str]:
    """`future`: the expression sits in a future clause ("will meet in October": the coming one)."""
    ok, r = _call("timeplace", "resolve_date", text, anchor, future=future) if future else \
        _call("timeplace", "resolve_date", text, anchor)
    if ok:
        return r
    return _fallback_date(text, anchor)


def locate(name: str) -> Optional[Location]:
    ok, r = _call("timeplace", "locate", name)
    return r if ok else None


def event_location(doc, sent, source, target, plover, when: str = "reported") -> Optional[Location]:
    ok, r = _call("timeplace", "event_location", doc, sent, source, target, plover, when=when,
                  remote=(getattr(plover, "mode", None) == "phone"))
    if not ok:
        ok, r = _call("timeplace", "event_location", doc, sent, source, target, plover)
    return r if ok else None


# ---------------------------------------------------------------------------
# quotes


def statement_events(doc) -> list:
    ok, r = _call("quotes", "statement_events", doc)
    return list(r or []) if ok else []
