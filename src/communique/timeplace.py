"""Time and place: datelines, date expressions anchored on the published date, gazetteer. (stub: to be built)"""
from __future__ import annotations

from spacy.tokens import Doc


def read_dateline(doc: Doc) -> dict:
    """{place, country, date, start, end} of the dateline at the head of the article (None when absent)."""
    meta = doc._.meta or {}
    return {"place": None, "country": None, "date": meta.get("published"), "start": None, "end": None}
