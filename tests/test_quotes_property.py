"""Property test: random quote marks, apostrophes and line breaks never break the extractor."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.quotes_marks import scan

MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a"]
WORDS = ["Tokayev", "said", "the", "minister", "noted", "we", "are", "ready", "Kazakhstan\u2019s",
         "don't", "workers'", "he", "added", ",", ".", ":", "-", "according", "to", "that", "Oman",
         "'90s", "stressed", "it", "would", "side", "spokesperson", "for", "ministry"]
PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS),
                   st.sampled_from(["\n", "\n\n", " ", "  "]),
                   st.text(alphabet="ab \n\"'\u201c\u201d\u2019", max_size=4))
TEXTS = st.lists(PIECES, max_size=60).map(lambda parts: " ".join(parts))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_scanner_spans_stay_inside(text):
    for q in scan(text):
        assert 0 <= q.start < q.end <= len(text)
        if q.open_mark is not None:
            assert q.open_mark < q.start
        if q.close_mark is not None:
            assert q.end <= q.close_mark < len(text)


@pytest.fixture(scope="module")
def quotes_of(nlp):
    from communique.pipeline import make_doc

    def run(text):
        doc = nlp(make_doc(nlp, text, {}))
        return doc, doc._.quotes

    return run


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_pipeline_never_raises_and_quotes_are_consistent(quotes_of, text):
    doc, quotes = quotes_of(text)
    src = doc._.source_text
    for q in quotes:
        assert 0 <= q.start < q.end <= len(src)
        assert q.text == src[q.start:q.end]
        assert q.direct in (True, False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(['"We are ready," said Tokayev.', "\u201cUnclosed quote here.",
                                 "Oman\u2019s minister said it would help.", "\u2019Stray closer.",
                                 "\n\n", "'Single,' he added.", "The side stressed that ties grew."]),
                max_size=12).map("".join))
def test_statement_events_point_at_quotes(quotes_of, text):
    from communique.quotes import statement_events
    doc, quotes = quotes_of(text)
    ids = {q.id for q in quotes}
    for e in statement_events(doc):
        assert e.quote in ids
        assert doc._.source_text[e.evidence.start:e.evidence.end] == e.evidence.text
