"""Units of the event coder: dedup, PentaClass mapping, GSR name mapping, fixture matching,
modality conversions."""
from __future__ import annotations

import pytest

from communique.model import ActorRef, Cameo, Event, Evidence, Plover


def _ev(src, tgt, ptype, when="reported", conf=0.8, date=None, start=0, actor=None):
    return Event(id="e", source=ActorRef(actor=actor, country=src), target=ActorRef(country=tgt),
                 plover=Plover(ptype), cameo=Cameo("040", "04", 1.0, 1), when=when, date=date,
                 confidence=conf, evidence=Evidence(start, start + 5, "x"))


def test_dedup_keeps_most_confident_and_separates_modalities():
    from communique.events import dedup
    evs = [_ev("OMN", "KAZ", "CONSULT", conf=0.6), _ev("OMN", "KAZ", "CONSULT", conf=0.9, start=10),
           _ev("OMN", "KAZ", "CONSULT", when="past", date="2004"), _ev("KAZ", "OMN", "CONSULT")]
    out = dedup(evs)
    assert len(out) == 3
    assert max(e.confidence for e in out if e.when == "reported" and e.source.country == "OMN") == 0.9


def test_dedup_prefers_named_people():
    from communique.events import dedup
    a = _ev("OMN", "KAZ", "SUPPORT", conf=0.9, actor="country:omn")
    b = _ev("OMN", "KAZ", "SUPPORT", conf=0.7, actor="person:x")
    out = dedup([a, b], {"country:omn": "country", "person:x": "person"})
    assert len(out) == 1 and out[0].source.actor == "person:x" and out[0].confidence == 0.9


@pytest.mark.parametrize("code,cls", [(None, 0), ("010", 0), ("020", 0), ("036", 1), ("051", 1), ("042", 1),
                                      ("061", 2), ("070", 2), ("0841", 2), ("111", 3), ("100", 3),
                                      ("138", 3), ("141", 4), ("163", 3), ("173", 4), ("190", 4), ("2042", 4)])
def test_penta_class(code, cls):
    from communique.events.sentences import penta_class
    assert penta_class(code) == cls


def test_gsr_old_names_are_mapped(tmp_path):
    import json
    from communique.evaluation.gsr import read
    p = tmp_path / "g.json"
    p.write_text(json.dumps([{"event": "DOCUMENT", "text": "x"}, {"event": "DEMAND", "text": "a"},
                             {"event": "FIGHT", "text": "b"}, {"event": "DISAPPROVE", "text": "c"},
                             {"event": "INVESTIGATE", "text": "d"}, {"event": "AID", "text": "e"}]))
    assert [t for _, t in read(p)] == ["REQUEST", "ASSAULT", "ACCUSE", "ACCUSE", "AID"]


def test_fixture_matching_is_one_to_one():
    from communique.evaluation.events import match
    preds = [{"source": "A", "target": "B", "type": "CONSULT", "when": "reported", "date": "2025-01-01", "conf": 0.9},
             {"source": "A", "target": "B", "type": "CONSULT", "when": "reported", "date": "2025-01-01", "conf": 0.5}]
    gold = [{"source": "A", "target": "B", "type": "CONSULT", "when": "reported", "date": "2025-01-01"}]
    p2g, g2p = match(preds, gold)
    assert p2g == [0, None] and g2p == [0]
    gold[0]["date"] = "2024"
    assert match(preds, gold)[1] == [None]


def test_fixtures_cover_every_type_and_modality():
    from communique import codebook
    from communique.evaluation.events import load
    from communique.model import WHEN_VALUES
    recs = load()
    assert len(recs) >= 80
    types = {g["type"] for r in recs for g in r["gold"]}
    whens = {g["when"] for r in recs for g in r["gold"]}
    assert types == set(codebook.PLOVER_TYPES)
    assert whens == set(WHEN_VALUES)


def test_floors_exist_for_every_suite_we_own():
    from communique.evaluation import floors
    for name in ("seed", "events", "penta", "gsr"):
        assert floors(name), name


@pytest.mark.parametrize("text,when,ptype", [
    ("Brazil will sign a trade agreement with Chile in March.", "future", "AGREE"),
    ("If talks fail, Brazil could impose sanctions on Chile.", "hypothetical", "THREATEN"),
    ("Brazil did not sign the agreement with Chile.", "negated", "SUPPORT"),
    ("Brazil will not meet Chile's demands.", "reported", "REJECT"),
    ("Brazil said it would withdraw its troops from Bolivia.", "future", "CONCEDE"),
    ("Brazil signed an agreement with Chile in 2011.", "past", "SUPPORT"),
])
def test_modality_conventions(extract, text, when, ptype):
    coded = extract(text, published="2025-02-03")
    got = [(e.when, e.plover.type) for e in coded.events]
    assert (when, ptype) in got, got


@pytest.mark.slow
def test_events_suite_meets_its_floors():
    from communique.evaluation import below_floor, run_suite
    r = run_suite("events")
    assert below_floor(r) == [], r.metrics


@pytest.mark.parametrize("text", ["", " ", '"""', "A.", "Met. Visited. Invited him to visit.",
                                  "He met her. She thanked him for the talks with the two countries.",
                                  "BAKU, May 3 — " + "x " * 500, "«»“”'\"\n\n\t"])
def test_odd_inputs_never_raise(extract, text):
    coded = extract(text, published="2025-01-01")
    for e in coded.events:
        assert 0 <= e.evidence.start <= e.evidence.end <= len(text)


def test_phone_calls_keep_the_caller_as_source(extract):
    coded = extract("ASTANA, March 3. Omani Sultan Haitham bin Tariq telephoned Kazakh President "
                    "Kassym-Jomart Tokayev on Monday.", published="2025-03-03")
    e = next(e for e in coded.events if e.plover.type == "CONSULT")
    assert (e.source.country, e.target.country, e.plover.mode) == ("OMN", "KAZ", "phone")


def test_dateline_words_are_not_arguments(extract):
    coded = extract("SEOUL, South Korea, May 2 (Agency) — Japanese Prime Minister Shigeru Ishiba sent "
                    "condolences to the Philippine president on Friday.", published="2025-05-02")
    got = {(e.source.country, e.target.country, e.plover.type) for e in coded.events}
    assert ("JPN", "PHL", "SUPPORT") in got
    assert not any("KOR" in (e.source.country, e.target.country) for e in coded.events)


def _doc_ev(src, tgt, ptype, code, mode=None, trigger="x", start=0, when="reported"):
    return Event(id="e", source=ActorRef(country=src), target=ActorRef(country=tgt),
                 plover=Plover(ptype, mode), cameo=Cameo(code, code[:2], 1.0, 1), when=when,
                 confidence=0.8, evidence=Evidence(start, start + 5, "x"), trigger=trigger)


@pytest.mark.parametrize("events,n", [
    # three documents signed in one sentence stay three agreements; praise that day is another act
    ([("A", "B", "SUPPORT", "057"), ("A", "B", "SUPPORT", "057"), ("A", "B", "SUPPORT", "057"),
      ("A", "B", "SUPPORT", "051", "praise")], 4),
    # a summons and the accusation that goes with it are two acts; a protest and an accusation one
    ([("A", "B", "ACCUSE", "114", "disapprove", "summoned"), ("A", "B", "ACCUSE", "112", "allege", "accused")], 2),
    ([("A", "B", "ACCUSE", "114", "disapprove", "protested"), ("A", "B", "ACCUSE", "112", "allege", "accused")], 1),
    # an expulsion and a trade ban are two sanctions; condolences and solidarity one gesture
    ([("A", "B", "SANCTION", "166", "expel"), ("A", "B", "SANCTION", "163", "discontinue")], 2),
    ([("A", "B", "SUPPORT", "018", "condolence"), ("A", "B", "SUPPORT", "050")], 1),
    # a joint commitment reported from either side is one; an invitation and its acceptance are two
    ([("A", "B", "AGREE", "030"), ("B", "A", "AGREE", "030")], 1),
    ([("A", "B", "AGREE", "036", "invitation"), ("B", "A", "AGREE", "036", "invitation")], 2),
    # the talks, the reception and the visit are one visit
    ([("A", "B", "CONSULT", "042", "visit"), ("A", "B", "CONSULT", "040"), ("A", "B", "CONSULT", "043")], 1),
])
def test_dedup_tells_acts_apart(events, n):
    from communique.events import dedup
    assert len(dedup([_doc_ev(*e) for e in events])) == n
