"""Held-out actor gaps (texts written for these tests): bare "the president" owned by the nearest national
actor before it, EU institutions acting for the EU, weapon systems never people, and whom "its" means."""
from __future__ import annotations

import pytest

from communique.actors_pronouns import its_owner
from communique.actors_testing import actor_at, actor_doc


def _actor(text, mention, published='2025-06-10', nth=0, dateline=None):
    return actor_at(text, mention, published, nth=nth, dateline=dateline)


# ---------------------------------------------------------------- 1. bare "the president"
@pytest.mark.parametrize("text,mention,nth,country", [
    ("Mexico's foreign ministry denied reports that the president had met the Guatemalan president "
     "during the summit in Rio de Janeiro.", "the president", 0, "MEX"),
    ("Mexico's foreign ministry denied reports that the president had met the Guatemalan president "
     "during the summit in Rio de Janeiro.", "the Guatemalan president", 0, "GTM"),
    ("After talks with Brazil, Argentina's government said the president would travel to Chile.",
     "the president", 0, "ARG"),
    ("Colombia's defence ministry said rebels attacked a base. The president condemned the attack.",
     "The president", 0, "COL"),
    ("Kenya's interior ministry said that the president would address parliament on Tuesday.",
     "the president", 0, "KEN"),
    ("The Philippine coast guard said the president had ordered more patrols near the shoal.",
     "the president", 0, "PHL"),
])
def test_bare_president_takes_the_nearest_national_owner(text, mention, nth, country):
    a = _actor(text, mention, nth=nth)
    assert a is not None and a.kind == "person" and a.country == country


@pytest.mark.parametrize("text,country", [
    ("Xi Jinping hosted Lula in Beijing on Friday. China's foreign ministry said the president praised the visit.",
     "CHN"),
    ("Zelensky arrived in Warsaw on Monday. Poland's foreign ministry said the president would meet him.", "POL"),
    ("Kyrgyz President Sadyr Japarov met the Omani foreign minister. The Omani diplomat thanked the president.",
     "KGZ"),
])
def test_the_sentence_owner_beats_a_president_named_earlier(text, country):
    a = _actor(text, "the president", published="2025-10-01")
    assert a is not None and a.kind == "person" and a.country == country


@pytest.mark.parametrize("text,mention", [
    ("Norway's foreign ministry said on Monday that the president had been informed.", "the president"),
    ("Delegates in Brazil said the president of the assembly had resigned.", "the president"),
])
def test_bare_president_is_not_guessed_without_an_owner_that_has_one(text, mention):
    a = _actor(text, mention)
    assert a is None or a.country not in ("NOR", "BRA")


# ---------------------------------------------------------------- 3. EU institutions act for the EU
@pytest.mark.parametrize("text,mention,name", [
    ("The European Commission fined three carmakers on Wednesday.", "European Commission", "European Commission"),
    ("The European Parliament voted to suspend the trade deal.", "European Parliament", "European Parliament"),
    ("The Council of the EU adopted new sanctions against Belarus.", "Council of the EU",
     "Council of the European Union"),
    ("The European Council agreed to open accession talks with Moldova.", "European Council", "European Council"),
    ("The EU Council approved the migration pact.", "EU Council", "Council of the European Union"),
])
def test_eu_institutions_are_coded_as_the_eu(text, mention, name):
    a = _actor(text, mention)
    assert a is not None and a.kind == "organization"
    assert a.country == "EU" and a.name == name and a.cameo == "IGOEUREEC"


def test_the_eu_itself_and_other_bodies_unchanged():
    a = _actor("The Council of Europe and the EU condemned the vote.", "Council of Europe")
    assert a.country == "COE"
    assert _actor("The Council of Europe and the EU condemned the vote.", "EU").country == "EU"


# ---------------------------------------------------------------- 5. weapon systems are never people
@pytest.mark.parametrize("text,weapon", [
    ("Ukraine received two Patriot air defence systems from Germany.", "Patriot"),
    ("Britain sent more Storm Shadow missiles to Kyiv.", "Storm Shadow"),
    ("The United States approved ATACMS for strikes inside Russia.", "ATACMS"),
    ("Russia fired Iskander and Kinzhal missiles at Kharkiv overnight.", "Iskander"),
    ("Russia fired Iskander and Kinzhal missiles at Kharkiv overnight.", "Kinzhal"),
    ("Poland delivered Leopard 2 tanks while Washington sent 31 Abrams.", "Leopard"),
    ("Poland delivered Leopard 2 tanks while Washington sent 31 Abrams.", "Abrams"),
    ("Kyiv asked for more F-16 jets after Shahed drones hit Odesa.", "F-16"),
    ("Kyiv asked for more F-16 jets after Shahed drones hit Odesa.", "Shahed"),
    ("Romania will buy HIMARS launchers and Abrams tanks.", "HIMARS"),
    ("Romania will buy HIMARS launchers and Abrams tanks.", "Abrams"),
    ("Germany hesitated to send Taurus cruise missiles.", "Taurus"),
])
def test_weapon_systems_are_not_people(text, weapon):
    a = _actor(text, weapon)
    assert a is None or a.kind != "person"


@pytest.mark.parametrize("text,person", [
    ("Stacey Abrams said on Monday that she would run again.", "Stacey Abrams"),
    ("General Bradley Smith said the Patriot battery was ready.", "Bradley Smith"),
])
def test_people_with_weapon_like_names_stay_people(text, person):
    a = _actor(text, person)
    assert a is not None and a.kind == "person"


# ---------------------------------------------------------------- 2. whom "its" means
@pytest.mark.parametrize("text,nth,owner", [
    ("Sweden cleared its final hurdle to join NATO on Monday as the Hungarian parliament ratified its "
     "membership bid.", 1, "Sweden"),
    ("Sweden cleared its final hurdle to join NATO on Monday as the Hungarian parliament ratified its "
     "membership bid.", 0, "Sweden"),
    ("Finland moved closer to joining NATO after the Turkish parliament approved its accession protocol.",
     0, "Finland"),
    ("Georgia protested when the European Commission froze its application to join the EU.", 0, "Georgia"),
    ("Albania thanked Italy, which had supported its candidacy at the summit.", 0, "Albania"),
    ("Indonesia joined BRICS after the bloc accepted its application in January.", 0, "Indonesia"),
    ("Japan increased its defence budget after North Korea tested its new missile.", 1, "North Korea"),
    ("China said the United States had raised its tariffs again.", 0, "United States"),
    ("Egypt reopened its border crossing with Gaza after Israel withdrew its troops.", 1, "Israel"),
    ("Turkey's parliament approved Sweden's accession, ending its long delay.", 0, "Turkey"),
])
def test_its_owner(text, nth, owner):
    doc = actor_doc(text, "2024-03-04")
    tok = [t.i for t in doc if t.lower_ in ("its", "their")][nth]
    m = its_owner(doc, tok, doc._.actor_mentions, doc._.actor_table)
    assert m is not None and owner in m.text


def test_its_has_no_owner_without_a_state_before_it():
    doc = actor_doc("Its officials declined to comment.", "2024-03-04")
    assert its_owner(doc, 0, doc._.actor_mentions, doc._.actor_table) is None


@pytest.mark.parametrize("text,expect_ok", [
    ("Ukraine received two Patriot air defence systems.", True),      # the weapon is no person: passes
    ("Patriot Smith, a farmer, spoke to reporters in Texas.", False),   # a person named Patriot: fails not_kind
])
def test_eval_not_kind_rejects_a_person(text, expect_ok):
    from communique.evaluation.actors import score
    fx = {"id": "t", "category": "weapon", "published": "2025-06-10", "text": text,
          "mentions": [{"text": "Patriot", "country": None, "sector": None, "not_kind": "person"}]}
    res = score([fx])
    assert bool(res["rows"][0][1]) is expect_ok
