"""Time-gap claims in article text ("almost 20 years later", "first visit in two decades",
"for the first time since 2004") and their comparison with a computed gap.

A claim becomes an interval of elapsed years; the computed gap is an interval too (a visit
dated "2004" may have been on 1 January or 31 December), and the claim *agrees* when the two
intervals overlap:

=====================================  ===========================================
qualifier                              claim interval for N years (tol = max(1, N/10))
=====================================  ===========================================
almost, nearly, just under, close to   [N - max(1.5, N/20), N]
less than, under, fewer than, within   [0, N]
about, around, some, roughly, ~        [N - tol, N + tol]   (also any "decades" claim)
over, more than, just over, upwards of [N, inf)
at least                               [N, inf)
(none)                                 [N - 0.5, N + 1]
=====================================  ===========================================

"since 2004" claims compare years directly: they agree when the previous entry's year is 2004.
Example: a visit on 2025-02-25 after one in "2004" has an elapsed interval
[20.15, 21.15] years; "almost 20 years later" is [18.5, 20] -> disagrees.
"""
from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from typing import Optional

_UNITS = {"zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
          "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
          "several": 3, "a few": 3, "few": 3, "a couple of": 2, "couple of": 2, "half a": 0.5}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ALMOST = ("almost", "nearly", "just under", "close to", "not quite", "a little under", "just shy of")
_BELOW = ("less than", "under", "fewer than", "within")
_ABOUT = ("about", "around", "some", "roughly", "approximately", "circa", "an estimated", "~")
_OVER = ("over", "more than", "just over", "upwards of", "well over", "over the past", "in excess of")
_ATLEAST = ("at least", "no less than")

_Q = "|".join(re.escape(q) for q in sorted(_ALMOST + _BELOW + _ABOUT + _OVER + _ATLEAST, key=len, reverse=True))
_WORDNUM = "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
_NUM = rf"(?:\d{{1,3}}|(?:{'|'.join(_TENS)})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|{_WORDNUM})"
_QN = rf"(?:(?P<q>{_Q})\s+)?(?P<n>{_NUM})[\s-]+(?P<u>years?|decades?)"

_PATTERNS = [
    re.compile(rf"\b{_QN}\s+(?:later|on\b|after|ago\b)", re.I),
    re.compile(rf"\b{_QN}\s+since\s+[^.;]{{0,40}}?\b(?:visit|trip|meeting|talks|summit)", re.I),
    re.compile(rf"\bfirst\b[^.;]{{0,100}}?\b(?:in|after)\s+(?:the\s+(?:last|past)\s+)?{_QN}", re.I),
    re.compile(rf"\bafter\s+(?:a\s+(?:gap|break|hiatus|pause|absence)\s+of\s+)?{_QN}", re.I),
    re.compile(rf"\b(?:a|an)\s+(?:(?P<q>{_Q})\s+)?(?P<n>{_NUM})-(?P<u>year|decade)\s+(?:gap|break|hiatus|pause|absence|interval)",
               re.I),
]
_SINCE_YEAR = re.compile(r"\bfirst\b[^.;]{0,100}?\bsince\s+(?P<year>(?:19|20)\d\d)\b", re.I)


# Patterns 0 and 1 begin with an optional qualifier and a number: tried at every word of a text they
# are slow (the bulk of a memory rebuild).  Each of their matches holds a number directly before a unit
# word ("20 years", "two decades"), starts at most ~50 characters before that unit and ends at most ~100
# after it, so they run only on the stretches of text around such units (merged when they overlap):
# the same matches (checked on 100k articles), several times faster.
_ANCHORED = (0, 1)
_UNIT = re.compile(r"years?|decades?", re.I)
_NUM_BEFORE = re.compile(rf"(?:{_NUM})[\s-]+\Z", re.I)
_BEFORE, _AFTER = 60, 120


def _unit_spans(text: str) -> list[tuple[int, int]]:
    spans: list[list[int]] = []
    for u in _UNIT.finditer(text):
        if not _NUM_BEFORE.search(text, max(0, u.start() - 40), u.start()):
            continue   # "this year", "years of": no number before the unit
        lo, hi = max(0, u.start() - _BEFORE), min(len(text), u.end() + _AFTER)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    return [(lo, hi) for lo, hi in spans]


def _number(s: str) -> Optional[float]:
    s = s.lower().strip()
    if s.isdigit():
        return float(s)
    if s in _UNITS:
        return float(_UNITS[s])
    parts = re.split(r"[- ]", s)
    if parts[0] in _TENS:
        return float(_TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0))
    return None


def parse_claim(text: str) -> Optional[dict]:
    """'almost 20 years later' -> {'years': 20, 'qualifier': 'almost', 'low': 18.0, 'high': 20.0}."""
    for pat in _PATTERNS:
        m = pat.search(text)
        if m:
            return _claim(m)
    return None


def _claim(m: re.Match) -> Optional[dict]:
    n = _number(m.group("n"))
    if n is None:
        return None
    unit = m.group("u").lower()
    years = n * 10 if unit.startswith("decade") else n
    q = (m.group("q") or "").lower()
    tol = max(1.0, years / 10)
    if q in _ALMOST:
        low, high = years - max(1.5, years / 20), years
    elif q in _BELOW:
        low, high = 0.0, years
    elif q in _OVER or q in _ATLEAST:
        low, high = years, math.inf
    elif q in _ABOUT or unit.startswith("decade"):
        low, high = years - tol, years + tol
    else:
        low, high = years - 0.5, years + 1.0
    return {"text": m.group(0), "years": years, "qualifier": q or None, "approximate": bool(q) or
            unit.startswith("decade"), "low": low, "high": high, "start": m.start(), "end": m.end()}


def find_claims(text: Optional[str]) -> list[dict]:
    """Every gap claim in a text, with character offsets (non-overlapping, in order)."""
    if not text:
        return []
    found: list[dict] = []
    spans = _unit_spans(text)
    for k, pat in enumerate(_PATTERNS):
        matches = (m for lo, hi in spans for m in pat.finditer(text, lo, hi)) if k in _ANCHORED \
            else pat.finditer(text)
        for m in matches:
            c = _claim(m)
            if c and not any(c["start"] < f["end"] and f["start"] < c["end"] for f in found):
                found.append(c)
    for m in _SINCE_YEAR.finditer(text):
        if not any(m.start() < f["end"] and f["start"] < m.end() for f in found):
            found.append({"text": m.group(0), "since_year": int(m.group("year")), "start": m.start(),
                          "end": m.end(), "years": None, "qualifier": "since", "approximate": False})
    return sorted(found, key=lambda c: c["start"])


@lru_cache(maxsize=65536)
def period(d: Optional[str]) -> Optional[tuple[date, date]]:
    """'2004' -> (2004-01-01, 2004-12-31); '2025-03' -> the month; '2025-02-25' -> that day."""
    if not d:
        return None
    d = str(d)
    try:
        if re.fullmatch(r"\d{4}", d):
            return date(int(d), 1, 1), date(int(d), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", d):
            y, m = int(d[:4]), int(d[5:7])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
        day = date.fromisoformat(d[:10])
        return day, day
    except ValueError:
        return None


def elapsed(prev: Optional[str], cur: Optional[str]) -> Optional[tuple[float, float]]:
    """The interval of years that can have elapsed between two (possibly coarse) dates."""
    p, c = period(prev), period(cur)
    if not p or not c:
        return None
    lo = (c[0].toordinal() - p[1].toordinal()) / 365.25
    hi = (c[1].toordinal() - p[0].toordinal()) / 365.25
    return max(0.0, lo), max(0.0, hi)


def agrees(claim: dict, prev: Optional[str], cur: Optional[str]) -> Optional[bool]:
    """Does the claim agree with the gap between `prev` and `cur`? None when no gap is known."""
    if prev is None:
        return None
    if claim.get("since_year") is not None:
        return str(prev)[:4] == str(claim["since_year"])
    iv = elapsed(prev, cur)
    if iv is None:
        return None
    return iv[0] <= claim["high"] and claim["low"] <= iv[1]
