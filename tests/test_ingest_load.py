"""`communique load DIR`: Parquet by table and day (the spark-code layout) into the store, once."""
from __future__ import annotations

from pathlib import Path

from communique.ingest.load import load_parquet_dir
from communique.store import Store, schema

TEXTS = [
    ("DOHA, Jan 12 - Qatar's foreign minister met his Moroccan counterpart in Doha on Sunday and the two "
     "signed an agreement on tourism, the ministry said.", "2025-01-12"),
    ("Peru and Chile agreed on Friday to reopen a border crossing closed during the floods, officials said.", None),
    ("HELSINKI, May 3 - Finland summoned Russia's ambassador on Tuesday over airspace violations, "
     "the Finnish foreign ministry said.", "2024-05-03"),
]


def _write_layout(coded, out: Path) -> None:
    """What `communique spark-code` writes: OUTPUT/<table>/day=<date|unknown>/*.parquet."""
    out.mkdir(parents=True, exist_ok=True)
    with Store(None) as mem:
        for c in coded:
            mem.add_article(c, source_path="in.jsonl", metadata={"record": 1})
        day = "coalesce(CAST(a.published AS VARCHAR), 'unknown')"
        for t in schema.TABLES:
            src = (f"SELECT *, {day} AS day FROM articles a" if t == "articles" else
                   f"SELECT x.*, {day} AS day FROM {t} x JOIN articles a ON a.id = x.article_id")
            mem.con.execute(f"COPY ({src}) TO '{out / t}' (FORMAT PARQUET, PARTITION_BY (day))")


def _rows(db: Path) -> dict:
    with Store(db, read_only=True) as s:
        out = {}
        for t in schema.TABLES:
            cols = [c for c in schema.column_names(t) if c != "ingested_at"]
            out[t] = s.con.execute("SELECT " + ", ".join(schema.quote_ident(c) for c in cols)
                                   + f" FROM {t} ORDER BY ALL").fetchall()
        return out


def test_load_equals_direct_store_and_is_idempotent(tmp_path, extract):
    coded = [extract(t, published=p) for t, p in TEXTS]
    out = tmp_path / "out"
    _write_layout(coded, out)
    assert {p.name for p in (out / "articles").iterdir()} >= {"day=2025-01-12", "day=2024-05-03"}

    loaded, direct = tmp_path / "loaded.duckdb", tmp_path / "direct.duckdb"
    counts = load_parquet_dir(out, loaded)
    assert counts["articles"] == 3 and counts["events"] == sum(len(c.events) for c in coded)
    with Store(direct) as s:
        for c in coded:
            s.add_article(c, source_path="in.jsonl", metadata={"record": 1})
    assert _rows(loaded) == _rows(direct)

    again = load_parquet_dir(out, loaded)
    assert again == {t: 0 for t in schema.TABLES}
    assert _rows(loaded) == _rows(direct)


def test_load_cli_reports_missing_dataset(tmp_path):
    from typer.testing import CliRunner
    from communique.cli import app
    r = CliRunner().invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert r.exit_code == 1 and "no articles Parquet dataset" in " ".join(r.output.split())
