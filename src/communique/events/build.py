"""From candidates to contract `Event`s: references, place, sectors, evidence, dedup."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from ..model import ActorRef, Event, Evidence, Location, Plover
from . import adapters
from .arguments import ActorIndex, Party
from .coder import DOMESTIC_OK, NEEDS_TARGET_EXCEPT, Candidate, detect

DEFAULT_THRESHOLD = 0.5


def _ref(p: Optional[Party]) -> ActorRef:
    if p is None:
        return ActorRef()
    return ActorRef(actor=p.key, country=p.country, cameo=p.cameo or p.country, name=p.name)


def _loc_with_coords(name: Optional[str], country: Optional[str]) -> Location:
    if not name:
        return Location()
    loc = adapters.locate(name)
    if loc is not None:
        return loc
    return Location(name=name, country=country)


def _country_location(code: Optional[str], idx: ActorIndex) -> Location:
    """A country named as the place (no coordinates: never silently the centre of a country)."""
    if not code:
        return Location()
    name = None
    for a in idx.table.values():
        if a.kind == "country" and a.country == code:
            name = a.name
            break
    return Location(name=name or code, country=code)


def _location(doc: Doc, c: Candidate, idx: ActorIndex, src: ActorRef, tgt: ActorRef, plover: Plover) -> Location:
    loc = adapters.event_location(doc, c.sent, src, tgt, plover, c.when)
    if loc is not None:
        return loc
    dl = doc._.dateline or {}
    if c.place is not None:
        loc = adapters.locate(c.place.text)
        if loc is not None:
            return loc
        if c.place.ent_type_ == "GPE" and c.target is not None and c.target.how == "place":
            return Location(name=c.place.text, country=c.target.country)
    if c.when == "reported" and dl.get("place"):
        visit_host = c.target.country if (c.mode == "visit" and c.target is not None) else None
        if visit_host is None or visit_host == dl.get("country"):
            return _loc_with_coords(dl.get("place"), dl.get("country"))
    if c.mode == "visit" and c.target is not None:
        return _country_location(c.target.country, idx)
    return Location()


def events_from_candidates(doc: Doc, cands: list[Candidate], idx: ActorIndex,
                           threshold: float = DEFAULT_THRESHOLD, require_actors: bool = True) -> list[Event]:
    text = doc._.source_text if doc._.source_text is not None else doc.text
    out: list[Event] = []
    sect_cache: dict[int, tuple] = {}
    ctx_cache: dict[tuple, list] = {}
    for n, c in enumerate(cands, 1):
        if c.conf < threshold:
            continue
        if require_actors:
            if c.source is None:
                continue
            if c.target is None and c.ptype not in NEEDS_TARGET_EXCEPT:
                continue
            if c.target is not None and c.source.key == c.target.key and c.source.key is not None:
                continue
            if c.target is not None and c.source.country and c.source.country == c.target.country \
                    and c.ptype not in DOMESTIC_OK:
                continue
        src, tgt = _ref(c.source), _ref(c.target)
        contexts = list(adapters.plover_contexts(c.code))
        sent_text = text[c.sent.start_char:c.sent.end_char]
        ck = (c.sent.start, c.ptype)
        if ck not in ctx_cache:
            ctx_cache[ck] = adapters.contexts_of(sent_text, c.ptype)
        if c.sent.start not in sect_cache:
            sect_cache[c.sent.start] = tuple(adapters.sectors_of(sent_text))
        for x in ctx_cache[ck]:
            if x not in contexts:
                contexts.append(x)
        plover = Plover(c.ptype, c.mode, tuple(contexts))
        out.append(Event(
            id=f"e{n}",
            source=src, target=tgt, plover=plover, cameo=adapters.cameo(c.code),
            when=c.when, date=c.date,
            location=_location(doc, c, idx, src, tgt, plover),
            sectors=sect_cache[c.sent.start],
            confidence=c.conf,
            evidence=Evidence(c.sent.start_char, c.sent.end_char, sent_text),
            trigger=c.tok.text if c.light is None else f"{c.light.text} {c.tok.text}",
        ))
    return out


def _party_key(r: ActorRef) -> Optional[str]:
    return r.country or r.actor or r.name


_KIND_RANK = {"person": 3, "organization": 2, "group": 1, "country": 1}


def _kind(r: ActorRef, kinds: dict) -> int:
    return _KIND_RANK.get(kinds.get(r.actor), 0) if r.actor else 0


def _rank(e: Event, kinds: dict) -> tuple:
    specific = _kind(e.source, kinds) + _kind(e.target, kinds)
    return (round(e.confidence, 2), specific, -e.evidence.start)


def _finer(a: ActorRef, b: ActorRef, kinds: dict) -> ActorRef:
    """The more specific of two references to the same country (a named minister over 'Oman')."""
    if a.country == b.country and _kind(b, kinds) > _kind(a, kinds):
        return b
    return a


def _act(e: Event):
    """What tells two acts of one type apart in one article: the PLOVER mode (praise and an
    agreement are both SUPPORT, an expulsion and a trade ban both SANCTION, a summons and an
    accusation both ACCUSE) and, for signed
    documents, the document itself (three memoranda signed the same day are three agreements:
    the coder makes one candidate per listed document).
    Meetings are one act whatever words report them (talks, reception, visit), and so are the
    commitments of one article to one party."""
    if e.plover.type in ("CONSULT", "AGREE"):
        return None  # an invitation and "ready to receive him" in one article are one commitment
    if e.plover.type == "ACCUSE":
        # summoning an envoy is its own act; "protested ... accused ..." of one day is one complaint
        return "summon" if (e.trigger or "").lower().startswith("summon") else None
    if e.cameo is not None and e.cameo.code == "057":
        return ("057", id(e))  # each signing trigger (one per listed document) is its own act
    return e.plover.mode


def dedup(events: list[Event], kinds: Optional[dict] = None) -> list[Event]:
    """One event per (source, target, PLOVER type, modality[, date for past/future]): the most
    confident one, with the most specific actors any of the duplicates named."""
    from dataclasses import replace
    kinds = kinds or {}
    best: dict[tuple, Event] = {}
    refs: dict[tuple, tuple[ActorRef, ActorRef]] = {}
    order: list[tuple] = []
    for e in events:
        k = (_party_key(e.source), _party_key(e.target), e.plover.type, e.when,
             e.date if e.when in ("past", "future") else None, _act(e))
        if k not in best:
            best[k], refs[k] = e, (e.source, e.target)
            order.append(k)
            continue
        if _rank(e, kinds) > _rank(best[k], kinds):
            best[k] = e
        s0, t0 = refs[k]
        refs[k] = (_finer(s0, e.source, kinds), _finer(t0, e.target, kinds))
    out = []
    for k in order:
        e = best[k]
        s0, t0 = refs[k]
        out.append(replace(e, source=_finer(e.source, s0, kinds), target=_finer(e.target, t0, kinds)))
    return out


def annotate(doc: Doc, threshold: float = DEFAULT_THRESHOLD):
    """-> (list[Event], sectors, contexts); Event.source/target.actor hold actor keys."""
    idx = ActorIndex(doc)
    cands = detect(doc, idx)
    events = events_from_candidates(doc, cands, idx, threshold)
    events += [e for e in adapters.statement_events(doc) if e.confidence >= threshold]
    events = dedup(events, {k: a.kind for k, a in idx.table.items()})
    text = doc._.source_text if doc._.source_text is not None else doc.text
    sectors = adapters.sectors_of(text)
    contexts: list[str] = []
    for e in events:
        for x in e.plover.contexts:
            if x not in contexts:
                contexts.append(x)
    return events, sectors, contexts
