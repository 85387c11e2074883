"""The data contract: to_dict matches the extraction contract's field names and round-trips."""
import json

import pytest

from communique.model import (Actor, ActorRef, ArticleMeta, Cameo, CodedArticle, Dateline, Event, Evidence,
                              Location, Plover, Quote, Speaker)

CONTRACT_KEYS = {
    "article": {"id", "url", "title", "outlet", "published", "dateline", "language"},
    "actor": {"id", "name", "kind", "country", "sector", "role", "title", "cameo", "wikidata", "mentions"},
    "event": {"id", "source", "target", "plover", "cameo", "when", "date", "location", "sectors",
              "confidence", "evidence"},
    "quote": {"id", "text", "start", "end", "direct", "speaker", "cue"},
}


def _sample() -> CodedArticle:
    text = "Ruritania's president met the Freedonian envoy in Strelsau."
    return CodedArticle(
        article=ArticleMeta(id="x" * 64, url="https://example.org/a", published="2025-02-25",
                            dateline=Dateline("Astana", "KAZ")),
        actors=(Actor(id="A1", name="Kassym-Jomart Tokayev", kind="person", country="KAZ", sector="GOV",
                      mentions=((0, 10), (20, 24))),),
        events=(Event(id="E1", source=ActorRef("A1", "KAZ", "KAZGOV"), target=ActorRef(None, "OMN", "OMN"),
                      plover=Plover("CONSULT", "visit", ("diplomatic",)), cameo=Cameo("042", "04", 1.9, 1),
                      date="2025-02-25", location=Location("Astana", "KAZ", 51.17, 71.45),
                      sectors=("transport",), confidence=0.8, evidence=Evidence(0, 10, text[:10])),),
        quotes=(Quote(id="Q1", text="hello", start=1, end=6, direct=True, speaker=Speaker("A1", "T", "KAZ"),
                      cue="said"),),
        sectors=("transport",), contexts=("diplomatic",), text=text)


def test_model_roundtrip_dict_and_json():
    c = _sample()
    d = c.to_dict(include_text=True)
    assert CodedArticle.from_dict(json.loads(json.dumps(d))) == c


@pytest.mark.parametrize("part,getter", [
    ("article", lambda d: d["article"]),
    ("actor", lambda d: d["actors"][0]),
    ("event", lambda d: d["events"][0]),
    ("quote", lambda d: d["quotes"][0]),
])
def test_model_roundtrip_contract_keys(part, getter):
    d = _sample().to_dict()
    assert CONTRACT_KEYS[part] <= set(getter(d))


def test_model_roundtrip_text_only_when_asked():
    c = _sample()
    assert "text" not in c.to_dict()["article"]
    assert c.to_dict(include_text=True)["article"]["text"] == c.text
