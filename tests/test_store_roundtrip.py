"""The store keeps every field of a coded article and gives it back unchanged; adding is idempotent."""
from __future__ import annotations

import duckdb
import pytest

from communique.errors import CommuniqueError
from communique.store import Store, schema
from store_helpers import make_article

AGREED = {  # the columns of the common brief, in order
    "articles": "id url title outlet published dateline_place dateline_country language text sectors contexts "
                "source_path metadata ingested_at",
    "actors": "article_id id name kind country sector role title cameo wikidata",
    "mentions": "article_id actor_id start end",
    "events": "article_id id source_actor source_country source_cameo source_name target_actor target_country "
              "target_cameo target_name plover_type plover_mode plover_contexts cameo_code cameo_root "
              "cameo_goldstein cameo_quad_class modality date location_name location_country location_lat "
              "location_lon sectors confidence evidence_start evidence_end evidence_text trigger quote",
    "quotes": "article_id id text start end direct speaker_actor speaker_name speaker_country cue",
}


@pytest.mark.parametrize("table", sorted(AGREED))
def test_schema_is_the_agreed_one(table, tmp_db):
    assert schema.column_names(table) == AGREED[table].split()
    with Store(tmp_db) as s:
        cols = [r[0] for r in s.con.execute(f"DESCRIBE {table}").fetchall()]
    assert cols == AGREED[table].split()


def test_column_types(tmp_db):
    with Store(tmp_db) as s:
        types = {(t, r[0]): r[1] for t in AGREED for r in s.con.execute(f"DESCRIBE {t}").fetchall()}
    assert types[("articles", "published")] == "DATE"
    assert types[("articles", "sectors")] == "VARCHAR[]"
    assert types[("articles", "metadata")] == "JSON"
    assert types[("events", "cameo_goldstein")] == "DOUBLE"
    assert types[("events", "cameo_quad_class")] == "INTEGER"
    assert types[("events", "date")] == "VARCHAR"
    assert types[("events", "plover_contexts")] == "VARCHAR[]"
    assert types[("quotes", "direct")] == "BOOLEAN"


@pytest.mark.parametrize("kwargs", [
    {},
    {"codes": ("042", "057", "036"), "past": "2004"},
    {"src": "IND", "tgt": "PAK", "codes": ("112", "163"), "published": "2025-04-24"},
])
def test_round_trip_is_exact(kwargs, tmp_db):
    coded = make_article(**kwargs)
    with Store(tmp_db) as s:
        assert s.add_article(coded, source_path="x.jsonl", metadata={"feed": "rss"}) is True
        back = s.article(coded.article.id)
    assert back == coded
    assert back.to_dict(include_text=True) == coded.to_dict(include_text=True)


def test_store_columns_and_metadata(tmp_db):
    coded = make_article()
    with Store(tmp_db) as s:
        s.add_article(coded, source_path="in/a.jsonl", metadata={"feed": "rss", "n": 2})
        sp, meta, ing = s.con.execute("SELECT source_path, metadata, ingested_at FROM articles").fetchall()[0]
        n_mentions = s.con.execute("SELECT count(*) FROM mentions").fetchall()[0][0]
    assert sp == "in/a.jsonl"
    assert '"feed"' in meta and ing is not None
    assert n_mentions == sum(len(a.mentions) for a in coded.actors) == 3


def test_idempotent_same_text_same_id(tmp_db):
    a = make_article(codes=("042", "057"))
    with Store(tmp_db) as s:
        assert s.add_article(a) is True
        before = s.counts()
        assert s.add_article(a) is False
        assert s.add_article(a, source_path="other", metadata={"x": 1}) is False
        assert s.counts() == before
        assert s.has_article(a.article.id)
        assert not s.has_article("0" * 64)
        assert before == {"articles": 1, "actors": 2, "mentions": 3, "events": 2, "quotes": 1}


def test_persists_across_reopen(tmp_db):
    a, b = make_article(), make_article(src="UZB", published="2024-03-12")
    with Store(tmp_db) as s:
        assert s.add_articles([a, b, a]) == 2
    with Store(tmp_db, read_only=True) as s:
        assert s.article(a.article.id) == a and s.article(b.article.id) == b
        assert s.article("missing") is None
        with pytest.raises(CommuniqueError, match="E201"):
            s.add_article(make_article(src="IND", tgt="PAK", codes=("112",)))


def test_read_only_missing_file_is_E201(tmp_path):
    with pytest.raises(CommuniqueError, match=r"\[E201\].*no such file"):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_not_a_communique_database_is_E201(tmp_path):
    p = tmp_path / "other.duckdb"
    con = duckdb.connect(str(p))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(CommuniqueError, match=r"\[E201\].*missing tables"):
        Store(p, read_only=True)


def test_older_file_gains_new_columns(tmp_path):
    """A database created before a field existed gets the column on open (schema follows model.py)."""
    p = tmp_path / "old.duckdb"
    con = duckdb.connect(str(p))
    for t in schema.TABLES:
        con.execute(schema.create_table_sql(t))
    con.execute("ALTER TABLE events DROP COLUMN quote")
    con.close()
    with Store(p) as s:
        assert "quote" in [r[0] for r in s.con.execute("DESCRIBE events").fetchall()]
        a = make_article()
        s.add_article(a)
        assert s.article(a.article.id) == a


def test_in_memory_store():
    with Store(None) as s:
        a = make_article()
        assert s.add_article(a) and s.article(a.article.id) == a
