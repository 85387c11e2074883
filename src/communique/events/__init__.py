"""Event detection and coding (CAMEO + PLOVER) for the `communique_events` component.

``annotate(doc) -> (events, sectors, contexts)``: events carry actor *keys* in
``source.actor``/``target.actor`` (the assembler renumbers them), a PLOVER type/mode/contexts,
the most specific CAMEO code the lexicon is confident of, modality (`when`) and date, a
location, sectors, a confidence, and the evidence sentence (offsets into
``doc._.source_text``).

Modules: `lexicon` (the trigger table), `matching` (which rule fires), `arguments` (tokens ->
actors), `resolve` (source/target per frame), `modality` (when and date), `conventions` (PLOVER
readings, content-taking triggers, confidence), `coder` (the per-Doc loop), `build` (Event
objects, place, dedup), `sentences` (bare sentences for the dev-set evaluations), `adapters`
(neighbouring modules, with fallbacks).
"""
from __future__ import annotations

from .build import DEFAULT_THRESHOLD, annotate, dedup, events_from_candidates
from .coder import Candidate, detect

__all__ = ["annotate", "detect", "dedup", "events_from_candidates", "Candidate", "DEFAULT_THRESHOLD"]
