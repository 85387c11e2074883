"""RSS/Atom feeds (feedparser) and polite fetching of URLs (only with ``--fetch``).

A feed entry becomes a record from its own content (``content:encoded``/Atom
``content``, else the summary). With ``fetch=True`` the entry's link is
downloaded and its main text extracted (trafilatura), falling back on the
feed's own text when the page cannot be had. Fetching is polite: a timeout,
an identifying user agent, and at most one request per host every
`MIN_INTERVAL` seconds.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Iterator, Union
from urllib.parse import urlparse

from .. import __version__
from ..errors import E, InputError
from .records import MAX_FILE_BYTES, html_fragment_text, html_record, make_record

USER_AGENT = f"communique/{__version__} (news event coding; polite crawler; one request/second/host)"
TIMEOUT = 20.0
MIN_INTERVAL = 1.0

_last: dict[str, float] = {}
_lock = threading.Lock()


def _wait_turn(host: str) -> None:
    with _lock:
        now = time.monotonic()
        due = _last.get(host, 0.0) + MIN_INTERVAL
        if due > now:
            time.sleep(due - now)
        _last[host] = time.monotonic()


def fetch(url: str) -> tuple[bytes, str]:
    """(body, content type) of `url`; raises InputError on failure. Rate-limited per host."""
    import httpx
    _wait_turn(urlparse(url).netloc)
    try:
        with httpx.stream("GET", url, timeout=TIMEOUT, follow_redirects=True,
                          headers={"User-Agent": USER_AGENT}) as r:
            if r.status_code != 200:
                raise InputError(E.E001, path=url, reason=f"HTTP {r.status_code}")
            body = bytearray()
            for chunk in r.iter_bytes():
                body += chunk
                if len(body) > MAX_FILE_BYTES:
                    raise InputError(E.E010, path=url, size=f">{MAX_FILE_BYTES}", limit=MAX_FILE_BYTES)
            return bytes(body), r.headers.get("content-type", "").lower()
    except httpx.HTTPError as exc:
        raise InputError(E.E001, path=url, reason=f"{type(exc).__name__}: {exc}") from None


def read_url(url: str) -> Iterator[Union[dict, InputError]]:
    """A feed URL -> its entries; a page URL -> one article."""
    try:
        body, ctype = fetch(url)
    except InputError as exc:
        yield exc
        return
    head = body[:2048].lower()
    if "xml" in ctype or "rss" in ctype or "atom" in ctype or b"<rss" in head or b"<feed" in head:
        yield from read_feed_bytes(body, url, fetch=True)
    else:
        yield html_record(body, url, url=url)


def read_feed_bytes(data: bytes, source: Union[Path, str], fetch: bool = False
                    ) -> Iterator[Union[dict, InputError]]:
    import feedparser
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = str(parsed.get("bozo_exception") or "no entries").splitlines()[0]
        yield InputError(E.E001, path=source, reason=f"not a readable RSS/Atom feed ({reason})")
        return
    outlet = (parsed.get("feed") or {}).get("title")
    feed_lang = (parsed.get("feed") or {}).get("language")
    for i, entry in enumerate(entries, 1):
        yield _entry(entry, i, source, outlet, feed_lang, fetch)


def _entry(entry, i: int, source, outlet, feed_lang, fetch: bool) -> Union[dict, InputError]:
    link = entry.get("link")
    published = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published")
    fields = {"url": link, "title": entry.get("title"), "published": published, "outlet": outlet,
              "language": feed_lang}
    own = ""
    for c in entry.get("content") or []:
        if c.get("value"):
            own = c["value"]
            break
    own = own or entry.get("summary") or ""
    if fetch and link:
        try:
            body, _ = fetch_page(link)
            item = html_record(body, source, i, **fields)
            if isinstance(item, dict):
                return item
        except InputError:
            pass  # fall back on the feed's own text
    text = html_fragment_text(own)
    if not text.strip():
        return InputError(E.E002, path=f"{source} record {i}")
    extra = {}
    if entry.get("id"):
        extra["entry_id"] = entry["id"]
    return make_record(text, source, i, **fields, **extra)


def fetch_page(url: str) -> tuple[bytes, str]:
    return fetch(url)
