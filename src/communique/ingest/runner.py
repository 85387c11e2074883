"""The ingest loop: read -> dedupe against the store -> code (in parallel) -> store, resumably.

- Dedupe: the article id is the sha256 of the text (`communique.assemble.article_id`);
  an article already in the store is not coded again.
- Parallel: ``workers >= 1`` codes batches in that many worker processes (forked from a
  server that loaded the pipeline once, recycled every few thousand articles); the single
  DuckDB writer stays in this (parent) process. ``workers == 0`` codes in this process.
  At most ``3 * workers`` batches are in flight, so memory stays constant however long the input.
- Resumable: every article is stored in its own transaction, so after a ``kill -9``
  the same command again codes only what is missing and every article ends up
  stored exactly once.
- Bad input never stops the run: each error is reported in one line (``on_error``)
  and counted; non-English records are counted apart.
"""
from __future__ import annotations

import collections
import multiprocessing as mp
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

from ..errors import InputError
from .readers import input_size, read_path
from .records import NotEnglish

PIPELINE_KEYS = ("text", "url", "title", "published", "outlet", "language")
BATCH_SIZE = 16
BATCH_TIMEOUT = int(os.environ.get("COMMUNIQUE_BATCH_TIMEOUT", "900"))  # seconds per batch in a worker
RECYCLE_ARTICLES = int(os.environ.get("COMMUNIQUE_WORKER_RECYCLE", "5000"))  # articles per worker life
START_METHOD = os.environ.get("COMMUNIQUE_START_METHOD", "forkserver")     # or fork / spawn


@dataclass
class IngestSummary:
    read: int = 0            # records read from the inputs
    stored: int = 0          # new articles stored
    duplicates: int = 0      # already in the store (or repeated in the input)
    non_english: int = 0     # skipped: not English
    errors: int = 0          # bad inputs and articles that failed to code
    seconds: float = 0.0     # the whole ingest, the memory rebuild included
    refresh_seconds: float = 0.0   # the relationship-memory rebuild at the end
    error_messages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.errors == 0

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (f"{self.read} records read: {self.stored} new articles stored, {self.duplicates} already "
                f"stored, {self.non_english} non-English skipped, {self.errors} errors "
                f"({self.seconds:.1f}s, {self.rate:.1f} articles/s"
                + (f"; relationship memory rebuilt in {self.refresh_seconds:.1f}s" if self.refresh_seconds else "")
                + ")")


# --- worker side -----------------------------------------------------------------------------

def _init_worker() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from .. import pipeline
    pipeline.get_pipeline()


def code_batch(records: Sequence[dict]) -> list:
    """CodedArticle for each record, or the error message (str) for one that failed to code."""
    import communique
    try:
        return list(communique.extract_many(records, batch_size=max(1, len(records))))
    except Exception:
        out: list = []
        for r in records:  # isolate the record that breaks the batch
            try:
                out.append(communique.extract(r["text"], published=r.get("published"), url=r.get("url"),
                                              title=r.get("title"), outlet=r.get("outlet")))
            except Exception as exc:
                out.append(f"coding failed ({type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''})")
        return out


# --- parent side -----------------------------------------------------------------------------

def _batches(items: Iterable[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def make_pool(workers: int, batch_size: int = BATCH_SIZE):
    """A pool of `workers` coding processes, or None (``workers == 0``) to code in this process.

    Workers come from a forkserver that has loaded the pipeline once (`_preload`), so they
    start fast and share the model's memory; none inherits this process's DuckDB handle.
    Each worker is replaced after coding about `RECYCLE_ARTICLES` articles: spaCy's
    vocabulary grows with every new word it reads, a fresh worker starts small again.
    """
    if workers <= 0:
        return None
    methods = mp.get_all_start_methods()
    method = START_METHOD if START_METHOD in methods else ("forkserver" if "forkserver" in methods else "spawn")
    ctx = mp.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["communique.ingest._preload"])
    return ctx.Pool(workers, initializer=_init_worker,
                    maxtasksperchild=max(1, RECYCLE_ARTICLES // max(batch_size, 1)))


def _payload(batch: list[dict]) -> list[dict]:
    return [{k: r.get(k) for k in PIPELINE_KEYS} for r in batch]


def _coded_stream(batches: Iterator[list[dict]], pool, workers: int) -> Iterator[tuple[list[dict], list]]:
    """(batch, results) in input order; in-process, or over the pool with a bounded window."""
    if pool is None:
        for b in batches:
            yield b, code_batch(_payload(b))
        return
    pending: collections.deque = collections.deque()

    def result(bb, res):
        try:
            return res.get(timeout=BATCH_TIMEOUT)
        except mp.TimeoutError:  # a worker died (killed, out of memory) or hangs: report, go on
            return [f"coding timed out after {BATCH_TIMEOUT}s (worker lost?)"] * len(bb)

    for b in batches:
        pending.append((b, pool.apply_async(code_batch, (_payload(b),))))
        while len(pending) >= 3 * workers:
            bb, res = pending.popleft()
            yield bb, result(bb, res)
    while pending:
        bb, res = pending.popleft()
        yield bb, result(bb, res)


def ingest(paths: Sequence[Union[str, Path]], db: Union[str, Path, None] = None, *, store=None,
           workers: int = 0, fetch: bool = False, limit: Optional[int] = None,
           batch_size: int = BATCH_SIZE, english_only: bool = True,
           on_error: Optional[Callable[[str], None]] = None,
           progress: Optional[object] = None,
           items: Optional[Iterable[Union[dict, InputError]]] = None,
           refresh_memory: bool = True) -> IngestSummary:
    """Code every record under `paths` into the store at `db` (or the open `store`).

    `items`: records (dicts of the input contract, or InputErrors) to ingest instead of
    reading `paths` — e.g. a generator streaming from elsewhere.
    `refresh_memory`: rebuild the relationship memory (`communique.memory.refresh`) at the end.

    `progress`: an object with ``start(total_bytes)``, ``advance_bytes(n)``,
    ``article(summary)`` and ``stop()`` (see `communique.cli.ingest_cmd`), or None.
    """
    from ..assemble import article_id

    summary = IngestSummary()
    t0 = time.perf_counter()
    report = on_error or (lambda msg: None)

    def fail(msg: str) -> None:
        summary.errors += 1
        if len(summary.error_messages) < 1000:
            summary.error_messages.append(msg)
        report(msg)

    on_bytes = progress.advance_bytes if progress is not None else None

    def source() -> Iterator[Union[dict, InputError]]:
        if items is not None:
            yield from items
            return
        for path in paths:
            yield from read_path(path, fetch=fetch, english_only=english_only, on_bytes=on_bytes)

    def records() -> Iterator[dict]:
        pending_ids: set[str] = set()
        for item in source():
            if isinstance(item, NotEnglish):
                summary.non_english += 1
                continue
            if isinstance(item, InputError):
                fail(str(item))
                continue
            if limit is not None and summary.read >= limit:
                return
            summary.read += 1
            aid = article_id(item["text"])
            if aid in pending_ids or st.has_article(aid):
                summary.duplicates += 1
                if progress is not None:
                    progress.article(summary)
                continue
            if len(pending_ids) > 10_000:  # only guards against repeats close together
                pending_ids.clear()
            pending_ids.add(aid)
            item["_id"] = aid
            yield item

    if store is None and db is None:
        raise ValueError("ingest() needs a database path (db=) or an open store (store=)")
    # the worker pool is forked before the store is opened (no DuckDB handle in the children)
    pool = make_pool(workers, batch_size)
    own_store = store is None
    st = None
    try:
        if own_store:
            from ..store import Store
            st = Store(str(db))
            _bound_memory(st.con)
        else:
            st = store
        if progress is not None:
            progress.start(sum(input_size(p) for p in paths))
        stream = _coded_stream(_batches(records(), batch_size), pool, workers)
        for batch, results in stream:
            for rec, coded in zip(batch, results):
                if isinstance(coded, str):
                    fail(f"{_where(rec)}: {coded}")
                    continue
                meta = dict(rec.get("metadata") or {})
                if rec.get("record") is not None:
                    meta["record"] = rec["record"]
                try:
                    new = st.add_article(coded, source_path=rec.get("source_path"), metadata=meta or None)
                except Exception as exc:
                    fail(f"{_where(rec)}: could not store ({type(exc).__name__}: {exc})")
                    continue
                if new:
                    summary.stored += 1
                else:
                    summary.duplicates += 1
                if progress is not None:
                    progress.article(summary)
        # the coding processes are done: free their memory before the rebuild, and rebuild on a
        # fresh connection (the writer's buffers go back to the system with it)
        _stop_pool(pool)
        pool = None
        if refresh_memory:
            if own_store:
                st.close()
                st = None
            t_refresh = time.perf_counter()
            warning = _refresh_memory(st, db)
            summary.refresh_seconds = time.perf_counter() - t_refresh
            if warning:
                report(warning)
    finally:
        summary.seconds = time.perf_counter() - t0
        _stop_pool(pool)
        if progress is not None:
            if hasattr(progress, "finish"):
                progress.finish(summary)
            progress.stop()
        if own_store and st is not None:
            st.close()
    return summary


def _stop_pool(pool) -> None:
    """Terminate the coding workers and the fork server that made them (it holds a loaded model)."""
    if pool is None:
        return
    pool.terminate()
    pool.join()
    try:
        from multiprocessing import forkserver
        forkserver._forkserver._stop()   # CPython's own shutdown of the fork server; restarted on demand
    except Exception:
        pass


DUCKDB_MEMORY = os.environ.get("COMMUNIQUE_INGEST_DUCKDB_MEMORY", "256MB")


def _bound_memory(con) -> None:
    """The writer only appends and looks ids up: cap DuckDB's buffer cache (default: 80% of RAM)."""
    try:
        con.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")
    except Exception:
        pass


def _where(rec: dict) -> str:
    r = rec.get("record")
    return rec.get("source_path", "?") if r is None else f"{rec.get('source_path')} record {r}"


def _refresh_memory(st=None, db=None) -> Optional[str]:
    """Rebuild the relationship memory on the open store `st`, or on a fresh connection to `db`;
    a warning if it failed.

    The articles are stored whatever happens here: a failing refresh is reported, not fatal.
    """
    from .. import memory
    from ..store import Store
    try:
        if st is not None:
            memory.refresh(st.con)
        else:
            with Store(str(db)) as fresh:
                memory.refresh(fresh.con)
    except Exception as exc:
        return f"warning: relationship memory not refreshed ({type(exc).__name__}: {exc})"
    return None
