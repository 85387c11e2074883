"""The country an article's context gives to a title written without one.

"Foreign Secretary Vikram Misri said ..." under a New Delhi dateline, "Spokesperson Lin Jian said China
...", "Ukraine's delegation was led by Defence Minister Rustem Umerov": the country comes from

1. a delegation the person leads ("<Country>'s delegation was led by X", "and Russia's by X");
2. the dateline's country, when the sentence names no other state, or names others only after the
   reference and not as a subject ("X accused Pakistan of ..."), or names one other state and the
   article names the dateline's country more than any other;
3. without a dateline, the only state named in the sentence.

Anything else is ambiguous and gives no country (a wrong country is worse than none).
"""
from __future__ import annotations

from typing import Optional

from .kb.names import norm

LEAD_VERBS = {"led", "headed", "represented", "accompanied"}
VENUE_PREPS = {"in", "to", "at", "into", "near", "toward", "towards", "via", "visit", "visiting", "visited"}
PARTY_NOUNS = {"delegation", "delegations", "team", "side", "negotiators", "negotiating"}


def _sentence(doc, tok: int) -> tuple[int, int]:
    try:
        s = doc[tok].sent
        return s.start, s.end
    except ValueError:
        return 0, len(doc)


def _in_dateline(doc, a: int) -> bool:
    dl = doc._.dateline or {}
    if dl.get("end") is not None and dl.get("start") is not None:
        return dl["start"] <= doc[a].idx < dl["end"]
    return a < 4 and doc[a].is_upper and len(doc[a]) > 1       # "NEW DELHI, April 24 -"


QUOTE_MARKS = {'"', "“", "”", "«", "»"}


def _in_quote(doc, a: int, lo: int) -> bool:
    """Inside a quotation opened earlier in the sentence (the speaker's words name other states)."""
    return sum(1 for t in doc[lo:a] if t.text in QUOTE_MARKS) % 2 == 1


def _states(reg, lo: int, hi: int, exclude: tuple[int, int]) -> list[tuple[int, int, str]]:
    return [(a, b, c) for a, b, c in getattr(reg, "states_at", [])
            if lo <= a < hi and not (exclude[0] <= a < exclude[1]) and not _in_dateline(reg.doc, a)
            and not _in_quote(reg.doc, a, lo)]


def led_by(doc, reg, start: int) -> Optional[str]:
    """'<Country>'s delegation was led by X' / '... and Russia's by X' -> that country."""
    if start < 2 or norm(doc[start - 1].text) != "by":
        return None
    lo, _ = _sentence(doc, start)
    before = [x for x in _states(reg, lo, start - 1, (start, start)) if x[1] <= start - 1]
    if not before:
        return None
    a, b, code = before[-1]
    after = [norm(t.text) for t in doc[b:start - 1]]
    if after[:1] in (["'s"], ["’s"]) and len(after) == 1:
        return code                 # "and Russia's by X"
    if after and after[0] in ("'s", "’s"):
        after = after[1:]
    if after and after[0] in PARTY_NOUNS and any(w in LEAD_VERBS for w in after[1:]) and len(after) <= 4:
        return code                 # "Ukraine's delegation was led by X", "the Omani side, headed by X"
    return None


def _subject_like(tok) -> bool:
    """Is this token (inside) the subject of a clause ("said China opposed", "the head of Pakistan's army
    called")?  Walks up through modifiers, prepositions and conjuncts to the first verb."""
    for _ in range(8):
        if tok.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return True
        if tok.dep_ in ("ROOT",) or tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            return False
        tok = tok.head
    return False


def context_country(doc, reg, start: int, exclude: tuple[int, int]) -> Optional[str]:
    """The country the context gives to a reference starting at token `start` (see module doc)."""
    c = led_by(doc, reg, start)
    if c:
        return c
    lo, hi = _sentence(doc, start)
    named = {code for a, _, code in _states(reg, lo, hi, exclude) if code in reg.kb.countries}
    # a state only named as a destination or venue after the reference ("met Putin in Moscow") says
    # nothing about the person's own country
    own = {code for a, _, code in _states(reg, lo, hi, exclude) if code in reg.kb.countries
           and not (a >= exclude[1] and a > 0 and norm(doc[a - 1].text) in VENUE_PREPS)}
    dl = (doc._.dateline or {}).get("country")
    if dl:
        if not named or named == {dl}:
            return dl
        others = [x for x in _states(reg, lo, hi, exclude) if x[2] != dl]
        if all(a >= exclude[1] and not _subject_like(doc[b - 1]) for a, b, _ in others):
            return dl           # "Foreign Secretary X accused Pakistan of ...": other states only as objects
        if len(named) > 1:
            return None         # several states in the sentence: ambiguous
        counts: dict[str, int] = {}
        for _, _, code in getattr(reg, "states_at", []):
            counts[code] = counts.get(code, 0) + 1
        top = sorted(counts.items(), key=lambda kv: -kv[1])
        if top and top[0][0] == dl and (len(top) == 1 or top[0][1] > top[1][1]):
            return dl
        return None             # the dateline and the sentence disagree: ambiguous
    if len(named) == 1 and own == named:
        return next(iter(named))
    return None


__all__ = ["context_country", "led_by"]
