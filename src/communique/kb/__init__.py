"""The knowledge base: countries, organisations, office holders (dated). (stub: to be built)"""
from __future__ import annotations

from pathlib import Path


class KnowledgeBase:
    _default = None

    @classmethod
    def default(cls) -> "KnowledgeBase":
        if cls._default is None:
            cls._default = cls()
        return cls._default

    def to_disk(self, path: Path) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    @classmethod
    def from_disk(cls, path: Path) -> "KnowledgeBase":
        return cls()
