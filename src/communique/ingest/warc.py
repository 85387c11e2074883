"""WARC / WARC.gz reader (warcio): HTML responses and text resources become records.

Common Crawl's CC-NEWS is the model input: one gzip member per record, ``response``
records holding the HTTP response of a news page. A broken record (bad headers,
truncated or corrupt gzip member) is reported as one error naming the file and the
record number, and reading resumes at the next record boundary found in the file.
"""
from __future__ import annotations

import zlib
from pathlib import Path
from typing import Callable, Iterator, Optional, Union

from ..errors import E, InputError
from .records import MAX_FILE_BYTES, html_record, make_record, decode, looks_binary

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
SCAN_CHUNK = 1 << 20
MAX_RESYNC = 1000
HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(p: Path, on_bytes: Optional[Callable[[int], None]] = None,
              max_record_bytes: int = MAX_FILE_BYTES) -> Iterator[Union[dict, InputError]]:
    from warcio.archiveiterator import ArchiveIterator

    size = p.stat().st_size
    reported = 0
    start = 0
    index = 0
    resyncs = 0
    with open(p, "rb") as fh:
        gz = fh.read(3) == GZIP_MAGIC
        while start < size:
            fh.seek(start)
            it = ArchiveIterator(fh, arc2warc=True)
            rec_offset = None
            try:
                for rec in it:
                    index += 1
                    rec_offset = it.offset
                    item = _record(rec, p, index, max_record_bytes)
                    pos = fh.tell()
                    if on_bytes and pos > reported:
                        on_bytes(pos - reported)
                        reported = pos
                    if item is not None:
                        yield item
                return
            except Exception as exc:  # warcio raises many types on broken input
                # it.offset is the start of the record being read; it moves on once a record is done
                current = getattr(it, "offset", start)
                if current != rec_offset:
                    index += 1  # the failure is in the header of the next record
                yield InputError(E.E009, path=p, record=index, reason=_reason(exc, gz))
                resyncs += 1
                nxt = _next_boundary(fh, max(current, start) + 1, gz)
                if nxt is None or resyncs > MAX_RESYNC:
                    break
                start = nxt
    if on_bytes and size > reported:
        on_bytes(size - reported)


def _truncated(rec) -> bool:
    """The record's block ended before its declared length (cut file, truncated gzip member)."""
    return int(getattr(rec.raw_stream, "limit", 0) or 0) > 0


def _reason(exc: BaseException, gz: bool) -> str:
    text = str(exc)
    if isinstance(exc, (EOFError, zlib.error)) or "gzip" in text.lower():
        kind = "truncated or corrupt gzip member" if gz else "truncated record"
    elif "Unknown archive format" in text:
        kind = "corrupt data" if gz else "not a WARC header"
        text = ""
    else:
        kind = type(exc).__name__
    msg = "".join(ch if ch.isprintable() else "?" for ch in text.strip().splitlines()[0][:100]) if text.strip() else ""
    return f"{kind}: {msg}" if msg else kind


def _next_boundary(fh, offset: int, gz: bool) -> Optional[int]:
    """Offset of the next gzip member / WARC header at or after `offset`, None at end of file."""
    magic = GZIP_MAGIC if gz else WARC_MAGIC
    fh.seek(offset)
    base = offset
    tail = b""
    while True:
        chunk = fh.read(SCAN_CHUNK)
        if not chunk:
            return None
        buf = tail + chunk
        i = buf.find(magic)
        while i != -1:
            at = base - len(tail) + i
            if gz or at == 0 or buf[i - 1:i] == b"\n":
                return at
            i = buf.find(magic, i + 1)
        tail = buf[-(len(magic) - 1):]
        base += len(chunk)


def _record(rec, p: Path, index: int, limit: int) -> Union[dict, InputError, None]:
    """A record -> an article record, an error, or None (request, metadata, warcinfo, non-HTML)."""
    rtype = rec.rec_type
    headers = rec.rec_headers
    url = headers.get_header("WARC-Target-URI")
    warc_date = headers.get_header("WARC-Date")
    where = f"{index} ({url})" if url else index
    if rtype == "response":
        http = rec.http_headers
        if http is None:
            return None
        status = http.get_statuscode()
        ctype = (http.get_header("Content-Type") or "").lower()
        if status != "200" or not any(t in ctype for t in HTML_TYPES):
            return None
        data = rec.content_stream().read(limit + 1)
        if len(data) > limit:
            return InputError(E.E010, path=f"{p} record {where}", size=f">{limit}", limit=limit)
        if _truncated(rec):
            return InputError(E.E009, path=p, record=where, reason="truncated: shorter than its Content-Length")
        item = html_record(data, p, where, url=url)
    elif rtype in ("resource", "conversion"):
        ctype = (headers.get_header("Content-Type") or "").lower()
        data = rec.content_stream().read(limit + 1)
        if len(data) > limit:
            return InputError(E.E010, path=f"{p} record {where}", size=f">{limit}", limit=limit)
        if _truncated(rec):
            return InputError(E.E009, path=p, record=where, reason="truncated: shorter than its Content-Length")
        if any(t in ctype for t in HTML_TYPES):
            item = html_record(data, p, where, url=url)
        elif ctype.startswith("text/plain"):
            if looks_binary(data):
                return InputError(E.E003, path=f"{p} record {where}")
            text, reason = decode(data)
            if text is None:
                return InputError(E.E004, path=f"{p} record {where}", reason=reason)
            item = make_record(text, p, where, url=url)
        else:
            return None
    else:
        return None
    if isinstance(item, dict):
        item["record"] = index
        if not item.get("published") and warc_date:  # CC-NEWS: crawl time is close to publication
            from .records import normalise_date
            item["published"] = normalise_date(warc_date)
            item.setdefault("metadata", {})["published_from"] = "WARC-Date"
        if url:
            item.setdefault("metadata", {})["warc_record_id"] = headers.get_header("WARC-Record-ID")
    return item
