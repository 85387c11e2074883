"""Indirect (reported) speech from the parse.

"X noted that ...", "the ministry said it would ...", "..., the minister said.",
"X expressed confidence that ...", "according to the press service, ...": the reported content
becomes a quote with ``direct=False``; the subject of the speech verb (or the object of
"according to") is the speaker.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .quotes_speakers import INDIRECT_LEMMAS, QUOTE_CHARS, _dateline_token, subject_of
from .quotes_syntax import indices_where

EXPRESS_NOUNS = frozenset("confidence hope conviction belief certainty view opinion concern "
                          "satisfaction assurance".split())
_SKIP_EDGE = frozenset({"that", ",", ";", ":", "-", "\u2014", "\u2013", "and", "but"})
MIN_TOKENS = 3


@dataclass(frozen=True)
class Reported:
    start: int
    end: int
    verb: object            # the cue token (spaCy Token)
    subject: object         # the subject token (or None)
    cue: str


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _mostly_quoted(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Reported content that is really a direct quote: it starts inside one, or quotes cover
    half of it.  A partial quote inside a longer reported clause is fine."""
    covered = 0
    for a, b in spans:
        if a <= s < b:
            return True
        covered += max(0, min(b, e) - max(a, s))
    return covered * 10 >= 9 * max(1, e - s)


def _para_bounds(tok) -> tuple[int, int]:
    """Token index range of the paragraph (blank-line or newline separated) around `tok`."""
    doc = tok.doc
    i = tok.i
    while i > 0 and "\n" not in doc[i - 1].text:
        i -= 1
    j = tok.i
    while j < len(doc) - 1 and "\n" not in doc[j + 1].text:
        j += 1
    return i, j + 1


def _content(tokens, exclude: set[int]) -> Optional[tuple[int, int]]:
    toks = sorted({t.i: t for t in tokens if t.i not in exclude}.values(), key=lambda t: t.i)
    if not toks:
        return None
    # a block from the first token, cut where an excluded subtree (or a paragraph break) intervenes
    doc = toks[0].doc
    block = [toks[0]]
    for t in toks[1:]:
        gap = range(block[-1].i + 1, t.i)
        if any(g in exclude or "\n" in doc[g].text for g in gap):
            break
        block.extend(doc[g] for g in gap)
        block.append(t)
    while block and (block[0].lower_ in _SKIP_EDGE or block[0].is_space):
        block.pop(0)
    while block and (block[-1].is_punct or block[-1].is_space or block[-1].lower_ in _SKIP_EDGE):
        block.pop()
    # a dateline at the head of the clause is not reported content ("ASTANA, March 10 - ...")
    if block and _dateline_token(block[0]):
        for k, t in enumerate(block[:14]):
            if t.text in ("-", "\u2014", "\u2013", "--") or (t.text == "." and k > 1):
                block = block[k + 1:]
                break
    while block and (block[0].is_punct or block[0].is_space) and block[0].text not in QUOTE_CHARS:
        block.pop(0)
    if len([t for t in block if not t.is_punct]) < MIN_TOKENS:
        return None
    return block[0].idx, block[-1].idx + len(block[-1])


def _according_subtrees(tok) -> set[int]:
    out: set[int] = set()
    for t in tok.subtree:
        if t.lower_ == "according" and t is not tok:
            out |= {x.i for x in t.subtree}
    return out


def find(doc, direct: list[tuple[int, int]]) -> list[Reported]:
    """Reported speech outside the direct-quote spans `direct` (mark to mark, inclusive)."""
    out: list[Reported] = []
    seen: list[tuple[int, int]] = []
    for i in _cue_candidates(doc):
        tok = doc[i]
        low = tok.lower_
        if low == "according":
            r = _according(tok, direct)
        elif tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in INDIRECT_LEMMAS or low in INDIRECT_LEMMAS
                                             or tok.lemma_.lower() == "express"):
            r = _speech(tok, direct)
        else:
            continue
        if r is None or _inside(seen, r.start, r.end):
            continue
        seen.append((r.start, r.end))
        out.append(r)
    return out


def _cue_candidates(doc) -> list[int]:
    """Tokens `find` looks at: "according" and the verbs (the others cannot be a cue)."""
    from spacy.attrs import LOWER, POS
    from spacy.symbols import AUX, VERB
    return sorted(set(indices_where(doc, LOWER, ["according"])) | set(indices_where(doc, POS, [VERB, AUX])))


def _speech(tok, direct) -> Optional[Reported]:
    if _inside(direct, tok.idx, tok.idx + len(tok)):
        return None
    if any(c.dep_ == "neg" for c in tok.children):
        return None
    lem = tok.lemma_.lower()
    comp = None
    extra: list = []
    if lem == "express":
        for c in tok.children:
            if c.dep_ == "dobj" and c.lemma_.lower() in EXPRESS_NOUNS:
                for cc in c.children:
                    if cc.dep_ in ("acl", "ccomp", "relcl") and any(x.lower_ == "that" for x in cc.children):
                        comp = cc
        if comp is None:
            return None
    else:
        comps = [c for c in tok.children if c.dep_ == "ccomp"
                 and not _mostly_quoted(direct, *_extent(c))]
        if not comps:
            comps = _that_clause(tok) or _misparsed_clause(tok)
        if not comps and tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ == "nsubj" for c in tok.children):
            # "The deal, the minister said, would be signed in May."
            return _parenthetical(tok, direct)
        if not comps:
            return None
        after = [c for c in comps if c.i > tok.i]
        comp = after[0] if after else comps[-1]
        if comp.i < tok.i and tok.lemma_.lower() in ("report", "write"):
            return None
        extra = [c for c in after[1:]]   # a clause the parser split in two ("co-finance")
    lo, hi = _para_bounds(tok)
    tokens = list(comp.subtree)
    for c in extra:
        tokens += list(c.subtree)
    excl = _according_subtrees(comp)
    excl |= {t.i for t in comp.subtree if not lo <= t.i < hi}
    # do not swallow a following coordinated statement ("..., and stressed that ...")
    for c in comp.children:
        if c.dep_ == "conj" and c.i > tok.i > comp.i:
            excl |= {x.i for x in c.subtree}
    span = _content(tokens, excl)
    if span is None or _mostly_quoted(direct, *span):
        return None
    return Reported(span[0], span[1], tok, subject_of(tok), tok.text)


ZERO_THAT_LEMMAS = frozenset("say add note stress claim insist argue warn state explain".split())


def _misparsed_clause(verb) -> list:
    """'saying the police operation targeted networks': the parser made the clause an object.
    A finite verb inside a long object betrays it."""
    if verb.lemma_.lower() not in ZERO_THAT_LEMMAS:
        return []
    for c in verb.children:
        if c.dep_ == "dobj" and c.i > verb.i:
            sub = list(c.subtree)
            if len(sub) >= 4 and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t is not c for t in sub):
                return [c]
    return []


def _that_clause(verb) -> list:
    """'noted with satisfaction that ...': a that-clause hanging off a prepositional object."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for pobj in prep.children:
            for c in pobj.children:
                if c.dep_ in ("acl", "ccomp", "relcl") and any(
                        x.dep_ == "mark" and x.lower_ == "that" for x in c.children):
                    return [c]
    return []


def _parenthetical(tok, direct) -> Optional[Reported]:
    clause = tok.head
    lo, hi = _para_bounds(tok)
    toks = [t for t in clause.subtree if lo <= t.i < hi]
    inner = {t.i for t in tok.subtree}
    if toks and toks[-1].i in inner:   # "..., he said." at the end: the clause before it
        span = _content(toks, inner)
    else:
        span = _content(toks, set())
    if span is None or _mostly_quoted(direct, *span):
        return None
    return Reported(span[0], span[1], tok, subject_of(tok), tok.text)


def _extent(tok) -> tuple[int, int]:
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1])


def _according(tok, direct) -> Optional[Reported]:
    """'according to X, <clause>' / '<clause>, according to X'."""
    if _inside(direct, tok.idx, tok.idx + len(tok)):
        return None
    head = tok.head
    if head is tok:
        return None
    # climb to the clause the attribution belongs to
    clause = head
    while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head is not clause:
        clause = clause.head
    sent = tok.sent
    excl = {x.i for x in tok.subtree}
    toks = [t for t in clause.subtree if sent.start <= t.i < sent.end]
    block = sorted((t for t in toks if t.i not in excl), key=lambda t: t.i)
    if not block:
        return None
    # content = the larger side of the attribution phrase
    left = [t for t in block if t.i < tok.i]
    right = [t for t in block if t.i > tok.i]
    side = right if len(right) >= len(left) else left
    span = _content(side, set())
    if span is None or _mostly_quoted(direct, *span):
        return None
    return Reported(span[0], span[1], tok, subject_of(tok), "according to")
