"""Ledgers: visit levels and gaps, "years since" claims, invitation lifecycles, agreements."""
from __future__ import annotations

import pytest

from communique.memory import refresh
from communique.memory.analytics import ledger_rows
from communique.memory.claims import agrees, elapsed, find_claims, parse_claim
from communique.memory.ledgers import agreement_titles, invitation_stage, invitation_to, level_of
from test_memory_rows import actor, article, event, open_store


@pytest.mark.parametrize("role,level", [
    ("head of state (President)", "head of state"), ("Sultan", "head of state"),
    ("Prime Minister", "head of government"), ("Chancellor", "head of government"),
    ("foreign minister", "foreign minister"), ("Minister of Foreign Affairs", "foreign minister"),
    ("Deputy Foreign Minister", "other minister"), ("Minister of Commerce", "other minister"),
    ("Vice President", "other"), ("ambassador", "other"), (None, None),
])
def test_level_of(role, level):
    assert level_of(role) == level


@pytest.mark.parametrize("text,years,low,high", [
    ("Almost 20 years later, the ministries agreed", 20, 18.5, 20),
    ("the first visit in nearly two decades", 20, 18.5, 20),
    ("after a gap of 21 years", 21, 20.5, 22),
    ("some twenty-one years after the previous visit", 21, 18.9, 23.1),
    ("the first such visit in more than 15 years", 15, 15, float("inf")),
    ("a 12-year hiatus", 12, 11.5, 13),
])
def test_parse_claim(text, years, low, high):
    c = parse_claim(text)
    assert c and c["years"] == years and c["low"] == pytest.approx(low) and c["high"] == pytest.approx(high)


@pytest.mark.parametrize("text", ["30 years of diplomatic relations", "marking 30 years since ties were set up",
                                  "a 25-year agreement on gas supplies"])
def test_non_claims(text):
    assert find_claims(text) == []


@pytest.mark.parametrize("claim,prev,cur,expected", [
    ("almost 20 years later", "2004", "2025-02-25", False),   # 20.15-21.15 years elapsed
    ("almost 20 years later", "2005", "2025-02-25", True),
    ("21 years later", "2004", "2025-02-25", True),
    ("more than 25 years later", "2004", "2025-02-25", False),
    ("about two decades later", "2004", "2025-06-10", True),
])
def test_claim_agreement(claim, prev, cur, expected):
    assert agrees(parse_claim(claim), prev, cur) is expected


_FILLER = "This year the council met often; the years of talks went on. " * 12


@pytest.mark.parametrize("text", [
    "Almost 20 years later, the ministries agreed.",
    _FILLER + "They met again nearly two decades later in the capital. " + _FILLER,
    "Often years later? No. Ten years later the two met; " + _FILLER + " and 5 years since the last official visit.",
    _FILLER + "the first visit in 21 years, and a 12-year hiatus ended " + "x" * 500 + " three years ago",
    "some  twenty-one   years after the previous visit",
])
def test_claims_found_around_units_equal_a_full_scan(text):
    from communique.memory import claims
    full = []
    for pat in claims._PATTERNS:    # every pattern over the whole text, as before the anchoring
        for m in pat.finditer(text):
            c = claims._claim(m)
            if c and not any(c["start"] < f["end"] and f["start"] < c["end"] for f in full):
                full.append(c)
    assert full and find_claims(text) == sorted(full, key=lambda c: c["start"])


def test_since_year_claim_and_elapsed():
    c = find_claims("It was the first such visit since 2004, officials said.")[0]
    assert agrees(c, "2004", "2025-06-10") is True and agrees(c, "2006", "2025-06-10") is False
    lo, hi = elapsed("2004", "2025-02-25")
    assert 20.1 < lo < 20.2 and 21.1 < hi < 21.2


@pytest.mark.parametrize("text,stage", [
    ("President A invited the Sultan to pay a state visit", "extended"),
    ("He reaffirmed his invitation to the Sultan to visit in 2026", "reaffirmed"),
    ("The Sultan accepted the invitation of the President", "accepted"),
    ("The king declined the invitation, citing his health", "declined"),
    ("The prime minister renewed the invitation", "reaffirmed"),
])
def test_invitation_stage(text, stage):
    assert invitation_stage(text) == stage


@pytest.mark.parametrize("text,to", [
    ("invited Sultan Haitham to pay a state visit to Kazakhstan", "state visit"),
    ("invited him to attend the summit in Baku next year", "attend the summit in baku next year"),
    ("invited the minister to visit Astana", "visit"),
])
def test_invitation_to(text, to):
    assert invitation_to(text) == to


def test_agreement_titles_split_a_list_of_documents():
    t = agreement_titles("The sides signed an agreement on visa-free travel, a memorandum of understanding on "
                         "education and a protocol on customs cooperation that takes effect in May.")
    assert t == ["Agreement on visa-free travel", "Memorandum of understanding on education",
                 "Protocol on customs cooperation"]


@pytest.fixture()
def store(tmp_db):
    s = open_store(tmp_db)
    yield s
    s.close()


PRES_A = actor("A1", "Anna Berg", country="NOR", role="head of state", title="President")
PM_B = actor("A2", "Carlos Diaz", country="CHL", role="head of government", title="Prime Minister")
FM_B = actor("A3", "Lucia Rojas", country="CHL", role="foreign minister")


def _inv(id, src, tgt, text, date, src_actor=None, tgt_actor=None, code="036", when="reported"):
    return event(id, src, tgt, code, mode="invitation", src_actor=src_actor, tgt_actor=tgt_actor, evidence=text,
                 date=date, when=when)


def test_invitation_outstanding_then_declined(store):
    store.add(
        article("President Berg invited the Chilean prime minister to pay an official visit.", published="2024-01-10",
                outlet="A", actors=[PRES_A, PM_B], events=[_inv("E1", "NOR", "CHL", "President Berg invited the Chilean "
                                                                 "prime minister to pay an official visit.",
                                                                 "2024-01-10", "A1", "A2")]),
        article("Norway renewed the invitation to the prime minister.", published="2024-06-01", outlet="B",
                actors=[PRES_A, PM_B], events=[_inv("E1", "NOR", "CHL", "Norway renewed the invitation to the prime "
                                                    "minister.", "2024-06-01", "A1", "A2")]),
        # a visit by a different official does not fulfil the prime minister's invitation
        article("Chile's foreign minister visited Oslo.", published="2024-09-01", outlet="C", actors=[FM_B, PRES_A],
                events=[event("E1", "CHL", "NOR", "042", src_actor="A3", tgt_actor="A1", evidence="visited Oslo",
                              date="2024-09-01")]))
    refresh(store.con)
    inv = ledger_rows(store.con, "mem_invitations", "NOR", "CHL")
    assert len(inv) == 1
    assert (inv[0]["status"], inv[0]["outstanding"], inv[0]["since"], inv[0]["to"]) == (
        "reaffirmed", True, "2024-01-10", "official visit")
    store.add(article("The Chilean prime minister declined the invitation.", published="2025-01-05", outlet="A",
                      actors=[PRES_A, PM_B], events=[_inv("E1", "CHL", "NOR", "The Chilean prime minister declined "
                                                          "the invitation.", "2025-01-05", "A2", "A1")]))
    refresh(store.con)
    inv = ledger_rows(store.con, "mem_invitations", "NOR", "CHL")
    assert [h["status"] for h in inv[0]["history"]] == ["extended", "reaffirmed", "declined"]
    assert not inv[0]["outstanding"]


def test_visit_gap_from_ledger_and_past_mention(store):
    store.add(
        # a visit in the ledger, then a later one at the same level: gap from the ledger
        article("Chile's prime minister visited Oslo.", published="2012-05-02", outlet="A", actors=[PM_B, PRES_A],
                events=[event("E1", "CHL", "NOR", "042", src_actor="A2", date="2012-05-02", evidence="visited Oslo")]),
        article("The Chilean prime minister arrived in Oslo, the first such visit in over a decade. Her predecessor "
                "came in 2012.", published="2025-03-01", outlet="B", actors=[PM_B, PRES_A], events=[
                    event("E1", "CHL", "NOR", "042", src_actor="A2", date="2025-03-01", evidence="arrived in Oslo")]),
        # a foreign-minister visit whose predecessor is only known from a historical mention
        article("Chile's foreign minister is in Oslo. The last visit at this level was in 1999. Almost 30 years "
                "later, the ministries will meet yearly.", published="2025-03-20", outlet="C", actors=[FM_B, PRES_A],
                events=[event("E1", "CHL", "NOR", "042", src_actor="A3", date="2025-03-20", evidence="is in Oslo"),
                        event("E2", "CHL", "NOR", "042", when="past", date="1999",
                              evidence="The last visit at this level was in 1999.")]))
    refresh(store.con)
    visits = {(v["date"], v["level"]): v for v in ledger_rows(store.con, "mem_visits", "CHL", "NOR")}
    pm = visits[("2025-03-01", "head of government")]
    assert (pm["previous_at_level"], pm["gap_years"]) == ("2012-05-02", 13)
    assert [(c["text"], c["agrees"]) for c in pm["claims"]] == [("first such visit in over a decade", True)]
    fm = visits[("2025-03-20", "foreign minister")]
    assert (fm["previous_at_level"], fm["gap_years"]) == ("1999", 26)
    assert [(c["text"], c["agrees"]) for c in fm["claims"]] == [("Almost 30 years later", False)]
    assert visits[("1999", "foreign minister")]["status"] == "historical"


def test_past_mention_of_a_ledger_visit_is_not_counted_twice(store):
    store.add(
        article("Chile's prime minister visited Oslo.", published="2024-05-02", outlet="A", actors=[PM_B],
                events=[event("E1", "CHL", "NOR", "042", src_actor="A1", date="2024-05-02", evidence="visited")]),
        article("Recalling last year's visit of Chile's prime minister to Oslo, the envoy...", published="2025-02-01",
                outlet="B", actors=[PM_B], events=[event("E1", "CHL", "NOR", "042", src_actor="A1", when="past",
                                                         date="2024", evidence="last year's visit")]))
    refresh(store.con)
    visits = ledger_rows(store.con, "mem_visits", "CHL", "NOR")
    past = [v for v in visits if v["status"] == "historical"]
    assert len(past) == 1 and past[0]["same_as"] == [v for v in visits if v["status"] == "held"][0]["id"]


def test_agreements_ledger_status_and_domain(store):
    text = ("The ministers signed an agreement on visa-free travel and a memorandum on education. "
            "They will sign a treaty on fisheries next year.")
    store.add(article(text, published="2025-04-01", outlet="A", events=[
        event("E1", "NOR", "CHL", "057", evidence=text.split(". ")[0], sectors=["migration"]),
        event("E2", "NOR", "CHL", "057", evidence=text.split(". ")[0], sectors=["education"]),
        event("E3", "NOR", "CHL", "0311", ptype="AGREE", when="future", evidence=text.split(". ")[1],
              sectors=["fisheries"])]))
    refresh(store.con)
    rows = sorted((r["title"], r["domain"], r["status"]) for r in ledger_rows(store.con, "mem_agreements", "CHL", "NOR"))
    assert rows == [("Agreement on visa-free travel", "migration", "signed"),
                    ("Memorandum on education", "education", "signed"),
                    ("Treaty on fisheries next year", "fisheries", "planned")]


def test_invitation_sentence_is_not_a_visit(store):
    text = "The president invited the prime minister to pay an official visit to Norway."
    store.add(article(text, published="2024-01-10", outlet="A", actors=[PRES_A, PM_B], events=[
        event("E1", "CHL", "NOR", "042", src_actor="A2", date="2024-01-10", evidence=text)]))
    refresh(store.con)
    assert [v["status"] for v in ledger_rows(store.con, "mem_visits", "CHL", "NOR")] == ["planned"]
