"""Dyad analytics on the merged events: the query functions the CLI and the web share.

All counts are of *merged* events (`mem_events`: one real-world event however many outlets
reported it), dated by the event date, and only ``reported`` events enter the trend (past
mentions go to the ledgers; plans, conditionals and denials did not happen).

Cooperation index (per dyad and period)::

    score(e) = mean of the available values of
               goldstein(e.cameo_code)          # GDELT Goldstein scale, -10..+10
               plover(e.type, e.mode)           # PLOVER manual scores, -10..+10 (type:mode when listed)
    CI(period) = sum(score(e) for e in events) / count(events)

i.e. the mean cooperation score per real-world event.  Because each event counts once (not
once per report) and the sum is divided by the number of events, a month with twice the news
coverage - more outlets, more events of the same kind - has the same index; only a change in
the *mix* of events moves it.  Attention is reported separately: ``share`` = this dyad's merged
events / all merged events of the period in the store (per mille), so a busier news month does
not read as a warmer relationship, and a dyad that grows in the news is still visible.
"""
from __future__ import annotations

import json
from typing import Optional

# PLOVER manual, "PLOVER conflict-cooperation scores" table (facts). ACCUSE is printed as +3 in
# the table, a sign typo: its modes are -2..-3.5 and the category is conflictual, so -3 is used.
PLOVER_SCORES = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10.0,
    "RETREAT": 6.5, "REQUEST": 0.0, "ACCUSE": -3.0, "REJECT": -2.0, "THREATEN": -3.5, "PROTEST": -5.0,
    "SANCTION": -6.0, "MOBILIZE": -5.5, "COERCE": -7.0, "ASSAULT": -9.0,
}
PLOVER_MODE_SCORES = {
    ("CONSULT", "visit"): 4.0, ("CONSULT", "third-party"): 1.0, ("CONSULT", "multilateral"): 4.0,
    ("CONSULT", "phone"): 1.5, ("RETREAT", "withdraw"): 8.0, ("RETREAT", "release"): 6.5,
    ("RETREAT", "disarm"): 10.0, ("RETREAT", "ceasefire"): 7.5, ("RETREAT", "access"): 6.5,
    ("RETREAT", "resign"): 4.5, ("REQUEST", "assist"): 0.5, ("REQUEST", "change"): -1.0,
    ("REQUEST", "yield"): -1.0, ("REQUEST", "meet"): 0.0, ("ACCUSE", "disapprove"): -2.0,
    ("ACCUSE", "investigate"): -3.5, ("ACCUSE", "allege"): -3.5, ("REJECT", "assist"): -1.5,
    ("THREATEN", "restrict"): -3.0, ("THREATEN", "territory"): -4.0, ("PROTEST", "riot"): -7.0,
    ("PROTEST", "hunger"): -4.5, ("PROTEST", "boycott"): -4.5, ("PROTEST", "obstruct"): -4.5,
    ("SANCTION", "expel"): -5.5, ("MOBILIZE", "troops"): -6.5, ("MOBILIZE", "weapons"): -6.5,
    ("MOBILIZE", "militia"): -6.0, ("COERCE", "censor"): -6.5, ("COERCE", "curfew"): -6.5,
    ("COERCE", "martial-law"): -7.5, ("COERCE", "misinformation"): -6.5, ("ASSAULT", "abduct"): -8.5,
    ("ASSAULT", "beat"): -7.5, ("ASSAULT", "torture"): -8.5, ("ASSAULT", "sexual"): -8.5,
    ("ASSAULT", "targeted"): -9.5, ("ASSAULT", "destroy"): -8.5, ("ASSAULT", "primitive"): -8.0,
    ("ASSAULT", "suicide-attack"): -9.5, ("ASSAULT", "aerial"): -9.5, ("ASSAULT", "drone"): -9.5,
    ("ASSAULT", "heavy-weapons"): -9.5, ("ASSAULT", "crowd-control"): -7.5, ("ASSAULT", "unconventional"): -10.0,
}


def event_score(goldstein: Optional[float], ptype: Optional[str], pmode: Optional[str] = None) -> Optional[float]:
    """The cooperation score of one event (see the module docstring)."""
    vals = [goldstein] if goldstein is not None else []
    p = PLOVER_MODE_SCORES.get((ptype or "", (pmode or "").lower()), PLOVER_SCORES.get(ptype or ""))
    if p is not None:
        vals.append(p)
    return sum(vals) / len(vals) if vals else None


def _score_table(con) -> None:
    rows = [(t, None, s) for t, s in PLOVER_SCORES.items()] + [(t, m, s) for (t, m), s in PLOVER_MODE_SCORES.items()]
    con.execute("CREATE OR REPLACE TEMP TABLE _mem_pscore (ptype VARCHAR, pmode VARCHAR, score DOUBLE)")
    con.executemany("INSERT INTO _mem_pscore VALUES (?, ?, ?)", rows)


_SCORE_EXPR = """
  (coalesce(e.cameo_goldstein, 0) + coalesce(coalesce(pm.score, pt.score), 0))
  / nullif((e.cameo_goldstein IS NOT NULL)::INT + (coalesce(pm.score, pt.score) IS NOT NULL)::INT, 0)
"""


def build_aggregates(con) -> None:
    """Monthly pre-aggregates: mem_dyad_month, mem_dyad_sector_month, mem_coverage_month."""
    _score_table(con)
    con.execute(f"""
    CREATE OR REPLACE TABLE mem_dyad_month AS
    SELECT e.d1, e.d2, strftime(e.day, '%Y-%m') AS period, e.plover_type, e.cameo_quad_class AS quad_class,
           count(*) AS events, sum(e.num_reports) AS reports, sum(e.cameo_goldstein) AS goldstein_sum,
           count(e.cameo_goldstein) AS goldstein_n, sum({_SCORE_EXPR}) AS score_sum, count({_SCORE_EXPR}) AS score_n
    FROM mem_events e
    LEFT JOIN _mem_pscore pt ON pt.ptype = e.plover_type AND pt.pmode IS NULL
    LEFT JOIN _mem_pscore pm ON pm.ptype = e.plover_type AND pm.pmode = lower(e.plover_mode)
    WHERE e.modality = 'reported' AND e.day IS NOT NULL
    GROUP BY ALL ORDER BY e.d1, e.d2, period""")
    con.execute("""
    CREATE OR REPLACE TABLE mem_dyad_sector_month AS
    SELECT d1, d2, strftime(day, '%Y-%m') AS period, s.sector, count(*) AS events
    FROM (SELECT d1, d2, day, unnest(sectors) AS sector FROM mem_events
          WHERE modality = 'reported' AND day IS NOT NULL) s
    GROUP BY ALL ORDER BY d1, d2, period""")
    con.execute("""
    CREATE OR REPLACE TABLE mem_coverage_month AS
    WITH ev AS (SELECT strftime(day, '%Y-%m') AS period, count(*) AS events FROM mem_events
                WHERE modality = 'reported' AND day IS NOT NULL GROUP BY 1),
         ar AS (SELECT strftime(a.published, '%Y-%m') AS period, count(DISTINCT coalesce(c.cluster_id, a.id)) AS articles
                FROM articles a LEFT JOIN mem_article_clusters c ON c.article_id = a.id
                WHERE a.published IS NOT NULL GROUP BY 1)
    SELECT period, coalesce(ar.articles, 0) AS articles, coalesce(ev.events, 0) AS events
    FROM ev FULL OUTER JOIN ar USING (period) ORDER BY period""")
    con.execute("DROP TABLE _mem_pscore")


# ---------------------------------------------------------------- queries

def _dyad(a: str, b: str) -> tuple[str, str]:
    a, b = a.upper(), b.upper()
    return (a, b) if a <= b else (b, a)


def _period(since: Optional[str]) -> str:
    return (since or "0000-00")[:7]


def _rows(con, sql: str, params=()) -> list[dict]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def dyad_timeline(con, a: str, b: str, since: Optional[str] = None) -> list[dict]:
    """Merged events per month by PLOVER type and quad class."""
    d1, d2 = _dyad(a, b)
    return _rows(con, """SELECT period, plover_type, quad_class, events, reports,
                                round(goldstein_sum / nullif(goldstein_n, 0), 2) AS goldstein_mean
                         FROM mem_dyad_month WHERE d1 = ? AND d2 = ? AND period >= ?
                         ORDER BY period, plover_type, quad_class""", [d1, d2, _period(since)])


def cooperation_index(con, a: str, b: str, since: Optional[str] = None) -> list[dict]:
    """Per month: events, cooperation_index (mean score per merged event), share of all events (per mille)."""
    d1, d2 = _dyad(a, b)
    return _rows(con, """
        SELECT m.period, sum(m.events)::INT AS events, sum(m.reports)::INT AS reports,
               round(sum(m.score_sum) / nullif(sum(m.score_n), 0), 2) AS cooperation_index,
               round(sum(m.goldstein_sum) / nullif(sum(m.goldstein_n), 0), 2) AS goldstein_mean,
               sum(m.events) FILTER (WHERE m.quad_class IN (1, 2))::INT AS cooperative,
               sum(m.events) FILTER (WHERE m.quad_class IN (3, 4))::INT AS conflictual,
               round(1000.0 * sum(m.events) / nullif(any_value(c.events), 0), 2) AS share_permille
        FROM mem_dyad_month m LEFT JOIN mem_coverage_month c ON c.period = m.period
        WHERE m.d1 = ? AND m.d2 = ? AND m.period >= ?
        GROUP BY m.period ORDER BY m.period""", [d1, d2, _period(since)])


def sectors_over_time(con, a: str, b: str, since: Optional[str] = None) -> list[dict]:
    d1, d2 = _dyad(a, b)
    return _rows(con, """SELECT period, sector, events FROM mem_dyad_sector_month
                         WHERE d1 = ? AND d2 = ? AND period >= ? ORDER BY period, events DESC, sector""",
                 [d1, d2, _period(since)])


def sector_totals(con, a: str, b: str, since: Optional[str] = None) -> dict[str, int]:
    d1, d2 = _dyad(a, b)
    rows = con.execute("""SELECT sector, sum(events)::INT FROM mem_dyad_sector_month
                          WHERE d1 = ? AND d2 = ? AND period >= ? GROUP BY sector ORDER BY 2 DESC, 1""",
                       [d1, d2, _period(since)]).fetchall()
    return {s: n for s, n in rows}


def network(con, since: Optional[str] = None, min_events: int = 1, limit: int = 500) -> list[dict]:
    """Edges between states: merged reported events per dyad, with their cooperation index."""
    return _rows(con, """
        SELECT d1 AS a, d2 AS b, sum(events)::INT AS events, sum(reports)::INT AS reports,
               round(sum(score_sum) / nullif(sum(score_n), 0), 2) AS cooperation_index,
               sum(events) FILTER (WHERE quad_class IN (3, 4))::INT AS conflictual
        FROM mem_dyad_month WHERE period >= ? AND d1 <> '~' AND d2 <> '~' AND d1 <> d2
        GROUP BY d1, d2 HAVING sum(events) >= ? ORDER BY events DESC, a, b LIMIT ?""",
                 [_period(since), min_events, limit])


def dyad_events(con, a: str, b: str, since: Optional[str] = None, limit: Optional[int] = None,
                modalities: tuple[str, ...] = ("reported", "past", "future")) -> list[dict]:
    """Merged events between a and b (either direction), newest first, each with its mentions."""
    d1, d2 = _dyad(a, b)
    evs = _rows(con, f"""SELECT * FROM mem_events WHERE d1 = ? AND d2 = ?
                         AND modality IN (SELECT unnest(?::VARCHAR[]))
                         AND (?::DATE = DATE '0001-01-01' OR coalesce(day, CASE
                                WHEN length(date) = 4 THEN try_cast(date || '-12-31' AS DATE)
                                WHEN length(date) = 7 THEN last_day(try_cast(date || '-01' AS DATE)) END) >= ?::DATE)
                         ORDER BY coalesce(day, try_cast(left(date, 4) || '-01-01' AS DATE)) DESC NULLS LAST, id
                         {'LIMIT ' + str(int(limit)) if limit else ''}""",
                [d1, d2, list(modalities), _since_date(since), _since_date(since)])
    if not evs:
        return []
    ms = _rows(con, """SELECT event_id, article_id, url, outlet, title, published::VARCHAR AS published,
                              evidence_start, evidence_end, evidence_text, confidence
                       FROM mem_event_mentions WHERE d1 = ? AND d2 = ? AND event_id IN (SELECT unnest(?::VARCHAR[]))
                       ORDER BY published, article_id, evidence_start""", [d1, d2, [e["id"] for e in evs]])
    by: dict[str, list[dict]] = {}
    for m in ms:
        by.setdefault(m.pop("event_id"), []).append(m)
    for e in evs:
        e["mentions"] = by.get(e["id"], [])
    return evs


def _since_date(since: Optional[str]) -> str:
    if not since:
        return "0001-01-01"
    s = str(since)
    return s + "-01-01" if len(s) == 4 else s + "-01" if len(s) == 7 else s[:10]


def dyad_quotes(con, a: str, b: str, since: Optional[str] = None, limit: int = 20) -> list[dict]:
    """Quotes a side said about the other: a speaker of one side whose quote mentions the other side
    (an actor of the other country mentioned inside the quote span, or named in it); each quote once
    across near-duplicate copies."""
    a, b = a.upper(), b.upper()
    rows = _rows(con, """
        WITH q AS (
          SELECT q.*, ar.url, ar.outlet, ar.published, coalesce(c.cluster_id, q.article_id) AS cluster_id,
                 CASE WHEN q.speaker_country = ? THEN ? ELSE ? END AS about
          FROM quotes q JOIN articles ar ON ar.id = q.article_id
          LEFT JOIN mem_article_clusters c ON c.article_id = q.article_id
          WHERE q.speaker_country IN (?, ?) AND (ar.published IS NULL OR ar.published >= ?::DATE)
        ), hits AS (
          SELECT DISTINCT q.article_id, q.id FROM q JOIN actors x ON x.article_id = q.article_id AND x.country = q.about
          LEFT JOIN mentions m ON m.article_id = x.article_id AND m.actor_id = x.id
          WHERE (m.start >= q.start AND m."end" <= q."end")
             OR (length(x.name) > 2 AND strpos(lower(q.text), lower(x.name)) > 0)
        )
        SELECT q.speaker_name AS speaker, q.speaker_country, q.about, q.text, q.direct, q.article_id AS article,
               q.url, q.outlet, q.published::VARCHAR AS published, q.start, q."end",
               (h.id IS NOT NULL) AS about_other,
               row_number() OVER (PARTITION BY lower(regexp_replace(q.text, '\\W+', ' ', 'g'))
                                  ORDER BY q.published, q.article_id) AS rn
        FROM q LEFT JOIN hits h ON h.article_id = q.article_id AND h.id = q.id
        WHERE h.id IS NOT NULL OR q.article_id IN (SELECT article_id FROM mem_event_mentions WHERE d1 = ? AND d2 = ?)
        ORDER BY about_other DESC, q.published DESC NULLS LAST, q.article_id, q.start""",
                 [a, b, a, a, b, _since_date(since), *_dyad(a, b)])
    out = [r for r in rows if r.pop("rn") == 1]
    return out[:limit]


def last_contacts(con, a: str, b: str, n: int = 5) -> list[dict]:
    """The latest reported events of the dyad (contacts - visits, calls, meetings - first on a same day)."""
    d1, d2 = _dyad(a, b)
    return _rows(con, """SELECT id, date, plover_type, plover_mode, source_country, source_name, target_country,
                                target_name, location_name, num_sources, evidence_text
                         FROM mem_events WHERE d1 = ? AND d2 = ? AND modality = 'reported'
                         ORDER BY day DESC NULLS LAST, (plover_type = 'CONSULT') DESC, id LIMIT ?""", [d1, d2, n])


def ledger_rows(con, table: str, a: str, b: str, since: Optional[str] = None) -> list[dict]:
    """Rows of a ledger table (mem_visits, mem_invitations, mem_agreements) for a dyad, JSON decoded."""
    d1, d2 = _dyad(a, b)
    rows = _rows(con, f"SELECT * FROM {table} WHERE d1 = ? AND d2 = ?", [d1, d2])
    for r in rows:
        for k in ("claims", "sources", "history"):
            if isinstance(r.get(k), str):
                r[k] = json.loads(r[k])
        r.pop("d1", None)
        r.pop("d2", None)
    if since:
        s = _since_date(since)
        key = "last_date" if table == "mem_invitations" else "date"
        rows = [r for r in rows if not r.get(key) or str(r[key]) >= s[:len(str(r[key]))]]
    return rows


__all__ = ["event_score", "build_aggregates", "dyad_timeline", "cooperation_index", "sectors_over_time",
           "sector_totals", "network", "dyad_events", "dyad_quotes", "last_contacts", "ledger_rows",
           "PLOVER_SCORES", "PLOVER_MODE_SCORES"]
