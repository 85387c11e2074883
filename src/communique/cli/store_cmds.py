"""`communique events | export | report | stats`: read the store (parse, one library call, format)."""
from __future__ import annotations

import csv
import importlib
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

import typer
from rich.table import Table

from ..errors import E, CommuniqueError
from .common import DbOption, console, default_db_path, err_console, fail

EVENT_COLUMNS = ("day", "source_country", "target_country", "plover_type", "plover_mode", "cameo_code",
                 "cameo_goldstein", "modality", "confidence", "source_name", "target_name", "outlet", "url",
                 "article_id", "id", "evidence_text")


@contextmanager
def open_db(db: Optional[Path], write: bool = False) -> Iterator[Any]:
    """The existing store (read-only unless `write`; falls back to read-only when another process
    holds it), or a clear one-line error (E201) and exit 1."""
    from ..store import Store

    path = default_db_path(db)
    if not path.exists():
        fail(str(CommuniqueError(E.E201, path=path, reason="no such file; run `communique ingest PATH "
                                 f"--db {path}` first")))
    store = None
    if write:
        try:
            store = Store(path)
        except CommuniqueError:
            store = None
    if store is None:
        try:
            store = Store(path, read_only=True)
        except CommuniqueError as exc:
            fail(str(exc))
    try:
        yield store
    finally:
        store.close()


def _filters(dyad, actor, ptype, quad_class, since, until, min_confidence, q) -> dict[str, Any]:
    from ..store import queries
    try:
        if dyad:
            queries.parse_dyad(dyad)
        for v, end in ((since, False), (until, True)):
            if v:
                queries.parse_day(v, end=end)
    except CommuniqueError as exc:
        fail(str(exc), 2)
    if quad_class is not None and quad_class not in (1, 2, 3, 4):
        fail(f"--quad-class must be 1, 2, 3 or 4 (got {quad_class})", 2)
    return dict(dyad=dyad, actor=actor, plover_type=ptype, quad_class=quad_class, since=since, until=until,
                min_confidence=min_confidence, q=q)


def _warn_unknown_codes(con, dyad: Optional[str], actor: Optional[str]) -> None:
    from ..store import queries
    codes = list(queries.parse_dyad(dyad)) if dyad else []
    if actor and actor.isupper() and len(actor) <= 3:
        codes.append(actor)
    if not codes:
        return
    known = queries.known_codes(con)
    for c in codes:
        if c not in known:
            from rich.markup import escape
            err_console.print(f"[yellow]warning:[/yellow] {escape(str(CommuniqueError(E.E202, code=c)))}: "
                              "no stored event involves it", highlight=False, soft_wrap=True)


def _short(s: Optional[str], n: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def events_table(rows: list[dict], title: str = "", wide: Optional[bool] = None) -> Table:
    """Events as a Rich table; names and outlet columns when the terminal is wide enough."""
    wide = console.width >= 150 if wide is None else wide
    t = Table(title=title or None, header_style="bold", pad_edge=False)
    t.add_column("day", no_wrap=True, min_width=10)
    t.add_column("src→tgt", no_wrap=True, min_width=7)
    t.add_column("type", no_wrap=True, min_width=7, max_width=16, overflow="ellipsis")
    t.add_column("G", justify="right", no_wrap=True, min_width=4)
    t.add_column("when", no_wrap=True, min_width=4, max_width=13, overflow="ellipsis")
    used = 10 + 7 + 16 + 4 + 13 + 5 * 3 + 4
    if wide:
        t.add_column("actors", overflow="ellipsis", no_wrap=True, max_width=30)
        t.add_column("outlet", overflow="ellipsis", no_wrap=True, max_width=14)
        used += 30 + 14 + 6
    t.add_column("evidence", overflow="ellipsis", no_wrap=True, max_width=max(20, console.width - used))
    for r in rows:
        g = r.get("cameo_goldstein")
        when = r.get("modality") or ""
        if when == "past" and r.get("date"):
            when += f" {r['date']}"
        cells = [r.get("day") or "", f"{r.get('source_country') or '?'}→{r.get('target_country') or '?'}",
                 (r.get("plover_type") or "?") + (f"/{r['plover_mode']}" if r.get("plover_mode") else ""),
                 "" if g is None else f"{g:+.1f}", when]
        if wide:
            cells += [" / ".join(x for x in (r.get("source_name"), r.get("target_name")) if x),
                      r.get("outlet") or ""]
        cells.append(_short(r.get("evidence_text"), 300))
        t.add_row(*cells)
    return t


def _print_rows(rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(EVENT_COLUMNS), extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (";".join(map(str, v)) if isinstance(v, list) else v) for k, v in r.items()})


def _memory_report(store: Any, a: str, b: str) -> Optional[Any]:
    """The relationship brief of `communique.memory` (Markdown) when that package is there, else None.

    The memory's derived tables are refreshed first when the store is writable; a memory that
    cannot be read is reported as a warning and the report falls back to the stored events."""
    try:
        brief_mod = importlib.import_module("communique.memory.brief")
    except ModuleNotFoundError as exc:
        if exc.name in ("communique.memory.brief", "communique.memory"):
            return None
        raise
    try:
        brief = brief_mod.relation_brief(store.con, a, b, refresh=not store.read_only)
        text = brief_mod.render_markdown(brief)
    except Exception as exc:  # noqa: BLE001 - the report must still print what the store holds
        err_console.print(f"[yellow]warning:[/yellow] relationship memory unavailable ({exc}); "
                          "showing the stored events", highlight=False)
        return None
    from rich.markdown import Markdown
    return Markdown(text)


def register(app: typer.Typer) -> None:
    @app.command()
    def events(
        dyad: Optional[str] = typer.Option(None, "--dyad", help="Two country/IGO codes, e.g. KAZ-OMN (both directions)."),
        actor: Optional[str] = typer.Option(None, "--actor", help="A country code (KAZ), a CAMEO actor code prefix "
                                            "(KAZGOV) or part of a name (Tokayev)."),
        ptype: Optional[str] = typer.Option(None, "--type", help="PLOVER type(s), comma-separated: CONSULT,AGREE."),
        quad_class: Optional[int] = typer.Option(None, "--quad-class", help="CAMEO quad class 1-4."),
        since: Optional[str] = typer.Option(None, "--since", help="From this day (YYYY, YYYY-MM or YYYY-MM-DD)."),
        until: Optional[str] = typer.Option(None, "--until", help="Up to this day, inclusive."),
        min_confidence: Optional[float] = typer.Option(None, "--min-confidence", min=0.0, max=1.0),
        q: Optional[str] = typer.Option(None, "--q", help="Text search in evidence, trigger, actor names, title."),
        limit: int = typer.Option(50, "--limit", min=1, help="At most this many events."),
        offset: int = typer.Option(0, "--offset", min=0),
        fmt: str = typer.Option("table", "--format", help="table | json | jsonl | csv"),
        db: Optional[Path] = DbOption,
    ) -> None:
        """Stored events matching the filters, in time order."""
        from ..store import queries
        if fmt not in ("table", "json", "jsonl", "csv"):
            fail(f"--format must be table, json, jsonl or csv (got {fmt!r})", 2)
        flt = _filters(dyad, actor, ptype, quad_class, since, until, min_confidence, q)
        with open_db(db) as store:
            _warn_unknown_codes(store.con, dyad, actor)
            rows = queries.events(store.con, **flt, limit=limit, offset=offset)
            total = queries.count_events(store.con, **flt)
        if fmt == "table":
            console.print(events_table(rows, title=f"{len(rows)} of {total} events"
                                       + (f" ({dyad.upper()})" if dyad else "")))
        else:
            _print_rows(rows, fmt)

    @app.command()
    def export(
        fmt: str = typer.Option("jsonl", "--format", help="jsonl | csv | parquet (flat event rows) | plover (PLOVER "
                                "JSON Lines) | gdelt (GDELT 2.0 event rows, tab-separated, no header)"),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (default: standard output; "
                                           "parquet needs a file)."),
        dyad: Optional[str] = typer.Option(None, "--dyad", help="Only events of this dyad, e.g. KAZ-OMN."),
        actor: Optional[str] = typer.Option(None, "--actor"),
        ptype: Optional[str] = typer.Option(None, "--type", help="PLOVER type(s), comma-separated."),
        since: Optional[str] = typer.Option(None, "--since"),
        until: Optional[str] = typer.Option(None, "--until"),
        min_confidence: Optional[float] = typer.Option(None, "--min-confidence", min=0.0, max=1.0),
        db: Optional[Path] = DbOption,
    ) -> None:
        """Export stored events (flat rows, or the PLOVER / GDELT row formats)."""
        from ..store.export import FORMATS, export_events
        if fmt not in FORMATS:
            fail(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})", 2)
        flt = _filters(dyad, actor, ptype, None, since, until, min_confidence, None)
        with open_db(db) as store:
            try:
                n = export_events(store.con, fmt, out, **flt)
            except CommuniqueError as exc:
                fail(str(exc))
            except BrokenPipeError:  # e.g. `| head`: the reader went away
                import os
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                raise typer.Exit(0)
            except OSError as exc:
                fail(f"[E001] cannot write {out or 'standard output'}: {exc.strerror or exc}")
        if out is not None:
            err_console.print(f"{n} events written to {out} ({fmt})", highlight=False)

    @app.command()
    def stats(
        fmt: str = typer.Option("table", "--format", help="table | json"),
        db: Optional[Path] = DbOption,
    ) -> None:
        """Counts of what the database holds."""
        from ..store import queries
        with open_db(db) as store:
            s = queries.stats(store.con)
        if fmt == "json":
            sys.stdout.write(json.dumps(s, indent=1) + "\n")
            return
        t = Table(title=f"{default_db_path(db)}", header_style="bold", show_header=False)
        t.add_column("what")
        t.add_column("value", justify="right")
        for k in ("articles", "articles_with_events", "actors", "mentions", "events", "quotes", "dyads",
                  "countries", "published_first", "published_last"):
            t.add_row(k.replace("_", " "), str(s.get(k)))
        for k, v in s["events_by_type"].items():
            t.add_row(f"  {k}", str(v))
        console.print(t)

    @app.command()
    def report(
        db: Optional[Path] = DbOption,
        top: int = typer.Option(8, "--top", min=1, help="How many dyads to list."),
        dyad: Optional[str] = typer.Option(None, "--dyad", help="The relationship to show (default: the most "
                                           "active dyad)."),
        limit: int = typer.Option(40, "--limit", min=1, help="At most this many events of the relationship."),
    ) -> None:
        """A short report: what is stored, the top dyads, and the relationship between two states."""
        from ..store import queries
        if dyad:
            try:
                queries.parse_dyad(dyad)
            except CommuniqueError as exc:
                fail(str(exc), 2)
        with open_db(db, write=True) as store:
            con = store.con
            s = queries.stats(con)
            dyads = queries.top_dyads(con, limit=top)
            console.rule("[bold]communique report[/bold]")
            console.print(f"{s['articles']} articles ({s['published_first']} → {s['published_last']}), "
                          f"{s['events']} events, {s['actors']} actors, {s['quotes']} quotes, "
                          f"{s['dyads']} dyads between {s['countries']} countries/organisations", highlight=False)
            if s["events_by_type"]:
                console.print("events by PLOVER type: " + ", ".join(f"{k} {v}" for k, v in
                                                                    s["events_by_type"].items()), highlight=False)
            t = Table(title="Top dyads (reported events)", header_style="bold")
            t.add_column("dyad", no_wrap=True)
            for col in ("events", "articles", "coop/confl", "mean G"):
                t.add_column(col, justify="right", no_wrap=True)
            t.add_column("first", no_wrap=True, min_width=10)
            t.add_column("last", no_wrap=True, min_width=10)
            for d in dyads:
                t.add_row(d["dyad"], str(d["events"]), str(d["articles"]), f"{d['cooperative']}/{d['conflictual']}",
                          "" if d["goldstein"] is None else f"{d['goldstein']:+.2f}", d["first"] or "",
                          d["last"] or "")
            console.print(t)
            if dyad:
                a, b = queries.parse_dyad(dyad)
            elif dyads:
                a, b = dyads[0]["a"], dyads[0]["b"]
            else:
                console.print("No events between two states are stored yet.")
                return
            brief = _memory_report(store, a, b)
            if brief is not None:
                console.rule(f"[bold]{a} – {b}: relationship brief[/bold]")
                console.print(brief)
                return
            rows = queries.relation_events(con, a, b)
            console.print(events_table(rows[:limit], title=f"{a} – {b}: {len(rows)} events in time order"
                                       + (f" (first {limit})" if len(rows) > limit else "")))
