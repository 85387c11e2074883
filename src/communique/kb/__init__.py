"""The knowledge base: countries, organisations, dated office holders, sector nouns.

Built from the files under ``communique/data/kb`` (derived by ``scripts/derive_kb.py``; each row
carries its source).  Lookups are dictionary based and built once per process:

- ``kb.phrases[norm_text]`` -> list of ``Entry`` (country names/adjectives/seats/capitals, organisations,
  person names and aliases); ``kb.first_words`` holds the first word of every phrase, for a fast scan.
- ``kb.holders(country, role, date)`` -> persons holding an office on a date (latest start first).
- ``kb.person_terms(pid)``, ``kb.active_term(pid, date)``: dated terms of a person.
- ``kb.agents[noun]`` -> CAMEO sector code (minister -> GOV, troops -> MIL, businessmen -> BUS ...).
"""
from __future__ import annotations

import csv
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .names import norm, strip_the, surname

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "kb"
FILES = ("countries.json", "orgs.json", "offices.tsv", "phoenix_persons.tsv", "agents.tsv")

ROLES_CORE = ("head of state", "head of government", "foreign minister")


@dataclass(frozen=True)
class Entry:
    kind: str          # country | org | person
    id: str            # ISO3 | org code | person id
    form: str          # name | adj | seat | capital | city | acronym | alias | full
    text: str          # the phrase as written in the KB


@dataclass(frozen=True)
class Term:
    pid: str
    country: str
    role: str
    title: str
    sector: str
    start: str          # YYYY-MM-DD or ""
    end: str            # YYYY-MM-DD or "" (open)
    source: str

    def active(self, date: str) -> bool:
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


@dataclass
class Person:
    pid: str
    name: str
    aliases: set = field(default_factory=set)
    wikidata: str = ""
    terms: list = field(default_factory=list)


def _day(s: str, end: bool = False) -> str:
    s = (s or "").strip()
    if not s:
        return ""
    if len(s) == 4:
        return s + ("-12-31" if end else "-01-01")
    if len(s) == 7:
        return s + ("-28" if end else "-01")
    return s[:10]


class KnowledgeBase:
    _default: Optional["KnowledgeBase"] = None

    def __init__(self, data_dir: Optional[Path] = None):
        self.data_dir = Path(data_dir) if data_dir else DATA_DIR
        self.countries: dict[str, dict] = {}
        self.orgs: dict[str, dict] = {}
        self.persons: dict[str, Person] = {}
        self.agents: dict[str, str] = {}
        self.phrases: dict[str, list[Entry]] = {}
        self.first_words: set[str] = set()
        self.max_words = 1
        self._alias_pid: dict[str, str] = {}
        self._surnames: dict[str, set[str]] = {}
        self._office: dict[tuple[str, str], list[Term]] = {}
        self.org_by_cameo: dict[str, str] = {}
        self.city_country: dict[str, str] = {}
        self.learned_terms = 0
        if (self.data_dir / "countries.json").exists():
            self._load()

    # ------------------------------------------------------------------ loading
    @classmethod
    def default(cls) -> "KnowledgeBase":
        if cls._default is None:
            cls._default = cls()
        return cls._default

    def to_disk(self, path: Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for f in FILES:
            src = self.data_dir / f
            if src.exists() and src.resolve() != (path / f).resolve():
                shutil.copyfile(src, path / f)

    @classmethod
    def from_disk(cls, path: Path) -> "KnowledgeBase":
        path = Path(path)
        return cls(path if (path / "countries.json").exists() else None)

    def _load(self) -> None:
        d = self.data_dir
        for c in json.loads((d / "countries.json").read_text(encoding="utf-8")):
            self.countries[c["code"]] = c
            for n in c.get("names", []) + c.get("variants", []) + [c["name"]]:
                self._add_phrase(n, Entry("country", c["code"], "name", n))
            for a in c.get("adjectives", []):
                self._add_phrase(a, Entry("country", c["code"], "adj", a))
                if a[-1:] in ("n", "i", "h", "k", "z") and " " not in a and "." not in a and a[:1].isupper():
                    self._add_phrase(a + "s", Entry("country", c["code"], "people", a + "s"))
            for s in c.get("seats", []):
                self._add_phrase(s, Entry("country", c["code"], "seat", s))
            for s in c.get("capitals", []):
                self._add_phrase(s, Entry("country", c["code"], "capital", s))
                self.city_country.setdefault(norm(s), c["code"])
            for s in c.get("cities", []):
                self._add_phrase(s, Entry("country", c["code"], "city", s))
                self.city_country.setdefault(norm(s), c["code"])
        for o in json.loads((d / "orgs.json").read_text(encoding="utf-8")):
            self.orgs[o["code"]] = o
            self.org_by_cameo.setdefault(o["cameo"], o["code"])
            for a in o.get("acronyms", []):
                self._add_phrase(a, Entry("org", o["code"], "acronym", a))
            for n in o.get("names", []):
                self._add_phrase(n, Entry("org", o["code"], "name", n))
        for row in self._tsv(d / "offices.tsv"):
            self._add_term_row(row)
        if (d / "phoenix_persons.tsv").exists():
            for row in self._tsv(d / "phoenix_persons.tsv"):
                self._add_term_row(row, phrase=True)
        for row in self._tsv(d / "agents.tsv"):
            self.agents.setdefault(row["noun"], row["sector"])
        for terms in self._office.values():
            terms.sort(key=lambda t: t.start, reverse=True)
        # ambiguous phrases ("French": France, French Polynesia...): UN members first
        rank = {"org": 0, "person": 2}
        for lst in self.phrases.values():
            if len(lst) > 1:
                lst.sort(key=lambda e: (rank.get(e.kind, 1),
                                        0 if e.kind != "country" or self.countries.get(e.id, {}).get("un") else 1,
                                        0 if e.form in ("name", "acronym", "full") else 1))

    @staticmethod
    def _tsv(path: Path) -> Iterable[dict]:
        with path.open(encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh, delimiter="\t")

    def _add_phrase(self, text: str, entry: Entry) -> None:
        key = strip_the(norm(text))
        if not key:
            return
        lst = self.phrases.setdefault(key, [])
        if entry not in lst:
            lst.append(entry)
        words = key.split()
        self.first_words.add(words[0])
        self.max_words = max(self.max_words, len(words))

    def _add_term_row(self, row: dict, phrase: bool = True) -> Person:
        names = [row["name"]] + [a for a in (row.get("aliases") or "").split("|") if a]
        pid = None
        for n in names:
            pid = self._alias_pid.get(norm(n))
            if pid:
                break
        if pid is None:
            pid = norm(row["name"])
            self.persons[pid] = Person(pid, row["name"], wikidata=row.get("wikidata") or "")
        p = self.persons[pid]
        if row.get("wikidata") and not p.wikidata:
            p.wikidata = row["wikidata"]
        for n in names:
            k = norm(n)
            if k not in self._alias_pid:
                self._alias_pid[k] = pid
            p.aliases.add(n)
            self._add_phrase(n, Entry("person", pid, "full", n))
            sn = surname(k)
            if sn and len(k.split()) > 1:
                self._surnames.setdefault(sn, set()).add(pid)
        t = Term(pid, row["country"], row["role"], row.get("title") or "", row.get("sector") or "GOV",
                 _day(row.get("start", "")), _day(row.get("end", ""), end=True), row.get("source") or "")
        p.terms.append(t)
        self._office.setdefault((t.country, t.role), []).append(t)
        return p

    def add_learned(self, rows: Iterable[dict], min_articles: int = 2) -> int:
        """Merge offices learned from the news (store.learned.list_learned rows) as dated terms.

        A learned holder of an office the KB already fills on that date must have been stated by at
        least `min_articles` articles (one misread title does not replace a president)."""
        n = 0
        for r in rows:
            first = str(r.get("first_seen") or "")[:10]
            if first and self.holders(r["country"], r["role"], first) and \
                    int(r.get("articles") or 1) < min_articles:
                continue
            row = {"name": r["name"], "aliases": "", "country": r["country"], "role": r["role"],
                   "title": r.get("title") or "", "sector": r.get("sector") or "GOV",
                   "start": str(r.get("first_seen") or "")[:10], "end": "", "wikidata": r.get("wikidata") or "",
                   "source": "learned"}
            if self.active_term_for(row["name"], row["country"], row["role"]):
                continue
            self._add_term_row(row)
            n += 1
        for terms in self._office.values():
            terms.sort(key=lambda t: t.start, reverse=True)
        self.learned_terms += n
        self._prefix_index = None
        return n

    def active_term_for(self, name: str, country: str, role: str) -> bool:
        pid = self._alias_pid.get(norm(name))
        return bool(pid) and any(t.country == country and t.role == role and not t.end
                                 for t in self.persons[pid].terms)

    # ------------------------------------------------------------------ lookups
    def lookup(self, text: str) -> list[Entry]:
        return self.phrases.get(strip_the(norm(text)), [])

    def person_by_name(self, name: str) -> Optional[Person]:
        pid = self._alias_pid.get(norm(name))
        return self.persons.get(pid) if pid else None

    def persons_by_surname(self, name: str) -> list[Person]:
        return [self.persons[p] for p in sorted(self._surnames.get(surname(norm(name)), ()))]

    def by_name_prefix(self, name: str, date: str) -> list[Person]:
        """Office holders on a date whose full name starts with these words
        ("Mohammed bin Salman" -> "Mohammed bin Salman Al Saud")."""
        key = norm(name)
        if len(key.split()) < 2:
            return []
        out = []
        for pid in self._prefixes().get(key, ()):
            if self.active_term(pid, date) is not None and self.persons[pid] not in out:
                out.append(self.persons[pid])
        return out

    def by_first_name(self, name: str, date: str, role: str, country: Optional[str] = None) -> list[Person]:
        """Holders of an office on a date known by their first name(s) ("King Salman", "Emir Tamim")."""
        key = norm(name)
        out = []
        for (c, r), terms in self._office.items():
            if r != role or (country and c != country):
                continue
            for t in terms:
                p = self.persons[t.pid]
                if t.active(date) and p not in out and any(norm(a).startswith(key + " ") for a in p.aliases):
                    out.append(p)
        return out

    def _prefixes(self) -> dict[str, set]:
        if getattr(self, "_prefix_index", None) is None:
            idx: dict[str, set] = {}
            for pid, p in self.persons.items():
                if all(t.source == "phoenix" for t in p.terms):
                    continue
                for a in p.aliases:
                    w = norm(a).split()
                    for k in range(2, len(w)):
                        idx.setdefault(" ".join(w[:k]), set()).add(pid)
            self._prefix_index = idx
        return self._prefix_index

    def active_by_surname(self, name: str, date: str) -> list[Person]:
        """Current (non-Phoenix) office holders with this surname on a date."""
        out = []
        for p in self.persons_by_surname(name):
            t = self.active_term(p.pid, date)
            if t is not None and t.source != "phoenix":
                out.append(p)
        return out

    def active_term(self, pid: str, date: str, country: Optional[str] = None) -> Optional[Term]:
        p = self.persons.get(pid)
        if not p:
            return None
        terms = [t for t in p.terms if t.active(date) and (country is None or t.country == country)]
        if not terms:
            return None
        rank = {"head of state": 0, "head of government": 1, "foreign minister": 2}
        # ex officio offices (France's president as co-prince of Andorra) never beat the primary one
        terms.sort(key=lambda t: (t.source == "phoenix", "exofficio" in t.source, rank.get(t.role, 5),
                                  "curated" not in t.source, t.start))
        return terms[0]

    def holds_office_in(self, pid: str, country: str) -> bool:
        """Has this person ever held (or will hold) a term in that country?"""
        p = self.persons.get(pid)
        return bool(p) and any(t.country == country for t in p.terms)

    def last_term(self, pid: str, country: Optional[str] = None) -> Optional[Term]:
        p = self.persons.get(pid)
        terms = [t for t in (p.terms if p else []) if country is None or t.country == country]
        return max(terms, key=lambda t: ("exofficio" not in t.source, t.end or "9999", t.start)) if terms else None

    def holders(self, country: str, role: str, date: str) -> list[Person]:
        out = []
        for t in self._office.get((country, role), []):
            if t.active(date) and self.persons[t.pid] not in out:
                out.append(self.persons[t.pid])
        return out

    def holder(self, country: str, role: str, date: str) -> Optional[Person]:
        h = self.holders(country, role, date)
        return h[0] if h else None

    def country_name(self, code: str) -> str:
        c = self.countries.get(code)
        if c:
            return c["name"]
        o = self.orgs.get(code)
        return o["name"] if o else code

    def un_members(self) -> list[str]:
        return sorted(c for c, v in self.countries.items() if v.get("un"))

    def coverage(self, date: str) -> dict:
        """How many UN members have a current head of state, head of government, foreign minister."""
        members = self.un_members()
        out = {"un_members": len(members), "date": date}
        missing: dict[str, list[str]] = {}
        sources: dict[str, dict[str, int]] = {}
        for role in ROLES_CORE:
            have = [c for c in members if self.holders(c, role, date)]
            out[role] = len(have)
            missing[role] = [c for c in members if c not in have]
            by_src: dict[str, int] = {}
            for c in have:
                t = next(t for t in self._office[(c, role)] if t.active(date))
                src = "curated" if "curated" in t.source else t.source.split("+")[0]
                by_src[src] = by_src.get(src, 0) + 1
            sources[role] = by_src
        out["missing"] = missing
        out["sources"] = sources
        return out


__all__ = ["KnowledgeBase", "Entry", "Term", "Person", "norm"]
