"""Streaming readers: any input path -> records (dicts) or one-line errors, in constant memory.

    for item in read_path(Path("inbox/")):
        if isinstance(item, InputError): print(item)     # names the input and the record
        else: code(item)                                  # {"text", "url", "title", "published", ...}

Formats (by suffix, ``.gz`` allowed on any of them; otherwise by sniffing the first bytes):
plain text (.txt, .text, .md; optional ``---`` front matter with title/url/published/outlet),
HTML (.html, .htm), JSON Lines (.jsonl, .ndjson), JSON (.json: one object or a list), CSV/TSV,
Parquet, WARC (.warc, .warc.gz, also CC-NEWS), RSS/Atom feeds (.rss, .atom, .xml; a feed URL
with ``fetch=True``), and folders (recursively, in sorted order, hidden files skipped).
Non-English records are yielded as `NotEnglish` (an InputError subclass) so callers can count
them apart from real errors.
"""
from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
import os
import re
import zlib
from pathlib import Path
from typing import Callable, Iterator, Optional, Union

from ..errors import E, InputError
from . import language
from .records import (MAX_FILE_BYTES, MAX_RECORD_CHARS, Counted, NotEnglish, decode, error,
                      html_record, looks_binary, make_record)

Item = Union[dict, InputError]
OnBytes = Optional[Callable[[int], None]]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
WARC_SUFFIXES = {".warc", ".arc"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SKIP_NAMES = {"readme", "license", "licence", "notice", "sources", "manifest", "changelog"}
SKIP_SUFFIXES_IN_FOLDERS = {".md", ".rst", ".py", ".sh", ".yaml", ".yml", ".toml", ".cfg", ".ini"}  # documentation, code
COMPRESSED = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
LINE_LIMIT = 8 * 1024 * 1024    # one JSONL line longer than this is reported, not parsed


def is_url(path: object) -> bool:
    s = str(path)
    return s.startswith(("http://", "https://", "http:/", "https:/"))


def read_path(path: Union[str, Path], *, fetch: bool = False, english_only: bool = True,
              on_bytes: OnBytes = None, max_file_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    """Every record under `path` (file, folder, or with ``fetch`` a feed/page URL)."""
    for item in _read_any(path, fetch=fetch, on_bytes=on_bytes, max_file_bytes=max_file_bytes):
        if isinstance(item, InputError):
            yield item
            continue
        text = item["text"]
        if not text:
            yield error(E.E002, item["source_path"], item["record"])
            continue
        if len(text) > MAX_RECORD_CHARS:
            yield error(E.E010, item["source_path"], item["record"], size=len(text), limit=MAX_RECORD_CHARS)
            continue
        if english_only:
            ok, lang = language.is_english(text, item.get("language"))
            if not ok:
                yield NotEnglish(E.E011, path=_where(item), language=lang)
                continue
            item["language"] = lang or "en"
        yield item


def _where(item: dict) -> str:
    r = item.get("record")
    return item["source_path"] if r is None else f"{item['source_path']} record {r}"


def iter_files(path: Path) -> Iterator[Path]:
    """Files under a folder, recursively, sorted; hidden files, documentation and code skipped.

    (A file named explicitly is always read, whatever its name.)
    """
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        name = e.name
        if name.startswith((".", "__")):
            continue
        if e.is_dir():
            yield from iter_files(Path(e.path))
            continue
        stem = name.split(".", 1)[0].lower()
        suffix = os.path.splitext(name)[1].lower()
        if stem in SKIP_NAMES or suffix in SKIP_SUFFIXES_IN_FOLDERS:
            continue
        yield Path(e.path)


def input_size(path: Union[str, Path]) -> int:
    """Total bytes under `path` (for progress bars); 0 for URLs."""
    if is_url(path):
        return 0
    p = Path(path)
    try:
        if p.is_dir():
            return sum(f.stat().st_size for f in iter_files(p))
        return p.stat().st_size
    except OSError:
        return 0


def _read_any(path, *, fetch: bool, on_bytes: OnBytes, max_file_bytes: int) -> Iterator[Item]:
    if is_url(path):
        url = re.sub(r"^(https?):/+", r"\1://", str(path))  # Path("https://x") reads "https:/x"
        if not fetch:
            yield InputError(E.E001, path=url, reason="a URL: pass --fetch to download it")
            return
        from .feeds import read_url
        yield from read_url(url)
        return
    p = Path(path)
    if p.is_dir():
        for f in iter_files(p):
            yield from _read_file(f, fetch=fetch, on_bytes=on_bytes, max_file_bytes=max_file_bytes)
        return
    if not p.exists():
        yield InputError(E.E001, path=p, reason="no such file or directory")
        return
    yield from _read_file(p, fetch=fetch, on_bytes=on_bytes, max_file_bytes=max_file_bytes)


def _kind(p: Path) -> tuple[str, Optional[str]]:
    """(kind, compression) from the suffixes; kind '' means sniff."""
    suffixes = [s.lower() for s in p.suffixes]
    comp = suffixes[-1] if suffixes and suffixes[-1] in COMPRESSED else None
    if comp:
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    for kind, group in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES),
                        ("csv", CSV_SUFFIXES), ("parquet", PARQUET_SUFFIXES), ("warc", WARC_SUFFIXES),
                        ("feed", FEED_SUFFIXES)):
        if last in group:
            return kind, comp
    if last == ".json":
        return "json", comp
    return "", comp


def _sniff(head: bytes) -> str:
    h = head.lstrip()[:2048].lower()
    if h.startswith(b"warc/"):
        return "warc"
    if b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h:
        return "feed"
    if h.startswith((b"<!doctype html", b"<html")) or b"<body" in h:
        return "html"
    if h.startswith(b"{"):
        return "jsonl"
    return "text"


def _read_file(p: Path, *, fetch: bool, on_bytes: OnBytes, max_file_bytes: int) -> Iterator[Item]:
    kind, comp = _kind(p)
    try:
        size = p.stat().st_size
    except OSError as exc:
        yield InputError(E.E001, path=p, reason=exc.strerror or str(exc))
        return
    if size == 0:
        if on_bytes:
            on_bytes(0)
        yield InputError(E.E002, path=p)
        return
    if kind == "warc":  # warcio reads gzip members itself
        from .warc import read_warc
        yield from read_warc(p, on_bytes=on_bytes)
        return
    if kind == "parquet":
        yield from _read_parquet(p, on_bytes)
        return
    if kind in ("text", "html", "feed", "json") and comp is None and size > max_file_bytes:
        if on_bytes:
            on_bytes(size)
        yield InputError(E.E010, path=p, size=size, limit=max_file_bytes)
        return
    if comp is not None and kind == "":
        kind = "_sniff"
    try:
        raw = open(p, "rb")
    except OSError as exc:
        yield InputError(E.E001, path=p, reason=exc.strerror or str(exc))
        return
    with Counted(raw, on_bytes) as counted:
        stream = COMPRESSED[comp](counted, "rb") if comp else counted
        try:
            if kind in ("", "_sniff"):
                head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else raw.read(4096)
                if not comp:
                    raw.seek(0)
                if looks_binary(head):
                    yield InputError(E.E003, path=p)
                    return
                kind = _sniff(head)
            if kind in ("jsonl", "csv"):
                reader = _read_jsonl if kind == "jsonl" else _read_csv
                yield from reader(p, stream)
                return
            data = stream.read(max_file_bytes + 1)
            if len(data) > max_file_bytes:
                yield InputError(E.E010, path=p, size=size if not comp else f">{max_file_bytes}",
                                 limit=max_file_bytes)
                return
        except (EOFError, zlib.error, OSError, lzma.LZMAError) as exc:
            yield InputError(E.E008, path=p, reason=_short(exc))
            return
    if not data.strip():
        yield InputError(E.E002, path=p)
        return
    if kind == "html":
        yield html_record(data, p)
    elif kind == "feed":
        from .feeds import read_feed_bytes
        yield from read_feed_bytes(data, p, fetch=fetch)
    elif kind == "json":
        yield from _read_json(p, data)
    else:
        yield from _read_text(p, data)


def _short(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


# --- plain text -----------------------------------------------------------------------------

def _read_text(p: Path, data: bytes) -> Iterator[Item]:
    if looks_binary(data[:8192]):
        yield InputError(E.E003, path=p)
        return
    text, reason = decode(data)
    if text is None:
        yield InputError(E.E004, path=p, reason=reason)
        return
    fields, body = front_matter(text)
    yield make_record(body, p, None, **fields)


def front_matter(text: str) -> tuple[dict, str]:
    """Optional ``---`` block of ``key: value`` lines at the top of a text file."""
    t = text.lstrip("\ufeff")
    if not t.startswith("---"):
        return {}, text
    lines = t.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    fields = {}
    for i, line in enumerate(lines[1:40], 1):
        if line.strip() == "---":
            return fields, "\n".join(lines[i + 1:])
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or " " in key.strip():
            return {}, text
        fields[key.strip().lower()] = value.strip().strip('"').strip("'")
    return {}, text


# --- JSON and JSON Lines ---------------------------------------------------------------------

def _json_record(obj: object, p: Path, rec_no: int) -> Item:
    if not isinstance(obj, dict):
        return InputError(E.E005, path=p, line=rec_no, reason=f"expected an object, got {type(obj).__name__}")
    text = obj.get("text")
    if text is None:
        for alias in ("body", "content", "article", "maintext"):
            if isinstance(obj.get(alias), str):
                text = obj[alias]
                break
    if not isinstance(text, str) or not text.strip():
        return InputError(E.E006, path=p, line=rec_no)
    fields = {k: v for k, v in obj.items() if k != "text"}
    return make_record(text, p, rec_no, **fields)


def _read_jsonl(p: Path, stream) -> Iterator[Item]:
    line_no = 0
    while True:
        try:
            line = stream.readline(LINE_LIMIT)
        except (EOFError, zlib.error, OSError, lzma.LZMAError) as exc:
            yield InputError(E.E008, path=p, reason=f"after line {line_no}: {_short(exc)}")
            return
        if not line:
            return
        line_no += 1
        if len(line) >= LINE_LIMIT and not line.endswith(b"\n"):
            try:  # skip the rest of an over-long line
                while (chunk := stream.readline(LINE_LIMIT)) and not chunk.endswith(b"\n"):
                    pass
            except (EOFError, zlib.error, OSError, lzma.LZMAError) as exc:
                yield InputError(E.E008, path=p, reason=f"at line {line_no}: {_short(exc)}")
                return
            yield InputError(E.E010, path=f"{p}:{line_no}", size=f">{LINE_LIMIT}", limit=LINE_LIMIT)
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except UnicodeDecodeError as exc:
            yield InputError(E.E004, path=f"{p}:{line_no}", reason=f"{exc.reason} at byte {exc.start}")
            continue
        except json.JSONDecodeError as exc:
            yield InputError(E.E005, path=p, line=line_no, reason=f"{exc.msg} at column {exc.colno}")
            continue
        yield _json_record(obj, p, line_no)


def _read_json(p: Path, data: bytes) -> Iterator[Item]:
    try:
        obj = json.loads(data)
    except UnicodeDecodeError as exc:
        yield InputError(E.E004, path=p, reason=f"{exc.reason} at byte {exc.start}")
        return
    except json.JSONDecodeError:
        yield from _read_jsonl(p, io.BytesIO(data))  # maybe JSON Lines under a .json name
        return
    items = obj if isinstance(obj, list) else [obj]
    for i, o in enumerate(items, 1):
        yield _json_record(o, p, i)


# --- CSV / TSV --------------------------------------------------------------------------------

def _read_csv(p: Path, stream) -> Iterator[Item]:
    csv.field_size_limit(LINE_LIMIT)
    delim = "\t" if ".tsv" in [s.lower() for s in p.suffixes] else ","
    text_stream = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.DictReader(text_stream, delimiter=delim)
    row_no = 0
    try:
        fieldnames = reader.fieldnames or []
        lower = {f: (f or "").strip().lower() for f in fieldnames}
        if not any(v in ("text", "body", "content", "article", "maintext") for v in lower.values()):
            yield InputError(E.E006, path=p, line=1)
            return
        for row in reader:
            row_no += 1
            fields = {lower.get(k, k) if k else "_extra": v for k, v in row.items()}
            bad = next((k for k, v in fields.items() if isinstance(v, str) and _has_surrogates(v)), None)
            if bad is not None:
                yield InputError(E.E004, path=f"{p} row {row_no}", reason=f"undecodable bytes in column {bad!r}")
                continue
            text = next((fields[k] for k in ("text", "body", "content", "article", "maintext")
                         if fields.get(k)), None)
            if not text or not text.strip():
                yield InputError(E.E006, path=p, line=row_no + 1)
                continue
            fields.pop("_extra", None)
            for k in ("text", "body", "content", "article", "maintext"):
                if fields.get(k) == text:
                    fields.pop(k)
                    break
            yield make_record(text, p, row_no, **fields)
    except csv.Error as exc:
        yield InputError(E.E005, path=p, line=row_no + 1, reason=f"CSV: {exc}")
    except (EOFError, zlib.error, OSError, lzma.LZMAError) as exc:
        yield InputError(E.E008, path=p, reason=f"after row {row_no}: {_short(exc)}")


def _has_surrogates(s: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in s)


# --- Parquet ----------------------------------------------------------------------------------

def _read_parquet(p: Path, on_bytes: OnBytes) -> Iterator[Item]:
    import pyarrow.parquet as pq
    try:
        pf = pq.ParquetFile(p)
    except Exception as exc:
        yield InputError(E.E001, path=p, reason=f"not a readable Parquet file ({_short(exc)})")
        return
    names = {n.lower(): n for n in pf.schema_arrow.names}
    text_col = next((names[c] for c in ("text", "body", "content", "article", "maintext") if c in names), None)
    if text_col is None:
        yield InputError(E.E006, path=p, line=0)
        return
    total_rows = max(pf.metadata.num_rows, 1)
    size = p.stat().st_size
    row_no = 0
    try:
        for batch in pf.iter_batches(batch_size=256):
            for row in batch.to_pylist():
                row_no += 1
                text = row.pop(text_col, None)
                if not isinstance(text, str) or not text.strip():
                    yield InputError(E.E006, path=p, line=row_no)
                    continue
                yield make_record(text, p, row_no, **{k.lower(): v for k, v in row.items()})
            if on_bytes:
                on_bytes(size * batch.num_rows // total_rows)
    except Exception as exc:  # corrupt pages
        yield InputError(E.E001, path=p, reason=f"after row {row_no}: {_short(exc)}")
