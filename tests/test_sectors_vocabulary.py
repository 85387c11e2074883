"""Sectors of cooperation and PLOVER contexts read from text."""
from __future__ import annotations

import pytest

from communique.codebook import PLOVER_CONTEXTS
from communique.sectors import SECTORS, contexts_of, sectors_of


@pytest.mark.parametrize("text,expected", [
    ("The ministers agreed to expand trade and investment ties.", {"trade", "investment"}),
    ("Talks focused on cooperation in energy, health and education.", {"energy", "health", "education"}),
    ("They reviewed prospects for cooperation in the transport and logistics, agriculture and "
     "cultural-humanitarian sectors.", {"transport", "logistics", "agriculture", "culture", "humanitarian"}),
    ("The sides discussed cooperation in the field of digitalization.", {"digitalization", "technology"}),
    ("Both countries want to deepen cooperation in IT and artificial intelligence.", {"digitalization", "technology"}),
    ("The carriers will launch direct flights between the two capitals.", {"aviation"}),
    ("Opening new air routes was also addressed.", {"aviation"}),
    ("Bilateral trade reached $2 billion last year.", {"trade"}),
    ("They signed agreements in the areas of tourism and finance.", {"tourism", "finance"}),
    ("The parties discussed security cooperation and counter-terrorism efforts.", {"security"}),
    ("The two defence ministers discussed military-technical cooperation.", {"defense"}),
    ("Energy projects and investment projects were on the agenda.", {"energy", "investment"}),
    ("He praised the cultural and humanitarian ties between the peoples.", {"culture", "humanitarian"}),
    ("The agreement covers cooperation on health care and pharmaceuticals.", {"health"}),
    ("Joint projects in the fields of transport and technology were discussed.", {"transport", "technology"}),
    ("The country will send humanitarian aid to the region.", {"humanitarian"}),
    ("The sides agreed to develop transit corridors and logistics hubs.", {"transport", "logistics"}),
    ("They plan to build new energy infrastructure together.", {"energy"}),
])
def test_sectors_found(text, expected):
    assert set(sectors_of(text)) == expected


@pytest.mark.parametrize("text", [
    "The sides exchanged views on current issues of regional security.",
    "He stressed the importance of peace, security and prosperity.",
    "The president met students and cultural figures at the reception.",
    "Oil prices rose on Monday.",
    "The minister thanked his host for the warm reception.",
    "The Security Council will meet on Friday.",
    "Relations for the sake of peace and security are important.",
    "Overnight strikes hit energy infrastructure in the east.",
    "Drones attacked military facilities near the border.",
    "The army set up security zones along the frontier.",
    "The military said it had seized large oil fields near the city.",
    "The referendum plan created a firestorm in global financial markets, but they agreed to resign.",
    "",
])
def test_no_sector_without_a_cooperation_frame(text):
    assert sectors_of(text) == []


def test_sectors_come_in_vocabulary_order():
    got = sectors_of("cooperation in tourism, energy and transport")
    assert got == [s for s in SECTORS if s in got] == ["transport", "energy", "tourism"]


def test_vocabulary():
    assert SECTORS == ("transport", "logistics", "aviation", "agriculture", "energy", "trade", "investment",
                       "finance", "digitalization", "technology", "culture", "education", "health", "tourism",
                       "security", "defense", "humanitarian")


@pytest.mark.parametrize("text,ptype,must,must_not", [
    ("The presidents met to discuss trade and investment cooperation.", "CONSULT", {"diplomatic", "economic"}, {"military"}),
    ("The foreign ministers held talks.", "CONSULT", {"diplomatic"}, {"economic"}),
    ("The army launched missiles at the border town.", "ASSAULT", {"military"}, {"diplomatic"}),
    ("Police arrested opposition activists accused of corruption.", "COERCE", {"corruption"}, {"diplomatic"}),
    ("The court convicted the smugglers of drug trafficking.", "SANCTION", {"legal", "trafficking", "illegal_drugs"}, set()),
    ("Thousands of refugees fled the earthquake zone.", None, {"migration", "disasters"}, set()),
    ("The sides agreed to cooperate in the field of digitalization.", "AGREE", {"technology"}, set()),
    ("Tehran said its nuclear programme was peaceful.", None, {"cbrn"}, set()),
    ("Hackers attacked the ministry's website in a cyber attack.", None, {"cyber"}, set()),
    ("The minister praised the host.", "SUPPORT", {"diplomatic"}, set()),
])
def test_contexts(text, ptype, must, must_not):
    got = contexts_of(text, ptype)
    assert must <= set(got), got
    assert not (must_not & set(got)), got
    assert all(c in PLOVER_CONTEXTS for c in got)
    assert got == [c for c in PLOVER_CONTEXTS if c in got]
