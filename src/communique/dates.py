"""Date expressions resolved against an anchor (the published date).

Granularity of results: "YYYY-MM-DD" | "YYYY-MM" | "YYYY"; None when the expression names no
point in time ("recently", "almost 20 years later", "for two decades").
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Union

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2, "a dozen": 12, "half a": 0,
}
_APPROX = r"(?:almost|nearly|about|around|roughly|some|approximately|over|more than|less than|" \
          r"close to|just over|just under|under|at least)"

_MON = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WD = r"(?:" + "|".join(WEEKDAYS) + r")"
_NUM = r"(?:\d{1,3}|" + "|".join(sorted((k for k in NUMBERS if k != "half a"), key=len, reverse=True)) + r")"
_YEAR = r"(?:1[89]\d{2}|20\d{2})"

Anchor = Union[str, dt.date, dt.datetime, None]


def parse_anchor(anchor: Anchor) -> Optional[dt.date]:
    if anchor is None or anchor == "":
        return None
    if isinstance(anchor, dt.datetime):
        return anchor.date()
    if isinstance(anchor, dt.date):
        return anchor
    try:
        return dt.date.fromisoformat(str(anchor)[:10])
    except ValueError:
        return None


def _num(s: str) -> Optional[int]:
    s = s.lower().strip()
    if s.isdigit():
        return int(s)
    return NUMBERS.get(s)


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    m = d.month - 1 + n
    return d.year + m // 12, m % 12 + 1


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _safe_date(y: int, m: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, day)
    except ValueError:
        return None


# compiled once, at import
_RX1 = re.compile(r"\s+")
_RX2 = re.compile(r"^(?:on|in|at|during|since|by|until|from|of|as of)\s+")
_RX3 = re.compile(r"^(?:the\s+)")
_RX4 = re.compile(r"[\.,;:]+$")


def _clean(expr: str) -> str:
    s = expr.strip().lower().replace("’", "'")
    s = _RX1.sub(" ", s)
    s = _RX2.sub("", s)
    s = _RX3.sub("", s)
    s = _RX4.sub("", s)
    return s


# compiled once, at import
_RX5 = re.compile(rf"(?:({_APPROX})\s+)?(?:(a|an|{_NUM})\s+(?:and a half\s+)?)(years?|decades?)\b")


def years_claim(expr: str) -> Optional[tuple[int, bool]]:
    """A claimed span of years: "almost 20 years later" → (20, True); "two decades after" → (20,
    True); "for the first time in 15 years" → (15, False); None when there is none."""
    s = expr.lower().replace("-", " ")
    m = _RX5.search(s)
    if not m:
        return None
    n = _num(m.group(2))
    if n is None:
        return None
    approx = m.group(1) is not None
    if m.group(3).startswith("decade"):
        n, approx = n * 10, True  # "two decades" is a round figure
    return n, approx


# compiled once, at import
_RX6 = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[t ].*)?")
_RX7 = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_RX8 = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?\b")
_RX9 = re.compile(rf"(?:(early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of)\s*-?\s*)?(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}))?")
_RX10 = re.compile(rf"(?:this|last|next|previous|past|coming)\s+(?P<mon>{_MON})")
_RX11 = re.compile(rf"(?:(?:the\s+)?(?:spring|summer|autumn|fall|winter|early|mid|late|first half|second half|"
                     rf"beginning|end|start|middle|first quarter|second quarter|third quarter|fourth quarter)"
                     rf"\s*(?:-|of)?\s*)?(?:the\s+year\s+)?({_YEAR})")
_RX12 = re.compile(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?:this|the)\s+month)?")
_RX13 = re.compile(rf"(?:(this|last|next|past|coming)\s+)?({_WD})(?:\s+(morning|afternoon|evening|night))?")
_RX14 = re.compile(r"(this|last|next|the|past|coming)\s+weekend")
_RX15 = re.compile(r"(?:earlier |later )?this week|(?:the )?(?:current|same) week")
_RX16 = re.compile(r"(?:last|previous|past) week|(?:the )?week before")
_RX17 = re.compile(r"(?:next|coming|following) week|(?:the )?week after")
_RX18 = re.compile(r"(?:earlier |later |(?:the )?(?:beginning|start|end|middle) of )?this month|(?:the )?current month")
_RX19 = re.compile(r"(?:earlier |late |(?:the )?(?:beginning|start|end) of )?(?:last|previous|past) month")
_RX20 = re.compile(r"(?:(?:the )?(?:beginning|start|end) of )?(?:next|coming|following) month")
_RX21 = re.compile(r"(?:earlier |later |(?:the )?(?:beginning|start|end|middle|first half|second half) of )?this year|(?:the )?current year")
_RX22 = re.compile(r"(?:earlier |late |(?:the )?(?:beginning|start|end|middle) of )?(?:last|previous|past) year")
_RX23 = re.compile(r"(?:(?:the )?(?:beginning|start|end|middle) of )?(?:next|coming|following) year")
_RX24 = re.compile(rf"(?:{_APPROX}\s+)?({_NUM}|a few|several)\s+(day|week|month|year)s?\s+(ago|earlier|before|later|from now|hence)")
_RX25 = re.compile(r"(?:(?:this|last|next|the)\s+)?(spring|summer|autumn|fall|winter)")
_RX26 = re.compile(r"(?:the )?(?:first|second) half of the year")
_RX27 = re.compile(rf"(?:{_WD},?\s+)?(?P<mon>{_MON})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>{_YEAR}))?")
_RX28 = re.compile(rf"(?:{_WD},?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}))?")
_RX29 = re.compile(rf"(?:the\s+)?{_YEAR}s")
_RX30 = re.compile(r"(?:the\s+)?(?:19|20)?\d0s")
_RX31 = re.compile(rf"(?:in|within)\s+({_NUM})\s+(day|week|month|year)s?")


def resolve_date(expr: str, anchor: Anchor = None, future: bool = False) -> Optional[str]:
    """Resolve a date expression against an anchor date (see module docstring).

    `future`: the expression sits in a future-tense context ("will meet on Monday"): a bare weekday
    or month then means the next one rather than the most recent one."""
    if not expr:
        return None
    a = parse_anchor(anchor)
    s = _clean(expr)
    if not s:
        return None

    # explicit calendar dates --------------------------------------------------------------
    m = _RX6.fullmatch(s)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return d.isoformat() if d else None
    m = _RX7.fullmatch(s)
    if m:  # day.month.year (European and post-Soviet usage)
        d = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return d.isoformat() if d else None
    s = _RX8.sub(r"\1", s)  # ranges: first day
    m = (_RX27.fullmatch(s)
         or _RX28.fullmatch(s))
    if m:
        mon = MONTHS[m.group("mon").rstrip(".")]
        day = int(m.group("day"))
        if m.group("year"):
            d = _safe_date(int(m.group("year")), mon, day)
            return d.isoformat() if d else None
        if a is None:
            return None
        d = _safe_date(a.year, mon, day)
        if d is None:
            return None
        if future and d < a - dt.timedelta(days=7):
            d = _safe_date(a.year + 1, mon, day) or d
        elif not future and d > a + dt.timedelta(days=7):
            d = _safe_date(a.year - 1, mon, day) or d
        return d.isoformat()
    m = _RX9.fullmatch(s)
    if m and m.group("mon").rstrip(".") in MONTHS and (m.group("year") or len(m.group("mon")) > 3
                                                       or m.group(1)):
        mon = MONTHS[m.group("mon").rstrip(".")]
        if m.group("year"):
            return _ym(int(m.group("year")), mon)
        if a is None:
            return None
        y = a.year
        if future and mon < a.month:
            y += 1
        elif not future and mon > a.month:
            y -= 1
        return _ym(y, mon)
    m = _RX10.fullmatch(s)
    if m and a is not None:
        mon = MONTHS[m.group("mon").rstrip(".")]
        word = s.split()[0]
        if word == "this":
            return _ym(a.year, mon)
        if word in ("last", "previous", "past"):
            return _ym(a.year if mon < a.month else a.year - 1, mon)
        return _ym(a.year if mon > a.month else a.year + 1, mon)

    # years, seasons, parts of a year -------------------------------------------------------
    m = _RX11.fullmatch(s)
    if m:
        return m.group(1)
    if _RX29.fullmatch(s) or _RX30.fullmatch(s):
        return None  # a decade is not a point in time

    if a is None:
        return None

    m = _RX12.fullmatch(s)
    if m:  # "on the 25th": a day of the anchor's month (or of the previous/next month)
        day = int(m.group(1))
        y, mon = a.year, a.month
        if not future and day > a.day + 7:
            y, mon = _add_months(a, -1)
        elif future and day < a.day - 7:
            y, mon = _add_months(a, 1)
        d = _safe_date(y, mon, day)
        if d is None and not future:  # "the 30th" read in February: January's
            d = _safe_date(*_add_months(a, -1), day)
        return d.isoformat() if d else None

    # relative days ------------------------------------------------------------------------
    simple = {"today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
              "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1,
              "yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
              "tomorrow": 1, "tomorrow morning": 1, "day before yesterday": -2,
              "day after tomorrow": 2}
    if s in simple:
        return (a + dt.timedelta(days=simple[s])).isoformat()
    m = _RX13.fullmatch(s)
    if m:
        which, wd = m.group(1), WEEKDAYS[m.group(2)]
        back = (a.weekday() - wd) % 7
        fwd = (wd - a.weekday()) % 7
        if which in ("last", "past"):
            return (a - dt.timedelta(days=back or 7)).isoformat()
        if which in ("next", "coming"):
            return (a + dt.timedelta(days=fwd or 7)).isoformat()
        if which == "this":
            monday = a - dt.timedelta(days=a.weekday())
            return (monday + dt.timedelta(days=wd)).isoformat()
        if future:
            return (a + dt.timedelta(days=fwd or 7)).isoformat()
        return (a - dt.timedelta(days=back)).isoformat()

    m = _RX14.fullmatch(s)
    if m:  # month precision, like "this week"
        sat = a + dt.timedelta(days=(5 - a.weekday()) % 7)
        if m.group(1) in ("last", "past") or (m.group(1) in ("this", "the") and not future and a.weekday() >= 5):
            sat = a - dt.timedelta(days=(a.weekday() - 5) % 7 or 7)
        elif m.group(1) in ("next",) and a.weekday() >= 5:
            sat += dt.timedelta(days=7)
        return _ym(sat.year, sat.month)

    # weeks, months, years ------------------------------------------------------------------
    if _RX15.fullmatch(s):
        return _ym(a.year, a.month)
    if _RX16.fullmatch(s):
        d = a - dt.timedelta(days=7)
        return _ym(d.year, d.month)
    if _RX17.fullmatch(s):
        d = a + dt.timedelta(days=7)
        return _ym(d.year, d.month)
    if _RX18.fullmatch(s):
        return _ym(a.year, a.month)
    if _RX19.fullmatch(s):
        return _ym(*_add_months(a, -1))
    if _RX20.fullmatch(s):
        return _ym(*_add_months(a, 1))
    if _RX21.fullmatch(s):
        return f"{a.year:04d}"
    if _RX22.fullmatch(s):
        return f"{a.year - 1:04d}"
    if _RX23.fullmatch(s):
        return f"{a.year + 1:04d}"
    m = _RX24.fullmatch(s)
    m2 = _RX31.fullmatch(_clean_keep_in(expr)) \
        if future else None  # "in 16 years" is a span ("the first time in 16 years") unless the future
    if m or m2:
        mm = m or m2
        n = _num(mm.group(1))
        if n is None or (m and re.match(_APPROX, s)):
            return None
        unit = mm.group(2)
        sign = -1 if (m and m.group(3) in ("ago", "earlier", "before")) else 1
        if m and m.group(3) in ("earlier", "before", "later"):
            return None  # relative to another event, not to the anchor
        if unit == "day":
            return (a + dt.timedelta(days=sign * n)).isoformat()
        if unit == "week":
            d = a + dt.timedelta(days=sign * 7 * n)
            return _ym(d.year, d.month)
        if unit == "month":
            return _ym(*_add_months(a, sign * n))
        return f"{a.year + sign * n:04d}"
    m = _RX25.fullmatch(s)
    if m:  # a season without a year: the latest one begun (past) or the next one (future)
        first = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[m.group(1)]
        y = a.year
        if s.startswith("last "):
            y = a.year if first + 3 <= a.month else a.year - 1  # the latest season already over
        elif s.startswith("next "):
            y = a.year if first > a.month else a.year + 1
        elif not future and first > a.month:
            y -= 1
        elif future and first < a.month:
            y += 1
        return f"{y:04d}"
    if _RX26.fullmatch(s):
        return f"{a.year:04d}"
    return None


def _clean_keep_in(expr: str) -> str:
    return _RX1.sub(" ", expr.strip().lower())


_FUTURE_RE = re.compile(
    r"\b(?:will|shall|'ll|is to|are to|is due to|are due to|plans? to|planned|planning to|intends? to|"
    r"is expected to|are expected to|is scheduled|are scheduled|scheduled to|to be held|upcoming|"
    r"forthcoming|next (?:week|month|year)|is set to|are set to|going to)\b", re.I)


def is_future_context(text: str) -> bool:
    return bool(_FUTURE_RE.search(text))


# A regex that finds date expressions in running text (complements spaCy's DATE entities).
DATE_EXPR_RE = re.compile(
    rf"(?i)\b(?:"
    rf"\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|(?:{_MON})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MON})(?:,?\s+{_YEAR})?"
    rf"|(?:in|since|until|by|during)\s+(?:the\s+(?:spring|summer|autumn|fall|winter)\s+of\s+|(?:early|mid|late)[\s\-]?)?{_YEAR}\b(?!\s*(?:years?|people|km|tons?|troops|\$|%))"
    rf"|(?:on|last|next|this)\s+{_WD}"
    rf"|(?:earlier|later)\s+this\s+(?:week|month|year)"
    rf"|(?:last|next|this|past|coming)\s+(?:week|month|year)"
    rf"|(?:the\s+day\s+before\s+)?yesterday|(?:the\s+day\s+after\s+)?tomorrow|today"
    rf"|{_NUM}\s+(?:day|week|month|year)s?\s+ago"
    rf"|(?:(?:almost|nearly|about|some|over|more than)\s+)?{_NUM}\s+(?:years?|decades?)\s+(?:later|after|ago)"
    rf")\b")
