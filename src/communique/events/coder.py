"""Find event triggers in a parsed Doc and code them (CAMEO + PLOVER, direction, modality).

`detect(doc)` returns every candidate with its confidence (also those without actors: the
single-sentence evaluations use them); `annotate` in the package keeps the ones good enough
for the article output.  The work is split over `matching` (triggers), `resolve` (arguments),
`conventions` (coding rules) and `modality`.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from . import lexicon as L
from .arguments import DECISION_NOUNS, ActorIndex, Party, child, conjuncts, prep_objects
from .candidate import (DOMESTIC_OK, MATERIAL, NEEDS_TARGET_EXCEPT, SPEECH, Candidate)  # noqa: F401
from .conventions import _finish, _inner_triggers, _refine
from .matching import Matcher, _is_purpose, _light_verb, _own_subtree
from .modality import date_entities, modality
from .resolve import Resolver

# ---------------------------------------------------------------------------

def _recent(date: str, anchor: Optional[str]) -> bool:
    """A day within a week before the anchor (the lead's "on Wednesday")."""
    import datetime as _dt
    if not anchor or len(date) != 10:
        return False
    try:
        d = (_dt.date.fromisoformat(anchor[:10]) - _dt.date.fromisoformat(date)).days
    except ValueError:
        return False
    return 0 <= d <= 7


def _stmt_scope(tok):
    """What a statement (not an event) covers: its own subtree, without its coordinated clauses
    and without a finite verb the parser hung on its complement ("asked him to convey greetings
    and reaffirmed the invitation": the reaffirming is the subject's own act)."""
    stack = [tok]
    while stack:
        t = stack.pop()
        yield t
        stack.extend(c for c in t.children if not (c.dep_ in ("conj", "cc") and t is tok)
                     and not (c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ", "VBP")))


def _follow_up(c: Candidate) -> bool:
    """"They will speak again on Monday", "the ministers will meet again next month": a further
    contact agreed now (AGREE 036 on the day it is reported), the contact itself lies ahead."""
    if c.ptype != "CONSULT" or c.sense.kind != "V" or c.light is not None:
        return False
    return any(x.dep_ == "advmod" and x.lower_ == "again" for x in c.tok.children)


def _threat_heads(tok) -> list:
    """A threat and the act it threatens ("threatened to close the strait if ..."): the words
    a condition of the threat may hang on."""
    return [tok] + [x for x in tok.children if x.dep_ in ("xcomp", "ccomp") and x.pos_ in ("VERB", "AUX")]


def _condition_party(c: Candidate, res: Resolver):
    """"would fight to the end if the United States insisted on escalating": a conditional
    conflictual act is a threat to the party whose conduct is the condition ("threatened to close
    the strait if the United States attacked": the condition of the threatened act)."""
    heads = [c.tok, c.light] + (_threat_heads(c.tok)[1:] if c.ptype == "THREATEN" and c.sense.kind == "V" else [])
    for h in heads:
        if h is None:
            continue
        for ch in h.children:
            if ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in ch.children):
                sj = child(ch, "nsubj")
                p = res.first([sj]) if sj is not None else None
                if p is not None and p.country and p.country != c.source.country:
                    return p
    return None


def _threatener(c: Candidate, res: Resolver) -> None:
    """"The ministry warned that China ... would fight to the end if the United States insisted":
    with an unnamed speaker, the state named as the agent of the warned act is the threatener, and
    the party whose conduct is the condition the one threatened."""
    for ch in c.tok.children:
        if ch.dep_ != "ccomp":
            continue
        sj = child(ch, "nsubj")
        src = res.first([sj]) if sj is not None else None
        if src is None or not src.country:
            continue
        tgt = None
        for v in conjuncts(ch):
            for g in v.children:
                if g.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in g.children):
                    p = res.first([child(g, "nsubj")]) if child(g, "nsubj") is not None else None
                    if p is not None and p.country and p.country != src.country:
                        tgt = tgt or p
        if tgt is not None:
            c.source, c.target = src, tgt
            return


def _said_commitment(c: Candidate) -> bool:
    """"said Uzbekistan would help to repair the damage": a commitment (an AGREE trigger, or aid
    or cooperation promised with will/would) reported under a preceding speech verb is made on the
    day it is said (PLOVER AGREE); the act it promises lies ahead, the promise does not."""
    if c.sense.frame == "stmt" or c.sense.mode == "invitation" or c.light is not None:
        return False
    # a commitment the lexicon codes AGREE itself, or a visit announced by the visitor ("Trump
    # said he would visit China": PLOVER AGREE 036 on the day it is said)
    if c.sense.ptype not in ("AGREE", "AID", "COOPERATE") and \
            not (c.ptype == "CONSULT" and c.mode == "visit" and c.sense.kind == "V"):
        return False
    t = c.tok
    if not any(x.tag_ == "MD" and x.lower_ in ("will", "would", "'ll", "shall") for x in t.children):
        return False
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    # the announcement is the sentence's news ("X said ... would"), not an attribution that
    # follows the planned act ("X will visit Y next month, his office said": a planned act)
    if not (t.dep_ == "ccomp" and t.head.lemma_.lower() in SPEECH and t.head.i < t.i):
        return False
    if c.sense.ptype != "CONSULT":
        return True
    # a visit: announced by the visitor himself ("he would visit")
    sj = child(c.tok, "nsubj")
    return sj is not None and sj.pos_ == "PRON"


def _noun_purpose(t) -> bool:
    """"a commission to assess the damage and investigate the causes": an infinitive that says
    what a thing is for is not an act that happened."""
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.tag_ != "VB" or not any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children) or \
            any(a.dep_ in ("nsubj", "nsubjpass") for a in t.children):
        return False
    # "... a commission to investigate", or "agreed to set up a commission to investigate" (the
    # parser hangs the purpose on the planned act, itself an infinitive)
    if t.dep_ == "acl" and t.head.lemma_.lower() in DECISION_NOUNS:
        return False  # "Washington's decision to raise tariffs": the act decided, not a purpose
    return t.dep_ in ("acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN") or \
        t.dep_ == "advcl" and t.head.dep_ == "xcomp" and t.head.tag_ == "VB"


def _named_accusation(v) -> bool:
    """"expelled two diplomats, accusing them of spying": an accusation that names whom it
    accuses (object + "of" charge) is an act of its own, not the purpose of the expulsion."""
    return v.tag_ == "VBG" and v.lemma_.lower() in ("accuse", "blame") and \
        child(v, "dobj") is not None and any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in v.children)


def _lead_date(sent, ents, dl: dict, anchor: Optional[str]) -> Optional[str]:
    """The lead's own day ("India on Wednesday night put ..."), outside the dateline: it dates
    the story's undated sentences even when the lead's verb is not an event trigger."""
    from .adapters import resolve_date
    end = dl.get("end") or 0
    for e in ents:
        if e.start_char < end or e.root.head.pos_ not in ("VERB", "AUX", "ADP"):
            continue
        if any(t.dep_ in ("relcl", "advcl", "acl") or
               any(x.tag_ == "MD" or x.dep_ == "aux" and x.lower_ == "to" for x in t.children)
               for t in e.root.ancestors):
            continue  # a date of a subordinate or planned act ("said it would raise tariffs from Thursday")
        d = resolve_date(e.text, anchor)
        if d and d != anchor and _recent(d, anchor):
            return d
    return None


def _documents(verb) -> list:
    """Document nouns a signing verb takes: its object and the object's conjuncts/appositions
    (the parser also hangs a listed document on the verb itself as a conjunct)."""
    docs = L.CLASSES["AGREEMENT"]
    out, stack = [], [c for c in verb.children if c.dep_ in ("dobj", "conj")]
    while stack:
        t = stack.pop()
        if t.pos_ not in ("NOUN", "PROPN") or t.lemma_.lower() not in docs:
            continue
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
        # "a memorandum on energy, an agreement on transport": the parser may hang the next
        # listed document on the last noun of the previous one's complement
        for p in t.children:
            if p.dep_ == "prep":
                for o in p.children:
                    if o.dep_ == "pobj":
                        stack.extend(c for c in o.children if c.dep_ in ("conj", "appos")
                                     and c.lemma_.lower() in docs and c.i > o.i)
    return sorted(out, key=lambda t: t.i)


def _conjunct_documents(cands: list[Candidate]) -> list[Candidate]:
    """"signed a treaty on X and an agreement on Y": one signed document per conjunct noun."""
    have = {c.tok.i for c in cands}
    out = []
    for c in cands:
        if c.sense.kind != "N" or c.light is None or c.code != "057":
            continue
        if c.tok.tag_ == "NNS" and any(a.dep_ in ("appos", "conj") and a.lemma_.lower() in L.CLASSES["AGREEMENT"]
                                       for a in c.tok.children):
            c.suppressed = True  # "signed three documents: an agreement ..., a memorandum ...": the list counts
        for t in _documents(c.light):
            if t.i in have:
                continue
            have.add(t.i)
            out.append(Candidate(c.sense, t, c.light, c.code, c.ptype, c.mode, c.conf))
    return out


def detect(doc: Doc, idx: Optional[ActorIndex] = None) -> list[Candidate]:
    """All event candidates of a Doc, in text order, with arguments, modality and confidence."""
    idx = idx or ActorIndex(doc)
    dl = doc._.dateline or {}
    anchor = dl.get("date") or (doc._.meta or {}).get("published")
    matcher = Matcher(idx)
    res = Resolver(doc, idx, dl)
    out: list[Candidate] = []
    dates = date_entities(doc)
    story_date = None   # the lead's explicit date ("India on Wednesday night put ...") dates the story
    for n_sent, sent in enumerate(doc.sents):
        cands: list[Candidate] = []
        for tok in sent:
            m = matcher.match(tok)
            if m is None:
                continue
            s, light = m
            cands.append(Candidate(s, tok, light, s.code, s.ptype, s.mode, s.conf))
        cands += _conjunct_documents(cands)
        by_tok = {c.tok.i: c for c in cands}
        # statements ("declined to comment", "expressed concern about the talks", "claimed
        # responsibility for the attack") are not events, and neither is what they are about
        for c in cands:
            if c.sense.frame == "stmt":
                c.suppressed = True
                for t in _stmt_scope(c.tok):
                    if t.i in by_tok and t.i != c.tok.i:
                        by_tok[t.i].suppressed = True
        # a noun used as a light-verb object of another trigger is not separate ("signed ... agreement")
        for c in cands:
            if c.light is not None and c.light.i in by_tok and by_tok[c.light.i].sense.frame != "must":
                by_tok[c.light.i].suppressed = True
        if n_sent < 2 and story_date is None:
            story_date = _lead_date(sent, dates.get(sent.start, []), dl, anchor)
        for c in cands:
            if c.suppressed:
                continue
            c.when, c.date = modality(c.tok, c.light, anchor, dates.get(sent.start, []))
            if c.when == "future" and (_said_commitment(c) or _follow_up(c)):
                # "said X would help": the promise is made now
                if c.ptype in L.FUTURE_AS_AGREE:  # a visit, aid, cooperation promised
                    c.code, c.ptype = L.FUTURE_AS_AGREE[c.ptype], "AGREE"
                    c.mode = "visit" if c.mode == "visit" else None
                c.when, c.date = "reported", None
            if c.when == "reported":
                if c.date is None:
                    c.date = story_date or anchor
                elif n_sent < 2 and story_date is None and _recent(c.date, anchor):
                    story_date = c.date
        _denied_reports(cands)
        for c in cands:
            if c.sense.frame == "must":
                for o in cands:
                    if o is not c and not o.suppressed and o.tok in c.tok.subtree and (
                            o.light is None or o.light.i == c.tok.i or o.light in c.tok.subtree):
                        o.suppressed = True
                        _refine(c, o)
        for c in cands:
            if c.suppressed or c.ptype not in L.CONTENT_TAKERS:
                continue
            # "rejected an Indian proposal for signing a trade agreement": the content of the object
            obj = child(c.tok, "dobj") if c.sense.kind in ("V", "A") else None
            if obj is not None and obj.lemma_.lower() in L.CLASSES["CLAIM"]:
                for o in cands:
                    if o is not c and not o.suppressed and o.tok in obj.subtree:
                        o.suppressed = True
                        _refine(c, o)
        for c in cands:
            if not c.suppressed and _noun_purpose(c.tok):
                c.suppressed = True
        for c in cands:
            if c.suppressed:
                continue
            # the purpose of a material act is not a separate event ("blocked roads to demand ...")
            heads = [c.tok, c.light or _light_verb(c.tok)]
            for h in heads:
                if h is None:
                    continue
                for ch in h.children:
                    if ch.dep_ in ("advcl", "acl", "xcomp") and _is_purpose(ch) and ch.i in by_tok and \
                            not _named_accusation(ch) and \
                            by_tok[ch.i].ptype in (("REQUEST", "ACCUSE") if c.ptype in MATERIAL else ("SUPPORT",)) \
                            and c.ptype not in L.CONTENT_TAKERS:
                        by_tok[ch.i].suppressed = True
        for c in cands:
            if c.suppressed or c.sense.kind != "V":
                continue
            # "a drone attack set fire to a refinery": the act named by the subject is the event;
            # "blocked the crossing in protest at the fees": the protest is the blocking itself
            sj = child(c.tok, "nsubj")
            if sj is not None and sj.i in by_tok and by_tok[sj.i].ptype == c.ptype and \
                    not by_tok[sj.i].suppressed and c.ptype in MATERIAL:
                c.suppressed = True
                continue
            if c.ptype == "PROTEST":
                for _, o in prep_objects(c.tok, ("in", "as")):
                    if o.i in by_tok and by_tok[o.i].ptype == "PROTEST":
                        by_tok[o.i].suppressed = True
            if c.ptype in ("THREATEN",):
                # "warned X of consequences if Manila kept sending vessels": the condition of a
                # warning is what is warned against, not an act of its own
                for ch in [g for h in _threat_heads(c.tok) for g in h.children]:
                    if ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                  for m in ch.children):
                        for t in ch.subtree:
                            if t.i in by_tok and t.i != c.tok.i:
                                by_tok[t.i].suppressed = True
        for c in cands:
            if c.suppressed or c.ptype != "CONSULT" or c.sense.kind != "V":
                continue
            # what was discussed is a topic, not another event ("discussed the EU's trade negotiations")
            for ch in c.tok.children:
                if ch.dep_ in ("dobj", "nsubjpass"):
                    for t in ch.subtree:
                        if t.i in by_tok and t.pos_ in ("NOUN", "PROPN"):
                            by_tok[t.i].suppressed = True
        for c in cands:
            if c.suppressed:
                continue
            for inner in _inner_triggers(c, by_tok):
                if inner.suppressed or inner is c:
                    continue
                if c.ptype in L.CONTENT_TAKERS or c.sense.kind == "V" and inner.tok.pos_ in ("NOUN", "PROPN") \
                        or c.sense.kind == "V" and inner.tok.dep_ in ("dobj", "nsubjpass", "pobj") \
                        or c.ptype in ("ACCUSE", "SUPPORT") and inner.tok.dep_ == "pcomp" or inner.light is not None \
                        and inner.light.dep_ == "pcomp":
                    inner.suppressed = True
                    res.resolve(inner)
                    if c.ptype in L.CONTENT_TAKERS:
                        _refine(c, inner)
                    elif _third_party_talks(c, inner, res):
                        inner.suppressed = False
        for c in cands:
            if c.suppressed:
                continue
            tgt_before = c.target
            res.resolve(c)
            if c.target is None and tgt_before is not None:
                c.target = tgt_before
            if c.target is not None and not c.target.country and c.target.kind == "person" and \
                    c.source is not None and c.source.country:
                # "after agreeing with President X" (a person the knowledge base has no country
                # for), in the story of a visit: the other party of the article's pair
                o = res._other_in_dyad(c.source)
                if o is not None and o.country:
                    t = c.target
                    c.target = Party(t.key, o.country, o.country, t.name, t.kind, t.token, "dyad")
            if (c.ptype == "PROTEST" or c.mode == "expel") and c.source is None and c.target is not None:
                c.source = res.crowd_source(c)
            if c.target is None and c.source is not None and c.when == "hypothetical" and c.ptype in L.THREAT_CODES:
                c.target = _condition_party(c, res)
            if c.target is None and c.source is not None and c.ptype == "THREATEN" and c.sense.kind == "V":
                c.target = _condition_party(c, res)
            if c.ptype == "THREATEN" and c.source is None and c.sense.kind == "V":
                _threatener(c, res)
            _finish(c, idx, anchor)
            if c.conf > 0:
                out.append(c)
                out.extend(Candidate(c.sense, c.tok, c.light, c.code, c.ptype, c.mode, c.conf, source=s2, target=t2,
                                     when=c.when, date=c.date, place=c.place, oriented=c.oriented, tconf=c.tconf)
                           for s2, t2 in c.also)
                if c.ptype == "CONSULT" and c.source is not None and c.target is not None and c.when == "reported":
                    idx.met = True
                if idx.dyad is None and c.source is not None and c.target is not None and \
                        c.source.country and c.target.country and c.source.country != c.target.country:
                    idx.dyad = (c.source, c.target)
    _late_dyad(out, idx, res)
    _talks_during_calls(out)
    return out


def _late_dyad(cands: list[Candidate], idx: ActorIndex, res: Resolver) -> None:
    """"Iran vowed revenge after the strike. Tehran blamed Israel for the attack.": a verbal act
    without a recipient, made before the article names the other party, is addressed to that
    party once the article's pair is known (as later acts of the article already are)."""
    from .arguments import Party
    from .candidate import DYAD_TYPES
    if idx.dyad is None:
        return
    for c in cands:
        if c.target is not None or c.source is None or c.ptype not in DYAD_TYPES or c.mode == "investigate" \
                or "indefinite" in c.notes or c.sense.kind != "V":
            continue
        o = res._other_in_dyad(c.source)
        if o is not None:
            c.target = Party(o.key, o.country, o.cameo, o.name, o.kind, c.tok.i, "dyad")


def _third_party_talks(visit: Candidate, talks: Candidate, res: Resolver) -> bool:
    """"X is expected in Muscat for talks with American envoys": talks with a party other than the
    host are an act of their own (a visit "for talks with the host" is the visit)."""
    if visit.mode != "visit" or talks.ptype != "CONSULT" or talks.source is None or talks.target is None:
        return False
    res.resolve(visit)
    if visit.target is None or not visit.target.country:
        return False
    pair = {talks.source.country, talks.target.country}
    return None not in pair and len(pair) == 2 and visit.target.country not in pair


# anonymous claims whose denial negates what they report ("denied reports that X had met Y")
REPORT_NOUNS = frozenset("report rumour rumor claim suggestion speculation allegation story".split())
DENY_VERBS = frozenset("deny dismiss refute".split())


def _denied_reports(cands: list[Candidate]) -> None:
    """"X denied reports that the president had met Y": nobody's claim is rejected (no party made
    it); the meeting it reports is denied (negated).  A claim with an owner ("dismissed Congo's
    accusations") stays a rejection of that party."""
    by_tok = {c.tok.i: c for c in cands}
    for c in cands:
        if c.suppressed or c.ptype != "REJECT" or c.sense.kind != "V" or c.tok.lemma_.lower() not in DENY_VERBS:
            continue
        obj = child(c.tok, "dobj")
        if obj is None or obj.lemma_.lower() not in REPORT_NOUNS or any(
                g.dep_ == "poss" or g.dep_ == "prep" and g.lower_ in ("by", "from", "of") or
                g.dep_ in ("amod", "compound") and g.ent_type_ for g in obj.children):
            continue
        inner = [by_tok[v.i] for v in obj.children if v.dep_ in ("acl", "ccomp", "relcl") and v.i in by_tok
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in v.children)]
        for o in inner:
            o.suppressed = False
            o.when, o.date = "negated", None
        if inner:
            c.suppressed = True


def _talks_during_calls(cands: list[Candidate]) -> None:
    """"The two leaders discussed trade" in the story of a phone call is the call, not a visit
    that the dateline's city would make of it: same pair, same day, no place of its own."""
    def pair(c):
        return frozenset((c.source.country, c.target.country)) if c.source and c.target else None
    calls = {(pair(c), c.date): c for c in cands if c.ptype == "CONSULT" and c.mode == "phone" and pair(c)}
    for c in cands:
        call = calls.get((pair(c), c.date))
        if call is None or c is call or c.ptype != "CONSULT" or c.mode != "visit" or c.place is not None \
                or c.sense.frame != "recip" or c.when != call.when:
            continue
        c.code, c.mode, c.source, c.target = "041", "phone", call.source, call.target


