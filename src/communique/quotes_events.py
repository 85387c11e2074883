"""Statements that are events: praise, thanks, criticism, appeals, demands, threats, rejections.

A direct or indirect quote becomes an event when its cue verb ("praised", "condemned", "urged")
or its wording ("we highly appreciate", "we do not accept", "will be met with a response") says
what kind of act the statement is.  Source = the speaker's actor; target = the party the
statement is about (an actor named in it, or the addressee of "you"/"your country", i.e. the
other side present in the article).  Evidence is the quote span; ``Event.quote`` is the quote id.
Precision first: no target, no event.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from .model import ActorRef, Cameo, Event, Evidence, Location, Plover, Quote

# cue verb lemma -> CAMEO code
CUE_CODES = {
    "praise": "051", "hail": "051", "commend": "051", "laud": "051", "applaud": "051",
    "thank": "051", "congratulate": "051", "compliment": "051",
    "criticize": "111", "criticise": "111", "condemn": "111", "denounce": "111", "slam": "111",
    "blast": "111", "decry": "111", "deplore": "111", "censure": "111", "rebuke": "111",
    "accuse": "112", "blame": "112",
    "urge": "020", "appeal": "020", "implore": "020",
    "demand": "100",
    "threaten": "130",
    "reject": "120", "rebuff": "120", "refuse": "120", "dismiss": "120", "repudiate": "120",
}

# content patterns, strongest first; (code, compiled pattern)
_P = lambda s: re.compile(s, re.I)  # noqa: E731
CONTENT_CODES: list[tuple[str, re.Pattern]] = [
    ("138", _P(r"\b(?:military (?:force|response|action)|strike back|use (?:of )?force)\b")),
    ("130", _P(r"\b(?:will be met with|(?:will|would|shall|ready to|prepared to) (?:\w+ )?retaliate|"
               r"(?:face|bear) (?:the )?consequences|will respond"
               r"(?: firmly| decisively| harshly)?|will not hesitate|will pay (?:a|the) price|"
               r"answer for it|(?:take|adopt) (?:\w+ )?countermeasures|fight to the (?:end|last))\b")),
    ("120", _P(r"\b(?:we|I|our (?:country|government))\s+(?:\w+\s+)?(?:reject|refuse|"
               r"(?:do|will|shall|can)\s*(?:not|n[o']t)\s+(?:accept|agree|recogni[sz]e|tolerate))\b|"
               r"\b(?:is|are) not for sale\b|\bnever accept\b|\bunacceptable\b")),
    ("100", _P(r"\b(?:we|I)\s+demand\b|\bmust immediately\b|\bdemand(?:s|ed)? (?:that|the immediate)\b")),
    ("111", _P(r"\b(?:condemn\w*|irresponsible|reckless|provocation\w*|hysteria|baseless|"
               r"hypocri\w+|aggressi\w+|detached from reality|lectures?|sabotag\w+|derail\w*|"
               r"shelters? terrorists)\b")),
    ("020", _P(r"\b(?:we|I)\s+(?:call (?:on|upon)|urge|appeal to|ask)\b|"
               r"(?<!phone )(?<!telephone )(?<!video )\bcall(?:s|ed)? (?:on|for)\b"
               r"(?! (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d|January|February|March|"
               r"April|May|June|July|August|September|October|November|December)\b)|"
               r"\bshould (?:stop|refrain|return)\b")),
    ("051", _P(r"\b(?:highly appreciate\w*|appreciate\w*|grateful|gratitude|thank\w*|admire\w*|"
               r"(?:highly|deeply|widely) (?:respected|valued|recognized|recognised)|impressed|"
               r"remarkable|(?:reliable|trusted|dependable|true|valued|loyal) (?:partner|friend|ally)|value\w* (?:\w+\s){0,3}(?:role|"
               r"contribution|support|neutrality|friendship)|commend\w*|praise\w*|"
               r"(?:is|are) (?:a )?(?:strategic|reliable|important|key) partner)\b")),
]
MODES = {"051": "praise"}
CONFIDENCE_CUE = 0.8
CONFIDENCE_CONTENT = 0.65
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.I)


def _cameo(code: str) -> Cameo:
    try:
        from .codebook import cameo
        return cameo(code)
    except Exception:  # codebook unavailable: the facts for the codes used here
        gs = {"051": 3.4, "020": 3.0, "100": -5.0, "111": -2.0, "112": -2.0, "120": -4.0,
              "130": -4.4, "138": -7.0}
        return Cameo(code, code[:2], gs.get(code, 0.0), 1 if code[:2] in ("02", "05") else 3)


def _plover(code: str) -> Plover:
    ptype, mode, contexts = None, None, ()
    try:
        from .codebook import plover_for
        ptype, mode, contexts = plover_for(code)
    except Exception:
        pass
    if ptype is None:
        ptype = {"05": "SUPPORT", "02": "REQUEST", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
                 "13": "THREATEN"}.get(code[:2], "SUPPORT")
    mode = mode or MODES.get(code)
    if mode is not None:
        try:  # keep our mode where the manual defines none for the type (SUPPORT: "praise")
            from .codebook import _plover_modes, is_plover_mode
            if _plover_modes().get(ptype) and not is_plover_mode(ptype, mode):
                mode = None
        except Exception:
            pass
    return Plover(ptype, mode, tuple(contexts or ()))


def classify(q: Quote) -> Optional[tuple[str, str, float, Optional[tuple[int, int]]]]:
    """(CAMEO code, trigger, confidence, trigger span or None) for a statement, or None when it
    is not an event.  The span (char offsets) is given for triggers found in the wording."""
    cue = (q.cue or "").lower()
    for cand in (cue, cue[:-1], cue[:-2], cue[:-3], cue[:-3] + "e", cue[:-4]):
        if cand in CUE_CODES:
            return CUE_CODES[cand], q.cue, CONFIDENCE_CUE, None
    for code, pat in CONTENT_CODES:
        m = pat.search(q.text)
        if m:
            return code, m.group(0), CONFIDENCE_CONTENT, (q.start + m.start(), q.start + m.end())
    return None


CONFLICT_ROOTS = frozenset({"10", "11", "12", "13"})


def _eligible(doc, m, code: str, span: Optional[tuple[int, int]]) -> bool:
    """Can mention `m` be the target of a statement coded `code` whose trigger is at `span`?
    Conflict statements are aimed at someone in the trigger's sentence, never at a partner
    ("in coordination with X"); what is rejected is not the rejecting subject."""
    if span is None:
        return True
    tok = doc.char_span(m.start, m.end, alignment_mode="expand")
    trig = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tok is None or trig is None or len(tok) == 0 or len(trig) == 0:
        return False
    sent = trig[0].sent
    if not (sent.start_char <= m.start < sent.end_char):
        return False
    root = tok.root
    if code[:2] in CONFLICT_ROOTS:
        r = root
        while r.dep_ == "conj" and r.head is not r:
            r = r.head
        if r.dep_ == "pobj" and r.head.lower_ in ("with", "alongside"):
            return False
    if code[:2] == "12":
        head = root
        while head.dep_ in ("compound", "poss", "amod") and head.head is not head:
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass"):
            return False
    return True


def _actor_ref(table: dict, key: Optional[str], name: Optional[str] = None,
               country: Optional[str] = None) -> ActorRef:
    a = table.get(key) if key else None
    if a is not None:
        return ActorRef(key, a.country, a.cameo, a.name)
    return ActorRef(key, country, country, name)   # CAMEO actor code of a bare country


def _target(doc, q: Quote, table: dict, mentions: list, code: str = "051",
            span: Optional[tuple[int, int]] = None) -> Optional[str]:
    """Actor key of the party the statement is about."""
    sp_key = q.speaker.actor
    sp_country = q.speaker.country or (table[sp_key].country if sp_key in table else None)
    inside = [m for m in mentions if q.start <= m.start and m.end <= q.end and m.key in table
              and _eligible(doc, m, code, span)]
    others = [m.key for m in inside if m.key != sp_key
              and (sp_country is None or table[m.key].country != sp_country)]
    if others:
        key = Counter(others).most_common(1)[0][0]
        if code[:2] != "05":
            return key
        return _interlocutor(table, mentions, table[key].country, key, sp_key)
    if _SECOND_PERSON.search(q.text) and code[:2] not in CONFLICT_ROOTS:
        # the addressee: the most mentioned actor of another country
        counts = Counter(m.key for m in mentions if m.key in table and m.key != sp_key
                         and table[m.key].country and table[m.key].country != sp_country)
        persons = [k for k, _ in counts.most_common() if table[k].kind == "person"]
        if persons:
            return persons[0]
        if counts:
            return counts.most_common(1)[0][0]
    return None


def _interlocutor(table, mentions, country, key, sp_key) -> str:
    """A country named in a statement stands for its representative present in the article."""
    if country is None or table[key].kind == "person":
        return key
    counts = Counter(m.key for m in mentions if m.key in table and m.key != sp_key
                     and table[m.key].kind == "person" and table[m.key].country == country)
    return counts.most_common(1)[0][0] if counts else key


def _someone_else_acts(doc, span: tuple[int, int], q: Quote, table: dict, mentions: list) -> bool:
    """Reported content whose trigger has its own third-party subject ("the press office said
    the Sultan thanked the President") is that party's act, not the speaker's statement."""
    trig = doc.char_span(span[0], span[1], alignment_mode="expand")
    if trig is None or len(trig) == 0:
        return False
    verb = next((t for t in trig if t.pos_ == "VERB"), None)
    if verb is None:
        return False   # an evaluation ("X is a reliable partner") is the speaker's own
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in ("we", "i", "us"):
        return False
    sp_country = q.speaker.country
    for m in mentions:
        if m.start <= subj.idx < m.end and m.key in table:
            if m.key == q.speaker.actor:
                return False
            a = table[m.key]
            if sp_country and a.country:
                return a.country != sp_country
            return a.kind == "person"
    return False


def _topics(text: str, ptype: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Sectors and PLOVER contexts of what the statement talks about."""
    try:
        from .sectors import contexts_of, sectors_of
        return tuple(sectors_of(text)), tuple(contexts_of(text, ptype))
    except Exception:  # sectors module unavailable
        return (), ()


def _dateline_location(dl: dict) -> Location:
    """Statements are placed where the article is datelined (with coordinates when known)."""
    if not dl.get("place"):
        return Location()
    try:
        from .gazetteer import locate
        loc = locate(dl["place"], dl.get("country"))
        if loc is not None:
            return loc
    except Exception:  # gazetteer unavailable: the name alone
        pass
    return Location(dl.get("place"), dl.get("country"))


def statement_events(doc) -> list[Event]:
    """Events read from the quotes of an annotated Doc (``doc._.quotes``)."""
    quotes = doc._.quotes
    if quotes is None:
        from .quotes import annotate
        quotes = annotate(doc)
    table = doc._.actor_table or {}
    mentions = sorted(doc._.actor_mentions or [], key=lambda m: m.start)
    meta = doc._.meta or {}
    dl = doc._.dateline or {}
    date = dl.get("date") or meta.get("published")
    loc = _dateline_location(dl)
    out: list[Event] = []
    for q in quotes:
        resolved = q.speaker.actor is not None and q.speaker.actor in table
        if not resolved and not q.speaker.country:
            continue  # nobody we can name as the source
        cls = classify(q)
        if cls is None:
            continue
        code, trigger, conf, span = cls
        if span is not None and _someone_else_acts(doc, span, q, table, mentions):
            continue
        tgt = _target(doc, q, table, mentions, code, span)
        if tgt is None or tgt == q.speaker.actor:
            continue
        if not q.direct:
            conf -= 0.05
        if not resolved:
            conf -= 0.1   # "an Egyptian official": a country, no actor
        plover = _plover(code)
        sectors, contexts = _topics(q.text, plover.type)
        if contexts:
            plover = Plover(plover.type, plover.mode, tuple(dict.fromkeys(plover.contexts + contexts)))
        out.append(Event(
            id=f"qe{len(out) + 1}",
            source=_actor_ref(table, q.speaker.actor, q.speaker.name, q.speaker.country),
            target=_actor_ref(table, tgt),
            plover=plover,
            cameo=_cameo(code),
            sectors=sectors,
            when="reported",
            date=date,
            location=loc,
            confidence=round(conf, 2),
            evidence=Evidence(q.start, q.end, q.text),
            trigger=trigger,
            quote=q.id,
        ))
    return out
