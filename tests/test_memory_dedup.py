"""Near-duplicate clustering: URL canonicalisation and MinHash LSH over word shingles."""
from __future__ import annotations

import pytest

from communique.memory.dedup import THRESHOLD, canonical_url, cluster_articles, jaccard
from test_memory_rows import article, open_store

BASE = ("The foreign ministers of Norway and Chile met in Oslo on Monday to discuss fisheries, green shipping and "
        "a new research programme in Antarctica. The two ministers signed a memorandum on polar science and agreed "
        "to open direct consultations on ocean governance before the end of the year. Chile's minister said the "
        "partnership had grown steadily since the last visit at this level, while her Norwegian counterpart praised "
        "the cooperation of the two navies in search and rescue operations in the Southern Ocean. Trade between the "
        "two countries reached a record last year, driven by salmon farming technology and copper.")

COPY = ("OSLO, Norway (Wire) - " + BASE.replace("on Monday", "on Monday, officials said,")
        .replace("reached a record", "hit a record") + " This story has been updated.")
REWRITE = ("Chile and Norway agreed in Oslo to deepen scientific work in Antarctica. Ministers from Santiago and Oslo "
           "put their names to a polar research memorandum, and promised regular talks about how the oceans are "
           "governed. Both navies were praised for joint rescue missions, and salmon technology lifted commerce to "
           "an all-time high, according to the Chilean delegation.")
TEMPLATE = BASE.replace("Norway", "Finland").replace("Chile", "Peru").replace("Oslo", "Helsinki") \
    .replace("fisheries, green shipping and a new research programme in Antarctica", "forestry, digital services and "
             "a joint fund for start-ups").replace("polar science", "education") \
    .replace("ocean governance", "data protection").replace("two navies in search and rescue operations in the "
                                                           "Southern Ocean", "two universities in climate research") \
    .replace("salmon farming technology and copper", "paper machinery and fishmeal")


@pytest.mark.parametrize("url,canon", [
    ("https://www.example.com/politics/story-1/", "example.com/politics/story-1"),
    ("http://example.com/politics/story-1?utm_source=rss&utm_medium=feed", "example.com/politics/story-1"),
    ("https://example.com/politics/story-1/amp", "example.com/politics/story-1"),
    ("https://amp.example.com/politics/story-1.amp?fbclid=abc#comments", "example.com/politics/story-1"),
    ("https://m.example.com/politics/story-1?gclid=1&id=7", "example.com/politics/story-1?id=7"),
    ("https://example-com.cdn.ampproject.org/c/s/example.com/politics/story-1", "example.com/politics/story-1"),
    ("https://example.com/news?id=7&page=2", "example.com/news?id=7&page=2"),
    ("https://example.com/news?page=2&id=7&utm_campaign=x", "example.com/news?id=7&page=2"),
    (None, None),
])
def test_canonical_url(url, canon):
    assert canonical_url(url) == canon


def test_different_articles_keep_different_urls():
    assert canonical_url("https://example.com/a/1") != canonical_url("https://example.com/a/2")
    assert canonical_url("https://example.com/news?id=7") != canonical_url("https://example.com/news?id=8")


def test_threshold_separates_copies_from_rewrites():
    # the measured gap the threshold sits in (module docstring of dedup)
    assert jaccard(BASE, COPY) > 0.55 > THRESHOLD
    assert jaccard(BASE, REWRITE) < 0.05
    assert jaccard(BASE, TEMPLATE) < 0.3 < THRESHOLD


@pytest.fixture()
def store(tmp_db):
    s = open_store(tmp_db)
    yield s
    s.close()


def test_clusters(store):
    store.add(
        article(BASE, published="2025-03-03", outlet="Wire", url="https://wire.example/a"),
        article(COPY, published="2025-03-04", outlet="Daily", url="https://daily.example/b"),
        article(REWRITE, published="2025-03-03", outlet="Post", url="https://post.example/c"),
        article(TEMPLATE, published="2025-03-03", outlet="Wire", url="https://wire.example/d"),
        article(REWRITE + " Updated at noon.", published="2025-03-05", outlet="Post",
                url="http://www.post.example/c/?utm_source=twitter"),
    )
    cluster_articles(store.con)
    rows = dict(store.con.execute("""SELECT a.url, c.cluster_id FROM mem_article_clusters c
                                     JOIN articles a ON a.id = c.article_id""").fetchall())
    reasons = dict(store.con.execute("""SELECT a.url, c.reason FROM mem_article_clusters c
                                        JOIN articles a ON a.id = c.article_id""").fetchall())
    assert rows["https://wire.example/a"] == rows["https://daily.example/b"]
    assert rows["https://post.example/c"] == rows["http://www.post.example/c/?utm_source=twitter"]
    assert len({rows["https://wire.example/a"], rows["https://post.example/c"], rows["https://wire.example/d"]}) == 3
    assert reasons["https://daily.example/b"] == "text" and reasons["http://www.post.example/c/?utm_source=twitter"] == "url"
    # the representative is the earliest-published member; texts are all kept
    first = store.con.execute("SELECT id FROM articles WHERE url = 'https://wire.example/a'").fetchone()[0]
    assert rows["https://daily.example/b"] == first
    assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_signatures_are_computed_once(store):
    store.add(article(BASE, published="2025-03-03", url="https://wire.example/a"))
    cluster_articles(store.con)
    store.add(article(COPY, published="2025-03-04", url="https://daily.example/b"))
    from communique.memory.dedup import update_signatures
    assert update_signatures(store.con) == 1   # only the new article is hashed
    cluster_articles(store.con)
    assert store.con.execute("SELECT count(*) FROM mem_minhash").fetchone()[0] == 2
    assert update_signatures(store.con) == 0
