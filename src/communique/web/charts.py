"""Geometry for the server-rendered SVG charts (network of states, dyad trend).

Only numbers and plain strings come out of here; the templates draw them, so
labels pass through Jinja2's autoescape like any other text.
"""
from __future__ import annotations

import math
from ..memory.chart import _months  # one month-range helper for chart and web


def _goldstein_colour(g: float | None) -> str:
    if g is None:
        return "#8a94a6"
    if g >= 3:
        return "#1b7f5a"
    if g >= 0:
        return "#4f9d7e"
    if g > -4:
        return "#d08a2e"
    return "#c0392b"


def _component_order(ids: list[str], edges: list[dict]) -> list[str]:
    """Nodes grouped by connected component (largest first), each walked breadth-first from its
    busiest node, so that neighbours sit next to each other on the circle."""
    adj: dict[str, list[tuple[int, str]]] = {i: [] for i in ids}
    for e in edges:
        adj[e["a"]].append((e["events"], e["b"]))
        adj[e["b"]].append((e["events"], e["a"]))
    rank = {c: i for i, c in enumerate(ids)}          # ids come sorted by activity
    seen: set[str] = set()
    comps: list[list[str]] = []
    for start in ids:
        if start in seen:
            continue
        comp, queue = [], [start]
        seen.add(start)
        while queue:
            n = queue.pop(0)
            comp.append(n)
            for _, m in sorted(adj[n], key=lambda wm: (-wm[0], rank[wm[1]])):
                if m not in seen:
                    seen.add(m)
                    queue.append(m)
        comps.append(comp)
    comps.sort(key=lambda c: (-len(c), rank[c[0]]))
    return [n for c in comps for n in c]


def network_layout(net: dict, width: int = 640, height: int = 540, max_nodes: int = 36) -> dict:
    """States on a circle, grouped by connected component; dyads as chords weighted by events."""
    nodes = net.get("nodes", [])[:max_nodes]
    ids = [n["id"] for n in nodes]
    keep = set(ids)
    edges = [e for e in net.get("edges", []) if e["a"] in keep and e["b"] in keep]
    if not ids:
        return {"width": width, "height": height, "nodes": [], "edges": []}
    order = _component_order(ids, edges)
    k = len(order)
    cx, cy = width / 2, height / 2
    r0 = min(width, height) / 2 - 48
    pos = {}
    for i, c in enumerate(order):
        ang = -math.pi / 2 + 2 * math.pi * i / k
        pos[c] = (cx + r0 * math.cos(ang), cy + r0 * math.sin(ang), ang)
    by_id = {n["id"]: n for n in nodes}
    maxn = max(n["events"] for n in nodes) or 1
    maxw = max((e["events"] for e in edges), default=1)
    out_nodes = []
    for c in order:
        x, y, ang = pos[c]
        r = 5 + 10 * math.sqrt(by_id[c]["events"] / maxn)
        lx, ly = cx + (r0 + r + 14) * math.cos(ang), cy + (r0 + r + 14) * math.sin(ang) + 4
        anchor = "middle" if abs(math.cos(ang)) < 0.3 else ("start" if math.cos(ang) > 0 else "end")
        out_nodes.append({"id": c, "x": round(x, 1), "y": round(y, 1), "r": round(r, 1), "events": by_id[c]["events"],
                          "lx": round(lx, 1), "ly": round(ly, 1), "anchor": anchor})
    out_edges = []
    for e in edges:
        (x1, y1, _), (x2, y2, _) = pos[e["a"]], pos[e["b"]]
        # a chord bent towards the centre: quadratic curve through a point between midpoint and centre
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        qx, qy = mx + (cx - mx) * 0.35, my + (cy - my) * 0.35
        out_edges.append({"a": e["a"], "b": e["b"], "d": f"M{x1:.1f},{y1:.1f} Q{qx:.1f},{qy:.1f} {x2:.1f},{y2:.1f}",
                          "x1": round(x1, 1), "y1": round(y1, 1), "x2": round(x2, 1), "y2": round(y2, 1),
                          "w": round(1.2 + 6 * e["events"] / maxw, 1), "colour": _goldstein_colour(e.get("tone")),
                          "events": e["events"], "tone": e.get("tone")})
    out_edges.sort(key=lambda e: e["w"])     # heavy edges drawn last, on top
    return {"width": width, "height": height, "nodes": out_nodes, "edges": out_edges}


def continuous_periods(trend: list[dict], max_months: int = 60) -> list[dict]:
    """Monthly points with the empty months in between (zero events), or yearly points
    (events summed, index weighted by events) when the span is longer than `max_months`."""
    pts = sorted((t for t in trend if t.get("period") and len(str(t["period"])) >= 7), key=lambda t: t["period"])
    if not pts:
        return [t for t in trend if t.get("period")]
    months = _months(pts[0]["period"][:7], pts[-1]["period"][:7])
    by = {t["period"][:7]: t for t in pts}
    if len(months) <= max_months:
        return [by.get(p, {"period": p, "events": 0, "cooperation_index": None}) for p in months]
    years: dict[str, dict] = {}
    for t in pts:
        y = years.setdefault(t["period"][:4], {"period": t["period"][:4], "events": 0, "_s": 0.0, "_n": 0})
        n = int(t.get("events") or 0)
        y["events"] += n
        if t.get("cooperation_index") is not None and n:
            y["_s"] += float(t["cooperation_index"]) * n
            y["_n"] += n
    out = []
    for yr in range(int(pts[0]["period"][:4]), int(pts[-1]["period"][:4]) + 1):
        y = years.get(str(yr), {"period": str(yr), "events": 0, "_s": 0.0, "_n": 0})
        out.append({"period": y["period"], "events": y["events"],
                    "cooperation_index": round(y["_s"] / y["_n"], 2) if y["_n"] else None})
    return out


def trend_chart(trend: list[dict], width: int = 680, height: int = 240) -> dict:
    """Bars (events per period) and a line (cooperation index on the -10..10 Goldstein scale)."""
    left, right, top, bottom = 44, 44, 16, 40
    pw, ph = width - left - right, height - top - bottom
    pts = continuous_periods(trend)
    if not pts:
        return {"width": width, "height": height, "bars": [], "line": "", "dots": [], "yticks": [], "ci_ticks": [],
                "xlabels": [], "left": left, "right": width - right, "top": top, "bottom": height - bottom,
                "zero_y": top + ph / 2}
    n = len(pts)
    maxe = max(int(t.get("events") or 0) for t in pts) or 1
    slot = pw / n
    bw = max(4.0, min(48.0, slot * 0.6))
    bars, dots, xlabels = [], [], []
    every = max(1, math.ceil(n / 12))

    def ci_y(v: float) -> float:
        v = max(-10.0, min(10.0, v))
        return top + ph * (10 - v) / 20

    for i, t in enumerate(pts):
        x = left + slot * i + slot / 2
        h = ph * int(t.get("events") or 0) / maxe
        hc = ph * min(int(t.get("conflictual") or 0), int(t.get("events") or 0)) / maxe   # conflict on top
        bars.append({"x": round(x - bw / 2, 1), "y": round(top + ph - h, 1), "w": round(bw, 1), "h": round(h, 1),
                     "hc": round(hc, 1), "period": t["period"], "events": t.get("events"),
                     "conflictual": int(t.get("conflictual") or 0)})
        ci = t.get("cooperation_index")
        if ci is not None:
            dots.append({"x": round(x, 1), "y": round(ci_y(float(ci)), 1), "value": ci, "period": t["period"]})
        if i % every == 0:
            xlabels.append({"x": round(x, 1), "text": str(t["period"])})
    line = " ".join(f"{d['x']},{d['y']}" for d in dots)
    step = max(1, math.ceil(maxe / 4))
    yticks = [{"y": round(top + ph - ph * v / maxe, 1), "text": str(v)} for v in range(0, maxe + 1, step)]
    ci_ticks = [{"y": round(ci_y(v), 1), "text": f"{v:+d}" if v else "0"} for v in (-10, -5, 0, 5, 10)]
    return {"width": width, "height": height, "bars": bars, "line": line, "dots": dots, "yticks": yticks,
            "ci_ticks": ci_ticks, "xlabels": xlabels, "left": left, "right": width - right, "top": top,
            "bottom": height - bottom, "zero_y": round(ci_y(0), 1)}
