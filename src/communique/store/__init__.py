"""The embedded DuckDB store: coded articles in tables derived from the data contract.

    from communique.store import Store
    with Store("build/demo.duckdb") as store:      # opens/creates; schema from communique.model
        store.add_article(coded)                   # True if new; False if already stored (idempotent)
        store.has_article(article_id) -> bool
        store.con                                  # the duckdb connection; read queries: store.queries

Rules:

- **Idempotent.** The article id is the sha256 of its text: the same text stored twice changes
  nothing the second time (`add_article` returns False).
- **One transaction per article.** Its rows in articles, actors, mentions, events and quotes (and
  the learned-actor records of `communique.store.learned`, when that module exists) are written
  in one transaction: an error or a crash mid-article rolls it back, so every stored article is
  whole and re-running the same ingest resumes where it stopped.
- **Concurrency.** DuckDB allows one *writer process* per database file (a second process that
  opens it for writing gets a lock error, reported as E201).  Many threads of the writer process
  may use cursors of `store.con`; other processes may open the file with ``read_only=True`` only
  while no process holds it for writing.  Parallel ingest therefore codes in worker processes
  and writes from one process.
"""
from __future__ import annotations

import datetime as _dt
import importlib
import json
import threading
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from ..errors import E, CommuniqueError
from ..model import CodedArticle
from . import schema

__all__ = ["Store", "open_store"]


def _learned_recorder():
    """`communique.store.learned.record(con, coded)` when the actors engineer's module exists."""
    try:
        mod = importlib.import_module(f"{__name__}.learned")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.learned":
            return None
        raise
    return getattr(mod, "record", None)


class Store:
    """One DuckDB file holding coded articles (see the module docstring for the rules)."""

    def __init__(self, path: Union[str, Path, None] = None, read_only: bool = False) -> None:
        import duckdb

        self.path = Path(path) if path not in (None, ":memory:") else None
        self.read_only = read_only
        target = str(self.path) if self.path is not None else ":memory:"
        if self.path is not None:
            if read_only and not self.path.exists():
                raise CommuniqueError(E.E201, path=self.path, reason="no such file")
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(target, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise CommuniqueError(E.E201, path=target, reason=_first_line(exc)) from None
        self._lock = threading.Lock()
        self._record_learned = _learned_recorder()
        if not read_only:
            schema.ensure_schema(self.con)
        else:
            missing = [t for t in schema.TABLES if not self._has_table(t)]
            if missing:
                self.con.close()
                raise CommuniqueError(E.E201, path=target,
                                      reason="not a communique database (missing tables: " + ", ".join(missing) + ")")

    # ---- context manager ---------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.con.close()
        except Exception:
            pass

    def _has_table(self, table: str) -> bool:
        return bool(self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = 'main'",
            [table]).fetchall()[0][0])

    # ---- writes ------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        # fetchall (not fetchone): leave no pending result on the connection (duckdb 2 refuses
        # some work while one is open)
        return bool(self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchall())

    def add_article(self, coded: CodedArticle, source_path: Optional[str] = None,
                    metadata: Optional[dict[str, Any]] = None) -> bool:
        """Store one coded article in one transaction; False (and no change) when already stored."""
        if self.read_only:
            raise CommuniqueError(E.E201, path=self.path, reason="opened read-only")
        aid = coded.article.id
        with self._lock:
            if self.has_article(aid):
                return False
            con = self.con
            con.execute("BEGIN TRANSACTION")
            try:
                self._insert(con, coded, source_path, metadata)
                if self._record_learned is not None:
                    self._record_learned(con, coded)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return True

    def add_articles(self, items: Iterable[CodedArticle], source_path: Optional[str] = None) -> int:
        """Store many articles, each in its own transaction; returns how many were new."""
        return sum(1 for c in items if self.add_article(c, source_path=source_path))

    def add_batch(self, entries: Iterable[Union[CodedArticle, tuple]]) -> list[bool]:
        """Store a batch of articles in ONE transaction, with one bulk insert per table.

        `entries` are `CodedArticle`s or ``(coded, source_path, metadata)`` tuples.  Returns, per
        entry, whether it was new (already stored ones and repeats inside the batch are skipped).
        All or nothing: an error rolls the whole batch back, so every stored article stays whole.
        Several times faster than `add_article` per article for large ingests (DuckDB pays a fixed
        cost per statement and per commit).
        """
        if self.read_only:
            raise CommuniqueError(E.E201, path=self.path, reason="opened read-only")
        items = [e if isinstance(e, tuple) else (e, None, None) for e in entries]
        items = [(c, *(tuple(rest) + (None, None))[:2]) for c, *rest in items]
        if not items:
            return []
        with self._lock:
            ids = [c.article.id for c, _, _ in items]
            known = {r[0] for r in self.con.execute(
                "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()}
            new: list[bool] = []
            todo = []
            for c, sp, md in items:
                fresh = c.article.id not in known
                new.append(fresh)
                if fresh:
                    known.add(c.article.id)
                    todo.append((c, sp, md))
            if not todo:
                return new
            con = self.con
            con.execute("BEGIN TRANSACTION")
            try:
                rows = _rows_for(todo)
                for table, table_rows in rows.items():
                    if table_rows:
                        con.executemany(schema.insert_sql(table), table_rows)
                if self._record_learned is not None:
                    for c, _, _ in todo:
                        self._record_learned(con, c)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return new

    def _insert(self, con, coded: CodedArticle, source_path: Optional[str],
                metadata: Optional[dict[str, Any]]) -> None:
        for table, rows in _rows_for([(coded, source_path, metadata)]).items():
            if len(rows) == 1:
                con.execute(schema.insert_sql(table), rows[0])
            elif rows:
                con.executemany(schema.insert_sql(table), rows)

    # ---- reads (thin wrappers; the functions live in store.queries) ---------------------
    def article(self, article_id: str) -> Optional[CodedArticle]:
        from .queries import article
        return article(self.con, article_id)

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in schema.TABLES}


def _rows_for(items: Iterable[tuple[CodedArticle, Optional[str], Optional[dict[str, Any]]]]
              ) -> dict[str, list[list[Any]]]:
    """The rows of every table for (coded, source_path, metadata) items, articles first."""
    now = _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)
    out: dict[str, list[list[Any]]] = {t: [] for t in ("articles", "actors", "events", "quotes", "mentions")}
    for coded, source_path, metadata in items:
        aid = coded.article.id
        extra = {"source_path": str(source_path) if source_path is not None else None,
                 "metadata": json.dumps(metadata, ensure_ascii=False, default=str) if metadata else None,
                 "ingested_at": now}
        out["articles"].append(schema.row_values("articles", coded, extra))
        key = {"article_id": aid}
        out["actors"] += [schema.row_values("actors", x, key) for x in coded.actors]
        out["events"] += [schema.row_values("events", x, key) for x in coded.events]
        out["quotes"] += [schema.row_values("quotes", x, key) for x in coded.quotes]
        out["mentions"] += [[aid, a.id, int(s), int(e)] for a in coded.actors for (s, e) in a.mentions]
    return out


def open_store(path: Union[str, Path], read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)


def _first_line(exc: BaseException) -> str:
    s = str(exc).strip().splitlines()
    return s[0] if s else type(exc).__name__
