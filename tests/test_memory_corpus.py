"""Acceptance on the bundled sample corpus (src/communique/data/corpus, hand count in HANDCOUNT.md).

Two layers:
* `coded_store`: the corpus texts, URLs and outlets with events coded by hand per article (what a
  perfect extractor would output, with the variation real reports have: one copy without a place,
  a meeting without a mode, the call coded from the other side, a 2004 historical mention, a
  reference back to an invitation).  These tests check the memory's logic on the corpus layout
  and run by default.
* `extracted_store` (slow): the same assertions on what the pipeline extracts from the corpus.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from communique.memory import refresh
from communique.memory.analytics import dyad_quotes, ledger_rows
from test_memory_rows import actor, article, event, open_store, quote

DYADS = ("KAZ-OMN", "KAZ-UZB", "AZE-TUR", "DEU-FRA")


def handcount(corpus_dir):
    text = (corpus_dir / "HANDCOUNT.md").read_text(encoding="utf-8")
    urls = dict(re.findall(r"^\| (\w+) \| \d{4}-\d\d-\d\d \| [^|]+ \| (\S+) \|", text, re.M))
    totals = {m[0]: int(m[1]) for m in re.findall(r"^\| ([A-Z]{3}-[A-Z]{3}) \|(?: \d+ \|)+ (\d+) \|$", text, re.M)}
    return urls, totals


def handcount_events(corpus_dir):
    """The counted events of the JSON block of HANDCOUNT.md (after ``<!-- handcount-json -->``)."""
    text = (corpus_dir / "HANDCOUNT.md").read_text(encoding="utf-8")
    return json.loads(re.search(r"<!--\s*handcount-json\s*-->\s*```json\s*(\{.*?\})\s*```", text, re.S).group(1))


def expected_reports(corpus_dir, dyad, day):
    """(articles, outlets) of each hand-counted event of the dyad on that day, sorted."""
    hc = handcount_events(corpus_dir)
    outlet = {k: corpus_records(corpus_dir)[u]["outlet"] for k, u in hc["articles"].items()}
    return sorted((len(e["articles"]), len({outlet[a] for a in e["articles"]}))
                  for e in hc["events"] if e["dyad"] == dyad and e["date"] == day)


def corpus_records(corpus_dir):
    return {json.loads(l)["url"]: json.loads(l) for l in (corpus_dir / "sample.jsonl").open(encoding="utf-8")}


P = {  # people of the hand-coded rows: (name, country, role, title)
    "tokayev": ("Kassym-Jomart Tokayev", "KAZ", "head of state", "President"),
    "haitham": ("Haitham bin Tariq", "OMN", "head of state", "Sultan"),
    "nurtleu": ("Murat Nurtleu", "KAZ", "foreign minister", "Foreign Minister"),
    "albusaidi": ("Badr bin Hamad Albusaidi", "OMN", "foreign minister", "Foreign Minister"),
    "yousef": ("Qais bin Mohammed Al Yousef", "OMN", "minister", "Minister of Commerce"),
    "mirziyoyev": ("Shavkat Mirziyoyev", "UZB", "head of state", "President"),
    "saidov": ("Bakhtiyor Saidov", "UZB", "foreign minister", "Foreign Minister"),
    "aripov": ("Abdulla Aripov", "UZB", "head of government", "Prime Minister"),
    "bektenov": ("Olzhas Bektenov", "KAZ", "head of government", "Prime Minister"),
    "aliyev": ("Ilham Aliyev", "AZE", "head of state", "President"),
    "erdogan": ("Recep Tayyip Erdogan", "TUR", "head of state", "President"),
    "bayramov": ("Jeyhun Bayramov", "AZE", "foreign minister", "Foreign Minister"),
    "fidan": ("Hakan Fidan", "TUR", "foreign minister", "Foreign Minister"),
    "merz": ("Friedrich Merz", "DEU", "head of government", "Chancellor"),
    "macron": ("Emmanuel Macron", "FRA", "head of state", "President"),
}

# key: [(id, src, tgt, code, src_person, tgt_person, extra kwargs, evidence snippet)]
EV = {
    "K1": [("E1", "KAZ", "OMN", "041", "tokayev", "haitham", dict(mode="phone"), "held a telephone conversation"),
           ("E2", "KAZ", "OMN", "036", "tokayev", "haitham", dict(mode="invitation"),
            "President Tokayev invited Sultan Haitham to pay a state visit to Kazakhstan"),
           ("E3", "KAZ", "OMN", "051", "tokayev", "haitham", dict(),
            "Tokayev congratulated the Sultan on the progress of the Oman Vision 2040 programme"),
           ("E4", "KAZ", "OMN", "030", "tokayev", "haitham", dict(),
            "The leaders instructed their governments to convene the intergovernmental commission")],
    "K2": [("E1", "KAZ", "OMN", "042", "nurtleu", "albusaidi", dict(place="Muscat", place_country="OMN"),
            "arrived in Muscat on Tuesday"),
           ("E2", "KAZ", "OMN", "042", "tokayev", None, dict(when="past", date="2004", place="Muscat"),
            "The last visit at this level was in 2004, when Kassym-Jomart Tokayev, then Kazakhstan's foreign "
            "minister, travelled to Muscat."),
           ("E3", "KAZ", "OMN", "057", "nurtleu", "albusaidi", dict(sectors=["transport", "logistics"]),
            "signed a memorandum of understanding on cooperation in transport and logistics"),
           ("E4", "KAZ", "OMN", "051", "nurtleu", None, dict(), "Nurtleu praised Oman's balanced foreign policy"),
           ("E5", "KAZ", "OMN", "036", None, None, dict(),
            "the two ministries agreed to hold political consultations every year")],
    "K3": [("E1", "OMN", "KAZ", "042", "yousef", "tokayev", dict(place="Astana", place_country="KAZ"),
            "President Kassym-Jomart Tokayev received Oman's Minister of Commerce"),
           ("E2", "OMN", "KAZ", "040", "yousef", None, dict(mode=""), "co-chair the first meeting"),
           ("E3", "KAZ", "OMN", "036", "tokayev", "haitham", dict(mode="invitation"),
            "reaffirmed his invitation to the Sultan to pay a state visit to Kazakhstan in 2026"),
           ("E4", "KAZ", "OMN", "057", None, None, dict(sectors=["economy"]),
            "the co-chairs signed a protocol listing fourteen joint projects"),
           ("E5", "OMN", "KAZ", "036", "yousef", None, dict(), "agreed to meet again in Muscat next year")],
    "K4": [("E1", "OMN", "KAZ", "041", "haitham", "tokayev", dict(mode="phone"),
            "received a telephone call on Tuesday from President Kassym-Jomart Tokayev"),
           ("E2", "OMN", "KAZ", "036", "haitham", "tokayev", dict(mode="invitation"),
            "the Sultan accepted the invitation of President Tokayev to pay a state visit to Kazakhstan"),
           ("E3", "KAZ", "OMN", "051", "tokayev", "haitham", dict(),
            "Tokayev congratulated the Sultan on Oman's economic results")],
    "K5a": [("E1", "OMN", "KAZ", "042", "haitham", "tokayev", dict(place="Astana", place_country="KAZ"),
             "arrived in Astana on Tuesday on a state visit to Kazakhstan"),
            ("E2", "KAZ", "OMN", "057", None, None, dict(sectors=["investment"]),
             "an intergovernmental agreement on the mutual promotion and protection of investments"),
            ("E3", "KAZ", "OMN", "057", None, None, dict(sectors=["agriculture", "food security"]),
             "a memorandum of understanding on agriculture and food security"),
            ("E4", "KAZ", "OMN", "057", None, None, dict(sectors=["transport", "aviation"]),
             "a memorandum on cooperation in civil aviation"),
            ("E5", "KAZ", "OMN", "051", "tokayev", None, dict(), "Oman is a trusted friend of Kazakhstan"),
            ("E6", "OMN", "KAZ", "030", None, None, dict(sectors=["investment"]),
             "also agreed to set up a joint investment platform")],
    "K5b": [("E1", "OMN", "KAZ", "040", "haitham", "tokayev", dict(mode="", place="Astana"),
             "held official talks on Tuesday with President Kassym-Jomart Tokayev"),
            ("E2", "KAZ", "OMN", "036", "tokayev", "haitham", dict(mode="invitation", when="past", date="2025"),
             "fulfils an invitation first extended by the Kazakh leader last year"),
            ("E3", "KAZ", "OMN", "057", None, None, dict(sectors=["investment"]),
             "an agreement on the promotion and reciprocal protection of investments"),
            ("E4", "KAZ", "OMN", "057", None, None, dict(sectors=["agriculture"]),
             "a memorandum of understanding in the field of agriculture and food security"),
            ("E5", "KAZ", "OMN", "057", None, None, dict(sectors=["aviation"]),
             "a memorandum of understanding on civil aviation"),
            ("E6", "KAZ", "OMN", "051", "tokayev", None, dict(), "President Tokayev described Oman as a trusted friend")],
    "U5": [("E1", "UZB", "KAZ", "041", "mirziyoyev", "tokayev", dict(mode="phone"), "phones"),
           ("E2", "UZB", "KAZ", "0234", None, None, dict(ptype="AID", sectors=["humanitarian"]), "convoy"),
           ("E3", "KAZ", "UZB", "030", None, None, dict(), "commission"),
           ("E4", "UZB", "KAZ", "018", "mirziyoyev", None, dict(ptype="SUPPORT", mode="condolence"),
            "Mirziyoyev expressed sympathy to the people of Kazakhstan"),
           ("E5", "UZB", "KAZ", "033", "mirziyoyev", None, dict(ptype="AGREE"),
            "said Uzbekistan would help to repair the damage"),
           ("E6", "KAZ", "UZB", "051", "tokayev", "mirziyoyev", dict(),
            "Tokayev thanked his Uzbek counterpart for his quick response")],
    "U1": [("E1", "KAZ", "UZB", "042", "tokayev", "mirziyoyev", dict(place="Tashkent", place_country="UZB"), "visit"),
           ("E2", "KAZ", "UZB", "057", None, None, dict(sectors=["security"]), "treaty on allied relations"),
           ("E3", "KAZ", "UZB", "057", None, None, dict(sectors=["border"]), "border demarcation agreement"),
           ("E4", "UZB", "KAZ", "051", "mirziyoyev", "tokayev", dict(), "praised")],
    "U2": [("E1", "KAZ", "UZB", "042", "nurtleu", "saidov", dict(place="Tashkent", place_country="UZB"),
            "held talks in Tashkent"),
           ("E2", "KAZ", "UZB", "042", "nurtleu", "aripov", dict(place="Uzbekistan", place_country="UZB"),
            "Nurtleu also met Prime Minister Abdulla Aripov"),
           ("E3", "KAZ", "UZB", "030", "nurtleu", "saidov", dict(),
            "Saidov and Nurtleu agreed to speed up the opening of new border crossing points")],
    "U4": [("E1", "UZB", "KAZ", "0234", None, None, dict(ptype="AID", sectors=["humanitarian"]), "aid"),
           ("E2", "UZB", "KAZ", "041", "mirziyoyev", "tokayev", dict(mode="phone", when="past", date="2024-04"),
            "called last week"),
           ("E3", "KAZ", "UZB", "051", None, None, dict(), "Kazakhstan's government thanked Uzbekistan for the assistance")],
    "U3": [("E1", "UZB", "KAZ", "042", "saidov", "nurtleu", dict(place="Astana", place_country="KAZ"),
            "received his Uzbek counterpart"),
           ("E2", "KAZ", "UZB", "040", "nurtleu", "saidov", dict(mode="", when="past", date="2024-03",
                                                                 place="Tashkent"), "last met in Tashkent"),
           ("E3", "KAZ", "UZB", "057", None, None, dict(), "signed a plan of consultations"),
           ("E4", "UZB", "KAZ", "042", "saidov", "bektenov", dict(), "Saidov was also received by Prime Minister"),
           ("E5", "KAZ", "UZB", "051", "nurtleu", None, dict(), "Nurtleu thanked Uzbekistan for the humanitarian aid")],
    "T1a": [("E1", "AZE", "TUR", "041", "aliyev", "erdogan", dict(mode="phone"), "call"),
            ("E2", "AZE", "TUR", "018", "aliyev", "erdogan", dict(ptype="SUPPORT"), "condolences"),
            ("E3", "AZE", "TUR", "0234", None, None, dict(ptype="AID", sectors=["humanitarian"]), "rescuers"),
            ("E4", "TUR", "AZE", "051", "erdogan", "aliyev", dict(), "Erdogan thanked Aliyev for the solidarity")],
    "T1b": [("E1", "TUR", "AZE", "041", "erdogan", "aliyev", dict(mode="phone"), "call"),
            ("E2", "AZE", "TUR", "018", "aliyev", "erdogan", dict(ptype="SUPPORT"), "condolences"),
            ("E3", "AZE", "TUR", "0234", None, None, dict(ptype="AID", place="Kahramanmaras", place_country="TUR"),
             "rescuers"),
            ("E4", "TUR", "AZE", "051", "erdogan", "aliyev", dict(), "Erdogan thanked Aliyev for the solidarity")],
    "T2": [("E1", "AZE", "TUR", "042", "bayramov", "fidan", dict(place="Ankara", place_country="TUR"), "talks"),
           ("E2", "TUR", "AZE", "051", "fidan", None, dict(), "praised"),
           ("E3", "AZE", "TUR", "051", "bayramov", None, dict(), "Bayramov thanked Turkey for its steady support"),
           ("E4", "AZE", "TUR", "036", "bayramov", "fidan", dict(),
            "agreed to hold the next meeting of the trilateral format with Georgia")],
    "F1a": [("E1", "DEU", "FRA", "042", "merz", "macron", dict(place="Paris", place_country="FRA"), "travelled to Paris"),
            ("E2", "FRA", "DEU", "051", "macron", "merz", dict(), "a friend of France"),
            ("E3", "DEU", "FRA", "030", "merz", "macron", dict(sectors=["defence", "security"]), "agreed to set up")],
    "F1b": [("E1", "DEU", "FRA", "042", "merz", "macron", dict(), "travelled to Paris"),
            ("E2", "FRA", "DEU", "051", "macron", "merz", dict(), "a friend of France"),
            ("E3", "DEU", "FRA", "030", "merz", "macron", dict(sectors=["defence"]), "agreed to set up")],
    "F2": [("E1", "DEU", "FRA", "042", "merz", "macron", dict(place="Toulon", place_country="FRA"), "hosted Chancellor"),
           ("E2", "DEU", "FRA", "057", None, None, dict(sectors=["economy"]), "adopted a joint economic agenda"),
           ("E3", "DEU", "FRA", "057", None, None, dict(sectors=["space", "defence"]), "signed a declaration")],
}


def _coded_article(key, rec):
    people = sorted({p for row in EV[key] for p in (row[4], row[5]) if p})
    ids = {p: f"A{i + 1}" for i, p in enumerate(people)}
    actors = [actor(ids[p], *P[p][:1], country=P[p][1], role=P[p][2], title=P[p][3]) for p in people]
    text = rec["text"]
    evs = []
    for eid, src, tgt, code, sp, tp, kw, snippet in EV[key]:
        start = max(text.find(snippet), 0)
        kw = dict(kw)
        kw.setdefault("date", rec["published"] if kw.get("when", "reported") == "reported" else None)
        evs.append(event(eid, src, tgt, code, src_actor=ids.get(sp), tgt_actor=ids.get(tp), evidence=snippet,
                         start=start, **kw))
    quotes = []
    if key == "K5a":  # Tokayev on Oman, with the Oman country actor mentioned inside the quote
        qtext = "Oman is a trusted friend of Kazakhstan, and today we have given our partnership a new strength"
        qs = text.find(qtext)
        actors.append(replace(actor("A9", "Oman", kind="country", country="OMN"), mentions=((qs, qs + 4),)))
        quotes.append(quote("Q1", qtext, qs, speaker_actor=ids["tokayev"], name=P["tokayev"][0], country="KAZ"))
    return article(text, published=rec["published"], outlet=rec.get("outlet"), url=rec["url"], title=rec.get("title"),
                   actors=actors, events=evs, quotes=quotes)


@pytest.fixture(scope="module")
def coded_store(corpus_dir, tmp_path_factory):
    urls, totals = handcount(corpus_dir)
    recs = corpus_records(corpus_dir)
    s = open_store(tmp_path_factory.mktemp("coded") / "coded.duckdb")
    for key, url in urls.items():
        rec = recs[url]
        if key in EV:
            s.add(_coded_article(key, rec))
        else:  # every other article of the corpus, without events: dedup runs over the whole corpus
            s.add(article(rec["text"], published=rec["published"], outlet=rec.get("outlet"), url=rec["url"]))
    refresh(s.con)
    yield s.con, urls, totals
    s.close()


def test_memory_sorted_write_in_slices_equals_one_sort(coded_store, monkeypatch):
    from communique.memory import merge
    con = coded_store[0]

    def table():
        return con.execute("SELECT * FROM mem_events").fetchall(), con.execute("SELECT * FROM mem_event_mentions").fetchall()

    one_sort = table()
    monkeypatch.setattr(merge, "SORT_ROWS", 4)   # a slice of dyads at a time
    merge.merge_events(con)
    events, mentions = table()
    assert sorted(map(repr, events)) == sorted(map(repr, one_sort[0])) and len(events) > 20
    assert sorted(map(repr, mentions)) == sorted(map(repr, one_sort[1]))
    cols = [r[0] for r in con.execute("DESCRIBE mem_events").fetchall()]
    keys = [(r[cols.index("d1")], r[cols.index("d2")], r[cols.index("day")] is None, r[cols.index("day")] or 0)
            for r in events]
    assert keys == sorted(keys)   # dyad order, then day (undated last)


def test_memory_failed_refresh_leaves_it_stale(coded_store, monkeypatch):
    from communique.memory import is_stale, ledgers
    con = coded_store[0]
    settings = "SELECT current_setting('threads'), current_setting('memory_limit'), current_setting('preserve_insertion_order')"
    before = con.execute(settings).fetchone()
    counts = con.execute("SELECT count(*) FROM mem_events").fetchone()
    assert not is_stale(con)

    def broken(con):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ledgers, "build_ledgers", broken)
    with pytest.raises(RuntimeError):
        refresh(con, force=True)
    assert is_stale(con)                                   # the next use rebuilds it
    assert con.execute(settings).fetchone() == before      # the connection's settings are given back
    monkeypatch.undo()
    assert refresh(con)["refreshed"] and not is_stale(con)
    assert con.execute("SELECT count(*) FROM mem_events").fetchone() == counts


def _reported(con, dyad):
    a, b = sorted(dyad.split("-"))
    return con.execute("""SELECT * FROM mem_events WHERE d1 = ? AND d2 = ? AND modality = 'reported'""",
                       [a, b]).fetchall()


def _article_id(con, url):
    return con.execute("SELECT id FROM articles WHERE url = ?", [url]).fetchone()[0]


@pytest.mark.parametrize("dyad", DYADS)
def test_merged_counts_equal_the_hand_count(coded_store, dyad):
    con, _, totals = coded_store
    assert len(_reported(con, dyad)) == totals[dyad]


@pytest.mark.parametrize("dyad", DYADS)
def test_merged_events_are_the_hand_counted_ones(coded_store, corpus_dir, dyad):
    """Not only as many events as the hand count: the same ones, by day and PLOVER type (a missed event and
    a spurious one on another day must not cancel out)."""
    con, _, _ = coded_store
    a, b = sorted(dyad.split("-"))
    got = sorted(con.execute("""SELECT date, plover_type FROM mem_events WHERE d1 = ? AND d2 = ?
                                AND modality = 'reported'""", [a, b]).fetchall())
    hc = handcount_events(corpus_dir)
    assert got == sorted((e["date"], e["plover"]) for e in hc["events"] if e["dyad"] == dyad)


def test_near_duplicate_and_url_variants_cluster(coded_store):
    con, urls, _ = coded_store
    cl = dict(con.execute("SELECT article_id, cluster_id FROM mem_article_clusters").fetchall())
    t1a, t1b = _article_id(con, urls["T1a"]), _article_id(con, urls["T1b"])
    f1a, f1b = _article_id(con, urls["F1a"]), _article_id(con, urls["F1b"])
    k5a, k5b = _article_id(con, urls["K5a"]), _article_id(con, urls["K5b"])
    assert cl[t1a] == cl[t1b] and cl[f1a] == cl[f1b]
    assert cl[k5a] != cl[k5b]  # the same story in different words is two independent reports
    assert len(set(cl.values())) == len(cl) - 2


@pytest.mark.parametrize("dyad,day,sources", [("AZE-TUR", "2023-02-08", 2), ("DEU-FRA", "2025-05-07", 1),
                                              ("KAZ-OMN", "2026-05-19", 2)])
def test_duplicate_stories_become_one_event_each(coded_store, corpus_dir, dyad, day, sources):
    """Each event the duplicate stories share is one merged event with 2 articles (and 2 outlets, or 1 for
    the URL variants of one outlet); an event only one of them tells stays one event with 1 article."""
    con, _, _ = coded_store
    expected = expected_reports(corpus_dir, dyad, day)
    assert expected.count((2, sources)) >= 3  # the hand count itself: the story's shared events
    a, b = sorted(dyad.split("-"))
    rows = con.execute("""SELECT num_articles, num_sources FROM mem_events
                          WHERE d1 = ? AND d2 = ? AND date = ? AND modality = 'reported'""", [a, b, day]).fetchall()
    assert sorted(rows) == expected


def test_repeat_meetings_stay_apart(coded_store):
    con, _, _ = coded_store
    visits = con.execute("""SELECT date, visitor, host, level FROM mem_visits
                            WHERE d1 = 'KAZ' AND d2 = 'UZB' AND status = 'held' ORDER BY date""").fetchall()
    assert ("2024-03-12", "KAZ", "UZB", "foreign minister") in visits
    assert ("2024-04-16", "UZB", "KAZ", "foreign minister") in visits
    calls = con.execute("""SELECT date FROM mem_events WHERE d1 = 'KAZ' AND d2 = 'OMN' AND plover_mode = 'phone'
                           AND modality = 'reported' ORDER BY date""").fetchall()
    assert calls == [("2025-04-14",), ("2026-02-03",)]


def test_invitation_lifecycle_to_fulfilment(coded_store):
    con, _, _ = coded_store
    invs = ledger_rows(con, "mem_invitations", "KAZ", "OMN")
    assert len(invs) == 1
    inv = invs[0]
    assert (inv["inviter"], inv["invitee"], inv["to"], inv["status"]) == ("KAZ", "OMN", "state visit", "fulfilled")
    assert [(h["status"], h["date"]) for h in inv["history"]] == [
        ("extended", "2025-04-14"), ("reaffirmed", "2025-11-20"), ("accepted", "2026-02-03"),
        ("fulfilled", "2026-05-19")]
    assert inv["since"] == "2025-04-14" and not inv["outstanding"]


def test_gap_computed_and_wrong_claim_flagged(coded_store):
    con, _, _ = coded_store
    visits = ledger_rows(con, "mem_visits", "KAZ", "OMN")
    fm = [v for v in visits if v["date"] == "2025-06-10"]
    assert len(fm) == 1
    v = fm[0]
    assert (v["level"], v["previous_at_level"], v["gap_years"]) == ("foreign minister", "2004", 21)
    assert [(c["text"].lower(), c["agrees"]) for c in v["claims"]] == [("almost 20 years later", False)]
    hist = [x for x in visits if x["status"] == "historical"]
    assert [(x["date"], x["level"]) for x in hist] == [("2004", "foreign minister")]


def test_state_visit_is_the_first_at_its_level(coded_store):
    con, _, _ = coded_store
    visits = ledger_rows(con, "mem_visits", "KAZ", "OMN")
    held = sorted((v["date"], v["visitor"], v["level"]) for v in visits if v["status"] == "held")
    assert held == [("2025-06-10", "KAZ", "foreign minister"), ("2025-11-20", "OMN", "other minister"),
                    ("2026-05-19", "OMN", "head of state")]
    state = [x for x in visits if x["date"] == "2026-05-19"]
    assert state[0]["previous_at_level"] is None and state[0]["num_sources"] == 2


def test_quotes_about_the_other_side(coded_store):
    con, _, _ = coded_store
    qs = dyad_quotes(con, "KAZ", "OMN")
    assert qs and qs[0]["about_other"] and qs[0]["speaker_country"] == "KAZ" and qs[0]["about"] == "OMN"
    assert qs[0]["text"].startswith("Oman is a trusted friend")


# ---------------------------------------------------------------- on what the pipeline extracts (slow)

@pytest.fixture(scope="module")
def extracted_store(corpus_dir, tmp_path_factory, nlp):
    import communique
    from communique.store import Store
    urls, totals = handcount(corpus_dir)
    recs = list(corpus_records(corpus_dir).values())
    st = Store(tmp_path_factory.mktemp("extracted") / "corpus.duckdb")
    for coded in communique.extract_many(recs):
        st.add_article(coded)
    refresh(st.con)
    yield st.con, urls, totals
    st.close()


@pytest.mark.slow
@pytest.mark.parametrize("dyad", DYADS)
def test_extracted_merged_counts_equal_the_hand_count(extracted_store, dyad):
    test_merged_counts_equal_the_hand_count(extracted_store, dyad)


@pytest.mark.slow
@pytest.mark.parametrize("dyad", DYADS)
def test_extracted_merged_events_are_the_hand_counted_ones(extracted_store, corpus_dir, dyad):
    test_merged_events_are_the_hand_counted_ones(extracted_store, corpus_dir, dyad)


@pytest.mark.slow
def test_extracted_near_duplicates_cluster(extracted_store):
    test_near_duplicate_and_url_variants_cluster(extracted_store)


@pytest.mark.slow
@pytest.mark.parametrize("dyad,day,sources", [("AZE-TUR", "2023-02-08", 2), ("DEU-FRA", "2025-05-07", 1),
                                              ("KAZ-OMN", "2026-05-19", 2)])
def test_extracted_duplicate_stories_become_one_event_each(extracted_store, corpus_dir, dyad, day, sources):
    test_duplicate_stories_become_one_event_each(extracted_store, corpus_dir, dyad, day, sources)


@pytest.mark.slow
def test_extracted_repeat_meetings_stay_apart(extracted_store):
    test_repeat_meetings_stay_apart(extracted_store)


@pytest.mark.slow
def test_extracted_invitation_lifecycle(extracted_store):
    test_invitation_lifecycle_to_fulfilment(extracted_store)


@pytest.mark.slow
def test_extracted_gap_and_wrong_claim(extracted_store):
    test_gap_computed_and_wrong_claim_flagged(extracted_store)


@pytest.mark.slow
def test_extracted_visit_ledger(extracted_store):
    test_state_visit_is_the_first_at_its_level(extracted_store)


@pytest.mark.parametrize("chunk", [1, 7])
def test_memory_ledgers_chunked_by_dyad_equal_one_pass(extracted_store, monkeypatch, chunk):
    """Built a few dyads at a time (bounded memory), the ledgers are those of one pass over the store."""
    import json
    from communique.memory import ledgers
    con, _, _ = extracted_store

    def snapshot():
        out = {}
        for t in ("mem_visits", "mem_invitations", "mem_agreements"):
            cols = [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall()]
            out[t] = sorted(json.dumps(dict(zip(cols, r)), default=str, sort_keys=True)
                            for r in con.execute(f"SELECT * FROM {t}").fetchall())
        return out

    one = snapshot()
    assert one["mem_visits"] and one["mem_agreements"]
    monkeypatch.setattr(ledgers, "EVENTS_PER_CHUNK", chunk)
    con.execute("BEGIN TRANSACTION")
    try:
        counts = ledgers.build_ledgers(con)
        assert len(ledgers._dyad_chunks(con)) > 3
        assert snapshot() == one
        assert counts == {k: len(one[f"mem_{k}"]) for k in ("visits", "invitations", "agreements")}
    finally:
        con.execute("ROLLBACK")
