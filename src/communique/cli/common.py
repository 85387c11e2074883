"""Options and helpers shared by the CLI command modules."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

console = Console()
err_console = Console(stderr=True)

DB_HELP = ("DuckDB file. Default: $COMMUNIQUE_DB, else communique.duckdb in the user data dir "
           "(e.g. ~/.local/share/communique/communique.duckdb).")
DbOption = typer.Option(None, "--db", help=DB_HELP, envvar="COMMUNIQUE_DB")


def default_db_path(db: Optional[Path] = None) -> Path:
    if db:
        return Path(db)
    env = os.environ.get("COMMUNIQUE_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir
    d = Path(user_data_dir("communique", appauthor=False))
    d.mkdir(parents=True, exist_ok=True)
    return d / "communique.duckdb"


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)
