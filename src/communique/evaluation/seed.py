"""The seed article against its hand-coded gold (../shared/gold/seed.gold.json).

People (name, country, role), events (source and target country, PLOVER type, modality,
date; direction counts), quote speakers, and sectors.  The article is coded with the
published date the gold gives.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from . import SuiteResult, Table

NAME = "seed"
SEED_FILE = "seeds/000_f8d464c467906139.txt"


def _norm(s: Optional[str]) -> str:
    return " ".join((s or "").lower().replace("-", " ").split())


def _same_person(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a in b or b in a)


def _event_key(e: dict) -> tuple:
    return (e["source"]["country"], e["target"]["country"], e["plover"]["type"], e["when"], e["date"])


def score(gold: dict, coded: dict) -> SuiteResult:
    actors = {a["id"]: a for a in coded["actors"]}
    # people
    people_rows, people_ok = [], 0
    for p in gold["people"]:
        hit = next((a for a in coded["actors"] if a["kind"] == "person" and _same_person(a["name"], p["name"])), None)
        role = p["role"].split(" (")[0]
        ok = bool(hit) and hit["country"] == p["country"] and (hit.get("role") or "") == role
        people_ok += ok
        people_rows.append([p["name"], p["country"], role, hit["name"] if hit else "-",
                            hit["country"] if hit else "-", (hit or {}).get("role") or "-", "ok" if ok else "WRONG"])
    # events
    preds = coded["events"]
    used: set[int] = set()
    ev_rows, found, found_any_dir = [], 0, 0
    for g in gold["events"]:
        want = (g["source"], g["target"], g["plover"], g["when"], g["date"])
        idx = next((i for i, e in enumerate(preds) if i not in used and _event_key(e) == want), None)
        rev = next((e for e in preds if (e["target"]["country"], e["source"]["country"], e["plover"]["type"])
                    == (g["source"], g["target"], g["plover"])), None)
        if idx is not None:
            used.add(idx)
            found += 1
            found_any_dir += 1
            e = preds[idx]
            ev_rows.append([f'{g["source"]}->{g["target"]}', g["plover"], g["when"], g["date"], "found",
                            e["cameo"]["code"], e["plover"]["mode"] or "-", (e["location"] or {}).get("name") or "-",
                            e["confidence"]])
        else:
            found_any_dir += rev is not None
            ev_rows.append([f'{g["source"]}->{g["target"]}', g["plover"], g["when"], g["date"],
                            "reversed" if rev else "MISSED", "-", "-", "-", "-"])
    extra = [e for i, e in enumerate(preds) if i not in used]
    for e in extra:
        ev_rows.append([f'{e["source"]["country"]}->{e["target"]["country"]}', e["plover"]["type"], e["when"],
                        e["date"], "EXTRA", e["cameo"]["code"], e["plover"]["mode"] or "-",
                        (e["location"] or {}).get("name") or "-", e["confidence"]])
    # quotes
    q_rows, q_ok = [], 0
    for gq in gold.get("quotes", []):
        q = next((q for q in coded["quotes"] if q["text"].lstrip("\"“ ").startswith(gq["quote_start"])), None)
        sp = (q or {}).get("speaker") or {}
        name = sp.get("name") or (actors.get(sp.get("actor")) or {}).get("name")
        ok = bool(q) and _same_person(name or "", gq["speaker"])
        q_ok += ok
        q_rows.append([gq["quote_start"], gq["speaker"], name or "-", "ok" if ok else ("MISSED" if not q else "WRONG")])
    # sectors
    gs, ps = set(gold.get("sectors", [])), set(coded.get("sectors", []))
    n_ev = len(gold["events"])
    metrics = {
        "people_accuracy": round(people_ok / len(gold["people"]), 4),
        "event_recall": round(found / n_ev, 4),
        "event_precision": round(found / len(preds), 4) if preds else 0.0,
        "event_recall_any_direction": round(found_any_dir / n_ev, 4),
        "extra_events": len(extra),
        "quote_speaker_accuracy": round(q_ok / len(gold.get("quotes", [])), 4) if gold.get("quotes") else 0.0,
        "sector_recall": round(len(gs & ps) / len(gs), 4) if gs else 1.0,
        "sector_precision": round(len(gs & ps) / len(ps), 4) if ps else 0.0,
    }
    return SuiteResult(NAME, metrics=metrics, tables=[
        Table("people", ["gold name", "country", "role", "found", "country", "role", ""], people_rows),
        Table("events", ["dyad", "type", "when", "date", "status", "cameo", "mode", "location", "confidence"], ev_rows),
        Table("quotes", ["starts", "gold speaker", "speaker", ""], q_rows),
        Table("sectors", ["gold", "extracted", "missing", "extra"],
              [[", ".join(sorted(gs)), ", ".join(sorted(ps)), ", ".join(sorted(gs - ps)) or "-",
                ", ".join(sorted(ps - gs)) or "-"]]),
    ])


def run(shared: Optional[Path]) -> SuiteResult:
    if shared is None:
        return SuiteResult(NAME, skipped="../shared is absent")
    gold_path, text_path = shared / "gold" / "seed.gold.json", shared / SEED_FILE
    if not gold_path.exists() or not text_path.exists():
        return SuiteResult(NAME, skipped="seed article or gold missing")
    import communique
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    coded = communique.extract(text_path.read_text(encoding="utf-8"), published=gold.get("pub_date"),
                               url=gold.get("url")).to_dict()
    return score(gold, coded)
