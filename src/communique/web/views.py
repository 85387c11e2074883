"""One function per page: the dict a page renders is the dict its JSON twin returns."""
from __future__ import annotations

from typing import Optional

from ..errors import E
from . import brief as briefs
from . import data
from .errors import E305, WebError
from .params import EventFilter


def overview(con, limit: int = 12) -> dict:
    return {
        "stats": data.stats(con),
        "recent_events": data.events(con, EventFilter(), limit=limit)["items"],
        "top_dyads": data.top_dyads(con, limit=10),
        "recent_articles": data.articles(con, limit=8)["items"],
        "network": data.network(con, limit=200),
    }


def dyad(con, a: str, b: str, since: Optional[str] = None, db=None) -> dict:
    if not (data.country_known(con, a) or data.country_known(con, b)):
        raise WebError(E305, a=a, b=b)
    writable = bool(db is not None and db.writable)
    brief = briefs.relation_brief(con, a, b, since=since, writable=writable,
                                  lock=db.write_lock if writable else None)
    return {"brief": brief, "quotes": briefs.quotes_by_side(brief), "sources": briefs.sources(brief)}


def article(con, article_id: str) -> dict:
    coded = data.article(con, article_id)
    if coded is None:
        raise WebError(E.E204, id=article_id[:64])
    return coded


def actor(con, actor_id: str) -> dict:
    got = data.actor(con, actor_id)
    if got is None:
        raise WebError(E.E202, code=actor_id[:64])
    return got


def search(con, f: EventFilter, limit: int, offset: int) -> dict:
    out = {"q": f.q, "events": data.events(con, f, limit=limit, offset=offset)}
    if f.q:
        out["articles"] = data.articles(con, q=f.q, limit=20)
        out["actors"] = data.actors(con, q=f.q, limit=20)
    else:
        out["articles"] = {"has_more": False, "items": []}
        out["actors"] = {"has_more": False, "items": []}
    return out
