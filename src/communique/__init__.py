"""communique: news about international relations, coded into traceable events.

The one-function API::

    import communique
    coded = communique.extract(text, published="2025-02-25")
    coded.to_dict()        # the JSON of the extraction contract

This package's core (extraction) imports no IO layer: no DuckDB, FastAPI,
Spark or CLI code is loaded by ``import communique``.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from .model import CodedArticle

__version__ = "0.1.0"


def extract(text: str, *, published: Optional[str] = None, url: Optional[str] = None,
            title: Optional[str] = None, outlet: Optional[str] = None) -> CodedArticle:
    """Code one article: actors, events (CAMEO + PLOVER), quotes, time and place."""
    return next(extract_many([{"text": text, "published": published, "url": url,
                               "title": title, "outlet": outlet}]))


def extract_many(records: Iterable[dict], batch_size: int = 16) -> Iterator[CodedArticle]:
    """Code many records (dicts with `text` and optional url/title/outlet/published), in order."""
    from . import assemble, pipeline
    nlp = pipeline.get_pipeline()

    def docs():
        for r in records:
            meta = {k: v for k, v in r.items() if k != "text"}
            yield pipeline.make_doc(nlp, r["text"], meta)

    for doc in pipeline.run(docs(), nlp, batch_size=batch_size):
        yield assemble.build(doc)


__all__ = ["extract", "extract_many", "CodedArticle", "__version__"]
