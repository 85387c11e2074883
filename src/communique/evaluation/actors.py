"""Suite `actors`: actor mentions in context, from fixtures we wrote (fixtures/actors.jsonl).

Fixtures are read from every ``fixtures/actors*.jsonl`` file.  Each line is a short text with its publication date and the mentions expected in it:
``{"text": "...", "published": "2025-02-25", "category": "coref",
   "mentions": [{"text": "the diplomat", "nth": 0, "country": "OMN", "sector": "GOV", "name": "..."}]}``
``country: null`` means the span must not resolve to any country (traps: Michael Jordan, turkey the
bird, China Daily; places: "in Astana").  A mention is matched to the resolver's mention that overlaps
its span most.  Metrics: ``country_accuracy``, ``country_sector_accuracy``, ``name_accuracy`` (where a
name is expected), per category.  Optional keys: ``dateline`` ({"place", "country"}) gives the article's
dateline; ``not_name`` on a mention names a person the mention must NOT resolve to (indefinites);
``not_kind`` an actor kind the mention must not have (weapon systems: ``"not_kind": "person"``);
``its`` lists possessive pronouns and their owners (``[{"nth": 1, "owner": "Sweden"}]``: the second
"its"/"their" of the text means the actor mention containing "Sweden"), scored by ``its_accuracy``
(`actors_pronouns.its_owner`) next to ``its_nearest_accuracy`` (the nearest state or organisation before
the pronoun, the rule the event coder used for every "its").
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Optional

from . import FIXTURES_DIR, SuiteResult, Table

NAME = "actors"
FIXTURE = FIXTURES_DIR / "actors.jsonl"


def load_fixtures(path: Optional[Path] = None) -> list[dict]:
    """One fixture file, or (default) every fixtures/actors*.jsonl file."""
    paths = [path] if path is not None else sorted(FIXTURES_DIR.glob("actors*.jsonl"))
    out = []
    for p in paths:
        with p.open(encoding="utf-8") as fh:
            out += [json.loads(line) for line in fh if line.strip()]
    return out


def _span(text: str, needle: str, nth: int) -> Optional[tuple[int, int]]:
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(needle)


def _best(mentions, s: int, e: int):
    best, best_ov = None, 0
    for m in mentions:
        ov = min(e, m.end) - max(s, m.start)
        if ov > best_ov or (ov == best_ov and best is not None and ov > 0
                            and abs(m.end - m.start - (e - s)) < abs(best.end - best.start - (e - s))):
            best, best_ov = m, ov
    return best


def _same_name(kb, got: Optional[str], want: str) -> bool:
    from ..kb.names import norm
    if not got:
        return False
    if norm(got) == norm(want):
        return True
    a, b = kb.person_by_name(got), kb.person_by_name(want)
    return a is not None and a is b


def score(fixtures: list[dict], kb=None) -> dict:
    from ..actors_testing import actor_doc
    from ..kb import KnowledgeBase
    kb = kb or KnowledgeBase.default()
    rows, fails, its_rows = [], [], []
    for fx in fixtures:
        doc = actor_doc(fx["text"], fx.get("published"), dateline=fx.get("dateline"), kb=kb)
        for exp in fx["mentions"]:
            sp = _span(fx["text"], exp["text"], exp.get("nth", 0))
            if sp is None:
                raise ValueError(f"fixture {fx.get('id')}: {exp['text']!r} not in text")
            m = _best(doc._.actor_mentions, *sp)
            a = doc._.actor_table.get(m.key) if m else None
            got_c = a.country if a else None
            got_s = a.sector if a else None
            ok_c = got_c == exp["country"]
            if exp.get("kind"):
                ok_c = ok_c and a is not None and a.kind == exp["kind"]
            if exp.get("not_kind"):
                ok_c = ok_c and (a is None or a.kind != exp["not_kind"])
            ok_cs = ok_c and (exp["country"] is None and not exp.get("kind") or got_s == exp.get("sector"))
            ok_n = _same_name(kb, a.name if a else None, exp["name"]) if exp.get("name") else None
            if exp.get("not_name"):
                ok_n = (ok_n is not False) and not _same_name(kb, a.name if a else None, exp["not_name"])
            rows.append((fx.get("category", "?"), ok_c, ok_cs, ok_n))
            if not (ok_c and ok_cs and ok_n is not False):
                fails.append([fx.get("id"), exp["text"], f"{exp['country']}/{exp.get('sector')}",
                              f"{got_c}/{got_s}", (a.name if a else "-"), (m.how if m else "-")])
        for exp in fx.get("its", []):
            ok, ok_near, got = _its(doc, exp)
            its_rows.append((ok, ok_near))
            if not ok:
                fails.append([fx.get("id"), f"its #{exp['nth']}", exp["owner"], got, "-", "its-owner"])
    return {"rows": rows, "fails": fails, "its": its_rows}


def _its(doc, exp: dict) -> tuple[bool, bool, str]:
    from ..actors_pronouns import POSSESSIVE_PRONOUNS, its_owner
    toks = [t.i for t in doc if t.lower_ in POSSESSIVE_PRONOUNS]
    tok = toks[exp["nth"]]
    ms, table = doc._.actor_mentions, doc._.actor_table
    m = its_owner(doc, tok, ms, table)
    near = [x for x in ms if x.token_end <= tok and table[x.key].kind != "person"]
    got = m.text if m else "-"
    return exp["owner"] in got, bool(near) and exp["owner"] in near[-1].text, got


def run(shared: Optional[Path] = None) -> SuiteResult:
    res = score(load_fixtures())
    rows = res["rows"]
    n = len(rows)
    named = [r for r in rows if r[3] is not None]
    metrics = {
        "mentions": float(n),
        "country_accuracy": sum(r[1] for r in rows) / n,
        "country_sector_accuracy": sum(r[2] for r in rows) / n,
        "name_accuracy": (sum(bool(r[3]) for r in named) / len(named)) if named else 1.0,
    }
    its = res["its"]
    if its:
        metrics["its_cases"] = float(len(its))
        metrics["its_accuracy"] = sum(r[0] for r in its) / len(its)
        metrics["its_nearest_accuracy"] = sum(r[1] for r in its) / len(its)
    by = defaultdict(list)
    for r in rows:
        by[r[0]].append(r)
    table = Table("accuracy by category", ["category", "mentions", "country", "country+sector"],
                  [[c, len(v), sum(x[1] for x in v) / len(v), sum(x[2] for x in v) / len(v)]
                   for c, v in sorted(by.items())])
    fails = Table("misses", ["fixture", "mention", "expected", "got", "actor", "how"], res["fails"][:40])
    return SuiteResult(NAME, metrics, [table, fails])
