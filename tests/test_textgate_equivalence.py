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
