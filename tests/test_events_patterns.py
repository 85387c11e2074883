"""General trigger/argument/direction patterns on sentences written for these tests
(none of them is in the evaluation fixtures)."""
from __future__ import annotations

import pytest

CASES = [
    # text, published, (source, target, type, when)
    ("MADRID, June 2. Spanish Prime Minister Pedro Sanchez met with Mauritanian President Mohamed Ould Ghazouani in Madrid.",
     "2025-06-02", ("MRT", "ESP", "CONSULT", "reported")),
    ("The Slovak prime minister was received by Chinese President Xi Jinping in Beijing on Friday.",
     "2025-06-06", ("SVK", "CHN", "CONSULT", "reported")),
    ("Kyrgyzstan's foreign minister paid a working visit to Tajikistan on Monday.",
     "2025-06-09", ("KGZ", "TJK", "CONSULT", "reported")),
    ("Danish Prime Minister Mette Frederiksen telephoned Ukrainian President Volodymyr Zelensky on Sunday.",
     "2025-06-09", ("DNK", "UKR", "CONSULT", "reported")),
    ("The Sri Lankan president invited his Indonesian counterpart to visit Colombo.",
     "2025-06-09", ("LKA", "IDN", "AGREE", "reported")),
    ("Croatia and Slovenia signed an agreement on a joint nuclear power plant.",
     "2025-06-09", ("HRV", "SVN", "SUPPORT", "reported")),
    ("The Irish government condemned Russia's attack on a hospital in Kyiv.",
     "2025-06-09", ("IRL", "RUS", "ACCUSE", "reported")),
    ("Latvia expelled two Russian diplomats on Tuesday.",
     "2025-06-10", ("LVA", "RUS", "SANCTION", "reported")),
    ("Sweden urged Turkey to ratify its membership in the alliance.",
     "2025-06-10", ("SWE", "TUR", "REQUEST", "reported")),
    ("Uruguay rejected Argentina's request to extradite the businessman.",
     "2025-06-10", ("URY", "ARG", "REJECT", "reported")),
    ("China threatened to impose sanctions on Lithuania over the opening of the office.",
     "2025-06-10", ("CHN", "LTU", "THREATEN", "reported")),
    ("Qatar sent humanitarian aid to Afghanistan after the earthquake.",
     "2025-06-10", ("QAT", "AFG", "AID", "reported")),
    ("The Belgian prime minister will visit Morocco in September.",
     "2025-06-10", ("BEL", "MAR", "AGREE", "future")),
    ("The last visit of a Portuguese president to Angola was in 2018.",
     "2025-06-10", ("PRT", "AGO", "CONSULT", "past")),
    ("The Austrian and Swiss ministers did not meet in Vienna, officials said.",
     "2025-06-10", ("CHE", "AUT", "CONSULT", "negated")),
    ("If Armenia leaves the alliance, Russia could impose sanctions on Yerevan.",
     "2025-06-10", ("RUS", "ARM", "THREATEN", "hypothetical")),
]


@pytest.mark.parametrize("text,published,want", CASES, ids=[c[2][2] + "-" + c[2][3] for c in CASES])
def test_pattern(extract, text, published, want):
    coded = extract(text, published=published)
    got = [(e.source.country, e.target.country, e.plover.type, e.when) for e in coded.events]
    assert want in got, got


NO_EVENT = [
    "The ministry's annual report covers trade, tourism and investment.",
    "Negotiations are a complex art, the professor told students in Oslo.",
    "The talks about the weather dominated the morning show.",
    "Kazakhstan's wheat harvest was the largest in a decade.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event_without_two_parties(extract, text):
    assert extract(text, published="2025-06-10").events == ()


def test_reciprocal_meeting_coded_once(extract):
    coded = extract("BAKU, June 4. The presidents of Azerbaijan and Kazakhstan held talks in Baku. "
                    "Aliyev and Tokayev also met in a restricted format.", published="2025-06-04")
    consult = [e for e in coded.events if e.plover.type == "CONSULT" and e.when == "reported"]
    assert len(consult) == 1
    assert (consult[0].source.country, consult[0].target.country) == ("KAZ", "AZE")
    assert consult[0].plover.mode == "visit" and consult[0].cameo.code == "042"


def test_hosting_verb_inverts_direction(extract):
    coded = extract("Egyptian President Abdel Fattah el-Sisi hosted the Emir of Kuwait in Cairo on Monday.",
                    published="2025-06-10")
    e = next(e for e in coded.events if e.plover.type == "CONSULT")
    assert (e.source.country, e.target.country) == ("KWT", "EGY")


def test_passive_agent_is_source(extract):
    coded = extract("Georgia was criticized by the European Union for the new media law.", published="2025-06-10")
    e = next(e for e in coded.events if e.plover.type == "ACCUSE")
    assert (e.source.country, e.target.country) == ("EU", "GEO")
