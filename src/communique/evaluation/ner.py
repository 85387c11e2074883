"""Suite `ner`: source/target spans of ../shared/eval/dev/cameo_ner_train.txt against our actors.

The file has one token per line with B/I-S (source actor), B/I-T (target), B/I-R (other) tags.
For every S and T span we ask:

- ``country_rate``: does our actor resolution give a country (or IGO) for the span (any of our actor
  mentions overlapping it has a country)?
- ``side_agreement``: in sentences where we coded at least one event, is the S span covered by a
  mention of one of our events' source actors (and the T span by a target actor)?
  ``side_swapped`` counts spans found on the opposite side.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from . import SuiteResult, Table

NAME = "ner"
REL = "eval/dev/cameo_ner_train.txt"
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", "'s", "’s", ")", "%", "n't", "'"}


def read_conll(path: Path) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """-> [(text, [(tag S|T|R, start, end), ...])]; tokens joined with spaces (light detokenisation)."""
    out, toks = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            parts = line.rsplit(" ", 1)
            toks.append((parts[0], parts[1] if len(parts) > 1 else "O"))
            continue
        if not toks:
            continue
        text, spans, cur = "", [], None
        for tok, tag in toks:
            if text and tok not in NO_SPACE_BEFORE and not text.endswith(("(", "$")):
                text += " "
            start = len(text)
            text += tok
            if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[0] != tag[2:])):
                if cur:
                    spans.append(tuple(cur))
                cur = [tag[2:], start, len(text)]
            elif tag.startswith("I-") and cur:
                cur[2] = len(text)
            else:
                if cur:
                    spans.append(tuple(cur))
                cur = None
        if cur:
            spans.append(tuple(cur))
        out.append((text, spans))
        toks = []
    return out


def _overlap(a0, a1, b0, b1) -> bool:
    return min(a1, b1) > max(a0, b0)


def run(shared: Optional[Path] = None, limit: Optional[int] = None) -> SuiteResult:
    if shared is None or not (shared / REL).exists():
        return SuiteResult(NAME, skipped="../shared/eval/dev/cameo_ner_train.txt is absent")
    data = read_conll(shared / REL)[:limit]
    from ..pipeline import get_pipeline, make_doc
    nlp = get_pipeline()
    docs = nlp.pipe((make_doc(nlp, text, {}) for text, _ in data), batch_size=32)
    n_spans = with_country = 0
    ev_spans = agree = swapped = 0
    by_side = {"S": [0, 0, 0, 0], "T": [0, 0, 0, 0]}   # spans, with country, in event sentences, agreeing
    sentences_with_events = 0
    for (text, spans), doc in zip(data, docs):
        mentions = doc._.actor_mentions or []
        table = doc._.actor_table or {}
        events = doc._.events or []
        src_keys = {e.source.actor for e in events if e.source and e.source.actor}
        tgt_keys = {e.target.actor for e in events if e.target and e.target.actor}
        if events:
            sentences_with_events += 1
        for side, s, e in spans:
            if side not in ("S", "T"):
                continue
            n_spans += 1
            by_side[side][0] += 1
            over = [m for m in mentions if _overlap(s, e, m.start, m.end)]
            if any(table.get(m.key) is not None and table[m.key].country for m in over):
                with_country += 1
                by_side[side][1] += 1
            if not events:
                continue
            ev_spans += 1
            by_side[side][2] += 1
            keys = {m.key for m in over}
            same, other = (src_keys, tgt_keys) if side == "S" else (tgt_keys, src_keys)
            if keys & same:
                agree += 1
                by_side[side][3] += 1
            elif keys & other:
                swapped += 1
    metrics = {
        "spans": float(n_spans),
        "country_rate": with_country / n_spans if n_spans else 0.0,
        "side_agreement": agree / ev_spans if ev_spans else 0.0,
        "side_swapped": swapped / ev_spans if ev_spans else 0.0,
        "event_sentence_share": sentences_with_events / len(data) if data else 0.0,
    }
    rows = [[side, v[0], v[1] / v[0] if v[0] else 0.0, v[2], v[3] / v[2] if v[2] else 0.0]
            for side, v in by_side.items()]
    return SuiteResult(NAME, metrics, [Table("S/T spans", ["side", "spans", "country rate",
                                                            "spans in event sentences", "side agreement"], rows)])
