"""The offline gazetteer: capitals, cities, seats of government, named venues and country names.

Data: ``communique/data/gazetteer.tsv`` (built by ``scripts/build_gazetteer.py``; the file names its
sources).  Lookups ignore case, diacritics, a leading "the" and punctuation, and know alternate
spellings (Nur-Sultan = Astana, Kiev = Kyiv).  A venue resolves to itself but reports its city; a
country resolves to a name without coordinates (never a centroid).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from .model import Location

KINDS = ("capital", "seat", "city", "venue", "region", "country")


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    city: Optional[str] = None      # venues: the city they stand in
    alternates: tuple[str, ...] = ()


# compiled once, at import
_RX1 = re.compile(r"[\.,']")
_RX2 = re.compile(r"^the ")
_RX3 = re.compile(r"[\W_]+")


def norm(text: str) -> str:
    """Lookup key: no diacritics, lower case, no punctuation, no leading 'the'."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("’", "'").replace("‘", "'").lower()
    s = _RX1.sub("", s)
    s = _RX3.sub(" ", s).strip()
    s = _RX2.sub("", s)
    return s


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[Place, ...], dict[str, list[Place]]]:
    text = resources.files("communique").joinpath("data", "gazetteer.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    head = lines[0].split("\t")
    places: list[Place] = []
    index: dict[str, list[Place]] = {}
    for ln in lines[1:]:
        cells = dict(zip(head, ln.split("\t")))
        p = Place(
            name=cells["name"], kind=cells["kind"], country=cells["country"] or None,
            lat=float(cells["lat"]) if cells.get("lat") else None,
            lon=float(cells["lon"]) if cells.get("lon") else None,
            city=cells.get("city") or None,
            alternates=tuple(a for a in (cells.get("alternates") or "").split(";") if a),
        )
        places.append(p)
        for n in (p.name, *p.alternates):
            key = norm(n)
            if key:
                index.setdefault(key, []).append(p)
    return tuple(places), index


_RANK = {"venue": 0, "capital": 1, "seat": 2, "city": 3, "region": 4, "country": 5}


def lookup(name: str, country: Optional[str] = None, kinds: Optional[tuple[str, ...]] = None) -> Optional[Place]:
    """The best gazetteer entry for a name (optionally inside a country / of given kinds)."""
    if not name:
        return None
    cands = _table()[1].get(norm(name), [])
    if country:
        cands = [p for p in cands if p.country == country]
    if kinds:
        cands = [p for p in cands if p.kind in kinds]
    if not cands:
        return None
    return min(cands, key=lambda p: _RANK.get(p.kind, 9))


def place_location(p: Place) -> Location:
    """A venue is reported under its city's name (the venue's own coordinates)."""
    if p.kind == "venue" and p.city:
        city = lookup(p.city, p.country, kinds=("capital", "seat", "city"))
        return Location(name=city.name if city else p.city, country=p.country, lat=p.lat, lon=p.lon)
    return Location(name=p.name, country=p.country, lat=p.lat, lon=p.lon)


def locate(name: str, country: Optional[str] = None) -> Optional[Location]:
    """`model.Location` of a place name (venue → its city, with the venue's coordinates); a country
    name gives a Location without coordinates; None when unknown."""
    p = lookup(name, country)
    return place_location(p) if p else None


def capital_of(country: str) -> Optional[Place]:
    for p in _table()[0]:
        if p.kind == "capital" and p.country == country:
            return p
    return None


@lru_cache(maxsize=None)
def country_name(iso3: str) -> Optional[str]:
    """Common English name of a country code ("KAZ" -> "Kazakhstan")."""
    for p in _table()[0]:
        if p.kind == "country" and p.country == iso3:
            return p.name
    return None


def country_code(name: str) -> Optional[str]:
    """ISO3 of a country name or alternate spelling ("Kazakhstan", "UK", "Türkiye")."""
    p = lookup(name, kinds=("country",))
    return p.country if p else None


@lru_cache(maxsize=1)
def _max_words() -> int:
    return max(len(k.split()) for k in _table()[1])


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """First word of every name key: a text word that is none of these starts no place name."""
    return frozenset(k.split(" ")[0] for k in _table()[1])


def _norm_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise text character by character (same rules as `norm` minus 'the'), keeping a map from
    positions in the normalised string back to offsets in `text`."""
    out: list[str] = []
    pos: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isascii():
            d = ch.lower()
        else:
            d = unicodedata.normalize("NFKD", ch)
            d = "".join(c for c in d if not unicodedata.combining(c)).lower()
            d = d.replace("’", "'").replace("‘", "'")
        for c in d:
            if c in ".,'":
                continue
            if not c.isalnum():
                if prev_space:
                    continue
                c, prev_space = " ", True
            else:
                prev_space = False
            out.append(c)
            pos.append(i)
    pos.append(len(text))
    return "".join(out), pos


def find_places(text: str, kinds: Optional[tuple[str, ...]] = None) -> list[tuple[int, int, Place]]:
    """Gazetteer places named in a text: (start, end, place), offsets into `text`, longest names
    first.  Names must start with a capital letter (or a digit) in the text, so "nice" or "split"
    are not places."""
    return list(_find_places(text, tuple(kinds) if kinds else None))


# compiled once, at import
_RX4 = re.compile(r"[^ ]+")


@lru_cache(maxsize=4096)
def _find_places(text: str, kinds: Optional[tuple[str, ...]]) -> tuple[tuple[int, int, Place], ...]:
    ntext, pos = _norm_with_map(text)
    index = _table()[1]
    words = [(m.start(), m.end()) for m in _RX4.finditer(ntext)]
    maxw = _max_words()
    firsts = _first_words()
    found = []
    i = 0
    while i < len(words):
        hit = None
        if ntext[words[i][0]:words[i][1]] not in firsts:
            i += 1
            continue
        for n in range(min(maxw, len(words) - i), 0, -1):
            s0, e0 = words[i][0], words[i + n - 1][1]
            key = ntext[s0:e0]
            if key in index and len(key) >= 3:
                hit = (n, s0, e0, key)
                break
        if hit is None:
            i += 1
            continue
        n, s0, e0, key = hit
        start, end = pos[s0], pos[e0 - 1] + 1
        first = text[start:start + 1]
        p = lookup(key) if (first.isupper() or first.isdigit()) else None
        if p is not None and (not kinds or p.kind in kinds):
            found.append((start, end, p))
            i += n
        else:
            i += 1
    return tuple(found)
