"""The living knowledge base: offices stated by the news, stored with first/last seen and articles."""
from __future__ import annotations

import pytest

from communique.model import Actor, ArticleMeta, CodedArticle

duckdb = pytest.importorskip("duckdb")


def _article(aid, published, *actors):
    return CodedArticle(article=ArticleMeta(id=aid, published=published), actors=tuple(actors))


def _person(name, country, role, title):
    return Actor(id="A1", name=name, kind="person", country=country, sector="GOV", role=role, title=title,
                 cameo=country + "GOV")


@pytest.fixture()
def con():
    c = duckdb.connect(":memory:")
    yield c
    c.close()


def test_record_first_last_seen_and_articles(con):
    from communique.store.learned import list_learned, record
    p = _person("Aigerim Sultanova", "KGZ", "foreign minister", "Foreign Minister")
    assert record(con, _article("a1", "2030-03-01", p)) == 1
    record(con, _article("a2", "2030-01-15", p))
    record(con, _article("a2", "2030-01-15", p))          # same article again: idempotent
    rows = list_learned(con)
    assert len(rows) == 1
    r = rows[0]
    assert (r["name"], r["country"], r["role"]) == ("Aigerim Sultanova", "KGZ", "foreign minister")
    assert (r["first_seen"], r["last_seen"], r["articles"]) == ("2030-01-15", "2030-03-01", 2)


def test_new_office_is_a_new_term(con):
    from communique.store.learned import list_learned, record
    record(con, _article("b1", "2030-01-01", _person("Aigerim Sultanova", "KGZ", "foreign minister", "Foreign Minister")))
    record(con, _article("b2", "2031-05-01", _person("Aigerim Sultanova", "KGZ", "head of government", "Prime Minister")))
    roles = [(r["role"], r["first_seen"]) for r in list_learned(con, country="KGZ")]
    assert roles == [("foreign minister", "2030-01-01"), ("head of government", "2031-05-01")]


@pytest.mark.parametrize("actor", [
    Actor(id="A1", name="Kazakhstan", kind="country", country="KAZ"),
    Actor(id="A2", name="Oman foreign minister", kind="person", country="OMN", role="foreign minister",
          title="Foreign Minister"),
    Actor(id="A3", name="Old Minister", kind="person", country="OMN", role="former foreign minister"),
])
def test_not_learned(con, actor):
    from communique.store.learned import list_learned, record
    record(con, _article("c1", "2030-01-01", actor))
    assert list_learned(con) == []


def test_learned_offices_resolve_bare_mentions():
    """A KB fed with learned offices resolves 'Kyrgyzstan's foreign minister' to the person the news named."""
    from communique.actors_testing import actor_doc
    from communique.kb import KnowledgeBase
    kb = KnowledgeBase()
    n = kb.add_learned([{"name": "Aigerim Sultanova", "country": "KGZ", "role": "foreign minister",
                         "title": "Foreign Minister", "first_seen": "2030-01-15", "articles": 3}])
    assert n == 1
    doc = actor_doc("Kyrgyzstan's foreign minister arrived in Baku.", "2030-02-01", kb=kb)
    actor = doc._.actor_table[doc._.actor_mentions[0].key]
    assert (actor.name, actor.country, actor.role) == ("Aigerim Sultanova", "KGZ", "foreign minister")
    later = actor_doc("Sultanova met the press.", "2030-03-01", kb=kb)
    assert later._.actor_table[later._.actor_mentions[0].key].country == "KGZ"


def test_one_article_does_not_replace_a_known_holder():
    from communique.kb import KnowledgeBase
    kb = KnowledgeBase()
    before = kb.holder("KAZ", "head of state", "2030-01-01").name
    n = kb.add_learned([{"name": "Misread Name", "country": "KAZ", "role": "head of state",
                         "first_seen": "2030-01-01", "articles": 1}])
    assert n == 0 and kb.holder("KAZ", "head of state", "2030-02-01").name == before
