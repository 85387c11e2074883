"""The derived knowledge base: countries, organisations, dated office holders, serialisation."""
from __future__ import annotations

import csv
import re

import pytest

from communique.kb import DATA_DIR, KnowledgeBase


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.default()


def test_all_un_members_and_no_vatican(kb):
    assert len(kb.un_members()) == 193
    assert "VAT" not in kb.un_members()
    assert len(kb.countries) >= 249


@pytest.mark.parametrize("phrase,code,form", [
    ("Kazakh", "KAZ", "adj"), ("Kazakhstani", "KAZ", "adj"), ("Omani", "OMN", "adj"), ("Emirati", "ARE", "adj"),
    ("Azeri", "AZE", "adj"), ("Saudi", "SAU", "adj"), ("Turkish", "TUR", "adj"), ("Türkiye", "TUR", "name"),
    ("Turkey", "TUR", "name"), ("Astana", "KAZ", "capital"), ("the Kremlin", "RUS", "seat"),
    ("the White House", "USA", "seat"), ("Downing Street", "GBR", "seat"), ("Élysée", "FRA", "seat"),
    ("French", "FRA", "adj"),
])
def test_country_phrases(kb, phrase, code, form):
    assert ("country", code, form) in {(e.kind, e.id, e.form) for e in kb.lookup(phrase)}
    assert kb.lookup(phrase)[0].id == code


@pytest.mark.parametrize("phrase,code,cameo", [
    ("UN", "UN", "IGOUNO"), ("Shanghai Cooperation Organisation", "SCO", None), ("CSTO", "CSTO", None),
    ("Eurasian Economic Union", "EAEU", None), ("GCC", "GCC", "IGOPGSGCC"), ("NATO", "NATO", "IGOWSTNAT"),
    ("European Union", "EU", "IGOEUREEC"), ("OIC", "OIC", "IGOMOSOIC"), ("African Union", "AU", "IGOAFRAFU"),
])
def test_organisations(kb, phrase, code, cameo):
    e = [x for x in kb.lookup(phrase) if x.kind == "org"][0]
    assert e.id == code
    if cameo:
        assert kb.orgs[code]["cameo"] == cameo


def test_stale_nato_members_fixed(kb):
    members = set(kb.orgs["NATO"]["members"])
    assert {"FIN", "SWE", "MKD"} <= members
    assert "GBR" not in kb.orgs["EU"]["members"]


@pytest.mark.parametrize("country,role,date,name", [
    ("KAZ", "head of state", "2005-06-01", "Nursultan Nazarbayev"),
    ("KAZ", "head of state", "2025-02-25", "Kassym-Jomart Tokayev"),
    ("OMN", "head of state", "2015-01-01", "Qaboos bin Said"),
    ("OMN", "head of state", "2025-02-25", "Haitham bin Tariq"),
    ("OMN", "foreign minister", "2025-02-25", "Badr Al-Busaidi"),
    ("OMN", "foreign minister", "2004-06-30", "Yusuf bin Alawi bin Abdullah"),
    ("USA", "foreign minister", "2025-06-01", "Marco Rubio"),
    ("USA", "head of government", "2025-06-01", "Donald Trump"),
    ("TUR", "head of government", "2012-01-01", "Recep Tayyip Erdoğan"),
    ("FRA", "head of state", "2024-01-01", "Emmanuel Macron"),
])
def test_dated_holders(kb, country, role, date, name):
    assert kb.holder(country, role, date).name == name


def test_no_wikidata_ids_left_as_names():
    with (DATA_DIR / "offices.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert rows
    assert not [r for r in rows if re.fullmatch(r"Q\d+", r["name"])]
    assert all(r["source"] for r in rows)
    assert not [r for r in rows if r["start"][:4].isdigit() and int(r["start"][:4]) < 1900]


def test_coverage_of_un_members(kb):
    cov = kb.coverage("2025-06-01")
    assert cov["un_members"] == 193
    for role in ("head of state", "head of government", "foreign minister"):
        assert cov[role] >= 185, (role, cov["missing"][role])


def test_sector_nouns(kb):
    assert kb.agents["minister"] == "GOV"
    assert kb.agents["troops"] == "MIL"
    assert kb.agents["businessmen"][:3] == "BUS"


def test_derived_files_are_small():
    total = sum(p.stat().st_size for p in DATA_DIR.iterdir() if p.is_file())
    assert total < 5 * 1024 * 1024


def test_to_disk_from_disk_roundtrip(tmp_path, kb):
    kb.to_disk(tmp_path / "kb")
    again = KnowledgeBase.from_disk(tmp_path / "kb")
    assert again.holder("KAZ", "head of state", "2025-02-25").name == "Kassym-Jomart Tokayev"
    assert len(again.phrases) == len(kb.phrases)
