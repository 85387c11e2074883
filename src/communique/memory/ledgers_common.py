"""Small helpers shared by the memory modules (rows as dicts, the reports of merged events, size-bounded chunks)."""
from __future__ import annotations

import json
import re
from typing import Any

INVIT = re.compile(r"\binvit(e|ed|es|ing|ation|ations)\b", re.I)


def json_text(x: Any) -> str:
    return json.dumps(x, ensure_ascii=False, default=str)


def pack(sized, limit: int) -> list[list]:
    """Consecutive keys of ``(key, size)`` pairs grouped into chunks of at most `limit` in total
    (a key larger than `limit` gets a chunk of its own)."""
    chunks: list[list] = [[]]
    total = 0
    for key, n in sized:
        if chunks[-1] and total + n > limit:
            chunks.append([])
            total = 0
        chunks[-1].append(key)
        total += n
    return [c for c in chunks if c]


def rows(con, sql: str, params=()) -> list[dict]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def mentions(con, ids: list[str]) -> dict[str, list[dict]]:
    """event id -> its reports (article, url, outlet, published, evidence), oldest first."""
    if not ids:
        return {}
    found = rows(con, """SELECT m.event_id, m.article_id, m.url, m.outlet, m.published::VARCHAR AS published,
                                m.evidence_start, m.evidence_end, m.evidence_text
                         FROM mem_event_mentions m WHERE m.event_id IN (SELECT unnest(?::VARCHAR[]))
                         ORDER BY m.published, m.article_id, m.evidence_start, m.article_event""", [ids])
    out: dict[str, list[dict]] = {}
    for r in found:
        out.setdefault(r.pop("event_id"), []).append(r)
    return out
