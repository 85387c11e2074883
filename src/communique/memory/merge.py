"""Merge the events that several articles report into one real-world event.

Rule (tests/test_memory_merge.py): two extracted events are the same occurrence when they have

1. the same actors at country level (``source_country``, ``target_country``; for a CONSULT
   that is not a visit - a meeting, a call - the pair is unordered: "A met B" and "B met A" is
   one meeting) and, when both reports name one, the same person on each side (for a visit only
   the visitor: the visitor meets several hosts during one visit);
2. the same PLOVER type and the same modality (`when`): a historical mention (``past``, "the
   last visit was in 2004") is never merged with a reported event, nor a plan with its
   fulfilment;
3. dates within a day of each other (day-precision dates; all reports of one event span at most
   one day, so daily accusations over a week stay several events); a coarse date ("2004", "2025-03") merges only with the same coarse date; a
   reported event without a date takes its article's publication date;
4. "same or unknown" on the details: the place, for acts that happen somewhere (meetings and
   visits - not calls -, aid, cooperation, force, protests; the "place" of a statement is only
   where the speaker or the dateline was): conflict when both are in different countries, or
   both named without a country and different; the PLOVER mode, the sectors (a transport
   memorandum and an agriculture memorandum signed the same day are two agreements: non-empty
   disjoint sector sets conflict), and within one article two differently coded acts (CAMEO
   codes differ) are two events; so are, within one article, two signed documents (CAMEO 057)
   read from one sentence or with different triggers ("signed a treaty ... and an agreement on
   the border": two documents even without sectors), while the same document mentioned again
   in a later sentence with the same trigger stays one;
5. a meeting (CONSULT without mode) between the two countries during a visit is part of the
   visit ("a visit counts once, whatever meetings happen during it");
6. a visit located in the visitor's own country (and not the host's) was read backwards (the host
   "received" the visitor): source and target are swapped before merging, and the report is
   marked ``direction_corrected`` in ``mem_event_mentions``.

Steps 1-3 and 5 run in DuckDB SQL (window functions: fast on millions of rows); step 4 runs in
Python only on the groups where a conflict is possible.

Output tables:

* ``mem_events``: one row per merged event (merged id ``M`` + 16 hex chars, stable while its
  first report stays), the fields of its best report (a mode known, highest confidence), the
  union of sectors and contexts, ``num_articles`` (distinct articles), ``num_sources``
  (distinct outlets, else URL hosts), ``num_independent`` (distinct near-duplicate clusters:
  a syndicated copy is not an independent report), first/last reported dates.
* ``mem_event_mentions``: every report of every merged event (article, url, outlet, published,
  evidence offsets and text, confidence, the article's actor ids and roles).
"""
from __future__ import annotations

import time

from .ledgers_common import pack

_BASE_SQL = r"""
CREATE OR REPLACE TEMP TABLE _mem_base AS
WITH r0 AS (
  -- each side's actor is joined once: its country fills a missing one, its name, kind and office travel along
  SELECT e.* EXCLUDE (quote) REPLACE (coalesce(e.source_country, sa.country) AS source_country,
                                      coalesce(e.target_country, ta.country) AS target_country),
         sa.name AS s_name, sa.kind AS s_kind, sa.role AS s_role, sa.title AS s_title, sa.wikidata AS s_wd,
         ta.name AS t_name, ta.kind AS t_kind, ta.role AS t_role, ta.title AS t_title, ta.wikidata AS t_wd
  FROM events e
  LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.id = e.source_actor
  LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.id = e.target_actor
), r1 AS (
  -- a visit takes place in the host's country: one "in" the visitor's own country was read backwards
  SELECT *, coalesce(plover_mode, '') = 'visit' AND location_country IS NOT NULL AND target_country IS NOT NULL
            AND location_country = source_country AND location_country <> target_country AS flipped
  FROM r0
), r AS (
  SELECT * REPLACE (
    CASE WHEN flipped THEN target_actor ELSE source_actor END AS source_actor,
    CASE WHEN flipped THEN source_actor ELSE target_actor END AS target_actor,
    CASE WHEN flipped THEN target_country ELSE source_country END AS source_country,
    CASE WHEN flipped THEN source_country ELSE target_country END AS target_country,
    CASE WHEN flipped THEN target_cameo ELSE source_cameo END AS source_cameo,
    CASE WHEN flipped THEN source_cameo ELSE target_cameo END AS target_cameo,
    CASE WHEN flipped THEN target_name ELSE source_name END AS source_name,
    CASE WHEN flipped THEN source_name ELSE target_name END AS target_name,
    CASE WHEN flipped THEN t_name ELSE s_name END AS s_name,
    CASE WHEN flipped THEN s_name ELSE t_name END AS t_name,
    CASE WHEN flipped THEN t_kind ELSE s_kind END AS s_kind,
    CASE WHEN flipped THEN s_kind ELSE t_kind END AS t_kind,
    CASE WHEN flipped THEN t_role ELSE s_role END AS s_role,
    CASE WHEN flipped THEN s_role ELSE t_role END AS t_role,
    CASE WHEN flipped THEN t_title ELSE s_title END AS s_title,
    CASE WHEN flipped THEN s_title ELSE t_title END AS t_title,
    CASE WHEN flipped THEN t_wd ELSE s_wd END AS s_wd,
    CASE WHEN flipped THEN s_wd ELSE t_wd END AS t_wd)
  FROM r1
), e AS (
  SELECT e.*, a.published, a.outlet, a.url, a.title,
         coalesce(c.cluster_id, e.article_id) AS cluster_id,
         coalesce(e.modality, 'reported') AS mod,
         CASE WHEN length(e.date) >= 10 THEN try_cast(left(e.date, 10) AS DATE)
              WHEN e.date IS NULL AND coalesce(e.modality, 'reported') = 'reported' THEN a.published
         END AS day0
  FROM r e
  JOIN articles a ON a.id = e.article_id
  LEFT JOIN mem_article_clusters c ON c.article_id = e.article_id
), f AS (
  SELECT *,
    plover_type = 'CONSULT' AND coalesce(plover_mode, '') <> 'visit'
      AND coalesce(source_country, '?') > coalesce(target_country, '?') AS swap,
    CASE WHEN s_kind = 'person' THEN coalesce(s_wd, lower(s_name)) END AS s_pid,
    CASE WHEN t_kind = 'person' THEN coalesce(t_wd, lower(t_name)) END AS t_pid,
    CASE WHEN day0 IS NULL THEN coalesce(e.date, '?' || article_id) END AS coarse
  FROM e
)
SELECT *,
  CASE WHEN swap THEN coalesce(target_country, '?') ELSE coalesce(source_country, '?') END AS k1,
  CASE WHEN swap THEN coalesce(source_country, '?') ELSE coalesce(target_country, '?') END AS k2,
  CASE WHEN swap THEN t_pid ELSE s_pid END AS p1,
  CASE WHEN coalesce(plover_mode, '') = 'visit' THEN NULL WHEN swap THEN s_pid ELSE t_pid END AS p2
FROM f
"""

# the windows run on a narrow projection (keys only): DuckDB windows over wide rows are slow
_GROUP_SQL = r"""
CREATE OR REPLACE TEMP TABLE _mem_grouped AS
WITH n AS (
  SELECT article_id, id, k1, k2, plover_type, plover_mode, mod, coarse, day0, p1, p2,
         CASE WHEN physical THEN location_country END AS place_country,
         CASE WHEN physical THEN lower(location_name) END AS place_name,
         sectors, cameo_code, confidence, published, trigger, evidence_start
  FROM (SELECT *, plover_type IN ('CONSULT', 'AID', 'COOPERATE', 'ASSAULT', 'COERCE', 'MOBILIZE', 'PROTEST', 'RETREAT')
                  AND coalesce(plover_mode, '') <> 'phone' AS physical FROM _mem_base)
), w AS (
  SELECT *, CASE WHEN day0 IS NULL THEN 0
                 WHEN lag(day0) OVER part IS NULL OR day0 - lag(day0) OVER part > 1 THEN 1
                 ELSE 0 END AS new_grp
  FROM n
  WINDOW part AS (PARTITION BY k1, k2, plover_type, mod, coarse ORDER BY day0, article_id, id)
), g AS (
  SELECT *, sum(new_grp) OVER (PARTITION BY k1, k2, plover_type, mod, coarse
                               ORDER BY day0, article_id, id ROWS UNBOUNDED PRECEDING) AS tgrp
  FROM w
)
SELECT * EXCLUDE (new_grp, tgrp),
       hash(k1, k2, coalesce(plover_type, ''), mod, coalesce(coarse, ''), tgrp) AS gkey, 0 AS sub
FROM g
"""

# merged id (stable: md5 of the group's first report) and the rank of each report in its event
_MID_SQL = r"""
CREATE OR REPLACE TEMP TABLE _mem_mid AS
WITH f AS (SELECT gkey, sub, min(article_id || ':' || id) AS first FROM _mem_grouped GROUP BY gkey, sub)
SELECT g.article_id, g.id, 'M' || left(md5(f.first), 16) AS mid,
       row_number() OVER (PARTITION BY g.gkey, g.sub
                          ORDER BY (g.plover_mode IS NOT NULL) DESC, g.confidence DESC NULLS LAST,
                                   g.published NULLS LAST, g.article_id, g.id) AS rn
FROM _mem_grouped g JOIN f USING (gkey, sub)
"""

# groups where places or named persons could conflict: resolved in Python
_CONFLICT_SQL = """
SELECT gkey FROM _mem_grouped
WHERE gkey IN (SELECT gkey FROM _mem_grouped GROUP BY gkey HAVING count(*) > 1)
GROUP BY gkey
HAVING count(DISTINCT p1) > 1 OR count(DISTINCT p2) > 1
    OR count(DISTINCT place_country) > 1
    OR count(DISTINCT CASE WHEN place_country IS NULL THEN place_name END) > 1
    OR count(DISTINCT plover_mode) > 1
    OR count(DISTINCT CASE WHEN len(sectors) > 0 THEN list_sort(sectors) END) > 1
    OR count(*) > count(DISTINCT article_id)
    OR max(day0) - min(day0) > 1
"""


def _compatible(a, b) -> bool:
    return a is None or b is None or a == b


def _ok(c: dict, r: dict) -> bool:
    if not (_compatible(r["p1"], c["p1"]) and _compatible(r["p2"], c["p2"]) and _compatible(r["mode"], c["mode"])):
        return False
    if r["country"] and c["country"] and r["country"] != c["country"]:
        return False
    if not r["country"] and not c["country"] and r["name"] and c["name"] and r["name"] != c["name"]:
        return False
    if r["sectors"] and c["sectors"] and not (r["sectors"] & c["sectors"]):
        return False  # a transport memorandum and an agriculture memorandum signed the same day
    if r["day"] is not None and c["dmin"] is not None and max(c["dmax"], r["day"]) - min(c["dmin"], r["day"]) > 1:
        return False  # all reports of one event lie within a day of each other
    codes = c["codes"].get(r["article"])
    if codes and r["code"] and r["code"] not in codes:
        return False  # one article, two differently coded acts: two events
    if _is_document(r.get("code")):
        for trig, start in c["docs"].get(r["article"], ()):
            if start == r.get("start") or (trig or "") != (r.get("trigger") or ""):
                return False  # one article, two documents (same sentence, or a different trigger)
    return True


def _is_document(code) -> bool:
    """CAMEO 057 (sign formal agreement): each document an article lists is its own event."""
    return bool(code) and str(code).startswith("057")


def split_group(rows: list[dict]) -> list[int]:
    """Greedy split of one candidate group into events that do not contradict each other.

    Each row has p1, p2 (person ids), country, name (place), mode, sectors (set), article, code, day
    (ordinal), and optionally trigger and start (evidence offset: the sentence).  All the days of one
    event lie within one day of each other (no chaining).
    Attributes conflict only when both are known and differ ("same or unknown"); sector sets
    conflict when both are non-empty and disjoint; two rows of one article conflict when their
    CAMEO codes differ.  Rows with the most known attributes seed the sub-clusters; a row joins
    the first sub-cluster it does not contradict.  Returns the sub-cluster index of each row.
    """
    def known(r):
        return sum(r[k] is not None for k in ("p1", "p2", "country", "name", "mode")) + bool(r["sectors"])

    order = sorted(range(len(rows)), key=lambda i: (rows[i]["day"] is None, rows[i]["day"] or 0, -known(rows[i])))
    clusters: list[dict] = []
    out = [0] * len(rows)
    for i in order:
        r = rows[i]
        for k, c in enumerate(clusters):
            if _ok(c, r):
                break
        else:
            c = {"p1": None, "p2": None, "country": None, "name": None, "mode": None, "sectors": set(), "codes": {},
                 "docs": {}, "dmin": None, "dmax": None}
            clusters.append(c)
            k = len(clusters) - 1
        for key in ("p1", "p2", "country", "name", "mode"):
            c[key] = c[key] or r[key]
        c["sectors"] |= r["sectors"]
        if r["day"] is not None:
            c["dmin"] = r["day"] if c["dmin"] is None else min(c["dmin"], r["day"])
            c["dmax"] = r["day"] if c["dmax"] is None else max(c["dmax"], r["day"])
        if r["code"]:
            c["codes"].setdefault(r["article"], set()).add(r["code"])
        if _is_document(r["code"]):
            c["docs"].setdefault(r["article"], []).append((r.get("trigger") or "", r.get("start")))
        out[i] = k
    return out


# a meeting (CONSULT without mode, or 'meet') between the two countries during a visit is part of
# the visit: "a visit counts once, whatever meetings happen during it"
_ABSORB_SQL = r"""
UPDATE _mem_grouped g SET gkey = v.gkey, sub = v.sub
FROM (SELECT gkey, sub, least(k1, k2) AS a, greatest(k1, k2) AS b, mod, min(day0) AS d0, max(day0) AS d1
      FROM _mem_grouped WHERE plover_type = 'CONSULT' AND plover_mode = 'visit' AND day0 IS NOT NULL
      GROUP BY ALL) v
WHERE g.plover_type = 'CONSULT' AND coalesce(g.plover_mode, 'meet') IN ('meet', 'meeting', '')
  AND g.day0 IS NOT NULL AND least(g.k1, g.k2) = v.a AND greatest(g.k1, g.k2) = v.b AND g.mod = v.mod
  AND g.day0 BETWEEN v.d0 - 1 AND v.d1 + 1
"""

_MERGED_SQL = r"""
WITH agg AS (  SELECT mid,
    count(*) AS num_mentions,
    count(DISTINCT article_id) AS num_articles,
    count(DISTINCT cluster_id) AS num_independent,
    count(DISTINCT coalesce(lower(outlet), regexp_extract(lower(url), '^(?:https?://)?(?:www\.)?([^/:?#]+)', 1),
                            cluster_id)) AS num_sources,
    min(day0) AS day_min,
    arg_max(location_name, confidence) FILTER (WHERE location_name IS NOT NULL) AS loc_name,
    arg_max(location_country, confidence) FILTER (WHERE location_country IS NOT NULL) AS loc_country,
    avg(location_lat) AS loc_lat, avg(location_lon) AS loc_lon,
    list_sort(list_distinct(flatten(list(coalesce(sectors, []))))) AS all_sectors,
    list_sort(list_distinct(flatten(list(coalesce(plover_contexts, []))))) AS all_contexts,
    max(confidence) AS conf_max,
    1 - exp(sum(ln(greatest(1e-9, 1 - least(coalesce(confidence, 0.5), 0.999999))))) AS conf_combined,
    arg_max(s_name, confidence) FILTER (WHERE s_kind = 'person') AS s_person,
    arg_max(t_name, confidence) FILTER (WHERE t_kind = 'person') AS t_person,
    bool_or(s_kind = 'person') AS s_is_person, bool_or(t_kind = 'person') AS t_is_person,
    arg_max(s_role, confidence) FILTER (WHERE s_role IS NOT NULL) AS s_role_m,
    arg_max(t_role, confidence) FILTER (WHERE t_role IS NOT NULL) AS t_role_m,
    arg_max(s_title, confidence) FILTER (WHERE s_title IS NOT NULL) AS s_title_m,
    arg_max(t_title, confidence) FILTER (WHERE t_title IS NOT NULL) AS t_title_m,
    min(published) AS first_reported, max(published) AS last_reported
  FROM _mem_base JOIN _mem_mid USING (article_id, id) GROUP BY mid
), k AS (
  SELECT b.*, m.mid FROM _mem_base b JOIN _mem_mid m USING (article_id, id) WHERE m.rn = 1
)
SELECT k.mid AS id,
  k.source_country, k.source_cameo, coalesce(agg.s_person, k.source_name, k.s_name) AS source_name,
  coalesce(agg.s_is_person, false) AS source_is_person, agg.s_role_m AS source_role, agg.s_title_m AS source_title,
  k.target_country, k.target_cameo, coalesce(agg.t_person, k.target_name, k.t_name) AS target_name,
  coalesce(agg.t_is_person, false) AS target_is_person, agg.t_role_m AS target_role, agg.t_title_m AS target_title,
  k.plover_type, k.plover_mode, agg.all_contexts AS plover_contexts,
  k.cameo_code, k.cameo_root, k.cameo_goldstein, k.cameo_quad_class,
  k.mod AS modality,
  CASE WHEN agg.day_min IS NOT NULL THEN strftime(agg.day_min, '%Y-%m-%d') ELSE k.date END AS date,
  agg.day_min AS day,
  coalesce(agg.loc_name, k.location_name) AS location_name, coalesce(agg.loc_country, k.location_country) AS location_country,
  agg.loc_lat AS location_lat, agg.loc_lon AS location_lon,
  agg.all_sectors AS sectors, agg.conf_max AS confidence, agg.conf_combined AS confidence_combined,
  k.evidence_start, k.evidence_end, k.evidence_text, k.trigger,
  k.article_id AS best_article, k.id AS best_event,
  agg.num_mentions, agg.num_articles AS num_reports, agg.num_articles, agg.num_independent, agg.num_sources,
  agg.first_reported, agg.last_reported,
  least(coalesce(k.source_country, '~'), coalesce(k.target_country, '~')) AS d1,
  greatest(coalesce(k.source_country, '~'), coalesce(k.target_country, '~')) AS d2
FROM k JOIN agg USING (mid)
"""

_MENTIONS_SQL = r"""
SELECT m.mid AS event_id,
       least(coalesce(source_country, '~'), coalesce(target_country, '~')) AS d1,
       greatest(coalesce(source_country, '~'), coalesce(target_country, '~')) AS d2,
       article_id, id AS article_event, cluster_id, url, outlet, title, published,
       evidence_start, evidence_end, evidence_text, confidence, trigger,
       source_actor, target_actor, s_name AS source_actor_name, t_name AS target_actor_name,
       s_role AS source_role, t_role AS target_role, s_title AS source_title, t_title AS target_title,
       flipped AS direction_corrected
FROM _mem_base JOIN _mem_mid m USING (article_id, id)
"""


SORT_ROWS = 20_000   # rows sorted at a time when a wide table is written in dyad order


def write_sorted(con, table: str, select_sql: str, order: str) -> None:
    """``CREATE TABLE table AS select_sql ORDER BY order``, where ``order`` starts with ``d1``, sorted a
    slice of ``d1`` values at a time (about SORT_ROWS rows): one sort of every wide row (evidence
    texts) at once does not fit a bounded DuckDB memory, slices do; the result is in the same order
    (dyad order lets the dyad queries skip most of the table)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _mem_unsorted AS {select_sql}")
    con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM _mem_unsorted LIMIT 0")
    d1_sizes = con.execute("SELECT d1, count(*) FROM _mem_unsorted GROUP BY d1 ORDER BY d1").fetchall()
    for values in pack(d1_sizes, SORT_ROWS):
        con.execute(f"INSERT INTO {table} SELECT * FROM _mem_unsorted WHERE d1 IN (SELECT unnest(?::VARCHAR[])) "
                    f"ORDER BY {order}", [values])
    con.execute("DROP TABLE _mem_unsorted")


TIMINGS: dict[str, float] = {}   # seconds per step of the last merge_events (benchmarks read it)


def _timed(con, name: str, sql: str, params=None):
    t = time.perf_counter()
    out = con.execute(sql, params) if params is not None else con.execute(sql)
    TIMINGS[name] = round(time.perf_counter() - t, 3)
    return out


def merge_events(con) -> int:
    """(Re)build ``mem_events`` and ``mem_event_mentions``; returns the number of merged events."""
    TIMINGS.clear()
    _timed(con, "base", _BASE_SQL)
    _timed(con, "group", _GROUP_SQL)
    conflicts = [r[0] for r in _timed(con, "conflicts", _CONFLICT_SQL).fetchall()]
    t_split = time.perf_counter()
    if conflicts:
        con.execute("CREATE OR REPLACE TEMP TABLE _mem_conf AS SELECT unnest(?::UBIGINT[]) AS gkey", [conflicts])
        rows = con.execute("""SELECT g.gkey, g.article_id, g.id, g.p1, g.p2, g.place_country,
                                     g.place_name, g.plover_mode, g.sectors, g.cameo_code, g.day0,
                                     lower(trim(g.trigger)), g.evidence_start
                              FROM _mem_grouped g JOIN _mem_conf USING (gkey)
                              ORDER BY g.gkey, g.day0, g.article_id, g.id""").fetchall()
        by_group: dict[str, list[tuple]] = {}
        for r in rows:
            by_group.setdefault(r[0], []).append(r)
        updates = []
        for gkey, grp in by_group.items():
            subs = split_group([{"p1": r[3], "p2": r[4], "country": r[5], "name": r[6], "mode": r[7] or None,
                                 "sectors": {x.lower() for x in (r[8] or [])}, "article": r[1], "code": r[9],
                                 "day": r[10].toordinal() if r[10] else None, "trigger": r[11], "start": r[12]}
                                for r in grp])
            updates.extend((gkey, r[1], r[2], s) for r, s in zip(grp, subs) if s)
        if updates:
            import pyarrow as pa
            con.register("_mem_sub", pa.table({
                "gkey": pa.array([u[0] for u in updates], pa.uint64()),
                "article_id": pa.array([u[1] for u in updates], pa.string()),
                "id": pa.array([u[2] for u in updates], pa.string()),
                "sub": pa.array([u[3] for u in updates], pa.int32())}))
            con.execute("""UPDATE _mem_grouped g SET sub = s.sub FROM _mem_sub s
                           WHERE g.gkey = s.gkey AND g.article_id = s.article_id AND g.id = s.id""")
            con.unregister("_mem_sub")
        con.execute("DROP TABLE _mem_conf")
    TIMINGS["split"] = round(time.perf_counter() - t_split, 3)
    TIMINGS["conflict_groups"] = len(conflicts)
    _timed(con, "absorb", _ABSORB_SQL)
    _timed(con, "ids", _MID_SQL)
    con.execute("DROP TABLE _mem_grouped")   # its buffers are needed by the aggregation below
    t = time.perf_counter()
    write_sorted(con, "mem_events", _MERGED_SQL, "d1, d2, day")
    TIMINGS["events"] = round(time.perf_counter() - t, 3)
    t = time.perf_counter()
    write_sorted(con, "mem_event_mentions", _MENTIONS_SQL, "d1, d2, event_id")
    TIMINGS["mentions"] = round(time.perf_counter() - t, 3)
    for t in ("_mem_base", "_mem_mid"):
        con.execute(f"DROP TABLE {t}")
    return con.execute("SELECT count(*) FROM mem_events").fetchone()[0]

