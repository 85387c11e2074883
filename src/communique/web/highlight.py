"""Cut an article's text into segments carrying the actors, quotes and events that cover them.

The template renders each segment's text through Jinja2's autoescape (never
``|safe``), so a highlighted article stays inert whatever its text contains.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Segment:
    text: str
    start: int
    end: int
    actors: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)   # ids of quotes/events that start here

    @property
    def plain(self) -> bool:
        return not (self.actors or self.quotes or self.events)


def _spans(coded: dict, n: int) -> list[tuple[int, int, str, str]]:
    out = []

    def add(s, e, kind, ident):
        if isinstance(s, int) and isinstance(e, int):
            s, e = max(0, s), min(n, e)
            if s < e:
                out.append((s, e, kind, ident))

    for a in coded.get("actors", []):
        for m in a.get("mentions") or []:
            add(m[0], m[1], "actors", a["id"])
    for q in coded.get("quotes", []):
        add(q.get("start"), q.get("end"), "quotes", q["id"])
    for ev in coded.get("events", []):
        evd = ev.get("evidence") or {}
        add(evd.get("start"), evd.get("end"), "events", ev["id"])
    return out


def segments(text: str, coded: dict) -> list[Segment]:
    """Non-overlapping segments covering all of `text`, in order."""
    text = text or ""
    n = len(text)
    spans = _spans(coded, n)
    cuts = {0, n}
    for s, e, _, _ in spans:
        cuts.add(s)
        cuts.add(e)
    bounds = sorted(cuts)
    segs = []
    for s, e in zip(bounds, bounds[1:]):
        seg = Segment(text[s:e], s, e)
        for ss, ee, kind, ident in spans:
            if ss <= s and e <= ee:
                lst = getattr(seg, kind)
                if ident not in lst:
                    lst.append(ident)
        segs.append(seg)
    starts: dict[int, list[str]] = {}
    for s, _, kind, ident in spans:
        if kind != "actors" and ident not in starts.setdefault(s, []):
            starts[s].append(ident)
    for seg in segs:
        seg.anchors = starts.get(seg.start, [])
    return segs


def actor_colours(coded: dict, palette: int = 8) -> dict[str, int]:
    """A stable colour index per actor id (order of the actor list)."""
    return {a["id"]: i % palette for i, a in enumerate(coded.get("actors", []))}
