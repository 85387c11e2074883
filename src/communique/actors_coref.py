"""Nominal coreference inside an article.

"the president", "the Head of State", "the diplomat", "the Kazakh minister", "the Sultan of Oman",
"Oman's foreign minister" (no name following), "the two sides".  A nominal refers to the closest
person already named in the article whose role and country fit; when nobody fits, the knowledge base
gives the holder of that office on the date of the sentence; otherwise the office itself is the actor.
A nominal without a country of its own ("the president") takes the country of the nearest national actor
named before it in its sentence (a state as subject or possessor, a national body, a person), else the
dateline's, else the nearest one earlier in the article - only a country that has such an office.
"""
from __future__ import annotations

from typing import Optional

from .actors_people import POSSESSIVE, _place_entry, match_title
from .actors_titles import COREF_MAX_WORDS, COREF_NOUNS, FORMER, GOV_NOUNS, PAIR_PHRASES, title_info
from .kb.names import norm

INDEFINITE = {"a", "an", "another", "one"}
MONARCH_WORDS = {"president", "sultan", "king", "queen", "emir", "amir", "monarch", "chancellor", "premier"}


def _coref_noun(doc, tn, j: int):
    """Longest role noun at j: (end, allowed roles or None, noun, (role, title, sector) or None)."""
    best = None
    words: list[str] = []
    for k in range(j, min(len(doc), j + max(COREF_MAX_WORDS, 8))):
        if not tn[k]:
            if doc[k].text in "-–—":
                continue
            break
        words.append(tn[k])
        phrase = " ".join(words)
        info = title_info(phrase)
        if phrase in COREF_NOUNS or info:
            allowed = COREF_NOUNS.get(phrase, {info[0]} if info else None)
            best = (k + 1, allowed, phrase, info)
    return best


def resolve_nominals(doc, kb, tn, hits, reg) -> None:
    by_start = {h.start: h for h in hits}
    n = len(doc)
    i = 0
    while i < n:
        if reg.taken[i]:
            i += 1
            continue
        # the two sides / both countries
        if tn[i] in ("the", "both"):
            for m in (4, 3, 2):
                if i + m <= n and all(tn[i:i + m]) and " ".join(tn[i:i + m]) in PAIR_PHRASES:
                    people = tn[i + m - 1] in ("leaders", "presidents", "ministers", "interlocutors")
                    key = (reg.pair_of_people(i) if people else None) or reg.pair(i)
                    if key:
                        reg.mention(i, i + m, key, "pair")
                    i += m
                    break
            else:
                m = 0
            if m:
                continue
        if tn[i] in ("his", "her", "their", "its"):
            done = _counterpart(doc, kb, tn, i, by_start, reg)
            i = done or i + 1
            continue
        start, j, country, former = i, i, None, False
        if tn[j] == "the":
            if _institution_of(doc, kb, tn, i, by_start, reg):
                continue
            j += 1
        elif not (by_start.get(j) and _place_entry(by_start.get(j))):
            i += 1
            continue
        if j < n and tn[j] in FORMER:
            former, j = True, j + 1
        h = by_start.get(j)
        pe = _place_entry(h)
        if pe is not None:
            country = pe.id
            j = h.end
            if j < n and tn[j] in POSSESSIVE:
                j += 1
            if j < n and tn[j] in FORMER:
                former, j = True, j + 1
        elif tn[i] != "the":
            i += 1
            continue
        got = _coref_noun(doc, tn, j) if j < n else None
        if not got or reg.covered(start, got[0]):
            i += 1
            continue
        end, allowed, noun, info = got
        if end < n and tn[end] in ("of", "for"):
            k = end + 1
            if k < n and tn[k] == "the":
                k += 1
            h2 = by_start.get(k)
            pe2 = _place_entry(h2)
            if pe2 is not None:
                country = pe2.id
                end = h2.end
        if end + 1 < n and tn[end] == "to" and noun in ("ambassador", "envoy", "special envoy", "permanent representative"):
            h3 = by_start.get(end + 1)      # "Russia's ambassador to Uzbekistan": the post, not the nationality
            if _place_entry(h3) is not None:
                end = h3.end
        # a name right after: the people pass handled it ("the Kazakh President X"), or it is part of a
        # proper name ("the Azerbaijan Premier League")
        if end < n and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN" \
                and not (doc[end].is_upper and len(doc[end]) > 1):
            i += 1
            continue
        if tn[i] == "the" and country is None and doc[j].text[:1].islower() and noun in ("leader", "host", "guest"):
            i += 1
            continue
        if end + 1 < n and doc[end].text == "," and reg.taken[end + 1]:
            named = [m for m in reg.mentions if m.token_start == end + 1 and m.key.startswith("person:")]
            if named:                # "the former Ukrainian president, Petro Poroshenko,"
                if info is not None:
                    reg.enrich_person(named[0].key, country, ("former " if former else "") + info[0],
                                      info[1], "ELI" if former else info[2])
                reg.mention(start, end, named[0].key, "appositive-nominal", 0.9)
                i = end
                continue
        indefinite = tn[i] != "the" and start > 0 and tn[start - 1] in INDEFINITE
        key, how = _resolve(doc, kb, reg, i, country, allowed, noun, info, former, indefinite)
        if key:
            reg.mention(start, end, key, how, 0.8 if how == "nominal-coref" else 0.7)
            i = end
        else:
            i += 1


def _counterpart(doc, kb, tn, i: int, by_start, reg) -> Optional[int]:
    """'his Pakistani counterpart': the holder, in that country, of the office of the person 'his' refers to."""
    n = len(doc)
    j = i + 1
    h = by_start.get(j)
    pe = _place_entry(h)
    if pe is None:
        return None
    j = h.end
    if j >= n or tn[j] not in ("counterpart", "counterparts"):
        return None
    # the antecedent: the closest person named before, in this sentence or the previous one
    before = [(max(m for m in p.mentions_at if m < i), p) for p in reg.people.values()
              if any(m < i for m in p.mentions_at) and p.role]
    if not before:
        return None
    _, ante = max(before, key=lambda x: x[0])
    role = ante.role

    if j + 1 < n and doc[j + 1].text[:1].isupper() and reg.taken[j + 1]:
        return None             # a name follows: the people pass resolved it
    for key, p in reg.people.items():
        if p.country == pe.id and p.role == role:
            reg.mention(i, j + 1, key, "counterpart", 0.7)
            return j + 1
    subj = _clause_subject(doc[j])
    if subj is not None and subj.pos_ != "PRON" and not i <= subj.i <= j and not any(
            m.token_start <= subj.i < m.token_end and m.key.startswith("person:") for m in reg.mentions):
        # "the Director General of Military Operations of Pakistan called his Indian counterpart": the
        # subject is not a person we know, so neither is the counterpart - only the country is
        reg.mention(i, j + 1, reg.country(pe.id, "GOV"), "counterpart-country", 0.6)
        return j + 1
    holder = kb.holder(pe.id, role, reg.date_at(i))
    if holder is not None:
        term = kb.active_term(holder.pid, reg.date_at(i), pe.id)
        key = reg.person(holder.name, i, pe.id, role, term.title if term else None, "GOV",
                         holder.wikidata or None, pid=holder.pid)
        reg.mention(i, j + 1, key, "counterpart-kb", 0.7)
    else:
        reg.mention(i, j + 1, reg.country(pe.id, "GOV"), "counterpart-country", 0.6)
    return j + 1


def _clause_subject(tok):
    """The subject of the verb governing tok (None when there is none)."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def _institution_of(doc, kb, tn, i: int, by_start, reg) -> bool:
    """'the government of Kazakhstan', 'the Ministry of Foreign Affairs of Oman', 'the people of Oman'."""
    n = len(doc)
    for m in (5, 4, 3, 2, 1):
        k = i + 1 + m
        if k >= n or tn[k] != "of":
            continue
        words = tn[i + 1:k]
        if not all(words):
            continue
        phrase = " ".join(words)
        if title_info(phrase) or phrase in COREF_NOUNS:
            return False            # a person's title: "the Minister of Foreign Affairs of Oman"
        sector = "GOV" if phrase in GOV_NOUNS else kb.agents.get(phrase)
        if not sector:
            continue
        c = k + 1
        if c < n and tn[c] == "the":
            c += 1
        h = by_start.get(c)
        pe = _place_entry(h)
        if pe is None or pe.kind != "country":
            return False
        sec = sector[:3]
        key = reg.country(pe.id, "GOV") if sec == "GOV" else reg.group(pe.id, sec, doc[i:h.end].text)
        reg.mention(i, h.end, key, "institution-of")
        return True
    return False


def role_fits(role: Optional[str], allowed, noun: str) -> bool:
    if allowed is None:
        return True
    if not role or role.startswith("former"):
        return False
    if role in allowed:
        return True
    last = noun.split()[-1]
    if last == "minister" and noun == "minister" and "minister" in role:
        return True
    return last in ("diplomat", "envoy") and any(w in role for w in ("foreign", "ambassador", "envoy"))


def _salience(doc, p, tok: int) -> tuple:
    """Who a nominal most likely means: people named before it, the main actors of the lead,
    people named in this or the previous sentence; ties go to the most recent."""
    before = [m for m in p.mentions_at if m < tok]
    if not before:
        return (-1, -(min(p.mentions_at or [10 ** 9]) - tok))
    score = min(len(before), 3)
    try:
        sents = list(doc.sents)
    except ValueError:
        sents = []
    if sents and p.first_tok < sents[0].end:
        score += 2
    here = doc[tok].sent.start if sents else 0
    prev_start = next((s.start for s in reversed(sents) if s.end <= here), here) if sents else 0
    if max(before) >= prev_start:
        score += 1
    return (score, max(before))


def _holder_by_title(kb, country, role, date, info):
    """The office holder on a date; among several (Iran's president and supreme leader) the one
    whose title is the one written."""
    holders = kb.holders(country, role, date)
    if len(holders) > 1 and info:
        for q in holders:
            t = kb.active_term(q.pid, date, country)
            if t and t.title and norm(t.title) == norm(info[1]):
                return q
    return holders[0] if holders else None


def _title_fits(info_title: Optional[str], noun: str) -> bool:
    last = noun.split()[-1]
    if last not in MONARCH_WORDS or not info_title:
        return True
    return last in norm(info_title).split()


OWNED_ROLES = ("head of state", "head of government", "foreign minister")
NOT_OWNER_DEPS = {"pobj", "dative"}


def _has_office(kb, country: str, role: str, noun: str, info, date: str) -> bool:
    p = _holder_by_title(kb, country, role, date, info)
    if p is None:
        return False
    t = kb.active_term(p.pid, date, country)
    return _title_fits(t.title if t else None, noun)


def _is_subject(doc, tok: int) -> bool:
    """Is the noun phrase starting at `tok` ("the president") the subject of its clause?"""
    for t in doc[tok:min(len(doc), tok + 6)]:
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ not in ("det", "amod", "compound"):
            return False
    return False


def _owner_before(doc, kb, reg, tok: int, role: str, noun: str, info, date: str, same_sentence: bool,
                  people: bool = True):
    """The country of the nearest national actor named before token `tok` (a state as subject or
    possessor, a national body, a person of that country), in tok's sentence or, with
    `same_sentence=False`, in the earlier ones; a state only named as a prepositional object ("talks with
    Oman", "in Brazil") owns nothing.  Only countries with a holder of the office (`role`) count."""
    try:
        lo = doc[tok].sent.start
    except ValueError:
        lo = 0
    cands = []
    for a, b, code in getattr(reg, "states_at", []):
        if a >= tok or code not in kb.countries or (a >= lo) != same_sentence:
            continue
        last = doc[b - 1]
        owned = b < len(doc) and doc[b].text in ("'s", "’s")
        if last.dep_ in NOT_OWNER_DEPS and not owned:
            continue
        cands.append((a, code))
    for m in reg.mentions if people else ():
        a = reg.actors.get(m.key)
        if m.token_start < tok and a is not None and a.kind == "person" and a.country in kb.countries \
                and (m.token_start >= lo) == same_sentence:
            cands.append((m.token_start, a.country))
    for _, code in sorted(cands, reverse=True):
        if _has_office(kb, code, role, noun, info, date):
            return code
    return None


def _resolve(doc, kb, reg, tok: int, country, allowed, noun: str, info, former: bool, indefinite: bool = False):
    date = reg.date_at(tok)
    past = date != reg.date
    if indefinite:          # "an Egyptian official", "a Chinese diplomat": someone new, never a named person
        if not (country and info):
            return None, ""
        label = f"{kb.country_name(country)} {noun}"
        key = reg.person(label, tok, country, info[0], noun[:1].upper() + noun[1:], info[2],
                         pid=f"indefinite:{country}:{info[0]}:{tok}")
        return key, "nominal-indefinite"
    if former:
        if info is None:
            return None, ""
        role, title, _ = info
        label = f"former {title.lower()}" + (f" of {kb.country_name(country)}" if country else "")
        key = reg.person(label, tok, country, "former " + role, title, "ELI", pid=f"office:{country}:former {role}")
        return key, "nominal-former"
    role0 = info[0] if info else (next(iter(allowed)) if allowed and len(allowed) == 1 else None)
    if country is None and role0 in OWNED_ROLES and _is_subject(doc, tok):
        # "China's foreign ministry said the president praised the visit": the sentence's own state owns
        # the office, even when another country's president was named earlier (a person named before
        # does not: "the Omani diplomat thanked the head of state" is someone else's head of state)
        country = _owner_before(doc, kb, reg, tok, role0, noun, info, date, same_sentence=True, people=False)
    if True:
        best, best_score = None, None
        for key, p in reg.people.items():
            if country and p.country != country:
                continue
            if past:            # a sentence about an earlier year: only people in office then
                t = kb.active_term(key.split(":", 1)[1], date, country)
                if t is None or (info and t.role != info[0]):
                    continue
            if not role_fits(p.role, allowed, noun):
                continue
            if not _title_fits(p.title, noun):     # "Turkmen leader X" ... "the President": the KB's title
                t = kb.active_term(key.split(":", 1)[1], date)
                if t is None or not _title_fits(t.title, noun):
                    continue
            if info and len(noun.split()) > 1 and p.title and info[0] == "head of state" \
                    and norm(info[1]) not in norm(p.title):
                continue                # "the supreme leader" is not the president
            score = _salience(doc, p, tok)
            if best_score is None or score > best_score:
                best, best_score = key, score
        if best:
            return best, "nominal-coref"
    role = info[0] if info else (next(iter(allowed)) if allowed and len(allowed) == 1 else None)
    dateline_country = (doc._.dateline or {}).get("country")
    if country is None and role in OWNED_ROLES:
        # "Mexico's foreign ministry denied that the president ...": the nearest national actor before it in
        # the sentence, else the dateline's country ("ASTANA - The president said..."), else the nearest
        # one in the article - each only if that country has such an office (a king is not "the president")
        country = (_owner_before(doc, kb, reg, tok, role, noun, info, date, same_sentence=True)
                   or (dateline_country if dateline_country and _has_office(kb, dateline_country, role, noun,
                                                                            info, date) else None)
                   or _owner_before(doc, kb, reg, tok, role, noun, info, date, same_sentence=False)
                   or dateline_country)
    if country and role:
        p = _holder_by_title(kb, country, role, date, info)
        if p is not None and noun == "foreign secretary":
            t = kb.active_term(p.pid, date, country)
            if t is None or "secretary" not in (t.title or "").lower():
                p = None            # India's foreign secretary is not its external affairs minister
                role = "official"
        if p is not None:
            term = kb.active_term(p.pid, date, country)
            title = info[1] if info else (term.title if term else None)
            key = reg.person(p.name, tok, country, role, title or (term.title if term else None),
                             term.sector if term else "GOV", p.wikidata or None, pid=p.pid)
            return key, "kb-office"
        if info:
            label = f"{kb.country_name(country)} {info[1].lower()}"
            key = reg.person(label, tok, country, role, info[1], info[2], pid=f"office:{country}:{role}")
            return key, "nominal-office"
    return None, ""
