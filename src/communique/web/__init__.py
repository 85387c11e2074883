"""The web dashboard and JSON API (FastAPI): `create_app(db_path, allow_ingest=False, token=None)`.

Modules: `app` (factory, security headers, body limit, error shape), `api` (JSON routes under
/api), `pages` (HTML pages, each with a `?format=json` twin), `docs` (/docs rendered from the
OpenAPI description), `views` (one function per page, shared by pages and API), `data` and
`brief` (thin adapters over `communique.store.queries` and `communique.memory`), `params`
(parameter validation), `highlight` (article text segments), `charts` (SVG geometry).
Served by `communique serve`.
"""
from __future__ import annotations


def create_app(db_path, allow_ingest: bool = False, token=None, **kwargs):
    from .app import create_app as _create
    return _create(db_path, allow_ingest=allow_ingest, token=token, **kwargs)


__all__ = ["create_app"]
