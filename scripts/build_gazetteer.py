#!/usr/bin/env python3
"""Build communique's offline gazetteer, ``src/communique/data/gazetteer.tsv``.

Inputs:
- ``../shared/data/countries/countries.json`` (world-countries 5.1.0, ODbL-1.0): each country's ISO3 code,
  name and capital name(s);
- ``scripts/gazetteer_data/capitals.tsv``: capital coordinates by ISO3 (facts compiled for communique);
- ``scripts/gazetteer_data/capital_alternates.tsv``: former names and other spellings of capitals;
- ``scripts/gazetteer_data/places.tsv``: cities, seats of government and named venues (with their city);
- ``scripts/gazetteer_data/demonyms_extra.tsv``: demonyms for "the Kazakh capital" phrases (with
  countries.json's demonyms);
- ``scripts/gazetteer_data/regions.tsv``: regions and disputed areas (names only, no coordinates).

Output columns: name, kind (capital|seat|city|venue|region|country; regions and countries carry no coordinates), country (ISO3), lat, lon, city (venues), alternates
(';'-separated), source.  Usage: ``python scripts/build_gazetteer.py [--shared ../shared]``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "gazetteer_data"
OUT = ROOT / "src" / "communique" / "data" / "gazetteer.tsv"
# Display name of a capital where the usual English news form differs from countries.json.
DISPLAY = {"USA": "Washington", "MNG": "Ulaanbaatar"}
# Capitals of dependent territories whose names are far more often a person or another place.
AMBIGUOUS_TERRITORY_CAPITALS = {"Hamilton", "Douglas", "Stanley", "Plymouth", "The Valley", "Saint-Denis",
                                "Jamestown", "George Town", "Kingston", "Victoria", "Saint Helier",
                                "Charlotte Amalie", "Saint-Pierre", "Marigot", "Gustavia"}
COLS = ["name", "kind", "country", "lat", "lon", "city", "alternates", "source"]


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln.rstrip("\n") for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    head = lines[0].split("\t")
    rows = []
    for ln in lines[1:]:
        cells = ln.split("\t")
        rows.append({h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(head)})
    return rows


def build(shared: Path) -> list[dict[str, str]]:
    countries = json.loads((shared / "data" / "countries" / "countries.json").read_text(encoding="utf-8"))
    coords = {r["iso3"]: (r["lat"], r["lon"]) for r in read_tsv(DATA / "capitals.tsv")}
    alts = {r["iso3"]: r["alternates"] for r in read_tsv(DATA / "capital_alternates.tsv")}
    rows: list[dict[str, str]] = []
    seen: dict[str, str] = {}
    # Independent countries first, so a shared capital name (Kingston) resolves to the sovereign one.
    for c in sorted(countries, key=lambda c: (not c.get("independent"), c["cca3"])):
        iso3, caps = c["cca3"], c.get("capital") or []
        if not caps:
            continue
        if iso3 not in coords:
            sys.exit(f"no coordinates for the capital of {iso3} ({caps[0]})")
        name = caps[0]
        if not c.get("independent") and name in AMBIGUOUS_TERRITORY_CAPITALS:
            continue
        extra = []
        if iso3 in DISPLAY:
            name, extra = DISPLAY[iso3], [caps[0]]
        if name.lower() in seen:
            continue
        seen[name.lower()] = iso3
        lat, lon = coords[iso3]
        rows.append({"name": name, "kind": "capital", "country": iso3, "lat": lat, "lon": lon, "city": "",
                     "alternates": ";".join(extra + [a for a in alts.get(iso3, "").split(";") if a]),
                     "source": "capital name: world-countries 5.1.0 (ODbL-1.0); coordinates: communique"})
    # "the Kazakh capital" names the capital: demonym phrases become alternates of capital rows.
    extra_dem = {r["iso3"]: r["demonyms"].split(";") for r in read_tsv(DATA / "demonyms_extra.tsv")}
    dem_of: dict[str, set[str]] = {}
    for c in countries:
        d = (c.get("demonyms") or {}).get("eng") or {}
        names = {x.strip() for v in d.values() for x in str(v).split(",") if x.strip()}
        names |= set(extra_dem.get(c["cca3"], []))
        for n in names:
            dem_of.setdefault(n, set()).add(c["cca3"])
    for r in rows:
        if r["kind"] != "capital":
            continue
        phrases = [f"{n} capital" for n, isos in sorted(dem_of.items()) if isos == {r["country"]}]
        r["alternates"] = ";".join([a for a in r["alternates"].split(";") if a] + phrases)
    skipped = {c["cca3"] for c in countries if not c.get("independent")
               and (c.get("capital") or [""])[0] in AMBIGUOUS_TERRITORY_CAPITALS}
    missing = set(coords) - {r["country"] for r in rows} - skipped - {"NFK"}  # NFK: Kingston is Jamaica's
    if missing:
        print(f"note: coordinates without capital row: {sorted(missing)}", file=sys.stderr)
    for r in read_tsv(DATA / "places.tsv"):
        rows.append({"name": r["name"], "kind": r["kind"], "country": r["country"], "lat": r["lat"],
                     "lon": r["lon"], "city": r["city"], "alternates": r["alternates"],
                     "source": "communique (geographic facts)"})
    # Regions: names only, like countries.
    for r in read_tsv(DATA / "regions.tsv"):
        rows.append({"name": r["name"], "kind": "region", "country": r["country"], "lat": "", "lon": "",
                     "city": "", "alternates": r["alternates"], "source": "communique (geographic facts)"})
    # Countries: names only, no coordinates (a country is never silently placed at its centroid).
    calts = {r["iso3"]: r["alternates"].split(";") for r in read_tsv(DATA / "country_alternates.tsv")}
    for c in sorted(countries, key=lambda c: c["cca3"]):
        alts = calts.get(c["cca3"], []) + [c["name"].get("official", "")] + [a for a in c.get("altSpellings", []) if len(a) > 3]
        alts = [a for a in dict.fromkeys(alts) if a and a != c["name"]["common"] and ";" not in a]
        rows.append({"name": c["name"]["common"], "kind": "country", "country": c["cca3"], "lat": "",
                     "lon": "", "city": "", "alternates": ";".join(alts),
                     "source": "world-countries 5.1.0 (ODbL-1.0)"})
    for r in rows:
        if r["kind"] in ("country", "region"):
            continue
        if not (-90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180):
            sys.exit(f"bad coordinates for {r['name']}")
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="build the offline gazetteer")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    if not (a.shared / "data" / "countries" / "countries.json").exists():
        print(f"error: {a.shared}/data/countries/countries.json not found", file=sys.stderr)
        return 2
    rows = build(a.shared)
    header = [
        "# communique offline gazetteer, built by scripts/build_gazetteer.py",
        "# capital names: world-countries 5.1.0 (mledoze/countries), ODbL-1.0; all coordinates, cities, seats "
        "of government, venues and alternate names: facts compiled for communique (scripts/gazetteer_data/)",
        "\t".join(COLS),
    ]
    body = ["\t".join(r[c] for c in COLS) for r in rows]
    a.out.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"wrote {a.out} ({len(rows)} places)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
