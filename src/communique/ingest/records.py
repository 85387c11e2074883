"""What every reader shares: the record shape, dates, decoding, HTML to text, byte counting.

A record is a dict with the keys of the input contract::

    {"text", "url", "title", "published", "outlet", "language", "source_path", "record"}

plus ``metadata`` (a dict of any other fields the input carried) when there are any.
Readers never raise for bad input: they *yield* a `communique.errors.InputError`
naming the input and the record, and go on.
"""
from __future__ import annotations

import datetime as _dt
import email.utils
import re
import time
from typing import Any, Callable, Optional

from ..errors import E, InputError

RECORD_KEYS = ("text", "url", "title", "published", "outlet", "language", "source_path", "record")
ALIASES = {  # input field -> record key
    "body": "text", "content": "text", "article": "text", "maintext": "text", "text": "text",
    "link": "url", "url": "url", "source_url": "url", "uri": "url",
    "title": "title", "headline": "title",
    "published": "published", "date": "published", "date_publish": "published", "pubdate": "published",
    "published_at": "published", "publication_date": "published",
    "outlet": "outlet", "source": "outlet", "source_name": "outlet", "sitename": "outlet", "publisher": "outlet",
    "language": "language", "lang": "language",
}
MAX_RECORD_CHARS = 1_000_000        # one article longer than this is not an article
MAX_FILE_BYTES = 20 * 1024 * 1024   # a single-article file (.txt, .html) larger than this is refused
MIN_HTML_WORDS = 8                  # an HTML page whose main text is shorter has no article


class NotEnglish(InputError):
    """A record skipped because it is not in English (counted, not an error)."""


def where(path: object, record: object = None) -> str:
    return f"{path}" if record is None else f"{path} record {record}"


def error(template: str, path: object, record: object = None, **kw: Any) -> InputError:
    return InputError(template, path=where(path, record), **kw)


def make_record(text: Optional[str], source_path: object, record: object = None, **fields: Any) -> dict:
    """Normalise one record: known aliases mapped, other fields kept under ``metadata``."""
    rec: dict[str, Any] = {k: None for k in RECORD_KEYS}
    meta: dict[str, Any] = {}
    for k, v in fields.items():
        key = ALIASES.get(k.lower(), k) if isinstance(k, str) else k
        if key in RECORD_KEYS and key != "text":
            if rec[key] is None and v not in (None, ""):
                rec[key] = v
        elif key != "text" and v is not None:
            meta[k] = v
    rec["text"] = clean_text(text)
    rec["published"] = normalise_date(rec["published"])
    for k in ("url", "title", "outlet", "language"):
        if rec[k] is not None:
            rec[k] = str(rec[k]).strip() or None
    rec["source_path"] = str(source_path)
    rec["record"] = record
    if meta:
        rec["metadata"] = {k: _jsonable(v) for k, v in meta.items()}
    return rec


def _jsonable(v: Any) -> Any:
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    return str(v)


def clean_text(text: Optional[str]) -> str:
    """Newlines normalised, BOM and surrounding whitespace removed (the article id hashes this)."""
    if not text:
        return ""
    t = str(text)
    if t.startswith("\ufeff"):
        t = t[1:]
    return t.replace("\r\n", "\n").replace("\r", "\n").strip()




def normalise_date(value: Any) -> Optional[str]:
    """YYYY-MM-DD from a date, datetime, struct_time, epoch seconds, ISO 8601 or RFC 822 string;
    None if unreadable (the core's `normalise_published` raises instead: it reads user input)."""
    from ..errors import CommuniqueError
    from ..pipeline import normalise_published
    if isinstance(value, time.struct_time):
        return _dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 10_000_000:  # epoch seconds
        return _dt.datetime.fromtimestamp(value, _dt.timezone.utc).date().isoformat()
    try:
        return normalise_published(value)
    except (CommuniqueError, ValueError):
        pass
    try:
        return email.utils.parsedate_to_datetime(str(value).strip()).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def looks_binary(head: bytes) -> bool:
    """NUL bytes or a high share of control characters in the first kilobytes."""
    if not head:
        return False
    if b"\x00" in head[:8192] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = head[:8192]
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl / len(sample) > 0.05


def decode(data: bytes) -> tuple[Optional[str], Optional[str]]:
    """(text, None) or (None, reason). UTF-8 (with/without BOM), UTF-16 with BOM, or clean cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            return None, f"utf-16: {exc.reason} at byte {exc.start}"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        first = exc
    # legacy single-byte text: accept only when non-ASCII bytes are rare and all map in cp1252
    high = sum(1 for b in data if b >= 0x80)
    if high <= max(4, len(data) // 50):
        try:
            return data.decode("cp1252"), None
        except UnicodeDecodeError:
            pass
    return None, f"invalid UTF-8 byte 0x{data[first.start]:02x} at offset {first.start}"


# --- HTML -------------------------------------------------------------------------------

_LANG_ATTR = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z_-]+)", re.I)


def html_record(data: bytes | str, source_path: object, record: object = None,
                url: Optional[str] = None, **fields: Any) -> dict | InputError:
    """Main text, title, date and outlet of an HTML page (trafilatura)."""
    import trafilatura

    raw = data.encode("utf-8", "replace") if isinstance(data, str) else data
    if not raw.strip():
        return error(E.E002, source_path, record)
    try:
        # dates from markup only (meta tags, <time>, URL): a date in the body text ("the treaty
        # signed on March 3, 2021") is not the publication date
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False,
                                          date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # trafilatura/lxml on malformed markup
        return error(E.E001, source_path, record, reason=f"HTML parse failed: {type(exc).__name__}")
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_HTML_WORDS:  # nothing, or only a menu/link left over
        return error(E.E007, source_path, record)
    title = getattr(doc, "title", None)
    lines = text.split("\n", 1)
    if title and len(lines) == 2 and lines[0].strip() == title.strip():
        text = lines[1]  # the headline repeated as the first line of the body
    m = _LANG_ATTR.search(raw[:4096])
    found = {
        "url": getattr(doc, "url", None) or url,
        "title": title,
        "published": getattr(doc, "date", None),
        "outlet": getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        "language": getattr(doc, "language", None) or (m[1].decode("ascii") if m else None),
    }
    merged = {k: v for k, v in fields.items() if v not in (None, "")}
    for k, v in found.items():
        merged.setdefault(k, v)
    return make_record(text, source_path, record, **merged)


def html_fragment_text(fragment: str) -> str:
    """Plain text of a short HTML fragment (feed summaries): block elements become line breaks."""
    if "<" not in fragment:
        return fragment
    try:
        import lxml.html
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return re.sub(r"<[^>]+>", " ", fragment)
    for el in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        el.tail = "\n" + (el.tail or "")
    text = root.text_content()
    return "\n".join(re.sub(r"[ \t\xa0]+", " ", ln).strip() for ln in text.splitlines() if ln.strip())


# --- byte counting (progress) --------------------------------------------------------------

class Counted:
    """A binary file wrapper that reports every byte read to ``on_bytes`` (for progress bars)."""

    def __init__(self, fileobj, on_bytes: Optional[Callable[[int], None]]):
        self._f = fileobj
        self._cb = on_bytes

    def _count(self, b):
        if self._cb and b:
            self._cb(len(b))
        return b

    def read(self, n: int = -1) -> bytes:
        return self._count(self._f.read(n))

    def read1(self, n: int = -1) -> bytes:
        return self._count(self._f.read1(n) if hasattr(self._f, "read1") else self._f.read(n))

    def readline(self, n: int = -1) -> bytes:
        return self._count(self._f.readline(n))

    def readinto(self, b) -> int:
        n = self._f.readinto(b)
        if self._cb and n:
            self._cb(n)
        return n

    def __iter__(self):
        return iter(self.readline, b"")

    def __getattr__(self, name):
        return getattr(self._f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()
