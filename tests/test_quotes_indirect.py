"""Indirect (reported) speech: content spans, speakers and what is not reported speech."""
from __future__ import annotations

import pytest


def indirect(extract, text):
    return [q for q in extract(text, published="2025-06-02").quotes if not q.direct]


@pytest.mark.parametrize("text, content, surname", [
    ("Tokayev noted that the two countries had great untapped potential in transport.",
     "the two countries had great untapped potential in transport", "Tokayev"),
    ("The ministry said it would summon the ambassador on Monday.",
     "it would summon the ambassador on Monday", None),
    ("According to the press service, the sides agreed to open a direct flight.",
     "the sides agreed to open a direct flight", None),
    ("The talks were constructive and open, Lavrov told reporters in Moscow.",
     "The talks were constructive and open", "Lavrov"),
    ("Lavrov thanked his host and stressed that Moscow valued the partnership.",
     "Moscow valued the partnership", "Lavrov"),
    ("Tokayev expressed confidence that the visit would give new impetus to trade.",
     "the visit would give new impetus to trade", "Tokayev"),
    ("The president noted with satisfaction that trade had doubled since 2022.",
     "trade had doubled since 2022", None),
    ("The deal, Lavrov said, would be signed in May.",
     "The deal, Lavrov said, would be signed in May", "Lavrov"),
    ("Interfax quoted Lavrov as saying that the deal would be signed in May.",
     "the deal would be signed in May", "Lavrov"),
])
def test_reported_content_and_speaker(extract, text, content, surname):
    qs = indirect(extract, text)
    got = [q for q in qs if q.text == content]
    assert got, [q.text for q in qs]
    if surname:
        assert surname in (got[0].speaker.name or "")


def test_dateline_is_not_part_of_the_content(extract):
    text = "ASTANA, June 2 - Kazakhstan will open a trade house in Muscat, Tokayev said on Monday."
    (q,) = indirect(extract, text)
    assert q.text == "Kazakhstan will open a trade house in Muscat"


@pytest.mark.parametrize("text", [
    "Tokayev met Lavrov in Astana on Monday.",
    "Kazakhstan and Oman discussed transport projects, Trend reports.",
    "Tokayev did not say that the visit was cancelled.",
    '"We are ready," said Tokayev.',
])
def test_not_reported_speech(extract, text):
    assert indirect(extract, text) == []


def test_partial_quote_inside_reported_clause(extract):
    text = 'Lavrov said Moscow was ready to talk "at any time and in any format".'
    coded = extract(text, published="2025-06-02")
    kinds = sorted((q.direct, q.text) for q in coded.quotes)
    assert (True, "at any time and in any format") in kinds
    assert any(not d and t.startswith("Moscow was ready to talk") for d, t in kinds)


def test_impersonal_passive_has_no_speaker(extract):
    text = ("The Foreign Ministry of Kazakhstan hosted the talks. "
            "It was noted that new projects would be launched in water supply.")
    (q,) = indirect(extract, text)
    assert q.text == "new projects would be launched in water supply"
    assert q.speaker.name is None and q.speaker.actor is None
