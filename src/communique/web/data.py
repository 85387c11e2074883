"""Read functions the pages and the JSON API share (one function per view).

A thin adapter over the project's query layer: `communique.store.queries` for events, articles,
actors and totals, `communique.memory.analytics` for the network of states.  What remains here is
shaping (flat rows -> the contract's nested events) and the two web-only reads the query layer does
not have yet (an actor profile across articles, an article id prefix); they use parameters only.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from ..store import queries, schema
from . import offices as offices_kb
from .params import EventFilter

# ---------------------------------------------------------------- events


def event_from_row(r: dict) -> dict:
    """A flat `events_v` row -> the contract's nested event, plus its article's metadata."""
    ev = schema.nest("events", r)
    ev["article"] = r.get("article_id")
    ev["source_article"] = {"id": r.get("article_id"), "published": _day(r.get("published")), "url": r.get("url"),
                            "title": r.get("title"), "outlet": r.get("outlet")}
    return ev


def _day(v: Any) -> Optional[str]:
    return None if v is None else str(v)[:10]


def _query_args(f: EventFilter) -> dict:
    return dict(dyad=f.dyad, actor=f.actor, plover_type=f.type, quad_class=f.quad_class, since=f.since,
                until=f.until, min_confidence=f.min_confidence, q=f.q, modality=f.when, article_id=f.article)


def events(con, f: EventFilter, limit: int = 50, offset: int = 0) -> dict:
    """Events matching the filter, newest first: {"total", "limit", "offset", "filters", "items"}."""
    args = _query_args(f)
    rows = queries.events(con, **args, limit=limit, offset=offset, order="desc")
    total = queries.count_events(con, **args)
    return {"total": total, "limit": limit, "offset": offset, "filters": f.as_query(),
            "items": [event_from_row(r) for r in rows]}


# ---------------------------------------------------------------- articles

def resolve_article_id(con, article_id: str) -> Optional[str]:
    """A full id, or a unique prefix of one (ids are long; people paste the first characters)."""
    if len(article_id) == 64:
        return article_id
    rows = con.execute("SELECT id FROM articles WHERE starts_with(id, ?) LIMIT 2", [article_id]).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def article(con, article_id: str) -> Optional[dict]:
    """The coded article (contract JSON with `article.text`), each actor with its cross-article `key`."""
    aid = resolve_article_id(con, article_id)
    coded = queries.article(con, aid) if aid else None
    if coded is None:
        return None
    d = coded.to_dict(include_text=True)
    meta = queries.article_meta(con, aid) or {}
    d["article"]["source_path"] = meta.get("source_path")
    d["article"]["ingested_at"] = _str(meta.get("ingested_at"))
    for a in d["actors"]:
        a["key"] = actor_key(a.get("kind"), a.get("name"), a.get("country"), a.get("wikidata"))
    return d


def _str(v: Any) -> Optional[str]:
    return None if v is None else str(v)


def articles(con, q: Optional[str] = None, limit: int = 50, offset: int = 0) -> dict:
    """Stored articles, newest first; `has_more` tells whether another page follows."""
    rows = queries.articles(con, q=q, limit=limit + 1, offset=offset)
    return {"limit": limit, "offset": offset, "has_more": len(rows) > limit, "items": rows[:limit]}


# ---------------------------------------------------------------- actors

def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", (name or "").lower()).strip("-") or "unnamed"


def actor_key(kind: Optional[str], name: Optional[str], country: Optional[str], wikidata: Optional[str]) -> str:
    """The id of an actor across articles: a country code, else its Wikidata id, else a name slug."""
    if kind == "country" and country:
        return country
    if wikidata:
        return wikidata
    return slug(name or "")


# the same rule in SQL, to find every row of one actor
_KEY_SQL = ("CASE WHEN x.kind = 'country' AND x.country IS NOT NULL THEN x.country"
            " WHEN x.wikidata IS NOT NULL THEN x.wikidata"
            " ELSE COALESCE(NULLIF(trim(regexp_replace(lower(x.name), '[^a-z0-9]+', '-', 'g'), '-'), ''),"
            " 'unnamed') END")


def actors(con, q: Optional[str] = None, country: Optional[str] = None, kind: Optional[str] = None,
           limit: int = 50, offset: int = 0) -> dict:
    """Actors across articles, most mentioned first, each with its `id` (see `actor_key`)."""
    rows = queries.actors(con, country=country, kind=kind, q=q, limit=limit + 1, offset=offset)
    items: dict[str, dict] = {}
    for r in rows[:limit]:
        key = actor_key(r.get("kind"), r.get("name"), r.get("country"), r.get("wikidata"))
        if key in items:   # one actor under several names on this page ("Kazakhstan (government)")
            seen = items[key]
            seen.setdefault("names", [seen["name"]]).append(r["name"])
            seen["mentions"] = (seen.get("mentions") or 0) + (r.get("mentions") or 0)
            seen["articles"] = max(seen.get("articles") or 0, r.get("articles") or 0)
            seen["last_seen"] = max(filter(None, [seen.get("last_seen"), r.get("last_seen")]), default=None)
            continue
        items[key] = {"id": key, **r}
    return {"limit": limit, "offset": offset, "has_more": len(rows) > limit, "items": list(items.values())}


def actor(con, key: str, limit: int = 100) -> Optional[dict]:
    """One actor: names, offices over time (role/title by first and last article date), events."""
    rows = con.execute(
        f"SELECT x.article_id, x.id, x.name, x.kind, x.country, x.sector, x.role, x.title, x.cameo, x.wikidata,"
        f" CAST(a.published AS VARCHAR) FROM actors x JOIN articles a ON a.id = x.article_id"
        f" WHERE {_KEY_SQL} = ? ORDER BY a.published NULLS LAST", [key]).fetchall()
    is_code = bool(re.fullmatch(r"[A-Z][A-Z0-9]{1,11}", key))
    is_country = is_code and all(r[3] == "country" for r in rows)
    if not rows and not (is_code and key in queries.known_codes(con)):
        return None
    names: dict[str, int] = {}
    offices: dict[tuple, dict] = {}
    for (_art, _xid, name, _kind, country, _sector, role, title, _cameo, _wd, published) in rows:
        names[name] = names.get(name, 0) + 1
        if role or title:
            o = offices.setdefault((role, title, country), {"role": role, "title": title, "country": country,
                                                            "first_seen": published, "last_seen": published,
                                                            "articles": 0})
            o["articles"] += 1
            if published:
                o["first_seen"] = min(filter(None, [o["first_seen"], published]))
                o["last_seen"] = max(filter(None, [o["last_seen"], published]))
    first = rows[0] if rows else None
    if is_country:
        evs = events(con, EventFilter(actor=key), limit=limit)
    else:
        evs = _actor_events(con, key, limit)
    return {
        "id": key,
        "name": max(names, key=names.get) if names else key,
        "names": sorted(names, key=lambda n: -names[n]),
        "kind": first[3] if first else "country",
        "country": first[4] if first else key,
        "sector": first[5] if first else None,
        "cameo": first[8] if first else None,
        "wikidata": first[9] if first else None,
        "articles": len({r[0] for r in rows}),
        "offices": sorted(offices.values(), key=lambda o: (o["first_seen"] or "", o["role"] or "")),
        "kb_terms": [] if is_country else offices_kb.person_terms(max(names, key=names.get) if names else None,
                                                                   first[9] if first else None),
        "office_holders": _mark_stored(con, offices_kb.country_holders(key)) if is_country or not rows else [],
        "events": evs,
    }


def _mark_stored(con, holders: list[dict]) -> list[dict]:
    """Flag the office holders the store has articles about (the page links only those)."""
    for h in holders:
        h["in_store"] = bool(h.get("wikidata")) and bool(con.execute(
            "SELECT EXISTS (SELECT 1 FROM actors WHERE wikidata = ?)", [h["wikidata"]]).fetchone()[0])
    return holders


def _actor_events(con, key: str, limit: int) -> dict:
    """Events whose source or target is this actor (joined on the article-local actor ids)."""
    base = (f"FROM events_v e WHERE EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id"
            f" AND (x.id = e.source_actor OR x.id = e.target_actor) AND {_KEY_SQL} = ?)")
    total = con.execute(f"SELECT count(*) {base}", [key]).fetchone()[0]
    cur = con.execute(f"SELECT * {base} ORDER BY e.day DESC NULLS LAST, e.article_id, e.id LIMIT ?", [key, limit])
    cols = [d[0] for d in cur.description]
    items = [event_from_row(dict(zip(cols, r))) for r in cur.fetchall()]
    return {"total": total, "limit": limit, "offset": 0, "items": items}


# ---------------------------------------------------------------- overview

def stats(con) -> dict:
    return queries.stats(con)


def _memory_ready(con) -> bool:
    try:
        from .. import memory
    except ImportError:
        return False
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return set(memory.DERIVED_TABLES) <= tables


def network(con, since: Optional[str] = None, until: Optional[str] = None, limit: int = 200) -> dict:
    """States as nodes, dyads as weighted edges.

    From the relationship memory (merged events, cooperation index) when its tables exist and no
    `until` is asked; else from the store's `top_dyads` (reported events, mean Goldstein).
    """
    if until is None and _memory_ready(con):
        from ..memory import analytics
        edges = [{"a": e["a"], "b": e["b"], "events": e["events"], "reports": e.get("reports"),
                  "tone": e.get("cooperation_index"), "cooperation_index": e.get("cooperation_index")}
                 for e in analytics.network(con, since=since, limit=limit)]
        engine = "communique.memory.analytics.network (merged events)"
    else:
        edges = [{"a": e["a"], "b": e["b"], "events": e["events"], "reports": e.get("articles"),
                  "tone": e.get("goldstein"), "goldstein": e.get("goldstein"), "last": e.get("last")}
                 for e in queries.top_dyads(con, limit=limit, since=since, until=until)]
        engine = "communique.store.queries.top_dyads (reported events)"
    deg: dict[str, int] = {}
    for e in edges:
        deg[e["a"]] = deg.get(e["a"], 0) + e["events"]
        deg[e["b"]] = deg.get(e["b"], 0) + e["events"]
    nodes = [{"id": c, "events": n} for c, n in sorted(deg.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"engine": engine, "nodes": nodes, "edges": edges}


def top_dyads(con, limit: int = 10) -> list[dict]:
    return queries.top_dyads(con, limit=limit)


def country_known(con, code: str) -> bool:
    return code in queries.known_codes(con)
