"""Coding conventions applied to candidates: content-taking triggers, PLOVER readings of
modality (future cooperation is AGREE ...), salience and confidence."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from . import lexicon as L
from .arguments import (ActorIndex, Party, child, conjuncts, direct_object, object_tokens,  # noqa: F401
                        prep_objects, subject)
from .candidate import (NEEDS_TARGET_EXCEPT, SPEECH, BACKGROUND_MARKS, NEUTRAL_VERBS, Candidate)
from .matching import _light_verb, verb_forms  # noqa: F401

# ---------------------------------------------------------------------------
# content-taking triggers ("urged X to meet", "threatened to impose sanctions")

def _refine(outer: Candidate, inner: Candidate) -> None:
    it, ic = inner.ptype, inner.code
    demand = outer.code.startswith("10")
    if outer.ptype == "REQUEST":
        if it == "CONSULT":
            outer.code, outer.mode = ("106" if demand else "026"), "meet"
        elif it in ("RETREAT", "CONCEDE"):
            outer.code, outer.mode = ("105" if demand else "025"), "yield"
        elif it == "AID":
            outer.code, outer.mode = ("103" if demand else "023"), "assist"
        elif it in ("COOPERATE", "SUPPORT", "AGREE"):
            outer.code, outer.mode = ("101" if demand else "021"), "assist"
    elif outer.ptype == "REJECT":
        if it == "CONSULT":
            outer.code, outer.mode = "125", "meet"
        elif it == "AID":
            outer.code, outer.mode = "122", "assist"
        elif it in ("RETREAT", "CONCEDE"):
            outer.code, outer.mode = "124", "yield"
    elif outer.ptype == "THREATEN":
        if it == "SANCTION":
            outer.code, outer.mode = ("1313", "relations") if ic in ("161", "164", "166") else ("1312", "restrict")
        elif it in ("ASSAULT", "MOBILIZE"):
            outer.code, outer.mode = "138", "violence"
        elif it == "COERCE":
            outer.code, outer.mode = ("132", "arrest") if ic == "173" else ("130", "restrict")
    elif outer.ptype == "AGREE" and it in L.THREAT_CODES:
        outer.ptype, outer.code, outer.mode = "THREATEN", L.THREAT_CODES[it], None
        if it == "SANCTION" and ic in ("161", "164", "166"):
            outer.code, outer.mode = "1313", "relations"
    elif outer.ptype == "AGREE" and outer.code == "030":
        outer.code = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "RETREAT": "035",
                      "CONCEDE": "035", "SUPPORT": "032"}.get(it, outer.code)
        if it == "CONSULT" and inner.mode == "visit":
            outer.mode = "visit"
    if outer.ptype == "PROTEST":
        return
    # the inner action's target is often the outer one's ("urged X to release Y": keep X)
    if outer.target is None and inner.target is not None:
        outer.target = inner.target


def _inner_triggers(c: Candidate, by_tok: dict[int, Candidate]) -> list[Candidate]:
    heads = [c.tok] + ([c.light] if c.light is not None else [])
    out = []
    for h in heads:
        for ch in h.children:
            if ch.dep_ in ("xcomp", "ccomp", "acl", "advcl", "relcl") or (
                    ch.dep_ in ("dobj", "nsubjpass") and h is c.tok):
                if ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS
                                              for m in ch.children):
                    continue
                for t in conjuncts(ch):
                    if t is not ch and ch.dep_ == "xcomp" and ch.tag_ == "VB" and t.tag_ in ("VBD", "VBZ", "VBP"):
                        continue  # a finite verb conjoined to the infinitive belongs to the main clause
                    if t.i in by_tok and t.i != c.tok.i:
                        out.append(by_tok[t.i])
                    if ch.dep_ in ("xcomp", "ccomp", "advcl", "acl"):
                        out.extend(by_tok[g.i] for g in t.children
                                   if g.i in by_tok and by_tok[g.i].light is not None and by_tok[g.i].light.i == t.i)
                    if t.i in by_tok:
                        continue
                    elif ch.dep_ in ("dobj", "nsubjpass") and any(
                            g.dep_ == "compound" and g.i in by_tok for g in t.children):
                        out.extend(by_tok[g.i] for g in t.children if g.dep_ == "compound" and g.i in by_tok)
                    elif ch.dep_ in ("xcomp", "ccomp") and c.ptype in L.CONTENT_TAKERS and \
                            any(f in NEUTRAL_VERBS for f in verb_forms(t)):
                        # "agreed to undertake joint exercises": the noun under a neutral verb
                        for g in t.children:
                            if g.dep_ in ("dobj", "nsubjpass") and g.i in by_tok:
                                out.append(by_tok[g.i])
                            elif g.dep_ == "xcomp" and g.i in by_tok:
                                out.append(by_tok[g.i])
            if ch.dep_ == "prep" and ch.lower_ in ("for", "to", "on", "against", "of", "with"):
                o = child(ch, "pobj", "pcomp")
                if o is not None and o.i in by_tok and o.i != c.tok.i:
                    out.append(by_tok[o.i])
                elif o is not None and o.dep_ == "pcomp":
                    # "accused X of making unacceptable demands": the content's own noun trigger
                    out.extend(by_tok[g.i] for g in o.children
                               if g.i in by_tok and by_tok[g.i].light is not None and by_tok[g.i].light.i == o.i)
    return out



def _clause_depth(t: Token) -> int:
    """Clause boundaries between a word and the sentence root (the main clause is the news)."""
    n = 0
    for a in [t] + list(t.ancestors):
        if a.dep_ in ("advcl", "xcomp", "acl", "relcl", "pcomp", "csubj") or (
                a.dep_ == "ccomp" and a.head.lemma_.lower() not in SPEECH):
            n += 1
    return n


def _salience(c: Candidate) -> float:
    """Background clauses ("after the attack", "who visited", "the agreement signed in 2001") weigh less."""
    t = c.light or c.tok
    f = 1.0
    for a in [t] + list(t.ancestors)[:3]:
        if a.dep_ in ("relcl", "acl"):
            f = min(f, 0.75)
        if a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS for m in a.children):
            # "as drones struck Kyiv": a simultaneous act is news too, an earlier one ("after ...") less so
            same_time = any(m.dep_ == "mark" and m.lower_ in ("as", "while") for m in a.children)
            f = min(f, 0.8 if same_time else 0.65)
        if a.dep_ == "pobj" and a.head.lower_ in BACKGROUND_MARKS | {"of", "on", "in", "during", "into"}:
            f = min(f, 0.85)
        if a.dep_ in ("pcomp",) and a.head.lower_ in BACKGROUND_MARKS:
            f = min(f, 0.8)
    return f


def _has_unless(c: Candidate) -> bool:
    """A conditional attached to the act: "will withdraw ... unless X arranges a ceasefire"."""
    for h in (c.tok, c.light):
        if h is None:
            continue
        for ch in h.children:
            if ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in ch.children):
                return True
    return False


def _perfect(c: Candidate) -> bool:
    """'may have launched': a guess about the past, not a threat."""
    v = c.light or c.tok
    return any(x.dep_ == "aux" and x.lemma_ == "have" for x in v.children)


def _passive(t: Token) -> bool:
    return any(x.dep_ in ("nsubjpass", "auxpass") for x in t.children)


def _convert(c: Candidate) -> None:
    """PLOVER conventions on modality: future cooperation is AGREE, future retreat CONCEDE,
    future conflictual acts THREATEN, announced refusals REJECT, conditional offers AGREE."""
    if c.when == "future" and c.ptype in ("RETREAT", "CONCEDE", "SANCTION") and _has_unless(c):
        c.code, c.ptype, c.mode = ("1313" if c.ptype == "SANCTION" else "130"), "THREATEN", None
    elif c.when == "future":
        if c.ptype in L.FUTURE_AS_AGREE:
            c.code = L.FUTURE_AS_AGREE[c.ptype]
            c.mode = "visit" if c.mode == "visit" else None
            c.ptype = "AGREE"
        elif c.ptype in L.FUTURE_AS_CONCEDE:
            c.code, c.ptype, c.mode = L.FUTURE_AS_CONCEDE[c.ptype], "CONCEDE", None
        elif c.ptype in L.THREAT_CODES:
            code = L.THREAT_CODES[c.ptype]
            if c.ptype == "SANCTION" and c.code in ("161", "164", "166", "1662"):
                code = "1313"
            c.code, c.ptype, c.mode = code, "THREATEN", None
    elif c.when == "hypothetical" and c.ptype in L.THREAT_CODES and not _passive(c.tok) and not _perfect(c):
        c.code, c.ptype, c.mode = L.THREAT_CODES[c.ptype], "THREATEN", None
    elif c.when == "hypothetical" and c.ptype in L.FUTURE_AS_AGREE:
        c.code, c.ptype = L.FUTURE_AS_AGREE[c.ptype], "AGREE"
        c.mode = "visit" if c.mode == "visit" else None
    elif c.when == "negated" and c.ptype in ("AGREE", "CONSULT", "SUPPORT", "AID", "CONCEDE", "COOPERATE") \
            and any(x.tag_ == "MD" and x.lower_ in ("will", "would", "wo", "shall")
                    for x in (c.light or c.tok).children):
        c.code = "125" if c.ptype == "CONSULT" else "120"
        c.ptype, c.mode, c.when = "REJECT", ("meet" if c.code == "125" else None), "reported"
        c.notes.append("refusal")   # made on the day it is said (see `_finish`)


# the weapon named on an attack ("a drone attack", "Russian drones struck") -> PLOVER ASSAULT mode
WEAPON_MODES = {"drone": "drone", "uav": "drone", "air": "aerial", "aerial": "aerial", "airstrike": "aerial",
                "warplane": "aerial", "jet": "aerial", "artillery": "heavy-weapons", "mortar": "heavy-weapons",
                "rocket": "heavy-weapons", "tank": "heavy-weapons", "bomb": "explosives",
                "explosive": "explosives", "gunman": "firearms", "gunfire": "firearms", "sniper": "firearms"}


def _weapon_mode(c: Candidate) -> Optional[str]:
    """"a Ukrainian drone attack", "Russian drones struck the port": the weapon of the attack."""
    heads = [c.tok] if c.sense.kind == "N" else [t for t in c.tok.children if t.dep_ == "nsubj"]
    for h in heads:
        for t in [h] + [x for x in h.children if x.dep_ in ("compound", "amod")]:
            m = WEAPON_MODES.get(t.lemma_.lower())
            if m is not None and t.i != c.tok.i:
                return m
            if m is not None and c.sense.kind == "V":
                return m
    return None


def _finish(c: Candidate, idx: ActorIndex, anchor: Optional[str]) -> None:
    if c.ptype == "ASSAULT" and c.mode is None:
        c.mode = _weapon_mode(c)
    # direction read from the place: a symmetric meeting becomes a visit (visitor -> host)
    if c.ptype == "CONSULT" and c.oriented and c.code in ("040", "046") and c.mode is None:
        c.code, c.mode = "042", "visit"
    _convert(c)
    if "refusal" in c.notes and c.date and anchor and c.date[:10] > anchor[:10]:
        # "X will not send weapons, the minister said on Friday": the refusal is dated by the
        # saying, not by the coming Friday the future verb made of it
        c.date = anchor[:10]
    sal = _salience(c)
    c.tconf = round(c.conf * sal * 0.92 ** _clause_depth(c.light or c.tok), 3)
    conf = c.conf * (1 - (1 - sal) / 2)   # background events are still events, a little less sure
    if c.source is None:
        conf *= 0.6
    elif c.source.how in ("pron", "dyad"):
        conf *= 0.9
    elif c.source.how == "np":
        conf *= 0.95
    if c.target is None:
        conf *= 0.9 if c.ptype in NEEDS_TARGET_EXCEPT else 0.75
    elif c.target.how in ("pron", "dyad"):
        conf *= 0.92
    if c.source is not None and c.target is not None and c.source.ident == c.target.ident and c.source.ident:
        conf *= 0.3 if c.source.key == c.target.key else 0.8
    if c.when in ("hypothetical",):
        conf *= 0.9
    c.conf = round(min(conf, 0.99), 3)

