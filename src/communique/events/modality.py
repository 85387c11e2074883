"""Modality (`when`) and date of an event, read from the trigger's clause.

- ``negated``: a negation on the trigger or the verb carrying it ("did not discuss",
  "no agreement was signed", "failed to reach").
- ``hypothetical``: a conditional clause ("if", "unless") or a modal other than will/shall.
- ``future``: will/shall, "is to", plan/intend/expect/schedule ... to, "upcoming", a date after
  the anchor.
- ``past``: an explicit date before the anchor's year/month governing the trigger ("the last
  such visit was in 2004"), past perfect, "the last time", "previous".
- ``reported`` otherwise; its date is an explicit nearby date ("on Monday") or the anchor.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

from spacy.tokens import Span, Token

from . import adapters

_YEAR = re.compile(r"\b\d{4}\b")
FUTURE_GOVERNORS = frozenset("plan intend expect schedule set aim hope prepare due agree decide "
                             "promise pledge vow want wish seek".split())
# verbs whose complement is not (yet) real; the outer verb is the event, the inner one future
FUTURE_AMOD = frozenset("upcoming forthcoming planned future next proposed expected scheduled "
                        "coming prospective".split())
PAST_AMOD = frozenset("last previous former earlier past prior".split())
HYPO_MODALS = frozenset("could would might may should must can".split())
SPEECH_VERBS = frozenset("say announce declare state confirm warn add tell insist claim report "
                          "threaten vow promise pledge".split())
NEG_GOVERNORS = frozenset("fail refuse decline deny avoid".split())


def _clause_chain(tok: Token, light: Optional[Token]) -> list[Token]:
    """The trigger, its light verb and the verbs above it through conj/xcomp/aux chains."""
    out = [tok]
    if light is not None:
        out.append(light)
    cur = light or tok
    if light is None and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head is not tok:
        out.append(tok.head)  # "the previous visit ... took place in 2019"
        return out
    for _ in range(3):
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            break  # "... would take place and that Kyiv had proposed ...": a clause of its own
        if cur.dep_ in ("xcomp", "conj", "acl", "pcomp", "prep", "pobj", "dobj", "nsubjpass", "auxpass") \
                and cur.head is not cur:
            cur = cur.head
            out.append(cur)
        else:
            break
    return out


def _aux_lemmas(tok: Token) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in ("aux", "auxpass")}


def negated(tok: Token, light: Optional[Token]) -> bool:
    for t in (tok, light):
        if t is None:
            continue
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if any(c.lower_ in ("no", "never") and c.dep_ in ("det", "neg", "advmod") for c in t.children):
            return True
    v = light or tok
    for c in v.children:  # "No Georgian president has visited Armenia since 2019"
        if c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ in ("no", "neither") and d.dep_ == "det"
                                                     for d in c.children):
            return True
    if v.dep_ == "ccomp" and v.head.lemma_ == "deny" and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in v.children):
        return True  # "denied that its troops had crossed the border"
    if v.dep_ == "xcomp" and v.head.lemma_ in NEG_GOVERNORS and v.head.lemma_ in ("fail",):
        return True
    if v.dep_ == "xcomp" and any(c.dep_ == "neg" for c in v.head.children):
        return True
    return False


def _reported_would(t: Token) -> bool:
    """'would' in reported speech is a future ("said they would blockade"), unless conditioned."""
    if not any(c.tag_ == "MD" and c.lower_ == "would" for c in t.children):
        return False
    if any(c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) for c in t.children):
        return False
    h = t
    for _ in range(3):
        if h.dep_ in ("ccomp", "conj") and h.head is not h:
            h = h.head
            if h.lemma_.lower() in SPEECH_VERBS:
                return True
        else:
            break
    return False


def hypothetical(tok: Token, light: Optional[Token]) -> bool:
    for t in _clause_chain(tok, light):
        if t.pos_ in ("VERB", "AUX"):
            if _reported_would(t):
                continue
            if any(c.tag_ == "MD" and c.lower_ in HYPO_MODALS for c in t.children):
                return True
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
                return True
    return False


def future_marked(tok: Token, light: Optional[Token]) -> bool:
    for t in _clause_chain(tok, light):
        if _reported_would(t):
            return True
        for c in t.children:
            if c.tag_ == "MD" and c.lower_ in ("will", "shall", "'ll", "wo"):
                return True
            if c.dep_ == "amod" and c.lower_ in FUTURE_AMOD:
                return True
        if t.dep_ == "xcomp" and t.head.lemma_ in FUTURE_GOVERNORS and t.head.lemma_ not in ("agree", "decide"):
            return True
        if t.lemma_ == "be" and t.tag_ in ("VBZ", "VBP", "VBD") and any(
                c.dep_ == "xcomp" and c.tag_ == "VB" for c in t.children):
            return True  # "X is to visit Y"
        if t.lemma_ == "expect" and any(c.dep_ == "auxpass" for c in t.children) and any(
                c.dep_ == "prep" and c.lower_ in ("in", "at") for c in t.children):
            return True  # "X is expected in Muscat on Saturday"
        if t.dep_ == "xcomp" and t.head.lemma_ == "go" and t.head.tag_ == "VBG":
            return True
    return False


def past_marked(tok: Token, light: Optional[Token]) -> bool:
    for t in (tok, light):
        if t is None:
            continue
        if any(c.dep_ == "amod" and c.lower_ in PAST_AMOD for c in t.children):
            return True
    # "the last time X visited Y was in 2004": trigger in a relative clause of "time"
    v = light or tok
    if v.dep_ == "relcl" and v.head.lemma_ == "time" and any(c.lower_ in PAST_AMOD for c in v.head.children):
        return True
    return False


_BEFORE_NEWS = re.compile(r"\b(?:last|previous|past) (?:week|month|year)\b|\b(?:weeks?|months?|years?) ago\b|"
                          r"\bearlier (?:this|in the) (?:week|month|year)\b", re.I)
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def date_entities(doc) -> dict[int, list[Span]]:
    """DATE entities by sentence start (computed once per Doc)."""
    out: dict[int, list[Span]] = {}
    for e in doc.ents:
        if e.root.dep_ in ("amod", "nummod") and e.root.head.ent_type_ not in ("DATE", "TIME") and \
                e.root.head.pos_ in ("NOUN", "PROPN") and len(e) == 1:
            continue  # "its 17th package of sanctions": an ordinal of a thing, not a day
        if e.label_ == "DATE" or e.label_ == "TIME" and _WEEKDAY.search(e.text):
            # "on Wednesday night", "on Thursday morning": a day, tagged as a time
            out.setdefault(e.root.sent.start, []).append(e)
    return out


_ATTRIBUTION = frozenset("say announce state confirm tell add report".split())


def _date_ents(sent: Span, tok: Token, light: Optional[Token], dates: Optional[list] = None,
               future: bool = False) -> list[Span]:
    """DATE entities of the sentence that govern the trigger's clause, nearest first.  `future`:
    the trigger is a planned act, and the day of the attribution that reports it ("X will provide
    aid, the government said on Tuesday") is not its day."""
    chain = _clause_chain(tok, light)
    anchors = set(t.i for t in chain)
    out = []
    for e in (dates if dates is not None else [e for e in sent.ents if e.label_ == "DATE"]):
        # the verb the date phrase attaches to
        h = e.root
        for _ in range(6):  # "offered help with the search on Sunday evening": up the noun phrase
            if h.pos_ in ("VERB", "AUX") or h.i in anchors or h.head is h:
                break
            h = h.head
        if h.dep_ == "advcl" and h.tag_ == "VBG" and h.head.i in anchors and tok.pos_ == "VERB" and \
                not any(c.dep_ in ("nsubj", "mark", "aux") for c in h.children):
            # "ruled out ceding territory to Russia on Tuesday": the parser hangs the day on the
            # bare gerund that completes the trigger
            h = h.head
        if h.dep_ == "acl" and h.tag_ in ("VBN", "VBG") and h.head.dep_ == "dobj" and h.head.head.i in anchors \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in h.children):
            # "sent two planes loaded with supplies to Libya on Sunday": the day hung on the cargo
            h = h.head.head
        related = h.i in anchors or h in tok.ancestors or (
            tok in h.subtree and not any(t.dep_ in ("ccomp",) for t in tok.ancestors if t in h.subtree and t is not h))
        if tok.i in range(e.start, e.end):
            continue
        if future and h.i != tok.i and (light is None or h.i != light.i) and \
                h.lemma_.lower() in _ATTRIBUTION and h in tok.ancestors:
            continue
        if related:
            out.append(e)
    out.sort(key=lambda e: min(abs(e.start - tok.i), abs(e.end - tok.i)))
    return out


def _compare(date: str, anchor: Optional[str]) -> int:
    """-1 when `date` is clearly before the anchor, +1 clearly after, 0 same period/unknown."""
    if not anchor or not date:
        return 0
    a = anchor[:10]
    try:
        ad = _dt.date.fromisoformat(a)
    except ValueError:
        return 0
    if len(date) == 4:
        y = int(date)
        return -1 if y < ad.year else 1 if y > ad.year else 0
    if len(date) == 7:
        y, m = int(date[:4]), int(date[5:7])
        d = (y - ad.year) * 12 + (m - ad.month)
        return -1 if d < -1 else 1 if d > 0 else 0
    try:
        dd = _dt.date.fromisoformat(date[:10])
    except ValueError:
        return 0
    delta = (dd - ad).days
    return -1 if delta < -45 else 1 if delta > 0 else 0


def modality(tok: Token, light: Optional[Token], anchor: Optional[str],
             dates: Optional[list] = None) -> tuple[str, Optional[str]]:
    """(when, date) for a trigger token (and its light verb, for noun triggers).
    `dates`: the sentence's DATE entities when the caller has them (see `date_entities`)."""
    sent = tok.sent
    date = None
    date_text = ""
    fut = future_marked(tok, light)
    for e in _date_ents(sent, tok, light, dates, future=fut):
        date = adapters.resolve_date(e.text, anchor, future=fut)
        if not date and "," in e.text:
            # "on Monday, days after the earthquake": the NER ran the day into what follows
            date = adapters.resolve_date(e.text.split(",")[0], anchor, future=fut)
        if date:
            date_text = e.text
            break
    if negated(tok, light):
        return "negated", date or anchor
    if hypothetical(tok, light):
        return "hypothetical", date
    cmp = _compare(date, anchor) if date else 0
    if fut and cmp < 0 and date and not _YEAR.search(date_text):
        # "will meet in October" said in August: the coming October, not the last one
        date = f"{int(date[:4]) + 1:04d}{date[4:]}"
        cmp = _compare(date, anchor)
    if fut or cmp > 0:
        return "future", date if cmp >= 0 else None
    if cmp < 0:
        return "past", date
    if date and _BEFORE_NEWS.search(date_text):
        # "called ... last week", "met earlier this month" in a story about a later act: a past
        # mention (the news is what the article reports for its own day)
        return "past", date
    if past_marked(tok, light):
        return "past", date
    return "reported", date   # None: the caller dates it (story date or anchor)
