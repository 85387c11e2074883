"""`communique actors` (actors in the store, or the offices learned from the news) and
`communique kb coverage` (UN members with a current head of state, head of government, foreign minister)."""
from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from pathlib import Path
from typing import Optional

import typer

from .common import DbOption, console, default_db_path, fail

FORMATS = ("table", "json", "csv")


def _emit(rows: list[dict], fmt: str, title: str) -> None:
    if fmt == "json":
        console.print_json(json.dumps(rows, default=str))
        return
    if fmt == "csv":
        buf = io.StringIO()
        if rows:
            w = csv.DictWriter(buf, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
        typer.echo(buf.getvalue(), nl=False)
        return
    from rich.table import Table
    t = Table(title=title, title_justify="left")
    cols = list(rows[0]) if rows else ["(none)"]
    for c in cols:
        t.add_column(c)
    for r in rows:
        t.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in cols])
    console.print(t)


def register(app: typer.Typer) -> None:
    @app.command("actors")
    def actors_(
        db: Optional[Path] = DbOption,
        country: Optional[str] = typer.Option(None, "--country", help="Only actors of this country (ISO alpha-3)."),
        learned: bool = typer.Option(False, "--learned", help="List offices learned from the news "
                                     "(first/last seen, number of articles)."),
        fmt: str = typer.Option("table", "--format", help="table | json | csv"),
        limit: int = typer.Option(100, help="At most this many rows (actors listing)."),
    ) -> None:
        """Actors in the store, most mentioned first (or, with --learned, the living knowledge base)."""
        if fmt not in FORMATS:
            fail(f"unknown format '{fmt}': expected one of {', '.join(FORMATS)}", 2)
        from ..errors import CommuniqueError
        from ..store import Store
        path = default_db_path(db)
        if not path.exists():
            fail(f"database {path} does not exist; ingest articles first (communique ingest PATH --db {path})")
        try:
            store = Store(path, read_only=True)
        except CommuniqueError as exc:
            fail(str(exc))
        try:
            if learned:
                from ..store.learned import list_learned
                rows = list_learned(store.con, country)
                title = "offices learned from the news"
            else:
                from ..store import queries
                rows = queries.actors(store.con, country=country, limit=limit)
                title = "actors"
        finally:
            store.close()
        _emit(rows, fmt, title)

    kb_app = typer.Typer(help="The knowledge base of states, organisations and office holders.",
                         no_args_is_help=True)

    @kb_app.command("coverage")
    def coverage(
        date: Optional[str] = typer.Option(None, help="Date to check (YYYY-MM-DD; default today)."),
        fmt: str = typer.Option("table", "--format", help="table | json"),
        missing: bool = typer.Option(False, "--missing", help="List the members without a holder."),
    ) -> None:
        """How many UN members have a current head of state, head of government and foreign minister."""
        from ..kb import KnowledgeBase
        from ..pipeline import normalise_published
        from ..errors import CommuniqueError
        try:
            day = normalise_published(date) or _dt.date.today().isoformat()
        except CommuniqueError as exc:
            fail(str(exc), 2)
        cov = KnowledgeBase.default().coverage(day)
        if fmt == "json":
            console.print_json(json.dumps(cov if missing else {k: v for k, v in cov.items() if k != "missing"}))
            return
        rows = [{"office": r, "UN members covered": f"{cov[r]}/{cov['un_members']}",
                 "share": f"{cov[r] / max(cov['un_members'], 1):.1%}",
                 "sources": ", ".join(f"{k} {v}" for k, v in
                                      sorted(cov["sources"][r].items(), key=lambda kv: -kv[1]))}
                for r in ("head of state", "head of government", "foreign minister")]
        _emit(rows, "table", f"knowledge base coverage on {day}")
        if missing:
            for r, codes in cov["missing"].items():
                console.print(f"[bold]{r}[/bold] missing: {', '.join(codes) or '-'}")

    app.add_typer(kb_app, name="kb")
