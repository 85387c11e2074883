"""Properties: time/place/sector functions never raise on arbitrary text and keep their output shapes."""
from __future__ import annotations

import datetime as dt
import re

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import communique.components  # noqa: F401
from communique.gazetteer import find_places, locate
from communique.pipeline import make_doc
from communique.sectors import SECTORS, sectors_of
from communique.timeplace import read_dateline, resolve_date, years_claim

_SHAPE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_WORDS = st.sampled_from(["on", "in", "last", "next", "Monday", "March", "3", "2004", "week", "month", "year",
                          "ago", "two", "almost", "20", "years", "later", "the", "spring", "of", "2019",
                          "yesterday", "Dec.", "31", "early", "this", "weekend", "25th", ",", "-"])
_PHRASES = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)
_BLANK = spacy.blank("en")


@settings(max_examples=120, deadline=None)
@given(expr=st.one_of(_PHRASES, st.text(max_size=40)),
       anchor=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2060, 12, 31)),
       future=st.booleans())
def test_resolve_date_shape(expr, anchor, future):
    got = resolve_date(expr, anchor, future=future)
    assert got is None or _SHAPE.fullmatch(got)
    if got and len(got) == 10:
        dt.date.fromisoformat(got)
    claim = years_claim(expr)
    assert claim is None or (isinstance(claim[0], int) and isinstance(claim[1], bool))


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=200))
def test_text_functions_never_raise(text):
    assert set(sectors_of(text)) <= set(SECTORS)
    for s, e, p in find_places(text):
        assert 0 <= s < e <= len(text)
    locate(text)


@settings(max_examples=60, deadline=None)
@given(head=st.sampled_from(["ASTANA", "Geneva", "NEW YORK", "Foo", "", "KIEV, Ukraine"]),
       sep=st.sampled_from([", ", " ", ", Feb 25 ", ", 3 March 2026 ", " (Reuters) "]),
       term=st.sampled_from(["—", "-", ".", ":", "", "\n"]),
       rest=st.text(max_size=60),
       published=st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1),
                                                 max_value=dt.date(2040, 1, 1)).map(str)))
def test_read_dateline_shape(head, sep, term, rest, published):
    text = head + sep + term + " " + rest
    d = read_dateline(make_doc(_BLANK, text, {"published": published}))
    assert set(d) >= {"place", "country", "date", "start", "end"}
    if d["start"] is not None:
        assert 0 <= d["start"] < d["end"] <= len(text)
        assert d["place"]
    else:
        assert d["place"] is None and d["date"] == published
