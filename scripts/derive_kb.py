#!/usr/bin/env python3
"""Derive communique's run-time knowledge base from ../shared/data plus curated facts.

Inputs
  ../shared/data/countries/countries.json        ISO 3166 countries (world-countries, ODbL)
  ../shared/data/orgs/*.json                     country groupings with members (MIT)
  ../shared/data/leaders/*.csv                   heads of state/government, foreign ministers, IGO heads (Wikidata, CC0)
  ../shared/data/phoenix/*.txt                   Phoenix dictionaries: agents (sector nouns), dated persons (MIT)
  scripts/kb_curated/*.tsv                       facts we add or correct (source="curated")

Outputs (src/communique/data/kb/)
  countries.json   one object per country: code, name, names, adjectives, capitals, seats, un, sources
  orgs.json        one object per organisation: code, cameo, name, names, members, sources
  offices.tsv      dated office holders (person, country, role, title, start, end, wikidata, source)
  agents.tsv       sector nouns (noun, sector codes, source)
  MANIFEST.json    what was built from what

Every row says where its facts came from.  Run:  python scripts/derive_kb.py --shared ../shared
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "communique" / "data" / "kb"
CURATED = Path(__file__).resolve().parent / "kb_curated"

QID = re.compile(r"^Q\d+$")


def read_tsv(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        rows.append({k: (v or "").strip() for k, v in row.items() if k})
    return rows


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def is_latin(s: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘–" for c in s)


# --------------------------------------------------------------------------- countries
def build_countries(shared: Path, curated: list[dict]) -> dict[str, dict]:
    data = json.loads((shared / "data/countries/countries.json").read_text(encoding="utf-8"))
    out: dict[str, dict] = {}
    for c in data:
        code = c["cca3"]
        names = {c["name"]["common"], c["name"]["official"]}
        for alt in c.get("altSpellings", []):
            if len(alt) > 3 and is_latin(alt):
                names.add(alt)
        adjs = set()
        dem = (c.get("demonyms") or {}).get("eng") or {}
        for v in dem.values():
            for part in re.split(r",\s*|\s+or\s+", v or ""):     # "Antiguan, Barbudan", "Kittitian or Nevisian"
                if part.strip():
                    adjs.add(part.strip())
        out[code] = {
            "code": code, "name": c["name"]["common"], "official": c["name"]["official"],
            "names": sorted(names), "adjectives": sorted(adjs),
            "capitals": [x for x in c.get("capital", []) if x],
            "seats": [], "cities": [], "un": bool(c.get("unMember")),
            "iso2": c.get("cca2"), "region": c.get("subregion") or c.get("region"),
            "latlng": c.get("latlng") or None,
            "sources": ["countries.json (world-countries 5.1.0, ODbL)"],
        }
    # Phoenix spelling variants that are close to the country's name (cities excluded).
    for code, alts in phoenix_country_alternates(shared).items():
        if code not in out:
            continue
        base = out[code]["name"].upper()
        for a in alts:
            pretty = a.title()
            if difflib.SequenceMatcher(None, a, base).ratio() >= 0.75 and pretty not in out[code]["names"]:
                out[code].setdefault("variants", []).append(pretty)
        if out[code].get("variants"):
            out[code]["sources"].append("Phoenix.Countries.actors.txt (MIT)")
    # Curated additions: adjectives, alternative names, seats of power, capitals, major cities.
    alt_curated = {(r["code"], r["term"]) for r in curated if r["kind"] in ("alt", "name")}
    field = {"un": None, "adj": "adjectives", "alt": "names", "seat": "seats", "capital": "capitals", "city": "cities",
             "remove": None}
    for r in curated:
        code, kind, term = r["code"], r["kind"], r["term"]
        if code not in out:
            out[code] = {"code": code, "name": term, "official": term, "names": [term], "adjectives": [],
                         "capitals": [], "seats": [], "cities": [], "un": False, "sources": []}
        if kind == "un":
            out[code]["un"] = term == "yes"
        elif kind == "remove":
            for f in ("names", "adjectives", "capitals", "variants"):
                if term in out[code].get(f, []):
                    out[code][f].remove(term)
        elif kind == "name":
            out[code]["name"] = term
            if term not in out[code]["names"]:
                out[code]["names"].append(term)
        else:
            lst = out[code].setdefault(field[kind], [])
            if term not in lst:
                lst.append(term)
        if "curated" not in out[code]["sources"]:
            out[code]["sources"].append("curated")
    for code, c in out.items():   # a demonym is not a name of the country ("Kazakhstani economy")
        adjs = set(c["adjectives"])
        c["variants"] = [v for v in c.get("variants", []) if v not in adjs]
        c["names"] = [n for n in c["names"] if n not in adjs or (code, n) in alt_curated]
    return out


def phoenix_country_alternates(shared: Path) -> dict[str, list[str]]:
    """Country blocks of Phoenix.Countries.actors.txt: NAME_ / +ALT_ ... [XXX]."""
    path = shared / "data/phoenix/Phoenix.Countries.actors.txt"
    res: dict[str, list[str]] = {}
    cur: list[str] = []
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] not in "+\t ":
            cur = [line.split("[")[0].split("#")[0].strip()]
        elif line.startswith("+"):
            cur.append(line[1:].split("#")[0].strip())
        for code in re.findall(r"\[([A-Z]{3})(?:\s+[<>]?[\d-]*)?\]", line):
            if code.isalpha() and cur and not re.search(r"\d", cur[0]):
                res.setdefault(code, [])
                for n in cur:
                    n = n.strip("_ ").replace("_", " ")
                    if n and n not in res[code]:
                        res[code].append(n)
    return res


# --------------------------------------------------------------------------- organisations
def build_orgs(shared: Path, curated: list[dict], fixes: list[dict]) -> dict[str, dict]:
    files = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (shared / "data/orgs").glob("*.json")}
    out: dict[str, dict] = {}
    for r in curated:
        code = r["code"]
        src = files.get(r.get("file") or "")
        members = sorted({m["iso3"] for m in src["countries"] if m.get("iso3")}) if src else []
        if r.get("members"):
            members = sorted(set(members) | set(r["members"].split("|")))
        names = [n for n in r["names"].split("|") if n]
        if src and src.get("name") and src["name"] not in names:
            names.append(src["name"])
        out[code] = {
            "code": code, "cameo": r["cameo"], "name": names[0] if names else code,
            "names": names, "acronyms": [a for a in r["acronyms"].split("|") if a],
            "members": members, "parent": r.get("parent") or None,
            "sources": (["orgs/%s.json (worldcountrygroups 0.5.0, MIT)" % r["file"]] if src else []) + ["curated"],
        }
        if r.get("acts_for"):      # an institution whose acts are its union's (European Commission -> EU)
            out[code]["country"] = r["acts_for"]
    for f in fixes:  # dated membership fixes (NATO: Finland 2023, Sweden 2024...)
        org = out.get(f["org"])
        if not org:
            continue
        if f["action"] == "add" and f["member"] not in org["members"]:
            org["members"].append(f["member"])
            org.setdefault("joined", {})[f["member"]] = f["date"]
        elif f["action"] == "remove" and f["member"] in org["members"]:
            org["members"].remove(f["member"])
            org.setdefault("left", {})[f["member"]] = f["date"]
        org["members"].sort()
    return out


# --------------------------------------------------------------------------- office holders
ROLE_OF_POSITION = [
    (re.compile(r"chairman of the council of ministers|prime minister|premier|chancellor of (germany|austria)|head of government|chief executive|"
                r"president of the (government|council of ministers)|taoiseach", re.I), "head of government"),
    (re.compile(r"governor.general", re.I), "governor-general"),
    (re.compile(r"president|king|queen|monarch|emir|sultan|supreme leader|co.prince|captain regent|"
                r"grand duke|prince of|emperor|head of state|military leader|chairman of|leader of", re.I),
     "head of state"),
]


def title_of(position: str) -> str:
    p = re.sub(r"\s+(of|of the)\s+.*$", "", position).strip()
    return p[:1].upper() + p[1:]


def role_of(position: str) -> str:
    for rx, role in ROLE_OF_POSITION:
        if rx.search(position):
            return role
    return "head of state"


def build_offices(shared: Path, countries: dict, qmap: dict[str, str], curated: list[dict]) -> list[dict]:
    by_name = {}
    for code, c in countries.items():
        for n in c["names"] + [c["name"]]:
            by_name[n.lower()] = code
    by_name.update({"timor-leste": "TLS", "east timor": "TLS", "ivory coast": "CIV", "côte d'ivoire": "CIV",
                    "democratic republic of the congo": "COD", "republic of the congo": "COG",
                    "people's republic of china": "CHN", "kingdom of the netherlands": "NLD",
                    "the gambia": "GMB", "the bahamas": "BHS", "federated states of micronesia": "FSM",
                    "state of palestine": "PSE", "eswatini": "SWZ", "vatican city": "VAT", "turkey": "TUR",
                    "united states of america": "USA", "russia": "RUS"})
    rows: list[dict] = []
    dropped: list[str] = []
    path = shared / "data/leaders/heads_wikidata_2026_index.csv"
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            code = by_name.get(r["country"].lower())
            if code and QID.match(r.get("countryid") or "") and code in countries:
                countries[code]["wikidata"] = r["countryid"]
                if "wikidata (country ids, CC0)" not in countries[code]["sources"]:
                    countries[code]["sources"].append("wikidata (country ids, CC0)")
            name = r["officeholderLabel"].strip()
            if QID.match(name):
                name = qmap.get(name, "")
            if not code or not name or (r["start_year"][:4].isdigit() and int(r["start_year"][:4]) < 1900):
                dropped.append(f"{r['country']}|{r['positionLabel']}|{r['officeholderLabel']}")
                continue
            role = role_of(r["positionLabel"])
            # "Abdullah II of Jordan" is written "Abdullah II" in the news
            alias = re.sub(r"\s+of\s+(the\s+)?[A-Z][\w' -]+$", "", name) if " of " in name else ""
            if len(alias.split()) < 2:
                alias = ""      # "Philippe" alone is too ambiguous; "Abdullah II" is fine
            rows.append({"name": name, "aliases": alias if alias != name else "", "country": code, "role": role,
                         "title": title_of(r["positionLabel"]), "sector": "GOV",
                         "start": r["start_year"], "end": r["end_year"], "wikidata": r["officeholder"],
                         "source": "wikidata:heads_2026_index"})
    path = shared / "data/leaders/foreign_ministers_wikidata_2023-01.csv"
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            code = by_name.get(r["countryLabel"].lower())
            name = (r["name"] or "").strip()
            if QID.match(name):
                name = qmap.get(name, "")
            if not code or not name:
                dropped.append(f"{r['countryLabel']}|{r['positionLabel']}|{r['name']}")
                continue
            rows.append({"name": name, "aliases": "", "country": code, "role": "foreign minister",
                         "title": "Foreign Minister", "sector": "GOV", "start": r["start"][:10], "end": "",
                         "wikidata": r["person"], "source": "wikidata:foreign_ministers_2023-01"})
    for fname in ("igo_officeholders_holders21_2023-01.csv", "igo_current_2023-01.csv"):
        with (shared / "data/leaders" / fname).open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                org = igo_of_position(r["position"])
                if not org:
                    continue
                rows.append({"name": r["person"], "aliases": "", "country": org[0], "role": org[1],
                             "title": org[2], "sector": "GOV", "start": r["start"], "end": r["end"],
                             "wikidata": r["personID"], "source": f"wikidata:{fname[:-4]}"})
    # Curated rows override or close imported terms.
    for c in curated:
        if c.get("action") == "end":   # close an imported term: same country+role+name
            for r in rows:
                if r["country"] == c["country"] and r["role"] == c["role"] and \
                        norm_name(r["name"]) == norm_name(c["name"]) and not r["end"]:
                    r["end"] = c["end"]
            continue
        if c.get("action") == "drop":
            rows = [r for r in rows if not (r["country"] == c["country"] and r["role"] == c["role"]
                                            and norm_name(r["name"]) == norm_name(c["name"]))]
            continue
        # a curated row for an already imported term (same person by name or alias, overlapping dates)
        merged = False
        cnames = {norm_name(n) for n in [c["name"]] + c.get("aliases", "").split("|") if n}
        for r in rows:
            if r["country"] == c["country"] and r["role"] == c["role"] and norm_name(r["name"]) in cnames \
                    and overlaps(r["start"], r["end"], c.get("start", ""), c.get("end", "")):
                r["aliases"] = "|".join(x for x in dict.fromkeys((r["aliases"].split("|") if r["aliases"] else [])
                                                                 + ([c["name"]] if c["name"] != r["name"] else [])
                                                                 + (c["aliases"].split("|") if c["aliases"] else [])) if x)
                if c.get("start"):
                    r["start"] = c["start"]
                r["end"] = c.get("end", r["end"])
                if c.get("title"):
                    r["title"] = c["title"]
                r["source"] += "+curated"
                if c.get("display"):
                    r["name"] = c["name"]
                merged = True
                break
        if not merged:
            rows.append({"name": c["name"], "aliases": c.get("aliases", ""), "country": c["country"],
                         "role": c["role"], "title": c.get("title") or "", "sector": c.get("sector") or "GOV",
                         "start": c.get("start", ""), "end": c.get("end", ""), "wikidata": c.get("wikidata", ""),
                         "source": "curated"})
    refine_year_starts(rows)
    mark_ex_officio(rows)
    rows += presidential_heads_of_government(rows)
    close_superseded(rows)
    if dropped:
        print(f"  dropped {len(dropped)} unresolved leader rows: " + "; ".join(dropped[:12]), file=sys.stderr)
    return rows


# Countries whose president (or collective head) is also head of government (since a date, when the
# system changed: Turkey's presidential system began on 2018-07-09).
PRESIDENTIAL = dict.fromkeys("""USA BRA ARG MEX CHL COL PER ECU BOL PRY URY VEN CRI GTM HND SLV NIC PAN DOM SUR IDN PHL
KOR IRN CYP KEN NGA GHA ZAF ZMB ZWE MWI BWA LBR SLE GMB SSD ERI SYR TKM FSM KIR MHL NRU PLW SYC MDV COM AGO BEN
CHE VAT""".split(), "")
PRESIDENTIAL["TUR"] = "2018-07-09"
# Countries with several heads of state at once (co-princes, collective presidencies, captains regent).
MULTI_HEAD = {"AND", "BIH", "CHE", "SMR", "NIC", "MMR", "IRN"}


def presidential_heads_of_government(rows: list[dict]) -> list[dict]:
    out = []
    for r in rows:
        since = PRESIDENTIAL.get(r["country"])
        if since is None or r["role"] != "head of state" or (r["end"] and r["end"] < since):
            continue
        start = max(r["start"] or "", since) if since else r["start"]
        out.append(dict(r, role="head of government", start=start, source=r["source"] + "+derived:presidential"))
    return out


def mark_ex_officio(rows: list[dict]) -> None:
    """Several concurrent headships: one is primary (curated, else not titled co-prince), the others are
    ex officio (co-prince of Andorra, other Commonwealth realms): "+exofficio" in their source (ranked
    last by the resolver), and they cannot start before the primary term."""
    by_person: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["role"] == "head of state":
            by_person[r.get("wikidata") or norm_name(r["name"])].append(r)
    for terms in by_person.values():
        if len({r["country"] for r in terms}) < 2:
            continue
        primary = [r for r in terms if "curated" in r["source"]] or \
            [r for r in terms if "co-prince" not in r["title"].lower()]
        if len({r["country"] for r in primary}) != 1:
            continue
        main = primary[0]
        for r in terms:
            if r["country"] == main["country"] or not overlaps(r["start"], r["end"], main["start"], main["end"]):
                continue
            r["source"] += "+exofficio"
            if main["start"] and (not r["start"] or len(r["start"]) < 10 or r["start"] < main["start"]) \
                    and (r["start"] or "")[:4] <= main["start"][:4]:
                r["start"] = main["start"]


def refine_year_starts(rows: list[dict]) -> None:
    """A term known only by its start year begins when its predecessor's dated term ends that year
    (Trump "2025" starts on 2025-01-20, when Biden's term ends)."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["country"], r["role"])].append(r)
    for rs in groups.values():
        for b in rs:
            if len(b["start"] or "") != 4:
                continue
            ends = [a["end"] for a in rs if a is not b and len(a["end"] or "") == 10
                    and a["end"][:4] == b["start"] and norm_name(a["name"]) != norm_name(b["name"])]
            if ends:
                b["start"] = max(ends)
                b["source"] += "+start-refined"


def close_superseded(rows: list[dict]) -> None:
    """An open term followed by a later open term of the same office ends when the later one starts."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:     # closed terms count as successors too (Cleverly ends when Lammy starts, whose term ended)
        if r["role"] in ("head of state", "head of government", "foreign minister") \
                and "exofficio" not in r["source"]:
            groups[(r["country"], r["role"])].append(r)
    for (country, role), rs in groups.items():
        if role == "head of state" and country in MULTI_HEAD:
            continue
        rs.sort(key=lambda r: r["start"] or "")
        for n, a in enumerate(rs):
            if a["end"]:
                continue
            nxt = next((b for b in rs[n + 1:] if (a["start"] or "")[:10] < (b["start"] or "")[:10]
                        and norm_name(a["name"]) != norm_name(b["name"])), None)
            if nxt is not None:
                a["end"] = nxt["start"]
                a["source"] += "+closed"


def norm_name(s: str) -> str:
    return re.sub(r"[\s\-]+", " ", ascii_fold(s).lower()).strip()


def overlaps(s1: str, e1: str, s2: str, e2: str) -> bool:
    a1, b1 = (s1 or "0000")[:4], (e1 or "9999")[:4]
    a2, b2 = (s2 or "0000")[:4], (e2 or "9999")[:4]
    return a1 <= b2 and a2 <= b1 and not (b2 == a1 and s2 and e2 and a2 < a1) and not (b1 == a2 and a1 < a2)


def same_person(a: str, b: str) -> bool:
    a, b = ascii_fold(a).lower(), ascii_fold(b).lower()
    if a == b:
        return True
    ta, tb = a.replace("-", " ").split(), b.replace("-", " ").split()
    return bool(ta and tb) and (ta[-1] == tb[-1] or difflib.SequenceMatcher(None, a, b).ratio() > 0.8)


IGO_POSITIONS = [
    (r"^Secretary-General of the United Nations", ("UN", "secretary-general", "Secretary-General")),
    (r"^Deputy Secretary-General of the United Nations", ("UN", "deputy secretary-general", "Deputy Secretary-General")),
    (r"United Nations General Assembly", ("UN", "president of the general assembly", "President of the General Assembly")),
    (r"International Court of Justice", ("ICJ", "judge", "President")),
    (r"World Trade Organization", ("WTO", "director-general", "Director-General")),
    (r"World Health Organization", ("WHO", "director-general", "Director-General")),
    (r"OSCE|Organization for Security and Co-operation", ("OSCE", "official", "High Commissioner")),
    (r"NATO", ("NATO", "secretary-general", "Secretary General")),
    (r"European Commission", ("EU", "commission president", "President of the European Commission")),
    (r"European Council", ("EU", "council president", "President of the European Council")),
    (r"International Monetary Fund", ("IMF", "managing director", "Managing Director")),
    (r"World Bank", ("WB", "president", "President")),
    (r"African Union", ("AU", "chairperson", "Chairperson")),
    (r"Arab League|League of Arab States", ("ARL", "secretary-general", "Secretary-General")),
    (r"Council of Europe", ("COE", "official", "President")),
    (r"Arab Parliament", ("ARL", "speaker", "Speaker")),
]


def igo_of_position(pos: str):
    for rx, val in IGO_POSITIONS:
        if re.search(rx, pos):
            return val
    return None


# --------------------------------------------------------------------------- Phoenix
DATE = re.compile(r"^(\d{6})$")
PHOENIX_HORIZON = "2014-01-30"


def phoenix_date(s: str) -> str:
    yy, mm, dd = int(s[:2]), s[2:4], s[4:6]
    year = 2000 + yy if yy <= 20 else 1900 + yy
    mm = mm if mm != "00" else "01"
    dd = dd if dd != "00" else "01"
    return f"{year}-{mm}-{dd}"


def parse_phoenix_persons(path: Path, countries: set[str], igo_codes: dict[str, str]) -> list[dict]:
    """Persons with dated roles: NAME_ (+ALIAS_)* then [CODE date] lines."""
    rows = []
    entries: list[tuple[list[str], list[str]]] = []
    cur_names: list[str] = []
    cur_codes: list[str] = []
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body = line.split("#")[0]
        if line[0] not in "+\t ":
            if cur_names:
                entries.append((cur_names, cur_codes))
            cur_names = [body.split("[")[0].strip()]
            cur_codes = re.findall(r"\[([^\]]+)\]", body)
        elif line.startswith("+"):
            cur_names.append(body[1:].split("[")[0].strip())
            cur_codes += re.findall(r"\[([^\]]+)\]", body)
        else:
            cur_codes += re.findall(r"\[([^\]]+)\]", body)
    if cur_names:
        entries.append((cur_names, cur_codes))
    for names, codes in entries:
        names = [n.strip("_ ").replace("_", " ") for n in names if n.strip("_ ")]
        if not names or len(names[0].split()) < 2:
            continue   # person entries are full names; single words are countries or generic
        terms = []
        for c in codes:
            parts = c.split()
            if not parts:
                continue
            code = parts[0].strip()
            if len(code) < 6 or not code[:3].isalpha():
                continue
            start = end = ""
            if len(parts) > 1:
                d = parts[1].strip()
                if d.startswith(">") and DATE.match(d[1:]):
                    start = phoenix_date(d[1:])
                elif d.startswith("<") and DATE.match(d[1:]):
                    end = phoenix_date(d[1:])
                elif "-" in d:
                    a, _, b = d.partition("-")
                    if DATE.match(a) and DATE.match(b):
                        start, end = phoenix_date(a), phoenix_date(b)
            if start and not end:
                end = PHOENIX_HORIZON      # the dictionaries stop in January 2014: open terms end there
            terms.append((code, start, end))
        dated = [t for t in terms if (t[1] or t[2]) and t[0][3:6] in ("GOV", "MIL", "UNO", "LEG", "JUD", "OPP")]
        if not dated:
            continue
        for code, start, end in terms:
            if not (start or end):
                continue
            country = code[:3]
            if country == "IGO":
                country = igo_codes.get(code) or igo_codes.get(code[:6])
                if not country:
                    continue
                sector = "GOV"
            else:
                if country not in countries:
                    continue
                sector = code[3:6] or "GOV"
            rows.append({"name": names[0].title(), "aliases": "|".join(n.title() for n in names[1:4]),
                         "country": country, "role": {"GOV": "government official", "MIL": "military official",
                                                      "ELI": "elite", "LEG": "legislator", "OPP": "opposition",
                                                      "JUD": "judge"}.get(sector, "official"),
                         "title": "", "sector": sector,
                         "start": start, "end": end, "wikidata": "", "source": "phoenix"})
    return rows


def parse_agents(path: Path) -> list[dict]:
    subs: dict[str, list[str]] = {}
    rows = []
    for line in path.read_text(encoding="latin-1").splitlines():
        line = line.split("#")[0].rstrip()
        if not line.strip():
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.*)$", line)
        if m:
            subs[m.group(1)] = [x.strip() for x in m.group(2).split(",")]
            continue
        m = re.match(r"^([^\[]+?)\s*\[~?([A-Z]+)\]", line)
        if not m:
            continue
        noun, code = m.group(1).strip(), m.group(2)
        forms = [noun]
        for key, vals in subs.items():
            if f"!{key}!" in noun:
                forms = [noun.replace(f"!{key}!", v) for v in vals]
        for f in forms:
            f = f.strip("_ ").replace("_", " ").lower()
            if f:
                rows.append({"noun": f, "sector": code, "source": "phoenix:Phoenix.agents.txt"})
    return rows


# --------------------------------------------------------------------------- main
def write_tsv(path: Path, rows: list[dict], cols: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow([r.get(c, "") for c in cols])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    shared = a.shared
    if not (shared / "data").exists():
        print(f"error: no data directory under {shared}", file=sys.stderr)
        return 2
    a.out.mkdir(parents=True, exist_ok=True)
    countries = build_countries(shared, read_tsv(CURATED / "country_terms.tsv"))
    orgs = build_orgs(shared, read_tsv(CURATED / "orgs.tsv"), read_tsv(CURATED / "org_membership.tsv"))
    for r in read_tsv(CURATED / "nonstate.tsv"):
        names = [n for n in r["names"].split("|") if n]
        orgs[r["code"]] = {"code": r["code"], "cameo": r["country"] + r["sector"], "name": names[0],
                           "names": [n for n in names if not n.isupper()],
                           "acronyms": [n for n in names if n.isupper()], "members": [],
                           "country": r["country"], "sector": r["sector"], "sources": ["curated"]}
    qmap = {r["qid"]: r["name"] for r in read_tsv(CURATED / "qids.tsv")}
    offices = build_offices(shared, countries, qmap, read_tsv(CURATED / "offices.tsv"))
    # a CAMEO IGO code names the organisation itself, not an institution acting for it (IGOEUREEC: EU)
    igo_codes = {o["cameo"]: code for code, o in orgs.items() if not (o.get("country") and o.get("parent"))}
    igo_codes.setdefault("IGOUNO", "UN")
    phoenix = parse_phoenix_persons(shared / "data/phoenix/Phoenix.Countries.actors.txt", set(countries), igo_codes)
    phoenix += parse_phoenix_persons(shared / "data/phoenix/Phoenix.International.actors.txt", set(countries),
                                     igo_codes)
    # curated nouns first: the first row of a noun wins at load time
    agents = [dict(r, source="curated") for r in read_tsv(CURATED / "agents.tsv")]
    agents += [dict(r, sector="CVL" if r["sector"] == "PPL" else r["sector"])
               for r in parse_agents(shared / "data/phoenix/Phoenix.agents.txt")]
    cols = ["name", "aliases", "country", "role", "title", "sector", "start", "end", "wikidata", "source"]
    (a.out / "countries.json").write_text(json.dumps(sorted(countries.values(), key=lambda c: c["code"]),
                                                     ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    with_qid = sum(1 for c in countries.values() if c.get("wikidata"))
    print(f"  countries with a Wikidata id: {with_qid}", file=sys.stderr)
    (a.out / "orgs.json").write_text(json.dumps(sorted(orgs.values(), key=lambda o: o["code"]),
                                                ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    write_tsv(a.out / "offices.tsv", offices, cols)
    write_tsv(a.out / "phoenix_persons.tsv", phoenix, cols)
    write_tsv(a.out / "agents.tsv", agents, ["noun", "sector", "source"])
    manifest = {"built": dt.date.today().isoformat(), "shared": str(shared),
                "counts": {"countries": len(countries), "orgs": len(orgs), "offices": len(offices),
                           "phoenix_persons": len(phoenix), "agents": len(agents)}}
    (a.out / "MANIFEST.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    print(json.dumps(manifest["counts"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
