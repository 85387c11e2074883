"""PLOVER JSONL, GDELT 2.0 rows and CSV rows from a hand-built coded article."""
from __future__ import annotations

import json

import pytest

from communique import codebook
from communique.exports import (CSV_COLUMNS, GDELT_COLUMNS, GDELT_EXTRA_COLUMNS, csv_rows, date_range,
                                gdelt_rows, plover_records, to_tsv)
from communique.model import (Actor, ActorRef, ArticleMeta, CodedArticle, Dateline, Event, Evidence,
                              Location, Plover)

TEXT = ("VIENNA, May 4 (Wire) - The foreign minister of Ruritania met his Freedonian counterpart "
        "at the Hofburg on Monday.\n\nThe two ministers signed a memorandum on energy cooperation.\n\n"
        "The previous such meeting took place in 2011.")


def _event(eid, src, tgt, ptype, mode, code, when, date, loc, start, end, **kw):
    return Event(id=eid, source=src, target=tgt, plover=Plover(ptype, mode, ("diplomatic",)),
                 cameo=codebook.cameo(code), when=when, date=date, location=loc,
                 sectors=kw.get("sectors", ()), confidence=kw.get("confidence", 0.8),
                 evidence=Evidence(start, end, TEXT[start:end]), trigger=kw.get("trigger"), quote=kw.get("quote"))


@pytest.fixture()
def coded():
    a1 = Actor("A1", "Rudolf Rassendyll", "person", "RUR", "GOV", "foreign minister", "Minister", "RURGOV",
               "Q123", ((40, 70),))
    a2 = Actor("A2", "Freedonia", "country", "FRE", None, None, None, "FRE", None, ((75, 85),))
    a3 = Actor("A3", "United Nations", "organization", "UN", None, None, None, "IGOUNO", None, ())
    r1 = ActorRef("A1", "RUR", "RURGOV", "Rudolf Rassendyll")
    r2 = ActorRef("A2", "FRE", "FRE", "Freedonia")
    vienna = Location("Vienna", "AUT", 48.21, 16.37)
    s1, e1 = 0, TEXT.index("\n\n")
    s2 = e1 + 2
    e2 = TEXT.index("\n\n", s2)
    s3 = e2 + 2
    events = (
        _event("E1", r1, r2, "CONSULT", "third-party", "044", "reported", "2026-05-04", vienna, s1, e1,
               trigger="met"),
        _event("E2", r1, r2, "SUPPORT", None, "057", "reported", "2026-05-04", vienna, s2, e2,
               sectors=("energy",), trigger="signed"),
        _event("E3", r1, r2, "CONSULT", None, "040", "past", "2011", Location("Ruritania", "RUR"), s3,
               len(TEXT), confidence=0.6),
        _event("E4", ActorRef("A3", "UN", "IGOUNO", "United Nations"), ActorRef(), "REQUEST", None, "020",
               "negated", None, Location(), s3, len(TEXT), confidence=0.4),
    )
    meta = ArticleMeta(id="ab" * 32, url="https://example.org/a", title="T", outlet="Wire",
                       published="2026-05-05", dateline=Dateline("Vienna", "AUT"))
    return CodedArticle(meta, (a1, a2, a3), events, (), ("energy",), ("diplomatic", "economic"), TEXT)


def test_gdelt_has_61_columns_in_order():
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[0] == "GLOBALEVENTID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    assert GDELT_COLUMNS[26:31] == ("EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale")
    assert GDELT_COLUMNS.index("ActionGeo_Lat") == 56 and GDELT_COLUMNS.index("DATEADDED") == 59
    assert len(set(GDELT_COLUMNS + GDELT_EXTRA_COLUMNS)) == 61 + len(GDELT_EXTRA_COLUMNS)


def test_gdelt_rows(coded):
    rows = gdelt_rows(coded)
    assert len(rows) == 4
    cols = GDELT_COLUMNS + GDELT_EXTRA_COLUMNS
    r = [dict(zip(cols, row)) for row in rows]
    assert all(len(row) == len(cols) for row in rows)
    assert r[0]["SQLDATE"] == 20260504 and r[0]["MonthYear"] == 202605 and r[0]["Year"] == 2026
    assert r[0]["Actor1Code"] == "RURGOV" and r[0]["Actor1Name"] == "RUDOLF RASSENDYLL"
    assert r[0]["Actor1CountryCode"] == "RUR" and r[0]["Actor1Type1Code"] == "GOV"
    assert r[0]["Actor2Code"] == "FRE"
    assert (r[0]["EventCode"], r[0]["EventBaseCode"], r[0]["EventRootCode"]) == ("044", "044", "04")
    assert r[0]["QuadClass"] == 1 and r[0]["GoldsteinScale"] == 2.5
    assert r[0]["IsRootEvent"] == 1 and r[1]["IsRootEvent"] == 0
    assert r[0]["ActionGeo_Type"] == 4 and r[0]["ActionGeo_FullName"] == "Vienna, Austria"
    assert (r[0]["ActionGeo_Lat"], r[0]["ActionGeo_Long"]) == (48.21, 16.37)
    assert r[0]["SOURCEURL"] == "https://example.org/a" and r[0]["DATEADDED"] == 20260505000000
    assert (r[0]["EvidenceStart"], r[0]["EvidenceEnd"]) == (0, TEXT.index("\n\n"))
    assert r[0]["ArticleID"] == "ab" * 32 and r[0]["EventID"] == "E1" and r[0]["PloverMode"] == "third-party"
    # a year-precise past event: GDELT day columns from the published date, our date kept as is
    assert r[2]["SQLDATE"] == 20260505 and r[2]["EventDate"] == "2011" and r[2]["Modality"] == "past"
    assert r[2]["ActionGeo_Type"] == 1 and r[2]["ActionGeo_Lat"] == ""  # country level: no coordinates
    # an IGO actor goes to the known-group column
    assert r[3]["Actor1Code"] == "IGOUNO" and r[3]["Actor1KnownGroupCode"] == "UNO"
    assert r[3]["ActionGeo_Type"] == 0


def test_gdelt_ids_are_stable_and_distinct(coded):
    a = [row[0] for row in gdelt_rows(coded)]
    b = [row[0] for row in gdelt_rows(coded)]
    assert a == b and len(set(a)) == len(a) and all(isinstance(x, int) and 0 < x < 2 ** 63 for x in a)


def test_filter_by_modality(coded):
    assert [r[GDELT_COLUMNS.__len__() + 1] for r in gdelt_rows(coded, when=("reported",))] == ["E1", "E2"]
    assert [r["event_id"] for r in plover_records(coded, when=("past",))] == ["E3"]


def test_plover_records(coded):
    recs = plover_records(coded)
    assert len(recs) == 4
    json.dumps(recs)  # JSON-ready
    r = recs[0]
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text",
                "quad_code", "event_scale", "text_info", "cite_info", "coder"):
        assert key in r, key
    assert r["event"] == ["CONSULT"] and r["mode"] == ["third-party"] and r["context"] == ["diplomatic"]
    assert r["actor"][0]["code"] == "RUR" and r["actor"][0]["sector"] == "GOV"
    assert r["actor"][0]["identifier_id"] == "Q123" and r["actor"][0]["office"] == "foreign minister"
    assert r["recipient"][0]["code"] == "FRE"
    assert r["event_loc"]["resolved_place"] == "Vienna" and r["event_loc"]["country_code"] == "AUT"
    assert r["event_loc"]["resolution"] == 4 and recs[2]["event_loc"]["resolution"] == 1
    assert r["event_scale"] == codebook.plover_score("CONSULT", "third-party") == 1.0
    assert r["quad_code"] == 1 and r["date"] == "2026-05-04" and "enddate" not in r
    assert r["source_url"] == "https://example.org/a" and (r["start"], r["end"]) == (0, TEXT.index("\n\n"))
    assert r["text_info"] == {"start": r["start"], "end": r["end"]}
    assert r["cite_info"]["url"] == "https://example.org/a"
    # a year-precise date becomes a date range
    assert (recs[2]["date"], recs[2]["enddate"], recs[2]["when"]) == ("2011-01-01", "2011-12-31", "past")
    assert "mode" not in recs[2]
    # no recipient -> no recipient field; no date -> the published date
    assert "recipient" not in recs[3] and recs[3]["date"] == "2026-05-05"
    assert len({r["id"] for r in recs}) == 4


@pytest.mark.parametrize("date,expected", [
    ("2004", ("2004-01-01", "2004-12-31")), ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2025-02", ("2025-02-01", "2025-02-28")), ("2025-02-25", ("2025-02-25", None)), (None, (None, None)),
])
def test_date_range(date, expected):
    assert date_range(date) == expected


def test_csv_rows(coded):
    rows = csv_rows(coded)
    assert len(rows) == 4 and all(tuple(r) == CSV_COLUMNS for r in rows)
    assert rows[1]["sectors"] == "energy" and rows[1]["cameo_code"] == "057"
    assert rows[2]["modality"] == "past" and rows[2]["date"] == "2011"
    assert rows[0]["evidence_text"] == TEXT[:TEXT.index("\n\n")]


def test_empty_article():
    c = CodedArticle(ArticleMeta(id="0" * 64))
    assert plover_records(c) == [] and gdelt_rows(c) == [] and csv_rows(c) == []


@pytest.mark.parametrize("extra,ncols", [(True, 61 + len(GDELT_EXTRA_COLUMNS)), (False, 61)])
def test_tsv(coded, extra, ncols):
    text = to_tsv(gdelt_rows(coded), header=True, extra=extra)
    lines = text.rstrip("\n").split("\n")
    assert len(lines) == 1 + len(coded.events)  # evidence line breaks do not split rows
    assert all(len(line.split("\t")) == ncols for line in lines)
    assert lines[0].split("\t")[0] == "GLOBALEVENTID"
    assert to_tsv([]) == ""


def test_tsv_cells_never_break_rows():
    assert to_tsv([["x\ty\nz", 1, None, 2.5]], extra=False) == "x y z\t1\t\t2.5\n"
