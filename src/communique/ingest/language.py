"""Cheap language identification: is this article English?

A stop-word ratio settles the common case (English news is ~40% function
words) in microseconds; only texts that fail it go to `lingua` (low-accuracy
mode over a fixed set of news languages, built once per process).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

_EN_STOP = frozenset("""
a about after against all also an and are as at be been before being but by can could did do does
for from had has have he her his how i if in into is it its last more most new no not of on one or
other our out over said says she so some than that the their them then there these they this those
to two up was we were what when where which while who will with would you year years
""".split())

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_CHARS = 2000
EN_RATIO = 0.18      # share of English function words above which a text is English
MIN_WORDS = 8        # shorter texts are too short to judge: assumed English


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder
    langs = [getattr(Language, n) for n in (
        "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "PORTUGUESE", "ITALIAN", "DUTCH", "RUSSIAN",
        "UKRAINIAN", "POLISH", "TURKISH", "ARABIC", "PERSIAN", "CHINESE", "JAPANESE", "KOREAN",
        "HINDI", "INDONESIAN", "SWEDISH", "ROMANIAN", "KAZAKH", "GREEK", "HEBREW", "VIETNAMESE")]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def english_ratio(text: str) -> tuple[float, int]:
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    if not words:
        return 0.0, 0
    return sum(w in _EN_STOP for w in words) / len(words), len(words)


def detect(text: str) -> Optional[str]:
    """ISO 639-1 code of the text's language ('en', 'fr', ...), None when unknown."""
    ratio, n = english_ratio(text)
    if n < MIN_WORDS:
        return "en" if n else None
    if ratio >= EN_RATIO:
        return "en"
    try:
        lang = _detector().detect_language_of(text[:SAMPLE_CHARS])
    except Exception:  # lingua missing or failing: fall back on the ratio alone
        return "en" if ratio >= EN_RATIO / 2 else None
    if lang is None:
        return None
    return lang.iso_code_639_1.name.lower()


def normalise(code: Optional[str]) -> Optional[str]:
    """'en-US', 'EN', 'eng', 'english' -> 'en'; other codes lower-cased to their primary tag."""
    if not code:
        return None
    c = str(code).strip().lower().replace("_", "-").split("-")[0]
    return {"eng": "en", "english": "en"}.get(c, c) or None


def is_english(text: str, declared: Optional[str] = None) -> tuple[bool, Optional[str]]:
    """(english?, language code). A declared language is trusted; otherwise it is detected."""
    lang = normalise(declared)
    if lang is None:
        lang = detect(text)
    return (lang in (None, "en")), lang
