"""Time and place of the seed article (needs ../shared)."""
from __future__ import annotations

import spacy

import communique.components  # noqa: F401
from communique.pipeline import make_doc
from communique.timeplace import read_dateline, resolve_date, years_claim


def test_seed_dateline(seed_text):
    doc = make_doc(spacy.blank("en"), seed_text, {"published": "2025-02-25"})
    d = read_dateline(doc)
    assert (d["place"], d["country"], d["date"]) == ("Astana", "KAZ", "2025-02-25")
    assert seed_text[d["start"]:d["end"]].startswith("ASTANA")


def test_seed_dateline_year_comes_from_published(seed_text):
    doc = make_doc(spacy.blank("en"), seed_text, {"published": "2026-02-26"})
    assert read_dateline(doc)["date"] == "2026-02-25"


def test_seed_historical_expressions():
    assert resolve_date("in 2004", "2025-02-25") == "2004"
    assert resolve_date("almost 20 years later", "2025-02-25") is None
    assert years_claim("almost 20 years later") == (20, True)
