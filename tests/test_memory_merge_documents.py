"""Signed documents (CAMEO 057) in merging: each document an article lists is one event.

A treaty and a border agreement signed together are two documents even when neither has sectors;
the same document mentioned again later in the article is still one; two outlets listing the same
two documents give two events with two reports each.
"""
from __future__ import annotations

import pytest

from communique.memory import refresh
from communique.memory.merge import split_group
from test_memory_rows import article, event, open_store

LEAD = "The two presidents signed a treaty on allied relations and an agreement on the border."
AGAIN = "The treaty was signed in the presidential residence."


@pytest.fixture()
def store(tmp_db):
    s = open_store(tmp_db)
    yield s
    s.close()


def _doc(eid, text, sentence, trigger, sectors=()):
    start = text.find(sentence)
    return event(eid, "KAZ", "UZB", "057", date="2022-12-22", evidence=sentence, start=start, trigger=trigger,
                 sectors=sectors)


def _count(con):
    return con.execute("""SELECT count(*), list(num_articles ORDER BY num_articles) FROM mem_events
                          WHERE d1 = 'KAZ' AND d2 = 'UZB' AND cameo_code = '057'""").fetchone()


@pytest.mark.parametrize("triggers", [("signed treaty", "signed agreement"), ("signed", "signed")])
def test_two_documents_of_one_sentence_stay_two(store, triggers):
    text = LEAD + " " + AGAIN
    store.add(article(text, published="2022-12-22", outlet="Steppe Wire", url="https://s.example/1",
                      events=[_doc("E1", text, LEAD, triggers[0]), _doc("E2", text, LEAD, triggers[1])]))
    refresh(store.con)
    assert _count(store.con) == (2, [1, 1])


def test_same_document_mentioned_again_is_one(store):
    text = LEAD + " " + AGAIN
    store.add(article(text, published="2022-12-22", outlet="Steppe Wire", url="https://s.example/1",
                      events=[_doc("E1", text, LEAD, "signed treaty"), _doc("E2", text, AGAIN, "signed treaty")]))
    refresh(store.con)
    assert _count(store.con) == (1, [1])


def test_two_outlets_two_documents_each(store):
    other = "Tokayev and Mirziyoyev signed an allied treaty and a border demarcation agreement on Thursday."
    store.add(article(LEAD, published="2022-12-22", outlet="Steppe Wire", url="https://s.example/1",
                      events=[_doc("E1", LEAD, LEAD, "signed treaty"), _doc("E2", LEAD, LEAD, "signed agreement")]),
              article(other, published="2022-12-22", outlet="Silk Road Times", url="https://r.example/2",
                      events=[_doc("E1", other, other, "signed treaty"), _doc("E2", other, other, "signed agreement")]))
    refresh(store.con)
    assert _count(store.con) == (2, [2, 2])


def _row(article, code="057", trigger="signed", start=0, sectors=()):
    return {"p1": None, "p2": None, "country": None, "name": None, "mode": None, "sectors": set(sectors),
            "article": article, "code": code, "day": 1, "trigger": trigger, "start": start}


@pytest.mark.parametrize("rows,expected", [
    ([_row("a"), _row("a")], 2),                                        # one sentence, two documents
    ([_row("a", start=0), _row("a", start=90)], 1),                     # mentioned again
    ([_row("a", trigger="signed treaty"), _row("a", trigger="signed agreement", start=90)], 2),
    ([_row("a"), _row("b")], 1),                                        # two outlets, one document
    ([_row("a"), _row("a"), _row("b"), _row("b")], 2),
    ([_row("a", code="042"), _row("a", code="042")], 1),                # not a document: the visit told twice
])
def test_split_group_documents(rows, expected):
    assert len(set(split_group(rows))) == expected
