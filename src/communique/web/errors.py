"""The web layer's error shape: ``{"error": {"code": "E302", "message": "..."}}``.

Every error a client sees comes from the coded catalogue (`communique.errors`);
`status_for` maps a code to its HTTP status.  Messages the catalogue does not
have yet are defined here (and reported to the lead for `errors.py`).
"""
from __future__ import annotations

from ..errors import E, CommuniqueError

# Local messages, proposed for the catalogue (web section).
E303 = "no such page: {path}"
E304 = "ingest is disabled: start the server with --allow-ingest and a token"
E305 = "unknown dyad {a}-{b}: neither code appears in the store"

_LOCAL = {E303: "E303", E304: "E304", E305: "E305"}

STATUS = {
    "E010": 413,   # body too large
    "E103": 400,   # bad date
    "E202": 404,   # unknown actor / country
    "E203": 400,   # bad dyad
    "E204": 404,   # unknown article
    "E301": 401,   # token
    "E302": 400,   # bad parameter
    "E303": 404,
    "E304": 403,
    "E305": 404,
}


class WebError(CommuniqueError):
    """A CommuniqueError that knows its HTTP status."""

    def __init__(self, template: str, status: int | None = None, **kwargs: object) -> None:
        super().__init__(template, **kwargs)
        if template in _LOCAL:
            self.code = _LOCAL[template]
            self.args = (f"[{self.code}] " + template.format(**kwargs),)
        self.message = template.format(**kwargs)
        self.status = status or STATUS.get(self.code, 400)


def status_for(exc: CommuniqueError) -> int:
    return getattr(exc, "status", None) or STATUS.get(exc.code, 400)


def message_of(exc: CommuniqueError) -> str:
    msg = getattr(exc, "message", None)
    if msg:
        return msg
    text = str(exc)
    prefix = f"[{exc.code}] "
    return text[len(prefix):] if text.startswith(prefix) else text


def payload(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def bad_param(name: str, reason: str) -> WebError:
    return WebError(E.E302, name=name, reason=reason)
