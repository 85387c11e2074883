"""Article-level event patterns (several documents signed at once, dates carried from the lead,
crowd protests, expulsions, calls received, future months) on texts written for these tests."""
from __future__ import annotations

import pytest


def _events(extract, text, published, when="reported"):
    coded = extract(text, published=published)
    return [(e.source.country, e.target.country, e.plover.type, e.plover.mode, e.date)
            for e in coded.events if e.when == when]


def test_each_listed_document_is_its_own_agreement(extract):
    got = _events(extract, "SOFIA, March 4. Bulgaria and Greece signed a treaty on border crossings, an agreement "
                           "on rail freight and a memorandum on tourism on Tuesday.", "2025-03-04")
    assert sum(1 for e in got if e[2] == "SUPPORT") == 3, got


def test_collective_noun_before_a_list_is_not_an_extra_document(extract):
    got = _events(extract, "VIENNA, June 3. Austrian Chancellor Christian Stocker received Czech Prime Minister "
                           "Petr Fiala on Tuesday. In the presence of the two leaders, ministers signed two "
                           "documents: an agreement on energy links and a memorandum on cultural exchange.",
                  "2025-06-03")
    assert sum(1 for e in got if e[2] == "SUPPORT" and e[3] is None) == 2, got


def test_praise_and_agreement_of_one_day_stay_apart(extract):
    got = _events(extract, "RIGA, May 6. The Latvian and Estonian prime ministers signed a memorandum on energy "
                           "security on Tuesday. Estonian Prime Minister Kristen Michal praised Latvia for its "
                           "support.", "2025-05-06")
    assert ("EST", "LVA", "SUPPORT", "praise", "2025-05-06") in got, got
    assert any(e[2] == "SUPPORT" and e[3] is None for e in got), got


def test_summons_and_accusation_stay_apart(extract):
    got = _events(extract, "Poland summoned the Russian ambassador on Monday. The Polish foreign ministry "
                           "accused Moscow of sabotage.", "2025-05-13")
    modes = {e[3] for e in got if e[2] == "ACCUSE"}
    assert {"disapprove", "allege"} <= modes, got


def test_message_of_condolence(extract):
    got = _events(extract, "Brazilian President Lula sent a message of condolence to the Chilean president "
                           "after the forest fires.", "2025-02-05")
    assert ("BRA", "CHL", "SUPPORT", "condolence", "2025-02-05") in got, got


@pytest.mark.parametrize("text,published,want", [
    ("Hundreds of demonstrators gathered outside the Turkish embassy in Athens on Sunday.",
     "2025-03-10", ("GRC", "TUR", "PROTEST", "demo", "2025-03-09")),
    ("ROME, March 10. Several hundred people protested outside the Russian embassy on Monday.",
     "2025-03-10", ("ITA", "RUS", "PROTEST", "demo", "2025-03-10")),
])
def test_crowd_protest_takes_the_place_country(extract, text, published, want):
    assert want in _events(extract, text, published)


def test_lead_date_carries_to_later_paragraphs(extract):
    text = ("OSLO, Norway, May 8 (Test Wire) — Norway on Wednesday night closed its consulate in the city "
            "and suspended talks with Venezuela.\n\nThe Norwegian foreign minister also accused Venezuela of "
            "harassing its diplomats.")
    got = _events(extract, text, "2025-05-08")
    acc = [e for e in got if e[2] == "ACCUSE"]
    assert acc and acc[0][4] == "2025-05-07", got


@pytest.mark.parametrize("text", [
    "Finland declared two Russian diplomats persona non grata on Monday.",
    "Finland ordered two Russian diplomats to leave the country on Monday.",
])
def test_expulsions(extract, text):
    got = _events(extract, text, "2025-04-15")
    assert any(e[:4] == ("FIN", "RUS", "SANCTION", "expel") for e in got), got


def test_call_received_from_the_caller(extract):
    got = _events(extract, "Qatari Emir Tamim bin Hamad Al Thani received a telephone call on Monday from "
                           "Egyptian President Abdel Fattah el-Sisi.", "2025-04-15")
    assert ("EGY", "QAT", "CONSULT", "phone", "2025-04-14") in got, got


def test_aid_sent_to_a_region_goes_to_the_other_party(extract):
    text = ("ASHGABAT, Turkmenistan, June 2 (Test Wire) — Turkmen President Serdar Berdimuhamedov spoke by "
            "telephone with Tajik President Emomali Rahmon on Monday about the mudslides.\n\n"
            "Turkmenistan sent a convoy of food and tents to the Rasht valley on Monday.")
    got = _events(extract, text, "2025-06-02")
    assert any(e[:3] == ("TKM", "TJK", "AID") for e in got), got


@pytest.mark.parametrize("text,published,want", [
    ("The Greek prime minister will visit Egypt in March, his office said.", "2025-08-01", "2026-03"),
    ("The Kenyan president will travel to Tanzania in October, officials said.", "2025-08-01", "2025-10"),
])
def test_future_month_is_the_coming_one(extract, text, published, want):
    got = _events(extract, text, published, when="future")
    assert any(e[4] == want for e in got), got


def test_purpose_of_a_new_body_is_not_an_event(extract):
    got = _events(extract, "The presidents of Chile and Peru agreed to set up a joint commission to investigate "
                           "the causes of the border incident.", "2025-05-20")
    assert not any(e[2] == "ACCUSE" for e in got), got
