"""Statement events (read from quotes) and coder events (read from the parse) must not count one
act twice: same source and target country, PLOVER type, modality and date, and overlapping
evidence -> one event, the more confident one (the coder's on a tie, pointing at the quote)."""
from __future__ import annotations

import json

import pytest

from communique.events.build import merge_statements, same_statement
from communique.model import ActorRef, Cameo, Event, Evidence, Plover


def _ev(src, tgt, ptype, start, end, conf, quote=None, date="2025-04-09", when="reported", mode=None):
    return Event(id="e", source=ActorRef(country=src), target=ActorRef(country=tgt), plover=Plover(ptype, mode),
                 cameo=Cameo("130", "13", -4.4, 3), when=when, date=date, confidence=conf,
                 evidence=Evidence(start, end, "x" * (end - start)), trigger="t", quote=quote)


@pytest.mark.parametrize("stmt,merged", [
    (_ev("CHN", "USA", "THREATEN", 20, 90, 0.6, "q1"), True),            # inside the sentence
    (_ev("CHN", "USA", "THREATEN", 90, 200, 0.6, "q1"), True),           # overlapping its end
    (_ev("CHN", "USA", "THREATEN", 150, 200, 0.6, "q1"), False),         # another sentence
    (_ev("CHN", "USA", "ACCUSE", 20, 90, 0.6, "q1"), False),             # another type
    (_ev("USA", "CHN", "THREATEN", 20, 90, 0.6, "q1"), False),           # another direction
    (_ev("CHN", "USA", "THREATEN", 20, 90, 0.6, "q1", date="2025-04-10"), False),  # another day
    (_ev("CHN", "USA", "THREATEN", 20, 90, 0.6, "q1", when="future"), False),      # another modality
])
def test_same_statement(stmt, merged):
    coder = _ev("CHN", "USA", "THREATEN", 10, 120, 0.54, mode="violence")
    assert same_statement(coder, stmt) is merged
    out = merge_statements([coder], [stmt])
    assert len(out) == (1 if merged else 2)


def test_more_confident_statement_replaces_the_coder_event():
    coder = _ev("CHN", "USA", "THREATEN", 10, 120, 0.54, mode="violence")
    stmt = _ev("CHN", "USA", "THREATEN", 20, 90, 0.6, "q4")
    (kept,) = merge_statements([coder], [stmt])
    assert kept is stmt


def test_coder_event_kept_on_tie_and_points_at_the_quote():
    coder = _ev("CHN", "USA", "THREATEN", 10, 120, 0.7)
    stmt = _ev("CHN", "USA", "THREATEN", 20, 90, 0.6, "q4")
    (kept,) = merge_statements([coder], [stmt])
    assert kept.confidence == 0.7 and kept.quote == "q4" and kept.evidence.start == 10


def test_two_statements_do_not_merge_with_each_other():
    a = _ev("CHN", "USA", "THREATEN", 20, 90, 0.6, "q1")
    b = _ev("CHN", "USA", "THREATEN", 20, 90, 0.6, "q2")
    assert len(merge_statements([], [a, b])) == 2


@pytest.mark.slow
def test_corpus_article_codes_the_warning_once(extract, corpus_dir):
    """The bundled corpus article on the April tariff retaliation: its warning sentence (coded by
    the coder and carried by a quote) yields one reported threat towards the United States."""
    recs = [json.loads(line) for line in (corpus_dir / "sample.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rec = next(r for r in recs if r["url"].endswith("beijing-retaliates-tariffs-84-percent"))
    coded = extract(rec["text"], published=rec.get("published"))
    threats = [e for e in coded.events if (e.source.country, e.target.country, e.plover.type, e.when)
               == ("CHN", "USA", "THREATEN", "reported")]
    for i, a in enumerate(threats):
        for b in threats[i + 1:]:
            assert not (a.evidence.start < b.evidence.end and b.evidence.start < a.evidence.end), threats
