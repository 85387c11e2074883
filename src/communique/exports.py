"""Exports of coded articles: PLOVER JSONL records, GDELT 2.0 event rows, flat CSV rows.

Pure functions over `model.CodedArticle` (no file IO); the store/CLI layers write the files.

PLOVER records use the field names of the PLOVER manual's "Data Fields" chapter: ``id``, ``date``
(YYYY-MM-DD; a month- or year-precise date gives ``date`` = first day and ``enddate`` = last day),
``actor``/``recipient`` (lists of entity objects: code, sector, entity_text, identifier_id,
identifier_text, office), ``event``, ``mode``, ``context`` (lists), ``event_loc`` (location object:
extracted_place, resolved_place, lat, lon, country_code, resolution), ``event_text``, ``quad_code``,
``event_scale`` (PLOVER score), ``text_info`` (start, end), ``cite_info`` (url, title, publication,
language, coder, codebook), ``coder``.  communique adds: ``source_url``, ``start``, ``end`` (evidence
offsets into the article text), ``article_id``, ``event_id``, ``when`` (modality), ``confidence``,
``cameo`` (code, root, goldstein, quad_class), ``sectors``.

GDELT rows have the 61 columns of the GDELT 2.0 event table (`GDELT_COLUMNS`) followed by
`GDELT_EXTRA_COLUMNS`.  Deviations from GDELT, by necessity:

- ``GLOBALEVENTID``: a stable 60-bit integer hashed from the article id and event id;
- ``SQLDATE`` etc.: the event's date when it is day-precise, else the published date (the event's own
  date, at its precision, is in the extra column ``EventDate``);
- ``*Geo_CountryCode``: ISO 3166-1 alpha-3 (GDELT uses FIPS 10-4); ``*Geo_FeatureID`` empty;
- ``AvgTone`` empty (not computed); ``NumMentions``/``NumSources``/``NumArticles`` = 1 per article;
- ``IsRootEvent``: 1 when the evidence lies in the article's first paragraph;
- ``DATEADDED``: the ``date_added`` argument (YYYYMMDDHHMMSS), default the published date at 000000.

Integer columns (GLOBALEVENTID, SQLDATE, MonthYear, Year, DATEADDED, ...) are Python ints, as in
GDELT's own tables; unknown values are empty strings.

Extra columns (`GDELT_EXTRA_COLUMNS`):

=================  ==========================================================================
column             content
=================  ==========================================================================
ArticleID          sha256 of the article text (contract ``article.id``)
EventID            the event id inside the article (``E1``...)
EvidenceStart      character offset where the evidence sentence starts (article text)
EvidenceEnd        end offset (exclusive) of the evidence sentence
EvidenceText       the evidence sentence
EventDate          the event date at its own precision: YYYY-MM-DD | YYYY-MM | YYYY | empty
Modality           reported | past | future | hypothetical | negated
PloverType         PLOVER event type
PloverMode         PLOVER mode (may be empty)
PloverContexts     PLOVER contexts, ';'-separated
Confidence         the coder's confidence, 0..1
Sectors            sectors of the event, ';'-separated
QuoteID            id of the quote the event was read from (``Q1``...) or empty
Trigger            the word(s) that triggered the event
=================  ==========================================================================
"""
from __future__ import annotations

import calendar
import hashlib
from typing import Any, Iterable, Optional

from .model import Actor, ActorRef, CodedArticle, Event

CODER = "communique"
CODEBOOK = "PLOVER draft 0.8 / CAMEO 1.1b3 (communique mapping)"

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
GDELT_EXTRA_COLUMNS: tuple[str, ...] = (
    "ArticleID", "EventID", "EvidenceStart", "EvidenceEnd", "EvidenceText", "EventDate", "Modality",
    "PloverType", "PloverMode", "PloverContexts", "Confidence", "Sectors", "QuoteID", "Trigger",
)

CSV_COLUMNS: tuple[str, ...] = (
    "article_id", "url", "outlet", "published", "id", "source_actor", "source_name", "source_country",
    "source_cameo", "target_actor", "target_name", "target_country", "target_cameo", "plover_type",
    "plover_mode", "plover_contexts", "cameo_code", "cameo_root", "cameo_goldstein", "cameo_quad_class",
    "modality", "date", "location_name", "location_country", "location_lat", "location_lon", "sectors",
    "confidence", "evidence_start", "evidence_end", "evidence_text", "trigger", "quote",
)

_IGO_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


# ------------------------------------------------------------------------------------- helpers
def _events(coded: CodedArticle, when: Optional[Iterable[str]]) -> list[Event]:
    keep = set(when) if when is not None else None
    return [e for e in coded.events if keep is None or e.when in keep]


def _actors(coded: CodedArticle) -> dict[str, Actor]:
    return {a.id: a for a in coded.actors}


def date_range(date: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """("2004") -> ("2004-01-01", "2004-12-31"); ("2025-03") -> ("2025-03-01", "2025-03-31");
    a full date -> (date, None)."""
    if not date:
        return None, None
    if len(date) == 10:
        return date, None
    if len(date) == 7:
        y, m = int(date[:4]), int(date[5:7])
        return f"{date}-01", f"{date}-{calendar.monthrange(y, m)[1]:02d}"
    if len(date) == 4 and date.isdigit():
        return f"{date}-01-01", f"{date}-12-31"
    return None, None


def _event_id(coded: CodedArticle, e: Event) -> str:
    return f"{coded.article.id[:16]}-{e.id}"


def _global_id(coded: CodedArticle, e: Event) -> int:
    return int(hashlib.sha256(f"{coded.article.id}:{e.id}".encode()).hexdigest()[:15], 16)


def _entity(ref: ActorRef, actors: dict[str, Actor]) -> Optional[dict[str, Any]]:
    if ref.actor is None and ref.country is None and ref.cameo is None:
        return None
    a = actors.get(ref.actor) if ref.actor else None
    ent: dict[str, Any] = {"code": ref.country or (a.country if a else None)}
    sector = a.sector if a else None
    if sector is None and ref.cameo and ref.country and ref.cameo.startswith(ref.country):
        sector = ref.cameo[len(ref.country):] or None
    if sector:
        ent["sector"] = sector
    name = ref.name or (a.name if a else None)
    if name:
        ent["entity_text"] = name
    if a is not None and a.wikidata:
        ent["identifier_id"] = a.wikidata
        ent["identifier_text"] = a.name
    if a is not None and a.role:
        ent["office"] = a.role
    if ref.cameo:
        ent["cameo"] = ref.cameo
    if ref.actor:
        ent["actor_id"] = ref.actor
    return ent


_RESOLUTION = {"venue": 5, "capital": 4, "seat": 4, "city": 4, "region": 2, "country": 1}


def _resolution(loc) -> int:
    """PLOVER/Mordecai location resolution: 5 sub-city, 4 city, 2 province/region, 1 country."""
    from .gazetteer import lookup
    p = lookup(loc.name, loc.country) if loc.name else None
    if p is not None:
        return _RESOLUTION.get(p.kind, 4)
    return 4 if loc.lat is not None else 1


def _country_name(iso3: Optional[str]) -> Optional[str]:
    from .gazetteer import country_name
    return country_name(iso3) if iso3 else None


# ---------------------------------------------------------------------------------------- PLOVER
def plover_records(coded: CodedArticle, when: Optional[Iterable[str]] = None) -> list[dict]:
    """One PLOVER record (dict, ready for JSONL) per event of the article."""
    from .codebook import plover_score
    actors = _actors(coded)
    art = coded.article
    out = []
    for e in _events(coded, when):
        start, end = date_range(e.date or art.published)
        rec: dict[str, Any] = {"id": _event_id(coded, e), "date": start}
        if end:
            rec["enddate"] = end
        actor = _entity(e.source, actors)
        rec["actor"] = [actor] if actor else []
        recipient = _entity(e.target, actors)
        if recipient:
            rec["recipient"] = [recipient]
        rec["event"] = [e.plover.type]
        if e.plover.mode:
            rec["mode"] = [e.plover.mode]
        if e.plover.contexts:
            rec["context"] = list(e.plover.contexts)
        loc = e.location
        if loc.name or loc.country:
            rec["event_loc"] = {
                "extracted_place": loc.name,
                "resolved_place": loc.name,
                "lat": loc.lat, "lon": loc.lon,
                "country_code": loc.country,
                "resolution": _resolution(loc),
            }
        rec["event_text"] = [e.evidence.text]
        rec["quad_code"] = e.cameo.quad_class
        try:
            rec["event_scale"] = plover_score(e.plover.type, e.plover.mode)
        except KeyError:
            rec["event_scale"] = None
        rec["text_info"] = {"start": e.evidence.start, "end": e.evidence.end}
        rec["cite_info"] = {k: v for k, v in {
            "url": art.url, "title": art.title, "publication": art.outlet, "language": art.language,
            "coder": CODER, "codebook": CODEBOOK}.items() if v is not None}
        rec["coder"] = CODER
        # communique extras
        rec.update({
            "source_url": art.url, "start": e.evidence.start, "end": e.evidence.end,
            "article_id": art.id, "event_id": e.id, "when": e.when, "date_text": e.date,
            "confidence": e.confidence,
            "cameo": {"code": e.cameo.code, "root": e.cameo.root, "goldstein": e.cameo.goldstein,
                      "quad_class": e.cameo.quad_class},
            "sectors": list(e.sectors),
        })
        if e.trigger:
            rec["trigger"] = e.trigger
        if e.quote:
            rec["quote"] = e.quote
        out.append(rec)
    return out


# ----------------------------------------------------------------------------------------- GDELT
def _first_paragraph_end(text: Optional[str]) -> Optional[int]:
    if not text:
        return None
    body = text.lstrip()
    skip = len(text) - len(body)
    i = body.find("\n\n")
    if i < 0:
        i = body.find("\n")
    return skip + i if i >= 0 else len(text)


def _fraction(y: int, m: int, d: int) -> float:
    return round(y + (m * 30 + d) / 365.0, 4)


def _geo_type(loc) -> int:
    if loc.name is None and loc.country is None:
        return 0
    if loc.lat is None:
        return 1  # country
    return 3 if loc.country == "USA" else 4  # US city / world city


def _actor_cols(ref: ActorRef, actors: dict[str, Actor]) -> list[Any]:
    a = actors.get(ref.actor) if ref.actor else None
    code = ref.cameo or (a.cameo if a else None) or ref.country or ""
    name = ref.name or (a.name if a else None) or ""
    country = ref.country or (a.country if a else None) or ""
    known = ""
    if code[:3] in _IGO_PREFIXES:
        known = code[3:6]  # IGOUNO -> UNO, GDELT's known-group column
    sector = (a.sector if a else None) or ""
    if not sector and code and country and code.startswith(country):
        sector = code[len(country):len(country) + 3]
    return [code, name.upper(), country if len(country) == 3 else "", known, "", "", "", sector, "", ""]


def gdelt_rows(coded: CodedArticle, when: Optional[Iterable[str]] = None,
               date_added: Optional[str] = None) -> list[list]:
    """GDELT 2.0 event rows (61 columns + `GDELT_EXTRA_COLUMNS`), one per event."""
    actors = _actors(coded)
    art = coded.article
    para_end = _first_paragraph_end(coded.text)
    pub = art.published or ""
    added: Any = date_added or (pub.replace("-", "") + "000000" if pub else "")
    added = int(added) if str(added).isdigit() else added
    rows = []
    for e in _events(coded, when):
        day = e.date if e.date and len(e.date) == 10 else (pub or None)
        if day:
            y, m, d = int(day[:4]), int(day[5:7]), int(day[8:10])
            date_cols = [y * 10000 + m * 100 + d, y * 100 + m, y, _fraction(y, m, d)]
        else:
            date_cols = ["", "", "", ""]
        code = e.cameo.code
        loc = e.location
        gt = _geo_type(loc)
        full = ""
        if gt:
            cname = _country_name(loc.country)
            full = loc.name if gt == 1 else ", ".join(x for x in (loc.name, cname) if x)
        row: list[Any] = [_global_id(coded, e), *date_cols]
        row += _actor_cols(e.source, actors)
        row += _actor_cols(e.target, actors)
        row += [1 if (para_end is not None and e.evidence.start < para_end) else 0,
                code, code[:3], e.cameo.root, e.cameo.quad_class, e.cameo.goldstein, 1, 1, 1, ""]
        row += [0, "", "", "", "", "", "", ""]  # Actor1Geo: not coded
        row += [0, "", "", "", "", "", "", ""]  # Actor2Geo: not coded
        row += [gt, full or "", loc.country or "", "", "", "" if loc.lat is None else loc.lat,
                "" if loc.lon is None else loc.lon, ""]
        row += [added, art.url or ""]
        row += [art.id, e.id, e.evidence.start, e.evidence.end, e.evidence.text, e.date or "", e.when,
                e.plover.type, e.plover.mode or "", ";".join(e.plover.contexts), e.confidence,
                ";".join(e.sectors), e.quote or "", e.trigger or ""]
        rows.append(row)
    return rows


def to_tsv(rows: list[list], header: bool = False, extra: bool = True) -> str:
    """GDELT rows as TSV text (one line per event).  Tabs and line breaks inside cells become spaces;
    `extra=False` drops our extra columns (pure GDELT 2.0 layout); `header` adds the column names
    (GDELT's own files have none)."""
    n = len(GDELT_COLUMNS) + (len(GDELT_EXTRA_COLUMNS) if extra else 0)

    def cell(v: Any) -> str:
        return "" if v is None else " ".join(str(v).split()) if isinstance(v, str) else str(v)

    lines = ["\t".join((GDELT_COLUMNS + GDELT_EXTRA_COLUMNS)[:n])] if header else []
    lines += ["\t".join(cell(v) for v in row[:n]) for row in rows]
    return "\n".join(lines) + ("\n" if lines else "")


# ------------------------------------------------------------------------------------------- CSV
def csv_rows(coded: CodedArticle, when: Optional[Iterable[str]] = None) -> list[dict]:
    """Flat event rows (dicts keyed by `CSV_COLUMNS`) for CSV or Parquet; lists are ';'-joined."""
    art = coded.article
    out = []
    for e in _events(coded, when):
        out.append({
            "article_id": art.id, "url": art.url, "outlet": art.outlet, "published": art.published,
            "id": e.id,
            "source_actor": e.source.actor, "source_name": e.source.name,
            "source_country": e.source.country, "source_cameo": e.source.cameo,
            "target_actor": e.target.actor, "target_name": e.target.name,
            "target_country": e.target.country, "target_cameo": e.target.cameo,
            "plover_type": e.plover.type, "plover_mode": e.plover.mode,
            "plover_contexts": ";".join(e.plover.contexts),
            "cameo_code": e.cameo.code, "cameo_root": e.cameo.root, "cameo_goldstein": e.cameo.goldstein,
            "cameo_quad_class": e.cameo.quad_class, "modality": e.when, "date": e.date,
            "location_name": e.location.name, "location_country": e.location.country,
            "location_lat": e.location.lat, "location_lon": e.location.lon,
            "sectors": ";".join(e.sectors), "confidence": e.confidence,
            "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
            "evidence_text": e.evidence.text, "trigger": e.trigger, "quote": e.quote,
        })
    return out


__all__ = ["plover_records", "gdelt_rows", "to_tsv", "csv_rows", "GDELT_COLUMNS", "GDELT_EXTRA_COLUMNS",
           "CSV_COLUMNS", "date_range"]
