"""Offices from the knowledge base for the actor page: a person's dated terms, a country's holders.

The articles say what office a person held when they were reported; the knowledge base
(`communique.kb`, derived from Wikidata and curated lists) gives the terms with start and end
dates.  The actor page shows both, side by side.
"""
from __future__ import annotations

import datetime as dt
import threading
from typing import Optional

from ..kb.names import norm

_lock = threading.Lock()
_by_wikidata: Optional[dict[str, str]] = None


def _kb():
    try:
        from ..kb import KnowledgeBase
        return KnowledgeBase.default()
    except Exception:  # noqa: BLE001 - the page works without the knowledge base
        return None


def _wikidata_index(kb) -> dict[str, str]:
    global _by_wikidata
    with _lock:
        if _by_wikidata is None:
            _by_wikidata = {p.wikidata: pid for pid, p in kb.persons.items() if getattr(p, "wikidata", "")}
    return _by_wikidata


def _term(t) -> dict:
    return {"role": t.role, "title": t.title, "country": t.country, "start": t.start or None,
            "end": t.end or None, "source": t.source}


def person_terms(name: Optional[str], wikidata: Optional[str]) -> list[dict]:
    """The dated terms of office of a person (oldest first); [] when the KB does not know them."""
    kb = _kb()
    if kb is None:
        return []
    person = None
    if wikidata:
        pid = _wikidata_index(kb).get(wikidata)
        person = kb.persons.get(pid) if pid else None
    if person is None and name:
        pid = getattr(kb, "_alias_pid", {}).get(norm(name))
        person = kb.persons.get(pid) if pid else None
    if person is None:
        return []
    return sorted((_term(t) for t in person.terms), key=lambda t: (t["start"] or "", t["role"]))


def country_holders(code: str, date: Optional[str] = None) -> list[dict]:
    """Who holds the core offices of a country on `date` (today by default)."""
    kb = _kb()
    if kb is None or code not in getattr(kb, "countries", {}):
        return []
    day = date or dt.date.today().isoformat()
    out = []
    for role in ("head of state", "head of government", "foreign minister"):
        for p in kb.holders(code, role, day)[:1]:
            term = kb.active_term(p.pid, day, country=code)
            out.append({"role": role, "name": p.name, "wikidata": p.wikidata or None,
                        "title": term.title if term else None, "start": term.start if term else None})
    return out
