"""Patterns behind the corpus recount conventions (HANDCOUNT.md): courtesy is not praise,
goodwill is not a commitment, offers and announced follow-ups are AGREE on the day they are said,
acts of "last week" are past mentions.  Sentences written for these tests (other countries and
words than the corpus)."""
from __future__ import annotations

import pytest


def _got(coded):
    return [(e.source.country, e.target.country, e.plover.type, e.plover.mode, e.when, e.date)
            for e in coded.events]


def _has(got, src, tgt, ptype, when=None, mode="*", date=None, unordered=False):
    for s, t, p, m, w, d in got:
        pair_ok = (s, t) == (src, tgt) or unordered and (t, s) == (src, tgt)
        if pair_ok and p == ptype and (when is None or w == when) and (mode == "*" or m == mode) \
                and (date is None or d == date):
            return True
    return False


POSITIVE = [
    # leaders instructing their governments to convene a body: a joint commitment
    ("SANTIAGO, Chile, March 3 (Andes Wire) - President Gabriel Boric of Chile spoke by telephone with "
     "President Dina Boluarte of Peru on Monday. The leaders instructed their governments to convene the "
     "joint economic commission before the end of the year.",
     "2025-03-03", ("CHL", "PER", "AGREE", "reported"), True),
    # "the two ministries agreed to hold ...": the article's pair
    ("LIMA, Peru, March 3 (Andes Wire) - Chile's foreign minister arrived in Lima on Monday for talks with "
     "his Peruvian counterpart. The two ministries agreed to hold consultations twice a year.",
     "2025-03-03", ("CHL", "PER", "AGREE", "reported"), True),
    ("LIMA, Peru, March 3 (Andes Wire) - Chile's foreign minister arrived in Lima on Monday for talks with "
     "his Peruvian counterpart. The two ministries agreed to hold consultations twice a year.",
     "2025-03-03", ("CHL", "PER", "CONSULT", "reported"), False),
    # sympathy is a condolence; "said X would help to rebuild" is an offer made now
    ("The Chilean president expressed sympathy to the people of Peru after the landslide and said Chile "
     "would help to rebuild the damaged roads.",
     "2025-03-03", ("CHL", "PER", "SUPPORT", "reported"), False),
    ("The Chilean president expressed sympathy to the people of Peru after the landslide and said Chile "
     "would help to rebuild the damaged roads.",
     "2025-03-03", ("CHL", "PER", "AGREE", "reported"), False),
    # help given (not promised) is aid
    ("Qatar helped Sudan to rebuild the flooded power station.",
     "2025-03-03", ("QAT", "SDN", "AID", "reported"), False),
    # a visit announced by the visitor himself: AGREE on the day it is said
    ("The Kenyan president said he would visit Ethiopia in March next year.",
     "2025-10-14", ("KEN", "ETH", "AGREE", "reported"), False),
    # a further contact agreed now
    ("The Greek and Turkish foreign ministers spoke by phone on Tuesday. They will speak again next week.",
     "2025-10-14", ("GRC", "TUR", "AGREE", "reported"), True),
    # a proposal to the other side, in a clause of its own after a future one
    ("Armenian and Azerbaijani negotiators met in Tbilisi on Monday. "
     "Armenia's foreign ministry said the border talks would resume in the coming weeks and that Azerbaijan had proposed a "
     "meeting between the two leaders.",
     "2025-10-14", ("AZE", "ARM", "AGREE", "reported"), False),
    # talks "between X's official A and Y's official B" (the parser hangs B on A's apposition)
    ("The deal followed three days of talks in Doha between Egypt's intelligence chief Hassan Rashad and "
     "Turkish intelligence head Ibrahim Kalin.",
     "2025-10-14", ("EGY", "TUR", "CONSULT", "reported"), True),
    # "X's decision to raise tariffs" is X's act
    ("Tokyo said South Korea's decision to raise tariffs on Japanese steel to 40 percent was unfair.",
     "2025-10-14", ("KOR", "JPN", "SANCTION", "reported"), False),
    # opposing measures already taken is criticism (ACCUSE), not a rejection
    ("Cambodia imposed sanctions on three Vietnamese fishing companies on Monday. Vietnam firmly opposed "
     "the measures, the foreign ministry in Hanoi said.",
     "2025-10-14", ("VNM", "KHM", "ACCUSE", "reported"), False),
    # a conditional conflictual act threatens the party whose conduct is the condition
    ("The ministry warned that Venezuela would fight to the end if Guyana insisted on drilling in the "
     "disputed waters.",
     "2025-10-14", ("VEN", "GUY", "THREATEN", "reported"), False),
    # thanks for a substantive act stay praise
    ("The Moldovan president thanked Romania for its support during the energy crisis.",
     "2025-10-14", ("MDA", "ROU", "SUPPORT", "reported"), False),
]


@pytest.mark.parametrize("text,published,want,unordered", POSITIVE,
                         ids=[f"{n}-{c[2][2]}" for n, c in enumerate(POSITIVE)])
def test_recount_pattern(extract, text, published, want, unordered):
    got = _got(extract(text, published=published))
    assert _has(got, want[0], want[1], want[2], want[3], unordered=unordered), got


def test_trusted_friend_quote_is_praise(extract):
    text = ('REYKJAVIK, Iceland, May 5 (Nordic Wire) - Norway\'s prime minister arrived in Reykjavik on Monday. '
            '"Norway is a trusted friend of Iceland," Icelandic Prime Minister Kristrun Frostadottir told reporters.')
    got = _got(extract(text, published="2025-05-05"))
    assert _has(got, "ISL", "NOR", "SUPPORT", "reported", mode="praise"), got


def test_offer_dated_by_its_evening(extract):
    # 2025-09-08 is a Monday: "on Sunday evening" is 2025-09-07
    text = "Morocco had offered help to Algeria with the rescue on Sunday evening, the ministry said."
    got = _got(extract(text, published="2025-09-08"))
    assert _has(got, "MAR", "DZA", "AGREE", "reported", date="2025-09-07"), got


def test_last_week_call_is_a_past_mention(extract):
    text = ("ACCRA, Ghana, June 9 (West Africa Desk) - Ghana on Monday sent medical supplies to Togo. "
            "Ghana's president called the Togolese president last week to offer any help needed.")
    got = _got(extract(text, published="2025-06-09"))
    assert _has(got, "GHA", "TGO", "AID", "reported"), got
    assert not _has(got, "GHA", "TGO", "CONSULT", "reported"), got
    assert _has(got, "GHA", "TGO", "CONSULT", "past"), got


def test_multilateral_meeting_is_not_a_visit(extract):
    text = ("NAIROBI, Kenya, July 2 (East Africa Desk) - The leaders of Kenya, Uganda and Tanzania agreed on "
            "Tuesday to build a joint railway line. President William Ruto, Ugandan President Yoweri Museveni and "
            "Tanzanian President Samia Suluhu Hassan took part in the meeting chaired by the bloc's secretary.")
    got = _got(extract(text, published="2025-07-02"))
    assert not any(p == "CONSULT" and m == "visit" for _, _, p, m, _, _ in got), got


NOT_EVENTS = [
    # courtesy thanks (reception, invitation, kind words) are not praise
    ("The Mexican minister thanked her Colombian host for the warm reception.", "SUPPORT"),
    ("According to the Mexican side, the Colombian president thanked the minister for the invitation "
     "and for the kind words.", "SUPPORT"),
    # greetings conveyed are not a request
    ("The Indonesian president asked the Malaysian envoy to convey his greetings to the King.", "REQUEST"),
    # general goodwill is not a commitment
    ("The Spanish prime minister said Spain and Portugal were determined to move forward together.", "AGREE"),
    ("The Norwegian king expressed commitment to further developing cooperation with Finland.", "AGREE"),
    # opposing measures already taken is not a rejection
    ("Cambodia imposed sanctions on three Vietnamese fishing companies on Monday. Vietnam firmly opposed "
     "the measures, the foreign ministry in Hanoi said.", "REJECT"),
    # firms welcomed into a market are not guests received
    ("The Vietnamese minister said Vietnam welcomed more Laotian companies in its industrial parks.", "CONSULT"),
]


@pytest.mark.parametrize("text,ptype", NOT_EVENTS, ids=[f"{n}-{c[1]}" for n, c in enumerate(NOT_EVENTS)])
def test_not_an_event(extract, text, ptype):
    got = _got(extract(text, published="2025-10-14"))
    assert not any(p == ptype and w == "reported" for _, _, p, _, w, _ in got), got


def test_practicalities_of_an_accepted_invitation_are_not_another_agreement(extract):
    text = ("During the call, the Emir of Qatar accepted the invitation of the Egyptian president to visit Cairo, "
            "and the two sides agreed that the dates would be set through diplomatic channels.")
    got = _got(extract(text, published="2025-10-14"))
    agrees = [g for g in got if g[2] == "AGREE" and g[4] == "reported"]
    assert [g[3] for g in agrees] == ["invitation"], got


def test_attributed_plan_stays_future(extract):
    got = _got(extract("The Ghanaian president will visit Nigeria next month, his office said.",
                       published="2025-06-09"))
    assert _has(got, "GHA", "NGA", "AGREE", "future"), got
