"""Validation of query parameters: every bad value becomes a 400 with a clear message."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from ..errors import E
from .errors import WebError, bad_param

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_OFFSET = 1_000_000
MAX_Q = 200

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
WHEN_VALUES = ("reported", "past", "future", "hypothetical", "negated")

# ISO alpha-3 country codes, IGO acronyms (UN, EU, NATO, ASEAN...), CAMEO codes (KAZGOV).
_CODE = re.compile(r"^[A-Za-z]{2,12}$")
# article ids are sha256 hex; tolerate shorter hex prefixes for hand typing
_ARTICLE_ID = re.compile(r"^[0-9a-fA-F]{6,64}$")
# global actor ids: a country/IGO code, a Wikidata id, or a name slug
_ACTOR_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,119}$")


def code(name: str, value: Optional[str], required: bool = False) -> Optional[str]:
    if value is None or value == "":
        if required:
            raise bad_param(name, "is required")
        return None
    if not _CODE.match(value):
        raise bad_param(name, f"'{value[:40]}' is not a country or actor code (letters only, e.g. KAZ)")
    return value.upper()


def dyad_pair(a: str, b: str) -> tuple[str, str]:
    """Two path codes; a bad one is E203 (400)."""
    for v in (a, b):
        if not _CODE.match(v or ""):
            raise WebError(E.E203, value=f"{a[:20]}-{b[:20]}")
    if a.upper() == b.upper():
        raise WebError(E.E203, value=f"{a[:20]}-{b[:20]}")
    return a.upper(), b.upper()


def dyad_string(name: str, value: Optional[str]) -> Optional[tuple[str, str]]:
    """`KAZ-OMN` (or `KAZ,OMN`) -> ("KAZ", "OMN")."""
    if not value:
        return None
    parts = re.split(r"[-,:/]", value)
    if len(parts) != 2:
        raise WebError(E.E203, value=value[:40])
    return dyad_pair(parts[0].strip(), parts[1].strip())


def date(name: str, value: Optional[str]) -> Optional[str]:
    """YYYY-MM-DD, YYYY-MM or YYYY; returned as given (validated)."""
    if value is None or value == "":
        return None
    v = value.strip()
    try:
        if re.fullmatch(r"\d{4}", v):
            dt.date(int(v), 1, 1)
        elif re.fullmatch(r"\d{4}-\d{2}", v):
            dt.date(int(v[:4]), int(v[5:]), 1)
        else:
            dt.date.fromisoformat(v)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                raise ValueError
    except ValueError:
        raise bad_param(name, f"invalid date '{v[:40]}': expected YYYY-MM-DD") from None
    return v


def date_range(since: Optional[str], until: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    s, u = date("since", since), date("until", until)
    if s and u and _pad(s, False) > _pad(u, True):
        raise bad_param("since", f"{s} is after until {u}")
    return s, u


def _pad(v: str, end: bool) -> str:
    if len(v) == 4:
        return v + ("-12-31" if end else "-01-01")
    if len(v) == 7:
        return v + ("-31" if end else "-01")
    return v


def lower_date(v: Optional[str]) -> Optional[str]:
    return _pad(v, False) if v else None


def upper_date(v: Optional[str]) -> Optional[str]:
    return _pad(v, True) if v else None


def integer(name: str, value: Optional[str], default: int, lo: int, hi: int) -> int:
    if value is None or value == "":
        return default
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise bad_param(name, f"'{str(value)[:20]}' is not an integer") from None
    if n < lo or n > hi:
        raise bad_param(name, f"{n} is out of range {lo}..{hi}")
    return n


def limit(value: Optional[str], default: int = DEFAULT_LIMIT) -> int:
    return integer("limit", value, default, 1, MAX_LIMIT)


def offset(value: Optional[str]) -> int:
    return integer("offset", value, 0, 0, MAX_OFFSET)


def confidence(value: Optional[str]) -> Optional[float]:
    if value is None or value == "":
        return None
    try:
        x = float(value)
    except ValueError:
        raise bad_param("min_confidence", f"'{value[:20]}' is not a number") from None
    if not 0.0 <= x <= 1.0:
        raise bad_param("min_confidence", f"{x} is out of range 0..1")
    return x


def plover_type(value: Optional[str]) -> Optional[str]:
    """One PLOVER type, or several separated by commas (CONSULT,AGREE)."""
    if not value:
        return None
    types = [t.strip().upper() for t in value.split(",") if t.strip()]
    for t in types:
        if t not in PLOVER_TYPES:
            raise bad_param("type", f"'{t[:30]}' is not a PLOVER event type ({', '.join(PLOVER_TYPES)})")
    return ",".join(dict.fromkeys(types)) or None


def quad_class(value: Optional[str]) -> Optional[int]:
    if value is None or value == "":
        return None
    return integer("quad_class", value, 0, 1, 4)


def when(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    if value not in WHEN_VALUES:
        raise bad_param("when", f"'{value[:30]}' is not one of {', '.join(WHEN_VALUES)}")
    return value


def text_query(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    v = value.strip()
    if len(v) > MAX_Q:
        raise bad_param("q", f"longer than {MAX_Q} characters")
    return v or None


def article_id(value: str) -> str:
    if not _ARTICLE_ID.match(value or ""):
        raise bad_param("id", "an article id is a hexadecimal sha256")
    return value.lower()


def actor_id(value: str) -> str:
    if not _ACTOR_ID.match(value or ""):
        raise bad_param("id", "an actor id is a country code, a Wikidata id or a name slug")
    return value


@dataclass
class EventFilter:
    actor: Optional[str] = None          # country code, CAMEO code, or actor name substring
    dyad: Optional[tuple[str, str]] = None
    type: Optional[str] = None
    quad_class: Optional[int] = None
    since: Optional[str] = None
    until: Optional[str] = None
    min_confidence: Optional[float] = None
    q: Optional[str] = None
    when: Optional[str] = None
    article: Optional[str] = None

    def as_query(self) -> dict:
        out = {k: v for k, v in self.__dict__.items() if v not in (None, "")}
        if self.dyad:
            out["dyad"] = "-".join(self.dyad)
        return out


def event_filter(actor=None, dyad=None, type=None, quad_class_=None, since=None, until=None,
                 min_confidence=None, q=None, when_=None) -> EventFilter:
    s, u = date_range(since, until)
    a = None
    if actor:
        if len(actor) > 120:
            raise bad_param("actor", "longer than 120 characters")
        a = actor.strip() or None
    return EventFilter(actor=a, dyad=dyad_string("dyad", dyad), type=plover_type(type),
                       quad_class=quad_class(quad_class_), since=s, until=u,
                       min_confidence=confidence(min_confidence), q=text_query(q), when=when(when_))


__all__ = ["EventFilter", "event_filter", "MAX_LIMIT", "PLOVER_TYPES"]
