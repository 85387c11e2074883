"""People: names found by the parser, the knowledge base and title patterns, resolved in context."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .actors_titles import (FORMER, HONORIFICS, MAX_TITLE_WORDS, NAME_PARTICLES, NAME_STOP, NEXT,
                            NON_NAME_NEXT, PORTFOLIOS, TITLE_FIRST_WORDS, WEAPON_AMBIGUOUS, WEAPON_HEADS,
                            WEAPON_NAMES, WEAPON_NOUNS, title_info)
from .actors_context import context_country
from .actors_scan import place_country_at
from .kb.names import norm

POSSESSIVE = {"'s", "'"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}
NOT_NAME_POS = {"VERB", "AUX", "ADV", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "NUM", "PUNCT"}
DASHES = {"-", "–", "—", "‐"}
KEY_ROLES = ("foreign minister", "head of state", "head of government")


@dataclass
class Ctx:
    start: int                      # first token of the whole reference (title, country...)
    country: Optional[str] = None
    role: Optional[str] = None
    title: Optional[str] = None
    sector: Optional[str] = None
    former: bool = False
    how: str = ""


def match_title(doc, tn, j: int, limit: Optional[int] = None) -> Optional[tuple[int, tuple]]:
    """Longest title phrase starting at token j -> (end token, (role, title, sector))."""
    if j >= len(doc) or tn[j] not in TITLE_FIRST_WORDS and tn[j] not in ("deputy", "vice", "first"):
        return None
    best = None
    words: list[str] = []
    end = min(len(doc), j + MAX_TITLE_WORDS + 3, limit if limit is not None else len(doc))
    for k in range(j, end):
        w = tn[k]
        if not w:
            if doc[k].text in DASHES:
                continue
            if doc[k].text == "," and len(words) >= 3 and words[0] == "minister" and words[1] in ("of", "for") \
                    and k + 1 < len(doc) and tn[k + 1] in PORTFOLIOS:
                end = min(len(doc), end + 2, limit if limit is not None else len(doc))
                continue            # "Minister of Commerce, Industry and Investment Promotion"
            break
        words.append(w)
        info = title_info(" ".join(words))
        if info:
            best = (k + 1, info)
    return best


_WORDLIKE = re.compile(r"[^\W\d_]+(?:[-‐‑‒–'’][^\W\d_]+)*")


def wordlike(text: str) -> bool:
    """Letters, possibly joined by hyphens inside one token ("Tae‑yul" with a non-breaking hyphen)."""
    return bool(_WORDLIKE.fullmatch(text))


def glued_tail(doc, e: int) -> int:
    """Extend a name ending at token e over a hyphenated continuation written without spaces
    ("Cho Tae" + "-yul", "Park Jin" + "-young")."""
    n = len(doc)
    while e + 1 < n and e > 0 and doc[e].text in DASHES and not doc[e - 1].whitespace_ \
            and not doc[e].whitespace_ and doc[e + 1].is_alpha:
        e += 2
    return e


def of_country(tn, i: int, by_start, limit: int) -> Optional[tuple[int, object]]:
    """'of|for [the] <Country>' at token i (before `limit`) -> (end token, KB entry)."""
    if i + 1 >= limit or tn[i] not in ("of", "for"):
        return None
    j = i + 1
    if tn[j] == "the":
        j += 1
    h = by_start.get(j)
    e = _place_entry(h)
    if e is None or h.end > limit:
        return None
    return h.end, e


def _hits_by_start(hits):
    return {h.start: h for h in hits}


def _place_entry(h):
    if h is None:
        return None
    e = h.first("country", {"name", "adj", "seat"}) or h.first("org")   # seat: "Kremlin spokesman"
    return e


def left_context(doc, tn, s: int, by_start) -> Optional[Ctx]:
    """[former] [Country|Country's|Org] [former] Title  NAME   or   Country's NAME."""
    lo = max(doc[s].sent.start if doc.has_annotation("SENT_START") else 0, s - 14)
    best = None
    for k in range(s - 1, lo - 1, -1):
        c = _parse_left(doc, tn, k, s, by_start)
        if c:
            best = c
    return best


def _parse_left(doc, tn, k: int, s: int, by_start) -> Optional[Ctx]:
    i, ctx = k, Ctx(start=k)
    if tn[i] in ("chief", "senior", "top", "veteran") and i + 1 < s and _place_entry(by_start.get(i + 1)):
        i += 1                          # "Chief Palestinian negotiator X"
    if tn[i] in FORMER:
        ctx.former = True
        i += 1
        while i < s and doc[i].text in DASHES:
            i += 1
    h = by_start.get(i)
    e = _place_entry(h)
    possessive = False
    if e is not None:
        ctx.country = e.id
        i = h.end
        if i < s and tn[i] in POSSESSIVE:
            possessive = True
            i += 1
        h2 = by_start.get(i)
        if h2 is not None and h2.end < s and h2.first("country", {"seat"}) and e.kind == "country":
            i = h2.end          # "Pakistan Foreign Office spokesperson X": the owner beats the seat's default
        elif i + 1 < s and h2 is None and doc[i].text[:1].isupper() and doc[i].is_alpha \
                and tn[i] not in TITLE_FIRST_WORDS and match_title(doc, tn, i + 1, limit=s):
            i += 1              # "Syrian Kurdish leader X": an ethnic or party word between country and title
            ctx.how = "qualified"
    elif i < s and doc[i].text[:1].isupper() and not match_title(doc, tn, i, limit=s):
        found = place_country_at(doc, i)       # a city or region: "Moscow Mayor X", "New York Governor X"
        if found is not None and found[0] < s:
            i, ctx.country = found
            if i < s and tn[i] in POSSESSIVE:
                possessive = True
                i += 1
    if i < s and tn[i] in FORMER:
        ctx.former = True
        i += 1
    if i < s and tn[i] in NEXT:
        i += 1
    if i == s:
        if possessive:
            ctx.how = "possessive"
            return ctx
        return None
    infos = []
    while i < s:                      # a chain of titles: "army chief General", "Deputy PM and FM"
        t = match_title(doc, tn, i, limit=s)
        if not t:
            if tn[i] in ("and", "&") and infos:
                i += 1
                continue
            return None
        i, info = t
        infos.append(info)
        oc = of_country(tn, i, by_start, s)       # "Deputy Foreign Minister of Kazakhstan X"
        if oc is not None:
            i, ctx.country = oc[0], oc[1].id
        while i < s and norm(doc[i].text) in HONORIFICS:
            i += 1
        while i < s and (tn[i] in NEXT or doc[i].text in DASHES and i + 1 < s and tn[i + 1] in NEXT):
            i += 1                    # "President-elect", "Prime Minister designate"
    if not infos:
        return None
    info = next((x for x in infos if x[0] in KEY_ROLES), infos[0])
    if ctx.how == "qualified" and info[0] in KEY_ROLES:
        info = ("official", info[1], info[2])      # a Kurdish leader is not the head of state of Syria
    ctx.role, ctx.title, ctx.sector = info
    ctx.how = "title-pattern"
    return ctx


def right_apposition(doc, tn, e: int, by_start) -> Optional[tuple[int, int, Ctx]]:
    """NAME, [the] [Country's] Title [of|for [the] Country]  -> (start, end, ctx)."""
    if e >= len(doc) or doc[e].text != ",":
        return None
    i = e + 1
    if i < len(doc) and tn[i] in ("the", "a", "an"):
        i += 1
    ctx = Ctx(start=e + 1)
    past = False
    if i < len(doc) and tn[i] in FORMER:
        ctx.former, i = True, i + 1
    if i < len(doc) and tn[i] == "then":          # "X, then Kazakhstan's foreign minister,": a past office
        past, i = True, i + 1
        ctx.start = i
    h = by_start.get(i)
    pe = _place_entry(h)
    if pe is not None:
        ctx.country = pe.id
        i = h.end
        if i < len(doc) and tn[i] in POSSESSIVE:
            i += 1
    if i < len(doc) and tn[i] in FORMER:
        ctx.former, i = True, i + 1
    t = match_title(doc, tn, i)
    if not t:
        return None
    end, info = t
    k = end
    while k < len(doc) and norm(doc[k].text) in HONORIFICS:
        k += 1
    if k < len(doc) and doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN" and tn[k] not in ("of", "for"):
        return None             # "X, Ethiopian Prime Minister Y and ...": the title belongs to the next name
    ctx.role, ctx.title, ctx.sector = info
    if past:
        ctx.role = ctx.title = ctx.sector = None
    if end + 1 < len(doc) and tn[end] in ("of", "for"):
        j = end + 1
        if j < len(doc) and tn[j] == "the":
            j += 1
        h2 = by_start.get(j)
        pe2 = _place_entry(h2)
        if pe2 is not None:
            if not (ctx.country and ctx.role == "ambassador"):
                ctx.country = pe2.id    # "the EU's envoy for Cyprus": the sender, not the posting
            end = h2.end
    ctx.how = "appositive"
    return ctx.start, end, ctx


def _name_after(doc, tn, t: int, stop=frozenset()) -> Optional[int]:
    """End of a capitalised personal name starting at token t (particles and hyphens allowed);
    `stop` holds token indices of country/organisation names, which end a name."""
    n, k = len(doc), t
    caps = t > 0 and doc[t - 1].is_upper and len(doc[t - 1]) > 1   # a headline in capitals
    while k < n and norm(doc[k].text) in HONORIFICS:
        k += 1
    start = k
    while k < n:
        tok = doc[k]
        w = tn[k]
        if k in stop or caps and tok.is_upper and len(tok) > 1:
            break
        if tok.text[:1].isupper() and wordlike(tok.text) and w not in ("the",) and (
                w not in NON_NAME_NEXT or w in MONTHS and k > start and not (k + 1 < n and doc[k + 1].like_num)):
            k += 1
        elif w in NAME_PARTICLES and k + 1 < n and (doc[k + 1].text[:1].isupper() or doc[k + 1].text in DASHES):
            k += 1
        elif tok.text in DASHES and k > start and k + 1 < n and doc[k + 1].is_alpha \
                and not doc[k].whitespace_ and not doc[k - 1].whitespace_:
            k += 2 if doc[k + 1].text[:1].islower() else 1      # "Lee Jae-myung", "Al-Busaidi"
        elif tok.text == "." and k == start + 1 and len(doc[start].text) == 1:
            k += 1
        else:
            break
    return k if k > start else None


def candidate_names(doc, tn, hits, kb, date: str = "", all_hits=None) -> list[tuple[int, int, str]]:
    """(start, end, source) of personal names, left to right, overlaps removed (longest wins)."""
    cands = []
    for h in hits:
        if h.first("person") and not (h.first("country") or h.first("org")):
            cands.append((h.start, h.end, "kb-name"))
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            cands.append((ent.start, ent.end, "ner"))
    stop = {i for h in (all_hits or hits) if (h.first("country") or h.first("org")) and not h.first("person")
            for i in range(h.start, h.end)}
    by_start = _hits_by_start(all_hits or hits)
    for j in range(len(doc)):
        if tn[j] in TITLE_FIRST_WORDS or tn[j] in ("deputy", "vice"):
            t = match_title(doc, tn, j)
            if t:
                oc = of_country(tn, t[0], by_start, len(doc))
                if oc is not None:          # "Minister of Kazakhstan Roman Vassilenko"
                    t = (oc[0], t[1])
                end = _name_after(doc, tn, t[0], stop)
                if end:
                    s0 = t[0]
                    while s0 < end and norm(doc[s0].text) in HONORIFICS:
                        s0 += 1
                    cands.append((s0, end, "title-name"))
    if date:   # a lone surname of a current office holder ("Trump said"), when only one fits
        hit_tok = {i for h in hits for i in range(h.start, h.end)}
        for i, w in enumerate(tn):
            if i in hit_tok or w not in kb._surnames:
                continue
            t = doc[i]
            if not t.text[:1].isupper() or not t.is_alpha or t.is_upper and len(t) > 1:
                continue
            if t.pos_ not in ("PROPN", "NOUN") and t.ent_type_ != "PERSON":
                continue
            if (i > 0 and doc[i - 1].pos_ == "PROPN") or (i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN"):
                continue
            # only surnames that name a single person in the whole KB (not "Ali", "Wang", "Lee")
            if len(kb._surnames.get(w, ())) == 1 and len(w) >= 4 and len(kb.active_by_surname(t.text, date)) == 1:
                cands.append((i, i + 1, "kb-surname"))
    hit_country = {i for h in hits if (h.first("country") or h.first("org")) and not h.first("person")
                   for i in range(h.start, h.end)}
    out = []
    prio = {"title-name": 0, "kb-name": 1, "ner": 2, "kb-surname": 3}
    for s, e, src in sorted(cands, key=lambda c: (prio.get(c[2], 3), c[0], -(c[1] - c[0]))):
        # strip titles, honorifics, possessives and countries the parser put inside a PERSON entity
        while s < e and (norm(doc[s].text) in HONORIFICS or s in hit_country or tn[s] in POSSESSIVE
                         or tn[s] in FORMER or not doc[s].text[:1].isupper()
                         or src == "ner" and doc[s].pos_ in NOT_NAME_POS):
            s += 1
        t = match_title(doc, tn, s, limit=e) if s < e else None
        while t and t[0] < e:
            s = t[0]
            while s < e and norm(doc[s].text) in HONORIFICS:
                s += 1
            t = match_title(doc, tn, s, limit=e) if s < e else None
        e = glued_tail(doc, e)
        while e > s and (tn[e - 1] in POSSESSIVE or not tn[e - 1]):
            e -= 1
        # "Greeting Safadi": a sentence-initial word glued to a name by the parser
        if src == "ner" and e - s > 1 and doc[s].is_sent_start and (
                tn[s].endswith("ing") or tn[s].endswith("ed") or
                kb.person_by_name(doc[s + 1:e].text) is not None and kb.person_by_name(doc[s:e].text) is None):
            s += 1
        while s < e and tn[s] in ("his", "her") and e - s > 1:
            s += 1
        while s < e and norm(doc[s].text) in HONORIFICS:
            s += 1
        if s >= e or all(i in hit_country for i in range(s, e)):
            continue
        if any(tn[i] in NAME_STOP for i in range(s, e)):
            continue                    # "Premier League", "Simla Agreement", "Rhine Herald"
        if is_weapon(doc, tn, s, e):
            continue                    # "two Patriot systems", "Storm Shadow", "31 Abrams tanks"
        if src == "ner" and (e - s == 1 and place_country_at(doc, s) is not None
                             or (place_country_at(doc, s) or (0,))[0] >= e):
            continue                    # a city the parser took for a person ("Sumy", "Ras Isa")
        if any(o[0] < e and s < o[1] for o in out):
            continue
        out.append((s, e, src))
    return sorted(out)


def is_weapon(doc, tn, s: int, e: int) -> bool:
    """Is the capitalised name doc[s:e] a weapon system ("Patriot", "Storm Shadow", "F-16", "Abrams tanks")?
    Listed weapon names always are; names that are also people's names only with a weapon noun after
    them or a number before them; any name directly followed by a weapon head ("Foo missiles")."""
    n = len(doc)
    phrase = norm(doc[s:e].text)
    nxt = e
    while nxt < n and (doc[nxt].like_num or doc[nxt].text in DASHES):     # "Leopard 2 tanks", "Leopard 2A6"
        nxt += 1
    after = tn[nxt] if nxt < n else ""
    if nxt < n and tn[nxt] in ("air", "anti") and nxt + 1 < n:
        after = "air"               # "Patriot air defence systems", "anti-aircraft"
    counted = s > 0 and (doc[s - 1].like_num or tn[s - 1] in ("several", "more", "additional", "dozens"))
    if phrase in WEAPON_NAMES or phrase.rstrip("s") in WEAPON_NAMES:
        return True
    if phrase in WEAPON_AMBIGUOUS:
        return after in WEAPON_NOUNS or counted and not (e < n and doc[e].text[:1].isupper())
    return after in WEAPON_HEADS or counted and after in WEAPON_NOUNS


def _gov_noun_after(doc, tn, e: int) -> Optional[int]:
    if e < len(doc) and tn[e] in ("government", "administration", "cabinet", "regime"):
        return e + 1
    return None


def find_people(doc, kb, tn, hits, reg, all_hits=None) -> None:
    by_start = _hits_by_start(hits)
    names = candidate_names(doc, tn, hits, kb, reg.date, all_hits)
    for s, e, src in names:
        ctx = left_context(doc, tn, s, by_start)
        if ctx is None and s > 1 and doc[s - 1].text == ",":
            before = left_context(doc, tn, s - 1, by_start)     # "The US Ambassador, Stuart Symington"
            if before is not None and before.role:
                before.how = "appositive"
                ctx = before
        app = right_apposition(doc, tn, e, by_start)
        if ctx is None and app is not None:
            ctx = app[2]
        if ctx is not None and ctx.country is None and ctx.start < s:
            owner = _possessor_country(doc, tn, reg, ctx.start)
            if owner:           # "Trump's envoy Steve Witkoff": the possessor's country
                ctx.country = owner
        oc = of_country(tn, e, by_start, len(doc))
        if oc is not None and oc[1].kind == "country" and (ctx is None or ctx.country is None) \
                and not (oc[0] < len(doc) and tn[oc[0]] in POSSESSIVE):
            ctx = ctx or Ctx(start=s)           # "Vice Minister Kim Hong-kyun of South Korea"
            ctx.country = oc[1].id
            ctx.how = ctx.how or "appositive"
        key, how = resolve_person(doc, kb, reg, s, e, ctx)
        a = reg.actors.get(key)
        if a is not None and a.country is None and ctx is not None and ctx.role and not ctx.former:
            cc = context_country(doc, reg, ctx.start if ctx.how != "appositive" else s, (s, e))
            if cc and ctx.role in KEY_ROLES and ctx.title != "Foreign Secretary" \
                    and kb.holders(cc, ctx.role, reg.date_at(s)):
                cc = None       # the KB knows that country's holder of this office: not this person
            if cc:              # a title without a country: the article's context, when unambiguous
                reg.enrich_person(key, cc, None, None, None)
        if ctx is not None and ctx.title == "Foreign Secretary" and not ctx.former:
            _secretary_or_minister(kb, reg, key, reg.date_at(s))
        start = ctx.start if ctx is not None and ctx.how != "appositive" else s
        if reg.covered(start, e):
            start = s
        gov = _gov_noun_after(doc, tn, e)
        country = reg.actors[key].country if key in reg.actors else None
        if gov and country and ctx is None:          # "the Trudeau government": the government
            reg.mention(start, gov, reg.country(country, "GOV"), "person-government")
            continue
        reg.mention(start, e, key, how if ctx is None or ctx.how == "appositive" else ctx.how)
        if app is not None:
            reg.mention(app[0], app[1], key, "appositive")
    # later bare surnames of people already named ("Tokayev" after "Kassym-Jomart Tokayev")
    known = set()
    for info in reg.people.values():
        known |= info.tokens
    for i, w in enumerate(tn):
        if reg.taken[i] or w not in known:
            continue
        t = doc[i]
        if not t.text[:1].isupper() or not t.is_alpha:
            continue
        for key, info in reg.people.items():
            if w in info.tokens and len(info.tokens) > 1 and w not in NAME_PARTICLES and \
                    w == norm(info.name).split()[-1]:
                e = i + 1
                ctx = left_context(doc, tn, i, by_start)
                start = ctx.start if ctx and not reg.covered(ctx.start, i) else i
                reg.mention(start, e, key, "surname")
                break


def _possessor_country(doc, tn, reg, start: int) -> Optional[str]:
    """The country of a person named in the possessive right before a title ("Trump's envoy")."""
    if start < 2 or tn[start - 1] not in POSSESSIVE:
        return None
    for m in reg.mentions:
        if m.token_end == start - 1 and m.key.startswith("person:"):
            return reg.actors[m.key].country
    return None


def _secretary_or_minister(kb, reg, key: str, date: str) -> None:
    """A "Foreign Secretary" is the foreign minister where the minister bears that title (the UK), and
    the ministry's senior civil servant where the minister is called otherwise (India, Pakistan)."""
    a = reg.actors.get(key)
    if a is None or not a.country:
        return
    holders = kb.holders(a.country, "foreign minister", date)
    if not holders or any(key == "person:" + q.pid for q in holders):
        return
    titles = [(kb.active_term(q.pid, date, a.country) or None) for q in holders]
    if any(t is not None and "secretary" in (t.title or "").lower() for t in titles):
        return
    reg.set_role(key, "official", "Foreign Secretary")


def _spelling_variant(kb, nn: str, country: str, date: str):
    """A current office holder of the country whose name is a transliteration variant of nn
    (Zelenskiy / Zelenskyy, Kassym-Jomart / Qasym-Zhomart)."""
    from difflib import SequenceMatcher
    best, best_r = None, 0.0
    sn = nn.split()[-1]
    for role in ("head of state", "head of government", "foreign minister"):
        for q in kb.holders(country, role, date):
            for a in q.aliases:
                an = norm(a)
                r = SequenceMatcher(None, nn, an).ratio()
                rs = SequenceMatcher(None, sn, an.split()[-1]).ratio()
                if r >= 0.8 and rs >= 0.75 and r > best_r:
                    best, best_r = q, r
    return best


def resolve_person(doc, kb, reg, s: int, e: int, ctx: Optional[Ctx]) -> tuple[str, str]:
    name = doc[s:e].text
    nn = norm(name)
    toks = set(nn.split())
    date = reg.date_at(s)
    cc = ctx.country if ctx else None
    # 1. the same person earlier in the article (full name once, surname later)
    for key, info in reg.people.items():
        if toks and toks <= info.tokens and (cc is None or info.country in (None, cc)):
            return key, "doc-coref"
    # 2. the knowledge base: exact name or alias, then surname of a current office holder
    p = kb.person_by_name(name)
    how = "kb-name"
    if p is None:
        cands = []
        for q in kb.persons_by_surname(name):
            term = kb.active_term(q.pid, date, cc)
            if term is None:
                continue
            if len(toks) > 1:
                first = nn.split()[0]
                if not any(norm(a).split()[0] == first or norm(a).split()[0][:1] == first[:1] and len(first) == 1
                           for a in q.aliases):
                    continue
            if ctx and ctx.role and not ctx.former and term.role != ctx.role and term.source != "phoenix":
                continue
            cands.append((term.source == "phoenix", q))
        modern = [q for ph, q in cands if not ph]
        pick = modern if modern else [q for _, q in cands]
        if not pick and not reg.date_known:
            # undated text: a unique modern office holder by that name, whatever the date
            pick = [q for q in kb.persons_by_surname(name)
                    if any(t.source != "phoenix" and (cc is None or t.country == cc) for t in q.terms)
                    and (len(toks) == 1 or any(norm(a).split()[0] == nn.split()[0] for a in q.aliases))]
        if not pick:
            pick = kb.by_name_prefix(name, date)        # "Mohammed bin Salman"
            if not pick and ctx and ctx.role in ("head of state", "crown prince") and len(toks) <= 2:
                pick = kb.by_first_name(name, date, ctx.role, cc)     # "King Salman", "Emir Tamim"
        if len(pick) == 1:
            p, how = pick[0], "kb-surname"
        elif not pick and cc and len(toks) > 1:
            p = _spelling_variant(kb, nn, cc, date)
            how = "kb-variant" if p is not None else how
    if p is not None:
        term = kb.active_term(p.pid, date, cc)
        if term is None and not (cc and kb.holds_office_in(p.pid, cc)):
            term = kb.active_term(p.pid, date)      # the country written in the title wins ("French ...")
        if date != reg.date and not (ctx and (ctx.role or ctx.former)):
            now = kb.active_term(p.pid, reg.date, cc)
            if now is not None:     # named in a sentence about the past: the actor's office on the article's date
                term = now
        last = term or kb.last_term(p.pid, cc) or kb.last_term(p.pid)
        future = term is None and last is not None and bool(last.start) and last.start > date
        country = term.country if term else (cc or (last.country if last else None))
        if ctx and ctx.former:
            role = "former " + (ctx.role or (last.role if last else "official"))
            title, sector = (ctx.title or (last.title if last else None)), "ELI"
        elif ctx and ctx.role:
            role, title, sector = ctx.role, ctx.title, ctx.sector
            if term and term.role == ctx.role and term.title:
                title = ctx.title or term.title
        elif term:
            role, title, sector = term.role, term.title or None, term.sector
        elif not reg.date_known and last is not None:
            role, title, sector = last.role, last.title or None, last.sector
        elif future:            # named before taking office: no office yet
            role, title, sector = None, None, None
        else:
            role = "former " + last.role if last else None
            title, sector = None, "ELI"
        display = name if len(toks) > 1 else p.name
        key = reg.person(display, s, country, role, title, sector, p.wikidata or None, pid=p.pid)
        reg.set_display_name(key, display) if len(toks) > 1 else None
        return key, how if ctx is None else how
    if ctx is None:
        return reg.person(name, s, None, None, None, None), "ner-person"
    if ctx.former:
        return reg.person(name, s, cc, "former " + (ctx.role or "official"), ctx.title, "ELI"), "title-pattern"
    return reg.person(name, s, cc, ctx.role, ctx.title, ctx.sector), "title-pattern"
