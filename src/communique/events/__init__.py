"""Event detection and coding (CAMEO + PLOVER). (stub: to be built)"""
from __future__ import annotations


def annotate(doc):
    """-> (list[Event], sectors, contexts); Event.source/target.actor hold actor keys."""
    return [], [], []
