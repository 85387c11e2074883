"""Bare government bodies ("the Ministry of Commerce said") and relation-defined plural groups
("the downstream countries"): owners from the antecedent, the dateline, or the states named
(texts written for the tests)."""
from __future__ import annotations

import pytest

from communique.actors_bodies import find_bodies, find_groups
from communique.actors_testing import actor_at, actor_doc
from communique.kb.names import norm


def _actor(text, mention, dateline=None, published='2025-06-01', nth=0):
    return actor_at(text, mention, published, nth=nth, dateline=dateline)


BEIJING = {"place": "Beijing", "country": "CHN"}
SEOUL = {"place": "Seoul", "country": "KOR"}
MOSCOW = {"place": "Moscow", "country": "RUS"}


@pytest.mark.parametrize("text,mention,dateline,country,sector", [
    ("BEIJING - Tariffs on chips will rise next month, the Ministry of Commerce said.",
     "the Ministry of Commerce", BEIJING, "CHN", "GOV"),
    ("BEIJING - The foreign ministry said the remarks were irresponsible.",
     "The foreign ministry", BEIJING, "CHN", "GOV"),
    ("SEOUL - North Korea launched a rocket on Friday, the defence ministry said.",
     "the defence ministry", SEOUL, "KOR", "MIL"),
    ("MOSCOW - The presidential press service said the call lasted an hour.",
     "The presidential press service", MOSCOW, "RUS", "GOV"),
    ("SEOUL - The foreign ministry spokesperson declined to comment on the talks.",
     "The foreign ministry spokesperson", SEOUL, "KOR", "GOV"),
])
def test_bare_body_takes_the_dateline_country(text, mention, dateline, country, sector):
    a = _actor(text, mention, dateline)
    assert a is not None and (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize("text,mention,dateline,country", [
    # the nearest earlier body or office of the same portfolio beats the dateline
    ("BEIJING - Chinese President Xi Jinping received Russian Foreign Minister Sergei Lavrov. "
     "The foreign ministry said the talks were useful.", "The foreign ministry", BEIJING, "RUS"),
    ("SEOUL - Japan's defence ministry reported a missile launch. The defence ministry said it fell "
     "into the sea.", "The defence ministry", SEOUL, "JPN"),
    # a portfolio that does not match is no antecedent: the dateline decides
    ("BEIJING - Russian Foreign Minister Sergei Lavrov arrived on Monday. The Ministry of Commerce said "
     "exports were growing.", "The Ministry of Commerce", BEIJING, "CHN"),
    # both states' ministers in the nearest sentence: the dateline's own
    ("BEIJING - Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov. The foreign "
     "ministry said the meeting was cordial.", "The foreign ministry", BEIJING, "CHN"),
])
def test_bare_body_antecedent(text, mention, dateline, country):
    a = _actor(text, mention, dateline, published="2025-08-01")
    assert a is not None and a.country == country


@pytest.mark.parametrize("text,mention,dateline", [
    # an origin, not an acting body: left alone
    ("BAKU - Azerbaijan sent rescuers from the Ministry of Emergency Situations to the region.",
     "Ministry of Emergency Situations", {"place": "Baku", "country": "AZE"}),
    # without a dateline and with several states named, no owner is guessed
    ("Japan and Korea held talks. The foreign ministry said more meetings were planned.",
     "The foreign ministry", None),
    # inside a quotation the speaker's words may mean another government
    ('BEIJING - "The foreign ministry should apologise," the lawmaker said.', "The foreign ministry", BEIJING),
])
def test_bare_body_unresolved(text, mention, dateline):
    a = _actor(text, mention, dateline)
    assert a is None


def test_bare_body_without_dateline_takes_the_only_state():
    a = _actor("Kazakhstan raised its grain quota. The agriculture ministry said the harvest was strong.",
               "The agriculture ministry")
    assert a is not None and a.country == "KAZ"


def test_find_bodies_spans():
    text = "The Ministry of Foreign Affairs and the trade ministry spokesperson spoke; Russia's foreign ministry too."
    doc = actor_doc(text, "2025-01-01")
    tn = [norm(t.text) for t in doc]
    got = [(doc[s:e].text, p) for s, e, p, _ in find_bodies(doc, tn)]
    assert ("The Ministry of Foreign Affairs", "foreign") in got
    assert ("the trade ministry spokesperson", "trade") in got
    assert not any("Russia" in t or t == "foreign ministry" for t, _ in got)


ADDIS = {"place": "Addis Ababa", "country": "ETH"}


@pytest.mark.parametrize("text,mention,dateline,members", [
    ("ADDIS ABABA - Ethiopia filled the dam. Egypt and Sudan objected. Prime Minister Abiy Ahmed called on "
     "the downstream countries to cooperate.", "the downstream countries", ADDIS, ("EGY", "SDN")),
    ("ADDIS ABABA - Ethiopia opened the dam despite protests from Egypt. Prime Minister Abiy Ahmed called on "
     "downstream countries to cooperate.", "downstream countries", ADDIS, ("EGY",)),
    ("Afghanistan's rulers urged neighbouring states to stop deportations. Iran and Pakistan expelled "
     "thousands.", "neighbouring states", None, ("IRN", "PAK")),
])
def test_plural_group_resolves_to_the_other_states(text, mention, dateline, members):
    a = _actor(text, mention, dateline, published="2025-09-09")
    assert a is not None
    assert a.country == members[0]
    if len(members) > 1:
        assert a.kind == "group" and a.id == "group:" + "+".join(members)
    else:
        assert a.kind == "country"


def test_plural_group_with_every_state_in_its_sentence_is_unresolved():
    text = "CAIRO - Egypt accused Ethiopia of acting without an agreement with the downstream countries."
    assert _actor(text, "the downstream countries", {"place": "Cairo", "country": "EGY"}) is None


def test_two_governments_is_the_pair():
    text = "ISLAMABAD - Pakistan and India agreed to a truce. The two governments said talks would follow."
    a = _actor(text, "The two governments", {"place": "Islamabad", "country": "PAK"})
    assert a is not None and a.kind == "group" and set(a.id.split(":")[1].split("+")) == {"IND", "PAK"}


def test_find_groups_skips_possessed_groups():
    doc = actor_doc("Ethiopia's neighbouring states and the riparian nations met.", "2025-01-01")
    tn = [norm(t.text) for t in doc]
    assert [doc[s:e].text for s, e in find_groups(doc, tn)] == ["the riparian nations"]


def test_plural_group_with_too_many_candidates_is_unresolved():
    text = ("Finland, Sweden, Norway and Estonia raised defence spending. Russia warned the neighbouring states "
            "against hosting troops.")
    assert _actor(text, "the neighbouring states") is None


@pytest.mark.parametrize("text,mention,dateline,want", [
    ("JERUSALEM - The health ministry in Gaza said the strikes killed 40 people.", "The health ministry",
     {"place": "Jerusalem", "country": "ISR"}, "PSE"),
    ("LONDON - Ministry of Defence of Ukraine said it downed 50 drones.", "Ministry of Defence",
     {"place": "London", "country": "GBR"}, None),
])
def test_bare_body_owned_by_what_follows(text, mention, dateline, want):
    a = _actor(text, mention, dateline)
    assert (a.country if a is not None else None) == want
