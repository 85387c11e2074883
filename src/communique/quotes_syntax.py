"""Speech lexicon and parse helpers shared by the quote modules: cue verbs, role nouns,
subjects of speech verbs, noun-phrase extents, datelines."""
from __future__ import annotations

import re
from typing import Optional

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


# ------------------------------------------------------------------ token arrays
# Iterating a Doc makes one Token object per token; these read the token attributes the quote
# modules filter on as arrays, so only the few tokens that can matter become Token objects.

def token_starts(doc) -> list[int]:
    """``[t.idx for t in doc]``, read from the Doc's arrays."""
    from spacy.attrs import IDX
    return doc.to_array(IDX).tolist() if len(doc) else []


def doc_length(doc) -> int:
    """``len(doc.text)`` without building the text (the last token's offset + its text and space)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def token_rows(doc, attrs) -> list[list[int]]:
    """One row of attribute values (`spacy.attrs` ids, e.g. IDX, LENGTH, ENT_TYPE) per token."""
    if not len(doc):
        return []
    return doc.to_array(list(attrs)).tolist()


def indices_where(doc, attr, values: list) -> list[int]:
    """Indices (ascending) of the tokens whose `attr` is one of `values` (strings or symbol ids):
    the same list as ``[t.i for t in doc if t.<attr>_ in values]``, made without Token objects."""
    import numpy as np
    if not len(doc):
        return []
    strings = doc.vocab.strings
    col = doc.to_array(attr).astype(np.uint64, copy=False)
    mask = None
    for v in values:
        hit = col == np.uint64(v if isinstance(v, int) else strings[v])
        mask = hit if mask is None else mask | hit
    return np.flatnonzero(mask).tolist()
