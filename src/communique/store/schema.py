"""DuckDB tables derived from the data contract (`communique.model`).

Every table is computed from the frozen dataclasses by flattening nested
dataclass fields with ``_`` (``Event.source.country`` -> ``source_country``,
``Event.cameo.goldstein`` -> ``cameo_goldstein``); the contract field ``when``
becomes the column ``modality`` (``when`` is an SQL keyword).  A field added to
`model.py` therefore becomes a column here, and `ensure_schema` adds it to an
existing database file (``ALTER TABLE ... ADD COLUMN``).

Each table is a list of `Column(name, sql_type, path)`: `path` is the attribute
path inside the dataclass the row comes from, so the same description both
writes rows (`row_values`) and rebuilds nested dicts from rows (`nest`).
"""
from __future__ import annotations

import types
import typing
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Iterable, Optional, Sequence

from ..model import Actor, ArticleMeta, Event, Quote

SCHEMA_VERSION = 1

RENAME = {"when": "modality"}     # contract field -> column name
_SQL = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    path: tuple[str, ...] = ()     # attribute path in the source object; () = supplied by the store

    def ddl(self) -> str:
        return f"{quote_ident(self.name)} {self.type}"


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _unwrap(tp: Any) -> Any:
    """Optional[X] -> X."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _sql_type(tp: Any) -> str:
    tp = _unwrap(tp)
    if typing.get_origin(tp) in (tuple, list):
        args = [a for a in typing.get_args(tp) if a is not Ellipsis]
        if args and _unwrap(args[0]) is str:
            return "VARCHAR[]"
        raise TypeError(f"no column type for {tp!r}")
    if tp in _SQL:
        return _SQL[tp]
    raise TypeError(f"no column type for {tp!r}")


def flatten(cls: type, prefix: tuple[str, ...] = (), *, exclude: Sequence[str] = (),
            overrides: Optional[dict[str, str]] = None, under: tuple[str, ...] = ()) -> list[Column]:
    """Columns of a dataclass, nested dataclasses flattened with `_`.

    `under` is a path prefix that does not enter column names (the ArticleMeta read from
    ``coded.article``)."""
    hints = typing.get_type_hints(cls)
    out: list[Column] = []
    for f in fields(cls):
        if not prefix and f.name in exclude:
            continue
        tp = _unwrap(hints[f.name])
        path = prefix + (f.name,)
        if is_dataclass(tp):
            out.extend(flatten(tp, path, overrides=overrides, under=under))
            continue
        name = "_".join(RENAME.get(p, p) for p in path)
        sql = (overrides or {}).get(name) or _sql_type(tp)
        out.append(Column(name, sql, under + path))
    return out


# ---- the tables ---------------------------------------------------------------------------

# articles: ArticleMeta (from `coded.article`), then fields of CodedArticle, then store columns
ARTICLES: list[Column] = (
    flatten(ArticleMeta, overrides={"published": "DATE"}, under=("article",))
    + [Column("text", "VARCHAR", ("text",)),
       Column("sectors", "VARCHAR[]", ("sectors",)),
       Column("contexts", "VARCHAR[]", ("contexts",)),
       Column("source_path", "VARCHAR"),
       Column("metadata", "JSON"),
       Column("ingested_at", "TIMESTAMP")]
)

_AID = Column("article_id", "VARCHAR")
ACTORS: list[Column] = [_AID] + flatten(Actor, exclude=("mentions",))
MENTIONS: list[Column] = [_AID, Column("actor_id", "VARCHAR"), Column("start", "INTEGER"), Column("end", "INTEGER")]
EVENTS: list[Column] = [_AID] + flatten(Event)
QUOTES: list[Column] = [_AID] + flatten(Quote)

TABLES: dict[str, list[Column]] = {
    "articles": ARTICLES, "actors": ACTORS, "mentions": MENTIONS, "events": EVENTS, "quotes": QUOTES,
}
# Only the article id is a key. An article's rows (actors, mentions, events, quotes) are written in
# the article's own transaction, once (`Store.add_article` checks the id first), and their ids are
# numbered within the article, so (article_id, id) is unique without an index. Indexes on those
# child tables cost memory on every insert (DuckDB keeps them resident: ~2 KB per article, 200 MB
# at 100k articles) and no query needs them (joins are hash joins).
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {"articles": ("id",)}

# Events with their article's date/url/outlet, a canonical dyad and an effective day (for filters
# and time order): the event's own date when it is a full day, a month/year padded to its first
# day, else the article's publication date.
DAY_SQL = ("CASE WHEN regexp_matches(e.date, '^\\d{4}-\\d{2}-\\d{2}$') THEN e.date "
           "WHEN regexp_matches(e.date, '^\\d{4}-\\d{2}$') THEN e.date || '-01' "
           "WHEN regexp_matches(e.date, '^\\d{4}$') THEN e.date || '-01-01' "
           "ELSE CAST(a.published AS VARCHAR) END")
EVENTS_VIEW = f"""
CREATE OR REPLACE VIEW events_v AS
SELECT e.*, a.published, a.url, a.title, a.outlet,
       {DAY_SQL} AS day,
       CASE WHEN e.source_country IS NOT NULL AND e.target_country IS NOT NULL
                 AND e.source_country <> e.target_country
            THEN least(e.source_country, e.target_country) || '-' || greatest(e.source_country, e.target_country)
       END AS dyad
FROM events e JOIN articles a ON a.id = e.article_id
"""

META_DDL = "CREATE TABLE IF NOT EXISTS communique_meta (key VARCHAR PRIMARY KEY, value VARCHAR)"


def create_table_sql(table: str) -> str:
    cols = [c.ddl() for c in TABLES[table]]
    pk = PRIMARY_KEYS.get(table)
    if pk:
        cols.append("PRIMARY KEY (" + ", ".join(quote_ident(c) for c in pk) + ")")
    return f"CREATE TABLE IF NOT EXISTS {table} (" + ", ".join(cols) + ")"


def ddl() -> list[str]:
    """Every statement that creates the schema (idempotent)."""
    return [create_table_sql(t) for t in TABLES] + [META_DDL, EVENTS_VIEW]


def ensure_schema(con) -> None:
    """Create missing tables, add columns that model.py gained since the file was created."""
    for t in TABLES:
        con.execute(create_table_sql(t))
        have = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main'",
            [t]).fetchall()}
        for c in TABLES[t]:
            if c.name not in have:
                con.execute(f"ALTER TABLE {t} ADD COLUMN {c.ddl()}")
    con.execute(META_DDL)
    con.execute(EVENTS_VIEW)
    con.execute("INSERT OR REPLACE INTO communique_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])


def column_names(table: str) -> list[str]:
    return [c.name for c in TABLES[table]]


def insert_sql(table: str) -> str:
    cols = TABLES[table]
    return (f"INSERT INTO {table} (" + ", ".join(quote_ident(c.name) for c in cols) + ") VALUES ("
            + ", ".join("?" for _ in cols) + ")")


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for p in path:
        if obj is None:
            return None
        obj = getattr(obj, p)
    if isinstance(obj, tuple):
        return list(obj)
    return obj


def row_values(table: str, obj: Any, extra: Optional[dict[str, Any]] = None) -> list[Any]:
    """The row of `table` for `obj`; columns without a path come from `extra`."""
    extra = extra or {}
    return [extra.get(c.name) if not c.path else _get(obj, c.path) for c in TABLES[table]]


def nest(table: str, row: dict[str, Any], drop: Iterable[str] = ("article_id",)) -> dict[str, Any]:
    """Rebuild the nested dict of the source object from a flat row (inverse of `row_values`)."""
    out: dict[str, Any] = {}
    skip = set(drop)
    for c in TABLES[table]:
        if not c.path or c.name in skip or c.name not in row:
            continue
        d = out
        for p in c.path[:-1]:
            d = d.setdefault(p, {})
        d[c.path[-1]] = row[c.name]
    return out
