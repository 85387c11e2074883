"""Every communique spaCy component, registered in one place.

Each factory declares what it reads (``requires``) and writes (``assigns``) on
the Doc.  The work itself lives in the module named in each component; this
file only wires it into spaCy.

Doc extensions (all set by our components):

- ``doc._.meta``            dict: url, title, outlet, published (set by `pipeline.make_doc`)
- ``doc._.source_text``     the original article text (offsets point into it)
- ``doc._.dateline``        dict: place, country, date, start, end (communique_dateline)
- ``doc._.actor_mentions``  list[model.Mention] (communique_actors)
- ``doc._.actor_table``     dict[key, model.Actor] (communique_actors)
- ``doc._.quotes``          list[model.Quote], speaker.actor = actor key (communique_quotes)
- ``doc._.events``          list[model.Event], source/target.actor = actor key (communique_events)
- ``doc._.sectors``, ``doc._.contexts``  article-level lists (communique_events)
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

_EXTENSIONS = ("meta", "source_text", "dateline", "actor_mentions", "actor_table",
               "quotes", "events", "sectors", "contexts")
for _name in _EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _ensure(doc: Doc, name: str, factory):
    if getattr(doc._, name) is None:
        setattr(doc._, name, factory())
    return getattr(doc._, name)


class DatelineComponent:
    """Reads the article head; writes ``doc._.dateline`` (place, country, date)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from . import timeplace
        _ensure(doc, "meta", dict)
        doc._.dateline = timeplace.read_dateline(doc)
        return doc


class ActorsComponent:
    """Reads tokens, entities and the parse; writes actor mentions and the actor table.

    Its state is the knowledge base, serialisable with ``to_disk``/``from_disk``.
    """

    def __init__(self, nlp: Language, name: str):
        from .kb import KnowledgeBase
        self.name = name
        self.kb = KnowledgeBase.default()

    def __call__(self, doc: Doc) -> Doc:
        from . import actors
        _ensure(doc, "meta", dict)
        mentions, table = actors.annotate(doc, self.kb)
        doc._.actor_mentions = mentions
        doc._.actor_table = table
        return doc

    def to_disk(self, path, exclude=()):
        self.kb.to_disk(Path(path))

    def from_disk(self, path, exclude=()):
        from .kb import KnowledgeBase
        self.kb = KnowledgeBase.from_disk(Path(path))
        return self


class QuotesComponent:
    """Reads actor mentions and the parse; writes ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from . import quotes
        doc._.quotes = quotes.annotate(doc)
        return doc


class EventsComponent:
    """Reads actors, quotes, dateline and the parse; writes events, sectors and contexts."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from . import events
        evs, sectors, contexts = events.annotate(doc)
        doc._.events = evs
        doc._.sectors = sectors
        doc._.contexts = contexts
        return doc


@Language.factory("communique_dateline", assigns=["doc._.dateline"], requires=["doc._.meta"])
def make_dateline(nlp: Language, name: str):
    return DatelineComponent(nlp, name)


@Language.factory("communique_actors", assigns=["doc._.actor_mentions", "doc._.actor_table"],
                  requires=["token.dep", "token.pos", "doc.ents", "doc._.dateline"])
def make_actors(nlp: Language, name: str):
    return ActorsComponent(nlp, name)


@Language.factory("communique_quotes", assigns=["doc._.quotes"],
                  requires=["doc._.actor_mentions", "token.dep"])
def make_quotes(nlp: Language, name: str):
    return QuotesComponent(nlp, name)


@Language.factory("communique_events", assigns=["doc._.events", "doc._.sectors", "doc._.contexts"],
                  requires=["doc._.actor_mentions", "doc._.quotes", "doc._.dateline", "token.dep"])
def make_events(nlp: Language, name: str):
    return EventsComponent(nlp, name)
