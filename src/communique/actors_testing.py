"""Run only the actor resolver on a text (spaCy model + communique.actors), for tests and evaluation.

Independent of the other custom components, so actor tests measure actor resolution alone.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional


@lru_cache(maxsize=1)
def _nlp():
    from . import components  # noqa: F401  (doc extensions)
    from .pipeline import load_model
    return load_model()


def actor_doc(text: str, published: Optional[str] = None, dateline: Optional[dict] = None, kb=None):
    """A parsed Doc with ``doc._.actor_mentions`` and ``doc._.actor_table`` filled."""
    from . import actors
    from .kb import KnowledgeBase
    from .pipeline import make_doc
    nlp = _nlp()
    doc = make_doc(nlp, text, {"published": published})
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    doc._.dateline = dateline or {}
    doc._.actor_mentions, doc._.actor_table = actors.annotate(doc, kb or KnowledgeBase.default())
    return doc


def actor_at(text: str, mention: str, published: Optional[str] = None, *, nth: int = 0,
             dateline: Optional[dict] = None):
    """The Actor resolved for the `nth` occurrence of `mention` in `text` (the mention overlapping it
    most), or None when no actor mention overlaps it."""
    doc = actor_doc(text, published, dateline=dateline)
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(mention, pos + 1)
    end = pos + len(mention)
    over = [m for m in doc._.actor_mentions if min(end, m.end) > max(pos, m.start)]
    if not over:
        return None
    m = max(over, key=lambda m: min(end, m.end) - max(pos, m.start))
    return doc._.actor_table[m.key]
