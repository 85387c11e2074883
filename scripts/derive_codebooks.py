#!/usr/bin/env python3
"""Derive communique's codebooks from the source files in ../shared/data.

Writes into ``src/communique/data/codebook/``:

- ``cameo.tsv``     every CAMEO event code (311) with its name (GDELT lookup), GDELT Goldstein value,
                    quad class, level, root and the PLOVER type/mode/contexts it maps to.
- ``plover.json``   the 16 PLOVER event types (quad class, modes, score per type and per mode),
                    the 37 contexts, from the PLOVER manual.

Each file records where its facts come from and under which license.  Only facts (codes, names,
numbers) carry over; none of the manual's prose is copied.

Usage:  python scripts/derive_codebooks.py [--shared ../shared] [--out src/communique/data/codebook]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The GDELT lookup has broken bytes on this line; the name is known.
NAME_FIXES = {"044": "Meet at a third location"}

# PLOVER's manual drops CAMEO 01 (statements) and 02 (appeals).  communique still needs a PLOVER
# type for appeals, empathy and denials it codes, so it extends the 2021 table for these codes,
# following the manual's own suggestion (CAMEO→PLOVER note 2: 015 may be AGREE, 016 REJECT) and
# reading an appeal as a (polite) REQUEST with the mode of the matching 10x demand code.
# Codes left out (010-014, 017) have no PLOVER type.
EXTENSION = {
    "015": ("AGREE", "", ""),
    "016": ("REJECT", "", ""),
    "018": ("SUPPORT", "", "diplomatic"),
    "019": ("SUPPORT", "", "diplomatic"),
}
# 02x appeal -> 10x demand (same third digit; CAMEO built both families in parallel).
APPEAL_TO_DEMAND = True

# Modes in the 2021 table that are not modes of that type in the manual's mode tables.
MODE_FIXES = {
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    ("ASSAULT", "cleansing"): "",
    ("ASSAULT", "pro_autocracy"): "",
    ("THREATEN", "ban"): "restrict",
    ("THREATEN", "political"): "restrict",
    ("RETREAT", "return"): "release",
    ("RETREAT", "ease"): "",
    ("COERCE", "ban"): "restrict",
    ("ASSAULT", "seize"): "destroy",
}
CONTEXT_FIXES = {"democracy": "pro_democracy", "humanitarian": "human_security"}
# Context carried by a mode that the fixes above removed.
MODE_FIX_CONTEXT = {("ASSAULT", "pro_autocracy"): "pro_autocracy", ("ASSAULT", "cleansing"): "religion_ethnicity"}

# The manual prints "ACCUSE 3" in its score table while every ACCUSE mode is negative and ACCUSE
# sits in verbal conflict: the sign is evidently lost.  We record -3.
SCORE_FIXES = {("ACCUSE", ""): -3.0}

PLOVER_LICENSE = "CC BY-SA 4.0"


def quad_of_root(root: int) -> int:
    """GDELT QuadClass of a CAMEO root code."""
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        if line.strip():
            rows.append(line.split("\t"))
    return rows


def parse_cameo2plover(path: Path) -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        parts = [p.strip() for p in rest.split(",")]
        ptype = parts[0].upper()
        if not ptype:
            continue
        mode = parts[1].strip() if len(parts) > 1 else ""
        ctx = parts[2].strip() if len(parts) > 2 else ""
        if code not in out:  # first occurrence wins (175 is listed twice, identically)
            out[code] = (ptype, mode, ctx)
    return out


def _strip_tex(s: str) -> str:
    s = re.sub(r"\\cellcolor\{[^}]*\}", "", s)
    s = re.sub(r"\\hyperref\[[^\]]*\]\{([^}]*)\}", r"\1", s)
    s = s.replace("\\_", "_").replace("\\", "")
    return s.strip()


def parse_manual(path: Path) -> dict:
    tex = path.read_text(encoding="utf-8")
    # Event types and their mode tables: chapter "Event Categories" up to chapter "Contexts".
    cats = tex.split("\\chapter{Event Categories}", 1)[1].split("\\chapter{Contexts}", 1)[0]
    sections = re.split(r"\\section\{([A-Z]+)\}", cats)[1:]
    types: dict[str, dict] = {}
    quad_names = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3,
                  "MATERIAL CONFLICT": 4}
    for name, body in zip(sections[::2], sections[1::2]):
        modes: list[str] = []
        for tab in re.findall(r"Name & Content \\\\(.*?)\\end\{tabular\}", body, re.S):
            for row in tab.splitlines():
                row = row.strip()
                if not row or row.startswith("%") or row.startswith("\\hline") or row.startswith("&"):
                    continue
                cell = row.split("&", 1)[0].strip()
                if re.fullmatch(r"[a-z][a-z\-]*", cell):
                    modes.append(cell)
        quad = re.search(r"Quad category:\s*([A-Z ]+)\}", body)
        recip = re.search(r"Requires recipient:\s*(Yes|No)", body)
        types[name] = {
            "quad_class": quad_names[quad.group(1).strip()] if quad else None,
            "requires_recipient": (recip.group(1) == "Yes") if recip else None,
            "modes": modes,
        }
    # Contexts: the general-contexts long table.
    ctab = tex.split("\\label{tab:general-contexts}", 1)[1].split("\\end{longtable}", 1)[0]
    ctab = ctab.split("\\endlastfoot", 1)[-1]
    contexts = []
    for row in ctab.split("\\\\"):
        row = row.strip()
        if "&" not in row or row.startswith("Name") or "multicolumn" in row:
            continue
        cell = _strip_tex(row.split("&", 1)[0]).replace("\\hline", "").strip()
        cell = cell.replace("hline", "").strip()
        if re.fullmatch(r"[a-z_]+", cell):
            contexts.append(cell)
    # Scores: the live (uncommented) score table.
    stab = tex.split("\\caption{PLOVER conflict--cooperation scores}\n\\hspace", 1)[1]
    stab = stab.split("\\end{tabular}", 1)[0]
    scores: dict[str, dict[str, float]] = {}
    for row in stab.split("\\\\"):
        cells = [_strip_tex(c) for c in row.split("&")]
        for label, val in zip(cells[0::2], cells[1::2]):
            label = label.replace("hline", "").strip()
            if not label or not re.fullmatch(r"-?\d+(\.\d+)?", val.strip()):
                continue
            if ":" in label:
                t, mode = (x.strip() for x in label.split(":", 1))
                mode = mode.lower()
            else:
                t, mode = label.strip(), ""
            if t.upper() == "CATEGORY":
                continue
            value = SCORE_FIXES.get((t, mode), float(val))
            scores.setdefault(t, {})[mode] = value
    return {"types": types, "contexts": contexts, "scores": scores}


def build(shared: Path, out: Path) -> None:
    cam = shared / "data" / "cameo"
    plv = shared / "data" / "plover"
    names = {r[0].strip(): r[1].strip() for r in read_tsv(cam / "CAMEO.eventcodes.txt")}
    gold = {r[0].strip(): float(r[1]) for r in read_tsv(cam / "CAMEO.goldsteinscale.txt")}
    names.update(NAME_FIXES)
    manual = parse_manual(plv / "PLOVER_MANUAL.tex")
    c2p = parse_cameo2plover(plv / "CAMEO2PLOVER-2021.txt")
    ptypes = manual["types"]
    contexts = set(manual["contexts"])
    if len(ptypes) != 16 or len(contexts) != 37:
        sys.exit(f"manual parse: {len(ptypes)} types, {len(contexts)} contexts (expected 16, 37)")

    def norm(code: str, t: str, mode: str, ctx: str, how: str):
        mode = mode.strip().lower()
        extra = []
        if (t, mode) in MODE_FIX_CONTEXT:
            extra.append(MODE_FIX_CONTEXT[(t, mode)])
        mode = MODE_FIXES.get((t, mode), mode)
        if mode and mode not in ptypes[t]["modes"]:
            sys.exit(f"{code}: mode {mode!r} is not a {t} mode in the manual")
        cs = [CONTEXT_FIXES.get(c.strip(), c.strip()) for c in ctx.split(";") if c.strip()] + extra
        for c in cs:
            if c not in contexts:
                sys.exit(f"{code}: context {c!r} is not a PLOVER context")
        return t, mode, ";".join(dict.fromkeys(cs)), how

    rows = []
    for code in names:
        if code not in gold:
            sys.exit(f"no Goldstein value for {code}")
        root = code[:2]
        mapping = ("", "", "", "")
        if code in c2p:
            mapping = norm(code, *c2p[code], "CAMEO2PLOVER-2021")
        elif code in EXTENSION:
            mapping = norm(code, *EXTENSION[code], "communique-extension")
        elif APPEAL_TO_DEMAND and root == "02":
            demand = "10" + code[2:]
            if demand in c2p:
                mapping = norm(code, *c2p[demand], f"communique-extension(as {demand})")
            elif code == "02":
                mapping = norm(code, "REQUEST", "", "", "communique-extension(as 10)")
        elif len(code) == 2 and code in c2p:
            mapping = norm(code, *c2p[code], "CAMEO2PLOVER-2021")
        rows.append((code, len(code) - 2, root, names[code], gold[code], quad_of_root(int(root)), *mapping))
    if len(rows) != 311:
        sys.exit(f"expected 311 CAMEO codes, got {len(rows)}")

    out.mkdir(parents=True, exist_ok=True)
    header = [
        "# CAMEO event codes for communique, derived by scripts/derive_codebooks.py",
        "# code, name: GDELT CAMEO.eventcodes.txt lookup (044 name repaired); goldstein: GDELT "
        "CAMEO.goldsteinscale.txt lookup",
        "# quad_class: GDELT QuadClass by root (01-05 verbal coop, 06-08 material coop, 09-13 verbal "
        "conflict, 14-20 material conflict)",
        f"# plover_*: PLOVER CAMEO2PLOVER-2021.txt (P. Schrodt, PLOVER draft 0.8), {PLOVER_LICENSE}; modes/"
        "contexts normalised to the manual's vocabularies; 015/016/018/019/02x are communique extensions "
        "(plover_source says which)",
        "# CAMEO codes are facts from the CAMEO codebook (Gerner, Schrodt, Yilmaz); cross-checked with the "
        "ICEWS R package code table (MIT)",
    ]
    cols = ["code", "level", "root", "name", "goldstein", "quad_class", "plover_type", "plover_mode",
            "plover_contexts", "plover_source"]
    lines = header + ["\t".join(cols)]
    for r in sorted(rows, key=lambda r: (r[2], r[0].ljust(4, " "))):
        lines.append("\t".join(str(x) for x in r))
    (out / "cameo.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    types_out = {}
    for t, info in ptypes.items():
        sc = manual["scores"].get(t, {})
        types_out[t] = {
            "quad_class": info["quad_class"],
            "requires_recipient": info["requires_recipient"],
            "modes": info["modes"],
            "score": sc.get(""),
            "mode_scores": {m: v for m, v in sc.items() if m},
        }
    plover = {
        "_source": ("PLOVER manual (PLOVER_MANUAL.tex, draft 0.8+), sections 'Event Categories' (types, "
                    "modes, quad class, recipient), 'General contexts' table, 'Numeric conflict/cooperation "
                    "scores' table; derived by scripts/derive_codebooks.py"),
        "_license": PLOVER_LICENSE + " (PLOVER, Open Event Data Alliance)",
        "_notes": ["ACCUSE type score printed as 3 in the manual; recorded as -3 (sign lost: all ACCUSE "
                   "modes are negative and ACCUSE is verbal conflict)",
                   "SANCTION quad class is 4 (material conflict) as in its own section; one summary table "
                   "of the manual lists it under verbal conflict"],
        "types": types_out,
        "contexts": sorted(contexts, key=manual["contexts"].index),
    }
    (out / "plover.json").write_text(json.dumps(plover, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out/'cameo.tsv'} ({len(rows)} codes), {out/'plover.json'} "
          f"({len(types_out)} types, {len(contexts)} contexts)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "communique" / "data" / "codebook")
    a = ap.parse_args(argv)
    if not (a.shared / "data" / "cameo").is_dir():
        print(f"error: {a.shared}/data/cameo not found", file=sys.stderr)
        return 2
    build(a.shared, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
