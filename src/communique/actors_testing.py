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
