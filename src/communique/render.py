"""Text renderings of a coded article (json, jsonl, plover, text). Pure: no IO."""
from __future__ import annotations

import json

from .model import CodedArticle


def render_article(coded: CodedArticle, fmt: str, include_text: bool = False, many: bool = False) -> str:
    if fmt == "json" and not many:
        return json.dumps(coded.to_dict(include_text=include_text), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("json", "jsonl"):
        return json.dumps(coded.to_dict(include_text=include_text), ensure_ascii=False) + "\n"
    if fmt == "plover":
        from .exports import plover_records
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in plover_records(coded))
    return render_text(coded)


def render_text(coded: CodedArticle) -> str:
    a = coded.article
    names = {x.id: x.name for x in coded.actors}
    out = [f"article {a.id[:12]}  published {a.published or '?'}  dateline {a.dateline.place or '?'}"]
    out.append(f"actors ({len(coded.actors)}):")
    for x in coded.actors:
        out.append(f"  {x.id:4} {x.name:32} {x.kind:12} {x.country or '-':5} {x.sector or '-':5} {x.role or ''}")
    out.append(f"events ({len(coded.events)}):")
    for e in coded.events:
        s = names.get(e.source.actor, e.source.country or "?")
        t = names.get(e.target.actor, e.target.country or "?")
        out.append(f"  {e.id:4} {s} -> {t}: {e.plover.type}/{e.plover.mode or '-'} CAMEO {e.cameo.code} "
                   f"({e.when}, {e.date or '?'}, {e.location.name or '?'}) conf {e.confidence:.2f}")
        out.append(f"       \u201c{e.evidence.text[:110]}\u201d [{e.evidence.start}:{e.evidence.end}]")
    out.append(f"quotes ({len(coded.quotes)}):")
    for q in coded.quotes:
        out.append(f"  {q.id:4} {q.speaker.name or '?'} ({q.cue or '-'}, {'direct' if q.direct else 'indirect'}): "
                   f"\u201c{q.text[:90]}\u201d")
    out.append("sectors: " + ", ".join(coded.sectors))
    return "\n".join(out) + "\n"
