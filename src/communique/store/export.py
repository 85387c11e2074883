"""Export stored events: ``jsonl``, ``csv``, ``parquet`` (flat rows of ``events_v``), and ``plover`` /
``gdelt`` (the row formats of `communique.exports`, built from the stored articles): PLOVER records
as JSON Lines; GDELT 2.0 event rows tab-separated without a header, like GDELT's own export files
(the 61 GDELT columns, then `communique.exports.GDELT_EXTRA_COLUMNS`).

Flat rows carry every column of the events table plus the article's published date, url, title,
outlet, the canonical dyad and the effective day.  The filters are those of
`communique.store.queries.events`.  JSON Lines and CSV stream (constant memory); Parquet is written
with pyarrow in one table.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import IO, Any, Callable, Iterator, Optional, Union

from ..errors import CommuniqueError
from . import queries

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")


class ExportError(CommuniqueError):
    def __init__(self, message: str) -> None:
        Exception.__init__(self, message)
        self.code = "E205"
        self.fields = {}


def _exports_fn(fmt: str) -> Callable[[Any], list[dict]]:
    """The per-article row builder of `communique.exports` for plover / gdelt."""
    try:
        from .. import exports  # type: ignore[attr-defined]
    except ImportError:
        raise ExportError(f"[E205] --format {fmt} needs communique.exports, which is not installed") from None
    names = {"plover": ("plover_records", "plover_rows"), "gdelt": ("gdelt_records", "gdelt_rows", "gdelt_events")}[fmt]
    for n in names:
        fn = getattr(exports, n, None)
        if callable(fn):
            return fn
    raise ExportError(f"[E205] --format {fmt}: communique.exports has none of {', '.join(names)}")


@contextmanager
def _text_out(out: Union[str, Path, IO[str], None]) -> Iterator[IO[str]]:
    if out is None or str(out) == "-":
        yield sys.stdout
    elif hasattr(out, "write"):
        yield out  # type: ignore[misc]
    else:
        p = Path(out)
        p.parent.mkdir(parents=True, exist_ok=True)
        with p.open("w", encoding="utf-8", newline="") as fh:
            yield fh


def _csv_cell(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return ";".join("" if x is None else str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return v


def _tsv_cell(v: Any) -> str:
    if v is None:
        return ""
    return " ".join(str(v).replace("\t", " ").splitlines())


def _records(con, fmt: str, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if fmt in ("jsonl", "csv"):
        yield from queries.iter_events(con, **filters)
        return
    build = _exports_fn(fmt)
    wanted: dict[str, set[str]] = {}
    order: list[str] = []
    for r in queries.iter_events(con, **filters):
        if r["article_id"] not in wanted:
            wanted[r["article_id"]] = set()
            order.append(r["article_id"])
        wanted[r["article_id"]].add(r["id"])
    for aid in order:
        coded = queries.article(con, aid)
        if coded is None:
            continue
        coded = replace(coded, events=tuple(e for e in coded.events if e.id in wanted[aid]))
        yield from build(coded)


def export_events(con, fmt: str, out: Union[str, Path, IO[str], None] = None, **filters: Any) -> int:
    """Write the matching events to `out` (a path, a text stream, or stdout); returns the row count."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(f"[E205] unknown export format '{fmt}': expected one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None or str(out) == "-" or hasattr(out, "write"):
            raise ExportError("[E205] --format parquet needs --out FILE (binary output)")
        return _parquet(con, Path(out), filters)
    n = 0
    with _text_out(out) as fh:
        if fmt == "csv":
            writer: Optional[csv.DictWriter] = None
            for r in _records(con, fmt, filters):
                if writer is None:
                    writer = csv.DictWriter(fh, fieldnames=list(r), extrasaction="ignore")
                    writer.writeheader()
                writer.writerow({k: _csv_cell(v) for k, v in r.items()})
                n += 1
            if writer is None:  # no rows: still write the header
                fh.write(",".join(_event_columns(con)) + "\n")
        elif fmt == "gdelt":
            for r in _records(con, fmt, filters):
                fh.write("\t".join(_tsv_cell(v) for v in r) + "\n")
                n += 1
        else:
            for r in _records(con, fmt, filters):
                fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
                n += 1
    return n


def _event_columns(con) -> list[str]:
    return [d[0] for d in con.execute("SELECT * FROM events_v LIMIT 0").description]


def _parquet(con, path: Path, filters: dict[str, Any]) -> int:
    import pyarrow.parquet as pq

    where, params = queries.event_where(**filters)
    cur = con.cursor()  # a fresh cursor: duckdb 2 refuses a relation while a result is pending
    rel = cur.sql(f"SELECT * FROM events_v WHERE {where} ORDER BY day NULLS LAST, published, article_id, id",
                  params=params)
    fetch = getattr(rel, "to_arrow_table", None) or getattr(rel, "arrow")  # duckdb 2.x / 1.x
    table = fetch()
    cur.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return table.num_rows


def export_string(con, fmt: str, **filters: Any) -> str:
    """The export as a string (tests, the web API)."""
    buf = io.StringIO()
    export_events(con, fmt, buf, **filters)
    return buf.getvalue()


__all__ = ["FORMATS", "export_events", "export_string", "ExportError"]
