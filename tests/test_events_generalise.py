"""General patterns added after the fourth held-out set (events_heldout4.jsonl): each case is a
sentence written for this test, not a fixture sentence, so that a fix shows it carries over.

Patterns: nominalised signings, aid deposited in an institution, captives handed over, joint
operations, dropped objections, "ruled out", blocked crossings "in protest", forces put on alert
"after" another party's act, acts named by their subject noun ("a drone attack set fire to"),
listed objects, misattached passive agents, "withdrawal ... from", headline visits, the place of
talks hung on the partner, the condition of a warning, weapon modes, and denied reports.
"""
from __future__ import annotations

import pytest


def _events(extract, text, published="2025-05-10"):
    coded = extract(text, published=published)
    return [(e.source.country, e.target.country, e.plover.type, e.plover.mode, e.when)
            for e in coded.events]


def _has(got, src, tgt, ptype, mode=None, when="reported"):
    return any(g[:3] == (src, tgt, ptype) and g[4] == when and (mode is None or g[3] == mode) for g in got)


@pytest.mark.parametrize("text,want", [
    # nominalised signing: the parties are those of the document
    ("The signing of a free trade agreement between Chile and Vietnam took place in Hanoi on Friday.",
     ("CHL", "VNM", "SUPPORT", None)),
    # aid paid into a country's institution
    ("Kuwait deposited 500 million dollars in the central bank of Jordan.", ("KWT", "JOR", "AID", None)),
    # captives handed over are released
    ("Russia handed over twenty Ukrainian prisoners to Ukraine on Sunday.", ("RUS", "UKR", "RETREAT", "release")),
    # a joint operation of two police forces
    ("French and Belgian police dismantled a smuggling ring in a joint operation on Monday.",
     ("FRA", "BEL", "COOPERATE", None)),
    # dropping an objection concedes
    ("Greece withdrew its objection to North Macedonia joining the alliance.", ("GRC", "MKD", "CONCEDE", None)),
    # "ruled out" + the gerund's recipient
    ("Argentina's president ruled out holding talks with the United Kingdom on the islands.",
     ("ARG", "GBR", "REJECT", None)),
    # forces on alert after the other party's act
    ("Taiwan put its armed forces on high alert after Chinese warships entered the strait.",
     ("TWN", "CHN", "MOBILIZE", None)),
    # listed objects: the second is the aid
    ("Japan sent a medical team and ten tonnes of food to the Philippines.", ("JPN", "PHL", "AID", None)),
    # withdrawal of X from Y
    ("The withdrawal of Russian peacekeepers from Azerbaijan began on Wednesday.",
     ("RUS", "AZE", "RETREAT", "withdraw")),
    # act noun as subject: its demonym is the attacker, what it hit the target
    ("Israeli air strikes hit targets in Lebanon's Bekaa valley on Sunday.", ("ISR", "LBN", "ASSAULT", "aerial")),
    # headline visit
    ("Kenyan president in Addis Ababa for talks on the Nile dam", ("KEN", "ETH", "CONSULT", "visit")),
    # the place of talks hung on the partner
    ("The Italian foreign minister's talks with his Egyptian counterpart in Cairo covered migration.",
     ("ITA", "EGY", "CONSULT", "visit")),
])
def test_pattern_is_coded(extract, text, want):
    got = _events(extract, text)
    assert _has(got, *want), got


def test_passive_agent_hung_on_the_object(extract):
    got = _events(extract, "New sanctions were imposed on twelve Belarusian officials by Switzerland on Monday.")
    assert _has(got, "CHE", "BLR", "SANCTION"), got


def test_blockade_in_protest_is_one_event(extract):
    got = _events(extract, "Polish farmers blocked the border crossing with Ukraine on Friday in protest "
                           "against grain imports.")
    assert _has(got, "POL", "UKR", "PROTEST", "obstruct"), got
    assert sum(1 for g in got if g[2] == "PROTEST") == 1, got


def test_attack_named_by_its_subject_is_one_event(extract):
    got = _events(extract, "A Ukrainian drone attack set fire to a fuel depot in Russia's Bryansk region "
                           "on Tuesday.")
    assert _has(got, "UKR", "RUS", "ASSAULT", "drone"), got
    assert sum(1 for g in got if g[2] == "ASSAULT") == 1, got


def test_condition_of_a_warning_is_not_an_event(extract):
    got = _events(extract, "Russia warned Finland of countermeasures if Helsinki kept sending troops "
                           "to the border.")
    assert _has(got, "RUS", "FIN", "THREATEN"), got
    assert not any(g[0] == "FIN" for g in got), got


@pytest.mark.parametrize("text,want", [
    ("Egypt denied reports that its foreign minister had met Israeli officials in Cairo.",
     ("ISR", "EGY", "CONSULT")),  # met in Cairo: the Israeli officials are the visitors
    ("Ghana denied that it had expelled Nigerian traders.", ("GHA", "NGA", "COERCE")),
])
def test_denied_report_negates_the_act(extract, text, want):
    got = _events(extract, text)
    assert _has(got, *want, when="negated"), got
    assert not any(g[2] == "REJECT" for g in got), got


def test_owned_accusation_dismissed_stays_a_rejection(extract):
    got = _events(extract, "Rwanda dismissed the accusations of the Congolese government as baseless.")
    assert _has(got, "RWA", "COD", "REJECT"), got


def test_warning_to_respond_to_a_party_act(extract):
    # the threatened party is the agent of the act the warning answers
    got = _events(extract, "Venezuela warned that it would respond firmly to any sanctions imposed by the "
                           "European Union.")
    assert _has(got, "VEN", "EU", "THREATEN"), got


def test_aid_vehicles_destination_and_day(extract):
    coded = extract("Turkey sent three ships loaded with tents to quake-hit Syria on Monday.",
                    published="2025-02-12")
    got = [(e.source.country, e.target.country, e.plover.type, e.date) for e in coded.events]
    assert ("TUR", "SYR", "AID", "2025-02-10") in got, got


@pytest.mark.parametrize("text,want", [
    # a sentence the parser roots on its subject noun ("minister" ROOT, "called" acl)
    ("The Lithuanian foreign minister called on Beijing to release the journalist immediately.",
     ("LTU", "CHN", "REQUEST", None)),
    # "its ambassador": the state the pronoun names
    ("Chile said its ambassador had protested to Peru over the detention of two fishermen.",
     ("CHL", "PER", "ACCUSE", None)),
])
def test_subject_recovered(extract, text, want):
    got = _events(extract, text)
    assert _has(got, *want), got


# ---- patterns added after the fifth held-out set (events_heldout5.jsonl) ------------------------

@pytest.mark.parametrize("text,wants", [
    # one act over conjoined subjects, one visit per conjoined guest
    ("Latvia and Estonia expelled Russian diplomats on Monday.",
     [("LVA", "RUS", "SANCTION", "expel"), ("EST", "RUS", "SANCTION", "expel")]),
    ("The Kazakh president hosted Uzbek President Shavkat Mirziyoyev and Kyrgyz President Sadyr Japarov "
     "in Astana on Friday.", [("UZB", "KAZ", "CONSULT", "visit"), ("KGZ", "KAZ", "CONSULT", "visit")]),
    # weapons delivered are aid; closing another state's consulates reduces relations
    ("Germany delivered ammunition and two howitzers to Ukraine.", [("DEU", "UKR", "AID", None)]),
    ("Mali closed two French consulates on Tuesday.", [("MLI", "FRA", "SANCTION", "withdraw")]),
    # nominal closure: the "of" phrase carries the recipient
    ("Venezuela's closure of the border with Colombia lasted three years.", [("VEN", "COL", "COERCE", "restrict")]),
    # "gave X a warm welcome": X is the guest
    ("Mongolia gave the Indian prime minister a warm welcome in Ulaanbaatar.", [("IND", "MNG", "CONSULT", "visit")]),
    # vowing revenge is a threat
    ("North Korea vowed to retaliate after South Korea resumed loudspeaker broadcasts.",
     [("PRK", "KOR", "THREATEN", None)]),
])
def test_more_patterns(extract, text, wants):
    got = _events(extract, text)
    for w in wants:
        assert _has(got, *w), (w, got)


def test_expected_visit_and_talks_with_a_third_party(extract):
    got = _events(extract, "The Armenian prime minister is expected in Abu Dhabi next week for talks with "
                           "Azerbaijan's president.", "2025-05-10")
    assert _has(got, "ARM", "ARE", "AGREE", "visit", when="future"), got
    assert _has(got, "ARM", "AZE", "AGREE", when="future"), got


def test_talks_with_the_host_are_the_visit(extract):
    got = _events(extract, "The Qatari emir is expected in Tehran on Sunday for talks with Iranian leaders.",
                  "2025-05-10")
    assert _has(got, "QAT", "IRN", "AGREE", "visit", when="future"), got
    assert len(got) == 1, got


def test_negated_renewal_is_a_rejection(extract):
    got = _events(extract, "Mali will not renew the mandate of the UN mission, the junta said.")
    assert _has(got, "MLI", "UN", "REJECT"), got


def test_recipient_named_later_in_the_article(extract):
    got = _events(extract, "Sudan vowed retaliation on Sunday. Khartoum accused the United Arab Emirates of "
                           "arming the rebels.")
    assert _has(got, "SDN", "ARE", "THREATEN"), got
    assert _has(got, "SDN", "ARE", "ACCUSE"), got


def test_fresh_sets_stay_out_of_the_main_metrics():
    from communique.evaluation import FIXTURES_DIR
    from communique.evaluation import events as suite
    assert {"events_heldout4.jsonl", "events_heldout5.jsonl"} <= set(suite.FRESH)
    main_ids = {r["id"] for r in suite.load()}
    for name in suite.FRESH:
        fresh = suite.load([FIXTURES_DIR / name])
        assert fresh and not main_ids & {r["id"] for r in fresh}, name
        assert all(len(g) == 6 for r in fresh for g in r["events"]), name


def test_each_fresh_set_is_scored_on_its_own():
    from communique.evaluation import events as suite
    recs = [{"id": "a", "gold": [{"source": "AAA", "target": "BBB", "type": "AID", "mode": None,
                                  "when": "reported", "date": None}]}]
    preds = [[{"source": "AAA", "target": "BBB", "type": "AID", "mode": None, "when": "reported",
               "date": "2025-01-01", "conf": 0.9, "trigger": "sent"},
              {"source": "BBB", "target": "AAA", "type": "AID", "mode": None, "when": "reported",
               "date": "2025-01-01", "conf": 0.9, "trigger": "sent"}]]
    s = suite.score(recs, preds, 0.5)
    assert (s["tp"], s["npred"], s["ngold"]) == (1, 2, 1)
