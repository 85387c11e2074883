"""Ledgers built from the merged events: visits, invitations, agreements.

* ``mem_visits``: one row per visit (a merged CONSULT event with mode ``visit`` or CAMEO
  042/043; PLOVER convention: the visitor is the source, the host the target).  ``level`` comes
  from the visitor's role (head of state, head of government, foreign minister, other minister,
  other), else from the role words of the evidence text (a historical mention "the last visit
  of an Omani foreign minister was in 2004" has no named actor).  Reported visits are ``held``,
  past mentions ``historical`` (kept once: a past mention of a visit already in the ledger is
  linked to it, not counted again), future ones ``planned`` (so are "visits" read only from
  sentences inviting someone to visit).  ``previous_at_level`` is the
  latest earlier visit by the same visitor to the same host at the same level (an entry of
  unknown level counts, flagged), ``gap_years`` the difference of years, and ``claims`` the
  "almost 20 years later" statements of the articles reporting the visit with ``agrees``
  (see `claims`).
* ``mem_invitations``: invitation chains (inviter, invitee, to what) with a lifecycle
  extended -> reaffirmed -> accepted -> fulfilled (by the first later visit of the invitee to
  the inviter, at the invitee's level when known) or declined; ``since`` is when it was first
  extended, so an unfulfilled one is "outstanding since".
* ``mem_agreements``: agreements and memoranda (built in `agreements`): parties, title, domain,
  date, status ``signed`` | ``planned``.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

from . import claims as claims_mod
from .ledgers_common import INVIT as _INVIT, json_text as _json, mentions as _mentions, pack, rows as _rows
from .agreements import agreement_title, agreement_titles, build_agreements  # noqa: F401  (re-exported)

LEVELS = ("head of state", "head of government", "foreign minister", "other minister", "other")

_LEVEL_PATTERNS = [  # order matters: the first match wins
    ("other minister", re.compile(r"\b(deputy|vice|state)\s+(foreign\s+)?(prime\s+)?minister|\bminister of state\b", re.I)),
    ("other", re.compile(r"\b(vice[- ]president|deputy|crown prince|speaker|ambassador|envoy|governor|mayor|"
                         r"secretary[- ]general|chairman|chair of)\b", re.I)),
    ("foreign minister", re.compile(r"\b(foreign (affairs )?minister|minister (of|for) foreign affairs|"
                                    r"minister of external affairs|foreign secretary|secretary of state|"
                                    r"top diplomat|chief diplomat)\b", re.I)),
    ("head of government", re.compile(r"\b(head of government|prime minister|premier|chancellor|"
                                      r"chairman of the (council of ministers|state council))\b", re.I)),
    ("head of state", re.compile(r"\b(head of state|president|king|queen|sultan|emir|amir|monarch|emperor|"
                                 r"grand duke|supreme leader|his majesty|her majesty)\b", re.I)),
    ("other minister", re.compile(r"\bminister\b", re.I)),
]


def level_of(*texts: Optional[str]) -> Optional[str]:
    """The level of a role/title string ('head of state (President)' -> 'head of state'); None if none."""
    for t in texts:
        if not t:
            continue
        for level, pat in _LEVEL_PATTERNS:
            if pat.search(t):
                return level
    return None


def levels_in(text: Optional[str]) -> set[str]:
    """Every level whose role words occur in a text."""
    found = set()
    for level, pat in _LEVEL_PATTERNS:
        if text and pat.search(text):
            found.add(level)
    if "other minister" in found and ({"foreign minister", "head of government"} & found):
        # "minister" is part of "foreign minister"/"prime minister": only keep when on its own
        rest = text
        for lv in ("foreign minister", "head of government"):
            rest = dict(_LEVEL_PATTERNS)[lv].sub(" ", rest) if lv in found else rest
        if not _LEVEL_PATTERNS[-1][1].search(rest) and not _LEVEL_PATTERNS[0][1].search(text):
            found.discard("other minister")
    return found


_THEN_ROLE = re.compile(r"\b(?:then|former|at the time)\b[^.;]{0,40}?\b(?P<role>(?:deputy |vice |prime |foreign )?"
                        r"(?:minister(?: of [a-z ]+)?|president|king|sultan|emir|chancellor|premier|"
                        r"secretary of state|foreign secretary))\b", re.I)
_THIS_LEVEL = re.compile(r"\b(?:at|of) (?:this|that|the same|such a|this high|so high a) level\b|"
                         r"\bsuch (?:a )?(?:visit|trip)\b", re.I)


def _visit_level(ev: dict) -> tuple[str, str]:
    """(level, how): from the visitor's role; for a historical mention from its own words first
    ("when X, then foreign minister, travelled"), since the actor's role today is anachronistic."""
    text = ev.get("evidence_text") or ""
    if ev["modality"] == "past":
        m = _THEN_ROLE.search(text)
        if m and level_of(m.group("role")):
            return level_of(m.group("role")), "evidence"
        if _THIS_LEVEL.search(text):
            return "same", "evidence"  # resolved against the visit the article reports
    lv = level_of(ev["source_role"], ev["source_title"])
    if lv and ev["modality"] != "past":
        return lv, "role"
    cands = levels_in(text)
    host = level_of(ev["target_role"], ev["target_title"])
    if len(cands) > 1 and host in cands:
        cands.discard(host)
    if len(cands) == 1:
        return cands.pop(), "evidence"
    if ev.get("source_is_person") and ev["modality"] != "past":
        return "other", "role"   # a named visitor with no office we know of
    return "unknown", "unknown"


# ---------------------------------------------------------------- visits

_VISIT_SQL = """
SELECT e.* FROM mem_events e
WHERE (e.plover_type = 'CONSULT' AND e.plover_mode = 'visit' OR e.cameo_code IN ('042', '043'))
  AND e.modality IN ('reported', 'past', 'future') /*WHERE*/
ORDER BY e.day NULLS LAST, e.date, e.id
"""

# the events of the dyads listed in the temp table `_mem_chunk(d1, d2)` (unordered pair, '~' for none)
IN_CHUNK = " AND EXISTS (SELECT 1 FROM _mem_chunk c WHERE c.d1 = e.d1 AND c.d2 = e.d2)"


def _sentence_of(text: str, start: int, end: int, before: int = 1) -> str:
    """The sentence around [start, end) and `before` sentences ahead of it."""
    a = start
    for _ in range(before + 1):
        a = max(text.rfind(".", 0, max(a - 1, 0)), text.rfind("\n", 0, max(a - 1, 0))) + 1
    b = min([i for i in (text.find(".", end), text.find("\n", end)) if i >= 0] or [len(text)])
    return text[a:b]


_INVITED_TO_VISIT = re.compile(r"\binvit\w*\b[^.;]{0,80}?\bto\s+(?:pay|make|undertake|visit)\b", re.I)
_VISITISH = re.compile(r"\b(visit|trip|travel|came|come|arriv|first|last|previous)", re.I)


def build_visits(con, where: str = "", claims: bool = True) -> list[dict]:
    """The visits (of the dyads in `_mem_chunk` when `where` is `IN_CHUNK`); `claims`: attach the
    articles' "years since" claims here (the chunked build attaches them once, over all chunks)."""
    evs = _rows(con, _VISIT_SQL.replace("/*WHERE*/", where))
    ments = _mentions(con, [e["id"] for e in evs])
    visits: list[dict] = []
    for e in evs:
        level, how = _visit_level(e)
        status = {"reported": "held", "past": "historical", "future": "planned"}[e["modality"]]
        texts = [m.get("evidence_text") or "" for m in ments.get(e["id"], [])] or [e.get("evidence_text") or ""]
        if status == "held" and all(_INVITED_TO_VISIT.search(t) for t in texts):
            status = "planned"   # "invited him to pay a state visit": the visit is still to come
        visits.append({
            "id": e["id"], "visitor": e["source_country"], "host": e["target_country"],
            "visitor_actor": e["source_name"], "host_actor": e["target_name"],
            "level": level, "level_from": how, "date": e["date"], "place": e["location_name"],
            "place_country": e["location_country"], "status": status, "modality": e["modality"],
            "num_articles": e["num_articles"], "num_sources": e["num_sources"],
            "sources": ments.get(e["id"], []), "previous_at_level": None, "previous_visit": None,
            "previous_level_assumed": False, "gap_years": None, "gap_range": None, "same_as": None,
            "claims": [],
            # the ledger's order (that of _VISIT_SQL): claims tied between two visits go to the first
            "order": (e["day"] is None, e["day"] or _dt.date.min, e["date"] is None, e["date"] or "", e["id"]),
        })
    del evs, ments
    _resolve_same_level(visits)
    _link_past_mentions(visits)
    _compute_gaps(visits)
    if claims:
        _attach_claims(con, visits)
    return visits


def _resolve_same_level(visits: list[dict]) -> None:
    """'the last visit at this level was in 2004': the level of the visit the same article reports."""
    for v in visits:
        if v["level"] != "same":
            continue
        arts = {s["article_id"] for s in v["sources"]}
        ref = [h for h in visits if h["status"] == "held" and h["visitor"] == v["visitor"] and h["host"] == v["host"]
               and h["level"] not in ("same", "unknown") and arts & {s["article_id"] for s in h["sources"]}]
        v["level"], v["level_from"] = (ref[0]["level"], "article") if ref else ("unknown", "unknown")


def _level_ok(a: str, b: str) -> bool:
    return a == b or "unknown" in (a, b)


def _link_past_mentions(visits: list[dict]) -> None:
    held: dict[tuple, list[dict]] = {}   # the held visits of each (visitor, host), in ledger order
    for h in visits:
        if h["status"] == "held":
            held.setdefault((h["visitor"], h["host"]), []).append(h)
    for v in visits:
        if v["status"] != "historical":
            continue
        p = claims_mod.period(v["date"])
        if not p:
            continue
        for h in held.get((v["visitor"], v["host"]), ()):
            hp = claims_mod.period(h["date"])
            if hp and _level_ok(h["level"], v["level"]) and p[0] <= hp[0] <= p[1]:
                v["same_as"] = h["id"]
                break


def _compute_gaps(visits: list[dict]) -> None:
    """previous_at_level and gap_years of each held visit, from the ledger (held + historical entries)."""
    by_pair: dict[tuple, list[tuple]] = {}
    for v in visits:
        if v["status"] in ("held", "historical") and not v["same_as"]:
            p = claims_mod.period(v["date"])
            if p:
                by_pair.setdefault((v["visitor"], v["host"]), []).append((p, v))
    for entries in by_pair.values():
        entries.sort(key=lambda pv: pv[0][0])
        for i, (per, v) in enumerate(entries):
            if v["status"] != "held":
                continue
            best = None
            for pp, prev in reversed(entries[:i]):
                if pp[1] < per[0] and _level_ok(prev["level"], v["level"]):
                    if prev["level"] == v["level"]:
                        best = prev
                        break
                    best = best or prev
            if best is None:
                continue
            v["previous_at_level"] = best["date"]
            v["previous_visit"] = best["id"]
            v["previous_level_assumed"] = best["level"] != v["level"]
            v["gap_years"] = int(v["date"][:4]) - int(best["date"][:4])
            lo, hi = claims_mod.elapsed(best["date"], v["date"])
            v["gap_range"] = [round(lo, 2), round(hi, 2)]


def _attach_claims(con, visits: list[dict]) -> None:
    held = [v for v in visits if v["status"] == "held"]
    art_ids = sorted({s["article_id"] for v in held for s in v["sources"]})
    if not art_ids:
        return
    # each claim goes to the held visit (of that article) whose evidence is nearest
    per_article: dict[str, list[tuple[dict, int]]] = {}
    for v in held:
        for s in v["sources"]:
            per_article.setdefault(s["article_id"], []).append((v, s["evidence_start"] or 0))
    items = list(per_article.items())
    for i in range(0, len(items), _TEXT_BATCH):   # the texts come in batches: memory does not grow with the store
        batch = items[i:i + _TEXT_BATCH]
        texts = dict(con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                 [[aid for aid, _ in batch]]).fetchall())
        for aid, cands in batch:
            _claims_of_article(aid, texts.get(aid) or "", cands)


_TEXT_BATCH = 500


def _claims_of_article(aid: str, text: str, cands: list[tuple[dict, int]]) -> None:
    """The time-gap claims of one article, each attached to its nearest held visit."""
    for c in claims_mod.find_claims(text):
        if not _VISITISH.search(_sentence_of(text, c["start"], c["end"])):
            continue
        v = min(cands, key=lambda vs: abs(vs[1] - c["start"]))[0]
        if any(x["text"] == c["text"] for x in v["claims"]):
            continue
        v["claims"].append({
            "text": c["text"], "years": c.get("years"), "qualifier": c.get("qualifier"),
            "since_year": c.get("since_year"),
            "agrees": claims_mod.agrees(c, v["previous_at_level"], v["date"]),
            "computed_gap_years": v["gap_years"], "article": aid, "start": c["start"], "end": c["end"],
        })


# ---------------------------------------------------------------- invitations

_STAGES = [
    ("declined", re.compile(r"\b(declin\w*|turn(ed|s)? down|reject\w*|refus\w*)\b", re.I)),
    ("accepted", re.compile(r"\baccept(s|ed|ing)?\b", re.I)),
    ("reaffirmed", re.compile(r"\b(reaffirm\w*|reiterat\w*|renew\w*|re-?confirm\w*|confirm\w*|repeat\w*|"
                              r"reissu\w*|again|once more|standing invitation|earlier invitation|"
                              r"previous invitation)\b", re.I)),
]
_TO = re.compile(r"\binvit\w*\b[^.;]{0,80}?\bto\s+(?:pay\s+|make\s+|undertake\s+)?(?:an?\s+|the\s+)?"
                 r"(?P<what>(?:(?:official|state|working|return|reciprocal|friendly)\s+)*visit|attend\s+[^.,;]{3,60}|"
                 r"take part in\s+[^.,;]{3,60}|participate in\s+[^.,;]{3,60})", re.I)


def invitation_stage(text: Optional[str], trigger: Optional[str] = None) -> str:
    for t in (trigger, _invitation_window(text)):
        if not t:
            continue
        for stage, pat in _STAGES:
            if pat.search(t):
                return stage
    return "extended"


def _invitation_window(text: Optional[str]) -> Optional[str]:
    """The clause around the word 'invitation' (so 'accepted' elsewhere in the sentence is ignored)."""
    if not text:
        return None
    m = _INVIT.search(text)
    if not m:
        return text
    a = max(text.rfind(",", 0, max(0, m.start() - 60)), text.rfind(";", 0, m.start()), 0)
    b = [i for i in (text.find(";", m.end()), text.find(".", m.end())) if i >= 0]
    return text[a:min(b) if b else len(text)]


def invitation_to(text: Optional[str]) -> Optional[str]:
    m = _TO.search(text or "")
    if not m:
        return "visit" if text and re.search(r"\bvisit\b", text, re.I) else None
    what = re.sub(r"\s+", " ", m.group("what")).strip().rstrip(".,").lower()
    return what


_REFERENCE = re.compile(r"\b(fulfil\w*|first extended|extended (?:earlier|last|previously|in \d{4})|"
                        r"at the invitation of|on the invitation of|invitation (?:he|she|they) (?:had )?(?:extended|received))",
                        re.I)
_THANKS = re.compile(r"\bthank\w*\b[^.;]{0,60}\binvit", re.I)


def _is_invitation(e: dict) -> bool:
    """An act in an invitation's life (extend, reaffirm, accept, decline), not a visit or a reference."""
    mode = (e.get("plover_mode") or "").lower()
    text = e.get("evidence_text") or ""
    if mode in ("invitation", "invite"):
        return not _REFERENCE.search(text)
    if e.get("trigger") and _INVIT.search(e["trigger"]):
        return True
    if mode == "visit" or e["modality"] == "future":
        return False  # a (planned) visit "at the invitation of" is not an invitation act
    return (e["plover_type"] in ("AGREE", "REQUEST", "CONCEDE") and bool(_INVIT.search(text))
            and not _REFERENCE.search(text) and not _THANKS.search(text))


def _to_compatible(a: Optional[str], b: Optional[str]) -> bool:
    if not a or not b:
        return True
    return ("visit" in a) == ("visit" in b) and (("visit" in a) or a == b)


def build_invitations(con, visits: list[dict], where: str = "", first: int = 1) -> list[dict]:
    """Invitation chains (of the dyads in `_mem_chunk` when `where` is `IN_CHUNK`), numbered from I`first`."""
    evs = [e for e in _rows(con, f"""SELECT * FROM mem_events e WHERE modality IN ('reported', 'past', 'future')
                                      AND (lower(plover_mode) IN ('invitation', 'invite')
                                           OR regexp_matches(coalesce(trigger, '') || ' ' || coalesce(evidence_text, ''),
                                                             '(?i)invit')) {where}
                                    ORDER BY day NULLS LAST, date, first_reported, id""") if _is_invitation(e)]
    ments = _mentions(con, [e["id"] for e in evs])
    chains: list[dict] = []

    def open_chain(inviter, invitee, to):
        for c in reversed(chains):
            if (c["inviter"], c["invitee"]) == (inviter, invitee) and c["status"] not in ("fulfilled", "declined") \
                    and _to_compatible(c["to"], to):
                return c
        return None

    for e in evs:
        stage = invitation_stage(e.get("evidence_text"), e.get("trigger"))
        to = invitation_to(e.get("evidence_text"))
        src, tgt = e["source_country"], e["target_country"]
        when = e["date"] or (str(e["first_reported"]) if e["first_reported"] else None)
        first_art = (ments.get(e["id"]) or [{}])[0]
        entry = {"date": when, "status": stage, "event": e["id"], "article": first_art.get("article_id"),
                 "url": first_art.get("url"), "outlet": first_art.get("outlet"),
                 "evidence": e.get("evidence_text"), "num_sources": e["num_sources"]}
        if stage in ("accepted", "declined"):
            c = open_chain(tgt, src, to)
            if c is None:
                c = open_chain(src, tgt, to)
            if c is None:
                c = _new_chain(chains, inviter=tgt, invitee=src, to=to, inviter_actor=e["target_name"],
                               invitee_actor=e["source_name"], invitee_is_person=bool(e["source_is_person"]),
                               invitee_level=level_of(e["source_role"], e["source_title"]))
        else:
            c = open_chain(src, tgt, to)
            if c is None:
                c = _new_chain(chains, inviter=src, invitee=tgt, to=to, inviter_actor=e["source_name"],
                               invitee_actor=e["target_name"], invitee_is_person=bool(e["target_is_person"]),
                               invitee_level=level_of(e["target_role"], e["target_title"]))
                entry["wording"] = stage
                stage = entry["status"] = "extended"
            elif e["modality"] == "past":
                continue  # a later article recalling an invitation already in the ledger
            elif stage == "extended":
                entry["wording"] = "extended"
                stage = entry["status"] = "reaffirmed"
        if any((h["date"], h["status"]) == (entry["date"], entry["status"]) for h in c["history"]):
            continue  # the same step coded twice (two events read from one sentence)
        c["history"].append(entry)
        c["to"] = c["to"] or to
        if stage in ("accepted", "declined") or c["status"] in ("extended", "reaffirmed"):
            c["status"] = stage
    _fulfil(chains, visits)
    for i, c in enumerate(chains):
        c["id"] = f"I{first + i}"
        c["since"] = next((h["date"] for h in c["history"] if h["status"] == "extended"), c["history"][0]["date"])
        c["last_date"] = c["history"][-1]["date"]
        c["outstanding"] = c["status"] in ("extended", "reaffirmed", "accepted")
    return chains


def _new_chain(chains, **kw) -> dict:
    c = {"id": f"I{len(chains) + 1}", "status": "extended", "history": [], "fulfilled_by": None, **kw}
    chains.append(c)
    return c


def _fulfil(chains: list[dict], visits: list[dict]) -> None:
    held = sorted((v for v in visits if v["status"] == "held" and claims_mod.period(v["date"])),
                  key=lambda v: claims_mod.period(v["date"])[0])
    for c in chains:
        if c["status"] == "declined" or not ("visit" in (c["to"] or "visit") or c["to"].startswith(("attend", "take", "partic"))):
            continue
        # the visit comes after the invitation's latest step (a visit on the day it is accepted is not it)
        steps = [claims_mod.period(h["date"]) for h in c["history"] if claims_mod.period(h["date"])]
        if not steps:
            continue
        after = max(p[1] for p in steps)
        for v in held:
            vp = claims_mod.period(v["date"])
            if v["visitor"] == c["invitee"] and v["host"] == c["inviter"] and vp[0] > after and _actor_ok(c, v):
                c["status"] = "fulfilled"
                c["fulfilled_by"] = v["id"]
                src = (v["sources"] or [{}])[0]
                c["history"].append({"date": v["date"], "status": "fulfilled", "event": v["id"],
                                     "article": src.get("article_id"), "url": src.get("url"),
                                     "outlet": src.get("outlet"), "evidence": src.get("evidence_text"),
                                     "num_sources": v["num_sources"]})
                break


def _norm(s: Optional[str]) -> str:
    return re.sub(r"[^a-z]", "", (s or "").lower())


def _actor_ok(c: dict, v: dict) -> bool:
    """The visitor can be the invited person: same level when both are known, else a shared name token."""
    if not c.get("invitee_is_person"):
        return True
    want = c.get("invitee_level")
    if want and v.get("level") not in (None, "unknown"):
        return v["level"] == want
    a, b = c.get("invitee_actor"), v.get("visitor_actor")
    if not a or not b:
        return True
    ta = {_norm(w) for w in re.split(r"[\s-]+", a) if len(w) > 2}
    tb = {_norm(w) for w in re.split(r"[\s-]+", b) if len(w) > 2}
    return not ta or not tb or bool(ta & tb)


# ---------------------------------------------------------------- tables

VISITS_DDL = ("id VARCHAR, visitor VARCHAR, host VARCHAR, visitor_actor VARCHAR, host_actor VARCHAR, level VARCHAR, "
              "level_from VARCHAR, date VARCHAR, place VARCHAR, status VARCHAR, same_as VARCHAR, "
              "previous_at_level VARCHAR, previous_visit VARCHAR, previous_level_assumed BOOLEAN, gap_years INTEGER, "
              "num_articles INTEGER, num_sources INTEGER, claims JSON, sources JSON, d1 VARCHAR, d2 VARCHAR")
INVITATIONS_DDL = ("id VARCHAR, inviter VARCHAR, invitee VARCHAR, inviter_actor VARCHAR, invitee_actor VARCHAR, "
                   "\"to\" VARCHAR, status VARCHAR, since VARCHAR, last_date VARCHAR, outstanding BOOLEAN, "
                   "fulfilled_by VARCHAR, history JSON, d1 VARCHAR, d2 VARCHAR")
AGREEMENTS_DDL = ("id VARCHAR, parties VARCHAR[], title VARCHAR, domain VARCHAR, date VARCHAR, status VARCHAR, "
                  "num_articles INTEGER, num_sources INTEGER, sources JSON, d1 VARCHAR, d2 VARCHAR")

# events per chunk of dyads: the ledgers are built a chunk of dyads at a time, so their memory is
# bounded by the largest chunk (every ledger rule compares entries of one dyad only), not the store
EVENTS_PER_CHUNK = 20_000


def _append(con, table: str, ddl: str, rows: list[tuple]) -> None:
    """Append `rows` to `table` (through Arrow: fast for large ledgers)."""
    import pyarrow as pa
    if not rows:
        return
    names = [c.strip().split()[0].strip('"') for c in ddl.split(", ")]
    cols = {f"c{i}": pa.array([r[i] for r in rows]) for i in range(len(names))}
    con.register("_mem_ledger_in", pa.table(cols))
    con.execute(f"INSERT INTO {table} SELECT {', '.join(f'c{i}' for i in range(len(names)))} FROM _mem_ledger_in")
    con.unregister("_mem_ledger_in")


def _visit_row(v: dict) -> tuple:
    return (v["id"], v["visitor"], v["host"], v["visitor_actor"], v["host_actor"], v["level"], v["level_from"],
            v["date"], v["place"], v["status"], v["same_as"], v["previous_at_level"], v["previous_visit"],
            v["previous_level_assumed"], v["gap_years"], v["num_articles"], v["num_sources"], _json(v["claims"]),
            _json(v["sources"]), *sorted([v["visitor"] or "~", v["host"] or "~"]))


def _invitation_row(c: dict) -> tuple:
    return (c["id"], c["inviter"], c["invitee"], c.get("inviter_actor"), c.get("invitee_actor"), c["to"],
            c["status"], c["since"], c["last_date"], c["outstanding"], c["fulfilled_by"], _json(c["history"]),
            *sorted([c["inviter"] or "~", c["invitee"] or "~"]))


def _agreement_row(a: dict) -> tuple:
    return (a["id"], a["parties"], a["title"], a["domain"], a["date"], a["status"], a["num_articles"],
            a["num_sources"], _json(a["sources"]), *(a["parties"] + ["~", "~"])[:2])


def _dyad_chunks(con) -> list[list[tuple[str, str]]]:
    """The dyads of the merged events, in chunks of about EVENTS_PER_CHUNK events."""
    return pack((((d1, d2), n) for d1, d2, n in con.execute(
        "SELECT d1, d2, count(*) FROM mem_events GROUP BY d1, d2 ORDER BY d1, d2").fetchall()), EVENTS_PER_CHUNK)


def build_ledgers(con) -> dict[str, int]:
    """(Re)build mem_visits, mem_invitations and mem_agreements, a chunk of dyads at a time; returns their sizes.

    The "years since" claims are attached last, over all chunks: a claim goes to the nearest held visit
    its article reports, whichever dyad that visit belongs to."""
    import pyarrow as pa
    for table, ddl in (("mem_visits", VISITS_DDL), ("mem_invitations", INVITATIONS_DDL),
                       ("mem_agreements", AGREEMENTS_DDL)):
        con.execute(f"CREATE OR REPLACE TABLE {table} ({ddl})")
    counts = {"visits": 0, "invitations": 0, "agreements": 0}
    held: list[dict] = []   # what the claims need of each held visit (small)
    try:
        for dyads in _dyad_chunks(con):
            con.execute("CREATE OR REPLACE TEMP TABLE _mem_chunk (d1 VARCHAR, d2 VARCHAR)")
            con.register("_mem_chunk_in", pa.table({"d1": [d[0] for d in dyads], "d2": [d[1] for d in dyads]}))
            con.execute("INSERT INTO _mem_chunk SELECT d1, d2 FROM _mem_chunk_in")
            con.unregister("_mem_chunk_in")
            visits = build_visits(con, IN_CHUNK, claims=False)
            invitations = build_invitations(con, visits, IN_CHUNK, first=counts["invitations"] + 1)
            _append(con, "mem_visits", VISITS_DDL, [_visit_row(v) for v in visits])
            _append(con, "mem_invitations", INVITATIONS_DDL, [_invitation_row(c) for c in invitations])
            held.extend({"id": v["id"], "status": "held", "date": v["date"], "previous_at_level": v["previous_at_level"],
                         "gap_years": v["gap_years"], "claims": [], "order": v["order"],
                         "sources": [{"article_id": x["article_id"], "evidence_start": x["evidence_start"]}
                                     for x in v["sources"]]}
                        for v in visits if v["status"] == "held")
            counts["visits"] += len(visits)
            counts["invitations"] += len(invitations)
            del visits, invitations
            agreements = build_agreements(con, IN_CHUNK)
            _append(con, "mem_agreements", AGREEMENTS_DDL, [_agreement_row(a) for a in agreements])
            counts["agreements"] += len(agreements)
            del agreements
    finally:
        con.execute("DROP TABLE IF EXISTS _mem_chunk")
    held.sort(key=lambda v: v["order"])
    _attach_claims(con, held)
    claimed = [(v["id"], _json(v["claims"])) for v in held if v["claims"]]
    if claimed:
        con.register("_mem_claims_in", pa.table({"id": [c[0] for c in claimed], "claims": [c[1] for c in claimed]}))
        con.execute("""UPDATE mem_visits SET claims = c.claims::JSON FROM _mem_claims_in c
                       WHERE mem_visits.id = c.id AND mem_visits.status = 'held'""")
        con.unregister("_mem_claims_in")
    return counts
