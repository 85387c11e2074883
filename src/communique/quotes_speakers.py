"""Who said it: cue verbs, subjects, and speakers resolved to actors.

The actors component supplies `doc._.actor_mentions` (char spans with an actor key) and
`doc._.actor_table` (key -> Actor).  A speaker is the mention at the cue: the subject of the
speech verb ("said Tokayev", "Tokayev said", "noted the diplomat", "a spokesperson for the
ministry said"), a pronoun resolved to the nearest fitting antecedent, or the previous speaker for
a quote-only paragraph.  When the actors component has nothing (yet), named entities stand in as
unresolved mentions (actor key None).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from .model import Speaker

SPEECH_LEMMAS = frozenset("""
say tell note stress emphasize emphasise add state announce declare underline underscore mention
confirm assure warn claim insist argue reiterate explain remark observe affirm reaffirm assert
admit acknowledge deny allege indicate highlight recall suggest write comment reply respond answer
continue conclude ask tweet post quip complain urge point told put clarify specify inform predict
vow pledge promise maintain contend caution lament concede report express quote cite
""".split())
PARTIAL_LEMMAS = frozenset("call describe term dub label characterize characterise brand".split())
# verbs that introduce reported content in a that-/zero-clause (indirect speech)
INDIRECT_LEMMAS = SPEECH_LEMMAS - {"ask", "urge", "tweet", "post", "continue", "put", "express",
                                   "pledge", "vow", "promise", "report", "write", "quote", "cite"}
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
PRONOUNS_GROUP = frozenset({"they", "it", "we", "its", "their", "them"})
SENT_END = frozenset({".", "!", "?", ";"})
QUOTE_CHARS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb\'\u2018\u2019\u201a\u2039\u203a')
ROLE_NOUNS = frozenset("""
diplomat minister president premier chancellor official spokesperson spokesman spokeswoman envoy
ambassador leader head chief secretary king queen sultan emir prince sheikh senator lawmaker
governor mayor general commander adviser advisor counterpart politician deputy chairman chair
chairwoman director representative ruler monarch emperor diplomat negotiator officer
""".split())
ORG_NOUNS = frozenset("""
ministry side government office department service agency embassy administration cabinet
council committee parliament delegation bureau commission secretariat presidency kremlin
""".split())
_NONWORD = re.compile(r"[^\w]+")
_WORD4 = re.compile(r"\w{4,}")
_SENT_CUT = re.compile(r"[.!?\n]")
_SENT_CUT_Q = re.compile(r"[.!?\n\"\u201c\u201d]")
PERSON_LABELS = {"PERSON"}
GROUP_LABELS = {"ORG", "GPE", "NORP", "FAC"}


@dataclass(frozen=True)
class M:
    """A mention usable as a speaker: from the actors component, or a stand-in entity."""
    start: int
    end: int
    key: Optional[str]
    text: str
    kind: str                # person | country | organization | group
    name: str
    country: Optional[str] = None
    role: bool = False       # a stand-in for a described subject ("the Malaysian foreign minister")
    how: str = ""            # the actors component's rule ("nominal-coref", "title-pattern", ...)

    def speaker(self) -> Speaker:
        return Speaker(self.key, self.name, self.country)


class Mentions:
    """Mentions of the document ordered by offset, with stand-ins from NER when needed."""

    def __init__(self, doc, exclude: Iterable[tuple[int, int]] = ()):
        table = doc._.actor_table or {}
        raw = doc._.actor_mentions or []
        src = source_text(doc)
        items: list[M] = []
        for m in raw:
            a = table.get(m.key)
            items.append(M(m.start, m.end, m.key, m.text,
                           (a.kind if a else "person") or "person",
                           (a.name if a else m.text) or m.text, a.country if a else None,
                           how=getattr(m, "how", "") or ""))
        covered = [(x.start, x.end) for x in items]
        # Stand-ins from NER for what the actors component did not resolve.  A bare surname
        # that NER mislabels ("Saidov noted") is still the person named in full earlier.
        full: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ in PERSON_LABELS and len(ent) > 1:
                full.setdefault(src[ent[-1].idx:ent.end_char], src[ent.start_char:ent.end_char])
        for ent in doc.ents:
            s, e = ent.start_char, ent.end_char
            etext = src[s:e]
            if ent.label_ not in PERSON_LABELS | GROUP_LABELS and etext not in full:
                continue
            if any(a < e and s < b for a, b in covered):
                continue
            if ent.label_ in PERSON_LABELS or etext in full:
                kind, name = "person", full.get(src[ent[-1].idx:e], etext)
            else:
                kind = "country" if ent.label_ in {"GPE", "NORP"} else "organization"
                name = etext
            items.append(M(s, e, None, etext, kind, name))
            covered.append((s, e))
        for tok in doc:
            ttext = src[tok.idx:tok.idx + len(tok)]
            if ttext in full and ttext[:1].isupper() and not tok.ent_type_:
                s, e = tok.idx, tok.idx + len(tok)
                if not any(a < e and s < b for a, b in covered):
                    items.append(M(s, e, None, ttext, "person", full[ttext]))
                    covered.append((s, e))
        # Subjects described by their role ("The Malaysian foreign minister conveyed ..."):
        # candidates for later "the minister said"
        for tok in doc:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.lemma_.lower() in ROLE_NOUNS \
                    and tok.tag_ not in ("NNS", "NNPS") \
                    and any(c.dep_ in ("amod", "compound", "poss") for c in tok.children):
                s, e = np_range(tok, 0, len(doc.text))
                if not any(x.start < e and s < x.end and (x.kind == "person" or x.start <= tok.idx < x.end)
                           for x in items):
                    txt = src[s:e]
                    items.append(M(s, e, None, txt, "person", txt, role=True))
                    covered.append((s, e))
        items.sort(key=lambda x: (x.start, x.end))
        self.items = items
        self.starts = [x.start for x in items]
        self.quoted = sorted(exclude)

    def overlapping(self, s: int, e: int) -> list[M]:
        i = bisect.bisect_left(self.starts, s)
        j = i
        # step back over mentions that start before s but reach into it
        while j > 0 and self.items[j - 1].end > s:
            j -= 1
        out = []
        for m in self.items[j:]:
            if m.start >= e:
                break
            if m.end > s:
                out.append(m)
        return out

    def covering(self, s: int, e: int) -> Optional[M]:
        for m in self.overlapping(s, e):
            if m.start <= s and m.end >= e:
                return m
        return None

    def in_quote(self, m: M) -> bool:
        for a, b in self.quoted:
            if a <= m.start and m.end <= b:
                return True
            if a > m.start:
                break
        return False

    def before(self, offset: int, lo: int) -> list[M]:
        """Mentions ending before `offset` and starting at or after `lo`, nearest first, outside quotes."""
        i = bisect.bisect_left(self.starts, offset)
        out = []
        for m in reversed(self.items[:i]):
            if m.start < lo:
                break
            if m.end <= offset and not self.in_quote(m):
                out.append(m)
        return out


def source_text(doc) -> str:
    """The original article text (offsets point into it); ``doc.text`` may be a masked copy."""
    return doc._.source_text if doc._.source_text is not None else doc.text


def is_speech(tok, partial: bool = False) -> bool:
    lem = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") and not (tok.tag_ in ("VBD", "VBZ", "VBN", "VBG", "VBP", "VB")):
        return lem == "according" or tok.lower_ == "according"
    return lem in SPEECH_LEMMAS or tok.lower_ in SPEECH_LEMMAS or (partial and lem in PARTIAL_LEMMAS)


def subject_of(verb) -> Optional[object]:
    """The grammatical subject of a speech verb, inherited from governing verbs when needed."""
    if verb.lower_ == "according":
        for c in verb.children:
            if c.dep_ == "prep":
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        return cc
        return None
    v = verb
    for _ in range(4):
        if v.lemma_.lower() in ("quote", "cite"):
            # "Interfax quoted Lavrov as saying": the one quoted speaks
            for c in v.children:
                if c.dep_ == "dobj":
                    return c
        subs = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        subs = [_undateline(c) for c in subs]
        subs = [c for c in subs if c is not None and not _crosses_paragraph(c, v)]
        if subs:
            return min(subs, key=lambda c: abs(c.i - v.i))
        for c in v.children:  # passive agent: "it was stated by the ministry"
            if c.dep_ == "agent":
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        return cc
        if v.dep_ in ("advcl", "conj", "xcomp", "acl", "relcl", "pcomp") and v.head is not v \
                and not _crosses_paragraph(v, v.head):
            if v.dep_ == "relcl":
                return v.head
            v = v.head
            if v.dep_ == "prep" and v.head is not v:   # "... quoted X as saying"
                v = v.head
            continue
        break
    return _left_np(verb)


def _crosses_paragraph(a, b) -> bool:
    lo, hi = (a.i, b.i) if a.i < b.i else (b.i, a.i)
    return any("\n" in t.text for t in a.doc[lo:hi])


def _left_np(verb):
    """The noun phrase right before a verb the parser left without a subject
    ("... \n\nArmenian Prime Minister Nikol Pashinyan said ...")."""
    j = verb.i - 1
    doc = verb.doc
    while j >= 0 and doc[j].pos_ in ("ADV", "AUX", "PART") and "\n" not in doc[j].text:
        j -= 1
    if j >= 0 and doc[j].pos_ in ("PROPN", "NOUN", "PRON") and "\n" not in doc[j].text:
        return doc[j]
    return None


def _undateline(tok):
    """A dateline token parsed as the subject: the real subject is in apposition to it."""
    if not _dateline_token(tok):
        return tok
    best = None
    for c in tok.subtree:
        if c.dep_ == "appos" and c is not tok:
            best = c
            if c.ent_type_ == "PERSON" or c.pos_ == "PROPN":
                return c
    return best


def _dateline_token(tok) -> bool:
    """An all-caps place name opening a dateline ("TASHKENT, March 18 - ...")."""
    t = tok.text
    if not (len(t) > 2 and t.isupper() and t.isalpha()):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text in (",", "-", "\u2014", "\u2013", "(")


NP_DEPS = frozenset({"compound", "amod", "det", "poss", "case", "prep", "pobj", "nmod", "nummod",
                     "punct", "flat", "cc", "conj", "quantmod", "npadvmod", "advmod", "predet"})


def np_range(tok, lo: int, hi: int) -> tuple[int, int]:
    """Char range of the noun phrase headed by `tok` within [lo, hi): NP-internal dependents only
    (no clauses, relative clauses or appositions; inner hyphens kept: "Cho Tae-yul")."""
    ids = {tok.i}
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in NP_DEPS and lo <= c.idx < hi and not c.is_space and "\n" not in c.text:
                if c.dep_ == "conj" and c.pos_ not in ("PROPN", "NOUN"):
                    continue
                ids.add(c.i)
                stack.append(c)
    s = e = tok.i
    while s - 1 in ids:
        s -= 1
    while e + 1 in ids:
        e += 1
    doc = tok.doc
    while s < tok.i and (doc[s].is_punct or doc[s].dep_ == "cc"):
        s += 1
    while e > tok.i and (doc[e].is_punct or doc[e].dep_ == "cc"):
        e -= 1
    return doc[s].idx, doc[e].idx + len(doc[e])


class Resolver:
    """Resolves subject tokens to speakers."""

    def __init__(self, doc, mentions: Mentions, paras: list[tuple[int, int]]):
        self.last: Optional[Speaker] = None   # the most recent resolved speaker
        self.last_offset = -1                 # where that speaker's statement ended
        self.kinds: dict[Speaker, str] = {}   # kind of every speaker handed out
        self.doc = doc
        self.src = source_text(doc)
        self.mentions = mentions
        self.paras = paras
        self.para_starts = [p[0] for p in paras]

    def para_start(self, offset: int, back: int = 0) -> int:
        i = max(0, bisect.bisect_right(self.para_starts, offset) - 1 - back)
        return self.paras[i][0] if self.paras else 0

    def _sp(self, m: M) -> Speaker:
        sp = m.speaker()
        self.kinds[sp] = m.kind
        return sp

    def from_subject(self, head) -> Optional[Speaker]:
        if head is None:
            return None
        hs, he = head.idx, head.idx + len(head)
        m = self.mentions.covering(hs, he)
        if m is not None and not m.role:
            if m.how.startswith("nominal") and m.kind == "person" and head.lemma_.lower() in ROLE_NOUNS:
                if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
                    # "an Egyptian official said": someone unnamed, never an earlier person
                    s, e = np_range(head, 0, len(self.doc.text))
                    sp = Speaker(None, self.src[s:e], m.country)
                    self.kinds[sp] = "person"
                    return sp
                alt = self._check_nominal(head, m)
                if alt is not None:
                    return alt
                mods = self._proper_modifiers(head)
                if mods and not self._described_by(m.key, mods, head.idx):
                    # "the CITIC chairman" linked to someone never described that way: keep the role
                    s, e = np_range(head, 0, len(self.doc.text))
                    sp = Speaker(None, self.src[s:e], None)
                    self.kinds[sp] = "person"
                    return sp
            return self._sp(m)
        for c in head.children:   # "Its spokesman, Dmitry Peskov, said"
            if c.dep_ == "appos":
                a = self.mentions.covering(c.idx, c.idx + len(c))
                if a is not None and a.kind == "person" and not a.role:
                    return self._sp(a)
        low = head.lower_
        if low in PRONOUNS_PERSON or low in PRONOUNS_GROUP:
            return self.resolve_pronoun(head)
        s, e = np_range(head, 0, len(self.doc.text))
        inside = [x for x in self.mentions.overlapping(s, e) if not x.role]
        inside.sort(key=lambda x: x.key is None)   # the actors component's mentions first
        persons = [x for x in inside if x.kind == "person"]
        lemma = head.lemma_.lower()
        if persons and lemma not in ORG_NOUNS:
            return self._sp(persons[0])
        text = self.src
        if head.pos_ in ("NOUN", "PROPN") and lemma in ROLE_NOUNS:
            plural = head.tag_ in ("NNS", "NNPS")
            # "a spokesperson for the ministry": the organisation speaks
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from"):
                    for x in inside:
                        if x.start >= c.idx:
                            return self._sp(x)
            mods = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
            country = next((x.country for x in inside if x.country), None)
            if not plural and mods & {"the", "this", "that", "his", "her", "its", "their"}:
                # "the diplomat", "the Kazakh diplomat": an earlier person (of that country)
                mod = [t.text for t in head.subtree
                       if t.i <= head.i and t.dep_ not in ("det", "poss", "case", "punct")]
                prefer = [x.text for x in inside] + [head.text]
                if len(mod) > 1:
                    prefer += [" ".join(mod), " ".join(mod[-2:])]
                # "the CITIC chairman": described by a name, so only someone described that way
                strict = bool(self._proper_modifiers(head)) and not country
                ant = self.antecedent(head.idx, "person", country=country, prefer=prefer, strict=strict)
                if ant is not None:
                    return ant
            # "Oman's foreign minister" with no resolved person: the role, in its country
            sp = Speaker(None, text[s:e], country)
            self.kinds[sp] = "group" if plural else "person"
            return sp
        if head.pos_ in ("NOUN", "PROPN") and lemma in ORG_NOUNS and inside:
            groups = [x for x in inside if x.kind != "person"]
            if groups:
                return self._sp(groups[-1])
            sp = Speaker(None, text[s:e], persons[0].country if persons else None)
            self.kinds[sp] = "group"
            return sp
        if head.pos_ in ("NOUN", "PROPN") and lemma in ORG_NOUNS and not inside:
            mods = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
            if mods & {"the", "this", "that", "its", "their"}:
                mod = " ".join(t.text for t in head.subtree
                               if t.i <= head.i and t.dep_ not in ("det", "poss", "case", "punct"))
                ant = self.antecedent(head.idx, "group", prefer=[mod], strict=True)
                if ant is not None:
                    return ant
        if inside:
            return self._sp(inside[0])
        sp = Speaker(None, text[s:e], None)
        group = (head.ent_type_ in GROUP_LABELS or head.tag_ in ("NNS", "NNPS")
                 or (head.pos_ == "NOUN" and lemma in ORG_NOUNS))
        self.kinds[sp] = "group" if group else "person"
        return sp

    def _check_nominal(self, head, m: M) -> Optional[Speaker]:
        """A described speaker ("the Kazakh diplomat") resolved by the actors component: prefer
        a named person of the same country who is the subject of a recent sentence and whose
        description shares the role word, when there is one."""
        lo = self.para_start(head.idx, back=2)
        role = head.lemma_.lower()
        last = self.last
        if (last is not None and self.last_offset >= lo and last.name
                and role in _NONWORD.sub(" ", last.name.lower()).split()):
            return last  # "an Egyptian official said ... the official said"
        if m.how != "nominal-office":
            return None  # the actors component named the person: trust it
        persons = [c for c in self.mentions.before(head.idx, lo) if c.kind == "person"][:6]
        ok = []
        for c in persons:
            if c.key is None or c.key == m.key or not m.country:
                continue
            if c.how.startswith("nominal") and not self._is_subject(c):
                continue
            if c.country != m.country and not (c.country is None and self._stem_in_context(c, head)):
                continue
            ok.append(c)
        for c in ok:
            if self._is_subject(c):
                return self._sp(c)
        for c in ok:
            if self._context_has(c, [role]):
                return self._sp(c)
        return None

    def _stem_in_context(self, c: M, head) -> bool:
        """Does a modifier of `head` ("Kazakh" diplomat) share a 4+ letter stem with a word
        around mention `c` ("Minister of Kazakhstan Roman Vassilenko")?"""
        mods = [t.lower_ for t in head.children if t.dep_ in ("amod", "compound") and len(t) >= 4]
        return self._described_by(c.key, mods, c.end)

    def _described_by(self, key: Optional[str], mods: list[str], upto: int) -> bool:
        """Is one of `mods` (or a word sharing its stem: Malaysian/Malaysia) found around an
        earlier mention of actor `key`?"""
        if not mods or key is None:
            return False
        words = []
        for x in self.mentions.items:  # every mention of that actor, with its context
            if x.key == key and x.end <= upto:
                words += _WORD4.findall(self.src[max(0, x.start - 40):x.end].lower())
        return any(w[:4] == m[:4] and (w.startswith(m[:5]) or m.startswith(w[:5])) for w in words for m in mods)

    def _proper_modifiers(self, head) -> list[str]:
        """Capitalised modifiers of a described speaker: "CITIC" chairman, "Oman's" minister."""
        return [t.lower_ for t in head.children
                if t.dep_ in ("amod", "compound", "poss") and len(t) >= 4 and t.text[:1].isupper()]

    def resolve_pronoun(self, tok) -> Optional[Speaker]:
        low = tok.lower_
        want = "person" if low in PRONOUNS_PERSON else "group"
        return self.antecedent(tok.idx, want)

    def remember(self, sp: Optional[Speaker], offset: int) -> None:
        if sp is not None and (sp.actor or sp.name):
            self.last, self.last_offset = sp, offset

    def antecedent(self, offset: int, want: str, country: Optional[str] = None,
                   prefer: Iterable[str] = (), strict: bool = False) -> Optional[Speaker]:
        """Nearest fitting antecedent before `offset`: a person (or group) subject mentioned since
        the previous statement, else the previous speaker when it fits and is recent, else the
        nearest subject mention of the right kind, else the nearest mention.  With a `country`
        (or `prefer` words, "the Egyptian minister"), candidates that agree come first."""
        lo = self.para_start(offset, back=2)
        cands = [m for m in self.mentions.before(offset, lo) if self._kind_fits(m.kind, want)][:8]
        prefer = [_NONWORD.sub(" ", p.lower()).strip() for p in prefer if p]
        prefer = [p for p in prefer if p]
        if country or prefer:
            wide = [m for m in self.mentions.before(offset, max(0, offset - 3000))
                    if self._kind_fits(m.kind, want)][:12]
            agree = [m for m in wide if (country and m.country == country)
                     or self._context_has(m, prefer)]
            if agree:
                cands = agree
                subj = [m for m in cands if self._is_subject(m)]
                return self._sp((subj or cands)[0])
        if strict:
            return None
        subjects = [m for m in cands if self._is_subject(m)]
        last = self.last
        last_ok = (last is not None and last.name is not None and self._fits(last, want)
                   and self.last_offset >= lo)
        if last_ok:
            newer = [m for m in subjects if m.start >= self.last_offset]
            return self._sp(newer[0]) if newer else last
        if subjects:
            return self._sp(subjects[0])
        return self._sp(cands[0]) if cands else None

    def _context_has(self, m: M, words: list[str]) -> bool:
        """Is one of `words` (e.g. a demonym) part of the noun phrase around mention `m`?"""
        if not words:
            return False
        tok = self._token_at(m.start, m.end)
        if tok is None:
            return False
        s, e = np_range(tok, 0, len(self.doc.text))
        before = _SENT_CUT.split(self.src[max(0, s - 40):s])[-1]
        after = _SENT_CUT_Q.split(self.src[e:e + 30])[0]
        seg = " " + _NONWORD.sub(" ", (before + self.src[s:e] + after).lower()) + " "
        return any(f" {w} " in seg for w in words)

    def _is_subject(self, m: M) -> bool:
        tok = self._token_at(m.start, m.end)
        if tok is None:
            return False
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ == "appos" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            return True
        # "a statement by X, who dismissed ...": X is the subject of the relative clause
        for c in tok.children:
            if c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children):
                return True
        return False

    @staticmethod
    def _kind_fits(kind: str, want: str) -> bool:
        return kind == "person" if want == "person" else kind != "person"

    def _fits(self, sp: Speaker, want: str) -> bool:
        table = self.doc._.actor_table or {}
        if sp.actor and sp.actor in table:
            return self._kind_fits(table[sp.actor].kind, want)
        return self._kind_fits(self.kinds.get(sp, "person"), want)

    def _token_at(self, s: int, e: int):
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return span.root
