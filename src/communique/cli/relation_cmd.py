"""`communique relation A B`: the relationship brief of two countries (parse, one library call, format)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

import typer

from .common import DbOption, console, default_db_path, err_console, fail


def _open(path: Path):
    """The store, writable when possible (to refresh the memory), else read-only."""
    from ..errors import CommuniqueError
    from ..store import Store
    try:
        return Store(path, read_only=False), True
    except CommuniqueError:
        try:
            return Store(path, read_only=True), False
        except CommuniqueError as exc:
            fail(str(exc))


def register(app: typer.Typer) -> None:
    @app.command()
    def relation(
        a: str = typer.Argument(..., help="First country: code (KAZ) or name (Kazakhstan)."),
        b: str = typer.Argument(..., help="Second country: code (OMN) or name (Oman)."),
        since: Optional[str] = typer.Option(None, help="Only events from this date on (YYYY[-MM[-DD]])."),
        fmt: str = typer.Option("md", "--format", help="md | html | json"),
        out: Optional[Path] = typer.Option(None, "--out", help="Folder for the brief file and its trend chart "
                                                                "(default: print only; the chart goes to ./)."),
        db: Optional[Path] = DbOption,
    ) -> None:
        """A relationship brief: last contacts, visits with gaps, invitations, agreements, trend, quotes, sources."""
        from ..errors import CommuniqueError
        from ..memory import brief as brief_mod, chart, ensure_fresh, names

        if fmt not in ("md", "html", "json"):
            fail(f"--format must be md, html or json (got {fmt!r})", 2)
        if since and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", since):
            fail(f"[E103] invalid date '{since}': expected YYYY, YYYY-MM or YYYY-MM-DD", 2)
        path = default_db_path(db)
        if not path.exists():
            fail(f"[E201] database {path} cannot be opened: no such file (run `communique ingest ... --db {path}` first)")
        store, writable = _open(path)
        try:
            try:
                ca, cb = names.resolve(a, store.con), names.resolve(b, store.con)
            except CommuniqueError as exc:
                fail(str(exc), 2)
            if ca == cb:
                fail(f"[E203] invalid dyad '{a}-{b}': expected two different countries", 2)
            from ..memory import is_stale
            if is_stale(store.con):
                if writable:
                    with console.status("Refreshing the relationship memory...") if console.is_terminal else _null():
                        ensure_fresh(store.con)
                else:
                    from ..memory import DERIVED_TABLES, _tables
                    if not set(DERIVED_TABLES) <= _tables(store.con):
                        fail(f"[E201] database {path} cannot be opened: its relationship memory is not built and "
                             "the file is in use by another process (stop it, or run `communique ingest` first)")
                    err_console.print("[yellow]warning:[/yellow] the database is read-only here and its relationship "
                                      "memory is stale; the brief may miss the latest articles", highlight=False)
            brief = brief_mod.relation_brief(store.con, ca, cb, since=since, refresh=False)
        finally:
            store.close()
        out_dir = Path(out) if out else Path(".")
        stem = f"relation-{ca}-{cb}"
        brief["chart"] = chart.trend_chart(brief, out_dir, stem=f"{stem}-trend") or None
        if fmt == "json":
            text = json.dumps(brief, ensure_ascii=False, indent=2, default=str)
        elif fmt == "html":
            text = brief_mod.render_html(brief)
        else:
            text = brief_mod.render_markdown(brief)
        if out:
            target = out_dir / f"{stem}.{fmt}"
            target.write_text(text, encoding="utf-8")
            err_console.print(f"wrote {target}" + (f" and {brief['chart']['png']}, {brief['chart']['svg']}"
                                                   if brief["chart"] else ""), highlight=False)
        typer.echo(text, nl=False)


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
