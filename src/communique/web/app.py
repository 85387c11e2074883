"""The FastAPI application: `create_app(db_path, allow_ingest=False, token=None)`.

Read-only by default: the database is opened read-only unless ingest is
allowed, and then `POST /api/articles` needs the token.  Every response carries
a Content-Security-Policy that allows only the app's own scripts and styles, so
even a mistake in escaping could not run injected script.
"""
from __future__ import annotations

import threading
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Iterator, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import E, CommuniqueError
from .errors import E303, WebError, message_of, payload, status_for

HERE = Path(__file__).resolve().parent
MAX_BODY = 2 * 1024 * 1024   # bytes accepted in a request body

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class Database:
    """The store behind the app: read-only unless ingest is allowed; one cursor per request."""

    def __init__(self, path: Path, writable: bool = False) -> None:
        self.path = Path(path)
        self.writable = writable
        self.store = None
        self.write_lock = threading.Lock()
        self._cursor_lock = threading.Lock()
        from ..store import Store
        if writable:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise CommuniqueError(E.E201, path=self.path,
                                  reason="no such file (build it with `communique ingest`)")
        self.store = Store(self.path, read_only=not writable)
        self.con = self.store.con

    @contextmanager
    def cursor(self) -> Iterator:
        with self._cursor_lock:       # cursors are created one at a time, then used freely per thread
            cur = self.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def close(self) -> None:
        self.store.close()


class _BodyTooLarge(Exception):
    pass


class SecurityMiddleware:
    """Adds the security headers and bounds request bodies (413 beyond `max_body` bytes)."""

    def __init__(self, app, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def send_wrapper(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [h for h in message.get("headers", []) if h[0].lower() not in dict(SECURITY_HEADERS)]
                message = dict(message, headers=headers + SECURITY_HEADERS)
            await send(message)

        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = self.max_body + 1
            if size > self.max_body:
                return await self._too_large(send_wrapper, size)
        seen = 0

        async def receive_wrapper():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _BodyTooLarge(seen)
            return message

        try:
            await self.app(scope, receive_wrapper, send_wrapper)
        except _BodyTooLarge as exc:
            if not started:
                await self._too_large(send_wrapper, exc.args[0])

    async def _too_large(self, send, size: int) -> None:
        err = WebError(E.E010, path="request body", size=size, limit=self.max_body)
        await JSONResponse(payload(err.code, err.message), status_code=413)({"type": "http"}, None, send)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json" or \
        request.query_params.get("format") == "json"


@asynccontextmanager
async def _lifespan(app: FastAPI):
    yield
    app.state.db.close()


def create_app(db_path, allow_ingest: bool = False, token: Optional[str] = None,
               max_body: int = MAX_BODY) -> FastAPI:
    """The web app over the DuckDB file at `db_path`."""
    if allow_ingest and not token:
        raise ValueError("--allow-ingest needs a token (--token or COMMUNIQUE_TOKEN)")
    db = Database(Path(db_path), writable=allow_ingest)
    app = FastAPI(
        title="communique",
        version=__version__,
        description="Events of international relations coded from news, with the evidence sentence of each "
                    "and the memory of every bilateral relationship. Read-only unless started with "
                    "--allow-ingest; errors have the shape {\"error\": {\"code\", \"message\"}}.",
        docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=_lifespan,
    )
    app.state.db = db
    app.state.allow_ingest = allow_ingest
    app.state.token = token
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True   # .html templates are escaped already; make it explicit for all
    templates.env.globals["version"] = __version__
    from . import filters
    filters.install(templates.env)
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def error_response(request: Request, status: int, code: str, message: str):
        if wants_json(request):
            return JSONResponse(payload(code, message), status_code=status)
        return templates.TemplateResponse(request, "error.html", {"status": status, "code": code,
                                                                  "message": message}, status_code=status)

    @app.exception_handler(CommuniqueError)
    async def _communique_error(request: Request, exc: CommuniqueError):
        return error_response(request, status_for(exc), exc.code, message_of(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        errs = exc.errors()
        first = errs[0] if errs else {}
        loc = [str(x) for x in first.get("loc", []) if x not in ("query", "path", "body")]
        err = WebError(E.E302, name=".".join(loc) or "request", reason=first.get("msg", "invalid"))
        return error_response(request, 400, err.code, err.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            err = WebError(E303, path=request.url.path[:200])
            return error_response(request, 404, err.code, err.message)
        return error_response(request, exc.status_code, f"H{exc.status_code}", str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        import duckdb
        if isinstance(exc, duckdb.CatalogException):
            return error_response(request, 503, "E201",
                                  f"database {db.path} has no communique tables yet (run `communique ingest`)")
        return error_response(request, 500, "E500", f"internal error: {type(exc).__name__}")

    from .api import router as api_router
    from .pages import router as pages_router
    from .docs import router as docs_router
    app.include_router(api_router)
    app.include_router(pages_router)
    app.include_router(docs_router)

    app.add_middleware(SecurityMiddleware, max_body=max_body)
    return app


__all__ = ["create_app", "Database", "MAX_BODY", "CSP", "HTMLResponse"]
