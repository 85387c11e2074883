"""Geometry for the server-rendered SVG charts (network of states, dyad trend).

Only numbers and plain strings come out of here; the templates draw them, so
labels pass through Jinja2's autoescape like any other text.
"""
from __future__ import annotations

import math


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


def network_layout(net: dict, width: int = 640, height: int = 420, max_nodes: int = 40,
                   iterations: int = 150) -> dict:
    """Deterministic force-directed layout (Fruchterman-Reingold) of the state network."""
    nodes = net.get("nodes", [])[:max_nodes]
    ids = [n["id"] for n in nodes]
    idx = {c: i for i, c in enumerate(ids)}
    edges = [e for e in net.get("edges", []) if e["a"] in idx and e["b"] in idx]
    k = len(ids)
    if k == 0:
        return {"width": width, "height": height, "nodes": [], "edges": []}
    cx, cy = width / 2, height / 2
    r0 = min(width, height) * 0.38
    pos = [[cx + r0 * math.cos(2 * math.pi * i / k), cy + r0 * math.sin(2 * math.pi * i / k)] for i in range(k)]
    if k > 2:
        area = (width - 80) * (height - 80)
        kk = math.sqrt(area / k) * 0.9
        maxw = max(e["events"] for e in edges) if edges else 1
        t = width / 10
        for _ in range(iterations):
            disp = [[0.0, 0.0] for _ in range(k)]
            for i in range(k):
                for j in range(i + 1, k):
                    dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                    d = math.hypot(dx, dy) or 0.01
                    f = kk * kk / d
                    disp[i][0] += dx / d * f
                    disp[i][1] += dy / d * f
                    disp[j][0] -= dx / d * f
                    disp[j][1] -= dy / d * f
            for e in edges:
                i, j = idx[e["a"]], idx[e["b"]]
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                d = math.hypot(dx, dy) or 0.01
                f = d * d / kk * (0.5 + e["events"] / maxw)
                disp[i][0] -= dx / d * f
                disp[i][1] -= dy / d * f
                disp[j][0] += dx / d * f
                disp[j][1] += dy / d * f
            for i in range(k):   # gravity keeps separate components near the centre
                disp[i][0] -= (pos[i][0] - cx) * 0.25 * kk / r0
                disp[i][1] -= (pos[i][1] - cy) * 0.25 * kk / r0
            for i in range(k):
                d = math.hypot(*disp[i]) or 0.01
                step = min(d, t)
                pos[i][0] = min(width - 45, max(45, pos[i][0] + disp[i][0] / d * step))
                pos[i][1] = min(height - 45, max(30, pos[i][1] + disp[i][1] / d * step))
            t = max(t * 0.96, 1.0)
    maxn = max(n["events"] for n in nodes) or 1
    maxw = max((e["events"] for e in edges), default=1)
    out_nodes = [{"id": n["id"], "x": round(pos[i][0], 1), "y": round(pos[i][1], 1),
                  "r": round(7 + 13 * math.sqrt(n["events"] / maxn), 1), "events": n["events"]}
                 for i, n in enumerate(nodes)]
    out_edges = [{"a": e["a"], "b": e["b"], "x1": round(pos[idx[e["a"]]][0], 1), "y1": round(pos[idx[e["a"]]][1], 1),
                  "x2": round(pos[idx[e["b"]]][0], 1), "y2": round(pos[idx[e["b"]]][1], 1),
                  "w": round(1 + 5 * e["events"] / maxw, 1), "colour": _goldstein_colour(e.get("tone")),
                  "events": e["events"], "tone": e.get("tone")} for e in edges]
    return {"width": width, "height": height, "nodes": out_nodes, "edges": out_edges}


def trend_chart(trend: list[dict], width: int = 680, height: int = 240) -> dict:
    """Bars (events per period) and a line (cooperation index on the -10..10 Goldstein scale)."""
    left, right, top, bottom = 44, 44, 16, 40
    pw, ph = width - left - right, height - top - bottom
    pts = [t for t in trend if t.get("period")]
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
        bars.append({"x": round(x - bw / 2, 1), "y": round(top + ph - h, 1), "w": round(bw, 1), "h": round(h, 1),
                     "period": t["period"], "events": t.get("events")})
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
