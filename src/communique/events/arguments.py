"""Who did it to whom: map the arguments of a trigger to actors.

`ActorIndex` maps tokens to the actor mentions found by the actors component
(``doc._.actor_mentions`` / ``doc._.actor_table``).  When that component has not
produced anything it falls back to named entities (no country then), so the
structure of the coder can still be exercised.

Argument helpers follow the dependency parse: subjects (inherited through
conjunction, control and adverbial clauses, relative pronouns), objects,
passive agents, and prepositional phrases ("with", "to", "between X and Y").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..actors_pronouns import its_owner
from ..model import Actor, Mention

RELATIVE = frozenset("who which that whom whose".split())
_OFFICIALS = frozenset("minister ambassador envoy diplomat official officer leader premier "
                       "representative delegation spokesperson navy coastguard police".split())
PERSONAL_PRON = {"he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
                 "they": "any", "them": "any", "their": "any", "it": "group", "its": "group"}
INSTITUTIONS = frozenset("ministry government president office spokesman spokeswoman spokesperson "
                         "chancellor premier cabinet embassy king emir sultan presidency administration "
                         "kremlin army military".split())
DYAD_NOUNS = frozenset("side country party interlocutor leader minister delegation counterpart "
                       "nation state president head government ministry neighbour neighbor".split())
# dependency labels followed when looking for an actor inside a noun phrase
_NP_DEPS = frozenset("compound poss amod nmod appos flat nummod det case punct prep pobj npadvmod".split())
_NP_PREPS = frozenset(("of",))
TARGET_PREPS = ("with", "to", "on", "upon", "against", "at", "toward", "towards", "into", "for", "over",
                "outside", "around", "near", "along", "from")
KB_LABELS = frozenset(("NORP", "GPE"))


@dataclass(frozen=True)
class Party:
    key: Optional[str]         # actor key in doc._.actor_table (None: a place's country only)
    country: Optional[str]
    cameo: Optional[str]
    name: Optional[str]
    kind: Optional[str]
    token: int                 # token index the party was read from
    how: str = "dep"           # dep | pron | dyad | place | np

    @property
    def ident(self) -> str:
        return self.country or self.key or self.name or ""


class ActorIndex:
    """Token -> mention lookup for one Doc (built once per Doc)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.table: dict[str, Actor] = dict(doc._.actor_table or {})
        mentions: list[Mention] = list(doc._.actor_mentions or [])
        self.fallback = not mentions
        if self.fallback:
            mentions = self._entity_mentions(doc)
        dl = doc._.dateline or {}
        if dl.get("end") is not None:  # the dateline names where the story was filed, not an actor
            mentions = [m for m in mentions if not ((dl.get("start") or 0) <= m.start < dl["end"])]
        self.mentions = sorted(mentions, key=lambda m: m.token_start)
        self.tok2m: dict[int, Mention] = {}
        for m in self.mentions:
            for i in range(m.token_start, m.token_end):
                self.tok2m.setdefault(i, m)
        self.dyad: Optional[tuple[Party, Party]] = None
        self.met = False   # a meeting of two parties told so far (the coder sets it)
        self._kb = None

    def _entity_mentions(self, doc: Doc) -> list[Mention]:
        out = []
        for e in doc.ents:
            if e.label_ in ("GPE", "NORP", "PERSON", "ORG"):
                key = f"ent:{e.text.lower()}"
                kind = "person" if e.label_ == "PERSON" else "country" if e.label_ in ("GPE", "NORP") else "organization"
                self.table.setdefault(key, Actor(id=key, name=e.text, kind=kind))
                out.append(Mention(e.start_char, e.end_char, key, e.start, e.end, e.text, "ner", 0.5))
        return out

    # -- parties -------------------------------------------------------------
    def party(self, m: Mention, tok: int, how: str = "dep") -> Party:
        a = self.table.get(m.key)
        if a is None:
            return Party(m.key, None, None, m.text, None, tok, how)
        return Party(m.key, a.country, a.cameo, a.name, a.kind, tok, how)

    def mention_at(self, tok: Token) -> Optional[Mention]:
        return self.tok2m.get(tok.i)

    def in_np(self, tok: Token) -> Optional[Mention]:
        """The mention a noun phrase headed by `tok` refers to (head first, then its modifiers)."""
        m = self.tok2m.get(tok.i)
        if m is not None:
            return m
        best = None
        stack = [(c, 1) for c in tok.children]
        while stack:
            c, depth = stack.pop()
            if c.dep_ not in _NP_DEPS or depth > 4:
                continue
            if c.dep_ == "prep" and c.lower_ not in _NP_PREPS:
                continue
            m = self.tok2m.get(c.i)
            if m is not None:
                if best is None or (depth, abs(c.i - tok.i)) < best[0]:
                    best = ((depth, abs(c.i - tok.i)), m)
                continue
            stack.extend((g, depth + 1) for g in c.children)
        return best[1] if best else None

    def is_org(self, code: Optional[str]) -> bool:
        """Is this 'country' code an international organisation (NATO, EU, SCO...)?"""
        if not code:
            return False
        kb = self.kb()
        if kb:
            try:
                return code in kb.orgs and code not in kb.countries
            except Exception:  # noqa: BLE001
                return False
        return False

    def kb(self):
        if self._kb is None:
            try:
                from ..kb import KnowledgeBase
                self._kb = KnowledgeBase.default()
            except Exception:  # noqa: BLE001
                self._kb = False
        return self._kb

    def kb_party(self, tok: Token) -> Optional[Party]:
        """A country named by a word the actors component left alone ("the Israeli strikes")."""
        if tok.ent_type_ not in KB_LABELS and not (tok.pos_ in ("ADJ", "PROPN") and tok.text[:1].isupper()):
            return None
        if not self.kb():
            return None
        text = tok.text
        if tok.ent_type_ in KB_LABELS and tok.ent_iob_ != "O":
            span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if span is not None:
                text = span.text
        try:
            hits = [e for e in self._kb.lookup(text) if e.kind == "country"]
        except Exception:  # noqa: BLE001
            return None
        ids = sorted({e.id for e in hits})
        if len(ids) > 1:
            try:
                members = set(self._kb.un_members())
                ids = [i for i in ids if i in members] or ids
            except Exception:  # noqa: BLE001
                pass
        if len(ids) != 1:
            return None
        return Party(None, ids[0], ids[0], text, "country", tok.i, "kb")

    def _np_country(self, tok: Token) -> Optional[str]:
        for t in tok.subtree:
            if t.i == tok.i or in_dateline(t):
                continue
            m = self.tok2m.get(t.i)
            a = self.table.get(m.key) if m is not None else None
            if a is not None and a.country and a.kind in ("country",):
                return a.country
            if t.dep_ in ("poss", "amod", "compound") and t.head.i == tok.i or t.head.head.i == tok.i:
                p = self.kb_party(t)
                if p is not None:
                    return p.country
        return None

    def np_kb(self, tok: Token) -> Optional[Party]:
        p = self.kb_party(tok)
        if p is not None:
            return p
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < tok.i:
                p = self.kb_party(c)
                if p is not None:
                    return p
        return None

    def parties(self, tok: Optional[Token], exclude: Iterable[str] = ()) -> list[Party]:
        """Actors named by the phrase headed by `tok`, conjuncts expanded."""
        if tok is None:
            return []
        out: list[Party] = []
        heads = conjuncts(tok)
        if len(heads) == 1 and tok.tag_ in ("NNS", "NNPS") or self.tok2m.get(tok.i) is None:
            # "the foreign ministers of Egypt and Jordan": the conjunction sits inside the phrase
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    o = child(c, "pobj")
                    if o is not None and len(conjuncts(o)) > 1 and (
                            self.tok2m.get(o.i) is not None or self.kb_party(o) is not None):
                        heads = conjuncts(o)
        if len(heads) == 1:
            # "the Austrian and Swiss ministers": conjoined demonyms on one head
            mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
                    and any(g.dep_ == "conj" for g in c.children)]
            if mods:
                for m in conjuncts(mods[0]):
                    mm = self.tok2m.get(m.i)
                    a = self.table.get(mm.key) if mm is not None else None
                    p = self.party(mm, m.i) if a is not None and a.country else self.kb_party(m)
                    if p is not None and p.key not in exclude and all(p.ident != q.ident for q in out):
                        out.append(p)
                if len(out) > 1:
                    return out
                out = []
        for t in heads:
            p = self._one(t, set(exclude))
            if p is not None and len(heads) == 1 and self._pair_members(t, p, set(exclude)):
                return self._pair_members(t, p, set(exclude))
            if p is not None and all(p.key != q.key or p.key is None for q in out):
                out.append(p)
        return out

    def _pair_members(self, t: Token, p: Party, exclude: set) -> list[Party]:
        """"The two ministers also called on the EU": a mention of the article's pair (an actor
        of kind group whose key lists the member countries, "group:POL+UKR") acts as each member."""
        m = self.in_np(t)
        if m is None or m.how != "pair" or p.country or not (p.key or "").startswith("group:"):
            return []
        codes = (p.key.split(":", 1)[1]).split("+")
        if len(codes) < 2 or not all(len(c) >= 2 and c.isupper() for c in codes):
            return []
        out = []
        for code in codes:
            # the member's own actor named earlier (a minister of that country), else the country
            best = None
            for mm in self.mentions:
                a = self.table.get(mm.key)
                if mm.token_end > t.i or a is None or a.country != code or mm.key in exclude:
                    continue
                if best is None or (a.kind == "person") >= (self.table[best.key].kind == "person"):
                    best = mm
            if best is not None:
                q = self.party(best, t.i, "pair")
            else:
                q = Party(None, code, code, code, "country", t.i, "pair")
            out.append(q)
        return out

    def _one(self, t: Token, exclude: set) -> Optional[Party]:
        if t.lower_ in RELATIVE and t.head.dep_ in ("relcl", "acl"):
            return self._one(t.head.head, exclude)
        m = self.in_np(t)
        if m is not None and m.key not in exclude:
            p = self.party(m, t.i, "dep" if m.how != "ner" else "np")
            if p.country is None:
                # "Oman's Minister of Commerce Qais ...": the actor came without a country
                c = self._np_country(t)
                if c is not None:
                    p = Party(p.key, c, c, p.name, p.kind, p.token, p.how)
            return p
        if t.pos_ == "PRON" and t.lower_ in PERSONAL_PRON:
            return self.pronoun(t, exclude)
        if t.pos_ == "NOUN" and t.lemma_.lower() in INSTITUTIONS | _OFFICIALS:
            # "its foreign minister", "their ambassador": an official of the state the pronoun names
            poss = next((c for c in t.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
            p = self.pronoun(poss, exclude) if poss is not None else None
            if p is not None and p.country and p.kind != "person":
                return Party(p.key, p.country, p.cameo, p.name, p.kind, t.i, "pron")
        if t.pos_ == "NOUN" and t.lemma_.lower() in INSTITUTIONS and any(
                c.lower_ in ("the", "this") and c.dep_ == "det" for c in t.children):
            return self.definite(t, exclude)
        if t.lemma_.lower() in DYAD_NOUNS and self.dyad is not None and _is_plural_pair(t):
            return None  # handled by dyad()
        p = self.np_kb(t)
        if p is not None and all(p.country != self.table[k].country for k in exclude if k in self.table):
            return p
        return None

    def definite(self, t: Token, exclude: set) -> Optional[Party]:
        """'The ministry accused ...': the last actor named with that noun ("South Korea's foreign ministry")."""
        lem = t.lemma_.lower()
        for m in reversed(self.mentions):
            if m.token_end > t.i or m.key in exclude:
                continue
            if lem in m.text.lower():
                return self.party(m, t.i, "pron")
        return None

    def pronoun(self, t: Token, exclude: set) -> Optional[Party]:
        if t.dep_ == "poss" and t.lower_ in ("its", "their"):
            # "... as the Hungarian parliament ratified its membership bid": the applicant, not the decider
            m = its_owner(self.doc, t.i, self.mentions, self.table)
            if m is not None and m.key not in exclude:
                return self.party(m, t.i, "pron")
        want = PERSONAL_PRON.get(t.lower_, "any")
        if t.dep_ == "nsubj" and t.head.dep_ == "ccomp":
            # "China ... announced that it would raise its tariffs": the reporting clause's subject
            sj = subject(t.head.head)
            if sj is not None and sj.i < t.i and sj.pos_ != "PRON":
                ps = self.parties(sj, exclude)
                if ps and (want != "person") == (ps[0].kind != "person"):
                    return ps[0]
        sent_start = t.sent.start
        lo = max(0, self.doc[sent_start].sent.start - 80)
        for m in reversed(self.mentions):
            if m.token_end > t.i or m.token_start < lo:
                continue
            if m.key in exclude:
                continue
            a = self.table.get(m.key)
            kind = a.kind if a else None
            if want == "person" and kind not in ("person", None):
                continue
            if want == "group" and kind == "person":
                continue
            return self.party(m, t.i, "pron")
        return None

    def dyad_for(self, t: Optional[Token]) -> Optional[tuple[Party, Party]]:
        """'the two countries', 'both sides', 'the interlocutors' -> the article's main pair."""
        if t is None or self.dyad is None:
            return None
        if t.lemma_.lower() in DYAD_NOUNS and _is_plural_pair(t):
            return self.dyad
        return None


def _is_plural_pair(t: Token) -> bool:
    if t.tag_ not in ("NNS", "NNPS"):
        return False
    mods = {c.lower_ for c in t.children}
    return bool(mods & {"two", "both", "the"})


def conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return out


def child(tok: Token, *deps: str) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def prep_objects(tok: Token, preps: Iterable[str]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs under `tok`, in the order of `preps`."""
    found = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            o = child(c, "pobj", "pcomp")
            if o is not None:
                found.append((c.lower_, o))
    order = {p: i for i, p in enumerate(preps)}
    return sorted(found, key=lambda x: order.get(x[0], 99))


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def in_dateline(tok: Token) -> bool:
    """Is the token part of the dateline ("BUSAN, South Korea, October 30 (Agency) —")?"""
    dl = tok.doc._.dateline or {}
    end = dl.get("end")
    return end is not None and (dl.get("start") or 0) <= tok.idx < end


_SAYING = frozenset("say tell state add declare stress announce note write insist".split())
_ADDRESSING = frozenset("call urge ask demand appeal invite warn accuse praise thank condemn criticize "
                        "criticise reject".split())


# nouns whose infinitive is the act itself, taken by the possessor ("X's decision to expel ...")
DECISION_NOUNS = frozenset("decision move".split())


# verbs that credit or blame their object for an act named by a for/of gerund
_CREDITING = frozenset("thank praise commend congratulate hail laud applaud salute reward criticize criticise "
                       "condemn blame accuse punish fault".split())


def subject(verb: Token, depth: int = 0) -> Optional[Token]:
    """The agent of a verb: nsubj, passive 'by' agent, or inherited from the governing clause."""
    if depth > 4:
        return None
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subs:
        sj = next((c for c in subs if not in_dateline(c)), subs[0])
        if in_dateline(sj):
            # "TOKYO, Japan, Dec 30 (Agency) — Prime Minister X sent ...": the parser hangs the real
            # subject on the dateline as an apposition
            for c in sj.subtree:
                if c.dep_ == "appos" and not in_dateline(c):
                    return c
        return sj
    for c in verb.children:
        if c.dep_ == "agent":
            return child(c, "pobj")
    if any(c.dep_ == "auxpass" for c in verb.children):
        # "were declared persona non grata by Moldova": the parser may label the agent a plain prep
        near = list(verb.children) + [g for c in verb.children if c.dep_ in ("oprd", "dobj") for g in c.subtree]
        for c in near:
            if c.dep_ == "prep" and c.lower_ == "by" and c.i > verb.i:
                o = child(c, "pobj")
                if o is not None and o.pos_ in ("PROPN", "NOUN") and o.ent_type_ not in ("DATE", "TIME"):
                    return o
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    if verb.dep_ == "ROOT" and verb.pos_ == "VERB":
        # "On the sidelines of the summit, X's foreign minister sat down with ...": the parser may
        # hang the subject on the fronted phrase as an apposition, right before the verb
        for c in verb.children:
            if c.dep_ == "prep" and c.i < verb.i:
                for t in c.subtree:
                    if t.dep_ == "appos" and t.right_edge.i == verb.i - 1 and t.pos_ in ("NOUN", "PROPN"):
                        return t
    if verb.dep_ == "ROOT":
        # "X on Wednesday put ..., closed ... and ordered ...": the parser made the first of the
        # coordinated predicates an adverbial clause of the last one
        for c in verb.children:
            if c.dep_ == "advcl" and c.i < verb.i and c.tag_ in ("VBD", "VBZ", "VBP") and \
                    not any(m.dep_ in ("mark", "advmod") and m.i < c.i for m in c.children):
                sj = subject(c, depth + 1)
                if sj is not None:
                    return sj
    h = verb.head
    if h is verb:
        return None
    if verb.dep_ == "conj":
        if verb.tag_ in ("VBD", "VBZ", "VBP") and h.dep_ == "xcomp" and h.tag_ == "VB" and h.head is not h:
            return subject(h.head, depth + 1)  # "X asked Y to convey ... and reaffirmed": X reaffirmed
        if h.dep_ == "ccomp" and h.head.lemma_.lower() in _SAYING and verb.lemma_.lower() in _ADDRESSING:
            hs = child(h, "nsubj")
            if hs is not None and hs.pos_ == "NOUN" and hs.ent_type_ == "":
                # "X said the dam was no threat and called on Y to ...": X called, not the dam
                return subject(h.head, depth + 1)
        return subject(h, depth + 1)
    if verb.dep_ == "xcomp":
        sp = child(h, "nsubjpass")
        if sp is not None and child(h, "agent") is None:
            return sp  # raising: "X is expected to travel"
        o = child(h, "dobj")  # object control: "urged X to visit"
        if o is not None and h.lemma_ in ("urge", "ask", "invite", "call", "encourage", "press", "request"):
            return o
        return subject(h, depth + 1)
    if verb.dep_ in ("acomp",):
        return subject(h, depth + 1)
    if verb.dep_ == "pcomp" and h.lower_ in ("for", "of") and h.head.lemma_.lower() in _CREDITING:
        o = child(h.head, "dobj")
        if o is not None:
            return o  # "thanked India for evacuating ...", "accused X of shelling ...": X did it
    if verb.dep_ in ("advcl", "pcomp"):
        if verb.dep_ == "pcomp":
            h = h.head
        return subject(h, depth + 1)
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        return h
    if verb.dep_ == "acl" and h.dep_ == "ROOT" and h.pos_ in ("NOUN", "PROPN") and verb.i > h.i and \
            not any(c.dep_ == "auxpass" for c in verb.children):
        # "The Lithuanian foreign minister called on Beijing ...": a sentence whose root the parser
        # made the noun has the verb as its predicate, the noun as its subject
        return h
    if verb.dep_ == "acl" and h.lemma_.lower() in DECISION_NOUNS and child(h, "poss") is not None:
        return child(h, "poss")  # "Washington's decision to raise tariffs": Washington raised them
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "converged for a rally to protest": the rally's organisers
        n = h
        while n.dep_ in ("pobj", "prep") and n.head is not n:
            n = n.head
        if n.pos_ == "VERB":
            return subject(n, depth + 1)
        if h.dep_ in ("dobj",):
            return subject(h.head, depth + 1)
    return None


def direct_object(verb: Token) -> Optional[Token]:
    o = child(verb, "dobj")
    if o is not None:
        return o
    o = child(verb, "dative")
    if o is not None and o.pos_ != "ADP":
        return o
    o = child(verb, "nsubjpass")
    if o is not None:
        return o
    for c in verb.children:
        # "summoned Japanese Ambassador X on Tuesday": a name right after the verb misparsed as npadvmod
        if c.dep_ == "npadvmod" and c.pos_ in ("PROPN", "NOUN") and c.left_edge.i == verb.i + 1 and \
                c.ent_type_ not in ("DATE", "TIME") and verb.pos_ == "VERB":
            return c
    return None


def object_tokens(verb: Token, preps: Iterable[str] = TARGET_PREPS) -> list[Token]:
    out = []
    o = child(verb, "dobj")
    if o is None:
        o = direct_object(verb)
        o = o if o is not None and o.dep_ == "npadvmod" else None
    if o is not None:
        out.append(o)
    o = child(verb, "nsubjpass")
    if o is not None:
        out.append(o)
    for c in verb.children:
        if c.dep_ == "dative" and c.pos_ != "ADP":
            out.append(c)
    out.extend(t for _, t in prep_objects(verb, preps))
    # particle verbs: "call on X" -> prep attached to the verb, handled above
    return out


def sent_of(doc: Doc, tok: Token) -> Span:
    return tok.sent
