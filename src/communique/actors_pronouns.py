"""Who owns "its": the antecedent of a possessive pronoun that stands for a state or an organisation.

``its_owner(doc, tok, mentions, table) -> Mention | None`` (``tok`` is the index of "its"/"their"). Rule:

1. Binding: "its" refers to the subject of its own clause when that subject is a (non-person) actor
   ("Sweden cleared its final hurdle" -> Sweden; "China said the US would raise its tariffs" -> the US).
2. Applicant nouns: when the possessed noun is something a state asks others for (a membership bid, an
   application, an accession, a candidacy) and the own clause's verb is another body's decision on it
   ("the Hungarian parliament ratified its membership bid"), the decider is not the owner: "its" is the
   subject of the governing (main) clause ("Sweden cleared its final hurdle ... as the Hungarian parliament
   ratified its membership bid" -> Sweden), else the nearest other actor named before - never the
   decider itself nor the organisation being joined.
3. Otherwise the nearest state or organisation named before "its" in the sentence or the previous one
   (what the event coder did for every "its").

Persons never own "its".  The rule is used by the event coder (see events/arguments.py `pronoun`).
"""
from __future__ import annotations

from typing import Optional

POSSESSIVE_PRONOUNS = {"its", "their"}
# nouns whose owner is the applicant, not the body deciding on them
APPLICANT_NOUNS = {"bid", "bids", "application", "applications", "accession", "candidacy", "candidature",
                   "membership", "admission", "entry", "request", "requests", "petition", "nomination",
                   "ascension", "integration", "joining"}
# verbs by which a third party decides on (or acts on) another's application
DECISION_VERBS = {"ratify", "approve", "endorse", "back", "block", "veto", "reject", "accept", "greenlight",
                  "support", "consider", "examine", "delay", "stall", "hold", "unblock", "clear", "vote",
                  "welcome", "freeze", "suspend", "oppose", "recommend", "grant", "deny", "obstruct", "sign",
                  "authorize", "authorise", "confirm", "finalise", "finalize", "review", "process", "fast-track",
                  "reward", "rebuff", "snub", "hamper", "question", "challenge", "decide"}
JOIN_WORDS = {"join", "joining", "joined", "membership", "accession", "accede", "admission", "enter"}


def _verb_of(tok):
    """The verb governing a token (walking up through nouns and prepositions)."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _subject_of(verb):
    """The subject of a verb; a conjoined verb without its own subject shares its head's."""
    for _ in range(4):
        if verb is None:
            return None
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return c
        if verb.dep_ == "conj":
            verb = verb.head
        else:
            return None
    return None


def _main_verb(verb):
    """The verb of the clause that governs `verb`'s clause (None when `verb`'s clause is the main one)."""
    tok = verb
    for _ in range(10):
        if tok.head is tok:
            return None
        if tok.dep_ in ("advcl", "ccomp", "xcomp", "relcl", "acl", "pcomp", "csubj", "conj", "parataxis"):
            head = tok.head
            while head.pos_ not in ("VERB", "AUX") and head.head is not head:
                head = head.head
            return head if head.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


def _mention_at(tok, mentions, table):
    """The non-person actor mention of the phrase headed by `tok` (the head itself, else inside it)."""
    if tok is None:
        return None
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    inside = [m for m in mentions if lo <= m.token_start and m.token_end <= hi
              and getattr(table.get(m.key), "kind", None) != "person"]
    for m in inside:
        if m.token_start <= tok.i < m.token_end:
            return m
    return inside[0] if inside else None


def _joined(doc, mentions, lo: int, hi: int) -> set:
    """Keys of organisations being joined in doc[lo:hi] ("to join NATO", "NATO membership")."""
    out = set()
    for m in mentions:
        if not lo <= m.token_start < hi:
            continue
        before = doc[m.token_start - 1].lower_ if m.token_start > 0 else ""
        after = doc[m.token_end].lower_ if m.token_end < len(doc) else ""
        if before in JOIN_WORDS or after in ("membership", "accession", "admission") or m.token_start > 1 \
                and doc[m.token_start - 2].lower_ in JOIN_WORDS and before in ("the", "of", "to", "in", "into"):
            out.add(m.key)
    return out


RELATIVE = {"which", "that", "who"}


def _governing_subjects(verb, before, table, tok: int) -> list:
    """(clause has a subject, its actor mention or None) for `verb`'s clause and the clauses governing it,
    innermost first.  A clause without a subject of its own ("..., ending its delay") or whose subject is
    a personal pronoun ("said it would") takes its governing clause's subject; a relative pronoun ("Italy,
    which backed its bid") stands for the noun the clause describes."""
    out = []
    for _ in range(6):
        if verb is None:
            break
        subj = _subject_of(verb)
        relative = subj is not None and subj.lower_ in RELATIVE and verb.dep_ == "relcl"
        if relative:
            subj = verb.head
        if subj is not None and not relative and subj.left_edge.i <= tok <= subj.right_edge.i:
            out.append((False, None))       # "its bid was ratified": the possessed noun is the subject
        elif subj is not None and subj.pos_ != "PRON":
            out.append((True, _mention_at(subj, before, table)))
        verb = _main_verb(verb)
    return out


def its_owner(doc, tok: int, mentions, table) -> Optional[object]:
    """The mention "its" at token `tok` refers to (see module doc), or None."""
    t = doc[tok]
    if t.lower_ not in POSSESSIVE_PRONOUNS:
        return None
    try:
        s_start = t.sent.start
        prev = doc[s_start - 1].sent.start if s_start > 0 else s_start
    except ValueError:
        s_start = prev = 0
    before = [m for m in mentions if prev <= m.token_start and m.token_end <= tok
              and getattr(table.get(m.key), "kind", None) not in ("person", None)]
    if not before:
        return None
    noun = t.head
    verb = _verb_of(noun)
    chain = _governing_subjects(verb, before, table, tok) if verb is not None else []
    has_own, own = chain[0] if chain else (False, None)
    words = {noun.lower_} | {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    applicant = bool(words & APPLICANT_NOUNS) and verb is not None and verb.lemma_.lower() in DECISION_VERBS
    if applicant and has_own:
        # the decider ("the Hungarian parliament", "the bloc") does not own the application, nor does the
        # organisation being joined: the outermost governing clause's subject does (the sentence's topic)
        skip = ({own.key} if own else set()) | _joined(doc, before, prev, tok)
        decider = table.get(own.key) if own else None
        for _, cand in reversed(chain[1:]):
            if cand is not None and cand.key not in skip:
                return cand
        for m in reversed(before):
            a = table.get(m.key)
            if m.key in skip or (decider is not None and a is not None and a.country == decider.country):
                continue
            return m
        return None
    if own is not None:
        return own
    return before[-1]


__all__ = ["its_owner", "APPLICANT_NOUNS", "DECISION_VERBS"]
