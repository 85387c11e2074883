"""Find event triggers in a parsed Doc and code them (CAMEO + PLOVER, direction, modality).

`detect(doc)` returns every candidate with its confidence (also those without actors: the
single-sentence evaluations use them); `annotate` in the package keeps the ones good enough
for the article output.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from . import lexicon as L
from .arguments import (ActorIndex, Party, child, conjuncts, direct_object, object_tokens,
                        prep_objects, subject)
from .modality import date_entities, modality

FIRST_PERSON = frozenset("we i us our my ourselves".split())
SECOND_PERSON = frozenset("you your yours".split())
PHONE_WORDS = frozenset("phone telephone videoconference video telephonic".split())
PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
NEEDS_TARGET_EXCEPT = frozenset(("PROTEST", "MOBILIZE"))
MATERIAL = frozenset("PROTEST COERCE ASSAULT SANCTION MOBILIZE THREATEN".split())
MILITARY_MODS = frozenset("air artillery missile drone rocket aerial military naval retaliatory precision "
                          "airstrike bombing".split())
DEEP_PREPS = ("with", "between", "to", "against", "on", "from", "in", "around", "near", "along", "including")
# verbal acts whose missing recipient is, in a two-party article, the other party
DYAD_TYPES = frozenset("REJECT ACCUSE SUPPORT REQUEST AGREE".split())
# types that stay meaningful inside one country (others need two different countries)
DOMESTIC_OK = frozenset("COERCE ASSAULT PROTEST CONCEDE RETREAT MOBILIZE".split())
SPEECH = frozenset("say declare state insist reiterate stress warn conclude tell add announce "
                   "argue remind write note emphasize emphasise underline maintain".split())
MUST = L.Sense("V", "must", (), "100", "REQUEST", None, "must", 0.7)
# clause positions that make a trigger background rather than the news ("after the attack")
BACKGROUND_MARKS = frozenset("after since because following before despite amid as while when".split())
MODIFIER_DEPS = frozenset(("amod", "compound", "nmod", "npadvmod", "poss"))
NEUTRAL_VERBS = frozenset().union(*(L.LIGHT[k] for k in ("hold", "pay", "give", "sign", "reach", "express",
                                                          "provide", "launch", "stage", "invite", "lodge"))) \
    | {"make", "take", "carry", "go", "do"}
IRREGULAR = {"sworn": "swear", "swore": "swear", "struck": "strike", "shot": "shoot", "held": "hold",
             "met": "meet", "fought": "fight", "sent": "send", "gave": "give", "given": "give",
             "took": "take", "taken": "take", "withdrew": "withdraw", "withdrawn": "withdraw",
             "froze": "freeze", "frozen": "freeze", "sought": "seek", "overran": "overrun",
             "beaten": "beat", "broke": "break", "broken": "break", "spoke": "speak", "spoken": "speak",
             "paid": "pay", "made": "make", "flew": "fly", "flown": "fly", "undertook": "undertake",
             "undertaken": "undertake", "forgave": "forgive", "forgiven": "forgive", "laid": "lay",
             "rebuffed": "rebuff", "vetoed": "veto", "ambushed": "ambush", "shelled": "shell"}
DEMAND_NOUNS = frozenset("demand reminder warning call insistence statement declaration".split())


@dataclass
class Candidate:
    sense: L.Sense
    tok: Token
    light: Optional[Token]
    code: str
    ptype: str
    mode: Optional[str]
    conf: float
    source: Optional[Party] = None
    target: Optional[Party] = None
    when: str = "reported"
    date: Optional[str] = None
    place: Optional[Token] = None      # a place named for the event ("in Astana", "visited Astana")
    oriented: bool = False             # direction read from the place (visitor -> host)
    suppressed: bool = False
    tconf: float = 0.0                 # confidence in the event type alone (no actor penalties)
    notes: list = field(default_factory=list)

    @property
    def sent(self) -> Span:
        return self.tok.sent


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
    """The object's lemma plus what a measure word stands for ("700 kg of medicine", "state of emergency")."""
    out = {o.lemma_.lower()}
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
    if n.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "nsubj") and n.head.pos_ in ("VERB", "AUX"):
        return n.head
    if n.dep_ == "pobj" and n.head.dep_ in ("prep", "agent") and n.head.head.pos_ == "VERB":
        return n.head.head
    return None


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
                            o.lemma_.lower() not in ("delegation", "guest", "counterpart"):
                        return False
                    continue
                if val in L.CLASSES:
                    if not words & L.CLASSES[val] and not (
                            val == "PERSONS" and words & {"delegation", "guest"}):
                        return False
                elif not words & set(val.split("/")):
                    return False
            elif name == "prep":
                if not any(c.dep_ == "prep" and c.lower_ == val for c in tok.children):
                    return False
            elif name == "light":
                if not in_light(light, val):
                    return False
            elif name == "subj":
                sj = subject(tok if light is None else light)
                if sj is None:
                    return False
                civil_norp = val == "CIVIL" and sj.ent_type_ == "NORP" and sj.tag_ in ("NNPS", "NNS")
                if sj.lemma_.lower() not in L.CLASSES[val] and not civil_norp:
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
                if c.dep_ in ("prt", "prep"):
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
                    if t.i in by_tok and t.i != c.tok.i:
                        out.append(by_tok[t.i])
                    if ch.dep_ in ("xcomp", "ccomp", "advcl"):
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
    return out


# ---------------------------------------------------------------------------
# arguments per frame

def _place_tokens(tok: Token) -> list[Token]:
    """Place names attached to a trigger: its object when it is a place, or 'in/to X'."""
    out = []
    for c in [child(tok, "dobj")] + [o for _, o in prep_objects(tok, ("to", "in", "at"))]:
        if c is not None and c.ent_type_ in PLACE_LABELS:
            out.append(c)
    return out


class Resolver:
    def __init__(self, doc: Doc, idx: ActorIndex, dateline: dict):
        self.doc = doc
        self.idx = idx
        self.dateline = dateline or {}
        self.quotes = [q for q in (doc._.quotes or []) if getattr(q, "direct", False)]

    # quotes: "we" is the speaker, "you" the other side of the dyad
    def _quote_party(self, t: Token) -> Optional[Party]:
        lw = t.lower_
        if lw not in FIRST_PERSON and lw not in SECOND_PERSON:
            return None
        for q in self.quotes:
            if q.start <= t.idx < q.end and q.speaker and q.speaker.actor:
                a = self.idx.table.get(q.speaker.actor)
                sp = Party(q.speaker.actor, getattr(a, "country", None) or q.speaker.country,
                           getattr(a, "cameo", None), q.speaker.name, getattr(a, "kind", None), t.i, "pron")
                if lw in FIRST_PERSON:
                    return sp
                if self.idx.dyad is not None:
                    a0, b0 = self.idx.dyad
                    if sp.country and a0.country == sp.country:
                        return b0
                    if sp.country and b0.country == sp.country:
                        return a0
        return None

    def parties(self, tok: Optional[Token], exclude=()) -> list[Party]:
        if tok is None:
            return []
        qp = self._quote_party(tok)
        if qp is not None:
            return [qp]
        d = self.idx.dyad_for(tok)
        if d is not None:
            return [Party(p.key, p.country, p.cameo, p.name, p.kind, tok.i, "dyad") for p in d]
        np_poss = None
        # "your country", "our citizens"
        for c in tok.children:
            if c.dep_ == "poss":
                np_poss = self._quote_party(c)
        if np_poss is not None and self.idx.in_np(tok) is None:
            return [np_poss]
        return self.idx.parties(tok, exclude)

    def first(self, toks, exclude=()) -> Optional[Party]:
        toks = [t for t in toks if t is not None]
        for t in toks:
            ps = self.parties(t, exclude)
            if ps:
                return ps[0]
        # "break off relations with X", "restrictions on imports from X": the object's own phrases
        frontier = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
        for depth in range(3):
            nxt = []
            preps = DEEP_PREPS if depth == 0 else DEEP_PREPS + ("of",)
            for t in frontier:
                for _, o in prep_objects(t, preps):
                    ps = self.parties(o, exclude)
                    if ps:
                        return ps[0]
                    nxt.append(o)
            frontier = nxt
        return None

    def place_party(self, tok: Token) -> Optional[Party]:
        ps = self.idx.parties(tok)
        if ps:
            return ps[0]
        from . import adapters
        loc = adapters.locate(tok.text) if tok.ent_type_ in PLACE_LABELS else None
        if loc is not None and loc.country:
            return Party(None, loc.country, loc.country, tok.text, "country", tok.i, "place")
        return None

    def resolve(self, c: Candidate) -> None:
        s, tok, light = c.sense, c.tok, c.light
        frame = s.frame
        if s.kind in ("V", "A"):
            subj_tok = subject(tok)
            objs = object_tokens(tok)
            if c.ptype in ("ASSAULT", "COERCE", "MOBILIZE"):
                objs = objs + [o for _, o in prep_objects(tok, ("in", "inside"))]
            if s.frame == "sv" and c.ptype == "SUPPORT" and c.code == "051":
                objs = [o for o in objs if o.dep_ != "pobj" or o.head.lower_ not in ("for",)]
        else:
            subj_tok, objs = self._noun_args(tok, light)
        if frame == "none":
            c.conf = 0.0
            return
        if frame == "must":
            c.source = self.first([subject(tok.head)])
            ex = [c.source.key] if c.source and c.source.key else []
            c.target = self.first([child(tok, "nsubj", "nsubjpass")], ex)
            return
        if frame == "host":
            guest = direct_object(tok) if s.kind == "V" else None
            host = subject(tok) if s.kind == "V" else subj_tok
            c.source = self.first([guest]) if guest is not None else None
            c.target = self.first([host], exclude=[c.source.key] if c.source and c.source.key else ())
            return
        if frame == "from":
            src = [o for p, o in prep_objects(tok, ("from",))]
            c.source = self.first(src)
            c.target = self.first([subj_tok])
            return
        if frame == "accept":
            c.source = self.first([subj_tok])
            ex = [c.source.key] if c.source and c.source.key else []
            inviter = [ch for ch in tok.children if ch.dep_ == "poss"] + \
                      [o for _, o in prep_objects(tok, ("of", "from", "by"))]
            c.target = self.first(inviter, ex)
            if c.target is None and c.source is not None:
                c.target = self._other_in_dyad(c.source)
            return
        if frame == "visit":
            c.source = self.first([subj_tok])
            places = _place_tokens(tok) if s.kind == "V" else \
                [o for _, o in prep_objects(tok, ("to", "in"))]
            if s.kind == "N":
                # "the visit of a Malaysian minister to Uzbekistan": the parse may hang "to" on the visitor
                for _, v in prep_objects(tok, ("of", "by")):
                    places += [o for _, o in prep_objects(v, ("to",))]
            for p in places:
                pp = self.place_party(p)
                if pp is not None:
                    c.target, c.place = pp, p
                    break
            if c.target is None:
                ex = [c.source.key] if c.source and c.source.key else []
                c.target = self.first(objs, ex)
            if c.target is None and s.kind == "N":
                # "during his visit" with the host named elsewhere: leave it to dedup/other triggers
                pass
            return
        if frame in ("recip",):
            self._recip(c, subj_tok, objs)
            return
        # sv (default) and summon
        srcs = self.parties(subj_tok)
        c.source = srcs[0] if srcs else None
        ex = [p.key for p in srcs if p.key]
        if frame == "sv" and s.code == "036" and s.kind == "N":
            objs = self._invitees(tok, light) + objs
        if s.kind == "V" and s.code == "036":
            objs = [direct_object(tok)] + objs
        c.target = self.first([o for o in objs if o is not None], ex)
        if c.target is None and s.kind in ("V", "A"):
            # "demanded that Japan withdraw", "refused to renew the mandate of the UN mission"
            for ch in tok.children:
                if ch.dep_ in ("ccomp", "xcomp"):
                    sj = child(ch, "nsubj", "nsubjpass")
                    c.target = self.first([sj] if sj is not None else object_tokens(ch), ex)
                    if c.target is not None:
                        break
        if c.source is not None and len(srcs) > 1 and c.target is None and frame == "sv":
            c.target = srcs[1]
        if c.target is None and c.source is not None and c.ptype in DYAD_TYPES:
            other = self._other_in_dyad(c.source)
            if other is not None:
                c.target = Party(other.key, other.country, other.cameo, other.name, other.kind, tok.i, "dyad")

    def _invitees(self, noun: Token, light: Optional[Token]) -> list[Token]:
        out = []
        for h in (noun, light):
            if h is None:
                continue
            for ch in h.children:
                if ch.dep_ in ("acl", "advcl", "relcl", "xcomp"):
                    sj = child(ch, "nsubj")
                    if sj is not None:
                        out.append(sj)
            out.extend(o for _, o in prep_objects(h, ("to", "for")) if o.pos_ in ("PROPN", "PRON", "NOUN"))
        return out

    def _noun_args(self, noun: Token, light: Optional[Token]) -> tuple[Optional[Token], list[Token]]:
        subj_tok = None
        if noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "mediation mission between X and Y"
            light = light or _light_verb(noun)
        if light is not None:
            subj_tok = subject(light)
        elif noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            subj_tok = subject(noun.head)
        for ch in noun.children:
            if ch.dep_ == "poss":
                subj_tok = subj_tok or ch
        for p, o in prep_objects(noun, ("of", "by")):
            if subj_tok is None and (p == "by" or o.ent_type_ not in PLACE_LABELS or self.idx.in_np(o)):
                subj_tok = o
        if subj_tok is None and light is None and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            # "X is on a visit to Y", "X arrived on a visit", "X, who is on a visit"
            v = noun.head.head
            if v.pos_ in ("VERB", "AUX"):
                subj_tok = subject(v)
        objs = [o for _, o in prep_objects(noun, ("between", "with", "to", "on", "against", "for", "among"))]
        if light is not None:
            objs += object_tokens(light, ("to", "with", "on", "against", "for", "upon"))
            objs = [o for o in objs if o.i != noun.i]
        return subj_tok, objs

    def _other_in_dyad(self, p: Party) -> Optional[Party]:
        if self.idx.dyad is None:
            return None
        a, b = self.idx.dyad
        if p.ident and a.ident == p.ident:
            return b
        if p.ident and b.ident == p.ident:
            return a
        return None

    def _recip(self, c: Candidate, subj_tok: Optional[Token], objs: list[Token]) -> None:
        members: list[Party] = []

        def add(ps):
            for p in ps:
                if all(p.key != q.key or (p.key is None and p.ident != q.ident) for q in members):
                    members.append(p)

        add(self.parties(subj_tok))
        for o in objs:
            add(self.parties(o, [m.key for m in members if m.key]))
        if len(members) < 2:
            for o in objs:
                if o.pos_ == "NOUN":
                    for _, g in prep_objects(o, ("with", "between", "among")):
                        add(self.parties(g, [m.key for m in members if m.key]))
        if c.sense.kind == "N":
            # "Kazakh-Omani talks": actors among the noun's modifiers
            for ch in c.tok.lefts:
                if ch.dep_ in ("amod", "compound", "nmod"):
                    m = self.idx.mention_at(ch)
                    if m is not None:
                        add([self.idx.party(m, ch.i)])
        if not members:
            return
        if len(members) == 1:
            c.source = members[0]
            return
        a, b = members[0], members[1]
        # pick two members from different countries if possible
        for x in members[1:]:
            if x.ident != a.ident:
                b = x
                break
        host_country = self._host_country(c)
        orgs = [self.idx.is_org(m.country) for m in (a, b)]
        if host_country and host_country not in (a.country, b.country) and orgs.count(True) == 1:
            # a visit to an international organisation at its seat: the organisation hosts
            if orgs[0]:
                a, b = b, a
            c.oriented = True
        elif host_country:
            if a.country == host_country and b.country != host_country:
                a, b = b, a
                c.oriented = True
            elif b.country == host_country and a.country != host_country:
                c.oriented = True
        c.source, c.target = a, b

    def _host_country(self, c: Candidate) -> Optional[str]:
        for h in (c.tok, c.light):
            if h is None:
                continue
            for p in _place_tokens(h):
                pp = self.place_party(p)
                if pp is not None and pp.country:
                    c.place = p
                    return pp.country
        if c.when == "reported":
            return self.dateline.get("country")
        return None


# ---------------------------------------------------------------------------

def detect(doc: Doc, idx: Optional[ActorIndex] = None) -> list[Candidate]:
    """All event candidates of a Doc, in text order, with arguments, modality and confidence."""
    idx = idx or ActorIndex(doc)
    dl = doc._.dateline or {}
    anchor = dl.get("date") or (doc._.meta or {}).get("published")
    matcher = Matcher(idx)
    res = Resolver(doc, idx, dl)
    out: list[Candidate] = []
    dates = date_entities(doc)
    for sent in doc.sents:
        cands: list[Candidate] = []
        for tok in sent:
            m = matcher.match(tok)
            if m is None:
                continue
            s, light = m
            cands.append(Candidate(s, tok, light, s.code, s.ptype, s.mode, s.conf))
        by_tok = {c.tok.i: c for c in cands}
        # statements ("declined to comment", "expressed concern about the talks", "claimed
        # responsibility for the attack") are not events, and neither is what they are about
        for c in cands:
            if c.sense.frame == "stmt":
                c.suppressed = True
                for t in _own_subtree(c.tok):
                    if t.i in by_tok and t.i != c.tok.i:
                        by_tok[t.i].suppressed = True
        # a noun used as a light-verb object of another trigger is not separate ("signed ... agreement")
        for c in cands:
            if c.light is not None and c.light.i in by_tok and by_tok[c.light.i].sense.frame != "must":
                by_tok[c.light.i].suppressed = True
        for c in cands:
            if c.suppressed:
                continue
            c.when, c.date = modality(c.tok, c.light, anchor, dates.get(sent.start, []))
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
            if c.suppressed:
                continue
            # the purpose of a material act is not a separate event ("blocked roads to demand ...")
            heads = [c.tok, c.light or _light_verb(c.tok)]
            for h in heads:
                if h is None:
                    continue
                for ch in h.children:
                    if ch.dep_ in ("advcl", "acl", "xcomp") and _is_purpose(ch) and ch.i in by_tok and \
                            by_tok[ch.i].ptype in (("REQUEST", "ACCUSE") if c.ptype in MATERIAL else ("SUPPORT",)) \
                            and c.ptype not in L.CONTENT_TAKERS:
                        by_tok[ch.i].suppressed = True
        for c in cands:
            if c.suppressed:
                continue
            for inner in _inner_triggers(c, by_tok):
                if inner.suppressed or inner is c:
                    continue
                if c.ptype in L.CONTENT_TAKERS or c.sense.kind == "V" and inner.sense.kind == "N" \
                        and inner.tok.dep_ in ("dobj", "nsubjpass", "pobj"):
                    inner.suppressed = True
                    res.resolve(inner)
                    if c.ptype in L.CONTENT_TAKERS:
                        _refine(c, inner)
        for c in cands:
            if c.suppressed:
                continue
            tgt_before = c.target
            res.resolve(c)
            if c.target is None and tgt_before is not None:
                c.target = tgt_before
            _finish(c, idx, anchor)
            if c.conf > 0:
                out.append(c)
                if idx.dyad is None and c.source is not None and c.target is not None and \
                        c.source.country and c.target.country and c.source.country != c.target.country:
                    idx.dyad = (c.source, c.target)
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
            f = min(f, 0.65)
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


def _finish(c: Candidate, idx: ActorIndex, anchor: Optional[str]) -> None:
    # direction read from the place: a symmetric meeting becomes a visit (visitor -> host)
    if c.ptype == "CONSULT" and c.oriented and c.code in ("040", "046") and c.mode is None:
        c.code, c.mode = "042", "visit"
    _convert(c)
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
