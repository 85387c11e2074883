"""Near-duplicate article clustering: URL variants and copied texts.

Two articles belong to the same cluster when

* their URLs canonicalise to the same string (`canonical_url`: scheme, ``www.``/``m.``/``amp.``
  host prefixes, AMP path suffixes, trailing slashes, fragments and tracking parameters
  such as ``utm_*``, ``fbclid``, ``gclid`` are ignored), or
* their texts are near-duplicates: MinHash LSH over 5-word shingles of the lower-cased word
  sequence, ``NUM_PERM`` permutations, candidate pairs verified on the estimated Jaccard
  similarity ``>= THRESHOLD``.

Threshold tuning (exact 5-shingle Jaccard, measured): on the bundled corpus the two near-duplicate
pairs score 0.79 (a copy with an edited dateline and a few words) and 0.80 (an updated text under a
URL variant), while the same state visit told by two outlets in their own words scores 0.024 and no
other pair of the 38 articles exceeds 0.024; on the fixtures of tests/test_memory_dedup.py a
syndicated copy scores 0.76, an independent rewrite 0.00 and a same-template article about other
countries 0.25.  ``THRESHOLD = 0.5`` sits in the wide gap (with 128 permutations in 25 bands of 5 rows the LSH finds pairs
above ~0.7 with probability > 0.99; candidates are checked on the estimated Jaccard).  Copies are
kept (the text snapshots stay in `articles`); a cluster tells how many *independent* reports an
event has (``num_independent`` in `mem_events`).

Signatures and canonical URLs are stored in ``mem_minhash`` so a refresh only hashes new articles.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.5
SEED = 1
SCHEME = "affine32"   # datasketch's default hashing scheme; stored signatures must say which

_WORD = re.compile(r"\w+", re.UNICODE)

# tracking / sharing parameters dropped from URLs (exact names; any `utm_*` too)
TRACKING_PARAMS = frozenset("""
fbclid gclid dclid gbraid wbraid msclkid yclid mc_cid mc_eid igshid ocid cmpid cmp ref ref_src ref_url
src source share shared smid smtyp __twitter_impression _ga _gl spm ito ns_campaign ns_mchannel ns_source
ns_linkname ns_fee at_medium at_campaign at_custom1 at_custom2 rss mbid output outputtype amp
""".split())

_HOST_PREFIXES = ("www.", "amp.", "m.", "mobile.")


def canonical_url(url: Optional[str]) -> Optional[str]:
    """A comparison key for a URL: ``host/path?sorted-params`` without scheme, tracking or AMP parts."""
    if not url or not str(url).strip():
        return None
    u = str(url).strip()
    if "://" not in u:
        u = "http://" + u
    try:
        parts = urlsplit(u)
    except ValueError:
        return u.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    changed = True
    while changed:
        changed = False
        for p in _HOST_PREFIXES:
            if host.startswith(p) and host.count(".") >= 2:
                host = host[len(p):]
                changed = True
    if host.endswith(".cdn.ampproject.org"):  # Google AMP cache: /c/s/host/path
        segs = [s for s in parts.path.split("/") if s]
        while segs and segs[0] in ("c", "v", "s", "i"):
            segs.pop(0)
        if segs:
            host, path = segs[0].lower(), "/" + "/".join(segs[1:])
        else:
            path = "/"
    else:
        path = parts.path
    path = re.sub(r"/{2,}", "/", path)
    path = re.sub(r"(/amp|\.amp|/amp\.html)/?$", "", path, flags=re.I)
    path = re.sub(r"^/amp/", "/", path, flags=re.I)
    path = re.sub(r"/index\.(html?|php)$", "", path, flags=re.I)
    path = path.rstrip("/")
    params = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
              if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS]
    query = urlencode(sorted(params))
    return host + path + ("?" + query if query else "")


def shingles(text: Optional[str], k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall((text or "").lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def jaccard(a: Optional[str], b: Optional[str], k: int = SHINGLE) -> float:
    """Exact shingle Jaccard (used to tune and test the threshold)."""
    sa, sb = shingles(a, k), shingles(b, k)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def signature(text: Optional[str]) -> Optional[LeanMinHash]:
    sh = shingles(text)
    if not sh:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m.update_batch(list(sh))
    return LeanMinHash(m)


def _to_bytes(m: LeanMinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def _from_bytes(b: bytes) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(bytes(b), dtype=np.uint64), scheme=SCHEME)


class _UnionFind:
    def __init__(self, items: Iterable[str]):
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        p = self.parent
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def add_edge(self, a, b) -> None:
        """Union two nodes, adding them first when new."""
        self.parent.setdefault(a, a)
        self.parent.setdefault(b, b)
        self.union(a, b)

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


CHUNK = 2000   # rows per batch: hashing, banding and pair verification all stream in batches
# A bucket (articles sharing one LSH band) usually holds a few copies of one story.  Boilerplate
# (a cookie wall, a "page not found" text, a templated market report) can put thousands of
# articles in one bucket; all its pairs would be quadratic in time and memory.  Buckets up to
# BUCKET_ALL_PAIRS members are verified pair by pair; in a larger one each member is verified
# against the WINDOW members before it (in id order), which still joins a set of true copies into
# one cluster (a chain of verified pairs) at a cost linear in the bucket's size.
BUCKET_ALL_PAIRS = 64
WINDOW = 8
STATS: dict[str, int] = {}   # sizes seen by the last clustering (benchmarks and tests read it)


def _lsh_bands() -> list[tuple[int, int]]:
    """The (start, end) slices of the signature that datasketch's MinHashLSH uses as bands for
    ``THRESHOLD``/``NUM_PERM`` (25 bands of 5 rows): the clustering joins on them in SQL."""
    return list(MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM).hashranges)


def _insert_arrow(con, table: str, cols: dict) -> None:
    import pyarrow as pa
    con.register("_mem_chunk_in", pa.table(cols))
    con.execute(f"INSERT INTO {table} SELECT {', '.join(cols)} FROM _mem_chunk_in")
    con.unregister("_mem_chunk_in")


def update_signatures(con) -> int:
    """Hash (and canonicalise the URL of) the articles not seen yet; returns how many were new.

    Streams the new articles in batches of ``CHUNK`` (memory does not grow with the store)."""
    import pyarrow as pa
    cols = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'mem_minhash'").fetchall()}
    if cols and "canon" not in cols:
        con.execute("DROP TABLE mem_minhash")
    con.execute("CREATE TABLE IF NOT EXISTS mem_minhash (article_id VARCHAR PRIMARY KEY, sig BLOB, canon VARCHAR)")
    con.execute("DELETE FROM mem_minhash WHERE article_id NOT IN (SELECT id FROM articles)")
    # the ids first (small), then the texts batch by batch: inserting while a cursor is open is not allowed
    ids = [r[0] for r in con.execute("""SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM mem_minhash)
                                         ORDER BY id""").fetchall()]
    for i in range(0, len(ids), CHUNK):
        rows = con.execute("SELECT id, text, url FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                           [ids[i:i + CHUNK]]).fetchall()
        sigs = [signature(text) for _, text, _ in rows]
        _insert_arrow(con, "mem_minhash", {
            "article_id": pa.array([r[0] for r in rows], pa.string()),
            "sig": pa.array([_to_bytes(x) if x is not None else None for x in sigs], pa.binary()),
            "canon": pa.array([canonical_url(r[2]) for r in rows], pa.string())})
        del rows, sigs
    return len(ids)


def _band_table(con) -> None:
    """``_mem_ids(n, article_id)`` (a small integer per signed article) and ``_mem_bands(n, band, key)``:
    the LSH bucket keys of every signature, computed page by page."""
    import pyarrow as pa
    con.execute("""CREATE OR REPLACE TEMP TABLE _mem_ids AS
                   SELECT (row_number() OVER (ORDER BY article_id))::INTEGER AS n, article_id
                   FROM mem_minhash WHERE sig IS NOT NULL""")
    con.execute("CREATE OR REPLACE TEMP TABLE _mem_bands (n INTEGER, band UTINYINT, key BLOB)")
    total = con.execute("SELECT count(*) FROM _mem_ids").fetchone()[0]
    ranges = _lsh_bands()
    for lo in range(1, total + 1, CHUNK):   # pages: the connection inserts between them (no cursor stays open)
        rows = con.execute("""SELECT i.n, m.sig FROM _mem_ids i JOIN mem_minhash m USING (article_id)
                              WHERE i.n BETWEEN ? AND ? ORDER BY i.n""", [lo, lo + CHUNK - 1]).fetchall()
        if not rows:
            continue
        arr = np.frombuffer(b"".join(bytes(r[1]) for r in rows), dtype=np.uint64).reshape(len(rows), NUM_PERM)
        ns = np.fromiter((r[0] for r in rows), dtype=np.int32, count=len(rows))
        del rows
        _insert_arrow(con, "_mem_bands", {
            "n": pa.array(np.tile(ns, len(ranges)), pa.int32()),
            "band": pa.array(np.repeat(np.arange(len(ranges), dtype=np.uint8), len(ns)), pa.uint8()),
            "key": pa.array([arr[j, s:e].tobytes() for s, e in ranges for j in range(len(ns))], pa.binary())})


def _text_edges(con, uf: "_UnionFind") -> None:
    """Union the pairs sharing an LSH bucket (what MinHashLSH.query returns) whose estimated Jaccard
    is ``>= THRESHOLD``; candidates are streamed and verified in batches (nodes: `_mem_ids.n`)."""
    _band_table(con)
    # buckets with one member carry no pair: keep the others with their size
    con.execute("""CREATE OR REPLACE TEMP TABLE _mem_buckets AS
                   SELECT n, band, key, count(*) OVER (PARTITION BY band, key) AS size FROM _mem_bands
                   QUALIFY size > 1""")
    con.execute("DROP TABLE _mem_bands")
    lags = ", ".join(f"lag(n, {k}) OVER w" for k in range(1, WINDOW + 1))
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _mem_pairs AS
                    SELECT DISTINCT x, y FROM (
                      SELECT a.n AS x, b.n AS y
                      FROM _mem_buckets a JOIN _mem_buckets b ON a.band = b.band AND a.key = b.key
                      WHERE a.size <= {BUCKET_ALL_PAIRS} AND a.n < b.n
                      UNION ALL
                      SELECT unnest(xs) AS x, y FROM (
                        SELECT n AS y, [{lags}] AS xs FROM _mem_buckets WHERE size > {BUCKET_ALL_PAIRS}
                        WINDOW w AS (PARTITION BY band, key ORDER BY n)))
                    WHERE x IS NOT NULL""")
    STATS["candidate_pairs"] = con.execute("SELECT count(*) FROM _mem_pairs").fetchone()[0]
    STATS["largest_bucket"] = con.execute("SELECT coalesce(max(size), 0) FROM _mem_buckets").fetchone()[0]
    con.execute("DROP TABLE _mem_buckets")
    cur = con.execute("""SELECT p.x, p.y, mx.sig, my.sig FROM _mem_pairs p
                         JOIN _mem_ids ix ON ix.n = p.x JOIN mem_minhash mx ON mx.article_id = ix.article_id
                         JOIN _mem_ids iy ON iy.n = p.y JOIN mem_minhash my ON my.article_id = iy.article_id""")
    while True:
        rows = cur.fetchmany(CHUNK)
        if not rows:
            break
        ax = np.frombuffer(b"".join(bytes(r[2]) for r in rows), dtype=np.uint64).reshape(len(rows), NUM_PERM)
        ay = np.frombuffer(b"".join(bytes(r[3]) for r in rows), dtype=np.uint64).reshape(len(rows), NUM_PERM)
        est = np.count_nonzero(ax == ay, axis=1) / float(NUM_PERM)   # = LeanMinHash.jaccard
        for r, j in zip(rows, est):
            if j >= THRESHOLD:
                uf.add_edge(r[0], r[1])
    con.execute("DROP TABLE _mem_pairs")


_CLUSTERS_SQL = """
INSERT INTO mem_article_clusters
WITH o AS (
  SELECT a.id, m.canon, a.published, coalesce(u.root, a.id) AS comp,
         row_number() OVER (PARTITION BY m.canon ORDER BY a.published NULLS LAST, a.id) AS crank
  FROM articles a LEFT JOIN mem_minhash m ON m.article_id = a.id LEFT JOIN _mem_uf u ON u.article_id = a.id
), r AS (
  SELECT *, first_value(id) OVER (PARTITION BY comp ORDER BY published NULLS LAST, id) AS rep FROM o
)
SELECT id AS article_id, rep AS cluster_id, canon AS canonical_url,
       CASE WHEN id = rep THEN 'self' WHEN coalesce(canon, '') <> '' AND crank > 1 THEN 'url' ELSE 'text' END AS reason
FROM r
"""


def cluster_articles(con) -> int:
    """(Re)build ``mem_article_clusters(article_id, cluster_id, canonical_url, reason)``.

    `cluster_id` is the id of the earliest-published member (ties: smallest id), `reason`
    is ``self`` for that representative, else ``url`` (an earlier member has the same canonical
    URL) or ``text``.  Returns the number of clusters.

    Memory stays bounded as the store grows: the LSH buckets are joined in DuckDB (the same bands
    as datasketch's ``MinHashLSH``), candidate pairs are verified in batches, and only the
    articles that have a duplicate enter the union-find.
    """
    import pyarrow as pa
    update_signatures(con)
    uf = _UnionFind(())
    _text_edges(con, uf)
    ids = dict(con.execute("SELECT n, article_id FROM _mem_ids WHERE n IN (SELECT unnest(?::INTEGER[]))",
                           [list(uf.parent)]).fetchall()) if uf.parent else {}
    con.execute("DROP TABLE _mem_ids")
    text_uf = uf
    uf = _UnionFind(())
    for n in text_uf.parent:
        uf.add_edge(ids[n], ids[text_uf.find(n)])
    del text_uf, ids
    for a, b in con.execute("""
        SELECT first_value(m.article_id) OVER (PARTITION BY m.canon ORDER BY a.published NULLS LAST, a.id), m.article_id
        FROM mem_minhash m JOIN articles a ON a.id = m.article_id
        WHERE coalesce(m.canon, '') <> '' AND m.canon IN (
            SELECT canon FROM mem_minhash WHERE coalesce(canon, '') <> '' GROUP BY canon HAVING count(*) > 1)""").fetchall():
        uf.add_edge(a, b)
    nodes = list(uf.parent)
    con.register("_mem_uf", pa.table({"article_id": pa.array(nodes, pa.string()),
                                      "root": pa.array([uf.find(n) for n in nodes], pa.string())}))
    del uf, nodes
    con.execute("""CREATE OR REPLACE TABLE mem_article_clusters (
                     article_id VARCHAR PRIMARY KEY, cluster_id VARCHAR, canonical_url VARCHAR, reason VARCHAR)""")
    try:
        con.execute(_CLUSTERS_SQL)
    finally:
        con.unregister("_mem_uf")
    return con.execute("SELECT count(DISTINCT cluster_id) FROM mem_article_clusters").fetchone()[0]
