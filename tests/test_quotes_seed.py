"""Seed acceptance (needs ../shared) and a similar article of our own (does not)."""
from __future__ import annotations

import json

import pytest


def _direct(coded):
    return [q for q in coded.quotes if q.direct]


def test_seed_quotes_whole_with_speakers(shared, seed_text, extract):
    gold = json.loads((shared / "gold" / "seed.gold.json").read_text())
    coded = extract(seed_text, published=gold["pub_date"])
    got = _direct(coded)
    for g in gold["quotes"]:
        match = [q for q in got if q.text.startswith(g["quote_start"])]
        assert match, f"missing quote {g['quote_start']!r}"
        q = match[0]
        # whole: from the opening mark to the closing mark (only the handover comma is left out)
        assert seed_text[q.start - 1] in '"\u201c'
        assert seed_text[q.end:q.end + 2].lstrip(",")[:1] in '"\u201d'
        assert len(q.text) > 150
        assert q.speaker.name == g["speaker"]
        assert q.speaker.country == g["speaker_country"]


SIMILAR = """BISHKEK, Kyrgyzstan, March 3. Kyrgyzstan and Hungary discussed joint projects in agriculture and water management during a meeting between Kyrgyz President Sadyr Japarov and Hungary's Foreign Minister Peter Szijjarto, the presidential press service reports.

Japarov welcomed the guest and noted that Hungary was a reliable partner of Kyrgyzstan in Europe.

"Hungary is well known in our country. Your companies are already working in our mountain regions, and we want many more of them. Let us give our cooperation a new dynamic," said Japarov.

Hungary's foreign minister thanked the President for the hospitality, noting that Budapest valued the friendship between the two peoples.

"We greatly admire the reforms carried out in Kyrgyzstan. Your country plays an important role in Central Asia, and we highly appreciate your balanced foreign policy," noted the diplomat.

The parties also discussed regional security.
"""


def test_similar_article_quotes_and_speakers(extract):
    coded = extract(SIMILAR, published="2025-03-03")
    got = _direct(coded)
    assert len(got) == 2
    first, second = got
    assert first.text.startswith("Hungary is well known") and first.text.endswith("a new dynamic")
    assert "Japarov" in first.speaker.name and first.speaker.country == "KGZ"
    assert second.text.startswith("We greatly admire") and second.text.endswith("foreign policy")
    assert "Szijjarto" in (second.speaker.name or "") or second.speaker.country == "HUN"
    assert second.cue == "noted"


def test_similar_article_statement_events(nlp):
    from communique.pipeline import make_doc
    from communique.quotes import statement_events
    doc = nlp(make_doc(nlp, SIMILAR, {"published": "2025-03-03"}))
    evs = statement_events(doc)
    pairs = {(e.source.country, e.target.country, e.cameo.code, e.plover.type) for e in evs}
    assert ("KGZ", "HUN", "051", "SUPPORT") in pairs
    assert ("HUN", "KGZ", "051", "SUPPORT") in pairs
    qids = {q.id: q for q in doc._.quotes}
    for e in evs:
        q = qids[e.quote]
        assert (e.evidence.start, e.evidence.end) == (q.start, q.end)
