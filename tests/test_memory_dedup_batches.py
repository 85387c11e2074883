"""Batched clustering (SQL LSH bands, pairs verified in batches) equals datasketch's sequential MinHashLSH."""
from __future__ import annotations

import random

import pytest
from datasketch import MinHashLSH

from communique.ingest.synthetic import articles as synthetic_articles
from communique.memory import dedup
from test_memory_rows import article, open_store


def _reference(con) -> dict[str, tuple[str, str]]:
    """The clustering done the plain way: every signature in one MinHashLSH, queried in order."""
    rows = con.execute("""SELECT a.id, m.canon, m.sig FROM articles a LEFT JOIN mem_minhash m ON m.article_id = a.id
                          ORDER BY a.published NULLS LAST, a.id""").fetchall()
    order = {r[0]: i for i, r in enumerate(rows)}
    parent = {r[0]: r[0] for r in rows}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    reason, by_url = {}, {}
    for aid, cu, _ in rows:
        if cu:
            if cu in by_url:
                union(by_url[cu], aid)
                reason[aid] = "url"
            else:
                by_url[cu] = aid
    lsh, sigs = MinHashLSH(threshold=dedup.THRESHOLD, num_perm=dedup.NUM_PERM), {}
    for aid, _, sig in rows:
        if sig is None:
            continue
        m = dedup._from_bytes(sig)
        for other in lsh.query(m):
            if m.jaccard(sigs[other]) >= dedup.THRESHOLD:
                union(other, aid)
                reason.setdefault(aid, "text")
        sigs[aid] = m
        lsh.insert(aid, m)
    groups: dict[str, list[str]] = {}
    for aid in parent:
        groups.setdefault(find(aid), []).append(aid)
    out = {}
    for g in groups.values():
        rep = min(g, key=order.__getitem__)
        for aid in g:
            out[aid] = (rep, "self" if aid == rep else reason.get(aid, "text"))
    return out


@pytest.mark.parametrize("chunk", [3, 7, 2000])
def test_batched_clusters_equal_sequential_lsh(tmp_db, monkeypatch, chunk):
    monkeypatch.setattr(dedup, "CHUNK", chunk)
    rng = random.Random(5)
    recs = list(synthetic_articles(40, seed=3))
    arts = []
    for i, r in enumerate(recs):
        arts.append(article(r["text"], published=r["published"], outlet=r["outlet"], url=r["url"]))
        if i % 5 == 0:   # a syndicated copy under another URL, a day later
            words = r["text"].split()
            words[rng.randrange(len(words))] = "reportedly"
            arts.append(article(" ".join(words) + " Copied.", published=r["published"], outlet="Copy",
                                url=f"https://copy.example/{i}"))
        if i % 7 == 0:   # a URL variant of the same story with an updated text
            arts.append(article(r["text"][: len(r["text"]) // 3] + " Updated.", published=r["published"],
                                outlet=r["outlet"], url=r["url"].replace("https://", "http://www.") + "?utm_source=x"))
    arts.append(article("Too short.", published="2024-01-01", url=None))
    s = open_store(tmp_db)
    try:
        s.add(*arts)
        n = dedup.cluster_articles(s.con)
        got = {aid: (cid, why) for aid, cid, why in
               s.con.execute("SELECT article_id, cluster_id, reason FROM mem_article_clusters").fetchall()}
        want = _reference(s.con)
        assert got == want
        assert n == len({c for c, _ in want.values()})
        assert {why for _, why in got.values()} >= {"self", "text", "url"}   # the fixture exercises every path
        assert not {t for (t,) in s.con.execute("SELECT table_name FROM information_schema.tables "
                                                 "WHERE table_name LIKE '\\_mem\\_%' ESCAPE '\\'").fetchall()}
    finally:
        s.close()


def test_dedup_large_bucket_verified_in_window_still_one_cluster(tmp_db, monkeypatch):
    """Boilerplate shared by many articles (one huge LSH bucket) costs pairs linear in the bucket's size,
    and the copies still end in one cluster while the unrelated articles stay alone."""
    monkeypatch.setattr(dedup, "BUCKET_ALL_PAIRS", 4)
    monkeypatch.setattr(dedup, "WINDOW", 2)
    rng = random.Random(11)
    base = list(synthetic_articles(1, seed=8))[0]["text"]
    arts = []
    for i in range(60):   # 60 copies, each with one word changed
        words = base.split()
        words[rng.randrange(len(words))] = f"edit{i}"
        arts.append(article(" ".join(words), published="2025-03-01", outlet=f"Outlet {i}",
                            url=f"https://o{i}.example/story"))
    others = [article(r["text"], published=r["published"], outlet=r["outlet"], url=r["url"])
              for r in synthetic_articles(15, seed=9)]
    s = open_store(tmp_db)
    try:
        s.add(*arts, *others)
        dedup.cluster_articles(s.con)
        got = dict(s.con.execute("SELECT article_id, cluster_id FROM mem_article_clusters").fetchall())
    finally:
        s.close()
    assert len({got[a.article.id] for a in arts}) == 1
    assert len({got[a.article.id] for a in others}) == len(others)
    assert dedup.STATS["largest_bucket"] >= 50
    assert dedup.STATS["candidate_pairs"] < 60 * 59 / 2 / 3      # far below all pairs of the bucket
