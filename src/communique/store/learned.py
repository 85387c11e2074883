"""The living knowledge base: offices stated by the news, with first/last seen dates and articles.

``record(con, coded)`` is called by `Store.add_article` inside the article's transaction; it
stores every person actor with a country and a role ("Kazakh President Kassym-Jomart Tokayev").
A person seen under a new office gets a new row (a new dated term).  ``list_learned(con)`` returns
them; ``KnowledgeBase.add_learned(rows)`` merges them into the run-time KB so that later bare
mentions ("the Kazakh president") resolve to the person the news named.
"""
from __future__ import annotations

from typing import Any, Optional

from ..kb.names import norm

DDL = (
    """CREATE TABLE IF NOT EXISTS learned_offices (
        person_key VARCHAR, country VARCHAR, role VARCHAR, name VARCHAR, title VARCHAR, sector VARCHAR,
        cameo VARCHAR, wikidata VARCHAR, first_seen DATE, last_seen DATE,
        PRIMARY KEY (person_key, country, role))""",
    """CREATE TABLE IF NOT EXISTS learned_office_articles (
        person_key VARCHAR, country VARCHAR, role VARCHAR, article_id VARCHAR, published DATE,
        PRIMARY KEY (person_key, country, role, article_id))""",
)


def ensure(con) -> None:
    for stmt in DDL:
        con.execute(stmt)


def _exists(con) -> bool:
    q = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'learned_offices'"
    return bool(con.execute(q).fetchone()[0])


def _is_placeholder(a, country_name: Optional[str]) -> bool:
    """An office without a name ("Oman foreign minister") is not a learned person."""
    if a.title and a.name.lower().endswith(a.title.lower()) and len(a.name.split()) <= 5:
        return True
    return a.name.lower().startswith("former ")


def offices_of(coded) -> list[dict[str, Any]]:
    out = []
    for a in coded.actors:
        if a.kind != "person" or not a.country or not a.role or a.role.startswith("former"):
            continue
        if _is_placeholder(a, None):
            continue
        out.append({"person_key": norm(a.name), "country": a.country, "role": a.role, "name": a.name,
                    "title": a.title, "sector": a.sector, "cameo": a.cameo, "wikidata": a.wikidata})
    return out


_UPSERT_OFFICES = """INSERT INTO learned_offices VALUES {values}
   ON CONFLICT (person_key, country, role) DO UPDATE SET
     first_seen = CASE WHEN excluded.first_seen IS NULL THEN learned_offices.first_seen
                       WHEN learned_offices.first_seen IS NULL THEN excluded.first_seen
                       ELSE least(learned_offices.first_seen, excluded.first_seen) END,
     last_seen = CASE WHEN excluded.last_seen IS NULL THEN learned_offices.last_seen
                      WHEN learned_offices.last_seen IS NULL THEN excluded.last_seen
                      ELSE greatest(learned_offices.last_seen, excluded.last_seen) END,
     title = coalesce(learned_offices.title, excluded.title),
     wikidata = coalesce(learned_offices.wikidata, excluded.wikidata)"""
_INSERT_ARTICLES = "INSERT INTO learned_office_articles VALUES {values} ON CONFLICT DO NOTHING"


def _merged(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per (person, country, role): what upserting the rows one by one would leave.

    The first row's name/sector/cameo stay; title and wikidata are the first ones given (the
    upsert keeps an existing value); the dates are the article's, the same for every row."""
    out: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        key = (r["person_key"], r["country"], r["role"])
        seen = out.get(key)
        if seen is None:
            out[key] = dict(r)
        else:
            seen["title"] = seen["title"] if seen["title"] is not None else r["title"]
            seen["wikidata"] = seen["wikidata"] if seen["wikidata"] is not None else r["wikidata"]
    return list(out.values())


def record(con, coded) -> int:
    """Store the offices stated in one coded article; returns how many (person, office) pairs.

    Two statements per article whatever the number of offices (one upsert, one insert of a
    VALUES list); an article that states no office costs no query at all (`list_learned`
    treats missing tables as empty)."""
    rows = offices_of(coded)
    if not rows:
        return 0
    con.execute(";\n".join(DDL))
    published = coded.article.published
    merged = _merged(rows)
    params: list = []
    for r in merged:
        params += [r["person_key"], r["country"], r["role"], r["name"], r["title"], r["sector"], r["cameo"],
                   r["wikidata"], published, published]
    con.execute(_UPSERT_OFFICES.format(values=", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(merged))),
                params)
    params = []
    for r in merged:
        params += [r["person_key"], r["country"], r["role"], coded.article.id, published]
    con.execute(_INSERT_ARTICLES.format(values=", ".join(["(?, ?, ?, ?, ?)"] * len(merged))), params)
    return len(rows)


def list_learned(con, country: Optional[str] = None) -> list[dict[str, Any]]:
    """Learned offices with first/last seen and the number of articles that stated them."""
    if not _exists(con):
        return []
    sql = """SELECT o.name, o.country, o.role, o.title, o.sector, o.cameo, o.wikidata,
                    CAST(o.first_seen AS VARCHAR) AS fs, CAST(o.last_seen AS VARCHAR) AS ls,
                    (SELECT count(*) FROM learned_office_articles a
                      WHERE a.person_key = o.person_key AND a.country = o.country AND a.role = o.role) AS n
             FROM learned_offices o
             {where}
             ORDER BY o.country, o.role, o.first_seen, o.name"""
    params: list = []
    where = ""
    if country:
        where, params = "WHERE o.country = ?", [country.upper()]
    cols = ["name", "country", "role", "title", "sector", "cameo", "wikidata", "first_seen", "last_seen",
            "articles"]
    return [dict(zip(cols, r)) for r in con.execute(sql.format(where=where), params).fetchall()]


def load_into_kb(con, kb=None) -> int:
    """Merge the learned offices of a store into a KnowledgeBase (default: the process-wide one).

    Call once before coding a batch (e.g. at the start of an ingest) so that bare mentions resolve
    to the holders the news named; returns the number of new terms."""
    from ..kb import KnowledgeBase
    kb = kb or KnowledgeBase.default()
    return kb.add_learned(list_learned(con))


__all__ = ["record", "list_learned", "ensure", "offices_of", "load_into_kb"]
