"""Government bodies and plural groups written without a country.

1. Bare bodies: "the foreign ministry said", "the Ministry of Commerce", "the defence ministry
   spokesperson", "the presidential press service".  The owner is, in order:
   a. the nearest earlier explicit mention of a body or an office of the same portfolio ("Russia's
      foreign ministry", "Russian Foreign Minister X" for "the foreign ministry"); when that sentence
      names the portfolio for several states and one is the dateline's, the dateline's;
   b. the dateline's country;
   c. without a dateline, the only state the article names.
   Nothing else: a wrong country is worse than none.
2. Plural groups defined by a relation: "the downstream countries", "neighbouring states", "the
   riparian nations".  They mean the states the article names other than the ones the sentence
   itself involves (the speaker calling on "downstream countries" is not one of them).  One state
   left: that state.  Several: one group actor whose key and name list them all; the data model
   holds one country per actor, so the group's `country` is the first of them the article named.
   None left (every named state is in the sentence), or more than `MAX_MEMBERS`: unresolved.
"""
from __future__ import annotations

from typing import Optional

from .model import Actor

# portfolio words -> portfolio (the kind of ministry); a body and an office match on it
PORTFOLIOS = {
    "foreign": "foreign", "foreign affairs": "foreign", "external affairs": "foreign",
    "external relations": "foreign", "mfa": "foreign",
    "defence": "defence", "defense": "defence", "national defence": "defence", "national defense": "defence",
    "commerce": "trade", "trade": "trade", "industry and trade": "trade", "trade and industry": "trade",
    "commerce and industry": "trade", "economy": "trade", "economic affairs": "trade", "national economy": "trade",
    "finance": "finance", "treasury": "finance",
    "interior": "interior", "internal affairs": "interior", "home affairs": "interior", "home": "interior",
    "justice": "justice", "health": "health", "energy": "energy", "agriculture": "agriculture",
    "education": "education", "emergency situations": "emergency", "emergencies": "emergency",
    "transport": "transport", "culture": "culture", "information": "information", "unification": "unification",
}
# office roles (actors_titles) -> portfolio
ROLE_PORTFOLIO = {"foreign minister": "foreign", "deputy foreign minister": "foreign",
                  "minister of state for foreign affairs": "foreign", "defence minister": "defence",
                  "trade minister": "trade", "finance minister": "finance", "interior minister": "interior"}
BODY_HEADS = {"ministry"}
# bodies of the head of state's office: owner from the dateline only
PRESIDENTIAL = {("presidential", "press", "service"), ("presidential", "press", "office"),
                ("presidential", "office"), ("presidential", "administration"), ("presidential", "spokesperson"),
                ("presidential", "spokesman"), ("presidential", "spokeswoman")}
SPEAKER_TAILS = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen"}
SPEAKER_TAILS2 = {("press", "service"), ("press", "office")}
DETERMINERS = {"the", "a", "an"}
POSSESSIVES = {"'s", "’s", "its", "his", "her", "their", "our"}


def _portfolio(words: list[str]) -> Optional[str]:
    """'foreign' / 'foreign affairs' / 'commerce' ... -> portfolio (None when unknown)."""
    phrase = " ".join(w for w in words if w not in DETERMINERS)
    if phrase in PORTFOLIOS:
        return PORTFOLIOS[phrase]
    for w in words:
        if w in PORTFOLIOS:
            return PORTFOLIOS[w]
    return None


def _text_portfolio(text: str) -> Optional[str]:
    """Portfolio named in a mention's text ("Russia's Foreign Ministry", "Minister of Defence X")."""
    from .kb.names import norm
    words = norm(text).split()
    for i, w in enumerate(words):
        if w.startswith("ministr") or w in ("minister", "secretary"):
            before = words[max(0, i - 2):i]
            after = words[i + 1:i + 4]
            if after[:1] in (["of"], ["for"]):
                after = after[1:]
                if after[:1] == ["the"]:
                    after = after[1:]
                for n in (2, 1):
                    if " ".join(after[:n]) in PORTFOLIOS:
                        return PORTFOLIOS[" ".join(after[:n])]
            for n in (2, 1):
                if len(before) >= n and " ".join(before[-n:]) in PORTFOLIOS:
                    return PORTFOLIOS[" ".join(before[-n:])]
    return None


def find_bodies(doc, tn) -> list[tuple[int, int, Optional[str], str]]:
    """Bare bodies: (start, end, portfolio, phrase for the sector lookup) in token indices."""
    out = []
    n = len(doc)
    i = 0
    while i < n:
        w = tn[i]
        if w in BODY_HEADS:
            # modifiers before the head: "the foreign ministry", "the Commerce Ministry"
            s = i
            while s > 0 and i - s < 3 and tn[s - 1] and tn[s - 1] not in DETERMINERS and \
                    doc[s - 1].pos_ in ("ADJ", "NOUN", "PROPN") and not doc[s - 1].is_punct and \
                    tn[s - 1] not in POSSESSIVES:
                s -= 1
            mods = tn[s:i]
            e = i + 1
            after: list[str] = []
            if e + 1 < n and tn[e] in ("of", "for") and not mods:
                k = e + 1
                while k < n and k - e <= 4 and tn[k] and (tn[k] == "and" or doc[k].text[:1].isupper()
                                                          or tn[k] == "affairs"):
                    after.append(tn[k])
                    k += 1
                if after and after[-1] == "and":
                    after.pop()
                    k -= 1
                if after:
                    e = k
            portfolio = _portfolio(mods) if mods else _portfolio(after) if after else None
            phrase = " ".join(mods + [w]) if mods else " ".join([w, "of"] + after) if after else w
            start = s - 1 if s > 0 and tn[s - 1] in DETERMINERS else s
            if start > 0 and tn[start - 1] in POSSESSIVES:
                i += 1
                continue                # "Russia's foreign ministry", "its defence ministry": owned
            if portfolio is None and not mods and not after:
                i += 1
                continue                # "the ministry": the events' antecedent rule handles it
            e = _speaker_tail(tn, e)
            out.append((start, e, portfolio, phrase))
            i = e
            continue
        if w == "presidential":
            for pat in sorted(PRESIDENTIAL, key=len, reverse=True):
                if tuple(tn[i:i + len(pat)]) == pat:
                    start = i - 1 if i > 0 and tn[i - 1] in DETERMINERS else i
                    if start > 0 and tn[start - 1] in POSSESSIVES:
                        break
                    out.append((start, i + len(pat), "presidential", " ".join(pat)))
                    i += len(pat) - 1
                    break
        i += 1
    return out


def _speaker_tail(tn, e: int) -> int:
    """Extend over a speaker noun after the body ("the defence ministry spokesperson")."""
    if e < len(tn) and tn[e] in SPEAKER_TAILS:
        return e + 1
    if e + 1 < len(tn) and (tn[e], tn[e + 1]) in SPEAKER_TAILS2:
        return e + 2
    return e


def _sentence_start(doc, tok: int) -> int:
    try:
        return doc[tok].sent.start
    except ValueError:
        return 0


def _antecedent(doc, reg, start: int, portfolio: str, dl: Optional[str]) -> Optional[str]:
    """Country of the nearest earlier mention of a body or an office of this portfolio."""
    found: list[tuple[int, str]] = []
    for m in reg.mentions:
        if m.token_end > start:
            continue
        a = reg.actors.get(m.key)
        if a is None or a.country not in reg.kb.countries:
            continue
        p = ROLE_PORTFOLIO.get(a.role or "") if a.kind == "person" else None
        p = p or _text_portfolio(m.text)
        if p == portfolio:
            found.append((m.token_start, a.country))
    if not found:
        return None
    nearest = max(found)[0]
    sent = _sentence_start(doc, nearest)
    same = {c for t, c in found if _sentence_start(doc, t) == sent}
    if len(same) > 1 and dl in same:
        return dl                       # "Wang Yi met Lavrov. The foreign ministry said": the home one
    return max(found)[1]


def _owner(doc, reg, start: int, portfolio: Optional[str]) -> tuple[Optional[str], str]:
    dl = (doc._.dateline or {}).get("country")
    if portfolio and portfolio != "presidential":
        c = _antecedent(doc, reg, start, portfolio, dl)
        if c:
            return c, "body-antecedent"
    if dl:
        return dl, "body-dateline"
    named = {c for _, _, c in getattr(reg, "states_at", []) if c in reg.kb.countries}
    if len(named) == 1:
        return next(iter(named)), "body-only-state"
    return None, ""


def _in_quote(doc, tok: int) -> bool:
    s = _sentence_start(doc, tok)
    return sum(1 for t in doc[s:tok] if t.text in ('"', "“", "”")) % 2 == 1


AGENT_DEPS = {"nsubj", "nsubjpass", "poss"}


def _located(doc, tn, reg, e: int) -> Optional[tuple[str, str]]:
    """"the health ministry in Gaza": the country of the place right after the body."""
    if e + 1 >= len(doc) or tn[e] != "in":
        return None
    k = e + 2 if tn[e + 1] == "the" and e + 2 < len(doc) else e + 1
    for a, _, c in getattr(reg, "states_at", []):
        if a == k and c in reg.kb.countries:
            return c, "body-place"
    from .actors_scan import place_country_at
    found = place_country_at(doc, k)
    return (found[1], "body-place") if found else None


def _speaks(doc, s: int, e: int) -> bool:
    """The body acts or speaks: a subject or possessor ("the ministry said", "the ministry's
    statement"), a passive agent ("by the ministry"), a source ("according to the ministry"), or a
    subject conjoined with one.  A body named only as a place or an origin ("medics from the Ministry
    of Emergency Situations") is left to the event coder's own reading."""
    head = doc[s:e].root
    if head.dep_ in AGENT_DEPS:
        return True
    if head.dep_ == "conj" and head.head.dep_ in AGENT_DEPS:
        return True
    if head.dep_ == "pobj":
        p = head.head
        if p.lower_ == "by" and p.dep_ == "agent":
            return True
        if p.lower_ == "to" and p.i > 0 and doc[p.i - 1].lower_ == "according":
            return True
    return False


def bare_bodies(doc, tn, reg) -> None:
    """Resolve the bare bodies of the article (see module doc, 1)."""
    for s, e, portfolio, phrase in find_bodies(doc, tn):
        if reg.covered(s, e) or _in_quote(doc, s) or not _speaks(doc, s, e):
            continue
        if e < len(doc) and tn[e] in ("of", "for"):
            continue                    # "the Ministry of Defence of Ukraine": owned by what follows
        code, how = _located(doc, tn, reg, e) or _owner(doc, reg, s, portfolio)
        if not code:
            continue
        sector = (reg.kb.agents.get(phrase) or "GOV")[:3]
        if portfolio == "defence":
            sector = reg.kb.agents.get("defence ministry", "MIL")[:3]
        name = doc[s + 1:e].text if tn[s] in DETERMINERS else doc[s:e].text
        key = reg.country(code, "GOV") if sector == "GOV" else reg.group(code, sector, name)
        reg.mention(s, e, key, how, 0.7 if how == "body-antecedent" else 0.6)


# ------------------------------------------------------------------------------- plural groups
RELATIONS = {"downstream", "upstream", "riparian", "neighbouring", "neighboring", "neighbour", "neighbor",
             "basin", "coastal", "littoral", "bordering", "adjacent"}
MAX_MEMBERS = 3     # more candidate states than this: the article does not say which are meant
GROUP_NOUNS = {"countries", "states", "nations", "governments", "neighbours", "neighbors"}


def find_groups(doc, tn) -> list[tuple[int, int]]:
    """'(the) downstream countries', 'neighbouring states', 'the riparian nations' -> token spans."""
    out = []
    for i in range(len(doc) - 1):
        if tn[i] in RELATIONS and tn[i + 1] in GROUP_NOUNS:
            s = i - 1 if i > 0 and tn[i - 1] in ("the", "other", "all") else i
            if s > 0 and tn[s - 1] in ("the",) and tn[s] in ("other", "all"):
                s -= 1
            if s > 0 and tn[s - 1] in POSSESSIVES:
                continue                # "Ethiopia's neighbours": the possessor's, not resolved here
            out.append((s, i + 2))
    return out


def _sentence_countries(doc, reg, s: int, e: int) -> set:
    lo = _sentence_start(doc, s)
    try:
        hi = doc[s].sent.end
    except ValueError:
        hi = len(doc)
    out = set()
    for m in reg.mentions:
        if lo <= m.token_start < hi and not (s <= m.token_start < e):
            a = reg.actors.get(m.key)
            if a is not None and a.country in reg.kb.countries:
                out.add(a.country)
    for a, _, c in getattr(reg, "states_at", []):
        if lo <= a < hi:
            out.add(c)
    return out


def _named_in_order(doc, reg, before: Optional[int]) -> list[str]:
    dl = doc._.dateline or {}
    order: list[str] = []
    marks = [(m.token_start, reg.actors[m.key].country) for m in reg.mentions
             if reg.actors.get(m.key) is not None and reg.actors[m.key].kind in ("country", "person")]
    marks += [(a, c) for a, _, c in getattr(reg, "states_at", [])]
    for tok, c in sorted(marks):
        if c not in reg.kb.countries or (before is not None and tok >= before):
            continue
        if dl.get("end") is not None and (dl.get("start") or 0) <= doc[tok].idx < dl["end"]:
            continue
        if c not in order:
            order.append(c)
    return order


def group_key(reg, codes: list[str]) -> str:
    """One actor for several states: key and name list all, `country` is the first (see module doc)."""
    if len(codes) == 1:
        return reg.country(codes[0])
    key = "group:" + "+".join(codes)
    if key not in reg.actors:
        names = [reg.kb.country_name(c) for c in codes]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        reg.actors[key] = Actor(id=key, name=name, kind="group", country=codes[0], sector="GOV",
                                cameo=codes[0] + "GOV")
    return key


def plural_groups(doc, tn, reg) -> None:
    """Resolve relation-defined plural groups (see module doc, 2)."""
    for s, e in find_groups(doc, tn):
        if reg.covered(s, e):
            continue
        involved = _sentence_countries(doc, reg, s, e)
        members = [c for c in _named_in_order(doc, reg, s) if c not in involved]
        if not members:
            members = [c for c in _named_in_order(doc, reg, None) if c not in involved]
        if not members or len(members) > MAX_MEMBERS:
            continue                    # nobody left, or too many states to tell which are meant
        reg.mention(s, e, group_key(reg, members), "plural-group", 0.6)


__all__ = ["bare_bodies", "plural_groups", "find_bodies", "find_groups", "group_key"]
