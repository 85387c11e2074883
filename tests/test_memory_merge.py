"""Event merging across articles: one real-world event from many reports, distinct occurrences apart."""
from __future__ import annotations

import pytest

from communique.memory import is_stale, refresh
from test_memory_rows import actor, article, event, open_store

FM_OMN = actor("A1", "Badr Albusaidi", country="OMN", role="foreign minister")
PRES_KAZ = actor("A2", "Kassym-Jomart Tokayev", country="KAZ", role="head of state", title="President")
FM_KAZ = actor("A3", "Murat Nurtleu", country="KAZ", role="foreign minister")
PM_KAZ = actor("A4", "Olzhas Bektenov", country="KAZ", role="head of government")


@pytest.fixture()
def store(tmp_db):
    s = open_store(tmp_db)
    yield s
    s.close()


def merged(con, **where):
    sql = "SELECT * FROM mem_events"
    if where:
        sql += " WHERE " + " AND ".join(f"{k} = ?" for k in where)
    cur = con.execute(sql + " ORDER BY day NULLS LAST, id", list(where.values()))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def visit_article(text, published, outlet, url, date=None, place="Astana", when="reported", actors=(FM_OMN, PRES_KAZ),
                  src_actor="A1", tgt_actor="A2", **kw):
    return article(text, published=published, outlet=outlet, url=url, actors=actors,
                   events=[event("E1", "OMN", "KAZ", "042", src_actor=src_actor, tgt_actor=tgt_actor, date=date,
                                 when=when, place=place, place_country="KAZ" if place else None,
                                 evidence=text.split(".")[0], **kw)])


def test_two_outlets_one_visit(store):
    store.add(visit_article("Oman's foreign minister arrived in Astana for talks with the president.", "2025-02-25",
                            "Trend", "https://trend.example/a", date="2025-02-25"),
              visit_article("The Omani top diplomat was received by President Tokayev in the Kazakh capital.",
                            "2025-02-26", "Gulf Courier", "https://gulf.example/b", date="2025-02-25", place=None))
    refresh(store.con)
    evs = merged(store.con)
    assert len(evs) == 1
    assert (evs[0]["num_articles"], evs[0]["num_sources"]) == (2, 2)
    assert evs[0]["location_name"] == "Astana" and evs[0]["date"] == "2025-02-25"
    n = store.con.execute("SELECT count(*) FROM mem_event_mentions WHERE event_id = ?", [evs[0]["id"]]).fetchone()[0]
    assert n == 2


@pytest.mark.parametrize("day2,expected", [("2025-02-26", 1), ("2025-02-27", 2), ("2025-03-25", 2)])
def test_date_window_is_one_day(store, day2, expected):
    store.add(visit_article("First report of the talks in Astana.", "2025-02-25", "A", "https://a.example/1",
                            date="2025-02-25"),
              visit_article("Second report of the talks in Astana.", day2, "B", "https://b.example/2", date=day2))
    refresh(store.con)
    assert len(merged(store.con)) == expected


def test_no_chaining_beyond_a_day(store):
    for i, day in enumerate(("2025-02-25", "2025-02-26", "2025-02-27")):
        store.add(visit_article(f"Report {i} of talks in Astana.", day, f"O{i}", None, date=day))
    refresh(store.con)
    assert [e["num_articles"] for e in merged(store.con)] == [2, 1]


def test_repeat_meetings_a_month_apart_stay_apart(store):
    # the same two ministers, a month apart, reported by the same outlet in similar words
    a = article("Kazakhstan's foreign minister held talks in Tashkent with his Uzbek counterpart.",
                published="2024-03-12", outlet="Silk Road Times", url="https://srt.example/1",
                actors=[FM_KAZ, actor("A2", "Bakhtiyor Saidov", country="UZB", role="foreign minister")],
                events=[event("E1", "KAZ", "UZB", "042", src_actor="A1", tgt_actor="A2", place="Tashkent",
                              place_country="UZB", evidence="held talks in Tashkent")])
    b = article("Kazakhstan's foreign minister met his Uzbek counterpart again, in Astana this time.",
                published="2024-04-16", outlet="Silk Road Times", url="https://srt.example/2",
                actors=[FM_KAZ, actor("A2", "Bakhtiyor Saidov", country="UZB", role="foreign minister")],
                events=[event("E1", "UZB", "KAZ", "042", src_actor="A2", tgt_actor="A1", place="Astana",
                              place_country="KAZ", evidence="met his Uzbek counterpart")])
    store.add(a, b)
    refresh(store.con)
    evs = merged(store.con)
    assert [e["date"] for e in evs] == ["2024-03-12", "2024-04-16"]
    assert all(e["num_articles"] == 1 for e in evs)


def test_past_mention_is_not_the_reported_visit(store):
    text = "Oman's foreign minister is in Astana. The last visit at this level was in 2004."
    store.add(article(text, published="2025-02-25", outlet="Trend", actors=[FM_OMN, PRES_KAZ], events=[
        event("E1", "OMN", "KAZ", "042", src_actor="A1", tgt_actor="A2", date="2025-02-25", place="Astana",
              place_country="KAZ", evidence="Oman's foreign minister is in Astana."),
        event("E2", "OMN", "KAZ", "042", when="past", date="2004", evidence="The last visit at this level was in 2004."),
    ]), article("Another outlet recalls that the previous such visit took place in 2004, as the minister arrives.",
                published="2025-02-25", outlet="Gulf Courier", events=[
        event("E1", "OMN", "KAZ", "042", when="past", date="2004", evidence="the previous such visit took place in 2004"),
        event("E2", "OMN", "KAZ", "042", date="2025-02-25", evidence="as the minister arrives")]))
    refresh(store.con)
    evs = merged(store.con)
    assert sorted((e["modality"], e["date"], e["num_articles"]) for e in evs) == [
        ("past", "2004", 2), ("reported", "2025-02-25", 2)]


def test_same_day_different_places_are_two_events(store):
    store.add(visit_article("Talks in Astana.", "2025-02-25", "A", None, date="2025-02-25", place="Astana"),
              article("Talks in Muscat.", published="2025-02-25", outlet="B", events=[
                  event("E1", "OMN", "KAZ", "042", date="2025-02-25", place="Muscat", place_country="OMN",
                        evidence="Talks in Muscat.")]))
    refresh(store.con)
    assert len(merged(store.con)) == 2


def test_different_visitors_same_day_are_two_visits(store):
    store.add(article("The foreign minister and the prime minister of Kazakhstan both travelled to Muscat.",
                      published="2025-06-10", outlet="A", actors=[FM_KAZ, PM_KAZ], events=[
                          event("E1", "KAZ", "OMN", "042", src_actor="A3", evidence="foreign minister travelled"),
                          event("E2", "KAZ", "OMN", "042", src_actor="A4", evidence="prime minister travelled")]))
    refresh(store.con)
    assert len(merged(store.con)) == 2


def test_agreements_signed_the_same_day_stay_apart_and_merge_across_outlets(store):
    def sig(text, outlet, url):
        return article(text, published="2026-05-19", outlet=outlet, url=url, events=[
            event("E1", "KAZ", "OMN", "057", sectors=["investment"], evidence="investment agreement"),
            event("E2", "KAZ", "OMN", "057", sectors=["agriculture", "food security"], evidence="agriculture memo"),
            event("E3", "KAZ", "OMN", "057", sectors=["transport"], evidence="aviation memo")])
    store.add(sig("Three documents were signed in Astana today.", "Steppe Wire", "https://sw.example/x"),
              sig("Ministers signed three documents during the state visit.", "Gulf Courier", "https://gc.example/y"))
    refresh(store.con)
    evs = merged(store.con)
    assert len(evs) == 3
    assert all((e["num_articles"], e["num_sources"]) == (2, 2) for e in evs)


def test_meetings_during_a_visit_are_part_of_it(store):
    text = "Oman's foreign minister arrived in Astana. He met the president. He also met the prime minister."
    store.add(article(text, published="2025-02-25", outlet="A", actors=[FM_OMN, PRES_KAZ, PM_KAZ], events=[
        event("E1", "OMN", "KAZ", "042", src_actor="A1", evidence="arrived in Astana"),
        event("E2", "KAZ", "OMN", "040", src_actor="A2", tgt_actor="A1", evidence="He met the president"),
        event("E3", "OMN", "KAZ", "040", src_actor="A1", tgt_actor="A4", evidence="met the prime minister")]))
    refresh(store.con)
    evs = merged(store.con)
    assert len(evs) == 1 and evs[0]["plover_mode"] == "visit" and evs[0]["num_mentions"] == 3


@pytest.mark.parametrize("code,expected", [("040", 1), ("051", 2)])
def test_direction_matters_except_for_meetings(store, code, expected):
    # "A met B" and "B met A" is one meeting; "A praised B" and "B praised A" are two acts
    store.add(article("Report one.", published="2025-01-10", outlet="A", events=[
                  event("E1", "AZE", "TUR", code, mode="" if code == "040" else None, evidence="one")]),
              article("Report two.", published="2025-01-10", outlet="B", events=[
                  event("E1", "TUR", "AZE", code, mode="" if code == "040" else None, evidence="two")]))
    refresh(store.con)
    assert len(merged(store.con)) == expected


def test_refresh_is_idempotent_and_tracks_staleness(store):
    store.add(visit_article("Talks in Astana.", "2025-02-25", "A", "https://a.example/1", date="2025-02-25"))
    assert is_stale(store.con)
    first = refresh(store.con)
    assert first["refreshed"] and not is_stale(store.con)
    ids = [e["id"] for e in merged(store.con)]
    assert refresh(store.con)["refreshed"] is False
    assert [e["id"] for e in merged(store.con)] == ids
    again = refresh(store.con, force=True)
    assert [e["id"] for e in merged(store.con)] == ids and again["events"] == first["events"]
    store.add(visit_article("More talks in Astana.", "2025-03-25", "A", "https://a.example/2", date="2025-03-25"))
    assert is_stale(store.con)
    refresh(store.con)
    assert len(merged(store.con)) == 2 and ids[0] in [e["id"] for e in merged(store.con)]


def test_read_only_store_is_left_alone(tmp_db):
    import duckdb
    from communique.memory import ensure_fresh
    s = open_store(tmp_db)
    s.add(visit_article("Talks in Astana.", "2025-02-25", "A", None, date="2025-02-25"))
    s.close()
    con = duckdb.connect(str(tmp_db), read_only=True)
    try:
        assert ensure_fresh(con) == {"refreshed": False, "read_only": True}
    finally:
        con.close()


def test_place_of_a_statement_does_not_split_it(store):
    # two outlets datelined in two capitals report the same praise: one event; a visit in two places is two
    for place, country, outlet in (("Baku", "AZE", "Caspian Post"), ("Ankara", "TUR", "Bosphorus Daily")):
        store.add(article(f"{outlet}: the president thanked his counterpart.", published="2023-02-08", outlet=outlet,
                          events=[event("E1", "TUR", "AZE", "051", date="2023-02-08", place=place,
                                        place_country=country, evidence="thanked"),
                                  event("E2", "TUR", "AZE", "042", date="2023-02-08", place=place,
                                        place_country=country, evidence="visited")]))
    refresh(store.con)
    n = {e["plover_type"]: 0 for e in merged(store.con)}
    for e in merged(store.con):
        n[e["plover_type"]] += 1
    assert n == {"SUPPORT": 1, "CONSULT": 2}


def test_visit_read_backwards_is_turned_round(store):
    # "the Kazakh minister received his Uzbek counterpart in Astana" coded KAZ -> UZB, place in KAZ
    store.add(article("The Kazakh minister received his Uzbek counterpart in Astana.", published="2024-04-16",
                      outlet="A", events=[event("E1", "KAZ", "UZB", "042", date="2024-04-16", place="Astana",
                                                place_country="KAZ", evidence="received")]),
              article("The Uzbek minister arrived in Astana.", published="2024-04-16", outlet="B",
                      events=[event("E1", "UZB", "KAZ", "042", date="2024-04-16", place="Astana",
                                    place_country="KAZ", evidence="arrived")]))
    refresh(store.con)
    evs = merged(store.con)
    assert [(e["source_country"], e["target_country"], e["num_articles"]) for e in evs] == [("UZB", "KAZ", 2)]
    fixed = store.con.execute("SELECT outlet FROM mem_event_mentions WHERE direction_corrected").fetchall()
    assert fixed == [("A",)]
