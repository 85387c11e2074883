"""`communique eval`: run the evaluation suites, print their tables, check the floors."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table as RichTable

from .common import console, fail


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_(
        suite: Optional[List[str]] = typer.Option(None, "--suite", "-s", help="Suite(s) to run (default: all)."),
        shared: Optional[Path] = typer.Option(None, help="Path to the shared/ folder (default: ../shared)."),
        as_json: bool = typer.Option(False, "--json", help="Print metrics as JSON."),
        check: bool = typer.Option(True, "--check/--no-check", help="Exit 1 when a metric is under its floor."),
    ) -> None:
        """Measure extraction quality (seed gold, dev sets, our fixtures) against pinned floors."""
        from .. import evaluation as ev

        names = suite or ev.available()
        unknown = [n for n in names if n not in ev.SUITES]
        if unknown:
            fail(f"unknown suite(s): {', '.join(unknown)}; known: {', '.join(ev.SUITES)}", 2)
        results, failures = [], []
        for name in names:
            with console.status(f"running suite {name}..."):
                r = ev.run_suite(name, shared)
            results.append(r)
            failures += ev.below_floor(r)
            if as_json:
                continue
            if r.skipped:
                console.print(f"[yellow]{name}: skipped[/yellow] ({r.skipped})")
                continue
            for t in r.tables:
                rt = RichTable(title=f"{name}: {t.title}", title_justify="left")
                for h in t.headers:
                    rt.add_column(str(h))
                for row in t.rows:
                    rt.add_row(*[f"{c:.3f}" if isinstance(c, float) else str(c) for c in row])
                console.print(rt)
            fl = ev.floors(name)
            console.print("  ".join(f"{k}={v:.3f}" + (f" (floor {fl[k]})" if k in fl else "")
                                    for k, v in r.metrics.items()))
        if as_json:
            console.print_json(json.dumps({r.name: {"metrics": r.metrics, "skipped": r.skipped} for r in results}))
        for f in failures:
            console.print(f"[red]below floor:[/red] {f}")
        if failures and check:
            raise typer.Exit(1)
