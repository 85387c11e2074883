"""Ledgers built from the merged events: visits, invitations, agreements.

* ``mem_visits``: one row per visit (a merged CONSULT event with mode ``visit`` or CAMEO
  042/043; PLOVER convention: the visitor is the source, the host the target).  ``level`` comes
  from the visitor's role (head of state, head of government, foreign minister, other minister,
  other), else from the role words of the evidence text (a historical mention "the last visit
  of an Omani foreign minister was in 2004" has no named actor).  Reported visits are ``held``,
  past mentions ``historical`` (kept once: a past mention of a visit already in the ledger is
  linked to it, not counted again), future ones ``planned``.  ``previous_at_level`` is the
  latest earlier visit by the same visitor to the same host at the same level (an entry of
  unknown level counts, flagged), ``gap_years`` the difference of years, and ``claims`` the
  "almost 20 years later" statements of the articles reporting the visit with ``agrees``
  (see `claims`).
* ``mem_invitations``: invitation chains (inviter, invitee, to what) with a lifecycle
  extended -> reaffirmed -> accepted -> fulfilled (by the first later visit of the invitee to
  the inviter, at the invitee's level when known) or declined; ``since`` is when it was first
  extended, so an unfulfilled one is "outstanding since".
* ``mem_agreements``: agreements and memoranda (CAMEO 057, or AGREE/SUPPORT/COOPERATE events
  whose evidence names an agreement, memorandum, treaty, ...): parties, title, domain, date,
  status ``signed`` | ``planned``.
"""
from __future__ import annotations

import json
import re
from datetime import date
from typing import Any, Optional

from . import claims as claims_mod

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
    if ev.get("source_is_person") and ev["modality"] != "past":
        return "other", "role"
    cands = levels_in(text)
    host = level_of(ev["target_role"], ev["target_title"])
    if len(cands) > 1 and host in cands:
        cands.discard(host)
    if len(cands) == 1:
        return cands.pop(), "evidence"
    return "unknown", "unknown"


def _json(x: Any) -> str:
    return json.dumps(x, ensure_ascii=False, default=str)


def _rows(con, sql: str, params=()) -> list[dict]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _mentions(con, ids: list[str]) -> dict[str, list[dict]]:
    if not ids:
        return {}
    rows = _rows(con, """SELECT m.event_id, m.article_id, m.url, m.outlet, m.published::VARCHAR AS published,
                                m.evidence_start, m.evidence_end, m.evidence_text
                         FROM mem_event_mentions m WHERE m.event_id IN (SELECT unnest(?::VARCHAR[]))
                         ORDER BY m.published, m.article_id""", [ids])
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r.pop("event_id"), []).append(r)
    return out


# ---------------------------------------------------------------- visits

_VISIT_SQL = """
SELECT e.* FROM mem_events e
WHERE (e.plover_type = 'CONSULT' AND e.plover_mode = 'visit' OR e.cameo_code IN ('042', '043'))
  AND e.modality IN ('reported', 'past', 'future')
ORDER BY e.day NULLS LAST, e.date, e.id
"""


def _sentence_of(text: str, start: int, end: int, before: int = 1) -> str:
    """The sentence around [start, end) and `before` sentences ahead of it."""
    a = start
    for _ in range(before + 1):
        a = max(text.rfind(".", 0, max(a - 1, 0)), text.rfind("\n", 0, max(a - 1, 0))) + 1
    b = min([i for i in (text.find(".", end), text.find("\n", end)) if i >= 0] or [len(text)])
    return text[a:b]


_VISITISH = re.compile(r"\b(visit|trip|travel|came|come|arriv|first|last|previous)", re.I)


def build_visits(con) -> list[dict]:
    evs = _rows(con, _VISIT_SQL)
    ments = _mentions(con, [e["id"] for e in evs])
    visits: list[dict] = []
    for e in evs:
        level, how = _visit_level(e)
        status = {"reported": "held", "past": "historical", "future": "planned"}[e["modality"]]
        visits.append({
            "id": e["id"], "visitor": e["source_country"], "host": e["target_country"],
            "visitor_actor": e["source_name"], "host_actor": e["target_name"],
            "level": level, "level_from": how, "date": e["date"], "place": e["location_name"],
            "place_country": e["location_country"], "status": status, "modality": e["modality"],
            "num_articles": e["num_articles"], "num_sources": e["num_sources"],
            "sources": ments.get(e["id"], []), "previous_at_level": None, "previous_visit": None,
            "previous_level_assumed": False, "gap_years": None, "gap_range": None, "same_as": None,
            "claims": [],
        })
    _resolve_same_level(visits)
    _link_past_mentions(visits)
    _compute_gaps(visits)
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
    held = [v for v in visits if v["status"] == "held"]
    for v in visits:
        if v["status"] != "historical":
            continue
        p = claims_mod.period(v["date"])
        for h in held:
            hp = claims_mod.period(h["date"])
            if (p and hp and h["visitor"] == v["visitor"] and h["host"] == v["host"]
                    and _level_ok(h["level"], v["level"]) and p[0] <= hp[0] <= p[1]):
                v["same_as"] = h["id"]
                break


def _compute_gaps(visits: list[dict]) -> None:
    ledger = [v for v in visits if v["status"] in ("held", "historical") and not v["same_as"]
              and claims_mod.period(v["date"])]
    ledger.sort(key=lambda v: claims_mod.period(v["date"])[0])
    for i, v in enumerate(ledger):
        if v["status"] != "held":
            continue
        start = claims_mod.period(v["date"])[0]
        best = None
        for prev in reversed(ledger[:i]):
            pp = claims_mod.period(prev["date"])
            if (prev["visitor"] == v["visitor"] and prev["host"] == v["host"] and pp[1] < start
                    and _level_ok(prev["level"], v["level"])):
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
    texts = dict(con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                             [art_ids]).fetchall())
    # each claim goes to the held visit (of that article) whose evidence is nearest
    per_article: dict[str, list[tuple[dict, int]]] = {}
    for v in held:
        for s in v["sources"]:
            per_article.setdefault(s["article_id"], []).append((v, s["evidence_start"] or 0))
    for aid, cands in per_article.items():
        text = texts.get(aid) or ""
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

_INVIT = re.compile(r"\binvit(e|ed|es|ing|ation|ations)\b", re.I)
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


def build_invitations(con, visits: list[dict]) -> list[dict]:
    evs = [e for e in _rows(con, """SELECT * FROM mem_events WHERE modality IN ('reported', 'past', 'future')
                                      AND (lower(plover_mode) IN ('invitation', 'invite')
                                           OR regexp_matches(coalesce(trigger, '') || ' ' || coalesce(evidence_text, ''),
                                                             '(?i)invit'))
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
        c["history"].append(entry)
        c["to"] = c["to"] or to
        if stage in ("accepted", "declined") or c["status"] in ("extended", "reaffirmed"):
            c["status"] = stage
    _fulfil(chains, visits)
    for c in chains:
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


# ---------------------------------------------------------------- agreements

_AGREEMENT = re.compile(r"\b(agreements?|memorand(?:um|a)(?: of understanding)?|mou|treat(?:y|ies)|accords?|"
                        r"protocols?|road ?maps?|joint declarations?|declarations?|conventions?|contracts?|"
                        r"deals?)\b", re.I)
_DOC = (r"(?:agreements?|memorand(?:um|a)(?: of understanding)?|MoUs?|treat(?:y|ies)|accords?|protocols?|"
        r"road ?maps?|declarations?|conventions?|contracts?|deals?|agenda|programmes?|programs?|plans? of \w+)")
_TITLE = re.compile(rf"(?P<pre>(?:[\w-]+\s+){{0,3}})(?P<doc>{_DOC})"
                    r"(?P<post>\s+(?:on|of|in|for|to|between|regarding|concerning|about|listing)\s+"
                    r"(?:(?!\s+and\s+(?:an?|the|two|three)\s)[^.;,()]){1,90})?",
                    re.I)
_SIGNED = re.compile(r"\b(sign(?:ed|s|ing)?|ink(?:ed|s)?|conclud(?:ed|es)|adopt(?:ed|s)|ratif(?:ied|ies)|"
                     r"exchang(?:ed|es)|finali[sz]ed)\b", re.I)
_PLANNED = re.compile(r"\b(will|would|shall|to|plan(?:s|ned)? to|intend(?:s|ed)? to|agreed to|expect(?:s|ed)? to|"
                      r"ready to|prepar\w*|draft\w*|negotiat\w*|work(?:ing)? on|upcoming|future)\b\s*(?:\w+\s+){0,2}?"
                      r"(?:sign|conclud|adopt|ink|finali[sz])\w*|\b(draft|proposed|planned)\b", re.I)
_PRE_OK = re.compile(r"^(?:[a-z][\w-]*)$")   # lower-case qualifiers only ("intergovernmental", "joint")
_PRE_STOP = frozenset("a an the two three four several of and or signed sign signs signing to they both sides have "
                      "has had will would also on in new number series also adopted adopt inked concluded "
                      "exchanged with into its their his her".split())
DOMAIN_WORDS = {
    "aviation": "transport", "transport": "transport", "transit": "transport", "railway": "transport",
    "air service": "transport", "logistic": "logistics", "agricultur": "agriculture", "food": "agriculture",
    "energy": "energy", "oil": "energy", "gas": "energy", "nuclear": "energy", "trade": "trade",
    "invest": "investment", "tax": "finance", "bank": "finance", "financ": "finance", "customs": "trade",
    "educat": "education", "universit": "education", "cultur": "culture", "touris": "tourism",
    "health": "health", "medic": "health", "defen": "defence", "military": "defence", "security": "security",
    "visa": "migration", "migrat": "migration", "digital": "digitalization", "technolog": "technology",
    "space": "technology", "water": "environment", "climate": "environment", "environment": "environment",
    "justice": "legal", "legal": "legal", "extradit": "legal", "border": "border", "econom": "economy",
    "allied": "security", "aviation": "transport", "flight": "transport", "food": "agriculture",
}


def agreement_titles(text: Optional[str]) -> list[str]:
    """Every document named in a text: 'signed an agreement on X, a memorandum on Y' -> two titles."""
    out: list[str] = []
    for m in _TITLE.finditer(text or ""):
        pre = m.group("pre").split()
        keep: list[str] = []
        for w in reversed(pre):   # the qualifiers right before the document word
            if w.lower() in _PRE_STOP or not _PRE_OK.match(w):
                break
            keep.insert(0, w)
        t = " ".join(keep + [m.group("doc")]) + re.sub(r"\s+", " ", m.group("post") or "").rstrip(" .,'\"")
        t = re.split(r"\s+(?:that|which|who|whereby|and (?:agreed|will|said|to))\b", t.strip())[0]
        if t and t.lower() not in (x.lower() for x in out):
            out.append(t[:1].upper() + t[1:])
    return out


def agreement_title(text: Optional[str]) -> Optional[str]:
    t = agreement_titles(text)
    return t[0] if t else None


def agreement_domain(sectors, title: Optional[str], contexts=()) -> Optional[str]:
    low = (title or "").lower()
    for k, v in DOMAIN_WORDS.items():
        if k in low:
            return v
    if sectors:
        return sectors[0]
    ctx = [c for c in (contexts or []) if c != "diplomatic"]
    return ctx[0] if ctx else None


def agreement_status(e: dict) -> str:
    """signed | planned, from the modality, the CAMEO code and the verbs of the evidence."""
    if e["modality"] == "future":
        return "planned"
    text = e.get("evidence_text") or ""
    planned = _PLANNED.search(text)
    if (e["cameo_code"] or "").startswith("057"):
        return "planned" if planned else "signed"
    return "signed" if _SIGNED.search(text) and not planned else "planned"


def _domain_of_title(title: str) -> Optional[str]:
    low = title.lower()
    return next((v for k, v in DOMAIN_WORDS.items() if k in low), None)


def _sector_domains(sectors) -> set[str]:
    out = set()
    for sct in sectors or []:
        out.add(DOMAIN_WORDS.get(sct.lower(), sct.lower()))
        out |= {v for k, v in DOMAIN_WORDS.items() if k in sct.lower()}
    return out


def _titles_for(e: dict) -> list[Optional[str]]:
    """The documents of one signing event: when its evidence names several, the ones matching its
    sectors (one event coded per document), or all of them (one event coded for the lot)."""
    titles = agreement_titles(e.get("evidence_text"))
    if len(titles) <= 1:
        return titles or [None]
    doms = _sector_domains(e["sectors"])
    matched = [t for t in titles if _domain_of_title(t) in doms]
    return matched or titles


def build_agreements(con) -> list[dict]:
    evs = _rows(con, """SELECT * FROM mem_events
                        WHERE modality IN ('reported', 'past', 'future')
                          AND (cameo_code LIKE '057%' OR plover_type IN ('AGREE', 'SUPPORT', 'COOPERATE')
                               AND regexp_matches(coalesce(evidence_text, ''), ?))
                        ORDER BY day NULLS LAST, date, id""", ["(?i)" + _AGREEMENT.pattern])
    evs = [e for e in evs if (e["cameo_code"] or "").startswith("057") or _AGREEMENT.search(e.get("evidence_text") or "")]
    evs = [e for e in evs if not _INVIT.search(e.get("evidence_text") or "") or (e["cameo_code"] or "").startswith("057")]
    ments = _mentions(con, [e["id"] for e in evs])
    out, seen = [], set()
    for e in evs:
        parties = sorted({p for p in (e["source_country"], e["target_country"]) if p})
        titles = _titles_for(e)
        for i, title in enumerate(titles):
            key = (tuple(parties), e["date"], (title or "").lower())
            if title and key in seen:
                continue
            seen.add(key)
            domain = _domain_of_title(title) if (title and len(titles) > 1) else None
            out.append({
                "id": e["id"] if len(titles) == 1 else f"{e['id']}.{i + 1}", "event": e["id"], "parties": parties,
                "title": title,
                "domain": domain or agreement_domain(list(e["sectors"] or []), title, list(e["plover_contexts"] or [])),
                "date": e["date"], "status": agreement_status(e), "modality": e["modality"],
                "num_articles": e["num_articles"], "num_sources": e["num_sources"], "sources": ments.get(e["id"], []),
            })
    return out


# ---------------------------------------------------------------- tables

def _write(con, table: str, ddl: str, rows: list[tuple]) -> None:
    """Replace `table` with `rows` (through Arrow: fast for large ledgers)."""
    import pyarrow as pa
    con.execute(f"CREATE OR REPLACE TABLE {table} ({ddl})")
    if not rows:
        return
    names = [c.strip().split()[0].strip('"') for c in ddl.split(", ")]
    cols = {f"c{i}": pa.array([r[i] for r in rows]) for i in range(len(names))}
    con.register("_mem_ledger_in", pa.table(cols))
    con.execute(f"INSERT INTO {table} SELECT {', '.join(f'c{i}' for i in range(len(names)))} FROM _mem_ledger_in")
    con.unregister("_mem_ledger_in")


def build_ledgers(con) -> dict[str, int]:
    """(Re)build mem_visits, mem_invitations and mem_agreements; returns their sizes."""
    visits = build_visits(con)
    invitations = build_invitations(con, visits)
    agreements = build_agreements(con)
    _write(con, "mem_visits",
           "id VARCHAR, visitor VARCHAR, host VARCHAR, visitor_actor VARCHAR, host_actor VARCHAR, level VARCHAR, "
           "level_from VARCHAR, date VARCHAR, place VARCHAR, status VARCHAR, same_as VARCHAR, "
           "previous_at_level VARCHAR, previous_visit VARCHAR, previous_level_assumed BOOLEAN, gap_years INTEGER, "
           "num_articles INTEGER, num_sources INTEGER, claims JSON, sources JSON, d1 VARCHAR, d2 VARCHAR",
           [(v["id"], v["visitor"], v["host"], v["visitor_actor"], v["host_actor"], v["level"], v["level_from"],
             v["date"], v["place"], v["status"], v["same_as"], v["previous_at_level"], v["previous_visit"],
             v["previous_level_assumed"], v["gap_years"], v["num_articles"], v["num_sources"], _json(v["claims"]),
             _json(v["sources"]), *sorted([v["visitor"] or "~", v["host"] or "~"])) for v in visits])
    _write(con, "mem_invitations",
           "id VARCHAR, inviter VARCHAR, invitee VARCHAR, inviter_actor VARCHAR, invitee_actor VARCHAR, "
           "\"to\" VARCHAR, status VARCHAR, since VARCHAR, last_date VARCHAR, outstanding BOOLEAN, "
           "fulfilled_by VARCHAR, history JSON, d1 VARCHAR, d2 VARCHAR",
           [(c["id"], c["inviter"], c["invitee"], c.get("inviter_actor"), c.get("invitee_actor"), c["to"],
             c["status"], c["since"], c["last_date"], c["outstanding"], c["fulfilled_by"], _json(c["history"]),
             *sorted([c["inviter"] or "~", c["invitee"] or "~"])) for c in invitations])
    _write(con, "mem_agreements",
           "id VARCHAR, parties VARCHAR[], title VARCHAR, domain VARCHAR, date VARCHAR, status VARCHAR, "
           "num_articles INTEGER, num_sources INTEGER, sources JSON, d1 VARCHAR, d2 VARCHAR",
           [(a["id"], a["parties"], a["title"], a["domain"], a["date"], a["status"], a["num_articles"],
             a["num_sources"], _json(a["sources"]), *(a["parties"] + ["~", "~"])[:2]) for a in agreements])
    return {"visits": len(visits), "invitations": len(invitations), "agreements": len(agreements)}
