"""Gazetteer coverage of places frequent in the news: ports, border crossings, front-line towns, straits
(names and coordinates compiled for communique; see scripts/gazetteer_data/places.tsv)."""
from __future__ import annotations

import pytest

from communique import gazetteer
from communique.timeplace import locate


@pytest.mark.parametrize("name,country,lat,lon", [
    ("Izmail", "UKR", 45.35, 28.84), ("Reni", "UKR", 45.46, 28.29), ("Chornomorsk", "UKR", 46.30, 30.65),
    ("Odesa", "UKR", 46.48, 30.72), ("Kupiansk", "UKR", 49.71, 37.62), ("Kupyansk", "UKR", 49.71, 37.62),
    ("Novorossiysk", "RUS", 44.72, 37.77), ("Sudzha", "RUS", 51.19, 35.27), ("Ras Isa", "YEM", 15.12, 42.63),
    ("Port Said", "EGY", 31.26, 32.30), ("El-Arish", "EGY", 31.13, 33.80), ("El Geneina", "SDN", 13.45, 22.45),
    ("Adre", "TCD", 13.47, 22.20), ("Rubaya", "COD", -1.56, 28.89), ("Uvira", "COD", -3.40, 29.14),
    ("Kerem Shalom", "ISR", 31.23, 34.28), ("Deir el-Balah", "PSE", 31.42, 34.35), ("Nabatieh", "LBN", 33.38, 35.48),
    ("Torkham", "PAK", 34.10, 71.09), ("Pahalgam", "IND", 34.01, 75.32), ("Kinmen", "TWN", 24.43, 118.32),
    ("Suwalki", "POL", 54.10, 22.93), ("Lampedusa", "ITA", 35.51, 12.60), ("Tapachula", "MEX", 14.90, -92.26),
])
def test_news_places_have_country_and_coordinates(name, country, lat, lon):
    p = gazetteer.lookup(name)
    assert p is not None and p.country == country
    assert abs(p.lat - lat) < 0.1 and abs(p.lon - lon) < 0.1


@pytest.mark.parametrize("name,country", [
    ("Bab el-Mandeb", None), ("Bab al-Mandab", None), ("Second Thomas Shoal", None), ("Shebaa Farms", None),
    ("Philadelphi Corridor", "PSE"), ("South Kivu", "COD"), ("Kordofan", "SDN"),
])
def test_straits_corridors_and_provinces_are_regions_without_coordinates(name, country):
    p = gazetteer.lookup(name)
    assert p is not None and p.kind == "region" and p.country == country and p.lat is None


def test_a_crossing_resolves_to_its_town():
    loc = locate("Rafah crossing")
    assert loc is not None and loc.country == "PSE" and loc.lat is not None


@pytest.mark.parametrize("text,names", [
    ("Grain ships left Izmail and Reni for the Bosphorus.", ["Izmail", "Reni"]),
    ("Houthi missiles targeted a tanker near Bab el-Mandeb off Hodeidah.", ["Bab el-Mandeb", "Hodeidah"]),
    ("Aid trucks queued at the Rafah crossing and at Kerem Shalom.", ["Rafah crossing", "Kerem Shalom"]),
])
def test_find_places_in_text(text, names):
    assert [p.name for _, _, p in gazetteer.find_places(text)] == names


@pytest.mark.parametrize("text", [
    "Ismail Haniyeh met mediators in Doha.",      # a person named like a port is not the port
    "For the sake of peace, the talks went on.",
])
def test_names_of_people_and_words_are_not_new_places(text):
    assert all(p.name not in ("Izmail", "Sake") for _, _, p in gazetteer.find_places(text))
