"""The trigger lexicon is data: every rule must name a real CAMEO code, a PLOVER type, a mode
the manual knows (or one of our documented extensions) and a known argument frame."""
from __future__ import annotations

import pytest

from communique.events import lexicon as L

# modes the gold/contract use that the manual's mode tables do not list
EXTENSION_MODES = {("AGREE", "invitation"), ("SUPPORT", "praise"), ("SUPPORT", "condolence"), ("AGREE", "visit")}
FRAMES = {"sv", "host", "from", "recip", "visit", "accept", "host_event", "none", "summon", "must", "stmt", "cargo"}
ALL = [s for v in L.SENSES.values() for s in v]


def test_lexicon_is_not_trivial():
    types = {s.ptype for s in ALL}
    assert len(ALL) > 250
    assert len(types) == 16


@pytest.mark.parametrize("sense", ALL, ids=[f"{s.kind}-{s.lemma}-{s.code}" for s in ALL])
def test_rule_codes(sense):
    from communique import codebook
    assert codebook.is_cameo(sense.code), sense
    assert sense.ptype in codebook.PLOVER_TYPES
    assert sense.frame in FRAMES
    assert 0.0 <= sense.conf <= 1.0
    if sense.mode:
        assert codebook.is_plover_mode(sense.ptype, sense.mode) or (sense.ptype, sense.mode) in EXTENSION_MODES


@pytest.mark.parametrize("sense", [s for s in ALL if any(n in ("obj", "subj", "notsubj") and v in L.CLASSES
                                                         for n, v in s.conds)])
def test_classes_exist(sense):
    for n, v in sense.conds:
        if n == "light":
            assert v in L.LIGHT


def test_light_conditions_name_known_classes():
    for s in ALL:
        for n, v in s.conds:
            if n == "light":
                assert v in L.LIGHT, s
