"""Agreements and memoranda ledger (``mem_agreements``): one row per signed or planned document.

Signing events are CAMEO 057, or AGREE/SUPPORT/COOPERATE events whose evidence names an agreement,
memorandum, treaty, protocol, declaration, programme...  When one event's evidence lists several
documents ("signed an agreement on X, a memorandum on Y and a memorandum on Z") the documents become
separate rows: those matching the event's sectors when the extractor coded one event per document,
all of them when it coded one event for the lot.  ``status`` is ``signed`` or ``planned`` (future
modality, "will sign", "agreed to sign", drafts); ``domain`` comes from the title's words, else the
event's sectors, else its PLOVER contexts.
"""
from __future__ import annotations

import re
from typing import Optional

from .ledgers_common import INVIT as _INVIT, mentions as _mentions, rows as _rows

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


def build_agreements(con, where: str = "") -> list[dict]:
    """Agreements (of the dyads in `_mem_chunk` when `where` is `ledgers.IN_CHUNK`)."""
    evs = _rows(con, f"""SELECT * FROM mem_events e
                        WHERE modality IN ('reported', 'past', 'future')
                          AND (cameo_code LIKE '057%' OR plover_type IN ('AGREE', 'SUPPORT', 'COOPERATE')
                               AND regexp_matches(coalesce(evidence_text, ''), ?)) {where}
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
