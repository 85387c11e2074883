"""Exports of stored events: jsonl, csv, parquet (flat rows), plover / gdelt (communique.exports)."""
from __future__ import annotations

import csv
import importlib.util
import io
import json

import pytest

from communique.store import Store
from communique.store.export import ExportError, export_events, export_string
from store_helpers import make_article

HAS_EXPORTS = importlib.util.find_spec("communique.exports") is not None


@pytest.fixture()
def store(tmp_db):
    with Store(tmp_db) as s:
        s.add_article(make_article("OMN", "KAZ", "2025-06-10", codes=("042", "057"), past="2004"))
        s.add_article(make_article("IND", "PAK", "2025-04-24", codes=("112", "163")))
        yield s


def test_jsonl_rows_carry_every_column(store):
    rows = [json.loads(x) for x in export_string(store.con, "jsonl").splitlines()]
    assert len(rows) == 5
    assert [r["day"] for r in rows] == sorted(r["day"] for r in rows)
    r = rows[-1]
    for k in ("article_id", "id", "source_country", "target_country", "plover_type", "cameo_goldstein",
              "modality", "evidence_start", "evidence_text", "url", "outlet", "published", "dyad", "sectors"):
        assert k in r
    assert isinstance(r["sectors"], list)


def test_filters_apply(store):
    rows = export_string(store.con, "jsonl", dyad="KAZ-OMN", since="2025").splitlines()
    assert len(rows) == 2
    assert {json.loads(x)["dyad"] for x in rows} == {"KAZ-OMN"}


def test_csv(store):
    text = export_string(store.con, "csv", dyad="IND-PAK")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["cameo_code"] for r in rows] == ["112", "163"]
    assert rows[0]["sectors"] == "transport;energy"
    assert rows[0]["plover_contexts"] == "diplomatic"


def test_csv_empty_still_has_header(store):
    text = export_string(store.con, "csv", dyad="FRA-DEU")
    assert text.startswith("article_id,id,") and len(text.splitlines()) == 1


def test_parquet(store, tmp_path):
    import pyarrow.parquet as pq
    out = tmp_path / "sub" / "events.parquet"
    assert export_events(store.con, "parquet", out) == 5
    t = pq.read_table(out)
    assert t.num_rows == 5
    assert "cameo_goldstein" in t.schema.names and "dyad" in t.schema.names


def test_parquet_needs_a_file(store):
    with pytest.raises(ExportError, match="needs --out"):
        export_events(store.con, "parquet", None)


def test_unknown_format(store):
    with pytest.raises(ExportError, match="unknown export format"):
        export_events(store.con, "xml", None)


@pytest.mark.parametrize("fmt", ["plover", "gdelt"])
def test_plover_and_gdelt(store, fmt):
    if not HAS_EXPORTS:
        with pytest.raises(ExportError, match="communique.exports"):
            export_string(store.con, fmt)
        return
    try:
        text = export_string(store.con, fmt, dyad="IND-PAK")
    except ExportError as exc:  # the exports module exists but lacks this format
        pytest.skip(str(exc))
    lines = text.splitlines()
    assert len(lines) == 2
    if fmt == "plover":
        rows = [json.loads(x) for x in lines]
        events = [r["event"][0] if isinstance(r["event"], list) else r["event"] for r in rows]
        assert sorted(events) == ["ACCUSE", "COERCE"]
        assert {r["cameo"]["code"] for r in rows} == {"112", "163"}
    else:
        from communique.exports import GDELT_COLUMNS, GDELT_EXTRA_COLUMNS
        rows = [x.split("\t") for x in lines]
        assert all(len(r) == len(GDELT_COLUMNS) + len(GDELT_EXTRA_COLUMNS) for r in rows)
        assert [r[GDELT_COLUMNS.index("EventCode")] for r in rows] == ["112", "163"]
