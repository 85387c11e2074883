"""Actor recognition and resolution in context.

``annotate(doc, kb) -> (mentions, table)``: every reference to a state, organisation, person or
group in the article, each resolved to an actor key that is stable inside the document
(``person:kassym jomart tokayev``, ``country:KAZ``, ``country:KAZ:GOV``, ``org:UN``,
``group:KAZ:BUS``, ``group:KAZ+OMN``).  Rules are general patterns over the knowledge base:

1. dictionary scan (countries, adjectives, seats of power, organisations, known people);
2. people: parser PERSON entities, KB names and capitalised names after a title; titles on the left
   ("Kazakh President X", "Oman's Foreign Minister X", "Sultan X"), appositives on the right
   ("X, the foreign minister of Oman"), possessives ("Kazakhstan's X"); a surname later in the article
   is the same person; the article date (or a past year stated in the sentence) picks office holders;
   weapon systems named like people ("two Patriot systems", "Storm Shadow", "31 Abrams") are never people;
3. nominal coreference ("the president", "the diplomat", "the Kazakh minister", "the Sultan of Oman",
   "Oman's foreign minister", "the Omani side", "the two sides") - see `actors_coref`; a bare "the
   president" belongs to the nearest national actor before it ("Mexico's foreign ministry denied that
   the president ..."), else to the dateline's country; whom "its" means: `actors_pronouns`;
4. metonyms (Astana said, the Kremlin) and generic agents (Kazakh businessmen, protesters in Athens);
5. bare government bodies ("the Ministry of Commerce said": same-portfolio antecedent, else the
   dateline's country) and relation-defined plural groups ("the downstream countries") - see
   `actors_bodies`.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

from .actors_bodies import bare_bodies, plural_groups
from .actors_context import context_country
from .actors_coref import resolve_nominals
from .actors_people import find_people
from .actors_registry import Registry
from .actors_scan import Hit, disambiguate, is_place_use, is_trap, place_country_at, scan, token_norms
from .actors_titles import ACTION_NOUNS, FORCE_NOUNS
from .kb.names import norm
from .model import Mention

_YEAR = re.compile(r"^(19[0-9]{2}|20[0-9]{2})$")


def article_date(doc) -> Optional[str]:
    """The article's date (published, else the dateline's), or None when unknown."""
    meta = doc._.meta or {}
    d = meta.get("published") or (doc._.dateline or {}).get("date")
    if d:
        return str(d)[:10] if len(str(d)) >= 10 else str(d)[:4] + "-06-30"
    return None


def sentence_dates(doc, published: str) -> dict[int, str]:
    """Sentence start token -> date for sentences that talk about an earlier year ("in 2004")."""
    out = {}
    year = int(published[:4])
    try:
        sents = list(doc.sents)
    except ValueError:
        return out
    for s in sents:
        if not any(t.tag_ == "VBD" for t in s):
            continue            # only narrated past: "the last visit was in 2004"
        for t in s:
            if _YEAR.match(t.text) and int(t.text) < year - 1 and t.i > 0 and doc[t.i - 1].lower_ == "in":
                out[s.start] = f"{t.text}-06-30"
                break
    return out


def annotate(doc, kb):
    """-> (list[Mention], dict[key, Actor])"""
    if len(doc) == 0 or not kb.countries:
        return [], {}
    known = article_date(doc)
    date = known or _dt.date.today().isoformat()
    tn = token_norms(doc)
    reg = Registry(doc, kb, date, sentence_dates(doc, date))
    reg.date_known = known is not None
    all_hits = scan(doc, kb, tn)
    hits = [h for h in all_hits if not is_trap(doc, h, tn, kb)]
    disambiguate(doc, hits, kb)         # Congo near Goma is DR Congo
    reg.seed_counts(hits)
    find_people(doc, kb, tn, hits, reg, all_hits)
    resolve_nominals(doc, kb, tn, hits, reg)
    _countries_and_orgs(doc, kb, tn, hits, reg)
    return reg.result()


def _countries_and_orgs(doc, kb, tn, hits: list[Hit], reg: Registry) -> None:
    dateline = doc._.dateline or {}
    for h in hits:
        if reg.covered(h.start, h.end):
            continue
        org = h.first("org")
        c = h.first("country")
        if org and not (c and c.form == "name"):
            reg.mention(h.start, h.end, reg.org(org.id), "org-" + org.form)
            continue
        if c is None:
            continue
        if reg.try_group(h, tn):        # Kazakh businessmen, Omani side, the Kazakh government
            continue
        if c.form in ("capital", "city") and _city_agent(doc, h, tn, kb, reg, c):
            continue                    # "Beijing police", "an Istanbul court"
        if c.form in ("seat", "capital"):
            if _addressed(doc, h, tn):  # "urged Washington to", "an ultimatum to Moscow"
                reg.mention(h.start, h.end, reg.country(c.id, "GOV"), "metonym-object", 0.8)
                continue
            if is_place_use(doc, h, tn, dateline):
                continue
            if c.form == "capital" and not _subject_like(doc, h):
                if _attacked_place(doc, h, tn):
                    reg.mention(h.start, h.end, reg.country(c.id), "place-target", 0.6)
                continue
            code = c.id
            if c.form == "seat" and is_generic_seat(c.text):     # "the Foreign Office" in Islamabad
                code = context_country(doc, reg, h.start, (h.start, h.end)) or code
            reg.mention(h.start, h.end, reg.country(code, "GOV"), "metonym")
            continue
        if c.form == "city":
            if _attacked_place(doc, h, tn):
                reg.mention(h.start, h.end, reg.country(c.id), "place-target", 0.6)
            continue
        if c.form == "people":          # "Americans", "Kazakhs": the people of a country
            reg.mention(h.start, h.end, reg.group(c.id, "CVL", h.text), "demonym")
            continue
        if c.form == "adj" and not h.first("country", {"name"}):
            _adjective_np(doc, h, c, reg)   # "Israeli strikes", "Chinese sanctions"
            continue                    # a bare adjective (Kazakh economy) is not an actor
        if dateline.get("end") and dateline.get("start") is not None and \
                dateline["start"] <= doc[h.start].idx < dateline["end"]:
            continue
        c = h.first("country", {"name"}) or c
        reg.mention(h.start, h.end, reg.country(c.id), "country-name")
    reg.agents_in_places(hits, tn)
    _gazetteer_targets(doc, tn, reg)
    _bare_government(doc, tn, reg)
    bare_bodies(doc, tn, reg)          # "the Ministry of Commerce said": antecedent, else dateline
    plural_groups(doc, tn, reg)        # "the downstream countries": the other states named


BARE_GOV = {("the", "government"), ("the", "authorities"), ("the", "cabinet"), ("the", "administration")}


def _bare_government(doc, tn, reg) -> None:
    """'The government said ...' under a dateline: the dateline country's government, when the sentence
    names no other state (a government is never guessed from a state merely mentioned nearby)."""
    dl = (doc._.dateline or {}).get("country")
    if not dl:
        return
    for i in range(len(doc) - 1):
        if (tn[i], tn[i + 1]) not in BARE_GOV or reg.covered(i, i + 2):
            continue
        if i + 2 < len(doc) and tn[i + 2] in ("of", "in"):
            continue                    # "the government of X" is resolved by its own rule
        if context_country(doc, reg, i, (i, i + 2)) == dl:
            reg.mention(i, i + 2, reg.country(dl, "GOV"), "government-dateline", 0.7)


FORCE_VERBS = {"attack", "shell", "bomb", "strike", "hit", "capture", "seize", "besiege", "storm", "raid",
               "target", "invade", "occupy", "bombard", "recapture", "liberate", "encircle"}


GENERIC_SEAT_WORDS = {"foreign", "office", "chancellery", "home", "cabinet", "presidency", "the"}


def is_generic_seat(text: str) -> bool:
    """A seat of power named by common nouns ("the Foreign Office", "the Chancellery"): several
    countries have one, so the context may name another owner than the KB's default."""
    from .kb.names import norm
    return all(w in GENERIC_SEAT_WORDS for w in norm(text).split())


ADDRESS_NOUNS = {"ultimatum", "message", "letter", "appeal", "warning", "request", "call", "offer", "proposal",
                 "note", "demand", "demands", "plea", "overture", "overtures", "concession", "concessions"}
# Verbs whose object is a government when it is a capital ("urged Washington", "accused Moscow").
ADDRESS_VERBS = {"urge", "accuse", "warn", "ask", "tell", "blame", "criticize", "criticise", "condemn", "pressure",
                 "press", "threaten", "sanction", "support", "back", "help", "invite", "thank", "praise", "reject",
                 "rebuff", "snub", "lobby", "assure", "reassure", "inform", "notify", "persuade", "congratulate",
                 "call", "implore", "petition", "caution", "chide", "rebuke", "fault", "denounce", "slam", "defy",
                 "challenge", "pressure", "court", "engage", "contact", "phone", "brief", "advise", "reprimand"}


def _addressed(doc, h: Hit, tn) -> bool:
    """A capital addressed as a government: object of a verb of saying or pressure ("urged
    Washington to", "accused Moscow of"), or after a message noun ("an ultimatum to Washington")."""
    s = h.start
    if s >= 2 and tn[s - 1] == "to" and doc[s - 2].lemma_.lower() in ADDRESS_NOUNS:
        return True
    t = doc[h.end - 1]
    if t.dep_ == "dobj" and t.head.pos_ == "VERB" and (h.end >= len(doc) or tn[h.end] != "as"):
        return t.head.lemma_.lower() in ADDRESS_VERBS and (s == 0 or tn[s - 1] not in LOC_WORDS)
    return False


LOC_WORDS = {"in", "at", "to", "from", "near", "into", "outside", "around", "of"}


def _city_agent(doc, h: Hit, tn, kb, reg, c) -> bool:
    """A city or capital followed by an agent noun: its country's agents ("Beijing police" -> CHN COP,
    "an Istanbul court" -> TUR JUD, "Kabul residents" -> AFG CVL)."""
    e = h.end
    if e >= len(doc) or doc[e].pos_ != "NOUN":
        return False
    for n in (2, 1):
        if e + n > len(doc):
            continue
        words = " ".join(tn[e:e + n])
        lemma = " ".join(t.lemma_.lower() for t in doc[e:e + n])
        sector = kb.agents.get(words) or kb.agents.get(lemma)
        if sector and doc[e + n - 1].pos_ == "NOUN":
            sec = sector[:3]
            key = reg.country(c.id, "GOV") if sec == "GOV" else reg.group(c.id, sec, doc[h.start:e + n].text)
            reg.mention(h.start, e + n, key, "city-agent", 0.8)
            return True
    return False


def _adjective_np(doc, h: Hit, c, reg) -> bool:
    """A demonym in a noun phrase whose head is a force noun ("the Israeli strikes", "Russian missile
    strike" -> the country's military) or a government act ("Chinese sanctions" -> the country)."""
    n = len(doc)
    j = h.end
    coordinated = False
    # "the Iraqi and Turkish demands": the head noun comes after the coordinated demonym
    if j + 1 < n and doc[j].text in ("and", ",") and doc[j + 1].text[:1].isupper() \
            and reg.kb.phrases.get(norm(doc[j + 1].text)) and \
            any(e.kind == "country" and e.form == "adj" for e in reg.kb.phrases[norm(doc[j + 1].text)]):
        j += 2
        coordinated = True
    head = None
    for k in range(j, min(n, j + 3)):
        t = doc[k]
        if k == j and t.lower_ in FORCE_NOUNS and t.lower_.endswith("ing"):
            head = k                    # "the Pakistani shelling" (a gerund the tagger calls a verb)
            break
        if t.pos_ not in ("NOUN", "PROPN", "ADJ") or t.is_punct:
            break
        head = k
        if t.dep_ not in ("compound", "amod") or k + 1 >= n or doc[k + 1].pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
    if head is None:
        return False
    lemma, low = doc[head].lemma_.lower(), doc[head].lower_
    end = h.end if coordinated else head + 1       # a coordinated demonym is a mention of its own
    if low in FORCE_NOUNS or lemma in FORCE_NOUNS:
        reg.mention(h.start, end, reg.country(c.id, "MIL"), "demonym-force", 0.8)
        return True
    if low in ACTION_NOUNS or lemma in ACTION_NOUNS:
        reg.mention(h.start, end, reg.country(c.id), "demonym-act", 0.8)
        return True
    return False


def _attacked_place(doc, h: Hit, tn) -> bool:
    """A city as the target of force ("shelled Donetsk", "rockets fired on Haifa", "the attack on Basra")."""
    if h.start > 0 and tn[h.start - 1] in ("on", "against"):
        return True
    t = doc[h.end - 1]
    return t.dep_ == "dobj" and t.head.lemma_.lower() in FORCE_VERBS


def _gazetteer_targets(doc, tn, reg) -> None:
    """Cities outside the KB attacked or targeted ("rockets fired on Haifa"), via the gazetteer."""
    for i in range(1, len(doc)):
        if reg.taken[i] or not doc[i].text[:1].isupper():
            continue
        t = doc[i]
        if t.dep_ == "compound" and t.head.dep_ == "dobj" and t.head.i > i:
            t = t.head                  # "shelled Zamzam camp": the place names the object's head
        if not (tn[i - 1] in ("on", "against") or t.dep_ == "dobj" and t.head.lemma_.lower() in FORCE_VERBS):
            continue
        found = place_country_at(doc, i)
        if found is not None and not reg.covered(i, found[0]):
            reg.mention(i, found[0], reg.country(found[1]), "place-target", 0.6)


def _subject_like(doc, h: Hit) -> bool:
    """A capital speaks for its government only as a subject or a possessor ("Astana said", "Astana's view")."""
    t = doc[h.end - 1]
    if h.end < len(doc) and doc[h.end].text in ("’s", "'s"):
        return True
    if t.dep_ in ("nsubj", "nsubjpass", "poss", "agent"):
        return True
    if h.end < len(doc) and doc[h.end].tag_ in ("VBD", "VBZ", "VBP", "MD") and doc[h.end].dep_ != "aux":
        return True             # "... and Beijing protested": a finite verb right after the capital
    return t.dep_ == "conj" and t.head.dep_ in ("nsubj", "nsubjpass")


__all__ = ["annotate", "article_date"]
