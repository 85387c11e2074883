"""The JSON API under /api (documented in /openapi.json and /docs).

Every route validates its parameters (400 with a coded message), pages through
long lists (`limit` at most `MAX_LIMIT`), and calls the same view functions as
the HTML pages.
"""
from __future__ import annotations

import hmac
import json
from typing import Optional

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse

from ..errors import E
from . import data, params, views
from .errors import E304, WebError, bad_param

router = APIRouter(prefix="/api", tags=["api"])

LEDGERS = ("visits", "invitations", "agreements", "trend", "sectors", "events")


def cursor(request: Request):
    return request.app.state.db.cursor()


Limit = Query(None, description=f"page size, 1..{params.MAX_LIMIT} (default {params.DEFAULT_LIMIT})")
Offset = Query(None, description="rows to skip (default 0)")
CodeA = Path(..., description="first country or organisation code (ISO alpha-3 or IGO acronym: KAZ, EU)")
CodeB = Path(..., description="second code; the order of the two does not matter")
Since = Query(None, description="only what happened from this date (YYYY-MM-DD, YYYY-MM or YYYY)")


def parse_events(actor, dyad, type, quad_class, since, until, min_confidence, q, when):
    return params.event_filter(actor=actor, dyad=dyad, type=type, quad_class_=quad_class, since=since,
                               until=until, min_confidence=min_confidence, q=q, when_=when)


@router.get("/events", summary="Events, filtered and paged (newest first)")
def api_events(request: Request,
               actor: Optional[str] = Query(None, description="country/CAMEO code (KAZ, KAZGOV) or part of a name"),
               dyad: Optional[str] = Query(None, description="two codes, either direction: KAZ-OMN"),
               type: Optional[str] = Query(None, description="PLOVER event type: CONSULT, AGREE, ..."),
               quad_class: Optional[str] = Query(None, description="CAMEO quad class 1..4"),
               since: Optional[str] = Query(None, description="from this date (YYYY-MM-DD, YYYY-MM or YYYY)"),
               until: Optional[str] = Query(None, description="up to this date, inclusive"),
               min_confidence: Optional[str] = Query(None, description="0..1"),
               q: Optional[str] = Query(None, description="text search in evidence, names, titles"),
               when: Optional[str] = Query(None, description="reported | past | future | hypothetical | negated"),
               limit: Optional[str] = Limit, offset: Optional[str] = Offset):
    f = parse_events(actor, dyad, type, quad_class, since, until, min_confidence, q, when)
    lim, off = params.limit(limit), params.offset(offset)
    with cursor(request) as con:
        return data.events(con, f, limit=lim, offset=off)


@router.get("/overview", summary="What the overview page shows (stats, recent events, top dyads, network)")
def api_overview(request: Request):
    with cursor(request) as con:
        return views.overview(con)


@router.get("/stats", summary="Counts of stored articles, events, quotes, actors")
def api_stats(request: Request):
    with cursor(request) as con:
        return data.stats(con)


@router.get("/articles", summary="Stored articles, newest first; `q` searches titles and text")
def api_articles(request: Request, q: Optional[str] = Query(None, description="words in the title or text"), limit: Optional[str] = Limit,
                 offset: Optional[str] = Offset):
    qq, lim, off = params.text_query(q), params.limit(limit), params.offset(offset)
    with cursor(request) as con:
        return data.articles(con, q=qq, limit=lim, offset=off)


@router.get("/articles/{article_id}", summary="One coded article: text, actors with mentions, events, quotes")
def api_article(request: Request, article_id: str = Path(..., description="sha256 of the text (hex), or a unique prefix")):
    aid = params.article_id(article_id)
    with cursor(request) as con:
        return views.article(con, aid)


@router.get("/actors", summary="Actors across articles (id = country code, Wikidata id or name slug)")
def api_actors(request: Request, q: Optional[str] = Query(None, description="part of a name"),
               country: Optional[str] = Query(None, description="country code of the actor"),
               kind: Optional[str] = Query(None, description="person | country | organization | group"),
               limit: Optional[str] = Limit, offset: Optional[str] = Offset):
    qq = params.text_query(q)
    c = params.code("country", country)
    if kind and kind not in ("person", "country", "organization", "group"):
        raise bad_param("kind", f"'{kind[:30]}' is not one of person, country, organization, group")
    lim, off = params.limit(limit), params.offset(offset)
    with cursor(request) as con:
        return data.actors(con, q=qq, country=c, kind=kind, limit=lim, offset=off)


@router.get("/actors/{actor_id}", summary="One actor: names, offices over time, events")
def api_actor(request: Request, actor_id: str = Path(..., description="country code (KAZ), Wikidata id, or name slug (aigerim-sadyk)")):
    key = params.actor_id(actor_id)
    with cursor(request) as con:
        return views.actor(con, key)


@router.get("/network", summary="The network of states: nodes and weighted edges")
def api_network(request: Request, since: Optional[str] = Since,
                until: Optional[str] = Query(None, description="up to this date (uses the store's reported events)"),
                limit: Optional[str] = Limit):
    s, u = params.date_range(since, until)
    lim = params.integer("limit", limit, 200, 1, params.MAX_LIMIT)
    with cursor(request) as con:
        return data.network(con, since=s, until=u, limit=lim)


@router.get("/dyads", summary="The most active dyads (edges of the network)")
def api_dyads(request: Request, limit: Optional[str] = Limit):
    lim = params.limit(limit, default=20)
    with cursor(request) as con:
        return {"items": data.top_dyads(con, limit=lim)}


@router.get("/dyads/{a}/{b}", summary="The relationship brief of a dyad (contract JSON)")
def api_dyad(request: Request, a: str = CodeA, b: str = CodeB, since: Optional[str] = Since):
    a, b = params.dyad_pair(a, b)
    s = params.date("since", since)
    with cursor(request) as con:
        return views.dyad(con, a, b, since=s, db=request.app.state.db)["brief"]


@router.get("/dyads/{a}/{b}/quotes", summary="What each side said, in articles about the dyad")
def api_dyad_quotes(request: Request, a: str = CodeA, b: str = CodeB):
    a, b = params.dyad_pair(a, b)
    with cursor(request) as con:
        return views.dyad(con, a, b, db=request.app.state.db)["quotes"]


@router.get("/dyads/{a}/{b}/{ledger}", summary="One part of the brief: visits, invitations, agreements, trend...")
def api_dyad_ledger(request: Request, a: str = CodeA, b: str = CodeB,
                    ledger: str = Path(..., description="one of " + ", ".join(LEDGERS)), since: Optional[str] = Since):
    a, b = params.dyad_pair(a, b)
    if ledger not in LEDGERS:
        raise bad_param("ledger", f"'{ledger[:30]}' is not one of {', '.join(LEDGERS)}")
    s = params.date("since", since)
    with cursor(request) as con:
        brief = views.dyad(con, a, b, since=s, db=request.app.state.db)["brief"]
    return {"dyad": [a, b], ledger: brief.get(ledger, [])}


@router.get("/search", summary="Events, articles and actors matching a text query")
def api_search(request: Request, q: Optional[str] = Query(None, description="words to look for"), limit: Optional[str] = Limit,
               offset: Optional[str] = Offset):
    f = params.event_filter(q=q)
    with cursor(request) as con:
        return views.search(con, f, params.limit(limit), params.offset(offset))


# ---------------------------------------------------------------- writing (opt-in)

INPUT_FIELDS = ("text", "url", "title", "published", "outlet", "language")


def check_token(request: Request) -> None:
    state = request.app.state
    if not state.allow_ingest:
        raise WebError(E304)
    given = request.headers.get("x-communique-token") or ""
    auth = request.headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), str(state.token).encode()):
        raise WebError(E.E301)


def parse_record(raw: bytes) -> dict:
    try:
        rec = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WebError(E.E005, path="request body", line=1, reason=str(exc)[:80]) from None
    if not isinstance(rec, dict):
        raise bad_param("body", "expected a JSON object with a 'text' field")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise WebError(E.E006, path="request body", line=1)
    for k in INPUT_FIELDS[1:]:
        if rec.get(k) is not None and not isinstance(rec[k], str):
            raise bad_param(k, "must be a string")
    if rec.get("published"):
        from ..pipeline import normalise_published
        rec["published"] = normalise_published(rec["published"])
    return rec


@router.post("/articles", status_code=201,
             summary="Code and store one article (needs --allow-ingest and the token)",
             description="Body: one input record of the contract: {text, url?, title?, published?, outlet?}. "
                         "Send the token as `Authorization: Bearer TOKEN` or `X-Communique-Token`. "
                         "Bodies over 2 MB are refused with 413.")
async def api_post_article(request: Request):
    check_token(request)
    raw = await request.body()
    rec = parse_record(raw)
    from starlette.concurrency import run_in_threadpool
    result = await run_in_threadpool(_code_and_store, request.app.state.db, rec)
    return JSONResponse(result, status_code=201 if result["created"] else 200)


def _code_and_store(db, rec: dict) -> dict:
    import communique
    meta = {k: rec.get(k) for k in ("url", "title", "outlet", "published")}
    extra = {k: v for k, v in rec.items() if k not in INPUT_FIELDS}
    coded = communique.extract(rec["text"], **meta)
    with db.write_lock:
        created = db.store.add_article(coded, metadata=extra or None)
    aid = coded.article.id
    return {"id": aid, "created": bool(created), "events": len(coded.events), "actors": len(coded.actors),
            "quotes": len(coded.quotes), "links": {"page": f"/articles/{aid}", "api": f"/api/articles/{aid}"}}
