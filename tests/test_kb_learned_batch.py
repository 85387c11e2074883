"""`store.learned.record` writes an article's offices in one statement per table; the result is what
recording them one by one gave (first name kept, first title/wikidata filled, dates widened)."""
from __future__ import annotations

import pytest

from communique.model import Actor, ArticleMeta, CodedArticle

duckdb = pytest.importorskip("duckdb")


def _article(aid, published, *actors):
    return CodedArticle(article=ArticleMeta(id=aid, published=published), actors=tuple(actors))


def _p(i, name, country, role, title=None, wikidata=None):
    return Actor(id=f"A{i}", name=name, kind="person", country=country, sector="GOV", role=role, title=title,
                 cameo=country + "GOV", wikidata=wikidata)


@pytest.fixture()
def con():
    c = duckdb.connect(":memory:")
    yield c
    c.close()


def _rows(con):
    from communique.store.learned import list_learned
    return [(r["name"], r["country"], r["role"], r["title"], r["wikidata"], r["first_seen"], r["last_seen"],
             r["articles"]) for r in list_learned(con)]


def test_duplicates_in_one_article_merge_like_sequential_upserts(con):
    from communique.store.learned import record
    art = _article("d1", "2031-02-02",
                   _p(1, "Nurlan Abenov", "KAZ", "foreign minister"),
                   _p(2, "Nurlan  Abenov", "KAZ", "foreign minister", "Foreign Minister", "Q999"),
                   _p(3, "Dana Ospan", "KAZ", "head of government", "Prime Minister"))
    assert record(con, art) == 3
    assert sorted(_rows(con)) == [
        ("Dana Ospan", "KAZ", "head of government", "Prime Minister", None, "2031-02-02", "2031-02-02", 1),
        ("Nurlan Abenov", "KAZ", "foreign minister", "Foreign Minister", "Q999", "2031-02-02", "2031-02-02", 1),
    ]


@pytest.mark.parametrize("dates, first, last", [
    (["2031-05-01", "2031-01-01", "2031-03-01"], "2031-01-01", "2031-05-01"),
    (["2031-01-01", None, "2031-02-01"], "2031-01-01", "2031-02-01"),
])
def test_dates_widen_across_articles(con, dates, first, last):
    from communique.store.learned import record
    for i, d in enumerate(dates):
        record(con, _article(f"w{i}", d, _p(1, "Aru Sadykova", "KGZ", "foreign minister", "Foreign Minister")))
    (row,) = _rows(con)
    assert (row[5], row[6], row[7]) == (first, last, len(dates))


def test_article_without_offices_writes_nothing(con):
    from communique.store.learned import list_learned, record
    assert record(con, _article("n1", "2031-01-01", Actor(id="A1", name="Kazakhstan", kind="country",
                                                           country="KAZ"))) == 0
    assert list_learned(con) == []
