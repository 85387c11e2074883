"""Reading source and target for each argument frame (subject/object, host, visit, reciprocal ...)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from . import lexicon as L
from .arguments import (DYAD_NOUNS, ActorIndex, Party, child, conjuncts, direct_object, object_tokens,  # noqa: F401
                        prep_objects, subject)
from .candidate import (FIRST_PERSON, SECOND_PERSON, PLACE_LABELS, DEEP_PREPS, DYAD_TYPES, Candidate)
from .matching import _light_verb  # noqa: F401

# ---------------------------------------------------------------------------
# arguments per frame

def _place_tokens(tok: Token) -> list[Token]:
    """Place names attached to a trigger: its object when it is a place, or 'in/to X'."""
    out = []
    for c in [child(tok, "dobj")] + [o for _, o in prep_objects(tok, ("to", "in", "at"))]:
        if c is not None and c.ent_type_ in PLACE_LABELS:
            out.append(c)
    return out


def _remote(c: Candidate) -> bool:
    t = c.light or c.tok
    words = {x.lemma_.lower() for x in t.subtree} | {x.lemma_.lower() for x in c.tok.subtree}
    return bool(words & {"phone", "telephone", "video", "videoconference", "virtual", "online", "videolink"})


_UNNAMED_GROUPS = frozenset("country state nation government world community party side leader everyone "
                            "neighbour neighbor member".split())


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
        fallback = None
        for t in toks:
            ps = self.parties(t, exclude)
            if ps and ps[0].country:
                return ps[0]
            if ps and fallback is None:
                # a party without a country ("two Patriot air defence systems" read as a person):
                # kept only when no argument names a country
                fallback = ps[0]
        if fallback is not None:
            return fallback
        # "break off relations with X", "restrictions on imports from X": the object's own phrases
        # (a gerund with a determiner is a noun: "the Torkham crossing with Afghanistan")
        frontier = [t for t in toks if t.pos_ in ("NOUN", "PROPN") or
                    t.dep_ == "pobj" and any(d.dep_ == "det" for d in t.children)]
        for depth in range(3):
            nxt = []
            preps = DEEP_PREPS + ("of",)
            for t in frontier:
                for _, o in prep_objects(t, preps):
                    ps = self.parties(o, exclude)
                    if ps:
                        return ps[0]
                    nxt.append(o)
                for v in t.children:
                    # "restrictions imposed by France": the agent of the participle on the noun
                    if v.dep_ == "acl" and v.tag_ == "VBN":
                        for _, o in prep_objects(v, ("by",)):
                            ps = self.parties(o, exclude)
                            if ps:
                                return ps[0]
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

    def crowd_source(self, c: Candidate) -> Optional[Party]:
        """Protesters without a named nationality: the people of the place where they protest
        ("hundreds rallied outside the Chinese embassy in Manila"), else of the dateline.  Also
        the agent of an agentless expulsion ("the advisers in New Delhi were declared persona non
        grata"): the country the diplomats are expelled from."""
        tgt = c.target.country if c.target is not None else None
        for t in c.sent:
            if t.ent_type_ in PLACE_LABELS and t.ent_iob_ == "B" and (t.head is c.tok or c.tok in t.ancestors):
                pp = self.place_party(t)
                if pp is not None and pp.country and pp.country != tgt and pp.key is None:
                    return pp
        dc = self.dateline.get("country")
        if c.when == "reported" and dc and dc != tgt:
            return Party(None, dc, dc, self.dateline.get("place") or dc, "country", c.tok.i, "place")
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
            if ("from_actor", "") in s.conds:
                # "a pledge from France": the giver is the from-phrase, not the clause's subject
                subj_tok = next((o for _, o in prep_objects(tok, ("from",)) if self.parties(o)), subj_tok)
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
            if guest is None and s.kind == "N" and light is not None:
                # "gave Putin a red-carpet welcome", "gave a warm welcome to the emir"
                guest = child(light, "dative") if child(light, "dative") is not None and \
                    child(light, "dative").pos_ != "ADP" else next(
                        (o for p, o in prep_objects(light, ("to",)) + prep_objects(tok, ("to", "for"))), None)
            host = subject(tok) if s.kind == "V" else subj_tok
            guests = self.parties(guest) if guest is not None else []
            c.source = guests[0] if guests else (self.first([guest]) if guest is not None else None)
            c.target = self.first([host], exclude=[c.source.key] if c.source and c.source.key else ())
            if c.target is not None and guest is not None and len(conjuncts(guest)) > 1 and all(g.how not in ("dyad", "pron") for g in guests):
                # "hosted Russian President X and North Korean leader Y": one visit per guest
                c.also = [(g, c.target) for g in guests[1:] if g.country and g.country not in
                          (c.target.country, c.source.country)]
            return
        if frame == "from":
            src = [o for p, o in prep_objects(tok, ("from",))]
            if s.kind == "V" and child(tok, "dobj") is not None:
                # "received a phone call from King X": the parser hangs the from-phrase on the object
                src += [o for p, o in prep_objects(child(tok, "dobj"), ("from",))]
            c.source = self.first(src)
            c.target = self.first([subj_tok])
            return
        if frame == "cargo":
            # "a shipment of medical supplies from the UAE reached Myanmar": the sender named in the
            # cargo's from-phrase, the receiver where it arrived
            c.source = self.first([o for t in (subj_tok.subtree if subj_tok is not None else ())
                                   if t.dep_ == "prep" and t.lower_ == "from" for o in t.children if o.dep_ == "pobj"])
            ex = [c.source.key] if c.source and c.source.key else []
            for p in _place_tokens(tok) + objs:
                pp = self.place_party(p) if p.ent_type_ in PLACE_LABELS else None
                pp = pp or self.first([p], ex)
                if pp is not None and (c.source is None or pp.country != c.source.country):
                    c.target = pp
                    break
            return
        if frame == "accept":
            c.source = self.first([subj_tok])
            ex = [c.source.key] if c.source and c.source.key else []
            inviter = [ch for ch in tok.children if ch.dep_ == "poss"] + \
                      [o for _, o in prep_objects(tok, ("of", "from", "by"))] + \
                      [o for a in tok.children if a.dep_ == "acl" for _, o in prep_objects(a, ("from",))]
            # ("an invitation to visit Laos from his Lao counterpart": the parse hangs it on the visit)
            c.target = self.first(inviter, ex)
            if c.target is None and c.source is not None:
                c.target = self._other_in_dyad(c.source)
            return
        if frame == "visit":
            if subj_tok is None and s.kind == "V" and child(tok, "agent") is None:
                subj_tok = child(tok, "nsubjpass")  # "X is expected in Muscat"
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
                if ch.dep_ in ("ccomp", "xcomp") or ch.dep_ == "advcl" and ch.tag_ == "VBG" and \
                        c.ptype in ("REJECT", "AGREE", "REQUEST", "THREATEN") and \
                        not any(m.dep_ in ("mark", "nsubj") for m in ch.children):
                    sj = child(ch, "nsubj", "nsubjpass")
                    c.target = self.first([sj] if sj is not None else object_tokens(ch), ex)
                    if c.target is not None and c.source is not None and c.target.country == c.source.country:
                        c.target = None  # "X warned that X would take all measures": not the recipient
                    if c.target is None and c.ptype == "THREATEN" and sj is not None and c.source is not None:
                        # "warned that it would respond firmly to any restrictions imposed by France"
                        c.target = self.first([o for _, o in prep_objects(ch, ("to", "against"))], ex)
                        if c.target is not None and c.target.country == c.source.country:
                            c.target = None
                    if c.target is not None:
                        break
        if c.target is None and c.ptype in ("AGREE", "AID", "SUPPORT"):
            # "pledged 5 billion yen to help Bangladesh build schools": the beneficiary of the purpose
            # ("a pledge from France to help modernise Indonesia's navy": the noun's own infinitive)
            for ch in tok.children:
                if (ch.dep_ in ("advcl", "xcomp") or ch.dep_ == "acl" and s.kind == "N") and \
                        any(a.lower_ == "to" for a in ch.children):
                    inner = child(ch, "ccomp", "xcomp")  # "to help Bangladesh build schools"
                    c.target = self.first([child(ch, "dobj"), child(ch, "dative"),
                                           child(inner, "nsubj") if inner is not None else None,
                                           child(inner, "dobj") if inner is not None and s.kind == "N" else None], ex)
                    if c.target is not None:
                        break
        if c.target is None and c.source is not None and c.ptype == "AID" and s.kind == "V":
            # "approved a credit line for Ukraine", "a loan to Kenya": the beneficiary on the aid itself
            t = self.first([o for d in object_tokens(tok, ()) for _, o in prep_objects(d, ("to", "for"))], ex)
            if t is not None and t.country and t.country != c.source.country:
                c.target = t
        if c.target is None and c.source is not None and c.ptype == "AID" and s.kind == "V":
            # "sent a convoy to the Maktaaral district": the country of the place the aid went to,
            # else (a place the gazetteer does not know) the other party of a two-party article
            # "sent two planes loaded with medical supplies to Libya": the parser may hang the
            # destination on the vehicle's participle
            carried = [child(t, "pobj") for ob in object_tokens(tok, ()) for v in ob.children
                       if v.dep_ == "acl" and v.tag_ in ("VBN", "VBG")
                       for t in v.subtree if t.dep_ == "prep" and t.lower_ == "to" and child(t, "pobj") is not None]
            for p_, o in prep_objects(tok, ("to", "in")) + [("to", o2) for o2 in carried]:
                if p_ == "in":
                    # "deposited two billion dollars in the central bank of Egypt": an institution
                    ps = [q for q in self.parties(o) if q.country and q.country != c.source.country]
                    if ps and self.idx.in_np(o) is not None:
                        c.target = ps[0]
                        break
                    continue
                for t in o.subtree:
                    if t.ent_type_ in PLACE_LABELS and t.ent_iob_ == "B":
                        pp = self.place_party(t)
                        if pp is not None and pp.country and pp.country != c.source.country:
                            c.target, c.place = pp, t
                            break
                if c.target is None and o.pos_ in ("NOUN", "PROPN"):
                    other = self._other_in_dyad(c.source)
                    if other is not None:
                        c.target = Party(other.key, other.country, other.cameo, other.name, other.kind, tok.i, "dyad")
                break
        if c.target is None and c.source is not None and c.ptype in ("ASSAULT", "COERCE") and s.kind == "V":
            # "drones struck the port of Izmail": the country of the place attacked
            for o in objs:
                for t in o.subtree:
                    if t.ent_type_ in PLACE_LABELS and t.ent_iob_ == "B":
                        pp = self.place_party(t)
                        if pp is not None and pp.country and pp.country != c.source.country:
                            c.target = pp
                            break
                if c.target is not None:
                    break
        if c.target is None and c.source is not None and c.ptype == "ASSAULT" and s.kind == "N" and light is not None:
            # "launched a wave of drones at Russian oil refineries": what the launch was aimed at
            heads = [light] + [o for o in light.children if o.dep_ == "dobj"]
            t = self.first([o for h in heads for _, o in prep_objects(h, ("at", "on", "against", "into"))], ex)
            if t is not None and t.country and t.country != c.source.country:
                c.target = t
        if c.target is None and c.mode == "withdraw" and s.kind == "N":
            # "the withdrawal of French troops from Chad": the country left
            ex2 = ex + ([c.source.key] if c.source is not None and c.source.key else [])
            c.target = self.first([o for _, o in prep_objects(tok, ("from",))], ex2)
        if c.target is None and c.source is not None and c.ptype == "ASSAULT" and s.kind == "N" and \
                tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
            # "a drone attack set fire to a refinery in Russia's Ryazan region": what the attack hit
            t = self.first(object_tokens(tok.head, ("to", "on", "at", "in")), ex)
            if t is not None and t.country and t.country != c.source.country:
                c.target = t
        if c.target is None and c.source is not None and c.ptype in ("MOBILIZE", "THREATEN"):
            # "put its air force on alert after Russian drones entered its airspace", "vowed to
            # retaliate after South Korea resumed broadcasts": aimed at the party whose act prompted it
            for h in (tok, light):
                for ch in (h.children if h is not None else ()):
                    if ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("after", "as", "following")
                                                  for m in ch.children):
                        ps = self.parties(child(ch, "nsubj"), ex)  # the agent itself, not a place in its phrase
                        t = ps[0] if ps else None
                        if t is not None and t.country and t.country != c.source.country:
                            c.target = t
                            break
        if c.source is not None and len(srcs) > 1 and c.target is not None and frame == "sv" and \
                (all(p.how not in ("dyad", "pron") for p in srcs) and len(conjuncts(subj_tok)) > 1 or
                 # "the two ministers called on the EU": each of the pair, towards a third party
                 all(p.how in ("pair", "dyad") for p in srcs) and
                 c.target.country not in {p.country for p in srcs}):
            # "Spain, Ireland and Norway recognised Palestine": each subject's own act
            seen = {c.source.country, c.target.country}
            for p in srcs[1:]:
                if p.country and p.country not in seen:
                    seen.add(p.country)
                    c.also.append((p, c.target))
        if c.source is not None and len(srcs) > 1 and c.target is None and frame == "sv" and \
                not all(p.how == "pair" for p in srcs):
            c.target = srcs[1]
        indefinite = s.kind == "V" and (
            any(o.dep_ == "dobj" and o.pos_ == "PRON" and o.lower_ not in ("him", "her", "them", "it", "you", "us")
                for o in tok.children) or
            # "called on downstream countries", "urged the world": an unnamed group, not the other party
            any(o.lemma_.lower() in _UNNAMED_GROUPS and not self.idx.parties(o) and self.idx.dyad_for(o) is None
                for o in objs))
        if indefinite:
            c.notes.append("indefinite")
        if c.target is None and c.source is not None and c.ptype in DYAD_TYPES and c.mode != "investigate" \
                and not indefinite:  # "thanked everyone who ...": nobody of the other side in particular
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
        extra = []
        for p, o in prep_objects(noun, ("of", "by")):
            if p == "of" and o.pos_ == "NOUN" and o.lemma_.lower() in L.CLASSES["AGREEMENT"] and \
                    not self.idx.in_np(o):
                # "the signing of a pact between X and Y": the document, whose parties are its own
                extra += [g for _, g in prep_objects(o, ("between", "with", "among"))]
                continue
            if subj_tok is None and (p == "by" or o.ent_type_ not in PLACE_LABELS or self.idx.in_np(o)):
                subj_tok = o
            elif p == "of":
                # "Pakistan's closure of the crossing with Afghanistan", "Russia's invasion of Ukraine"
                extra.append(o)
        if subj_tok is None and light is None and noun.dep_ == "pobj" and noun.head.lower_ == "for" and \
                noun.head.head.pos_ in ("NOUN", "PROPN") and self.idx.in_np(noun.head.head) is not None:
            # headline style: "Peruvian foreign minister in Quito for talks"
            subj_tok = noun.head.head
        if subj_tok is None and light is None:
            # "a Ukrainian drone attack", "Russian strikes": the demonym of the act itself
            for ch in noun.children:
                if ch.dep_ == "amod" and ch.i < noun.i and self.idx.mention_at(ch) is not None:
                    subj_tok = ch
                    break
        if subj_tok is None and light is None and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            # "X is on a visit to Y", "X arrived on a visit", "X, who is on a visit"
            v = noun.head.head
            if v.pos_ in ("VERB", "AUX"):
                subj_tok = subject(v)
                if subj_tok is None and child(v, "agent") is None:
                    subj_tok = child(v, "nsubjpass")  # "X is expected in Muscat for talks"
        objs = [o for _, o in prep_objects(noun, ("between", "with", "to", "on", "against", "for", "among"))]
        objs += extra
        if light is not None:
            objs += object_tokens(light, ("to", "with", "on", "against", "for", "upon"))
            objs = [o for o in objs if o.i != noun.i]
            if subj_tok is None and any(c.dep_ == "auxpass" for c in light.children):
                # "Sanctions were imposed on four officials by Canada": the parser may hang the
                # passive agent on the object's phrase instead of the verb
                for t in light.subtree:
                    if t.dep_ == "prep" and t.lower_ == "by" and t.head.i != light.i:
                        o = child(t, "pobj")
                        if o is not None and self.parties(o):
                            subj_tok = o
                            break
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
            # "between Iran's top official Ali X and Saudi adviser Y": the parser may hang the second
            # party on the first one's apposition
            for o in objs:
                for ap in o.children:
                    if ap.dep_ == "appos":
                        for g in conjuncts(ap)[1:]:
                            add(self.parties(g, [m.key for m in members if m.key]))
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
        subjects = [subj_tok] + [t for t in subj_tok.head.children if t.dep_ == "nsubj" and t is not subj_tok] \
            if subj_tok is not None else []
        if len(members) < 2 and self.idx.dyad is not None and subj_tok is not None and \
                subj_tok.lower_ in ("they", "both"):
            # "They will speak again": a plural pronoun of a meeting is the article's pair
            members = [Party(p.key, p.country, p.cameo, p.name, p.kind, subj_tok.i, "dyad") for p in self.idx.dyad]
        if not members and self.idx.dyad is not None and any(
                t.tag_ == "NNS" and t.lemma_.lower() in DYAD_NOUNS | {"chair", "co-chair", "signatory"}
                for t in subjects):
            # "ministers signed three documents", "the co-chairs signed a protocol": the article's pair
            members = [Party(p.key, p.country, p.cameo, p.name, p.kind, subj_tok.i, "dyad") for p in self.idx.dyad]
        if not members:
            return
        if len(members) == 1:
            c.source = members[0]
            if c.sense.kind == "N" and c.tok.dep_ == "pobj" and c.tok.head.lower_ == "for" and \
                    subj_tok is not None and subj_tok.i == c.tok.head.head.i:
                # headline style: "Peruvian foreign minister in Quito for talks": a visit to the place
                for _, p in prep_objects(subj_tok, ("in", "at")):
                    pp = self.place_party(p) if p.ent_type_ in PLACE_LABELS else None
                    if pp is not None and pp.country and pp.country != members[0].country:
                        c.target, c.place, c.oriented = pp, p, True
                        c.code, c.mode = "042", "visit"
                        break
            return
        a, b = members[0], members[1]
        # pick two members from different countries if possible
        for x in members[1:]:
            if x.ident != a.ident:
                b = x
                break
        # a call or a video conference has no host: the caller (the subject) stays the source
        host_country = None if c.mode == "phone" or _remote(c) else self._host_country(c)
        if len({m.country for m in members if m.country}) > 2 and c.place is None:
            host_country = None  # three or more leaders "took part in the meeting": a summit, not a visit
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
            # "talks with his Thai counterpart in Bangkok": the parser may hang the place on the partner
            partners = [o for _, o in prep_objects(h, ("with",))]
            for p in _place_tokens(h) + [q for o in partners for _, q in prep_objects(o, ("in",))
                                          if q.ent_type_ in PLACE_LABELS]:
                pp = self.place_party(p)
                if pp is not None and pp.country:
                    c.place = p
                    return pp.country
        if c.when == "reported" and not (c.code == "057" and not self.idx.met):
            # the dateline orients meetings (the visitor travelled to where the story is filed) and
            # what is signed during them; "ROME. Italy and Albania signed ...", with no visit told
            # before, is a signing of both parties in their order, not a visit
            return self.dateline.get("country")
        return None


