"""The quotation-mark scanner: pairs, apostrophes, paragraphs and broken marks (no spaCy)."""
from __future__ import annotations

import pytest

from communique.quotes_marks import paragraphs, scan


def contents(text: str) -> list[str]:
    return [text[q.start:q.end] for q in scan(text)]


@pytest.mark.parametrize("text, expected", [
    ('"We are ready," said the minister.', ["We are ready"]),
    ("\u201cWe are ready,\u201d said the minister.", ["We are ready"]),
    ("\u00ab Nous sommes pr\u00eats \u00bb, a-t-il dit.", ["Nous sommes pr\u00eats"]),
    ("\u201eWir sind bereit\u201c, sagte er.", ["Wir sind bereit"]),
    ("'We will respond,' he said. It's the workers' right.", ["We will respond"]),
    ("\u2018We will respond,\u2019 he said, citing Kazakhstan\u2019s position.", ["We will respond"]),
    ("The country's leaders don't agree and the ministers' talks stalled.", []),
    ("He recalled the '90s and said 'we are ready.'", ["we are ready."]),
    ('"A sentence. Another one," she said.', ["A sentence. Another one"]),
    ('"We call it \'the corridor\' now," he said.', ["We call it 'the corridor' now"]),
    ('He said: "First," and then "second."', ["First", "second."]),
])
def test_pairs_and_apostrophes(text, expected):
    assert contents(text) == expected


def test_multi_paragraph_quote_is_one_span():
    text = ('He said: \u201cFirst paragraph of the quote.\n\n'
            '\u201cSecond paragraph,\u201d he added.\n\nNarrative resumes.')
    qs = scan(text)
    assert len(qs) == 1
    assert text[qs[0].start:qs[0].end].startswith("First paragraph")
    assert text[qs[0].start:qs[0].end].endswith("Second paragraph")
    assert qs[0].paragraphs == 2


@pytest.mark.parametrize("text, first, later", [
    # closing mark missing: cut at the attribution, keep the rest of the article
    ('"We will not yield, said the minister. He left.\n\nLater "a closed quote" here.',
     "We will not yield", ["a closed quote"]),
    # opening mark missing at paragraph start
    ('We will not yield," said the minister.\n\nThen "another quote" followed.',
     "We will not yield", ["another quote"]),
    # mismatched marks
    ('"We will,\' he said. "Yes."\n\nEnd "of story".', "We will", ["Yes.", "of story"]),
    # an unclosed quote at the end of a paragraph with no continuation
    ('"Anything else is a tax.\n\nThe forum closed. "Fine," he said.', "Anything else is a tax.", ["Fine"]),
])
def test_broken_marks_never_drop_the_rest(text, first, later):
    got = contents(text)
    assert got[0] == first
    assert got[1:] == later


def test_paragraph_split_blank_lines_or_lines():
    assert len(paragraphs("a\nb\n\nc")) == 2
    assert len(paragraphs("a\nb\nc")) == 3
    assert paragraphs("") == []


def test_offsets_exclude_marks():
    text = 'X: "Hello there," he said.'
    (q,) = scan(text)
    assert text[q.open_mark] == '"' and text[q.close_mark] == '"'
    assert q.start == q.open_mark + 1


def test_continuation_paragraph_without_opening_mark():
    text = '"First part of the quote.\n\nSecond part," he said.\n\nNarrative.'
    (q,) = scan(text)
    assert text[q.start:q.end] == "First part of the quote.\n\nSecond part"
    assert q.paragraphs == 2 and q.repaired
