"""Country codes and names for the relationship commands: 'kaz', 'Kazakhstan', 'Kazakh', 'KZ' -> 'KAZ'.

Reads the project's derived country and organisation lists (communique/data/kb, see its
MANIFEST) and, as a fallback, the country actors already in the store.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..errors import E, CommuniqueError

KB_DIR = Path(__file__).resolve().parents[1] / "data" / "kb"


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(alias -> code, code -> display name)."""
    alias: dict[str, str] = {}
    names: dict[str, str] = {}
    for fname, keys in (("countries.json", ("names", "adjectives", "variants")), ("orgs.json", ("names", "acronyms"))):
        p = KB_DIR / fname
        if not p.exists():
            continue
        for row in json.loads(p.read_text(encoding="utf-8")):
            code = row.get("code")
            if not code:
                continue
            names.setdefault(code, row.get("name") or code)
            for a in [row.get("name"), row.get("official"), row.get("iso2")] + sum((row.get(k) or [] for k in keys), []):
                if a:
                    alias.setdefault(_norm(a), code)
    return alias, names


def country_name(code: Optional[str]) -> str:
    if not code:
        return "?"
    return _tables()[1].get(code.upper(), code)


def resolve(value: str, con=None) -> str:
    """A country/organisation code for a code or a name; E202 when unknown."""
    v = (value or "").strip()
    alias, names = _tables()
    if v.upper() in names:
        return v.upper()
    code = alias.get(_norm(v))
    if code:
        return code
    if con is not None:
        row = con.execute("""SELECT country FROM actors WHERE country IS NOT NULL AND
                             (lower(name) = lower(?) OR upper(country) = upper(?)) LIMIT 1""", [v, v]).fetchone()
        if row:
            return row[0]
    if re.fullmatch(r"[A-Za-z]{3}", v) and not names:
        return v.upper()
    raise CommuniqueError(E.E202, code=value)
