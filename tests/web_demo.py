"""A small demo store for the web tests (helpers, no tests here).

Hand-coded articles written for these tests (offsets computed from the text), one of them hostile
(markup in its text, title, URL, outlet, actor names and quotes), stored through
`communique.store.Store`; the relationship memory is built over them.
`build_demo_db(path, corpus=True)` also codes the bundled sample corpus through the real pipeline.
"""
from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

from communique.model import (Actor, ActorRef, ArticleMeta, Cameo, CodedArticle, Dateline, Evidence, Event,
                              Location, Plover, Quote, Speaker)

XSS_MARKERS = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "javascript:alert(3)")


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.find(needle, i + 1)
    assert i >= 0, needle
    return i, i + len(needle)


def _actor(text, id, name, kind, country, role=None, title=None, cameo=None, wikidata=None, names=()):
    mentions = tuple(sorted({_span(text, n, k) for n, k in (names or [(name, 0)])}))
    return Actor(id=id, name=name, kind=kind, country=country, sector="GOV", role=role, title=title,
                 cameo=cameo, wikidata=wikidata, mentions=mentions)


def _event(text, id, src, tgt, ptype, mode, code, gold, quad, sentence, *, when="reported", date=None,
           place=None, place_country=None, sectors=(), confidence=0.8, trigger=None):
    s, e = _span(text, sentence)
    return Event(id=id, source=ActorRef(actor=src[0], country=src[1], cameo=src[1] + "GOV", name=src[2]),
                 target=ActorRef(actor=tgt[0], country=tgt[1], cameo=tgt[1] + "GOV", name=tgt[2]),
                 plover=Plover(type=ptype, mode=mode, contexts=("diplomatic",)),
                 cameo=Cameo(code=code, root=code[:2], goldstein=gold, quad_class=quad), when=when, date=date,
                 location=Location(name=place, country=place_country), sectors=tuple(sectors),
                 confidence=confidence, evidence=Evidence(s, e, sentence), trigger=trigger)


def _quote(text, id, said, speaker, cue="said"):
    s, e = _span(text, said)
    return Quote(id=id, text=said, start=s, end=e, direct=True,
                 speaker=Speaker(actor=speaker[0], name=speaker[2], country=speaker[1]), cue=cue)


def _coded(text, published, title, outlet, url, place, country, actors, events, quotes, sectors=()):
    aid = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return CodedArticle(article=ArticleMeta(id=aid, url=url, title=title, outlet=outlet, published=published,
                                            dateline=Dateline(place, country)),
                        actors=tuple(actors), events=tuple(events), quotes=tuple(quotes),
                        sectors=tuple(sectors), contexts=("diplomatic",), text=text)


def demo_articles() -> list[CodedArticle]:
    out = []
    # 1. A foreign minister's visit, an invitation and a quote.
    t = ("ALMATY, March 3 (Test Wire) - Foreign Minister Daniyar Ostrov of Uzbekistan arrived in Almaty on "
         "Monday for talks with his Kazakh counterpart Aigerim Sadyk. The two ministers discussed rail "
         "transit and water sharing on the border rivers.\n\n\"Our peoples share a river and a future,\" "
         "Sadyk said after the talks. Ostrov invited Sadyk to pay a return visit to Tashkent in the autumn.")
    uzb = ("A1", "UZB", "Daniyar Ostrov")
    kaz = ("A2", "KAZ", "Aigerim Sadyk")
    out.append(_coded(
        t, "2024-03-04", "Uzbek foreign minister holds talks in Almaty", "Test Wire",
        "https://testwire.example/2024/03/04/ostrov-almaty", "Almaty", "KAZ",
        [_actor(t, "A1", "Daniyar Ostrov", "person", "UZB", "foreign minister", "Foreign Minister",
                names=[("Daniyar Ostrov", 0), ("Ostrov", 1)]),
         _actor(t, "A2", "Aigerim Sadyk", "person", "KAZ", "foreign minister", "Foreign Minister",
                names=[("Aigerim Sadyk", 0), ("Sadyk", 1), ("Sadyk", 2)])],
        [_event(t, "E1", uzb, kaz, "CONSULT", "visit", "042", 1.9, 1,
                "Foreign Minister Daniyar Ostrov of Uzbekistan arrived in Almaty on Monday for talks with his "
                "Kazakh counterpart Aigerim Sadyk.", date="2024-03-04", place="Almaty", place_country="KAZ",
                sectors=("transport", "water"), confidence=0.91, trigger="arrived"),
         _event(t, "E2", uzb, kaz, "AGREE", "invite", "036", 4.0, 1,
                "Ostrov invited Sadyk to pay a return visit to Tashkent in the autumn.", when="future",
                date="2024-03-04", confidence=0.74, trigger="invited")],
        [_quote(t, "Q1", "Our peoples share a river and a future,", kaz)], sectors=("transport", "water")))
    # 2. The return visit and an agreement, a month later.
    t = ("TASHKENT, April 9 (Steppe Test) - Kazakh Foreign Minister Aigerim Sadyk held talks in Tashkent on "
         "Tuesday with Daniyar Ostrov. The ministers signed a memorandum on a joint rail freight company. "
         "\"This railway will carry our trade for decades,\" Ostrov told reporters.")
    out.append(_coded(
        t, "2024-04-09", "Kazakh minister in Tashkent, rail memorandum signed", "Steppe Test",
        "https://steppetest.example/2024/04/09/sadyk-tashkent", "Tashkent", "UZB",
        [_actor(t, "A1", "Aigerim Sadyk", "person", "KAZ", "foreign minister", "Foreign Minister"),
         _actor(t, "A2", "Daniyar Ostrov", "person", "UZB", "foreign minister", "Foreign Minister",
                names=[("Daniyar Ostrov", 0), ("Ostrov", 1)])],
        [_event(t, "E1", ("A1", "KAZ", "Aigerim Sadyk"), ("A2", "UZB", "Daniyar Ostrov"), "CONSULT", "visit", "042",
                1.9, 1, "Kazakh Foreign Minister Aigerim Sadyk held talks in Tashkent on Tuesday with Daniyar Ostrov.",
                date="2024-04-09", place="Tashkent", place_country="UZB", confidence=0.88, trigger="held talks"),
         _event(t, "E2", ("A1", "KAZ", "Aigerim Sadyk"), ("A2", "UZB", "Daniyar Ostrov"), "COOPERATE", "sign", "057",
                8.0, 2, "The ministers signed a memorandum on a joint rail freight company.", date="2024-04-09",
                sectors=("transport",), confidence=0.83, trigger="signed")],
        [_quote(t, "Q1", "This railway will carry our trade for decades,", ("A2", "UZB", "Daniyar Ostrov"),
                cue="told")], sectors=("transport",)))
    # 3. A conflictual dyad.
    t = ("RIYADH, May 2 (Gulf Test) - Saudi Arabia accused Iran on Thursday of arming rebels along its "
         "southern border. Tehran rejected the charge as baseless.")
    sau, irn = ("A1", "SAU", "Saudi Arabia"), ("A2", "IRN", "Iran")
    out.append(_coded(
        t, "2024-05-02", "Riyadh accuses Tehran of arming rebels", "Gulf Test",
        "https://gulftest.example/2024/05/02/riyadh-tehran", "Riyadh", "SAU",
        [_actor(t, "A1", "Saudi Arabia", "country", "SAU"),
         _actor(t, "A2", "Iran", "country", "IRN", names=[("Iran", 0), ("Tehran", 0)])],
        [_event(t, "E1", sau, irn, "ACCUSE", None, "112", -2.0, 3,
                "Saudi Arabia accused Iran on Thursday of arming rebels along its southern border.",
                date="2024-05-02", confidence=0.86, trigger="accused"),
         _event(t, "E2", irn, sau, "REJECT", None, "120", -4.0, 3, "Tehran rejected the charge as baseless.",
                date="2024-05-02", confidence=0.7, trigger="rejected")], []))
    # 4. Hostile markup everywhere an article can carry text.
    t = ("GENEVA, June 1 (Evil Wire) - Officials of Freedonia <script>alert(1)</script> met envoys of "
         "Sylvania <img src=x onerror=alert(2)> in Geneva on Friday. Read more at "
         "<a href=\"javascript:alert(3)\">this link</a>. \"We will not click <b>bold</b> links,\" "
         "the Freedonian envoy said.")
    fre = ("A1", "FRE", "Freedonia <script>alert(1)</script>")
    syl = ("A2", "SYL", "Sylvania <img src=x onerror=alert(2)>")
    out.append(_coded(
        t, "2024-06-01", "Envoys meet <script>alert('title')</script>", "<b>Evil</b> Wire",
        "javascript:alert('url')", "Geneva", "CHE",
        [_actor(t, "A1", "Freedonia <script>alert(1)</script>", "country", "FRE",
                names=[("Freedonia <script>alert(1)</script>", 0)]),
         _actor(t, "A2", "Sylvania <img src=x onerror=alert(2)>", "country", "SYL",
                names=[("Sylvania <img src=x onerror=alert(2)>", 0)])],
        [_event(t, "E1", fre, syl, "CONSULT", "meet", "043", 2.8, 1,
                "Officials of Freedonia <script>alert(1)</script> met envoys of Sylvania "
                "<img src=x onerror=alert(2)> in Geneva on Friday.", date="2024-06-01", place="Geneva",
                place_country="CHE", confidence=0.66, trigger="met")],
        [_quote(t, "Q1", "We will not click <b>bold</b> links,", fre)]))
    return out


def xss_article_id() -> str:
    return demo_articles()[3].article.id


def corpus_records(corpus_dir: Path) -> list[dict]:
    return [json.loads(line) for line in (corpus_dir / "sample.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def build_demo_db(path: Path, corpus_dir: Path | None = None, memory: bool = True) -> Path:
    """Write the demo articles (and the coded corpus when `corpus_dir` is given) to `path`,
    then build the relationship memory unless `memory=False`."""
    from communique.store import Store
    store = Store(str(path))
    for c in demo_articles():
        store.add_article(c)
    if corpus_dir is not None:
        try:
            import communique
            for c in communique.extract_many(corpus_records(corpus_dir)):
                store.add_article(c, source_path=str(corpus_dir / "sample.jsonl"))
        except Exception as exc:  # noqa: BLE001 - the corpus is extra content; the demo articles suffice
            warnings.warn(f"demo DB without the coded corpus: {type(exc).__name__}: {exc}")
    if memory:
        from communique import memory as mem
        mem.refresh(store.con)
    store.close()
    return path
