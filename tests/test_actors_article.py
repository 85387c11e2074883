"""Actor resolution on an article written for the tests (same style as the seed; runs without ../shared)."""
from __future__ import annotations

import pytest

from communique.actors_testing import actor_doc as _actor_doc


@pytest.fixture(scope="module")
def actor_doc():
    return _actor_doc

ARTICLE = (
    "BAKU, Azerbaijan, March 12. Azerbaijan and Jordan reviewed plans for cooperation in energy and "
    "tourism during a meeting between Azerbaijani President Ilham Aliyev and Jordan's Foreign Minister "
    "Ayman Safadi, local media reported.\n\n"
    "Greeting Safadi, Aliyev called Jordan a dependable friend of Azerbaijan. The president said the two "
    "countries could do much more together in trade and transport.\n\n"
    "Azerbaijan's Aliyev also sent his regards to King Abdullah II and renewed his invitation to visit Baku.\n\n"
    "\"Your country is admired by our people,\" Aliyev said.\n\n"
    "Jordan's foreign minister thanked the President for the hospitality. \"We value the achievements of "
    "Azerbaijan,\" the diplomat added.\n\n"
    "Azerbaijani businessmen are expected in Amman next month, while the Kremlin said it welcomed the talks."
)
PUBLISHED = "2025-03-12"


@pytest.fixture(scope="module")
def coded(actor_doc):
    return actor_doc(ARTICLE, PUBLISHED)


def _actor_of(doc, text, nth=0):
    ms = [m for m in doc._.actor_mentions if m.text == text]
    assert len(ms) > nth, f"no mention {text!r}: {[m.text for m in doc._.actor_mentions]}"
    return doc._.actor_table[ms[nth].key]


@pytest.mark.parametrize("text,country,role", [
    ("Azerbaijani President Ilham Aliyev", "AZE", "head of state"),
    ("Jordan's Foreign Minister Ayman Safadi", "JOR", "foreign minister"),
    ("King Abdullah II", "JOR", "head of state"),
])
def test_people_country_and_role(coded, text, country, role):
    a = _actor_of(coded, text)
    assert a.kind == "person"
    assert (a.country, a.role) == (country, role)
    assert a.cameo == country + "GOV"


@pytest.mark.parametrize("text,same_as", [
    ("Aliyev", "Azerbaijani President Ilham Aliyev"),
    ("The president", "Azerbaijani President Ilham Aliyev"),
    ("the President", "Azerbaijani President Ilham Aliyev"),
    ("Azerbaijan's Aliyev", "Azerbaijani President Ilham Aliyev"),
    ("Safadi", "Jordan's Foreign Minister Ayman Safadi"),
    ("Jordan's foreign minister", "Jordan's Foreign Minister Ayman Safadi"),
    ("the diplomat", "Jordan's Foreign Minister Ayman Safadi"),
])
def test_coreference(coded, text, same_as):
    assert _actor_of(coded, text).id == _actor_of(coded, same_as).id


def test_metonym_group_and_pair(coded):
    assert _actor_of(coded, "the Kremlin").cameo == "RUSGOV"
    biz = _actor_of(coded, "Azerbaijani businessmen")
    assert (biz.country, biz.sector, biz.kind) == ("AZE", "BUS", "group")
    pair = _actor_of(coded, "the two countries")
    assert pair.kind == "group" and "Azerbaijan" in pair.name and "Jordan" in pair.name


def test_place_is_not_an_actor(coded):
    assert not [m for m in coded._.actor_mentions if m.text == "Amman"]
