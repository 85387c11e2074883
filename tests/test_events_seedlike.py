"""An article we wrote in the style of the seed (another pair of countries): the event coder
must find the visit (visitor -> host), the host's praise, the invitation to the absent head of
government, and the historical visit with its own year; nothing else."""
from __future__ import annotations

import pytest

ARTICLE = """TASHKENT, Uzbekistan, May 14. Uzbekistan and Malaysia discussed cooperation in energy, tourism and education during a meeting between Uzbek President Shavkat Mirziyoyev and Malaysia's Foreign Minister Mohamad Hasan, the presidential press service reports.

While receiving the minister, Mirziyoyev called Malaysia a close and valued partner of Uzbekistan and voiced interest in expanding trade between the two countries.

On this occasion, Uzbekistan's Mirziyoyev passed on his greetings to Prime Minister Anwar Ibrahim and reaffirmed the invitation for him to visit Uzbekistan.

"Malaysia has shown the whole region how an open economy can grow. Our businesses want to be part of that story, and we are ready to open new routes for them," said Mirziyoyev.

The Malaysian minister thanked the President for the hospitality, saying that it showed the sincere friendship between the two nations.

"We admire the pace of change in Uzbekistan. The reforms of recent years have made your country a magnet for investors," the guest noted.

The sides also exchanged views on regional connectivity and on cooperation within international organisations.

It should be noted that the previous visit of a Malaysian foreign minister to Uzbekistan took place in 2011.
"""

EXPECTED = {
    ("MYS", "UZB", "CONSULT", "reported", "2025-05-14"),
    ("UZB", "MYS", "SUPPORT", "reported", "2025-05-14"),
    ("UZB", "MYS", "AGREE", "reported", "2025-05-14"),
    # the guest's thanks "for the hospitality" are courtesy, not praise (HANDCOUNT.md conventions,
    # as the seed gold); his praise is the "We admire ..." quote, whose speaker ("the guest") the
    # quotes module does not resolve yet, so no MYS -> UZB SUPPORT is expected here
    ("MYS", "UZB", "CONSULT", "past", "2011"),
}


@pytest.fixture(scope="module")
def coded(extract):
    return extract(ARTICLE, published="2025-05-14")


def _key(e):
    return (e.source.country, e.target.country, e.plover.type, e.when, e.date)


def test_all_expected_events_and_nothing_else(coded):
    got = [_key(e) for e in coded.events]
    assert set(got) == EXPECTED
    assert len(got) == len(EXPECTED)


@pytest.mark.parametrize("key,cameo,mode", [
    (("MYS", "UZB", "CONSULT", "reported", "2025-05-14"), "042", "visit"),
    (("UZB", "MYS", "AGREE", "reported", "2025-05-14"), "036", "invitation"),
    (("MYS", "UZB", "CONSULT", "past", "2011"), "042", "visit"),
    (("UZB", "MYS", "SUPPORT", "reported", "2025-05-14"), "051", "praise"),
])
def test_codes_and_modes(coded, key, cameo, mode):
    e = next(e for e in coded.events if _key(e) == key)
    assert e.cameo.code == cameo and e.cameo.root == cameo[:2]
    assert e.plover.mode == mode


def test_invitation_goes_to_the_absent_head_of_government(coded):
    e = next(e for e in coded.events if e.plover.type == "AGREE")
    names = {a.id: a.name for a in coded.actors}
    assert names.get(e.target.actor) == "Anwar Ibrahim"


def test_reported_visit_is_placed_in_the_dateline_city(coded):
    e = next(e for e in coded.events if e.plover.type == "CONSULT" and e.when == "reported")
    assert e.location.name == "Tashkent" and e.location.country == "UZB"


def test_past_visit_is_not_pinned_to_a_country_centre(coded):
    e = next(e for e in coded.events if e.when == "past")
    assert e.location.lat is None and e.location.lon is None


def test_evidence_points_into_the_text(coded):
    for e in coded.events:
        assert 0 <= e.evidence.start < e.evidence.end <= len(ARTICLE)
        assert ARTICLE[e.evidence.start:e.evidence.end] == e.evidence.text
        assert 0.0 < e.confidence <= 1.0
