"""Load the Parquet output of `communique spark-code` into the DuckDB store (idempotent).

The Spark job writes one Parquet dataset per store table (``DIR/articles``,
``DIR/actors``, ``DIR/mentions``, ``DIR/events``, ``DIR/quotes``), partitioned by
publication date (``published=YYYY-MM-DD`` folders), with the store's own column
names. Loading inserts, in one transaction, the articles the store does not have
yet and the rows of their child tables; articles already stored are left alone.
"""
from __future__ import annotations

from pathlib import Path
from typing import Union

CHILD_TABLES = ("actors", "mentions", "events", "quotes")
PARTITION_COLUMN = "published"


def _glob(directory: Path, table: str) -> str:
    return str(directory / table / "**" / "*.parquet").replace("'", "''")


def _columns(con, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()]


def _source_columns(con, src: str) -> list[str]:
    return [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()]


def _src(directory: Path, table: str) -> str:
    return (f"read_parquet('{_glob(directory, table)}', hive_partitioning = true, union_by_name = true, "
            f"hive_types_autocast = false)")


def load_parquet_dir(directory: Union[str, Path], db: Union[str, Path, None] = None, *, store=None) -> dict[str, int]:
    """Rows inserted per table. Opens the store at `db` unless an open `store` is given."""
    from ..store import Store

    directory = Path(directory)
    if not (directory / "articles").is_dir() or not any((directory / "articles").rglob("*.parquet")):
        raise FileNotFoundError(f"no articles Parquet dataset under {directory} (expected {directory}/articles/)")
    own = store is None
    st = Store(str(db)) if own else store
    con = st.con
    counts: dict[str, int] = {}
    try:
        con.execute("BEGIN TRANSACTION")
        src = _src(directory, "articles")
        have = set(_source_columns(con, src))
        cols = [c for c in _columns(con, "articles") if c in have]
        con.execute(f"CREATE OR REPLACE TEMP TABLE _new_ids AS SELECT DISTINCT id FROM {src} "
                    f"WHERE id NOT IN (SELECT id FROM articles)")
        sel = ", ".join(_cast(con, "articles", c) for c in cols)
        q = ", ".join(f'"{c}"' for c in cols)
        counts["articles"] = _insert(con, f'INSERT INTO articles ({q}) SELECT {sel} FROM (SELECT *, row_number() '
                                          f'OVER (PARTITION BY id) AS _rn FROM {src}) WHERE _rn = 1 AND id IN '
                                          f'(SELECT id FROM _new_ids)')
        for table in CHILD_TABLES:
            if not (directory / table).is_dir() or not any((directory / table).rglob("*.parquet")):
                counts[table] = 0
                continue
            tsrc = _src(directory, table)
            have = set(_source_columns(con, tsrc))
            cols = [c for c in _columns(con, table) if c in have]
            sel = ", ".join(_cast(con, table, c) for c in cols)
            q = ", ".join(f'"{c}"' for c in cols)
            counts[table] = _insert(con, f"INSERT INTO {table} ({q}) SELECT {sel} FROM {tsrc} "
                                         f"WHERE article_id IN (SELECT id FROM _new_ids)")
        con.execute("DROP TABLE IF EXISTS _new_ids")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        if own:
            st.close()
    return counts


def _cast(con, table: str, column: str) -> str:
    typ = con.execute("SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                      [table, column]).fetchone()[0]
    return f'CAST("{column}" AS {typ})'


def _insert(con, sql: str) -> int:
    res = con.execute(sql).fetchone()
    return int(res[0]) if res else 0
