"""Acceptance anchor: the seed article's three people, with country, role and coreference (needs ../shared)."""
from __future__ import annotations

import pytest

from communique.actors_testing import actor_doc


@pytest.fixture(scope="module")
def seed_doc(seed_text):
    return actor_doc(seed_text, "2025-02-25")


def _by_name(doc, name):
    found = [a for a in doc._.actor_table.values() if a.name == name]
    assert found, sorted(a.name for a in doc._.actor_table.values())
    return found[0]


@pytest.mark.parametrize("name,country,role,title", [
    ("Kassym-Jomart Tokayev", "KAZ", "head of state", "President"),
    ("Badr Al-Busaidi", "OMN", "foreign minister", None),
    ("Haitham bin Tariq", "OMN", "head of state", "Sultan"),
])
def test_seed_people(seed_doc, name, country, role, title):
    a = _by_name(seed_doc, name)
    assert (a.kind, a.country, a.role, a.sector) == ("person", country, role, "GOV")
    if title:
        assert a.title == title


@pytest.mark.parametrize("mention,name", [
    ("the diplomat", "Badr Al-Busaidi"),
    ("Oman's foreign minister", "Badr Al-Busaidi"),
    ("the President", "Kassym-Jomart Tokayev"),
    ("The president", "Kassym-Jomart Tokayev"),
    ("Kazakhstan’s Tokayev", "Kassym-Jomart Tokayev"),
])
def test_seed_coreference(seed_doc, mention, name):
    ms = [m for m in seed_doc._.actor_mentions if m.text == mention]
    assert ms, [m.text for m in seed_doc._.actor_mentions]
    assert seed_doc._.actor_table[ms[0].key].name == name
