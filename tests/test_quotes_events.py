"""Statements that are events: coded with the speaker as source and the party spoken about as target."""
from __future__ import annotations

import pytest

from communique.model import Quote, Speaker
from communique.quotes_events import classify


@pytest.fixture(scope="module")
def events_of(nlp):
    from communique.pipeline import make_doc
    from communique.quotes import statement_events

    def run(text):
        doc = nlp(make_doc(nlp, text, {"published": "2025-06-02"}))
        return doc, statement_events(doc)

    return run


@pytest.mark.parametrize("text, source, target, root, ptype", [
    ('Russian Foreign Minister Sergey Lavrov said: "We highly appreciate the balanced position of '
     'Kazakhstan."', "RUS", "KAZ", "05", "SUPPORT"),
    ('"Russia\'s strikes on our cities are a reckless provocation," Ukrainian Foreign Minister '
     'Andrii Sybiha said.', "UKR", "RUS", "11", "ACCUSE"),
    ('"We do not accept any ultimatum from the United States," Iranian Foreign Minister Abbas '
     'Araghchi said.', "IRN", "USA", "12", "REJECT"),
    ('"Any deployment of such missiles in Germany will be met with a response," Russian Deputy '
     'Foreign Minister Sergei Ryabkov told reporters.', "RUS", "DEU", "13", "THREATEN"),
    ('"We call on Azerbaijan to return to the negotiating table," Armenian Prime Minister Nikol '
     'Pashinyan said.', "ARM", "AZE", "02", "REQUEST"),
])
def test_statement_event_coding(events_of, text, source, target, root, ptype):
    doc, evs = events_of(text)
    got = [(e.source.country, e.target.country, e.cameo.root, e.plover.type) for e in evs]
    assert (source, target, root, ptype) in got, got
    e = evs[0]
    q = next(q for q in doc._.quotes if q.id == e.quote)
    assert (e.evidence.start, e.evidence.end, e.evidence.text) == (q.start, q.end, q.text)
    from communique.codebook import cameo
    assert e.cameo == cameo(e.cameo.code)  # Goldstein and quad class from the codebook
    assert e.when == "reported" and 0 < e.confidence <= 1


@pytest.mark.parametrize("text", [
    '"We are ready to work," Kazakh President Kassym-Jomart Tokayev said.',       # no act, no target
    '"We highly appreciate this," Kazakh President Kassym-Jomart Tokayev said.',  # no target
    # a third party's act reported by the speaker is not the speaker's praise
    "Kazakhstan's presidential press office said the Sultan of Oman Haitham bin Tariq thanked "
    "the President for the invitation.",
    '"China made a mistake by retaliating," US President Donald Trump said.',      # not a threat
])
def test_no_event_without_act_or_target(events_of, text):
    assert events_of(text)[1] == []


@pytest.mark.parametrize("cue, text, code", [
    ("praised", "the reforms", "051"),
    ("thanked", "the hosts", "051"),
    ("condemned", "the strike", "111"),
    ("criticised", "the decision", "111"),
    ("accused", "the neighbour", "112"),
    ("urged", "restraint", "020"),
    ("demanded", "a withdrawal", "100"),
    ("threatened", "retaliation", "130"),
    ("rejected", "the plan", "120"),
    ("said", "We will never accept this plan.", "120"),
    ("said", "This is militaristic hysteria.", "111"),
    ("said", "We call on both sides to stop.", "020"),
    ("said", "Such steps will be met with a response.", "130"),
    ("said", "The weather is fine.", None),
])
def test_classify(cue, text, code):
    q = Quote("q1", text, 0, len(text), True, Speaker("k", "X", "KAZ"), cue)
    got = classify(q)
    assert (got[0] if got else None) == code


def test_unnamed_speaker_with_a_country_is_a_source(events_of):
    _, evs = events_of('"Israel\'s strikes are a reckless provocation," an Egyptian official said.')
    (e,) = evs
    assert (e.source.actor, e.source.country, e.target.country, e.cameo.code) == (None, "EGY", "ISR", "111")
    assert e.confidence < 0.65
