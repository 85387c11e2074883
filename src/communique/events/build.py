"""From candidates to contract `Event`s: references, place, sectors, evidence, dedup."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from ..model import ActorRef, Event, Evidence, Location, Plover
from . import adapters
from .arguments import ActorIndex, Party
from .coder import DOMESTIC_OK, NEEDS_TARGET_EXCEPT, Candidate, detect
from .wordlists import CLASSES as _CLASSES

DEFAULT_THRESHOLD = 0.5
_DOCS = _CLASSES["AGREEMENT"]  # document nouns ("agreement", "memorandum" ...)


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
    dl = doc._.dateline or {}
    if c.ptype == "AID" and c.source is not None and c.target is not None and c.target.country and \
            c.target.country != c.source.country and dl.get("country") == c.source.country:
        # aid sent from the dateline's city arrives elsewhere: the place it was sent to, or its country
        if c.place is not None:
            loc = adapters.locate(c.place.text)
            if loc is not None:
                return loc
        return _country_location(c.target.country, idx)
    loc = adapters.event_location(doc, c.sent, src, tgt, plover, c.when)
    if loc is not None:
        return loc
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


def _document_text(c: Candidate, text: str) -> str:
    """The sentence up to the first listed document (the signing, its cue words) followed by
    this document's own phrase: the sectors of one memorandum, not of the whole list."""
    doc = c.tok.doc
    first = min([c.tok.i] + [t.i for t in doc[c.sent.start:c.tok.i] if t.lemma_.lower() in _DOCS
                             and (c.light is not None and t.head.i == c.light.i or t.dep_ in ("conj", "appos"))])
    head = text[c.sent.start_char:doc[first].idx]
    return head + _phrase_text(c.tok, text)


def _document_field(noun, text: str) -> str:
    """"a memorandum of understanding on agriculture and food security" -> the field it covers,
    phrased the way sector detection reads fields ("cooperation in the field of agriculture ...")."""
    stack = [noun]
    while stack:
        t = stack.pop(0)
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ in ("on", "in", "about", "for", "of") and p.i > noun.i:
                o = next((x for x in p.children if x.dep_ == "pobj"), None)
                if o is None or o.lemma_.lower() in _DOCS:  # "memorandum of understanding"
                    if o is not None:
                        stack.append(o)
                    continue
                lo, hi = o.left_edge.i, o.right_edge.i
                nxt = [x.i for x in noun.doc[lo + 1:hi + 1] if x.lemma_.lower() in _DOCS and x.dep_ in ("conj", "appos")]
                if nxt:
                    hi = nxt[0] - 1
                d = noun.doc
                return "cooperation in the field of " + text[d[lo].idx:d[hi].idx + len(d[hi].text)]
    return ""


def _phrase_text(noun, text: str) -> str:
    """The words of one listed document: from the noun to the next listed document or the end
    of its phrase ("an agreement on X" of "an agreement on X, a memorandum on Y and ...")."""
    doc = noun.doc
    hi = max(noun.right_edge.i, noun.i)
    for t in doc[noun.i + 1:noun.sent.end]:
        if t.lemma_.lower() in _DOCS and t.dep_ in ("conj", "appos"):
            hi = min(hi, t.i - 1)
            break
    hi = max(hi, noun.i)
    return text[doc[noun.i].idx:doc[hi].idx + len(doc[hi].text)]


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
        sectors = sect_cache[c.sent.start]
        if c.code == "057" and c.sense.kind == "N":
            # each listed document has its own field ("a memorandum on agriculture, a memorandum on
            # civil aviation"): the sectors of the document's own phrase, else of the sentence
            own = tuple(adapters.sectors_of(_document_text(c, text))) or \
                tuple(adapters.sectors_of(_document_field(c.tok, text)))
            sectors = own or sectors
        plover = Plover(c.ptype, c.mode, tuple(contexts))
        out.append(Event(
            id=f"e{n}",
            source=src, target=tgt, plover=plover, cameo=adapters.cameo(c.code),
            when=c.when, date=c.date,
            location=_location(doc, c, idx, src, tgt, plover),
            sectors=sectors,
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
    """What tells two acts of one type apart in one article: each signed document is its own
    agreement (three memoranda signed the same day are three agreements: the coder makes one
    candidate per listed document, and praise on that day is another SUPPORT), a summons is not
    the accusation that goes with it, and SANCTION modes differ (an expulsion and a trade ban).
    Meetings are one act whatever words report them (talks, reception, visit), and so are the
    commitments of one article to one party and its gestures of support."""
    if e.plover.type == "CONSULT":
        return None
    if e.plover.type == "AGREE":
        # the commitments of one side in one article are one ("an invitation and 'ready to receive
        # him'"); an agreement the two sides reached ("agreed to ease the trade war", "instructed
        # their governments to ...") is another act than a visit one of them announces
        trig = (e.trigger or "").lower()
        joint = trig.startswith(("agree", "instruct")) or trig.endswith(("consensus", "understanding", "agreement"))
        return "joint" if joint else None
    if e.plover.type == "ACCUSE":
        # summoning an envoy is its own act; "protested ... accused ..." of one day is one complaint
        return "summon" if (e.trigger or "").lower().startswith("summon") else None
    if e.cameo is not None and e.cameo.code == "057":
        return ("057", id(e))  # each signing trigger (one per listed document) is its own act
    if e.plover.type == "SUPPORT":
        return None  # "expressed condolences ... and solidarity": one gesture of support
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
    # "the leaders agreed ..." read once from each side: a joint commitment has no direction
    for k in list(order):
        rks = [r for r in order if r[:2] == (k[1], k[0]) and r[2:5] == k[2:5] and r != k]
        rk = rks[0] if rks else None
        if k[2] == "AGREE" and rk in best and k in best and rk != k and \
                best[k].plover.mode is None and best[rk].plover.mode is None and \
                (best[k].evidence.start == best[rk].evidence.start or
                 (best[k].trigger or "").lower() == (best[rk].trigger or "").lower()):
            # one joint commitment read from each side (not an offer of one side to the other)
            drop = k if _rank(best[k], kinds) < _rank(best[rk], kinds) else rk
            order.remove(drop)
            del best[drop]
    out = []
    for k in order:
        e = best[k]
        s0, t0 = refs[k]
        out.append(replace(e, source=_finer(e.source, s0, kinds), target=_finer(e.target, t0, kinds)))
    return out


def _overlap(a: Evidence, b: Evidence) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def same_statement(e: Event, q: Event) -> bool:
    """One act read twice: by the coder from the sentence and from the quote that sentence
    carries ("The ministry warned that China ... would take countermeasures"): same source and
    target country, same PLOVER type, same day, overlapping evidence."""
    return _party_key(e.source) == _party_key(q.source) and _party_key(e.target) == _party_key(q.target) \
        and e.plover.type == q.plover.type and e.when == q.when and (e.date or None) == (q.date or None) \
        and _overlap(e.evidence, q.evidence)


def merge_statements(events: list[Event], statements: list[Event]) -> list[Event]:
    """Coder events plus statement events (from quotes), each act once: when a statement event
    repeats a coder event (`same_statement`), the more confident one is kept (the coder's on a
    tie: its evidence is anchored on a parsed trigger); a kept coder event points at the quote."""
    from dataclasses import replace
    out = list(events)
    for q in statements:
        i = next((n for n, e in enumerate(out) if e.quote is None and same_statement(e, q)), None)
        if i is None:
            out.append(q)
        elif q.confidence > out[i].confidence:
            out[i] = q
        else:
            out[i] = replace(out[i], quote=q.quote)
    return out


def annotate(doc: Doc, threshold: float = DEFAULT_THRESHOLD):
    """-> (list[Event], sectors, contexts); Event.source/target.actor hold actor keys."""
    idx = ActorIndex(doc)
    cands = detect(doc, idx)
    events = events_from_candidates(doc, cands, idx, threshold)
    events = merge_statements(events, [e for e in adapters.statement_events(doc) if e.confidence >= threshold])
    events = dedup(events, {k: a.kind for k, a in idx.table.items()})
    text = doc._.source_text if doc._.source_text is not None else doc.text
    sectors = adapters.sectors_of(text)
    contexts: list[str] = []
    for e in events:
        for x in e.plover.contexts:
            if x not in contexts:
                contexts.append(x)
    return events, sectors, contexts
