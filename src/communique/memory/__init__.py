"""Relationship memory: one event from many reports, ledgers of visits, invitations and agreements,
dyad analytics and the relationship brief.

`refresh(con)` (re)builds every derived ``mem_*`` table from the store tables (articles, actors,
events, quotes): near-duplicate clusters (`dedup`), merged events (`merge`), the visit /
invitation / agreement ledgers (`ledgers`) and the monthly dyad pre-aggregates (`analytics`).
It is idempotent, commits step by step, and records a fingerprint of the store so that
`is_stale(con)` can tell whether it must run again (the ingest command calls it at the end of an
ingest, `communique relation` when stale).
"""
from __future__ import annotations

import json
import os
import re
import time
from typing import Any

MEMORY_VERSION = "5"

DERIVED_TABLES = ("mem_article_clusters", "mem_events", "mem_event_mentions", "mem_visits",
                  "mem_invitations", "mem_agreements", "mem_dyad_month", "mem_coverage_month")


def _fingerprint(con) -> str:
    n_art, last = con.execute("SELECT count(*), max(ingested_at)::VARCHAR FROM articles").fetchone()
    n_ev = con.execute("SELECT count(*) FROM events").fetchone()[0]
    n_act = con.execute("SELECT count(*) FROM actors").fetchone()[0]
    return json.dumps([MEMORY_VERSION, n_art, last, n_ev, n_act])


def _tables(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                      "WHERE table_schema = current_schema()").fetchall()}


def is_stale(con) -> bool:
    """True when the derived tables are missing or were built from a different store state."""
    tables = _tables(con)
    if "articles" not in tables:
        return False
    if "mem_state" not in tables or not set(DERIVED_TABLES) <= tables:
        return True
    row = con.execute("SELECT value FROM mem_state WHERE key = 'fingerprint'").fetchone()
    return row is None or row[0] != _fingerprint(con)


# DuckDB's buffer cache defaults to 80% of RAM; the rebuild spills its large joins, windows and sorts
# to disk instead of growing past this (a lower limit already set on the connection is kept), on one
# thread and without insertion order (each thread and ordered sink holds its own buffers)
REFRESH_MEMORY = os.environ.get("COMMUNIQUE_REFRESH_DUCKDB_MEMORY", "320MB")
_UNITS = {"": 1, "B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "KIB": 2**10, "MIB": 2**20,
          "GIB": 2**30, "TIB": 2**40}


def _bytes(setting: str) -> float:
    m = re.fullmatch(r"\s*([\d.]+)\s*([a-zA-Z]*)\s*", setting or "")
    return float(m[1]) * _UNITS.get(m[2].upper(), 1) if m else float("inf")


LEDGER_MEMORY = os.environ.get("COMMUNIQUE_LEDGER_DUCKDB_MEMORY", "192MB")


def _bound_memory(con) -> dict[str, str]:
    """Bound the connection for the rebuild; returns the settings to restore."""
    restore: dict[str, str] = {}
    wanted = {"threads": "1", "preserve_insertion_order": "false"}
    try:
        current = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        wanted["memory_limit"] = REFRESH_MEMORY if _bytes(REFRESH_MEMORY) < _bytes(current) else current
    except Exception:
        pass
    for key, value in wanted.items():
        try:
            restore[key] = str(con.execute(f"SELECT current_setting('{key}')").fetchone()[0])
            con.execute(f"SET {key} = '{value}'")
        except Exception:
            restore.pop(key, None)
    if restore.get("memory_limit") == _default_memory_limit():
        restore["memory_limit"] = "RESET"   # SET back from its rounded display would drift a little each time
    return restore


def _default_memory_limit() -> str:
    import duckdb
    with duckdb.connect() as scratch:
        return str(scratch.execute("SELECT current_setting('memory_limit')").fetchone()[0])


def _restore(con, restore: dict[str, str]) -> None:
    for key, value in restore.items():
        con.execute(f"RESET {key}" if value == "RESET" else f"SET {key} = '{value}'")


def refresh(con, force: bool = False) -> dict[str, Any]:
    """(Re)build the derived tables; returns counts and the time taken. Does nothing when fresh.

    The steps commit one by one (one transaction over all of them keeps every intermediate table
    in memory until the end: at 100k articles that ran out of a 320 MB DuckDB): the store's fingerprint is
    removed first and written last, so a rebuild that fails half-way leaves the memory marked
    stale and the next `ensure_fresh` builds it again.
    """
    from . import analytics, dedup, ledgers, merge
    t0 = time.perf_counter()
    if not force and not is_stale(con):
        return {"refreshed": False, "seconds": round(time.perf_counter() - t0, 3)}
    restore = _bound_memory(con)
    timings: dict[str, float] = {}

    def step(name, fn):
        t = time.perf_counter()
        out = fn(con)
        timings[name] = round(time.perf_counter() - t, 3)
        return out

    try:
        con.execute("CREATE TABLE IF NOT EXISTS mem_state (key VARCHAR PRIMARY KEY, value VARCHAR)")
        con.execute("DELETE FROM mem_state WHERE key = 'fingerprint'")
        clusters = step("dedup", dedup.cluster_articles)
        events = step("merge", merge.merge_events)
        # the ledgers are built in Python a chunk of dyads at a time and ask DuckDB for little: give
        # back the buffers the joins above needed (lowering the limit evicts them)
        if _bytes(LEDGER_MEMORY) < _bytes(con.execute("SELECT current_setting('memory_limit')").fetchone()[0]):
            con.execute(f"SET memory_limit = '{LEDGER_MEMORY}'")
        counts = step("ledgers", ledgers.build_ledgers)
        step("aggregates", analytics.build_aggregates)
        con.execute("INSERT OR REPLACE INTO mem_state VALUES ('fingerprint', ?)", [_fingerprint(con)])
    finally:
        _restore(con, restore)
    return {"refreshed": True, "clusters": clusters, "events": events, **counts,
            "seconds": round(time.perf_counter() - t0, 3), "timings": timings}


def ensure_fresh(con) -> dict[str, Any]:
    """Refresh when stale (used by the CLI and the web before reading the memory).

    On a read-only connection the memory is left as it is: ``{"refreshed": False, "read_only": True}``."""
    if not is_stale(con):
        return {"refreshed": False}
    import duckdb
    try:
        return refresh(con)
    except duckdb.Error as exc:
        if "read-only" in str(exc).lower() or "read only" in str(exc).lower():
            return {"refreshed": False, "read_only": True}
        raise


__all__ = ["refresh", "is_stale", "ensure_fresh", "DERIVED_TABLES", "MEMORY_VERSION"]
