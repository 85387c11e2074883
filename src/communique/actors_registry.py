"""The per-document actor registry: actor keys, their attributes and their mentions."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from .actors_scan import place_country_at
from .actors_titles import GOV_NOUNS
from .kb.names import norm
from .model import Actor, Mention

SECTOR_NAMES = {"GOV": "government", "MIL": "military", "BUS": "business", "CVL": "civilians", "COP": "police",
                "LEG": "legislature", "OPP": "opposition", "MED": "media", "EDU": "education", "REB": "rebels",
                "AGR": "agriculture", "REF": "refugees", "LAB": "labour", "JUD": "judiciary", "ELI": "elites",
                "SPY": "intelligence", "INS": "insurgents", "CRM": "criminals"}


# Roles whose CAMEO code carries a secondary role after GOV.
SECONDARY_ROLE = {"defence minister": "MIL", "interior minister": "COP", "finance minister": "BUS",
                  "trade minister": "BUS"}


@dataclass
class PersonInfo:
    key: str
    name: str
    tokens: set
    country: Optional[str]
    role: Optional[str]
    title: Optional[str]
    sector: Optional[str]
    wikidata: Optional[str]
    first_tok: int
    mentions_at: list = field(default_factory=list)


class Registry:
    def __init__(self, doc, kb, date: str, sent_dates: dict):
        self.doc, self.kb, self.date, self.sent_dates = doc, kb, date, sent_dates
        self.actors: dict[str, Actor] = {}
        self.mentions: list[Mention] = []
        self.taken = bytearray(len(doc))
        self.people: dict[str, PersonInfo] = {}
        self.country_counts: dict[str, int] = {}
        self.text = doc._.source_text or doc.text
        self.date_known = True

    # -------------------------------------------------------------- dates
    def date_at(self, tok: int) -> str:
        try:
            return self.sent_dates.get(self.doc[tok].sent.start, self.date)
        except ValueError:
            return self.date

    # -------------------------------------------------------------- mentions
    def covered(self, s: int, e: int) -> bool:
        return any(self.taken[s:e])

    def mention(self, s: int, e: int, key: str, how: str, confidence: float = 1.0) -> None:
        if s >= e or self.covered(s, e):
            return
        doc = self.doc
        for i in range(s, e):
            self.taken[i] = 1
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        text = self.text[start:end]
        self.mentions.append(Mention(start, end, key, s, e, text, how, confidence))
        a = self.actors[key]
        self.actors[key] = replace(a, mentions=a.mentions + ((start, end),))
        if key in self.people:
            self.people[key].mentions_at.append(s)
        if a.country in self.kb.countries and a.kind != "group":
            self.country_counts[a.country] = self.country_counts.get(a.country, 0) + 1

    # -------------------------------------------------------------- actors
    def _cameo(self, country: Optional[str], sector: Optional[str]) -> Optional[str]:
        if not country:
            return None
        org = self.kb.orgs.get(country)
        if org:
            return org["cameo"]
        return country + (sector or "")

    def country(self, code: str, sector: Optional[str] = None) -> str:
        key = f"country:{code}" + (f":{sector}" if sector else "")
        if key not in self.actors:
            name = self.kb.country_name(code)
            if sector:
                name = f"{name} ({SECTOR_NAMES.get(sector, sector)})"
            c = self.kb.countries.get(code, {})
            self.actors[key] = Actor(id=key, name=name, kind="country", country=code, sector=sector,
                                     cameo=self._cameo(code, sector), wikidata=c.get("wikidata"))
        return key

    def org(self, code: str) -> str:
        key = f"org:{code}"
        if key not in self.actors:
            o = self.kb.orgs[code]
            # a non-state actor with a home country (Taliban: AFG INS), or an institution acting for its
            # union (European Commission: country EU, name and CAMEO IGOEUREEC kept; kb_curated/orgs.tsv acts_for)
            if o.get("country"):
                self.actors[key] = Actor(id=key, name=o["name"], kind="organization", country=o["country"],
                                         sector=o.get("sector"), cameo=o["cameo"])
            else:
                self.actors[key] = Actor(id=key, name=o["name"], kind="organization", country=code,
                                         sector=None, cameo=o["cameo"])
        return key

    def group(self, code: str, sector: str, name: str) -> str:
        key = f"group:{code}:{sector}"
        if key not in self.actors:
            self.actors[key] = Actor(id=key, name=name, kind="group", country=code, sector=sector,
                                     cameo=self._cameo(code, sector))
        return key

    def seed_counts(self, hits) -> None:
        """Countries named in the article (before resolution), for "the two sides"."""
        self.named_at: list[tuple[int, str]] = []
        self.states_at: list[tuple[int, int, str]] = []     # (start, end, country) incl. capitals and seats
        for h in hits:
            e = h.first("country", {"name", "adj"})
            if e is not None:
                self.named_at.append((h.start, e.id))
            e = e or h.first("country", {"capital", "seat"})
            if e is not None:
                self.states_at.append((h.start, h.end, e.id))

    def pair_of_people(self, tok: int) -> Optional[str]:
        """'the two leaders': the countries of the last two people named before tok."""
        last = sorted(((max(m for m in p.mentions_at if m < tok), p.country) for p in self.people.values()
                       if p.country and any(m < tok for m in p.mentions_at)), reverse=True)
        codes = []
        for _, c in last:
            if c not in codes:
                codes.append(c)
            if len(codes) == 2:
                break
        return self._pair_key(codes) if len(codes) == 2 else None

    def _pair_key(self, codes) -> str:
        codes = sorted(codes)
        key = "group:" + "+".join(codes)
        if key not in self.actors:
            self.actors[key] = Actor(id=key, name=" and ".join(self.kb.country_name(c) for c in codes),
                                     kind="group", country=None, sector="GOV")
        return key

    def pair(self, tok: Optional[int] = None) -> Optional[str]:
        """'the two sides': the two countries the article has named so far (people included);
        failing that, the two named most in the whole article (the second at least twice)."""
        def counts(before):
            out: dict[str, int] = {}
            for at, c in getattr(self, "named_at", []):
                if before is None or at < before:
                    out[c] = out.get(c, 0) + 1
            for p in self.people.values():
                if p.country in self.kb.countries:
                    n = sum(1 for m in p.mentions_at if before is None or m < before)
                    if n:
                        out[p.country] = out.get(p.country, 0) + n
            return sorted(out.items(), key=lambda kv: -kv[1])
        if tok is not None:
            top = counts(tok)
            if len(top) >= 2 and (len(top) == 2 or top[1][1] > top[2][1]):
                return self._pair_key([top[0][0], top[1][0]])
        top = counts(None)
        if len(top) < 2 or top[1][1] < 2:
            return None         # no second party named more than in passing
        return self._pair_key([top[0][0], top[1][0]])

    def person(self, name: str, tok: int, country: Optional[str], role: Optional[str], title: Optional[str],
               sector: Optional[str], wikidata: Optional[str] = None, pid: Optional[str] = None) -> str:
        key = "person:" + (pid or norm(name))
        org = self.kb.orgs.get(country) if country else None
        if org and org.get("country"):      # a commander of a non-state group: its home country
            country, sector = org["country"], org.get("sector") or sector
        info = self.people.get(key)
        if info is None:
            info = PersonInfo(key, name, set(norm(name).split()), country, role, title, sector, wikidata, tok)
            self.people[key] = info
        else:
            if len(name) > len(info.name) and not pid:
                info.name = name
            info.tokens |= set(norm(name).split())
            info.country = info.country or country
            info.role = info.role or role
            info.title = info.title or title
            info.sector = info.sector or sector
        cameo = self._cameo(info.country, info.sector or "GOV" if info.role else info.sector)
        if cameo and info.role in SECONDARY_ROLE and info.country in self.kb.countries:
            cameo += SECONDARY_ROLE[info.role]          # a defence minister: OMNGOVMIL
        self.actors[key] = Actor(id=key, name=info.name, kind="person", country=info.country,
                                 sector=info.sector or ("GOV" if info.role else None), role=info.role,
                                 title=info.title, cameo=cameo,
                                 wikidata=info.wikidata or None,
                                 mentions=self.actors[key].mentions if key in self.actors else ())
        return key

    def enrich_person(self, key: str, country, role, title, sector) -> None:
        """Fill what a person lacks from a nominal in apposition ("Bulgaria's foreign minister, X")."""
        info = self.people.get(key)
        if info is None:
            return
        info.country = info.country or country
        info.role = info.role or role
        info.title = info.title or title
        info.sector = info.sector or sector
        a = self.actors[key]
        self.actors[key] = replace(a, country=info.country, role=info.role, title=info.title,
                                   sector=info.sector, cameo=self._cameo(info.country, info.sector))

    def set_role(self, key: str, role: Optional[str], title: Optional[str]) -> None:
        info = self.people.get(key)
        if info is None:
            return
        info.role, info.title = role, title
        self.actors[key] = replace(self.actors[key], role=role, title=title)

    def set_display_name(self, key: str, name: str) -> None:
        if key in self.people and len(name) >= len(self.people[key].name):
            self.people[key].name = name
            self.actors[key] = replace(self.actors[key], name=name)

    # -------------------------------------------------------------- groups and sides
    def try_group(self, hit, tn) -> bool:
        """Country word + government noun (side, authorities) or + sector noun (businessmen, troops)."""
        doc, kb = self.doc, self.kb
        c = hit.first("country", {"adj", "name"})
        if c is None:
            return False
        e = hit.end
        if e < len(doc) and doc[e].text in ("’s", "'s"):
            e += 1
        # skip up to two modifiers: "Kazakh business community", "Omani state-owned companies"
        mod_sector, last_noun = None, None
        for j in range(e, min(len(doc), e + 3)):
            for n in (3, 2, 1):
                words = [w for w in tn[j:j + n] if w]
                if not words or j + n > len(doc):
                    continue
                phrase = " ".join(words)
                lemma = " ".join(t.lemma_.lower() for t in doc[j:j + n])
                if phrase in GOV_NOUNS or lemma in GOV_NOUNS:
                    self.mention(hit.start, j + n, self.country(c.id, "GOV"), "country-gov-noun")
                    return True
                sector = kb.agents.get(phrase) or kb.agents.get(lemma)
                if sector and n == 1 and doc[j].pos_ == "ADJ":
                    mod_sector = mod_sector or sector       # "Israeli military jets"
                    continue
                if sector and doc[j + n - 1].pos_ in ("NOUN", "PROPN"):
                    sec = sector[:3]
                    if sec == "GOV":
                        self.mention(hit.start, j + n, self.country(c.id, "GOV"), "country-agent")
                    else:
                        self.mention(hit.start, j + n, self.group(c.id, sec, doc[hit.start:j + n].text),
                                     "agent")
                    return True
            if doc[j].pos_ == "NOUN":
                last_noun = j
            if (doc[j].pos_ not in ("ADJ", "NOUN") and not (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()
                                                            and j + 1 < len(doc) and doc[j + 1].text[:1].isupper())) \
                    or doc[j].is_punct:
                break           # modifiers may be capitalised inside a name ("Libyan National Army")
        if mod_sector and last_noun is not None:
            sec = mod_sector[:3]
            key = self.country(c.id, "GOV") if sec == "GOV" else self.group(c.id, sec,
                                                                             doc[hit.start:last_noun + 1].text)
            self.mention(hit.start, last_noun + 1, key, "agent-modifier")
            return True
        return False

    def agents_in_places(self, hits, tn) -> None:
        """Generic agents located by a place: 'protesters in Athens', 'farmers from Kazakhstan'."""
        doc, kb = self.doc, self.kb
        by_start = {h.start: h for h in hits}
        for i, w in enumerate(tn):
            if self.taken[i] or i + 2 >= len(tn) or tn[i + 1] not in ("in", "from", "of"):
                continue
            t = doc[i]
            # plural agents ("protesters in Athens", "people in Kabul"), or a singular one located by
            # "in/from" ("a court in Istanbul")
            if t.pos_ != "NOUN" or (t.tag_ != "NNS" or not (w.endswith("s") or w in ("people", "police"))) \
                    and (t.tag_ != "NN" or tn[i + 1] == "of"):
                continue
            sector = kb.agents.get(tn[i]) or kb.agents.get(t.lemma_.lower())
            if not sector:
                continue
            j = i + 1
            if j < len(doc) and tn[j] in ("in", "from", "of") and j + 1 < len(doc):
                h = by_start.get(j + 1) or (by_start.get(j + 2) if tn[j + 1] == "the" else None)
                c = h.first("country") if h is not None else None
                if c is not None:
                    code, end = c.id, h.end
                else:                       # a city or region of the gazetteer: "protesters in Mosul"
                    found = place_country_at(doc, j + 1)
                    if found is None:
                        continue
                    end, code = found
                sec = sector[:3]
                key = self.country(code, "GOV") if sec == "GOV" else self.group(code, sec, doc[i:end].text)
                self.mention(i, end, key, "agent-place")

    # -------------------------------------------------------------- result
    def result(self):
        ms = sorted(self.mentions, key=lambda m: (m.start, m.end))
        used = {m.key for m in ms}
        return ms, {k: a for k, a in self.actors.items() if k in used}
