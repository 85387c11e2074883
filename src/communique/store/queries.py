"""Read queries over the store, as functions of a DuckDB connection (CLI, web and memory share them).

Events come from the view ``events_v`` (events + their article's published/url/title/outlet, a
canonical ``dyad`` "AAA-BBB" with the codes in alphabetical order, and ``day``: the event's own
date when it is a full day, a month or year padded to its first day, else the article's
publication date).  Time filters (`since`, `until`, inclusive, ``YYYY[-MM[-DD]]``) apply to ``day``.
Every function returns plain dicts (JSON-ready: dates as ISO strings).
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any, Iterable, Optional, Sequence, Union

from ..errors import E, CommuniqueError
from ..model import CodedArticle
from . import schema

_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")
_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# ---- argument parsing -----------------------------------------------------------------------


def like(text: str) -> str:
    """A `%...%` ILIKE pattern matching `text` literally (``%``, ``_`` and ``\\`` escaped)."""
    t = str(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{t}%"

def parse_dyad(value: Union[str, Sequence[str]]) -> tuple[str, str]:
    """'KAZ-OMN' / 'kaz,omn' / ('KAZ', 'OMN') -> ('KAZ', 'OMN'); E203 otherwise."""
    if isinstance(value, str):
        parts = [p for p in re.split(r"[-,/: ]+", value.strip().upper()) if p]
    else:
        parts = [str(p).strip().upper() for p in value]
    if len(parts) != 2 or not all(_CODE.match(p) for p in parts) or parts[0] == parts[1]:
        raise CommuniqueError(E.E203, value=value if isinstance(value, str) else "-".join(map(str, value)))
    return parts[0], parts[1]


def dyad_key(a: str, b: str) -> str:
    return "-".join(sorted((a.upper(), b.upper())))


def parse_day(value: Union[str, _dt.date, None], *, end: bool = False) -> Optional[str]:
    """'2025', '2025-03', '2025-03-04' or a date -> 'YYYY-MM-DD' (first day, or last day when `end`)."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    s = str(value).strip()
    if not _DAY.match(s):
        raise CommuniqueError(E.E103, value=s)
    try:
        if len(s) == 4:
            return f"{s}-12-31" if end else f"{s}-01-01"
        if len(s) == 7:
            y, m = int(s[:4]), int(s[5:])
            first = _dt.date(y, m, 1)
            if not end:
                return first.isoformat()
            nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
            return (nxt - _dt.timedelta(days=1)).isoformat()
        return _dt.date.fromisoformat(s).isoformat()
    except ValueError:
        raise CommuniqueError(E.E103, value=s) from None


# ---- helpers --------------------------------------------------------------------------------

def _rows(cur) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [{k: _plain(v) for k, v in zip(names, r)} for r in cur.fetchall()]


def _plain(v: Any) -> Any:
    if isinstance(v, (_dt.datetime, _dt.date)):
        return v.isoformat()
    if isinstance(v, tuple):
        return list(v)
    return v


def event_where(**filters) -> tuple[str, list[Any]]:
    """(SQL condition over events_v, parameters) for the filters of `events`."""
    return _event_filters(**filters)


def _event_filters(dyad=None, actor=None, plover_type=None, quad_class=None, since=None, until=None,
                   min_confidence=None, q=None, modality=None, article_id=None) -> tuple[str, list[Any]]:
    where, params = ["TRUE"], []
    if dyad is not None:
        a, b = parse_dyad(dyad)
        # spelled out on the two columns (not on the computed `dyad`) so DuckDB pushes it into the scan
        where.append("((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))")
        params += [a, b, b, a]
    if actor:
        code = str(actor).strip()
        if _CODE.match(code.upper()) and code.upper() == code:
            # a country / IGO code, or a CAMEO actor code prefix (KAZGOV)
            where.append("(source_country = ? OR target_country = ? OR starts_with(source_cameo, ?) "
                         "OR starts_with(target_cameo, ?))")
            params += [code, code, code, code]
        else:
            where.append("(source_name ILIKE ? ESCAPE '\\' OR target_name ILIKE ? ESCAPE '\\')")
            params += [like(code), like(code)]
    if plover_type:
        types = [t.strip().upper() for t in str(plover_type).split(",") if t.strip()]
        where.append("plover_type IN (" + ", ".join("?" for _ in types) + ")")
        params += types
    if quad_class is not None:
        where.append("cameo_quad_class = ?")
        params.append(int(quad_class))
    if since:
        where.append("day >= ?")
        params.append(parse_day(since))
    if until:
        where.append("day <= ?")
        params.append(parse_day(until, end=True))
    if min_confidence is not None:
        where.append("confidence >= ?")
        params.append(float(min_confidence))
    if q:
        where.append("(evidence_text ILIKE ? ESCAPE '\\' OR trigger ILIKE ? ESCAPE '\\' OR source_name ILIKE ? ESCAPE '\\' OR target_name ILIKE ? ESCAPE '\\' "
                     "OR title ILIKE ? ESCAPE '\\')")
        params += [like(q)] * 5
    if modality:
        where.append("modality = ?")
        params.append(modality)
    if article_id:
        where.append("article_id = ?")
        params.append(article_id)
    return " AND ".join(where), params


# ---- events ---------------------------------------------------------------------------------

def events(con, dyad=None, actor=None, plover_type=None, quad_class=None, since=None, until=None,
           min_confidence=None, q=None, *, modality=None, article_id=None, limit: Optional[int] = 100,
           offset: int = 0, order: str = "asc") -> list[dict[str, Any]]:
    """Events matching the filters, in time order (``order='desc'`` for newest first)."""
    where, params = _event_filters(dyad, actor, plover_type, quad_class, since, until, min_confidence, q,
                                   modality, article_id)
    direction = "DESC" if str(order).lower() == "desc" else "ASC"
    sql = (f"SELECT * FROM events_v WHERE {where} "
           f"ORDER BY day {direction} NULLS LAST, published {direction}, article_id, "
           f"TRY_CAST(substr(id, 2) AS INTEGER), id")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return _rows(con.execute(sql, params))


def iter_events(con, dyad=None, actor=None, plover_type=None, quad_class=None, since=None, until=None,
                min_confidence=None, q=None, *, modality=None, article_id=None, chunk: int = 5000):
    """Every matching event, in time order, streamed in chunks (exports of large stores)."""
    where, params = _event_filters(dyad, actor, plover_type, quad_class, since, until, min_confidence, q,
                                   modality, article_id)
    cur = con.cursor() if hasattr(con, "cursor") else con
    cur.execute(f"SELECT * FROM events_v WHERE {where} ORDER BY day NULLS LAST, published, article_id, "
                f"TRY_CAST(substr(id, 2) AS INTEGER), id", params)
    names = [d[0] for d in cur.description]
    while True:
        batch = cur.fetchmany(chunk)
        if not batch:
            break
        for r in batch:
            yield {k: _plain(v) for k, v in zip(names, r)}


def count_events(con, dyad=None, actor=None, plover_type=None, quad_class=None, since=None, until=None,
                 min_confidence=None, q=None, *, modality=None, article_id=None) -> int:
    where, params = _event_filters(dyad, actor, plover_type, quad_class, since, until, min_confidence, q,
                                   modality, article_id)
    return con.execute(f"SELECT count(*) FROM events_v WHERE {where}", params).fetchall()[0][0]


def relation_events(con, a: str, b: str, since=None, until=None, *, modality: Optional[str] = None
                    ) -> list[dict[str, Any]]:
    """Every event between `a` and `b`, both directions, in time order."""
    a, b = parse_dyad((a, b))
    return events(con, dyad=(a, b), since=since, until=until, modality=modality, limit=None)


def top_dyads(con, limit: int = 10, *, since=None, until=None, modality: Optional[str] = "reported"
              ) -> list[dict[str, Any]]:
    """The most active pairs of states: events, articles, mean Goldstein, first and last day."""
    where, params = _event_filters(since=since, until=until, modality=modality)
    sql = (f"SELECT dyad, min(day) AS first, max(day) AS last, count(*) AS events, "
           f"count(DISTINCT article_id) AS articles, round(avg(cameo_goldstein), 2) AS goldstein, "
           f"sum(CASE WHEN cameo_quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperative, "
           f"sum(CASE WHEN cameo_quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflictual "
           f"FROM events_v WHERE dyad IS NOT NULL AND {where} GROUP BY dyad "
           f"ORDER BY events DESC, articles DESC, dyad LIMIT ?")
    out = _rows(con.execute(sql, params + [int(limit)]))
    for r in out:
        r["a"], r["b"] = r["dyad"].split("-", 1)
    return out


# ---- actors ---------------------------------------------------------------------------------

def actors(con, country: Optional[str] = None, kind: Optional[str] = None, q: Optional[str] = None,
           role: Optional[str] = None, limit: Optional[int] = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Actors aggregated over articles (same name, kind and country), most mentioned first."""
    where, params = ["TRUE"], []
    if country:
        where.append("x.country = ?")
        params.append(country.upper())
    if kind:
        where.append("x.kind = ?")
        params.append(kind)
    if role:
        where.append("x.role ILIKE ? ESCAPE '\\'")
        params.append(like(role))
    if q:
        where.append("(x.name ILIKE ? ESCAPE '\\' OR x.title ILIKE ? ESCAPE '\\' OR x.role ILIKE ? ESCAPE '\\')")
        params += [like(q)] * 3
    sql = (f"SELECT x.name, x.kind, x.country, mode(x.sector) AS sector, mode(x.role) AS role, "
           f"mode(x.title) AS title, mode(x.cameo) AS cameo, max(x.wikidata) AS wikidata, "
           f"count(DISTINCT x.article_id) AS articles, "
           f"coalesce(sum(m.n), 0) AS mentions, CAST(min(a.published) AS VARCHAR) AS first_seen, "
           f"CAST(max(a.published) AS VARCHAR) AS last_seen "
           f"FROM actors x JOIN articles a ON a.id = x.article_id "
           f"LEFT JOIN (SELECT article_id, actor_id, count(*) AS n FROM mentions GROUP BY ALL) m "
           f"  ON m.article_id = x.article_id AND m.actor_id = x.id "
           f"WHERE {' AND '.join(where)} GROUP BY x.name, x.kind, x.country "
           f"ORDER BY articles DESC, mentions DESC, x.name")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return _rows(con.execute(sql, params))


# ---- one article ----------------------------------------------------------------------------

def article(con, article_id: str) -> Optional[CodedArticle]:
    """The stored article rebuilt as a `CodedArticle` (None when absent)."""
    cur = con.execute("SELECT * FROM articles WHERE id = ?", [article_id])
    rows = _rows(cur)
    if not rows:
        return None
    arow = rows[0]
    d = schema.nest("articles", arow, drop=())
    art = d["article"]
    if isinstance(art.get("published"), str):
        art["published"] = art["published"][:10]
    spans: dict[str, list[list[int]]] = {}
    for actor_id, s, e in con.execute('SELECT actor_id, start, "end" FROM mentions WHERE article_id = ? '
                                      'ORDER BY start, "end"', [article_id]).fetchall():
        spans.setdefault(actor_id, []).append([s, e])
    acts = []
    for r in _rows(con.execute("SELECT * FROM actors WHERE article_id = ?", [article_id])):
        a = schema.nest("actors", r)
        a["mentions"] = spans.get(a["id"], [])
        acts.append(a)
    evs = [schema.nest("events", r) for r in _rows(con.execute(
        "SELECT * FROM events WHERE article_id = ?", [article_id]))]
    qs = [schema.nest("quotes", r) for r in _rows(con.execute(
        "SELECT * FROM quotes WHERE article_id = ?", [article_id]))]
    key = lambda x: (int(x["id"][1:]) if x["id"][1:].isdigit() else 10**9, x["id"])  # noqa: E731
    d.update(actors=sorted(acts, key=key), events=sorted(evs, key=key), quotes=sorted(qs, key=key))
    for k in ("sectors", "contexts"):
        d[k] = d.get(k) or []
    return CodedArticle.from_dict(d | {"article": art | {"text": d.get("text")}})


def article_meta(con, article_id: str) -> Optional[dict[str, Any]]:
    """The article row without its text (plus metadata decoded)."""
    rows = _rows(con.execute("SELECT * EXCLUDE (text) FROM articles WHERE id = ?", [article_id]))
    if not rows:
        return None
    r = rows[0]
    if isinstance(r.get("metadata"), str):
        try:
            r["metadata"] = json.loads(r["metadata"])
        except ValueError:
            pass
    return r


# ---- totals ---------------------------------------------------------------------------------

def stats(con) -> dict[str, Any]:
    """Counts of every table, the time span, events by PLOVER type and quad class, countries."""
    out: dict[str, Any] = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in schema.TABLES}
    first, last = con.execute("SELECT CAST(min(published) AS VARCHAR), CAST(max(published) AS VARCHAR) "
                              "FROM articles").fetchall()[0]
    out["published_first"], out["published_last"] = first, last
    out["dyads"] = con.execute("SELECT count(DISTINCT dyad) FROM events_v WHERE dyad IS NOT NULL").fetchall()[0][0]
    out["countries"] = con.execute(
        "SELECT count(DISTINCT c) FROM (SELECT source_country AS c FROM events UNION "
        "SELECT target_country FROM events) WHERE c IS NOT NULL").fetchall()[0][0]
    out["articles_with_events"] = con.execute("SELECT count(DISTINCT article_id) FROM events").fetchall()[0][0]
    out["events_by_type"] = dict(con.execute(
        "SELECT coalesce(plover_type, '?'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
    out["events_by_quad_class"] = {str(k): v for k, v in con.execute(
        "SELECT cameo_quad_class, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()}
    out["events_by_modality"] = dict(con.execute(
        "SELECT coalesce(modality, '?'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
    return out


def known_codes(con) -> set[str]:
    """Every country / IGO code that appears as a source or target."""
    return {r[0] for r in con.execute("SELECT source_country FROM events WHERE source_country IS NOT NULL UNION "
                                      "SELECT target_country FROM events WHERE target_country IS NOT NULL").fetchall()}


def articles(con, q: Optional[str] = None, limit: Optional[int] = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Stored articles, newest first (title/text search with `q`)."""
    where, params = "TRUE", []
    if q:
        where, params = "(title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\')", [like(q), like(q)]
    sql = (f"SELECT a.id, a.url, a.title, a.outlet, CAST(a.published AS VARCHAR) AS published, "
           f"a.dateline_place, a.dateline_country, a.source_path, "
           f"(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events "
           f"FROM articles a WHERE {where} ORDER BY a.published DESC NULLS LAST, a.id")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return _rows(con.execute(sql, params))


__all__ = ["parse_dyad", "dyad_key", "parse_day", "events", "iter_events", "count_events", "event_where", "relation_events", "top_dyads",
           "actors", "article", "article_meta", "stats", "known_codes", "articles"]
