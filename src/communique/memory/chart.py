"""The trend chart of a relationship brief (matplotlib, Agg backend): merged events per month as
stacked bars (cooperative / conflictual / other) and the cooperation index as a line, written as
PNG and SVG next to the brief."""
from __future__ import annotations

from pathlib import Path
from typing import Optional


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def trend_chart(brief: dict, out_dir: Path, stem: Optional[str] = None) -> dict[str, str]:
    """Write <stem>.png and <stem>.svg; returns their paths (empty dict when there is no trend)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    trend = brief.get("trend") or []
    if not trend:
        return {}
    a, b = brief["dyad"]
    stem = stem or f"relation-{a}-{b}-trend"
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    by = {t["period"]: t for t in trend}
    months = _months(trend[0]["period"], trend[-1]["period"])
    coop = [(by.get(p) or {}).get("cooperative") or 0 for p in months]
    conf = [(by.get(p) or {}).get("conflictual") or 0 for p in months]
    other = [max(0, ((by.get(p) or {}).get("events") or 0) - c - k) for p, c, k in zip(months, coop, conf)]
    ci = [(by.get(p) or {}).get("cooperation_index") for p in months]
    x = list(range(len(months)))

    fig, ax = plt.subplots(figsize=(max(6.0, min(14.0, 0.25 * len(months) + 4)), 3.6), dpi=110)
    ax.bar(x, coop, color="#4c9a6a", label="cooperative")
    ax.bar(x, conf, bottom=coop, color="#c0504d", label="conflictual")
    ax.bar(x, other, bottom=[c + k for c, k in zip(coop, conf)], color="#9e9e9e", label="other")
    ax.set_ylabel("events (merged)")
    ax.set_ylim(0, max(1, max(c + k + o for c, k, o in zip(coop, conf, other))) * 1.25)
    ax2 = ax.twinx()
    pts = [(i, v) for i, v in zip(x, ci) if v is not None]
    if pts:
        ax2.plot([p[0] for p in pts], [p[1] for p in pts], "o-", color="#1f4e79", lw=1.6, ms=4,
                 label="cooperation index")
    ax2.axhline(0, color="#1f4e79", lw=0.6, ls=":")
    ax2.set_ylim(-10, 10)
    ax2.set_ylabel("cooperation index (-10..10)")
    step = max(1, len(months) // 12)
    ax.set_xticks(x[::step])
    ax.set_xticklabels(months[::step], rotation=45, ha="right", fontsize=8)
    names = brief.get("names") or {}
    ax.set_title(f"{names.get(a, a)} \u2013 {names.get(b, b)}: events and cooperation per month", fontsize=10)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, loc="upper left", fontsize=7, frameon=False, ncol=4)
    fig.tight_layout()
    png, svg = out_dir / f"{stem}.png", out_dir / f"{stem}.svg"
    fig.savefig(png)
    fig.savefig(svg)
    plt.close(fig)
    return {"png": str(png), "svg": str(svg), "png_name": png.name, "svg_name": svg.name}
