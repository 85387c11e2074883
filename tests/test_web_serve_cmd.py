"""`communique serve` refuses unsafe or impossible configurations before binding a port."""
from __future__ import annotations

from typer.testing import CliRunner

from communique.cli import app


def test_allow_ingest_without_token_fails(tmp_path, monkeypatch):
    monkeypatch.delenv("COMMUNIQUE_TOKEN", raising=False)
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--allow-ingest"])
    assert r.exit_code == 1 and "token" in r.output


def test_short_token_fails(tmp_path):
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--allow-ingest", "--token", "abc"])
    assert r.exit_code == 1 and "8 characters" in r.output


def test_missing_database_fails_with_e201(tmp_path):
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert r.exit_code == 1 and "E201" in r.output and "missing.duckdb" in r.output


def test_serve_runs_uvicorn_on_localhost_read_only(tmp_path, monkeypatch):
    from web_demo import build_demo_db
    path = build_demo_db(tmp_path / "d.duckdb")
    seen = {}

    def fake_run(web, host, port, log_level):
        seen.update(host=host, port=port, ingest=web.state.allow_ingest)
    import uvicorn
    monkeypatch.setattr(uvicorn, "run", fake_run)
    r = CliRunner().invoke(app, ["serve", "--db", str(path), "--port", "8765"])
    assert r.exit_code == 0, r.output
    assert seen == {"host": "127.0.0.1", "port": 8765, "ingest": False}
    assert "read-only" in r.output
