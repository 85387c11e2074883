"""`communique kb coverage` and `communique actors [--learned]`."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.model import Actor, ArticleMeta, CodedArticle

runner = CliRunner()


def test_kb_coverage_json():
    res = runner.invoke(app, ["kb", "coverage", "--date", "2025-02-25", "--format", "json"])
    assert res.exit_code == 0, res.output
    cov = json.loads(res.output)
    assert cov["un_members"] == 193
    assert cov["head of state"] >= 185 and cov["foreign minister"] >= 185


def test_kb_coverage_bad_date():
    res = runner.invoke(app, ["kb", "coverage", "--date", "not-a-date"])
    assert res.exit_code == 2
    assert "not-a-date" in res.output


def test_actors_learned_lists_offices(tmp_db):
    store_mod = pytest.importorskip("communique.store")
    art = CodedArticle(article=ArticleMeta(id="t1", published="2030-01-15"), actors=(
        Actor(id="A1", name="Aigerim Sultanova", kind="person", country="KGZ", sector="GOV",
              role="foreign minister", title="Foreign Minister", cameo="KGZGOV"),), text="x")
    with store_mod.Store(tmp_db) as s:
        from communique.store.learned import record
        record(s.con, art)
    res = runner.invoke(app, ["actors", "--db", str(tmp_db), "--learned", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert rows[0]["name"] == "Aigerim Sultanova" and rows[0]["articles"] == 1
    res = runner.invoke(app, ["actors", "--db", str(tmp_db), "--learned", "--format", "csv", "--country", "KAZ"])
    assert res.exit_code == 0 and res.output == ""


def test_actors_missing_db(tmp_path):
    res = runner.invoke(app, ["actors", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 1
    assert "none.duckdb" in res.output
