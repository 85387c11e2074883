"""Who said it: cue verbs, subjects, and speakers resolved to actors.

A speaker is the mention at the cue: the subject of the speech verb ("said Tokayev", "Tokayev
said", "noted the diplomat", "a spokesperson for the ministry said"), a pronoun resolved to the
nearest fitting antecedent, or the previous speaker for a quote-only paragraph.  Mentions come from
the actors component (`communique.quotes_mentions`); when it has nothing (yet), named entities stand
in as unresolved mentions (actor key None).
"""
from __future__ import annotations

import bisect
from typing import Iterable, Optional

from .model import Speaker
from .quotes_mentions import M, Mentions
from .quotes_syntax import (  # noqa: F401  (re-exported for the quote modules)
    GROUP_LABELS, INDIRECT_LEMMAS, ORG_NOUNS, PARTIAL_LEMMAS, PERSON_LABELS, PRONOUNS_GROUP,
    PRONOUNS_PERSON, QUOTE_CHARS, ROLE_NOUNS, SENT_END, SPEECH_LEMMAS, _NONWORD, _SENT_CUT,
    _SENT_CUT_Q, _WORD4, _dateline_token, is_speech, np_range, source_text, subject_of, token_starts,
    doc_length)


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
        self.tok_starts = token_starts(doc)

    def para_start(self, offset: int, back: int = 0) -> int:
        i = max(0, bisect.bisect_right(self.para_starts, offset) - 1 - back)
        return self.paras[i][0] if self.paras else 0

    def _np_country(self, s: int, e: int) -> Optional[str]:
        """Country named in an unresolved speaker's phrase ("an Egyptian official")."""
        for x in self.mentions.overlapping(s, e):
            if x.country:
                return x.country
        try:
            from .kb import KnowledgeBase
            kb = KnowledgeBase.default()
        except Exception:
            return None
        for t in self.doc[self._tok(s):self._tok(e)]:
            if t.text[:1].isupper():
                for entry in kb.lookup(self.src[t.idx:t.idx + len(t)]):
                    if getattr(entry, "kind", None) == "country":
                        return entry.id
        return None

    def _tok(self, offset: int) -> int:
        return bisect.bisect_left(self.tok_starts, offset)

    def _sp(self, m: M) -> Speaker:
        sp = m.speaker()
        self.kinds[sp] = m.kind
        return sp

    def from_subject(self, head) -> Optional[Speaker]:
        """The speaker named by the subject token `head` of a cue verb."""
        if head is None:
            return None
        m = self.mentions.covering(head.idx, head.idx + len(head))
        if m is not None and not m.role:
            return self._from_mention(head, m)
        for c in head.children:   # "Its spokesman, Dmitry Peskov, said"
            if c.dep_ == "appos":
                a = self.mentions.covering(c.idx, c.idx + len(c))
                if a is not None and a.kind == "person" and not a.role:
                    return self._sp(a)
        low = head.lower_
        if low == "it" and (head.dep_ in ("nsubjpass", "expl") or head.head.tag_ == "VBN"):
            return None   # "it was noted that ...": nobody in particular
        if low in PRONOUNS_PERSON or low in PRONOUNS_GROUP:
            return self.resolve_pronoun(head)
        s, e = np_range(head, 0, len(self.src))
        inside = [x for x in self.mentions.overlapping(s, e) if not x.role]
        inside.sort(key=lambda x: x.key is None)   # the actors component's mentions first
        persons = [x for x in inside if x.kind == "person"]
        lemma = head.lemma_.lower()
        if persons and lemma not in ORG_NOUNS:
            return self._sp(persons[0])
        if head.pos_ in ("NOUN", "PROPN") and lemma in ROLE_NOUNS:
            return self._from_role(head, s, e, inside)
        if head.pos_ in ("NOUN", "PROPN") and lemma in ORG_NOUNS:
            sp = self._from_office(head, s, e, inside, persons)
            if sp is not None:
                return sp
        if inside:
            return self._sp(inside[0])
        group = (head.ent_type_ in GROUP_LABELS or head.tag_ in ("NNS", "NNPS")
                 or (head.pos_ == "NOUN" and lemma in ORG_NOUNS))
        return self._unresolved(s, e, "group" if group else "person")

    def _unresolved(self, s: int, e: int, kind: str, country: Optional[str] = None) -> Speaker:
        """A speaker known only by its phrase ("an Egyptian official"), with its country."""
        sp = Speaker(None, self.src[s:e], country or self._np_country(s, e))
        self.kinds[sp] = kind
        return sp

    def _from_mention(self, head, m: M) -> Speaker:
        """The actors component's mention at the cue, checked when it is a description."""
        if m.how.startswith("nominal") and m.kind == "person" and head.lemma_.lower() in ROLE_NOUNS:
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
                # "an Egyptian official said": someone unnamed, never an earlier person
                s, e = np_range(head, 0, len(self.src))
                return self._unresolved(s, e, "person", m.country)
            alt = self._check_nominal(head, m)
            if alt is not None:
                return alt
            mods = self._proper_modifiers(head)
            if mods and not self._described_by(m.key, mods, head.idx):
                # "the CITIC chairman" linked to someone never described that way: keep the role
                s, e = np_range(head, 0, len(self.src))
                return self._unresolved(s, e, "person")
        return self._sp(m)

    def _from_role(self, head, s: int, e: int, inside: list[M]) -> Speaker:
        """A subject described by its role: "a spokesperson for the ministry", "the diplomat",
        "the Kazakh diplomat", "Oman's foreign minister"."""
        plural = head.tag_ in ("NNS", "NNPS")
        for c in head.children:   # "a spokesperson for the ministry": the organisation speaks
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from"):
                for x in inside:
                    if x.start >= c.idx:
                        return self._sp(x)
        dets = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
        country = next((x.country for x in inside if x.country), None)
        if not plural and dets & {"the", "this", "that", "his", "her", "its", "their"}:
            # an earlier person (of that country, described that way)
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
        return self._unresolved(s, e, "group" if plural else "person", country)

    def _from_office(self, head, s: int, e: int, inside: list[M], persons: list[M]) -> Optional[Speaker]:
        """An institution: "the Uzbek presidential press office", "the ministry"."""
        if inside:
            groups = [x for x in inside if x.kind != "person" and x.key is not None]
            if groups:   # its country or organisation, as the actors component knows it
                return self._sp(groups[-1])
            return self._unresolved(s, e, "group", persons[0].country if persons else None)
        dets = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
        if dets & {"the", "this", "that", "its", "their"}:
            mod = " ".join(t.text for t in head.subtree
                           if t.i <= head.i and t.dep_ not in ("det", "poss", "case", "punct"))
            return self.antecedent(head.idx, "group", prefer=[mod], strict=True)
        return None

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
        s, e = np_range(tok, 0, doc_length(self.doc))
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
