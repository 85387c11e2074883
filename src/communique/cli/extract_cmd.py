"""`communique extract PATH|-`: code articles and print the contract JSON."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .common import err_console, fail


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        path: str = typer.Argument(..., help="A .txt/.html/.jsonl file, a folder, or - for standard input."),
        published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD (anchors relative dates)."),
        url: Optional[str] = typer.Option(None, help="Source URL of a single article."),
        title: Optional[str] = typer.Option(None, help="Title of a single article."),
        fmt: str = typer.Option("json", "--format", help="json | jsonl | plover | text"),
        include_text: bool = typer.Option(False, "--include-text", help="Add article.text to the JSON."),
    ) -> None:
        """Code articles and print them (the JSON of the extraction contract)."""
        import communique
        from ..render import render_article

        if fmt not in ("json", "jsonl", "plover", "text"):
            fail(f"--format must be json, jsonl, plover or text (got {fmt!r})", 2)
        if path == "-":
            records = [{"text": sys.stdin.read(), "published": published, "url": url, "title": title}]
            errors = 0
        else:
            from ..ingest.readers import read_path
            records, errors = [], 0
            for item in read_path(Path(path)):
                if isinstance(item, Exception):
                    err_console.print(f"[red]error:[/red] {item}", highlight=False, soft_wrap=True)
                    errors += 1
                    continue
                rec = dict(item)
                rec.setdefault("published", published)
                if published and not rec.get("published"):
                    rec["published"] = published
                rec.setdefault("url", url)
                rec.setdefault("title", title)
                records.append(rec)
        for coded in communique.extract_many(records):
            sys.stdout.write(render_article(coded, fmt, include_text=include_text, many=len(records) > 1))
        if errors:
            raise typer.Exit(1)
