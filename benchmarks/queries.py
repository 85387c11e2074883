"""Benchmark: relationship-memory queries on a store of 1M synthetic events.

    .venv/bin/python benchmarks/queries.py [--events 1000000] [--repeat 5] [--db PATH]

Generates the store tables with DuckDB SQL only (no Python loop of inserts): ``--events`` event rows in
``events/4`` articles, 60 countries, 10 years, the 16 PLOVER types; half the real-world events are
reported twice (by two outlets, one report sometimes without a place), so merging has work to do.
Then times `communique.memory.refresh` once and, on the busiest dyad and on a random one, the median
of ``--repeat`` runs of each query the CLI and the web use (dyad timeline, cooperation index, merged
events with mentions, ledgers, quotes, network, and the whole `relation_brief`).  Not a test: prints a
table and exits.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
CODES = ["036", "042", "051", "081", "061", "070", "085", "020", "112", "120", "130", "140", "163", "150", "170",
         "190"]
GOLD = [4.0, 1.9, 3.4, 5.0, 6.4, 7.0, 7.5, -1.0, -2.0, -4.0, -4.4, -6.5, -5.6, -7.2, -7.0, -9.0]
QUAD = [1, 1, 1, 2, 2, 2, 2, 1, 3, 3, 3, 3, 4, 4, 4, 4]


def generate(con, n_events: int) -> None:
    from communique.store import schema
    schema.ensure_schema(con)
    n_art = max(1, n_events // 4)
    n_real = int(n_events * 0.75)          # reports r < n_events/2 pair up: event r//2 told twice
    con.execute("CREATE TEMP TABLE c AS SELECT * FROM (VALUES " + ",".join(
        f"({i}, '{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}X')" for i in range(60)) + ") t(i, code)")
    con.execute(f"CREATE TEMP TABLE ty AS SELECT * FROM (VALUES " + ",".join(
        f"({i}, '{t}', '{c}', {g}, {q})" for i, (t, c, g, q) in enumerate(zip(TYPES, CODES, GOLD, QUAD)))
        + ") t(i, ptype, code, gold, quad)")
    con.execute(f"""
        INSERT INTO articles (id, url, title, outlet, published, language, text, sectors, contexts, ingested_at)
        SELECT 'a' || i, 'https://bench.example/' || (i % 97) || '/story-' || i, 'story ' || i, 'outlet' || (i % 50),
               DATE '2015-01-01' + (i % 3650)::INT, 'en', NULL, [], [], now()
        FROM range({n_art}) r(i)""")
    con.execute(f"""
        INSERT INTO events (article_id, id, source_country, target_country, plover_type, plover_mode, plover_contexts,
                            cameo_code, cameo_root, cameo_goldstein, cameo_quad_class, modality, date, location_name,
                            location_country, sectors, confidence, evidence_start, evidence_end, evidence_text)
        WITH r AS (
          SELECT i, CASE WHEN i < {n_events // 2} THEN i // 2 ELSE i - {n_events // 4} END AS ev FROM range({n_events}) t(i)
        ), h AS (
          SELECT i, ev, hash(ev, 1) % 60 AS s, (hash(ev, 1) % 60 + 1 + hash(ev, 2) % 59) % 60 AS t,
                 hash(ev, 3) % 16 AS ty, DATE '2015-01-01' + (hash(ev, 4) % 3650)::INT AS day,
                 hash(ev, 5) % 10 AS place, hash(i, 6) % 5 = 0 AS noplace, hash(ev, 7) % 8 AS sect
          FROM r
        )
        SELECT 'a' || ((h.i * 7919) % {n_art}), 'E' || h.i, cs.code, ct.code, ty.ptype,
               CASE WHEN ty.ptype = 'CONSULT' AND h.ty % 2 = 0 THEN 'visit' END, ['diplomatic'],
               ty.code, left(ty.code, 2), ty.gold, ty.quad,
               CASE WHEN hash(ev, 8) % 20 = 0 THEN 'past' WHEN hash(ev, 8) % 20 = 1 THEN 'future' ELSE 'reported' END,
               strftime(day, '%Y-%m-%d'),
               CASE WHEN noplace THEN NULL ELSE 'City' || place END, CASE WHEN noplace THEN NULL ELSE ct.code END,
               CASE WHEN sect = 0 THEN ['energy'] WHEN sect = 1 THEN ['trade'] ELSE [] END,
               0.5 + (hash(h.i, 9) % 50) / 100.0, 0, 40, 'synthetic evidence sentence ' || h.i
        FROM h JOIN c cs ON cs.i = h.s JOIN c ct ON ct.i = h.t JOIN ty ON ty.i = h.ty""")
    con.execute(f"""
        INSERT INTO quotes (article_id, id, text, start, "end", direct, speaker_actor, speaker_name, speaker_country, cue)
        SELECT 'a' || t.k, 'Q1', 'a synthetic quote number ' || t.k, 0, 30, true, NULL, 'speaker ' || (t.k % 1000),
               c.code, 'said'
        FROM range(0, {n_art}, 3) t(k) JOIN c ON c.i = hash(t.k, 11) % 60""")
    con.execute("DROP TABLE c; DROP TABLE ty")


def timed(fn, repeat: int) -> float:
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", type=Path, default=None, help="DuckDB file (default: a temporary one)")
    args = ap.parse_args()

    import duckdb
    from communique import memory
    from communique.memory import analytics, brief

    tmp = tempfile.TemporaryDirectory()
    path = args.db or Path(tmp.name) / "bench.duckdb"
    con = duckdb.connect(str(path))
    t0 = time.perf_counter()
    generate(con, args.events)
    t_gen = time.perf_counter() - t0
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    t0 = time.perf_counter()
    info = memory.refresh(con, force=True)
    t_refresh = time.perf_counter() - t0
    from communique.memory import merge
    print("merge steps (s):", merge.TIMINGS)
    busiest = con.execute("SELECT d1, d2 FROM mem_dyad_month GROUP BY ALL ORDER BY sum(events) DESC LIMIT 1").fetchone()
    other = con.execute("SELECT d1, d2 FROM mem_dyad_month GROUP BY d1, d2 ORDER BY hash(d1 || d2) LIMIT 1").fetchone()
    print(f"store: {n:,} events, {con.execute('SELECT count(*) FROM articles').fetchone()[0]:,} articles "
          f"(generated in {t_gen:.1f} s); refresh: {t_refresh:.1f} s -> {info.get('events'):,} merged events, "
          f"{info.get('visits'):,} visits, {info.get('agreements'):,} agreements; steps (s): {info.get('timings')}")
    queries = {
        "dyad_timeline": lambda a, b: analytics.dyad_timeline(con, a, b),
        "cooperation_index": lambda a, b: analytics.cooperation_index(con, a, b),
        "dyad_events(200) + mentions": lambda a, b: analytics.dyad_events(con, a, b, limit=200),
        "ledgers (visits+inv+agr)": lambda a, b: [analytics.ledger_rows(con, t, a, b) for t in
                                                   ("mem_visits", "mem_invitations", "mem_agreements")],
        "dyad_quotes": lambda a, b: analytics.dyad_quotes(con, a, b),
        "network (all dyads)": lambda a, b: analytics.network(con),
        "relation_brief (whole)": lambda a, b: brief.relation_brief(con, a, b, refresh=False),
    }
    for label, (a, b) in (("busiest", busiest), ("random", other)):
        n_d = con.execute("SELECT count(*) FROM mem_events WHERE d1 = ? AND d2 = ?", [a, b]).fetchone()[0]
        print(f"\n{label} dyad {a}-{b}: {n_d:,} merged events (median of {args.repeat} runs)")
        for name, fn in queries.items():
            print(f"  {name:32s} {1000 * timed(lambda: fn(a, b), args.repeat):8.1f} ms")
    con.close()


if __name__ == "__main__":
    main()
