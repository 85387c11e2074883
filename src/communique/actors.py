"""Actor recognition and resolution in context. (stub: to be built)"""
from __future__ import annotations


def annotate(doc, kb):
    """-> (list[Mention], dict[key, Actor])"""
    return [], {}
