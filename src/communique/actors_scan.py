"""Dictionary scan of a Doc against the knowledge base, with the traps filtered out.

One pass over the tokens: at each token whose normalised text starts a KB phrase, the longest
phrase (up to 8 tokens) wins.  Lookups are plain dict probes (the phrase table is built once per
process by the KnowledgeBase), so the scan is linear in the length of the article.
"""
from __future__ import annotations

import functools

from dataclasses import dataclass
from typing import Optional

from .actors_titles import (ANIMAL_NEXT, GENERIC_HEADS, GOV_NOUNS, TITLE_LAST_WORDS, NAME_STOP, NON_NAME_NEXT,
                            PROPER_NEXT, TITLE_FIRST_WORDS)
from .kb import Entry, KnowledgeBase
from .kb.names import norm

MAX_SCAN = 8
LOC_PREPS = {"in", "at", "to", "from", "near", "into", "via", "outside", "inside", "across", "around", "toward",
             "towards", "of", "through", "between", "within", "throughout", "visit", "visiting", "visited"}
US_STATE_CONTEXT = {"governor", "senator", "state", "county", "legislature", "republicans", "democrats", "voters",
                    "primary", "bulldogs", "tech", "peach", "sheriff", "congressman", "congresswoman"}
PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}
GEO_FEATURES = {"gulf", "sea", "bay", "strait", "straits", "coast", "island", "islands", "peninsula", "river",
                "lake", "gulfs", "mountains", "shores"}
NAME_LABELS = ("PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "LOC", "EVENT")


@dataclass
class Hit:
    start: int          # token index
    end: int            # token index (exclusive)
    entries: list       # list[Entry]
    text: str

    def kinds(self) -> set:
        return {e.kind for e in self.entries}

    def first(self, kind: str, forms: Optional[set] = None) -> Optional[Entry]:
        for e in self.entries:
            if e.kind == kind and (forms is None or e.form in forms):
                return e
        return None


_norm_cached = functools.lru_cache(maxsize=65536)(norm)   # norm is pure: memoise per distinct string


def token_norms(doc) -> list[str]:
    return [_norm_cached(t.text) for t in doc]


def scan(doc, kb: KnowledgeBase, tn: list[str]) -> list[Hit]:
    hits: list[Hit] = []
    n = len(doc)
    i = 0
    first = kb.first_words
    phrases = kb.phrases
    while i < n:
        w = tn[i]
        if not w or w not in first:
            i += 1
            continue
        found = None
        parts: list[str] = []
        j = i
        # build candidate keys incrementally, remember the longest that exists
        while j < n and j - i < MAX_SCAN:
            if tn[j]:
                parts.append(tn[j])
                key = " ".join(parts)
                if key in phrases and tn[j]:
                    found = (j + 1, phrases[key])
            elif doc[j].text not in "-‐‑–—":
                break
            j += 1
        if found and _glued_on(doc, found[0]) and all(e.kind == "person" for e in found[1]):
            found = None            # "Park Jin" inside "Park Jin-young": another person's longer name
        if found and _case_ok(doc, i, found[0]):
            st = i
            if i > 0 and tn[i - 1] == "the" and any(e.text.lower().startswith("the ") for e in found[1]):
                st = i - 1          # "the Kremlin", "the White House": the article is part of the name
            hits.append(Hit(st, found[0], list(found[1]), doc[st:found[0]].text))
            i = found[0]
        else:
            i += 1
    return hits


def _glued_on(doc, e: int) -> bool:
    """Token e is a hyphen glued to the token before and to a word after ("Jin" "-" "young")."""
    return e + 1 < len(doc) and doc[e].text in "-‐‑–" and not doc[e - 1].whitespace_ \
        and not doc[e].whitespace_ and doc[e + 1].is_alpha


def _case_ok(doc, start: int, end: int) -> bool:
    t = doc[start].text
    if not t[:1].isupper() and not t[:1].isdigit():
        return False
    txt = t if end - start == 1 else "".join(doc[i].text for i in range(start, end))
    letters = [c for c in txt if c.isalpha()]
    if len(letters) <= 3 and end - start == 1 and not (t.isupper() or "." in t):
        return False            # short acronyms must be written in capitals (US, UN, EU, AU)
    return True


def is_trap(doc, hit: Hit, tn: list[str], kb: KnowledgeBase) -> bool:
    """A country/org name that is part of another name (China Daily, Chad Smith, Michael Jordan),
    a US state (Atlanta, Georgia), a bird or an animal (turkey, Guinea pig)."""
    if "person" in hit.kinds():
        return False
    s, e = hit.start, hit.end
    nxt = doc[e] if e < len(doc) else None
    prv = doc[s - 1] if s > 0 else None
    country = hit.first("country", {"name", "adj"})
    if nxt is not None and (country or hit.first("org")) and (
            tn[e] in PROPER_NEXT and nxt.text[:1].isupper() and (hit.first("country", {"name"}) or hit.first("org"))
            or tn[e] in ANIMAL_NEXT):
        return True
    if country is not None or hit.first("org"):
        k = e                   # "Azerbaijan Premier League", "Kazakh Football Union": a named thing
        while k < min(len(doc), e + 4) and doc[k].text[:1].isupper() and doc[k].is_alpha:
            if " ".join(tn[e:k + 1]) in kb.agents and (k + 1 >= len(doc) or not doc[k + 1].text[:1].isupper()):
                return False    # "the Nigerian Air Force", "Lesotho Defence Force": the country's agents
            if tn[k] in NAME_STOP and kb.agents.get(tn[k], "")[:3] in ("MIL", "COP", "JUD", "LEG"):
                return False    # "the Libyan National Army": a force of the country, under its own name
            if tn[k] in NAME_STOP and tn[k] not in kb.agents and tn[k] not in GOV_NOUNS:
                return True
            k += 1
    if country is None or country.form == "adj" and not hit.first("country", {"name"}):
        return False
    if s >= 2 and tn[s - 1] == "of" and tn[s - 2] in GEO_FEATURES:
        return True             # "the Gulf of Oman", "the Sea of Japan"
    # US state: "Atlanta, Georgia", "the state of Georgia", "Georgia governor"
    if tn[s] == "georgia":
        if nxt is not None and tn[e] in US_STATE_CONTEXT:
            return True
        if s >= 2 and doc[s - 1].text == "," and doc[s - 2].text[:1].isupper() \
                and norm(doc[s - 2].text) not in kb.phrases:
            return True
        if s >= 2 and tn[s - 1] == "of" and tn[s - 2] == "state":
            return True
        if nxt is not None and doc[e].text == "," and e + 1 < len(doc) and tn[e + 1] in ("us", "usa"):
            return True
    if s >= 2 and tn[s - 1] in ("of", "for") and (tn[s - 2] in TITLE_LAST_WORDS and tn[s - 2] != "state" or tn[s - 2] in GENERIC_HEADS):
        return False            # "Minister of Kazakhstan Roman Vassilenko": the country of a title
    if nxt is not None and (tn[e] in kb.agents or nxt.lemma_.lower() in kb.agents):
        return False        # "Nigeria Police", "Kazakhstan Railways": an agent of the country
    # part of a multi-word proper name recognised by the parser (Chad Smith, China Daily, Jordan Peterson)
    if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and tn[e] not in NON_NAME_NEXT \
            and tn[e] not in TITLE_FIRST_WORDS and not _place_word(kb, tn[e]):
        for ent in doc.ents:
            if ent.start <= s and ent.end > e and ent.label_ in NAME_LABELS:
                return True
        if nxt.ent_type_ == "PERSON" or (doc[s].ent_type_ == "PERSON"):
            return True
    if prv is not None and prv.text[:1].isupper() and prv.pos_ == "PROPN" and not prv.is_sent_start \
            and norm(prv.text) not in TITLE_FIRST_WORDS and not _place_word(kb, norm(prv.text)):
        if doc[s].ent_type_ == "PERSON" or prv.ent_type_ == "PERSON":
            return True
    # a person: "Jordan said he ..." with a person name right before a pronoun referring back
    if doc[s].ent_type_ == "PERSON" and e - s == 1:
        window = [norm(t.text) for t in doc[e:min(len(doc), e + 4)]]
        if any(w in PERSON_PRONOUNS for w in window[1:]) and tn[e] in ("said", "says", "scored", "told"):
            return True
    return False


def place_country_at(doc, j: int) -> Optional[tuple[int, str]]:
    """A city or region of the offline gazetteer starting at token j -> (end token, country)."""
    try:
        from . import gazetteer
    except ImportError:          # the gazetteer is optional for actor resolution
        return None
    n = len(doc)
    if j >= n or not doc[j].text[:1].isupper():
        return None
    for k in (3, 2, 1):
        if j + k > n or not all(t.text[:1].isupper() or t.text in ("-", "de", "of") for t in doc[j:j + k]):
            continue
        p = gazetteer.lookup(doc[j:j + k].text, kinds=("capital", "seat", "city", "region"))
        if p is not None and p.country:
            return j + k, p.country
    return None


def _place_word(kb: KnowledgeBase, w: str) -> bool:
    return any(e.kind != "person" for e in kb.phrases.get(w, ()))


def is_place_use(doc, hit: Hit, tn: list[str], dateline: Optional[dict]) -> bool:
    """A capital used as a place ('in Astana', 'ASTANA, Kazakhstan'), not as its government."""
    s, e = hit.start, hit.end
    if dateline and dateline.get("end") is not None and doc[s].idx < (dateline.get("end") or 0) \
            and doc[s].idx >= (dateline.get("start") or 0):
        return True
    if s > 0 and tn[s - 1] in LOC_PREPS:
        return True
    if s > 1 and tn[s - 1] == "the" and tn[s - 2] in LOC_PREPS:
        return True
    if e + 1 < len(doc) and doc[e].text == ",":
        return True
    if e < len(doc) and (doc[e].text in ("’s", "'s") or doc[e].pos_ in ("NOUN", "PROPN") and doc[e].dep_ != "nsubj"
                         and doc[s].dep_ == "compound"):
        return doc[e].text not in ("’s", "'s")
    return False


def disambiguate(doc, hits: list[Hit], kb: KnowledgeBase) -> None:
    """A name shared by several countries ("Congo", "Congolese", "Dominican"): the country the rest of
    the article points to wins - its other unambiguous names, capitals and cities, and places of the
    gazetteer (Goma, North Kivu -> DR Congo; Brazzaville -> Republic of the Congo).  Entries are
    reordered in place; without evidence the KB's order stands."""
    ambiguous = [h for h in hits if len({e.id for e in h.entries if e.kind == "country"}) > 1]
    if not ambiguous:
        return
    support: dict[str, int] = {}
    taken = set()
    for h in hits:
        taken.update(range(h.start, h.end))
        ids = {e.id for e in h.entries if e.kind == "country"}
        if len(ids) == 1:
            code = next(iter(ids))
            support[code] = support.get(code, 0) + 1
    i = 0
    while i < len(doc):
        if i not in taken and doc[i].text[:1].isupper() and doc[i].is_alpha:
            found = place_country_at(doc, i)
            if found is not None:
                support[found[1]] = support.get(found[1], 0) + 1
                i = found[0]
                continue
        i += 1
    for h in ambiguous:
        order = {id(e): n for n, e in enumerate(h.entries)}
        h.entries.sort(key=lambda e: (-support.get(e.id, 0) if e.kind == "country" else 0, order[id(e)]))
