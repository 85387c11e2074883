"""Mentions usable as speakers: the actors component's, with named-entity stand-ins.

The actors component supplies `doc._.actor_mentions` (char spans with an actor key) and
`doc._.actor_table` (key -> Actor).  What it did not resolve, named entities and described
subjects ("The Malaysian foreign minister conveyed ...") stand in for, with actor key None.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.attrs import DEP, ENT_TYPE, IDX, LENGTH

from .model import Speaker
from .quotes_syntax import (GROUP_LABELS, PERSON_LABELS, ROLE_NOUNS, doc_length, indices_where, np_range,
                            source_text, token_rows)


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
        for idx, length, ent_type in (token_rows(doc, (IDX, LENGTH, ENT_TYPE)) if full else ()):
            ttext = src[idx:idx + length]
            if ttext in full and ttext[:1].isupper() and not ent_type:
                s, e = idx, idx + length
                if not any(a < e and s < b for a, b in covered):
                    items.append(M(s, e, None, ttext, "person", full[ttext]))
                    covered.append((s, e))
        # Subjects described by their role ("The Malaysian foreign minister conveyed ..."):
        # candidates for later "the minister said"
        for i in indices_where(doc, DEP, ["nsubj", "nsubjpass"]):
            tok = doc[i]
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.lemma_.lower() in ROLE_NOUNS \
                    and tok.tag_ not in ("NNS", "NNPS") \
                    and any(c.dep_ in ("amod", "compound", "poss") for c in tok.children):
                s, e = np_range(tok, 0, doc_length(doc))
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
