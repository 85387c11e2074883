"""The data contract: frozen dataclasses that cross every module boundary.

`CodedArticle.to_dict()` produces exactly the JSON described in the extraction
contract (``communique extract --format json``).  The DuckDB tables
(`communique.store.schema`) and the Spark schema (`communique.spark`) are
derived from these classes, so a field added here shows up everywhere.

Inside the pipeline, actor references (`ActorRef.actor`, `Speaker.actor`) hold
an internal *actor key* (e.g. ``"person:kassym-jomart tokayev"``); the
assembler (`communique.assemble`) renumbers them to the public ``A1, A2...``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Optional

# Modalities of an event (contract field `when`).
WHEN_VALUES = ("reported", "past", "future", "hypothetical", "negated")
ACTOR_KINDS = ("person", "country", "organization", "group")


@dataclass(frozen=True)
class Dateline:
    place: Optional[str] = None
    country: Optional[str] = None


@dataclass(frozen=True)
class ArticleMeta:
    id: str
    url: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    dateline: Dateline = field(default_factory=Dateline)
    language: str = "en"


@dataclass(frozen=True)
class Actor:
    id: str                      # public id "A1" (internal key inside the pipeline)
    name: str
    kind: str                    # person | country | organization | group
    country: Optional[str] = None  # ISO alpha-3 or IGO acronym
    sector: Optional[str] = None   # CAMEO sector: GOV, MIL, BUS, CVL, ...
    role: Optional[str] = None     # "head of state", "foreign minister", ...
    title: Optional[str] = None    # "President", "Sultan", ...
    cameo: Optional[str] = None    # KAZGOV, IGOUNO, ...
    wikidata: Optional[str] = None
    mentions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ActorRef:
    actor: Optional[str] = None   # public actor id (or internal key in the pipeline)
    country: Optional[str] = None
    cameo: Optional[str] = None
    name: Optional[str] = None    # extra field: display name


@dataclass(frozen=True)
class Plover:
    type: str
    mode: Optional[str] = None
    contexts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cameo:
    code: str
    root: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class Location:
    name: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Event:
    id: str
    source: ActorRef
    target: ActorRef
    plover: Plover
    cameo: Cameo
    when: str = "reported"
    date: Optional[str] = None
    location: Location = field(default_factory=Location)
    sectors: tuple[str, ...] = ()
    confidence: float = 0.5
    evidence: Evidence = field(default_factory=lambda: Evidence(0, 0, ""))
    trigger: Optional[str] = None   # extra: the word(s) that triggered the event
    quote: Optional[str] = None     # extra: id of the quote the event was read from


@dataclass(frozen=True)
class Speaker:
    actor: Optional[str] = None
    name: Optional[str] = None
    country: Optional[str] = None


@dataclass(frozen=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    direct: bool
    speaker: Speaker = field(default_factory=Speaker)
    cue: Optional[str] = None


@dataclass(frozen=True)
class CodedArticle:
    article: ArticleMeta
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sectors: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    text: Optional[str] = None   # the plain text the offsets point into

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        d = _plain(self)
        text = d.pop("text")
        if include_text:
            d["article"]["text"] = text
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "CodedArticle":
        return _build(cls, d | {"text": d.get("article", {}).get("text")})


def _plain(obj: Any) -> Any:
    """Dataclass -> JSON-ready dict; tuples become lists."""
    if hasattr(obj, "__dataclass_fields__"):
        return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj


_NESTED = {
    ("CodedArticle", "article"): ArticleMeta,
    ("ArticleMeta", "dateline"): Dateline,
    ("CodedArticle", "actors"): Actor,
    ("CodedArticle", "events"): Event,
    ("CodedArticle", "quotes"): Quote,
    ("Event", "source"): ActorRef,
    ("Event", "target"): ActorRef,
    ("Event", "plover"): Plover,
    ("Event", "cameo"): Cameo,
    ("Event", "location"): Location,
    ("Event", "evidence"): Evidence,
    ("Quote", "speaker"): Speaker,
}


def _build(cls: type, d: dict[str, Any]) -> Any:
    kwargs = {}
    for f in fields(cls):
        if f.name not in d:
            continue
        v = d[f.name]
        sub = _NESTED.get((cls.__name__, f.name))
        if sub is not None and v is not None:
            v = tuple(_build(sub, x) for x in v) if isinstance(v, list) else _build(sub, v)
        elif isinstance(v, list):
            v = tuple(tuple(x) if isinstance(x, list) else x for x in v)
        kwargs[f.name] = v
    return cls(**kwargs)


def as_dict(obj: Any) -> dict[str, Any]:
    return _plain(obj)


__all__ = [
    "Dateline", "ArticleMeta", "Actor", "ActorRef", "Plover", "Cameo", "Location",
    "Evidence", "Event", "Speaker", "Quote", "CodedArticle", "WHEN_VALUES", "ACTOR_KINDS",
    "as_dict", "asdict", "Mention",
]


@dataclass(frozen=True)
class Mention:
    """An actor mention found by the actors component (pipeline-internal).

    `key` names an entry of ``doc._.actor_table``; offsets are character
    offsets into the article text; `token_start`/`token_end` index the Doc.
    `how` says which rule resolved it (title pattern, coreference, metonym...).
    """
    start: int
    end: int
    key: str
    token_start: int
    token_end: int
    text: str
    how: str = ""
    confidence: float = 1.0
