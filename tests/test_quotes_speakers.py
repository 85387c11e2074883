"""Speaker attribution: cue verbs, subjects, pronouns, descriptions and continuation paragraphs."""
from __future__ import annotations

import pytest


def quotes(extract, text):
    return [q for q in extract(text, published="2025-06-02").quotes]


def direct(extract, text):
    return [q for q in quotes(extract, text) if q.direct]


ARTICLE = """ASTANA, June 2 - Kazakh President Kassym-Jomart Tokayev hosted Russian Foreign Minister Sergey Lavrov in Astana on Monday.

"Our countries have a long common border and an even longer common history," said Tokayev.

"We value this friendship," Lavrov said. "It does not depend on anyone's mood."

The Russian minister also met Kazakh Foreign Minister Murat Nurtleu. "The talks were frank and useful," he added.

"Transit through Kazakhstan will keep growing," noted the diplomat.

"We expect new routes to open next year.

"Our railways are ready for the extra volume," the Kazakh side stressed.

A spokesperson for the Ministry of Foreign Affairs of Kazakhstan said: "The visit confirmed the high level of trust."

"Both sides agreed to meet again in Moscow in the autumn."
"""


@pytest.fixture(scope="module")
def art(extract):
    return direct(extract, ARTICLE)


def find(qs, start):
    for q in qs:
        if q.text.startswith(start):
            return q
    raise AssertionError(f"no quote starting {start!r}: {[q.text[:30] for q in qs]}")


@pytest.mark.parametrize("start, surname, cue", [
    ("Our countries have a long", "Tokayev", "said"),       # "..., said X."
    ("We value this friendship", "Lavrov", "said"),          # "..., X said."
    ("It does not depend", "Lavrov", None),                   # second half after the cue sentence
    ("The talks were frank", "Lavrov", "added"),             # pronoun -> the previous speaker
    ("Transit through Kazakhstan", "Lavrov", "noted"),       # "noted the diplomat"
])
def test_person_speakers(art, start, surname, cue):
    q = find(art, start)
    assert q.speaker.name and surname in q.speaker.name
    if cue:
        assert q.cue == cue


def test_side_and_spokesperson_speak_for_the_country(art):
    side = find(art, "We expect new routes")
    assert "Our railways are ready" in side.text          # two paragraphs, one quote
    assert side.speaker.country == "KAZ"
    spokes = find(art, "The visit confirmed")
    assert spokes.speaker.country == "KAZ"
    assert spokes.cue == "said"


def test_quote_only_paragraph_continues_previous_speaker(art):
    q = find(art, "Both sides agreed")
    spokes = find(art, "The visit confirmed")
    assert q.speaker == spokes.speaker


def test_speaker_is_an_actor_of_the_article(extract):
    coded = extract(ARTICLE, published="2025-06-02")
    ids = {a.id for a in coded.actors}
    q = find([q for q in coded.quotes if q.direct], "Our countries have")
    assert q.speaker.actor in ids
    actor = next(a for a in coded.actors if a.id == q.speaker.actor)
    assert actor.country == "KAZ"


@pytest.mark.parametrize("text, start, surname", [
    ('Lavrov said: "Sanctions have failed."', "Sanctions have failed", "Lavrov"),
    ('"We are ready," Tokayev said, "to expand transit."', "to expand transit", "Tokayev"),
    ('Tokayev called the talks "open and very productive".', "open and very productive", "Tokayev"),
    ('According to Lavrov, "the dialogue will continue."', "the dialogue will continue", "Lavrov"),
    ('\u2018Our position is unchanged,\u2019 Lavrov told reporters.', "Our position is unchanged", "Lavrov"),
    ('Tokayev: "Kazakhstan will stay neutral"\n\nASTANA, June 3 - The president spoke on Tuesday.',
     "Kazakhstan will stay neutral", "Tokayev"),
    ('Interfax quoted Lavrov as saying: "The talks will continue."', "The talks will continue", "Lavrov"),
    ('"The talks will continue," Interfax quoted Lavrov as saying.', "The talks will continue", "Lavrov"),
    ('"Dialogue is the only way" \u2013 Tokayev\n\nASTANA, June 3 - The president spoke.',
     "Dialogue is the only way", "Tokayev"),
])
def test_cue_shapes(extract, text, start, surname):
    q = find(direct(extract, text), start)
    assert q.speaker.name and surname in q.speaker.name


def test_headline_colon_without_marks(extract):
    text = ("Lavrov: Western sanctions policy has failed\n\n"
            "MOSCOW, June 4 - Russia's foreign minister spoke to students on Wednesday.")
    q = find(direct(extract, text), "Western sanctions policy")
    assert "Lavrov" in q.speaker.name and q.cue == ":"


def test_scare_quotes_and_titles_are_not_quotes(extract):
    text = ('The so-called "Middle Corridor" grew. The parties signed a memorandum '
            '"On Transit Cooperation" in Astana.')
    assert direct(extract, text) == []


def test_without_actor_mentions_named_entities_stand_in():
    """Before (or without) the actors component, speakers still get names from the parse."""
    from communique import quotes
    from communique.pipeline import load_model, make_doc
    bare = load_model()
    text = ("Russian Foreign Minister Sergey Lavrov met students in Moscow.\n\n"
            '"Sanctions have failed," Lavrov said.\n\n"Our trade has moved east," he added.')
    doc = bare(make_doc(bare, text, {}))
    got = {q.text: q.speaker for q in quotes.annotate(doc)}
    assert got["Sanctions have failed"].name == "Sergey Lavrov"
    assert got["Our trade has moved east"].name == "Sergey Lavrov"
    assert all(sp.actor is None for sp in got.values())


def test_quotes_read_the_source_text_not_a_masked_copy(nlp):
    """doc.text may be a same-length masked copy: quote text and offsets follow the original."""
    from communique import quotes
    original = 'Click here to subscribe.\n\n"We are ready to talk," said Lavrov.'
    masked = " " * len("Click here to subscribe.") + original[len("Click here to subscribe."):]
    doc = nlp.make_doc(masked)
    doc._.source_text = original
    doc._.meta = {}
    for name, proc in nlp.pipeline:
        if name != "communique_quotes" and name != "communique_events":
            doc = proc(doc)
    (q,) = [q for q in quotes.annotate(doc) if q.direct]
    assert q.text == original[q.start:q.end] == "We are ready to talk"
    assert "Lavrov" in q.speaker.name


def test_dash_interview_answers_are_the_interviewees(extract):
    text = ("Kazakhstan's Foreign Minister Murat Nurtleu answered our questions in Astana.\n\n"
            "\u2014 How do you see the Middle Corridor?\n\n"
            "\u2014 As the shortest route between China and Europe. Volumes grew by two thirds.\n\n"
            "\u2014 And the Caspian ports?\n\n"
            "\u2014 They are being expanded, with Azerbaijan, as fast as we can.")
    qs = direct(extract, text)
    assert [q.text[:20] for q in qs] == ["As the shortest rout", "They are being expan"]
    assert all("Nurtleu" in q.speaker.name for q in qs)


def test_bullet_lists_are_not_interviews(extract):
    text = ("The sides signed documents on:\n\n- transit of goods through the Caspian ports;\n\n"
            "- cooperation in agriculture and food security;\n\n- a joint investment fund.")
    assert direct(extract, text) == []


@pytest.mark.parametrize("text", [
    "Kazakhstan: GDP grows 5 percent in first half\n\nASTANA, July 1 - The economy grew.",
    "Photo: Akorda press service\n\nTokayev met Lavrov.",
])
def test_topic_headlines_are_not_quotes(extract, text):
    assert direct(extract, text) == []
