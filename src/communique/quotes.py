"""Direct and indirect quotes with resolved speakers. (stub: to be built)"""
from __future__ import annotations


def annotate(doc):
    """-> list[Quote] (speaker.actor holds an actor key)"""
    return []
