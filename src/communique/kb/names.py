"""Name normalisation shared by the knowledge base and the resolver."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = re.compile(r"[\s\-‐‑‒–—_]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_DROP = re.compile(r"[\"“”().,]")


@lru_cache(maxsize=65536)
def norm(s: str) -> str:
    """Lowercase, accents folded, hyphens/dashes as spaces, quotes unified, dots dropped.

    ``norm("Kassym-Jomart Tokayev") == norm("Kassym Jomart  Tokayev") == "kassym jomart tokayev"``
    """
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(_QUOTES).replace("ı", "i")
    s = _DROP.sub("", s.lower())
    return _DASHES.sub(" ", s).strip()


def strip_the(s: str) -> str:
    return s[4:] if s.startswith("the ") else s


def surname(name_norm: str) -> str:
    toks = name_norm.split()
    return toks[-1] if toks else ""


def slug(s: str) -> str:
    return norm(s)
