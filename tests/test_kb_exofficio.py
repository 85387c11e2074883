"""The knowledge base: ex officio offices rank after primary ones; demonyms cover the UN members."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from communique.kb import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]


def _derive():
    spec = importlib.util.spec_from_file_location("derive_kb", ROOT / "scripts" / "derive_kb.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_mark_ex_officio_keeps_the_curated_office_primary():
    rows = [
        {"name": "A B", "country": "XAA", "role": "head of state", "title": "President", "start": "2017-05-14",
         "end": "", "wikidata": "Q1", "source": "wikidata+curated"},
        {"name": "A B", "country": "XBB", "role": "head of state", "title": "Co-prince", "start": "2017",
         "end": "", "wikidata": "Q1", "source": "wikidata"},
        {"name": "C D", "country": "XCC", "role": "head of state", "title": "President", "start": "2010",
         "end": "", "wikidata": "Q2", "source": "wikidata"},
    ]
    _derive().mark_ex_officio(rows)
    assert "exofficio" not in rows[0]["source"] and "exofficio" in rows[1]["source"]
    assert rows[1]["start"] == "2017-05-14"          # cannot start before the primary office
    assert "exofficio" not in rows[2]["source"]


@pytest.mark.parametrize("pid_name,date,country", [
    ("Emmanuel Macron", "2017-06-01", "FRA"),
    ("Emmanuel Macron", "2024-06-01", "FRA"),
    ("Charles III", "2023-06-01", "GBR"),
])
def test_active_term_prefers_the_primary_office(pid_name, date, country):
    kb = KnowledgeBase.default()
    p = kb.person_by_name(pid_name)
    assert p is not None
    assert kb.active_term(p.pid, date).country == country


def test_every_un_member_has_an_adjective():
    kb = KnowledgeBase.default()
    missing = [c for c in kb.un_members() if not kb.countries[c].get("adjectives")]
    assert not missing
    for adj, code in (("Ecuadorian", "ECU"), ("Maldivian", "MDV"), ("Comorian", "COM"), ("Djiboutian", "DJI"),
                      ("Slovenian", "SVN"), ("Surinamese", "SUR"), ("Antiguan", "ATG"), ("Bosnian", "BIH")):
        assert any(e.id == code for e in kb.lookup(adj)), adj
