"""Turn an annotated Doc into the public `CodedArticle` (renumber actors A1.., events E1.., quotes Q1..)."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc

from .model import (Actor, ActorRef, ArticleMeta, CodedArticle, Dateline, Event, Quote, Speaker)


def article_id(text: str) -> str:
    """sha256 of the plain text, hex: stable across runs."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build(doc: Doc) -> CodedArticle:
    text = doc._.source_text if doc._.source_text is not None else doc.text
    meta = doc._.meta or {}
    dl = doc._.dateline or {}
    table: dict = doc._.actor_table or {}
    mentions = doc._.actor_mentions or []

    # Public ids in order of first mention; actors referenced but never mentioned come last.
    order: list[str] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.key not in spans:
            order.append(m.key)
            spans[m.key] = []
        spans[m.key].append((m.start, m.end))
    for key in table:
        if key not in spans:
            order.append(key)
            spans[key] = []
    ids = {key: f"A{i}" for i, key in enumerate(order, 1)}

    actors = tuple(
        replace(table[k], id=ids[k], mentions=tuple(spans[k])) for k in order if k in table
    )

    def ref(r: ActorRef) -> ActorRef:
        return replace(r, actor=ids.get(r.actor)) if r.actor is not None else r

    quotes: list[Quote] = []
    qids: dict[str, str] = {}
    for i, q in enumerate(sorted(doc._.quotes or [], key=lambda q: q.start), 1):
        qids[q.id] = f"Q{i}"
        sp = q.speaker
        quotes.append(replace(q, id=f"Q{i}", speaker=Speaker(ids.get(sp.actor), sp.name, sp.country)))

    events: list[Event] = []
    for i, e in enumerate(sorted(doc._.events or [], key=lambda e: (e.evidence.start, e.id)), 1):
        events.append(replace(e, id=f"E{i}", source=ref(e.source), target=ref(e.target),
                              quote=qids.get(e.quote) if e.quote else None))

    am = ArticleMeta(
        id=article_id(text),
        url=meta.get("url"),
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        published=meta.get("published") or dl.get("date"),
        dateline=Dateline(dl.get("place"), dl.get("country")),
        language=meta.get("language") or "en",
    )
    return CodedArticle(article=am, actors=actors, events=tuple(events), quotes=tuple(quotes),
                        sectors=tuple(doc._.sectors or ()), contexts=tuple(doc._.contexts or ()),
                        text=text)


def empty(text: str, meta: Optional[dict] = None) -> CodedArticle:
    meta = meta or {}
    return CodedArticle(article=ArticleMeta(id=article_id(text), url=meta.get("url"),
                                            title=meta.get("title"), outlet=meta.get("outlet"),
                                            published=meta.get("published")), text=text)
