"""The relationship brief of a dyad (contract shape) and what the dyad page shows around it.

`communique.memory.brief.relation_brief` is the source of truth.  The server refreshes the memory
only when it may write (started with --allow-ingest); a read-only server reads the memory tables
as they are (`"stale": true` when the store changed since they were built) and, when a store has
no memory tables at all, assembles the same JSON shape from the store's events
(`fallback_brief`: events unmerged, ledgers empty) so the page still works.
"""
from __future__ import annotations

import contextlib
from typing import Optional

from ..store import queries
from .data import _memory_ready, event_from_row


def relation_brief(con, a: str, b: str, since: Optional[str] = None, *, writable: bool = False,
                   lock=None) -> dict:
    if _memory_ready(con) or writable:
        from .. import memory
        from ..memory.brief import relation_brief as memory_brief
        stale = False
        if writable:
            with lock or contextlib.nullcontext():
                memory.ensure_fresh(con)
        else:
            stale = memory.is_stale(con)
        brief = memory_brief(con, a, b, since=since, refresh=False)
        brief["engine"] = "communique.memory"
        brief["stale"] = stale
    else:
        brief = fallback_brief(con, a, b, since)
    for key in ("events", "visits", "invitations", "agreements", "trend", "quotes"):
        brief.setdefault(key, [])
    brief.setdefault("sectors", {})
    return brief


def fallback_brief(con, a: str, b: str, since: Optional[str] = None) -> dict:
    """The brief's shape from the store alone (no memory tables): unmerged events, a monthly trend."""
    events, trend, sectors = [], {}, {}
    for r in queries.relation_events(con, a, b, since=since):
        ev = event_from_row(r)
        art = ev.pop("source_article")
        ev.update(num_articles=1, num_sources=1,
                  mentions=[{"article": art["id"], "url": art["url"], "outlet": art["outlet"],
                             "title": art["title"], "published": art["published"], "evidence": ev["evidence"]}])
        events.append(ev)
        if ev["when"] == "reported":
            period = str(r.get("day") or "")[:7]
            if period:
                t = trend.setdefault(period, {"period": period, "events": 0, "_g": 0.0})
                t["events"] += 1
                t["_g"] += ev["cameo"]["goldstein"] or 0.0
        for s in ev["sectors"]:
            sectors[s] = sectors.get(s, 0) + 1
    events.reverse()   # newest first, like the memory's brief
    return {"dyad": [a, b], "since": since, "engine": "store events (no relationship memory in this database)",
            "events": events, "visits": [], "invitations": [], "agreements": [], "quotes": [],
            "trend": [{"period": p, "events": t["events"], "cooperation_index": round(t["_g"] / t["events"], 2)}
                      for p, t in sorted(trend.items())],
            "sectors": dict(sorted(sectors.items(), key=lambda kv: -kv[1]))}


def quotes_by_side(brief: dict) -> dict[str, list]:
    a, b = brief["dyad"]
    out: dict[str, list] = {a: [], b: []}
    for q in brief.get("quotes", []):
        side = q.get("speaker_country")
        if side in out:
            out[side].append(q)
    return out


def sources(brief: dict) -> list[dict]:
    """The distinct articles the brief's events were read from, most used first."""
    seen: dict[str, dict] = {}
    for ev in brief.get("events", []):
        for m in ev.get("mentions", []):
            aid = m.get("article")
            if not aid:
                continue
            s = seen.setdefault(aid, {"article": aid, "url": m.get("url"), "outlet": m.get("outlet"),
                                      "title": m.get("title"), "published": m.get("published"), "events": 0})
            s["events"] += 1
    return sorted(seen.values(), key=lambda s: (-s["events"], s.get("published") or ""))
