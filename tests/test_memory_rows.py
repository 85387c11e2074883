"""Hand-built store rows for the relationship-memory tests (helpers, no tests here).

Articles are written as `CodedArticle` objects and stored through `communique.store.Store`
when it is available, else with the agreed DDL of the common brief, so the memory tests
run against the same tables either way.
"""
from __future__ import annotations

import hashlib
from typing import Optional

import duckdb

from communique.model import (Actor, ActorRef, ArticleMeta, Cameo, CodedArticle, Evidence, Event, Location,
                              Plover, Quote, Speaker)

DDL = """
CREATE TABLE IF NOT EXISTS articles (id VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, outlet VARCHAR,
  published DATE, dateline_place VARCHAR, dateline_country VARCHAR, language VARCHAR, text VARCHAR,
  sectors VARCHAR[], contexts VARCHAR[], source_path VARCHAR, metadata JSON, ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS actors (article_id VARCHAR, id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR,
  sector VARCHAR, role VARCHAR, title VARCHAR, cameo VARCHAR, wikidata VARCHAR, PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS mentions (article_id VARCHAR, actor_id VARCHAR, start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS events (article_id VARCHAR, id VARCHAR, source_actor VARCHAR, source_country VARCHAR,
  source_cameo VARCHAR, source_name VARCHAR, target_actor VARCHAR, target_country VARCHAR, target_cameo VARCHAR,
  target_name VARCHAR, plover_type VARCHAR, plover_mode VARCHAR, plover_contexts VARCHAR[], cameo_code VARCHAR,
  cameo_root VARCHAR, cameo_goldstein DOUBLE, cameo_quad_class INTEGER, modality VARCHAR, date VARCHAR,
  location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE, sectors VARCHAR[],
  confidence DOUBLE, evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR, trigger VARCHAR,
  quote VARCHAR, PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS quotes (article_id VARCHAR, id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER,
  direct BOOLEAN, speaker_actor VARCHAR, speaker_name VARCHAR, speaker_country VARCHAR, cue VARCHAR);
"""

GOLDSTEIN = {"042": 1.9, "043": 2.8, "040": 1.0, "036": 4.0, "051": 3.4, "057": 8.0, "112": -2.0,
             "0311": 5.2, "030": 4.0, "111": -2.0, "172": -5.0}
PLOVER = {"042": ("CONSULT", "visit"), "043": ("CONSULT", "visit"), "040": ("CONSULT", None),
          "036": ("AGREE", None), "051": ("SUPPORT", "praise"), "057": ("SUPPORT", None),
          "112": ("ACCUSE", None), "0311": ("AGREE", None), "030": ("AGREE", None), "111": ("ACCUSE", None),
          "172": ("SANCTION", None)}
QUAD = {"04": 1, "03": 1, "05": 1, "11": 3, "17": 4}


def actor(id, name, kind="person", country=None, role=None, title=None, wikidata=None):
    return Actor(id=id, name=name, kind=kind, country=country, role=role, title=title, wikidata=wikidata)


def event(id, src, tgt, code="042", *, src_actor=None, tgt_actor=None, when="reported", date=None,
          place=None, place_country=None, sectors=(), confidence=0.8, evidence="", start=0, mode=None,
          trigger=None, ptype=None):
    ptype0, mode0 = PLOVER.get(code, ("CONSULT", None))
    return Event(id=id, source=ActorRef(actor=src_actor, country=src), target=ActorRef(actor=tgt_actor, country=tgt),
                 plover=Plover(type=ptype or ptype0, mode=mode if mode is not None else mode0),
                 cameo=Cameo(code=code, root=code[:2], goldstein=GOLDSTEIN.get(code, 0.0),
                             quad_class=QUAD.get(code[:2], 1)),
                 when=when, date=date, location=Location(name=place, country=place_country),
                 sectors=tuple(sectors), confidence=confidence,
                 evidence=Evidence(start, start + len(evidence), evidence), trigger=trigger)


def article(text, *, published, outlet=None, url=None, title=None, actors=(), events=(), quotes=(), id=None):
    aid = id or hashlib.sha256(text.encode()).hexdigest()
    return CodedArticle(article=ArticleMeta(id=aid, url=url, title=title, outlet=outlet, published=published),
                        actors=tuple(actors), events=tuple(events), quotes=tuple(quotes), text=text)


def quote(id, text, start, speaker_actor=None, name=None, country=None):
    return Quote(id=id, text=text, start=start, end=start + len(text), direct=True,
                 speaker=Speaker(actor=speaker_actor, name=name, country=country), cue="said")


def _insert(con, c: CodedArticle) -> None:
    a = c.article
    con.execute("INSERT INTO articles (id, url, title, outlet, published, language, text, sectors, contexts, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, 'en', ?, ?, ?, now())",
                [a.id, a.url, a.title, a.outlet, a.published, c.text, list(c.sectors), list(c.contexts)])
    for x in c.actors:
        con.execute("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [a.id, x.id, x.name, x.kind, x.country, x.sector, x.role, x.title, x.cameo, x.wikidata])
        for s, e in x.mentions:
            con.execute('INSERT INTO mentions VALUES (?,?,?,?)', [a.id, x.id, s, e])
    for e in c.events:
        con.execute("INSERT INTO events VALUES (" + ",".join(["?"] * 30) + ")", [
            a.id, e.id, e.source.actor, e.source.country, e.source.cameo, e.source.name, e.target.actor,
            e.target.country, e.target.cameo, e.target.name, e.plover.type, e.plover.mode, list(e.plover.contexts),
            e.cameo.code, e.cameo.root, e.cameo.goldstein, e.cameo.quad_class, e.when, e.date, e.location.name,
            e.location.country, e.location.lat, e.location.lon, list(e.sectors), e.confidence, e.evidence.start,
            e.evidence.end, e.evidence.text, e.trigger, e.quote])
    for q in c.quotes:
        con.execute("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [a.id, q.id, q.text, q.start, q.end, q.direct, q.speaker.actor, q.speaker.name,
                     q.speaker.country, q.cue])


class MemStore:
    """A store for tests: `Store` when it is built, else the DDL above."""

    def __init__(self, path):
        self.store = None
        try:
            from communique.store import Store
            self.store = Store(str(path), read_only=False)
            self.con = self.store.con
        except (ImportError, TypeError, AttributeError):
            self.con = duckdb.connect(str(path))
            self.con.execute(DDL)

    def add(self, *articles: CodedArticle) -> None:
        for c in articles:
            if self.store is not None:
                self.store.add_article(c)
            else:
                _insert(self.con, c)

    def close(self) -> None:
        (self.store or self.con).close()


def open_store(path: Optional[str]):
    return MemStore(path)
