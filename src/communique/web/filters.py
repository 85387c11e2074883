"""Jinja2 filters and globals for the templates (formatting only; nothing here marks text safe)."""
from __future__ import annotations

from urllib.parse import urlencode, urlsplit

QUAD = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def quad_name(v) -> str:
    try:
        return QUAD.get(int(v), "-")
    except (TypeError, ValueError):
        return "-"


def tone(g) -> str:
    """CSS class for a Goldstein value."""
    if g is None:
        return "tone-none"
    g = float(g)
    if g >= 3:
        return "tone-coop"
    if g >= 0:
        return "tone-mild"
    if g > -4:
        return "tone-tense"
    return "tone-conflict"


def pct(x) -> str:
    return "-" if x is None else f"{float(x) * 100:.0f}%"


def short(s, n: int = 12) -> str:
    return "" if s is None else str(s)[:n]


def safe_url(u) -> str | None:
    """Only http(s) links become hrefs; anything else (javascript:, data:...) is shown as text only."""
    if not u:
        return None
    try:
        scheme = urlsplit(str(u).strip()).scheme.lower()
    except ValueError:
        return None
    return str(u).strip() if scheme in ("http", "https") else None


def host(u) -> str:
    try:
        return urlsplit(str(u)).hostname or ""
    except ValueError:
        return ""


def query(params: dict, **changes) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return urlencode(merged)


def party(ref: dict) -> str:
    if not ref:
        return "?"
    return ref.get("name") or ref.get("country") or ref.get("cameo") or "?"


def install(env) -> None:
    env.filters.update(quad_name=quad_name, tone=tone, pct=pct, short=short, safe_url=safe_url, host=host,
                       party=party)
    env.globals.update(query=query, QUAD=QUAD)
