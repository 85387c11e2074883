"""`communique ingest PATH...` (code inputs into the store) and `communique load DIR` (Spark output)."""
from __future__ import annotations

import time
from pathlib import Path
from typing import List, Optional

import typer

from .common import DbOption, console, default_db_path, err_console, fail


class RichIngestProgress:
    """A Rich progress bar over the input bytes, with articles stored, rate and ETA."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self._progress = None
        self._task = None
        self._t0 = time.perf_counter()
        self._last = 0.0

    def start(self, total_bytes: int) -> None:
        if not self.enabled:
            return
        from rich.progress import (BarColumn, Progress, TaskProgressColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)
        self._progress = Progress(
            TextColumn("[bold]ingest[/bold]"), BarColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[articles]} articles ({task.fields[dups]} known)"),
            TextColumn("{task.fields[rate]:.1f} art/s"), TimeElapsedColumn(),
            TextColumn("ETA"), TimeRemainingColumn(), console=err_console, transient=False,
        )
        self._task = self._progress.add_task("ingest", total=max(total_bytes, 1), articles=0, dups=0, rate=0.0)
        self._t0 = time.perf_counter()
        self._progress.start()

    def advance_bytes(self, n: int) -> None:
        if self._progress is not None and n:
            self._progress.advance(self._task, n)

    def article(self, summary) -> None:
        if self._progress is None:
            return
        now = time.perf_counter()
        if now - self._last < 0.2:
            return
        self._last = now
        rate = summary.stored / (now - self._t0) if now > self._t0 else 0.0
        self._progress.update(self._task, articles=summary.stored, dups=summary.duplicates, rate=rate)

    def finish(self, summary) -> None:
        if self._progress is not None:
            rate = summary.stored / max(summary.seconds, 1e-9)
            self._progress.update(self._task, articles=summary.stored, dups=summary.duplicates, rate=rate)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()

    def print_error(self, msg: str) -> None:
        target = self._progress.console if self._progress is not None else err_console
        target.print(f"[red]error:[/red] {msg}", highlight=False, markup=True, soft_wrap=True)


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        paths: List[str] = typer.Argument(..., help="Files, folders (recursive) or, with --fetch, feed/page URLs. "
                                          "Formats: .txt .html .jsonl .json .csv .tsv .parquet .warc(.gz) "
                                          ".rss .atom .xml, any of them .gz."),
        db: Optional[Path] = DbOption,
        workers: int = typer.Option(1, "--workers", "-w", min=0,
                                    help="Coding processes (sharing one loaded pipeline, recycled every 5,000 "
                                         "articles); 0 codes in this process."),
        fetch: bool = typer.Option(False, "--fetch", help="Allow downloading URLs (feeds, their article pages): "
                                   "20 s timeout, 1 request/s per host, identifying user agent."),
        limit: Optional[int] = typer.Option(None, "--limit", min=0, help="Stop after this many records."),
        batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per coding batch."),
        all_languages: bool = typer.Option(False, "--all-languages", help="Do not skip non-English records."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
        refresh: bool = typer.Option(True, "--refresh/--no-refresh",
                                     help="Rebuild the relationship memory at the end (else on first query)."),
    ) -> None:
        """Code articles into the database: idempotent, resumable, bad inputs reported and skipped."""
        from ..ingest.runner import ingest as run_ingest

        db_path = default_db_path(db)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        progress = RichIngestProgress(enabled=not quiet and err_console.is_terminal)
        try:
            summary = run_ingest(paths, db_path, workers=workers, fetch=fetch, limit=limit,
                                 batch_size=batch_size, english_only=not all_languages,
                                 on_error=progress.print_error, progress=progress, refresh_memory=refresh)
        except KeyboardInterrupt:
            fail("interrupted: every article stored so far is whole; run the same command again to resume", 130)
        except Exception as exc:  # e.g. the database cannot be opened
            fail(str(exc))
        console.print(f"{summary.line()} -> {db_path}", highlight=False, soft_wrap=True)
        if not summary.ok:
            err_console.print(f"[red]{summary.errors} input(s) failed[/red] (see the errors above); "
                              "the rest was stored", highlight=False)
            raise typer.Exit(1)

    @app.command()
    def load(
        directory: Path = typer.Argument(..., help="Output folder of `communique spark-code` (Parquet by table/date)."),
        db: Optional[Path] = DbOption,
    ) -> None:
        """Load the Parquet output of `communique spark-code` into the database (idempotent)."""
        from ..ingest.load import load_parquet_dir

        if not directory.is_dir():
            fail(f"cannot read {directory}: not a folder")
        db_path = default_db_path(db)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            counts = load_parquet_dir(directory, db_path)
        except Exception as exc:
            fail(f"{directory}: {exc}")
        console.print(", ".join(f"{n} {t}" for t, n in counts.items()) + f" loaded -> {db_path}", highlight=False,
                      soft_wrap=True)
