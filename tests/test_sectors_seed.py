"""Sectors and contexts of the seed article (needs ../shared)."""
from __future__ import annotations

import pytest

from communique.sectors import contexts_of, sectors_of

GOLD_SECTORS = {"transport", "logistics", "agriculture", "culture", "humanitarian", "digitalization", "technology"}


def test_seed_sectors_cover_the_gold(seed_text):
    got = set(sectors_of(seed_text))
    assert GOLD_SECTORS <= got
    # "regional security" is a topic of an exchange of views there, not a sector of cooperation
    assert "security" not in got
    # the only addition allowed is aviation (the article names direct air routes / connections)
    assert got - GOLD_SECTORS <= {"aviation"}


def test_seed_contexts(seed_text):
    got = contexts_of(seed_text)
    assert {"diplomatic", "economic", "technology"} <= set(got)
    assert "military" not in got
