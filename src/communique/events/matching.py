"""Trigger matching: which words announce an event, and which lexicon rule applies."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from . import lexicon as L
from .arguments import (ActorIndex, Party, child, conjuncts, direct_object, object_tokens,  # noqa: F401
                        prep_objects, subject)
from .candidate import (PHONE_WORDS, MILITARY_MODS, SPEECH, MUST, MODIFIER_DEPS, IRREGULAR, DEMAND_NOUNS)

# ---------------------------------------------------------------------------
# trigger matching

def verb_forms(tok: Token) -> list[str]:
    """The lemma and guesses from the surface form (the tagger's lemmas slip: "staged" -> "stag")."""
    lem, low = tok.lemma_.lower(), tok.lower_
    out = [lem]
    if low in IRREGULAR:
        out.append(IRREGULAR[low])
    if low.endswith("ied"):
        out.append(low[:-3] + "y")
    if low.endswith("ed"):
        out += [low[:-1], low[:-2]]
        if len(low) > 4 and low[-3] == low[-4]:
            out.append(low[:-3])
    if low.endswith("ing"):
        out += [low[:-3], low[:-3] + "e"]
    if low.endswith("s"):
        out.append(low[:-1])
    return out


def in_light(tok: Optional[Token], cls: str) -> bool:
    if tok is None:
        return False
    words = L.LIGHT[cls]
    return any(f in words for f in verb_forms(tok))

def _obj_lemma(tok: Token) -> Optional[Token]:
    o = direct_object(tok)
    if o is None:
        for _, p in prep_objects(tok, ("for", "on", "to", "with")):
            return p
    return o


def _own_subtree(tok: Token):
    """The subtree of a word without its coordinated clauses ("expressed concern and condemned ...")."""
    stack = [tok]
    while stack:
        t = stack.pop()
        yield t
        stack.extend(c for c in t.children if not (c.dep_ in ("conj", "cc") and t is tok))


def _is_purpose(v: Token) -> bool:
    """'to demand ...', 'in demanding ...': an infinitive or gerund without its own subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) or v.tag_ == "VBG"


def _to_clause(tok: Token) -> Optional[Token]:
    """An infinitive the parser hung as an adverbial clause ("sworn to fight", "allow X to return")."""
    for c in tok.children:
        if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    return None


def _obj_words(o: Token) -> set[str]:
    """The object's lemma plus what a measure word stands for ("700 kg of medicine", "state of emergency")
    and what a vehicle carries ("two planes loaded with medical supplies")."""
    out = {o.lemma_.lower()}
    # "a rescue team and fifteen tonnes of relief material": every listed object counts
    for c in o.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and o.lemma_.lower() not in L.CLASSES["FORCES"]:
            out |= _obj_words(c)  # (not after troops: "sent troops and weapons" is a deployment)
    # "summoned Japanese Ambassador Koichi Mizushima", "a prisoner exchange": the noun's modifiers
    out.update(c.lemma_.lower() for c in o.children if c.dep_ == "compound")
    for c in o.children:
        if c.dep_ == "acl" and c.lemma_.lower() in ("load", "carry", "laden", "fill", "pack"):
            for g in c.children:
                if g.dep_ == "dobj":
                    out.add(g.lemma_.lower())
                elif g.dep_ == "prep" and g.lower_ == "with":
                    out.update(x.lemma_.lower() for x in g.children if x.dep_ == "pobj")
    for c in o.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            g = child(c, "pobj")
            if g is not None:
                out.add(g.lemma_.lower())
        if c.dep_ == "compound":
            out.add(c.lemma_.lower())
    return out


def _modifier_lemmas(tok: Token) -> set[str]:
    out = set()
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod", "npadvmod"):
            out.add(c.lemma_.lower())
            out.update(x.lower_ for x in c.subtree if x.dep_ in ("amod", "compound"))
            if "-" in c.text:
                out.update(c.lower_.split("-"))
        if c.dep_ == "prep" and c.lower_ == "of":
            o = child(c, "pobj")
            if o is not None:
                out.add(o.lemma_.lower())
    return out


def _light_verb(noun: Token) -> Optional[Token]:
    n = noun
    while n.dep_ == "conj" and n.head is not n:
        n = n.head
    if any(c.dep_ == "prt" and c.lower_ in ("off", "down") for c in n.head.children):
        return None  # "called off the strike", "turned down the invitation": not a light use
    if n.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "nsubj") and n.head.pos_ in ("VERB", "AUX"):
        return n.head
    if n.dep_ == "pobj" and n.head.dep_ in ("prep", "agent") and n.head.head.pos_ == "VERB":
        return n.head.head
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in CARRIERS | MEASURES \
            and n.head.head is not noun:
        # "sent a message of condolence", "adopted a package of sanctions", "launched a wave of
        # drones": the verb of the carrying or counting noun
        return _light_verb(n.head.head)
    return None


# nouns that carry an act named in their "of" phrase ("a message of condolence", "a letter of thanks")
CARRIERS = frozenset("message letter telegram note cable word expression".split())
SECURITY_STAFF = frozenset("police officer policeman policewoman gendarme peacekeeper".split())
# words that make a moving cargo aid ("relief supplies", "a convoy of humanitarian aid")
AID_CARGO = frozenset("aid assistance relief humanitarian medical medicine vaccine donation emergency".split())
# nouns that count or bundle what their "of" phrase names ("a package of sanctions", "a wave of drones")
MEASURES = frozenset("package round set wave raft series batch barrage volley salvo swarm slew".split())


def _in_clause(tok: Token, word: str) -> bool:
    stack = [c for c in tok.children if c.dep_ not in ("conj", "cc", "advcl", "relcl", "nsubj", "punct")]
    while stack:
        t = stack.pop()
        if t.lower_ == word or t.lemma_.lower() == word:
            return True
        stack.extend(c for c in t.children if c.dep_ not in ("conj", "relcl", "advcl", "acl", "ccomp"))
    return False


def _has_phone(tok: Token) -> bool:
    if tok.lemma_.lower() in PHONE_WORDS:
        return True
    for c in tok.children:
        if c.lemma_.lower() in PHONE_WORDS:
            return True
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "via", "over", "on"):
            o = child(c, "pobj")
            if o is not None and (o.lemma_.lower() in PHONE_WORDS or
                                  any(g.lemma_.lower() in PHONE_WORDS for g in o.children)):
                return True
        if c.dep_ in ("dobj",) and any(g.lemma_.lower() in PHONE_WORDS for g in c.subtree):
            return True
    return False


def _as_praise(tok: Token) -> bool:
    for _, o in prep_objects(tok, ("as",)):
        if o.lemma_.lower() in ("partner", "friend", "ally", "brother", "model", "example"):
            return True
        if any(c.lemma_.lower() in L.CLASSES["PRAISE_ADJ"] for c in o.children):
            return True
    o = child(tok, "oprd")
    return o is not None and o.lemma_.lower() in ("partner", "friend", "ally")


def _for_objects(tok: Token) -> list[Token]:
    """What thanks are for: the objects of every "for" phrase of the word (and their conjuncts)."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            for o in c.children:
                if o.dep_ == "pobj":
                    out.extend(conjuncts(o))
        if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ == "for":  # "for X and for Y"
            out.extend(g for o in c.children if o.dep_ == "pobj" for g in conjuncts(o))
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            for cc in c.children:
                if cc.dep_ == "conj" and cc.lower_ == "for":
                    out.extend(g for o in cc.children if o.dep_ == "pobj" for g in conjuncts(o))
    return out


def _courtesy(tok: Token, light: Optional[Token]) -> bool:
    """Thanks for the reception, the invitation, kind words: courtesy, not praise of an act."""
    objs = _for_objects(tok) + (_for_objects(light) if light is not None else [])
    return bool(objs) and all(o.lemma_.lower() in L.CLASSES["COURTESY"] for o in objs)


def _conveys_greetings(tok: Token) -> bool:
    """"asked the minister to convey his greetings to X": a courtesy, not a request."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl") and c.lemma_.lower() in (
                "convey", "pass", "send", "extend", "deliver", "transmit", "give", "relay"):
            o = child(c, "dobj")
            if o is not None and o.lemma_.lower() in L.CLASSES["GREETING"]:
                return True
    return False


def _procedural(tok: Token) -> bool:
    """"agreed that the dates would be set through diplomatic channels": the practicalities of
    an act already counted, not a new commitment."""
    for c in tok.children:
        if c.dep_ == "ccomp":
            sj = child(c, "nsubj", "nsubjpass")
            if sj is not None and sj.lemma_.lower() in L.CLASSES["PRACTICALITY"]:
                return True
    return False


def _goodwill(tok: Token) -> bool:
    """"ready to move forward together", "determined to keep improving relations": general
    goodwill (an infinitive of continuing/improving with no concrete act), not a commitment."""
    x = child(tok, "xcomp", "acl")
    if x is None:
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "to":
                for o in p.children:
                    if o.dep_ in ("pobj", "pcomp") and o.pos_ == "VERB":
                        x = o
    if x is None or x.lemma_.lower() not in L.CLASSES["GOODWILL"]:
        return False
    # a concrete object ("ready to continue the talks on Monday") is more than goodwill only when
    # it is an act of its own; relations, cooperation, contacts and ties are the general kind
    o = child(x, "dobj")
    return o is None or o.lemma_.lower() in ("relation", "cooperation", "contact", "tie", "dialogue",
                                             "partnership", "friendship", "work", "effort", "relationship")


class Matcher:
    """Per-Doc trigger matcher (the lexicon itself is built once per process)."""

    def __init__(self, idx: ActorIndex):
        self.idx = idx

    def _several(self, noun: Token) -> bool:
        """Two or more parties carry out the act ("French and Egyptian warships launched war games")."""
        lv = _light_verb(noun)
        sj = subject(lv) if lv is not None else None
        if sj is None:
            return False
        if len(conjuncts(sj)) > 1:
            return True
        return any(c.dep_ in ("amod", "compound") and any(g.dep_ == "conj" for g in c.children)
                   for c in sj.children)

    def _cond(self, s: L.Sense, tok: Token, light: Optional[Token]) -> bool:
        for name, val in s.conds:
            if name == "obj":
                o = _obj_lemma(tok) if s.kind == "V" else tok
                if o is None:
                    return False
                if val == "ANY":
                    continue
                if val == "ACTOR":
                    if not self.idx.parties(o):
                        return False
                    continue
                words = _obj_words(o)
                if val == "HEADACTOR":
                    if self.idx.mention_at(o) is None and o.pos_ != "PRON" and \
                            o.lemma_.lower() not in L.CLASSES["TITLE"] and \
                            not any(c.dep_ == "appos" and self.idx.mention_at(c) for c in o.children):
                        return False
                    continue
                if val in L.CLASSES:
                    if not words & L.CLASSES[val] and not (
                            val == "PERSONS" and words & {"delegation", "guest"}):
                        return False
                elif not words & set(val.split("/")):
                    return False
            elif name == "of":
                # "the signing of a security pact": what the act-noun is of
                words = L.CLASSES.get(val, set(val.split("/")))
                if not any(o.lemma_.lower() in words or o.lower_ in words for _, o in prep_objects(tok, ("of",))):
                    return False
            elif name == "passive":
                if not any(c.dep_ == "auxpass" for c in tok.children):
                    return False
            elif name == "xverb":
                # the act promised or vowed ("vowed to respond", "pledged to retaliate")
                x = child(tok, "xcomp") or _to_clause(tok)
                if x is None or x.lemma_.lower() not in val.split("/"):
                    return False
            elif name == "prep":
                if not any(c.dep_ == "prep" and c.lower_ == val for c in tok.children):
                    return False
            elif name == "plain":
                # "X called his counterpart": no complement ("called him a friend", "called it off")
                if any(c.dep_ in ("oprd", "xcomp", "ccomp", "prt", "attr") for c in tok.children) or \
                        any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") for c in tok.children):
                    return False
            elif name == "word":
                # a word of the verb's own clause ("declared X persona non grata", "ordered X to leave")
                if not _in_clause(tok, val):
                    return False
            elif name == "light":
                if not in_light(light, val):
                    return False
            elif name == "subj":
                sj = subject(tok if light is None else light)
                if sj is None:
                    return False
                civil_norp = val == "CIVIL" and sj.ent_type_ == "NORP" and sj.tag_ in ("NNPS", "NNS")
                heads = {sj.lemma_.lower()} | {o.lemma_.lower() for _, o in prep_objects(sj, ("of",))}
                if not heads & L.CLASSES[val] and not civil_norp:  # "hundreds of demonstrators"
                    return False
            elif name == "notsubj":
                sj = subject(tok if light is None else light)
                if sj is not None and sj.lemma_.lower() in L.CLASSES[val]:
                    return False
            elif name == "xcomp":
                if child(tok, "xcomp", "ccomp", *(("acl",) if s.kind == "N" else ())) is None and not (
                        s.kind == "A" and any(o.pos_ == "VERB" for _, o in prep_objects(tok, ("to",)))) \
                        and not _to_clause(tok):
                    return False
            elif name == "nobj":
                if direct_object(tok) is not None:
                    return False
            elif name == "phone":
                if not (_has_phone(tok) or (light is not None and _has_phone(light))):
                    return False
            elif name == "milmod":
                if not _modifier_lemmas(tok) & MILITARY_MODS:
                    return False
            elif name == "as_shield":
                if not any(o.lemma_.lower() == "shield" for _, o in prep_objects(tok, ("as",))):
                    return False
            elif name == "aidcargo":
                # "a shipment of medical supplies from the UAE reached ...": aid as the subject
                # (a shipment of wheat is trade, not aid)
                sj = subject(tok)
                if sj is None or not {t.lemma_.lower() for t in sj.subtree} & AID_CARGO:
                    return False
            elif name == "peacemission":
                # "Kenyan police officers arrived in Haiti to lead a security mission": security
                # forces sent for a mission abroad (CAMEO 074, peacekeeping), not a visit
                sj = subject(tok)
                if sj is None or sj.lemma_.lower() not in L.CLASSES["FORCES"] | SECURITY_STAFF:
                    return False
                purpose = [t for c in tok.children if c.dep_ in ("advcl", "xcomp", "prep") and c.lower_ != "in"
                           for t in c.subtree]
                if not any(t.lemma_.lower() in ("mission", "peacekeeping") for t in purpose):
                    return False
            elif name == "from_actor":
                # "a pledge from France to help ...": the giver named in a from-phrase
                if not any(self.idx.parties(o) for _, o in prep_objects(tok, ("from",))):
                    return False
            elif name == "again":
                if not any(c.dep_ == "advmod" and c.lower_ == "again" for c in tok.children):
                    return False
            elif name == "courtesy":
                if not _courtesy(tok, light):
                    return False
            elif name == "greet":
                if not _conveys_greetings(tok):
                    return False
            elif name == "procedural":
                if not _procedural(tok):
                    return False
            elif name == "goodwill":
                if not _goodwill(tok):
                    return False
            elif name == "notobj":
                o = _obj_lemma(tok) if s.kind == "V" else tok
                if o is not None and (_obj_words(o) & L.CLASSES[val] or
                                      any(c.lower_ == "more" for c in o.children)):
                    return False
            elif name == "as_praise":
                if not _as_praise(tok):
                    return False
            elif name == "civil_strike":
                if not (_modifier_lemmas(tok) & {"general", "worker", "workers", "labor", "labour",
                                                   "nationwide", "national", "transport", "teacher"}):
                    return False
            elif name == "joint":
                mods = _modifier_lemmas(tok)
                if "joint" not in mods and "bilateral" not in mods and not self._several(tok):
                    return False
            elif name == "comment":
                x = child(tok, "xcomp")
                if x is None or x.lemma_.lower() not in ("comment", "elaborate", "speak", "say", "discuss"):
                    return False
            else:  # a literal modifier ("military", "hunger", "air", "car", "martial", "protest")
                mods = _modifier_lemmas(tok)
                if val == "" and name not in mods:
                    return False
        return True

    def match(self, tok: Token) -> Optional[tuple[L.Sense, Optional[Token]]]:
        lem = tok.lemma_.lower()
        if tok.lower_ in L.ADJ_LEMMAS and (tok.pos_ == "ADJ" or tok.dep_ == "acomp") and \
                tok.dep_ in ("acomp", "ROOT", "conj", "ccomp", "xcomp", "amod") and \
                (tok.dep_ != "amod" or tok.head.pos_ in ("NOUN", "PROPN")):
            for s in L.senses("A", tok.lower_):
                if self._cond(s, tok, None):
                    return s, None
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ccomp", "acl") and (
                tok.head.lemma_.lower() in SPEECH or tok.head.lemma_.lower() in DEMAND_NOUNS) and any(
                c.lower_ == "must" and c.dep_ == "aux" for c in tok.children):
            return MUST, None
        if tok.pos_ == "VERB" and tok.dep_ in MODIFIER_DEPS:
            return None
        forms = [f for f in verb_forms(tok) if f in L.VERB_LEMMAS] if tok.pos_ == "VERB" else []
        if forms:
            lem = forms[0]
            names = []
            for c in tok.children:
                if c.dep_ == "prt" or c.dep_ == "prep" and not any(
                        o.ent_type_ in ("DATE", "TIME") for o in c.children):  # "called ... on May 7"
                    names.append(f"{lem}_{c.lower_}")
            names.append(lem)
            for name in names:
                for s in L.senses("V", name):
                    if self._cond(s, tok, None):
                        return s, None
            return None
        if tok.pos_ in ("NOUN", "PROPN") and lem in L.NOUN_LEMMAS:
            if tok.dep_ == "compound" and tok.head.lemma_.lower() in L.CLASSES["FORCES"]:
                return None  # "invasion forces", "attack helicopters": a unit, not an act
            light = _light_verb(tok)
            for s in L.senses("N", lem):
                if self._cond(s, tok, light):
                    uses_light = any(n == "light" for n, _ in s.conds)
                    return s, (light if uses_light else None)
        return None


