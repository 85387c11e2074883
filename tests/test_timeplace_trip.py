"""Meetings abroad under a home dateline: the event's own place, or the trip described just before,
beats the dateline city (texts written for the tests)."""
from __future__ import annotations

import pytest

from communique.model import Plover
from communique.timeplace import event_location, trip_place


def _doc(nlp, text, published="2025-10-30"):
    from communique.pipeline import make_doc
    doc = make_doc(nlp, text, {"published": published})
    for name, proc in nlp.pipeline:
        if name not in ("communique_quotes", "communique_events"):
            doc = proc(doc)
    return doc


def _loc(nlp, text, evidence, ptype, src, tgt, mode=None, published="2025-10-30"):
    doc = _doc(nlp, text, published)
    at = text.index(evidence)
    sent = next(s for s in doc.sents if s.start_char <= at < s.end_char)
    loc = event_location(doc, sent, src, tgt, Plover(ptype, mode))
    return loc.name, loc.country


@pytest.mark.parametrize("text,evidence,ptype,src,tgt,mode,want", [
    ("WASHINGTON - The US president met China's president in Busan on Thursday.",
     "met China's", "CONSULT", "USA", "CHN", None, ("Busan", "KOR")),
    ("WASHINGTON - The president met India's prime minister on the sidelines of the G20 summit in "
     "Johannesburg.", "met India's", "CONSULT", "USA", "IND", None, ("Johannesburg", "ZAF")),
    ("WASHINGTON - The US president met Chinese President Xi Jinping in Busan. The two leaders agreed "
     "to extend the truce.", "The two leaders", "AGREE", "USA", "CHN", None, ("Busan", "KOR")),
    ("WASHINGTON - Secretary of State Marco Rubio arrived in Kuala Lumpur on Thursday. He held talks with "
     "Malaysia's foreign minister.", "He held", "CONSULT", "USA", "MYS", None, ("Kuala Lumpur", "MYS")),
    ("CANBERRA - Australia's prime minister travelled to Indonesia on Sunday. He met President Prabowo "
     "Subianto on Monday.", "He met", "CONSULT", "AUS", "IDN", None, ("Indonesia", "IDN")),
    # a visit to a country named without a city keeps the visit rule (the host's capital)
    ("CANBERRA - Australia's prime minister travelled to Indonesia on Sunday. He met President Prabowo "
     "Subianto on Monday.", "He met", "CONSULT", "AUS", "IDN", "visit", ("Jakarta", "IDN")),
    # a visit to a city of the host country other than the dateline's
    ("SEOUL - Japan's prime minister arrived in Busan on Saturday. He held talks with South Korea's "
     "president.", "He held", "CONSULT", "JPN", "KOR", "visit", ("Busan", "KOR")),
])
def test_place_of_the_meeting_beats_the_dateline(nlp, text, evidence, ptype, src, tgt, mode, want):
    assert _loc(nlp, text, evidence, ptype, src, tgt, mode) == want


@pytest.mark.parametrize("text,evidence,ptype,src,tgt,want", [
    # not an in-person act: the dateline stays
    ("WASHINGTON - The US president met Chinese President Xi Jinping in Busan. On Friday the Treasury "
     "imposed sanctions on Iranian traders.", "imposed", "SANCTION", "USA", "IRN", ("Washington", "USA")),
    # another story: the earlier meeting involves neither party
    ("WASHINGTON - Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow. Separately, "
     "the United States and Japan agreed to build more missiles.", "agreed", "AGREE", "USA", "JPN",
     ("Washington", "USA")),
    # a place without a trip is no meeting place
    ("WASHINGTON - Storms flooded Busan on Monday. The United States and South Korea agreed to extend a "
     "swap line.", "agreed", "AGREE", "USA", "KOR", ("Washington", "USA")),
    # a call about a place is no trip there
    ("PARIS - France's president spoke by phone with Brazil's president about the summit in Belem. The two "
     "leaders agreed to coordinate.", "The two leaders", "AGREE", "FRA", "BRA", ("Paris", "FRA")),
    # an earlier meeting, dated: not placed by this trip
    ("WASHINGTON - The US president met Chinese President Xi Jinping in Busan on Thursday. The two leaders "
     "first met in 2017.", "first met", "CONSULT", "USA", "CHN", (None, None)),
])
def test_dateline_or_nothing_when_no_trip_applies(nlp, text, evidence, ptype, src, tgt, want):
    assert _loc(nlp, text, evidence, ptype, src, tgt) == want


def test_phone_call_is_never_placed_by_a_trip(nlp):
    text = ("WASHINGTON - The US president met Chinese President Xi Jinping in Busan. The two leaders spoke "
            "again later.")
    assert _loc(nlp, text, "spoke", "CONSULT", "USA", "CHN", "phone") == (None, None)


def test_later_plan_does_not_make_the_event_past(nlp):
    text = ("TOKYO - Japan's prime minister flew to Jakarta for talks. Indonesia and Japan agreed to hold joint "
            "drills next year.")
    assert _loc(nlp, text, "agreed", "AGREE", "JPN", "IDN", published="2025-04-12") == ("Jakarta", "IDN")


def test_trip_place_needs_a_shared_country(nlp):
    doc = _doc(nlp, "WASHINGTON - The US president met Chinese President Xi Jinping in Busan. They agreed.")
    sent = list(doc.sents)[-1]
    assert trip_place(doc, sent, {"USA"}).name == "Busan"
    assert trip_place(doc, sent, {"FRA"}) is None


@pytest.mark.parametrize("evidence,src,tgt,want", [
    ("met Donald Trump", "CHN", "USA", ("Busan", "KOR")),
    ("hosted Vladimir Putin", "RUS", "CHN", ("Beijing", "CHN")),
])
def test_each_event_takes_the_place_of_its_own_clause(nlp, evidence, src, tgt, want):
    text = ("WASHINGTON - Chinese President Xi Jinping, who hosted Vladimir Putin in Beijing last month, met "
            "Donald Trump in Busan on Thursday.")
    assert _loc(nlp, text, evidence, "CONSULT", src, tgt) == want
