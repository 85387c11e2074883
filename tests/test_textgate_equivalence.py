"""The regex gate (`communique.textgate`) skips work only: its matches equal the bare pattern's."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique import sectors
from communique.textgate import Gated, TextView


def _patterns():
    kw, _, anchor, standalone, _, _ = sectors._compiled()
    return [g for g, _ in kw] + [anchor] + [g for g, _ in standalone] + [g for g, _ in sectors._topic_rx()]


PATTERNS = _patterns()
SAMPLES = [
    "The two sides discussed cooperation in transport, logistics and agriculture.",
    "TRADE TURNOVER rose; DIRECT FLIGHTS resume. IT and AI firms signed deals on digital services.",
    "İstanbul hosted talks on energy and the Kelvin \u212aazakh grain deal; \u017fecurity ties grew.",
    "Officials at the ministry said nothing at all about the weather.",
    "",
]
ALPHABET = "aeiostrnlcdgyIT AIKSk-.,'\n\u0131\u017f\u212a\u0130\u00e9"


def _same(g: Gated, text: str) -> None:
    view = TextView(text)
    want = [m.span() for m in g.rx.finditer(text)]
    assert [m.span() for m in g.finditer(view)] == want
    assert list(g.spans(view)) == want
    assert g.found(view) == bool(want)
    assert (g.search(view) is None) == (g.rx.search(text) is None)


@pytest.mark.parametrize("text", SAMPLES)
def test_sector_patterns_match_as_bare(text):
    for g in PATTERNS:
        _same(g, text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60),
       st.sampled_from(["trade", "transport", "air", "tech", "cooperation in", "security", "IT", "AI", "ports"]))
def test_random_texts_match_as_bare(noise, word):
    text = noise + " " + word + " " + noise[::-1]
    for g in PATTERNS:
        _same(g, text)


@pytest.mark.parametrize("pattern, flags, text, expect_gate", [
    (r"\b(?:trade|exports?)\b", re.I, "They sold wheat.", False),
    (r"\b(?:trade|exports?)\b", re.I, "EXPORTS grew", True),
    (r"(?-i:AI)\b", re.I, "said the aide", False),
    (r"(?:natural\s+)?gas", re.I, "GAS prices", True),
    (r"x*", 0, "anything", True),                  # no needle: always runs
    # a candidate inside a word is skipped and the search goes on from the next character
    (r"\b(?:natural\s+gas|gas)\b", re.I, "xnatural gas and gases, GAS", True),
    (r"\b(?:ports?|rail)\b", re.I, "supports reports PORT rail-rail", True),
])

def test_gate_decisions(pattern, flags, text, expect_gate):
    g = Gated(re.compile(pattern, flags))
    assert g.possible(TextView(text)) == expect_gate
    _same(g, text)


@pytest.mark.parametrize("pattern, flags, lowered", [
    (r"\b(?:trade|exports?)\b", re.I, True),
    (r"(?-i:AI)", re.I, False),         # case-sensitive group
    (r"\bTrade\b", re.I, False),        # upper-case literal
    (r"\x41", re.I, False),             # escaped literal
    (r"trade", 0, False),               # not case-insensitive
])
def test_lowered_twin_only_when_exact(pattern, flags, lowered):
    assert (Gated(re.compile(pattern, flags)).low_rx is not None) == lowered


@pytest.mark.parametrize("pattern, unbounded", [
    (r"\b(?:trade|exports?)\b", True),
    (r"\ba|b", False),                 # the \b governs one alternative only
    (r"\b(?:x*)", False),              # may match the empty string
])
def test_unbounded_twin_only_when_exact(pattern, unbounded):
    assert (Gated(re.compile(pattern, re.I)).nob_rx is not None) == unbounded


DATE_TEXTS = [
    "The talks were held on Monday, March 5, 2024, two years after the 2022 accord.",
    "Since 2019 some 2000 troops left; nearly two decades later, on 12th of May, talks resumed.",
    "EARLIER THIS WEEK the ministers met; 3 days ago they spoke; the day before yesterday too.",
    "In mid-2020 and in the spring of 2021, officials said 2024-03-05 was set. Today, tomorrow.",
    "No dates here at all, only 2000 people and 5 km.",
]


@pytest.mark.parametrize("text", DATE_TEXTS)
def test_date_expressions_found_as_by_the_bare_pattern(text):
    from communique.dates import DATE_EXPR_RE
    from communique.textgate import GatedAlternation
    g = GatedAlternation(DATE_EXPR_RE)
    assert g.parts is not None and len(g.parts) > 2
    assert list(g.spans(text)) == [m.span() for m in DATE_EXPR_RE.finditer(text)]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(
    "on last next this Monday March 5 5th 2024 in since early mid-2019 late years ago two decades later "
    "today yesterday the day before tomorrow earlier week 2024-03-05 of 12 people troops % km almost a".split()),
    max_size=20))
def test_random_date_texts(words):
    from communique.dates import DATE_EXPR_RE
    from communique.textgate import GatedAlternation
    text = " ".join(words)
    assert list(GatedAlternation(DATE_EXPR_RE).spans(text)) == [m.span() for m in DATE_EXPR_RE.finditer(text)]


@pytest.mark.parametrize("pattern", [r"\b(?:a|b)", r"(?:a|b)\b", r"\b(?:a)\b", r"\b(?:a|x*)\b"])
def test_alternation_falls_back_when_not_exact(pattern):
    from communique.textgate import GatedAlternation
    g = GatedAlternation(re.compile(pattern, re.I))
    assert g.parts is None
    assert list(g.spans("a b ab x")) == [m.span() for m in g.rx.finditer("a b ab x")]
