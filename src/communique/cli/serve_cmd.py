"""`communique serve`: the web dashboard and JSON API (read-only and on localhost by default)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import DbOption, console, default_db_path, fail


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (default: localhost only)."),
        port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
        db: Optional[Path] = DbOption,
        allow_ingest: bool = typer.Option(False, "--allow-ingest",
                                          help="Enable POST /api/articles (needs --token). Opens the DB read-write."),
        token: Optional[str] = typer.Option(None, "--token", envvar="COMMUNIQUE_TOKEN",
                                            help="Token required by POST /api/articles (or $COMMUNIQUE_TOKEN)."),
    ) -> None:
        """Serve the dashboard and the JSON API (OpenAPI docs at /docs)."""
        from ..errors import CommuniqueError
        path = default_db_path(db)
        if allow_ingest and not token:
            fail("--allow-ingest needs a token: pass --token or set COMMUNIQUE_TOKEN")
        if token and len(token) < 8:
            fail("--token: use at least 8 characters")
        try:
            from ..web.app import create_app
            web = create_app(path, allow_ingest=allow_ingest, token=token)
        except CommuniqueError as exc:
            fail(str(exc))
        import uvicorn
        mode = "read-write, ingest enabled (token required)" if allow_ingest else "read-only"
        if host not in ("127.0.0.1", "localhost", "::1"):
            console.print(f"[yellow]warning:[/yellow] listening on {host}: reachable from other machines")
        console.print(f"communique serving {path} ({mode}) on http://{host}:{port}/ (API docs: /docs)", soft_wrap=True)
        uvicorn.run(web, host=host, port=port, log_level="warning")
