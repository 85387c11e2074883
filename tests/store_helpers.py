"""Hand-built coded articles for the store and CLI tests (helpers, no tests here).

Every field of the contract is filled, so a storage round trip that loses or alters one fails.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from communique.model import (Actor, ActorRef, ArticleMeta, Cameo, CodedArticle, Dateline, Evidence, Event,
                              Location, Plover, Quote, Speaker)

CORPUS = Path(__file__).resolve().parents[1] / "src" / "communique" / "data" / "corpus" / "sample.jsonl"

PEOPLE = {
    "KAZ": ("Kassym-Jomart Tokayev", "head of state", "President", "Astana", 51.17, 71.45),
    "OMN": ("Haitham bin Tariq", "head of state", "Sultan", "Muscat", 23.59, 58.41),
    "UZB": ("Shavkat Mirziyoyev", "head of state", "President", "Tashkent", 41.31, 69.28),
    "IND": ("Narendra Modi", "head of government", "Prime Minister", "New Delhi", 28.61, 77.21),
    "PAK": ("Shehbaz Sharif", "head of government", "Prime Minister", "Islamabad", 33.68, 73.05),
}
CODES = {  # cameo code -> (plover type, mode, goldstein, quad class)
    "042": ("CONSULT", "visit", 1.9, 1), "036": ("AGREE", None, 4.0, 1), "057": ("SUPPORT", None, 8.0, 1),
    "112": ("ACCUSE", "disapprove", -2.0, 3), "163": ("COERCE", "restrict", -8.0, 4), "073": ("AID", None, 7.4, 2),
}


def make_article(src: str = "OMN", tgt: str = "KAZ", published: str = "2025-05-01", *, codes=("042",),
                 text: str | None = None, url: str | None = None, outlet: str = "Test Wire",
                 past: str | None = None, confidence: float = 0.8) -> CodedArticle:
    """One article: two leaders, one event per CAMEO code in `codes` (src -> tgt), one quote.

    With `past` (a year) a last event is added as a historical mention dated that year."""
    s_name, s_role, s_title, _, _, _ = PEOPLE[src]
    t_name, t_role, t_title, place, lat, lon = PEOPLE[tgt]
    text = text or (f"{place.upper()}, {published} (Test Wire) — {s_title} {s_name} of {src} and {t_title} "
                    f"{t_name} of {tgt} met on {published} ({'/'.join(codes)}). \"We agree,\" said {t_name}.")
    aid = hashlib.sha256(text.encode("utf-8")).hexdigest()
    i = text.index(s_name)
    j = text.index(t_name)
    actors = (
        Actor("A1", s_name, "person", src, "GOV", s_role, s_title, f"{src}GOV", None, ((i, i + len(s_name)),)),
        Actor("A2", t_name, "person", tgt, "GOV", t_role, t_title, f"{tgt}GOV", "Q123",
              ((j, j + len(t_name)), (text.rindex(t_name), text.rindex(t_name) + len(t_name)))),
    )
    events = []
    for n, code in enumerate(list(codes) + ([codes[0]] if past else []), 1):
        ptype, mode, g, quad = CODES[code]
        is_past = past is not None and n == len(codes) + 1
        events.append(Event(
            id=f"E{n}", source=ActorRef("A1", src, f"{src}GOV", s_name), target=ActorRef("A2", tgt, f"{tgt}GOV", t_name),
            plover=Plover(ptype, mode, ("diplomatic",)), cameo=Cameo(code, code[:2], g, quad),
            when="past" if is_past else "reported", date=past if is_past else published,
            location=Location(place, tgt, lat, lon), sectors=("transport", "energy"), confidence=confidence,
            evidence=Evidence(0, len(text) // 2, text[: len(text) // 2]), trigger="met", quote="Q1"))
    qs = text.index('"')
    qe = text.index('"', qs + 1) + 1
    quotes = (Quote("Q1", text[qs + 1: qe - 1], qs, qe, True, Speaker("A2", t_name, tgt), "said"),)
    return CodedArticle(
        article=ArticleMeta(aid, url or f"https://testwire.example/{aid[:8]}", f"{src} and {tgt}", outlet, published,
                            Dateline(place, tgt), "en"),
        actors=actors, events=tuple(events), quotes=quotes, sectors=("energy", "transport"),
        contexts=("diplomatic",), text=text)


def corpus_records(n: int | None = None, keys: tuple[str, ...] = ()) -> list[dict]:
    """Records of the bundled sample corpus (the first `n`, or those whose URL contains one of `keys`)."""
    recs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    if keys:
        recs = [r for r in recs if any(k in r["url"] for k in keys)]
    return recs[:n] if n else recs
