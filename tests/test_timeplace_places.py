"""The gazetteer, event dates and event places."""
from __future__ import annotations

import json

import pytest

import communique.components  # noqa: F401
from communique import gazetteer
from communique.model import ActorRef, Location, Mention, Plover
from communique.timeplace import event_date, event_location, locate


@pytest.mark.parametrize("name,place,country,has_coords", [
    ("Astana", "Astana", "KAZ", True), ("Nur-Sultan", "Astana", "KAZ", True), ("NUR-SULTAN", "Astana", "KAZ", True),
    ("Kiev", "Kyiv", "UKR", True), ("Kyiv", "Kyiv", "UKR", True), ("Geneva", "Geneva", "CHE", True),
    ("Genève", "Geneva", "CHE", True), ("New York", "New York", "USA", True), ("Davos", "Davos", "CHE", True),
    ("Sochi", "Sochi", "RUS", True), ("Jeddah", "Jeddah", "SAU", True), ("Doha", "Doha", "QAT", True),
    ("Istanbul", "Istanbul", "TUR", True), ("Almaty", "Almaty", "KAZ", True), ("Samarkand", "Samarkand", "UZB", True),
    ("Shanghai", "Shanghai", "CHN", True), ("Brussels", "Brussels", "BEL", True), ("The Hague", "The Hague", "NLD", True),
    ("Vienna", "Vienna", "AUT", True), ("Muscat", "Muscat", "OMN", True), ("Washington", "Washington", "USA", True),
    ("Ulan Bator", "Ulaanbaatar", "MNG", True), ("Peking", "Beijing", "CHN", True), ("Brasilia", "Brasília", "BRA", True),
    # venues resolve to their city, with the venue's coordinates
    ("Ak Orda", "Astana", "KAZ", True), ("Akorda", "Astana", "KAZ", True), ("the Kremlin", "Moscow", "RUS", True),
    ("White House", "Washington", "USA", True), ("Élysée Palace", "Paris", "FRA", True),
    ("Elysee Palace", "Paris", "FRA", True), ("Downing Street", "London", "GBR", True),
    ("Zhongnanhai", "Beijing", "CHN", True), ("Palais des Nations", "Geneva", "CHE", True),
    # "the <demonym> capital" is the capital
    ("the Kazakh capital", "Astana", "KAZ", True), ("Omani capital", "Muscat", "OMN", True),
    ("the Russian capital", "Moscow", "RUS", True), ("U.S. capital", "Washington", "USA", True),
    # countries: a name, never a centroid
    ("Kazakhstan", "Kazakhstan", "KAZ", False), ("Turkey", "Türkiye", "TUR", False), ("UK", "United Kingdom", "GBR", False),
])
def test_locate(name, place, country, has_coords):
    loc = locate(name)
    assert loc is not None and (loc.name, loc.country) == (place, country)
    assert (loc.lat is not None and loc.lon is not None) == has_coords


@pytest.mark.parametrize("name", ["Nowhereville", "", "the", "Minister"])
def test_locate_unknown(name):
    assert locate(name) is None


def test_venue_coordinates_are_the_venues():
    kremlin, moscow = locate("Kremlin"), locate("Moscow")
    assert kremlin.name == moscow.name == "Moscow"
    assert (kremlin.lat, kremlin.lon) != (moscow.lat, moscow.lon)


def test_every_capital_in_countries_json_is_in_the_gazetteer(shared):
    countries = json.loads((shared / "data" / "countries" / "countries.json").read_text(encoding="utf-8"))
    missing = []
    for c in countries:
        if c.get("capital") and c.get("independent"):
            p = gazetteer.capital_of(c["cca3"])
            if p is None or p.lat is None:
                missing.append(c["cca3"])
    assert missing == []


def test_coordinates_lie_near_their_country(shared):
    """Every place with coordinates lies near its country's reference point (a sign typo or a
    swapped lat/lon would not); the reference point is only used for this check."""
    import math
    countries = {c["cca3"]: c for c in json.loads(
        (shared / "data" / "countries" / "countries.json").read_text(encoding="utf-8"))}
    far = []
    for p in gazetteer._table()[0]:
        c = countries.get(p.country)
        if p.lat is None or c is None or not c.get("latlng"):
            continue
        lat, lon = c["latlng"]
        d = math.hypot(p.lat - lat, (p.lon - lon) * math.cos(math.radians(lat)))
        if d > (14 if c.get("area", 0) < 1_500_000 else 55):
            far.append((p.name, p.country, round(d, 1)))
    assert far == []


@pytest.fixture(scope="module")
def bare():
    from communique.pipeline import load_model
    return load_model()


def _sent(bare, text, dateline=None, mentions=()):
    doc = bare(text)
    doc._.meta = {"published": "2025-02-25"}
    doc._.source_text = text
    doc._.dateline = dateline or {"place": "Astana", "country": "KAZ", "date": "2025-02-25"}
    doc._.actor_mentions = list(mentions)
    return doc, list(doc.sents)[0]


@pytest.mark.parametrize("text,date,explicit", [
    ("The last such visit by an Omani minister was in 2004.", "2004", True),
    ("The ministers met in Geneva on Monday to discuss the ceasefire.", "2025-02-24", True),
    ("The president will travel to Beijing on Monday for the summit.", "2025-03-03", True),
    ("Last week, the ministry summoned the ambassador.", "2025-02", True),
    ("The two leaders spoke by phone on March 3, 2024.", "2024-03-03", True),
    ("The agreement was signed yesterday in Baku.", "2025-02-24", True),
    ("This meeting, which took place almost 20 years later, revived the relations.", "2025-02-25", False),
    ("The sides discussed cooperation in energy.", "2025-02-25", False),
])
def test_event_date(bare, text, date, explicit):
    doc, sent = _sent(bare, text)
    assert event_date(sent, "2025-02-25", "2025-02-25") == (date, explicit)


def test_event_date_falls_back_to_anchor_without_dateline(bare):
    doc, sent = _sent(bare, "The sides discussed cooperation in energy.")
    assert event_date(sent, "2025-02-25", None) == ("2025-02-25", False)


@pytest.mark.parametrize("text,visit,host,name,country,coords", [
    ("Talks were held at the Ak Orda with the visiting delegation.", True, "KAZ", "Astana", "KAZ", True),
    ("The ministers met in Geneva to discuss the ceasefire.", False, None, "Geneva", "CHE", True),
    ("The talks took place in the Omani capital on Sunday.", False, None, "Muscat", "OMN", True),
    ("Negotiators gathered in the Swiss city of Geneva.", False, None, "Geneva", "CHE", True),
    ("The president will travel to Beijing next month.", True, "CHN", "Beijing", "CHN", True),
    ("The foreign minister arrived in Moscow from Paris.", True, "RUS", "Moscow", "RUS", True),
    # no place in the sentence: a visit happens in the host's capital ...
    ("The Omani minister held talks with the Kazakh president.", True, "OMN", "Muscat", "OMN", True),
    # ... or at the dateline when the dateline lies in the host country
    ("The Omani minister held talks with the Kazakh president.", True, "KAZ", "Astana", "KAZ", True),
    # other events: the dateline city
    ("The ministry criticised the decision.", False, None, "Astana", "KAZ", True),
    # a region is known at region level, without coordinates
    ("Fighting continued in Crimea overnight.", False, None, "Crimea", "UKR", False),
    ("Aid convoys entered the Gaza Strip.", False, None, "Gaza Strip", "PSE", False),
    # a historical visit is placed at the visited country, not at today's dateline
    ("The last time an Omani minister visited Kazakhstan was in 2004.", True, "KAZ", "Kazakhstan", "KAZ", False),
    ("The previous visit took place in 2004.", True, "KAZ", "Kazakhstan", "KAZ", False),
])
def test_event_location(bare, text, visit, host, name, country, coords):
    doc, sent = _sent(bare, text)
    loc = event_location(doc, sent, None, host, visit)
    assert (loc.name, loc.country) == (name, country)
    assert (loc.lat is not None) == coords


def test_event_location_accepts_refs_and_plover(bare):
    doc, sent = _sent(bare, "The Omani minister held talks with the Kazakh president.")
    loc = event_location(doc, sent, ActorRef(actor="A1", country="OMN"), ActorRef(actor="A2", country="KAZ"),
                         Plover("CONSULT", "visit"))
    assert loc.name == "Astana"


def test_metonym_is_not_a_place(bare):
    text = "Washington said it would respond to the decision."
    m = Mention(0, 10, "country:usa", 0, 1, "Washington", "metonym")
    doc, sent = _sent(bare, text, mentions=[m])
    assert event_location(doc, sent, None, None, False).name == "Astana"


def test_not_known_without_dateline(bare):
    doc, sent = _sent(bare, "The ministry criticised the decision.", dateline={"place": None, "country": None})
    assert event_location(doc, sent, None, None, False) == Location()


@pytest.mark.parametrize("text,lemma,expected", [
    ("The agreement, signed in 2019, was extended on Monday.", "extend", "2025-02-24"),
    ("The agreement, signed in 2019, was extended on Monday.", "sign", "2019"),
    ("He said on Tuesday that the treaty signed in 1997 remains valid.", "say", "2025-02-25"),
    ("He said on Tuesday that the treaty signed in 1997 remains valid.", "sign", "1997"),
    ("The sides agreed to hold the next round of talks in September.", "hold", "2025-09"),
])
def test_event_date_follows_the_trigger(bare, text, lemma, expected):
    doc, sent = _sent(bare, text)
    trig = next(t for t in sent if t.lemma_ == lemma)
    assert event_date(sent, "2025-02-25", "2025-02-25", trigger=trig) == (expected, True)


@pytest.mark.parametrize("text,names", [
    ("Talks at the Ak Orda in Astana.", ["Ak Orda", "Astana"]),
    ("They flew to Nice; nice weather followed.", ["Nice"]),
    ("Delegates met in Genève (Switzerland) and New York City.", ["Geneva", "Switzerland", "New York"]),
    ("He toured Xi’an and the Palace of Nations.", ["Xi'an", "Palace of Nations"]),
    ("Nothing here is a place.", []),
])
def test_find_places(text, names):
    assert [p.name for _, _, p in gazetteer.find_places(text)] == names
    for s, e, p in gazetteer.find_places(text):
        assert text[s].isupper()


def test_phone_call_has_no_place(bare):
    doc, sent = _sent(bare, "The two presidents spoke by telephone.")
    assert event_location(doc, sent, "OMN", "KAZ", Plover("CONSULT", "phone")) == Location()
    assert event_location(doc, sent, None, None, False, remote=True) == Location()
    assert event_location(doc, sent, None, None, False).name == "Astana"


@pytest.mark.parametrize("text,expected", [
    ("Militants were holding 2000 people in the district.", ("2025-02-25", False)),       # a count, not a year
    ("Observers returned for the first time in 16 years.", ("2025-02-25", False)),        # a span
    ("The president defended the 2016 election results.", ("2025-02-25", False)),        # a modifier
    ("Rebels said Saturday they will release the captives.", ("2025-02-22", True)),       # 'said' is past
    ("He has pushed for the constitution to be revised by 2020.", ("2025-02-25", False)),  # a deadline
    ("Since 2013, the president has accused the cleric of plotting.", ("2025-02-25", False)),
    ("It was the deadliest attack since July 2005.", ("2025-02-25", False)),
    ("The leaders are to meet on Monday in Geneva.", ("2025-03-03", True)),
    ("The ministers plan to meet on Thursday.", ("2025-02-27", True)),
    ("The visit is expected to take place in December.", ("2025-12", True)),
    ("The minister visited Paris on Monday and will go to Rome on Thursday.", ("2025-02-24", True)),
])
def test_event_date_tense_and_false_dates(bare, text, expected):
    doc, sent = _sent(bare, text)
    assert event_date(sent, "2025-02-25", "2025-02-25") == expected


def test_embedded_clause_date_is_not_the_events(bare):
    doc, sent = _sent(bare, "The sides agreed to hold the next round of talks in September.")
    trig = next(t for t in sent if t.lemma_ == "agree")
    assert event_date(sent, "2025-02-25", "2025-02-25", trigger=trig) == ("2025-02-25", False)


def test_venues_lie_in_their_city():
    import math
    for p in gazetteer._table()[0]:
        if p.kind != "venue" or not p.city:
            continue
        city = gazetteer.lookup(p.city, p.country, kinds=("capital", "seat", "city"))
        assert city is not None, p.name
        assert math.hypot(p.lat - city.lat, p.lon - city.lon) < 0.5, (p.name, p.city)
