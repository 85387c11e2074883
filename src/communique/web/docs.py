"""`/docs`: the OpenAPI description rendered server-side (no CDN, works offline)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


def operations(spec: dict) -> list[dict]:
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            ops.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "parameters": [{"name": p.get("name"), "in": p.get("in"), "required": p.get("required", False),
                                "description": p.get("description", "")} for p in op.get("parameters", [])],
                "example": example_url(path, op),
            })
    return ops


def example_url(path: str, op: dict) -> str | None:
    if "{" in path:
        return None
    return path


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request):
    spec = request.app.openapi()
    tpl = request.app.state.templates
    return tpl.TemplateResponse(request, "docs.html", {"spec": spec, "ops": operations(spec),
                                                       "api_url": "/openapi.json", "path": "/docs"})
