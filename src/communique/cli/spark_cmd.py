"""`communique spark-code INPUT... OUTPUT`: code a large corpus with Spark into Parquet (by table and date)."""
from __future__ import annotations

from typing import List, Optional

import typer

from .common import console, err_console, fail


def register(app: typer.Typer) -> None:
    @app.command("spark-code")
    def spark_code(
        paths: List[str] = typer.Argument(..., help="INPUT... OUTPUT: input files/folders (JSONL, Parquet, WARC(.gz), "
                                          "any format `ingest` reads), then the output folder."),
        master: str = typer.Option("local[2]", "--master", help="Spark master URL (local[N], spark://..., yarn)."),
        partitions: Optional[int] = typer.Option(None, "--partitions", min=1,
                                                 help="Coding partitions (default: Spark's default parallelism)."),
        batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per coding batch."),
    ) -> None:
        """Code articles with Spark (one pipeline per worker); load the result with `communique load OUTPUT`."""
        if len(paths) < 2:
            fail("spark-code needs at least one INPUT and an OUTPUT folder", 2)
        try:
            import pyspark  # noqa: F401
        except ImportError:
            fail("PySpark is not installed: pip install 'communique[spark]' (and Java 17)", 2)
        from ..spark import code_to_parquet

        *inputs, output = paths
        with err_console.status("coding with Spark ...", spinner="dots"):
            try:
                result = code_to_parquet(inputs, output, master=master, partitions=partitions, batch_size=batch_size)
            except FileNotFoundError as exc:
                fail(str(exc))
        for e in result["errors"]:
            err_console.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
        c = result["counts"]
        console.print(f"{result['files']} input files: {c.get('articles', 0)} articles, {c.get('events', 0)} events, "
                      f"{c.get('quotes', 0)} quotes, {result['non_english']} non-English skipped, "
                      f"{len(result['errors'])} errors -> {output}  (load: communique load {output})",
                      highlight=False, soft_wrap=True)
        if result["errors"]:
            raise typer.Exit(1)
