#!/usr/bin/env python3
"""Check the dated office holders of the derived knowledge base (src/communique/data/kb/offices.tsv).

Run it after every `make kb`:

    python scripts/check_offices.py                 # report on the committed KB
    python scripts/check_offices.py --from 2023-01-01 --to 2026-12-31 --kb path/to/offices.tsv

It prints three lists for heads of state, heads of government and foreign ministers:

  imprecise  rows whose start or end is a year only (or a year-month) falling in the checked years
             (default 2022-2026): the resolver reads "2025" as 2025-01-01 for a start and 2025-12-31 for
             an end, so such a successor wins over its predecessor for the whole year.
  overlap    two different people holding the same office of the same UN member on the same days,
             for more than TOLERANCE_DAYS days, inside the window (default 2023-01-01 to today).
             Heads of state of countries with collective or plural headships (MULTI_HEAD) are skipped,
             and so are ex officio terms (another country's head of state as co-prince or realm monarch)
             and heads of government derived from a presidential head of state.
  gap        days inside the window on which an office of a UN member has no holder at all.

Dates are expanded the way the resolver (communique.kb) expands them: a start "2025" is 2025-01-01,
"2025-08" is 2025-08-01; an end "2025" is 2025-12-31, "2025-08" is 2025-08-28.  An end date is the last
day of a term and the successor's start its first, and both are active on the handover day: a one-day
overlap is the normal shape of a handover, hence TOLERANCE_DAYS = 1.

Exit status: 0 always when used as a report; with --strict, 1 when any overlap is found.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "src" / "communique" / "data" / "kb"
ROLES = ("head of state", "head of government", "foreign minister")
# kept in step with derive_kb.MULTI_HEAD: several heads of state at once (co-princes, collective presidencies)
MULTI_HEAD = {"AND", "BIH", "CHE", "SMR", "NIC", "MMR", "IRN"}
TOLERANCE_DAYS = 1          # the handover day: the outgoing holder's last day is the incoming one's first


def norm_name(s: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return re.sub(r"[\s\-]+", " ", s.lower()).strip()


def day(s: str, end: bool = False) -> dt.date | None:
    """The resolver's reading of a start/end value (communique.kb._day)."""
    s = (s or "").strip()
    if not s:
        return None
    if len(s) == 4:
        s += "-12-31" if end else "-01-01"
    elif len(s) == 7:
        s += "-28" if end else "-01"
    return dt.date.fromisoformat(s[:10])


def read_offices(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def un_members(kb_dir: Path) -> set[str]:
    data = json.loads((kb_dir / "countries.json").read_text(encoding="utf-8"))
    return {c["code"] for c in data if c.get("un")}


def imprecise(rows: list[dict], first_year: int, last_year: int) -> list[dict]:
    out = []
    for r in rows:
        if r["role"] not in ROLES:
            continue
        for field in ("start", "end"):
            v = (r[field] or "").strip()
            if v and len(v) < 10 and first_year <= int(v[:4]) <= last_year:
                out.append(r)
                break
    return out


def terms_by_office(rows: list[dict], members: set[str]) -> dict[tuple, list[dict]]:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        if r["role"] in ROLES and r["country"] in members:
            groups[(r["country"], r["role"])].append(r)
    return groups


def checked_terms(office: tuple, terms: list[dict]) -> list[dict]:
    country, role = office
    out = []
    for r in terms:
        src = r["source"]
        if "exofficio" in src or "phoenix" in src:
            continue
        if role == "head of government" and "derived:presidential" in src:
            continue
        out.append(r)
    return out


def overlaps(groups: dict[tuple, list[dict]], lo: dt.date, hi: dt.date,
             tolerance: int = TOLERANCE_DAYS) -> list[tuple]:
    """(country, role, a, b, first day, days) for two different holders active together too long."""
    out = []
    for office, terms in sorted(groups.items()):
        if office[1] == "head of state" and office[0] in MULTI_HEAD:
            continue
        ts = checked_terms(office, terms)
        for i, a in enumerate(ts):
            for b in ts[i + 1:]:
                if norm_name(a["name"]) == norm_name(b["name"]):
                    continue
                s = max(day(a["start"]) or dt.date.min, day(b["start"]) or dt.date.min, lo)
                e = min(day(a["end"], True) or dt.date.max, day(b["end"], True) or dt.date.max, hi)
                n = (e - s).days + 1
                if n > tolerance:
                    out.append((office[0], office[1], a, b, s, n))
    return out


def gaps(groups: dict[tuple, list[dict]], members: set[str], lo: dt.date, hi: dt.date) -> list[tuple]:
    """(country, role, first day, last day) of every stretch inside the window with no holder."""
    out = []
    for country in sorted(members):
        for role in ROLES:
            terms = groups.get((country, role), [])
            spans = sorted((day(r["start"]) or dt.date.min, day(r["end"], True) or dt.date.max) for r in terms)
            cur = lo
            for s, e in spans:
                if e < cur:
                    continue
                if s > cur:
                    out.append((country, role, cur, min(s - dt.timedelta(days=1), hi)))
                cur = max(cur, e + dt.timedelta(days=1)) if e < dt.date.max else dt.date.max
                if cur > hi:
                    break
            if cur <= hi:
                out.append((country, role, cur, hi))
    return [g for g in out if g[2] <= g[3] and g[2] <= hi]


def fmt(r: dict) -> str:
    return f"{r['name']} [{r['start'] or '?'} .. {r['end'] or 'open'}] ({r['source']})"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", type=Path, default=KB / "offices.tsv", help="offices.tsv to check")
    ap.add_argument("--from", dest="lo", default="2023-01-01", help="window start for gaps/overlaps")
    ap.add_argument("--to", dest="hi", default=dt.date.today().isoformat(), help="window end for gaps/overlaps")
    ap.add_argument("--years", default="2022-2026", help="years in which imprecise dates are listed")
    ap.add_argument("--strict", action="store_true", help="exit 1 when an overlap is found")
    a = ap.parse_args(argv)
    rows = read_offices(a.kb)
    members = un_members(a.kb.parent)
    lo, hi = dt.date.fromisoformat(a.lo), dt.date.fromisoformat(a.hi)
    y0, y1 = (int(x) for x in a.years.split("-"))

    imp = imprecise(rows, y0, y1)
    print(f"# imprecise: {len(imp)} rows with a year-only or year-month start/end in {y0}-{y1}")
    for r in sorted(imp, key=lambda r: (r["country"], r["role"], r["start"])):
        print(f"imprecise\t{r['country']}\t{r['role']}\t{fmt(r)}")

    groups = terms_by_office(rows, members)
    ov = overlaps(groups, lo, hi)
    print(f"# overlap: {len(ov)} pairs of holders of one office active together > {TOLERANCE_DAYS} day(s)"
          f" within {lo}..{hi}")
    for country, role, x, y, s, n in ov:
        print(f"overlap\t{country}\t{role}\t{n} days from {s}\t{fmt(x)}  <>  {fmt(y)}")

    gp = gaps(groups, members, lo, hi)
    print(f"# gap: {len(gp)} stretches with no holder within {lo}..{hi}")
    for country, role, s, e in gp:
        print(f"gap\t{country}\t{role}\t{s}..{e}\t{(e - s).days + 1} days")
    return 1 if a.strict and ov else 0


if __name__ == "__main__":
    sys.exit(main())
