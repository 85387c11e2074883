"""HTML pages. Each page renders the dict of a view function; `?format=json` returns that dict."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from . import charts, data, highlight, params, views

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, ctx: dict, api: str, json_body=None):
    """The page, or its JSON twin when `format=json`."""
    fmt = request.query_params.get("format")
    if fmt not in (None, "", "html", "json"):
        raise params.bad_param("format", "expected html or json")
    if fmt == "json":
        return JSONResponse(json_body if json_body is not None else ctx)
    tpl = request.app.state.templates
    return tpl.TemplateResponse(request, template, {**ctx, "api_url": api, "path": request.url.path})


def cursor(request: Request):
    return request.app.state.db.cursor()


@router.get("/", response_class=HTMLResponse)
def page_overview(request: Request):
    with cursor(request) as con:
        view = views.overview(con)
    ctx = {**view, "graph": charts.network_layout(view["network"])}
    return render(request, "overview.html", ctx, "/api/overview", json_body=view)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def page_dyad(request: Request, a: str, b: str, since: Optional[str] = Query(None)):
    a, b = params.dyad_pair(a, b)
    s = params.date("since", since)
    with cursor(request) as con:
        view = views.dyad(con, a, b, since=s, db=request.app.state.db)
    brief = view["brief"]
    ctx = {**view, "a": a, "b": b, "since": s, "chart": charts.trend_chart(brief.get("trend", [])),
           "events_shown": brief.get("events", [])[:100]}
    api = f"/api/dyads/{a}/{b}" + (f"?since={s}" if s else "")
    return render(request, "dyad.html", ctx, api, json_body=view)


@router.get("/articles", response_class=HTMLResponse)
def page_articles(request: Request, q: Optional[str] = Query(None), limit: Optional[str] = Query(None),
                  offset: Optional[str] = Query(None)):
    qq, lim, off = params.text_query(q), params.limit(limit), params.offset(offset)
    with cursor(request) as con:
        view = data.articles(con, q=qq, limit=lim, offset=off)
    return render(request, "articles.html", {"result": view, "q": qq or ""}, "/api/articles", json_body=view)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def page_article(request: Request, article_id: str):
    aid = params.article_id(article_id)
    with cursor(request) as con:
        coded = views.article(con, aid)
    text = coded["article"].get("text") or ""
    ctx = {"coded": coded, "segments": highlight.segments(text, coded),
           "colours": highlight.actor_colours(coded),
           "actor_names": {x["id"]: x["name"] for x in coded["actors"]},
           "actor_keys": {x["id"]: x["key"] for x in coded["actors"]}}
    return render(request, "article.html", ctx, f"/api/articles/{coded['article']['id']}", json_body=coded)


@router.get("/actors", response_class=HTMLResponse)
def page_actors(request: Request, q: Optional[str] = Query(None), limit: Optional[str] = Query(None),
                offset: Optional[str] = Query(None)):
    qq, lim, off = params.text_query(q), params.limit(limit), params.offset(offset)
    with cursor(request) as con:
        view = data.actors(con, q=qq, limit=lim, offset=off)
    return render(request, "actors.html", {"result": view, "q": qq or ""}, "/api/actors", json_body=view)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def page_actor(request: Request, actor_id: str):
    key = params.actor_id(actor_id)
    with cursor(request) as con:
        view = views.actor(con, key)
    return render(request, "actor.html", {"actor": view}, f"/api/actors/{key}", json_body=view)


@router.get("/search", response_class=HTMLResponse)
def page_search(request: Request, q: Optional[str] = Query(None), actor: Optional[str] = Query(None),
                dyad: Optional[str] = Query(None), type: Optional[str] = Query(None),
                quad_class: Optional[str] = Query(None), since: Optional[str] = Query(None),
                until: Optional[str] = Query(None), min_confidence: Optional[str] = Query(None),
                when: Optional[str] = Query(None), limit: Optional[str] = Query(None),
                offset: Optional[str] = Query(None)):
    f = params.event_filter(actor=actor, dyad=dyad, type=type, quad_class_=quad_class, since=since,
                            until=until, min_confidence=min_confidence, q=q, when_=when)
    lim, off = params.limit(limit), params.offset(offset)
    with cursor(request) as con:
        view = views.search(con, f, lim, off)
    form = {k: (v or "") for k, v in dict(q=q, actor=actor, dyad=dyad, type=type, quad_class=quad_class,
                                           since=since, until=until, min_confidence=min_confidence,
                                           when=when).items()}
    api = "/api/events?" + data_query(f.as_query(), lim, off)
    ctx = {**view, "form": form, "filters": f.as_query(), "limit": lim, "offset": off,
           "plover_types": params.PLOVER_TYPES, "when_values": params.WHEN_VALUES}
    return render(request, "search.html", ctx, api, json_body=view)


def data_query(filters: dict, limit: int, offset: int) -> str:
    from urllib.parse import urlencode
    return urlencode({**filters, "limit": limit, "offset": offset})
