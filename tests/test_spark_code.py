"""Spark coding: output loaded with `communique load` equals single-process `communique ingest` of the same input."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]


def test_spark_schema_is_the_store_schema():
    pytest.importorskip("pyspark")
    from communique import spark as S
    from communique.store import schema
    for table in schema.TABLES:
        names = [f.name for f in S.spark_schema(table).fields]
        assert names == schema.column_names(table) + [S.PARTITION_COLUMN]
    assert S.spark_schema("articles")["published"].dataType.typeName() == "date"
    assert S.spark_schema("articles")["sectors"].dataType.typeName() == "array"


def test_article_rows_match_the_store_columns(extract):
    from communique import spark as S
    from communique.store import schema
    coded = extract("OSLO, March 3 - Norway's foreign minister met her Chilean counterpart in Oslo on Monday "
                    "to discuss fisheries, the ministry said.", published="2025-03-03")
    rows = S.article_rows(coded, "x.txt", {"record": 1})
    (art,) = rows["articles"]
    assert len(art) == len(schema.TABLES["articles"]) + 1 and art[-1] == "2025-03-03"
    by_name = dict(zip(schema.column_names("articles"), art))
    assert by_name["id"] == coded.article.id and str(by_name["published"]) == "2025-03-03"
    assert json.loads(by_name["metadata"]) == {"record": 1}
    assert len(rows["events"]) == len(coded.events)
    assert len(rows["mentions"]) == sum(len(a.mentions) for a in coded.actors)


def _table_rows(db: Path) -> dict:
    from communique.store import Store, schema
    out = {}
    with Store(db, read_only=True) as s:
        for t in schema.TABLES:
            cols = [c for c in schema.column_names(t) if c != "ingested_at"]
            q = "SELECT " + ", ".join(schema.quote_ident(c) for c in cols) + f" FROM {t} ORDER BY ALL"
            out[t] = s.con.execute(q).fetchall()
    return out


@pytest.mark.spark
def test_spark_code_equals_single_process_ingest(tmp_path, nlp):
    pytest.importorskip("pyspark")
    from communique.ingest.load import load_parquet_dir
    from communique.ingest.runner import ingest
    from communique.spark import code_to_parquet

    src = tmp_path / "in"
    src.mkdir()
    corpus = ROOT / "src" / "communique" / "data" / "corpus" / "sample.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()[:6] if corpus.exists() else []
    (src / "a.jsonl").write_text("\n".join(lines + [json.dumps({"text": "Undated: Peru and Chile agreed on "
                                                                       "Friday to reopen a border crossing."}),
                                                    "{broken"]) + "\n", encoding="utf-8")
    shutil.copy(DATA / "news.warc.gz", src / "news.warc.gz")

    out = tmp_path / "out"
    result = code_to_parquet([str(src)], str(out), master="local[2]", partitions=2)
    assert result["files"] == 2 and result["non_english"] == 1
    assert len(result["errors"]) == 1 and "a.jsonl:" in result["errors"][0]
    assert (out / "articles").is_dir() and any((out / "articles").glob("day=*"))
    days = {p.name for p in (out / "articles").glob("day=*")}
    assert "day=2025-04-03" in days   # the WARC's Chile-Norway page, dated from its HTML

    spark_db, single_db = tmp_path / "spark.duckdb", tmp_path / "single.duckdb"
    counts = load_parquet_dir(out, spark_db)
    assert counts["articles"] == result["counts"]["articles"] == len(lines) + 1 + 4
    ingest([src], single_db)
    assert _table_rows(spark_db) == _table_rows(single_db)
    # loading again changes nothing
    assert load_parquet_dir(out, spark_db)["articles"] == 0
