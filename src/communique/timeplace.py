"""Time and place: the dateline, date expressions anchored on the published date, event places.

- `read_dateline(doc)`: "ASTANA, Kazakhstan, February 25", "ASTANA, Feb 25 (Trend) -",
  "MUSCAT (Reuters) —", "Geneva, 3 March 2026 —" → place, country (ISO3), date, offsets.
- `resolve_date(expr, anchor, future=False)`: "on Monday", "last week", "in 2004", "3 March 2026"...
  → "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None  (see `communique.dates`).
- `years_claim(expr)`: "almost 20 years later" → (20, True).
- `event_date(sent_span, anchor, dateline_date)` → (date, explicit).
- `locate(name)`, `event_location(doc, sent_span, visitor_country, host_country, is_visit)`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .dates import (MONTHS, parse_anchor, resolve_date, years_claim, DATE_EXPR_RE,
                    is_future_context)
from .gazetteer import (capital_of, country_code, country_name, find_places, locate, lookup,
                        place_location)
from .model import Location
from .textgate import GatedAlternation

__all__ = ["read_dateline", "resolve_date", "years_claim", "event_date", "locate", "event_location",
           "complete_dateline_date"]

# ----------------------------------------------------------------------------------- dateline
_MONTH = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PART = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"      # February 25 / Feb 25, 2025
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?"         # 3 March 2026
    r"|\d{4}-\d{2}-\d{2}"                                              # 2026-03-03
    r"|\d{1,2}[./]\d{1,2}[./]\d{4})"                                   # 03.03.2026
)
_PLACE = r"(?P<place>[A-Z][\w'’\.\-]*(?:[ \-/][A-Z][\w'’\.\-]*){0,3})"
_DATELINE_RE = re.compile(
    rf"{_PLACE}"
    rf"(?:,\s*(?P<country>(?!{_MONTH}\s)[A-Z][\w'’\- ]{{1,40}}?\.?))??"
    rf"(?:,?\s*(?P<date>{_DATE_PART}))?"
    r"\s*(?P<outlet>\((?!\d)[^()\n]{1,40}\))?"
    r"\s*(?P<term>—|–|--|-|:|\.(?=\s)|\n)",
)
# Preamble some scrapes put before the dateline ("date 2025-02-25 ", "Published: 2025-02-25T10:00Z").
_PREAMBLE_RE = re.compile(
    r"(?i)\s*(?:(?:date|published|posted|updated)\s*:?\s*)?\d{4}-\d{2}-\d{2}(?:[T ][\d:\.]+(?:Z|[+\-]\d{2}:?\d{2})?)?\s+")


# Dateline words that name a place only in a dateline ("UNITED NATIONS (AP) —" is UN headquarters).
_DATELINE_ALIASES = {"UNITED NATIONS": "United Nations Headquarters", "U.N.": "United Nations Headquarters",
                     "UN": "United Nations Headquarters"}


# compiled once, at import
_RX1 = re.compile(r"\s*")
_RX2 = re.compile(r"\n\s*")


def _starts(text: str, limit: int = 600) -> list[int]:
    """Positions where a dateline may begin: the article start (after a date preamble) and line
    starts within the head of the article."""
    head = text[:limit]
    starts = []
    m = _RX1.match(head)
    pos = m.end()
    starts.append(pos)
    pm = _PREAMBLE_RE.match(head)
    if pm:
        starts.append(pm.end())
    for lm in _RX2.finditer(head):
        starts.append(lm.end())
    return sorted(set(starts))


def _is_allcaps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


# compiled once, at import
_RX5 = re.compile(r"\d{4}")


def complete_dateline_date(expr: str, published: Optional[str]) -> Optional[str]:
    """A dateline date completed with the year that puts it closest to the published date
    ("February 25" → "2025-02-25"; "Dec 31" published 2026-01-02 → "2025-12-31")."""
    anchor = parse_anchor(published)
    got = resolve_date(expr, anchor)
    if got is None or len(got) != 10:
        return None
    d = dt.date.fromisoformat(got)
    if anchor is None or _RX5.search(expr):
        return d.isoformat()
    best = d
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = d.replace(year=y)
        except ValueError:  # 29 February
            continue
        if abs((cand - anchor).days) < abs((best - anchor).days):
            best = cand
    return best.isoformat()


def read_dateline(doc) -> dict:
    """{place, country, date, start, end} of the dateline at the head of the article.

    Absent → place/country/start/end None and date = the published date.  `date` is the dateline's
    date completed with the published year when the dateline has one."""
    meta = getattr(doc._, "meta", None) or {}
    published = meta.get("published")
    text = getattr(doc._, "source_text", None) or doc.text
    out = {"place": None, "country": None, "date": published, "start": None, "end": None}
    for start in _starts(text):
        m = _DATELINE_RE.match(text, start)
        if not m:
            continue
        place_raw = m.group("place").strip().rstrip(".").split("/")[0].strip()  # "ISLAMABAD/NEW DELHI"
        has_marker = bool(m.group("date") or m.group("outlet"))
        allcaps = _is_allcaps(place_raw)
        term = m.group("term")
        if term in (".", "\n") and not m.group("date"):
            continue  # "Kazakhstan. ..." or a heading line is not a dateline
        if term == ":" and not m.group("date") and not allcaps:
            continue  # "Note: ...", "Analysis: ..."
        dash = term in ("—", "–", "--", "-")
        if not allcaps and not has_marker and not dash:
            continue  # a title-case place needs a date, an outlet or a dash ("Geneva — ...")
        country = None
        ctext = m.group("country")
        if ctext:
            country = country_code(ctext.strip().rstrip("."))
            if country is None and not allcaps:
                continue
        p = lookup(_DATELINE_ALIASES.get(place_raw.upper(), place_raw), country,
                   kinds=("capital", "seat", "city", "venue"))
        if p is None and not allcaps:
            continue
        if p is None and country is None and not has_marker:
            continue  # "UPDATE -", "BREAKING:": an unknown all-caps word needs a date or an outlet
        if p is not None:
            loc = place_location(p)
            place, country = loc.name, country or p.country
        else:
            place = " ".join(w.capitalize() for w in place_raw.split())
        date = complete_dateline_date(m.group("date"), published) if m.group("date") else None
        end = m.end("term") if term != "\n" else m.start("term")
        out.update(place=place, country=country, date=date or published, start=m.start("place"), end=end)
        return out
    return out


# ---------------------------------------------------------------------------------- event date
_DATE_EXPR = GatedAlternation(DATE_EXPR_RE)


def _candidates(sent_span) -> list[tuple[int, int, str]]:
    """Date expressions in a sentence: spaCy DATE entities plus our own patterns (char offsets
    relative to the sentence text)."""
    text = sent_span.text
    base = sent_span.start_char
    cands = []
    for ent in getattr(sent_span, "ents", ()):
        if ent.label_ == "DATE":
            cands.append((ent.start_char - base, ent.end_char - base, ent.text))
    for s, e in _DATE_EXPR.spans(text):    # = DATE_EXPR_RE.finditer(text), found faster
        cands.append((s, e, text[s:e]))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    return cands


_PREP_BEFORE = re.compile(r"\b(on|in|since|by|until|last|next|this|during)\s+$", re.I)


def _with_preposition(text: str, start: int, expr: str) -> str:
    """Include the preposition before an expression ("on Monday", "in 2004") so it resolves as one."""
    before = text[max(0, start - 12):start]
    m = _PREP_BEFORE.search(before)
    return (m.group(1) + " " + expr) if m and not expr.lower().startswith(m.group(1).lower()) else expr


def _governing_verb(tok):
    """The nearest verb (or the root) above a token."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
    return t


def _attachment_rank(sent_span, start: int, end: int, trigger) -> tuple[int, int]:
    """How directly a date expression (sentence-relative chars) belongs to the trigger (or, without a
    trigger, to the sentence root): 0 = attached to it, 1 = elsewhere; then the token distance."""
    doc = sent_span.doc
    span = doc.char_span(sent_span.start_char + start, sent_span.start_char + end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 1, 999
    head = span.root
    target = trigger if trigger is not None else sent_span.root
    verb = _governing_verb(head)
    attached = verb.i == target.i or head.head.i == target.i
    return (0 if attached else 1), abs(head.i - target.i)


_FUTURE_HEADS = {"plan", "schedule", "expect", "intend", "set", "due", "aim", "prepare", "hope", "want",
                 "agree", "decide", "promise", "pledge", "vow", "invite", "go"}
_TEMPORAL_PREPS = {"in", "during", "from", "after", "of", "around",
                   "circa", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "end",
                   "beginning", "start", "middle"}


def _is_future_verb(verb) -> Optional[bool]:
    """Tense of a verb from its auxiliaries: will/shall → future; "is to", "plans to", "is expected
    to" → future; a past-tense verb or auxiliary → not future; None when the parse says nothing."""
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    v = verb
    for _ in range(4):
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in ("will", "shall", "'ll", "wo") for c in auxes):
            return True
        if v.i != verb.i and v.lemma_ in _FUTURE_HEADS:
            return True
        if v.i != verb.i and v.lemma_ == "be" and any(c.lower_ == "to" for c in verb.children):
            return True  # "is to meet"
        if v.tag_ in ("VBD", "VBN") and not auxes and v.i == verb.i:
            return False
        if any(c.tag_ == "VBD" for c in auxes) and v.i == verb.i:
            return False
        if v.dep_ in ("xcomp",) and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


# compiled once, at import
_RX3 = re.compile(r"[\w']+")


def _bare_year_ok(text: str, start: int, expr: str) -> bool:
    """A bare four-digit year is a date of the event only after a temporal word ("in 2004", "since
    2019"), not as a modifier ("the 2016 election") or a count ("2000 people")."""
    if not _RX5.fullmatch(expr.strip()):
        return True
    before = _RX3.findall(text[max(0, start - 30):start].lower())
    return bool(before) and before[-1] in _TEMPORAL_PREPS


_BOUND_PREPS = {"since", "by", "until", "till", "before", "through", "to"}


# compiled once, at import
_RX4 = re.compile(r"(?i)(since|by|until|till|before|through)\b")


def _bound_not_point(text: str, start: int, expr: str) -> bool:
    """"since 2013", "by 2020", "until March": a bound of a period, not the date of the event."""
    if _RX4.match(expr.strip()):
        return True
    before = _RX3.findall(text[max(0, start - 20):start].lower())
    return bool(before) and before[-1] in _BOUND_PREPS


def event_date(sent_span, anchor, dateline_date: Optional[str] = None,
               future: Optional[bool] = None, trigger=None) -> tuple[Optional[str], bool]:
    """(date, explicit) of the event a sentence reports.

    Among the sentence's date expressions that resolve, the one attached to the event's `trigger`
    token (default: the sentence root) wins, then the nearest one (explicit=True); with a trigger,
    dates inside clauses embedded under it ("agreed to hold talks in September") do not count.  Without
    one, the
    dateline date, else the anchor (explicit=False).  `future` defaults to the tense of the verb the
    date attaches to ("will meet on Monday"), else of the sentence ("will", "is to", "plans to"...)."""
    anchor_d = parse_anchor(anchor)
    text = sent_span.text
    sentence_future = is_future_context(text)
    seen: list[tuple[int, int]] = []
    found = []
    for start, end, expr in _candidates(sent_span):
        if any(s <= start and end <= e for s, e in seen):
            continue
        seen.append((start, end))
        if not _bare_year_ok(text, start, expr) or _bound_not_point(text, start, expr):
            continue
        fut = future
        if fut is None:
            fut = _is_future_verb(_date_verb(sent_span, start, end, trigger))
            if fut is None:
                fut = sentence_future
        if trigger is not None and _embedded(sent_span, start, end, trigger):
            continue
        got = resolve_date(_with_preposition(text, start, expr), anchor_d, future=fut)
        if got:
            found.append((_attachment_rank(sent_span, start, end, trigger), start, got))
    if found:
        return min(found)[2], True
    fallback = dateline_date or (anchor_d.isoformat() if anchor_d else None)
    return fallback, False


_CLAUSAL = {"xcomp", "ccomp", "advcl", "relcl", "acl", "pcomp", "csubj", "conj"}


def _embedded(sent_span, start: int, end: int, trigger) -> bool:
    """The date belongs to a clause embedded under the event's verb ("agreed to hold talks in
    September", "the agreement, signed in 2009, expired"): it dates that clause, not the event."""
    target = trigger if trigger is not None else sent_span.root
    verb = _date_verb(sent_span, start, end, None)
    if verb is None or verb.i == target.i:
        return False
    t, clausal = verb, False
    while t.head.i != t.i:
        clausal = clausal or t.dep_ in _CLAUSAL
        if t.head.i == target.i:
            return clausal
        t = t.head
    return False


def _date_verb(sent_span, start: int, end: int, trigger):
    doc = sent_span.doc
    span = doc.char_span(sent_span.start_char + start, sent_span.start_char + end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return trigger
    return _governing_verb(span.root)


# ----------------------------------------------------------------------------------- event place
_LOCATIVE_RE = re.compile(
    r"(?:\b(?:in|at|inside|near|to|into|across|throughout|within|on the sidelines of [^,]{0,40} in)\s+"
    r"(?:the\s+)?(?:[\w\-’']+\s+){0,3}"
    r"|\b(?:visit(?:ed|ing|s)?|host(?:ed|s|ing)?|reach(?:ed)?|arriv(?:ed|ing|es) in|land(?:ed)? in|"
    r"enter(?:ed|ing|s)?|struck|strikes? on|shell(?:ed|ing)|bomb(?:ed|ing)|attack(?:ed|s)? on|"
    r"captur(?:ed|ing)|seiz(?:ed|ing)|occup(?:ied|ying)|liberat(?:ed|ing))\s+(?:the\s+)?)$",
    re.I)
_NOT_LOCATIVE_RE = re.compile(
    r"(?<!\bcity )(?<!\btown )(?<!\bcapital )(?<!\bport )(?<!\bvillage )(?<!\bregion )(?<!\bprovince )"
    r"\b(?:from|of|with|by)\s+(?:the\s+)?$", re.I)


def _mentions_overlap(doc, start: int, end: int) -> bool:
    for m in getattr(doc._, "actor_mentions", None) or ():
        if m.start < end and start < m.end:
            return True
    return False


_DESTINATION_RE = re.compile(r"\b(?:to|in|visit(?:ed|ing|s)?|(?:arriv(?:ed|ing|es)|land(?:ed|s)?) in)\s+(?:the\s+)?$", re.I)


def sentence_places(doc, sent_span, destinations: bool = False) -> list[tuple[int, int, Location, str]]:
    """Places the sentence names as where something happens: (start, end, Location, kind), document
    offsets.  A place name used as an actor (metonym: "Washington said") does not count; with
    `destinations`, a country named right after "to", "in" or "visited" counts even when the actors
    component also read it as an actor ("travelled to Vietnam")."""
    text = sent_span.text
    base = sent_span.start_char
    out = []
    for s, e, p in find_places(text):
        before = text[max(0, s - 60):s]
        if _NOT_LOCATIVE_RE.search(before) or not _LOCATIVE_RE.search(before):
            continue
        if p.kind != "venue" and _mentions_overlap(doc, base + s, base + e) and not (
                destinations and p.kind in ("country", "region") and _DESTINATION_RE.search(before)):
            continue
        loc = place_location(p)
        out.append((base + s, base + e, loc, p.kind))
    return out


def event_location(doc, sent_span, visitor_country: Optional[str] = None,
                   host_country: Optional[str] = None, is_visit: bool = False,
                   when: str = "reported", remote: bool = False) -> Location:
    """Where the event of a sentence happened.

    `visitor_country`/`host_country` are ISO3 codes (or `ActorRef`s: their country is used);
    `is_visit` may be a `model.Plover` (a visit is mode "visit").

    1. a venue or city the sentence names as a place ("at the Ak Orda", "in Geneva");
    2. a region ("in Crimea") or a country the sentence names as the place ("visited Kazakhstan"):
       region or country level, no coordinates;
    3. for an in-person event (any event given as a bool flag; with a `Plover`, the types of
       `IN_PERSON_TYPES`) with no place of its own: the place of the trip or meeting the sentence or
       two before describe, when that passage involves one of the event's countries
       (`trip_place`: "Trump met Xi in Busan. The two leaders agreed..." -> Busan, whatever the
       dateline); a visit takes it only when it is a city or venue of the host country;
    4. for a reported visit: the dateline city when it lies in the host country, else the host's
       capital;
    5. for other reported events: the dateline city (a fallback for events with no place);
    6. otherwise not known: ``Location()``.  Past/future events never borrow the dateline, and a
       remote event (`remote=True`, or a Plover with mode "phone") is placed only by the sentence.
    """
    visitor_country = _country_of(visitor_country)
    host_country = _country_of(host_country)
    in_person = True
    if not isinstance(is_visit, bool):  # a model.Plover: a visit is CONSULT with mode "visit"
        remote = remote or getattr(is_visit, "mode", None) == "phone"
        in_person = getattr(is_visit, "type", None) in IN_PERSON_TYPES
        is_visit = getattr(is_visit, "mode", None) == "visit"
    parties = {c for c in (visitor_country, host_country) if c}
    places = sorted(sentence_places(doc, sent_span),
                    key=lambda p: (-len(parties & _clause_parties(doc, p[0])) if parties else 0,
                                   _in_side_clause(doc, p[0])))
    for kinds in (("venue",), ("city", "capital", "seat")):
        for _, _, loc, kind in places:
            if kind in kinds:
                return loc
    for kinds in (("region",), ("country",)):
        for _, _, loc, kind in places:
            if kind in kinds and (not is_visit or host_country in (None, loc.country) or kind == "region"):
                return loc
    if remote:
        return Location()  # a phone or video call happens in no one place
    if when == "reported" and _dated_elsewhere(doc, sent_span):
        when = "past"
    if when == "reported" and in_person:
        trip = trip_place(doc, sent_span, {c for c in (visitor_country, host_country) if c})
        if trip is not None and (not is_visit or host_country is None
                                 or trip.country == host_country and trip.lat is not None):
            return trip         # a visit to a country named without a city: the visit rule below
    if when != "reported":
        if is_visit and host_country:
            return Location(name=country_name(host_country), country=host_country)
        return Location()
    dl = getattr(doc._, "dateline", None) or {}
    dl_loc = None
    if dl.get("place"):
        dl_loc = locate(dl["place"], dl.get("country")) or Location(name=dl["place"], country=dl.get("country"))
    if is_visit and host_country:
        if dl_loc is not None and dl_loc.country == host_country:
            return dl_loc
        cap = capital_of(host_country)
        if cap is not None:
            return Location(name=cap.name, country=cap.country, lat=cap.lat, lon=cap.lon)
        return Location(name=country_name(host_country), country=host_country)
    if dl_loc is not None:
        return dl_loc
    return Location()


# Event types that happen face to face, and so where the trip or meeting just described took place.
IN_PERSON_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST", "CONCEDE", "AID", "ENGAGE"})
# Words of a passage that describes a trip or a meeting somewhere.
TRIP_LEMMAS = frozenset({"visit", "trip", "tour", "travel", "arrive", "fly", "land", "summit", "sideline",
                         "sidelines", "talk", "meet", "meeting", "host", "hold", "attend", "stop", "stopover",
                         "reach", "head", "go", "welcome", "receive"})
# Words of a remote contact: a passage about a call places no one.
REMOTE_WORDS = frozenset({"phone", "telephone", "call", "video", "videoconference", "virtual", "virtually",
                          "online", "letter", "message"})
TRIP_BACK = 2       # sentences looked back


def trip_place(doc, sent_span, countries: set) -> Optional[Location]:
    """The place of the trip or meeting described just before a sentence that names no place.

    Looks back up to `TRIP_BACK` sentences: the nearest one naming a place is taken when it describes
    a trip or a meeting (a word of `TRIP_LEMMAS`), is not dated elsewhere, and - when `countries` is
    given - names an actor of one of those countries (the same trip, not another story).  A nearer
    sentence naming a place without a trip word stops the search."""
    try:
        sents = list(doc.sents)
    except ValueError:
        return None
    idx = next((k for k, s in enumerate(sents) if s.start <= sent_span.start < s.end), None)
    if idx is None:
        return None
    for k in range(idx - 1, max(-1, idx - 1 - TRIP_BACK), -1):
        prev = sents[k]
        places = sentence_places(doc, prev, destinations=True)
        if not places:
            continue
        words = {t.lemma_.lower() for t in prev} | {t.lower_ for t in prev}
        if not words & TRIP_LEMMAS or words & REMOTE_WORDS:
            return None
        if _dated_elsewhere(doc, prev):
            return None
        if countries and not (countries & _actor_countries(doc, prev)):
            return None
        for kinds in (("venue",), ("city", "capital", "seat"), ("region",), ("country",)):
            for _, _, loc, kind in places:
                if kind in kinds:
                    return loc
    return None


def _actor_countries(doc, span) -> set:
    table = getattr(doc._, "actor_table", None) or {}
    out = set()
    for m in getattr(doc._, "actor_mentions", None) or ():
        if span.start_char <= m.start < span.end_char:
            a = table.get(m.key)
            if a is not None and a.country:
                out.add(a.country)
    return out


def _dated_elsewhere(doc, sent_span) -> bool:
    """The sentence carries an explicit date far from the article's own date ("was in 2004")."""
    meta = getattr(doc._, "meta", None) or {}
    dl = getattr(doc._, "dateline", None) or {}
    ref = dl.get("date") or meta.get("published")
    if not ref:
        return False
    d, explicit = event_date(sent_span, meta.get("published") or ref, ref, trigger=_finite_root(sent_span))
    if not explicit or not d:
        return False
    if ref.startswith(d) or d.startswith(ref) or d > ref[:len(d)]:
        return False            # a later date ("agreed to hold drills next year") dates a plan, not the event
    if len(d) == 10:
        gap = abs((dt.date.fromisoformat(d) - dt.date.fromisoformat(ref[:10])).days)
        return gap > 7
    return True


_SIDE_CLAUSES = {"relcl", "acl"}


def _in_side_clause(doc, start: int) -> bool:
    """The place at char `start` sits in a relative clause ("Xi, who hosted Putin in Beijing last
    month, met Trump in Busan"): it places that clause, so the main clause's places come first."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    t = span[0]
    for _ in range(40):
        if t.dep_ in _SIDE_CLAUSES:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis"}


def _clause_parties(doc, start: int) -> set:
    """Countries of the actors in the clause of the place at char `start` (its verb's subtree minus
    the other clauses inside it; a relative clause counts its antecedent): the place of that clause's
    event.  Without actor mentions: empty."""
    mentions = getattr(doc._, "actor_mentions", None) or ()
    table = getattr(doc._, "actor_table", None) or {}
    if not mentions:
        return set()
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return set()
    tok = verb = span[0]
    for _ in range(40):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    keep = set(range(verb.left_edge.i, verb.right_edge.i + 1))
    for t in verb.subtree:
        if t.i != verb.i and t.dep_ in _CLAUSE_DEPS and not (t.left_edge.i <= tok.i <= t.right_edge.i):
            keep -= set(range(t.left_edge.i, t.right_edge.i + 1))
    if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
        keep.add(verb.head.i)           # "Xi, who hosted Putin in Beijing": Xi is in that clause
    out = set()
    for m in mentions:
        if m.token_start in keep or (m.token_end - 1) in keep:
            a = table.get(m.key)
            if a is not None and a.country:
                out.add(a.country)
    return out


def _finite_root(sent_span):
    """The sentence's verb for dating it: its root, or under a reporting root ("..., the White House
    said") the reported clause's verb; so dates of infinitive clauses below it ("agreed to talk
    again in April") date a plan, not the event."""
    root = sent_span.root
    if root.lemma_ in ("say", "tell", "announce", "report", "add", "state", "confirm"):
        for c in root.children:
            if c.dep_ == "ccomp" and c.i < root.i:
                return c
    return root


def _country_of(x) -> Optional[str]:
    """An ISO3 string as given, or the country of an `ActorRef`-like object."""
    if x is None or isinstance(x, str):
        return x or None
    return getattr(x, "country", None)
