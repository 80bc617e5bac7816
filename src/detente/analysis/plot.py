"""A dyad's relation over time as a chart: cooperation above the axis, conflict below, breaks marked.

matplotlib is imported here only, with the non-interactive Agg backend, so
charts can be drawn on a server with no display.
"""

from __future__ import annotations

import textwrap
from datetime import timedelta
from pathlib import Path
from typing import Any, Sequence

from .breaks import Break

#: QuadClass columns of a series row, drawn from the axis outwards, with their colours
_BARS = (
    ("verbal_cooperation", "verbal cooperation", "#9ecae1", 1),
    ("material_cooperation", "material cooperation", "#3182bd", 1),
    ("verbal_conflict", "verbal conflict", "#fc9272", -1),
    ("material_conflict", "material conflict", "#de2d26", -1),
)


def plot_relations(rows: Sequence[dict[str, Any]], breaks: Sequence[Break], path: str | Path, title: str, period: str) -> Path:
    """Draw the series (bars per QuadClass, Goldstein mean) with each break and its top event annotated; PNG or SVG by suffix."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    days = [r["period"] for r in rows]
    width = {"day": 0.9, "week": 6, "month": 27}[period]
    fig, (counts, tone) = plt.subplots(2, 1, figsize=(11, 6.5), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    bottoms = {1: [0.0] * len(rows), -1: [0.0] * len(rows)}
    for key, label, colour, side in _BARS:
        values = [side * (r[key] or 0) for r in rows]
        counts.bar(days, values, width=width, bottom=bottoms[side], color=colour, label=label, align="edge")
        bottoms[side] = [b + v for b, v in zip(bottoms[side], values, strict=True)]
    counts.axhline(0, color="#444", linewidth=0.8)
    counts.set_ylabel("events (one a day per source, target, code)")
    counts.legend(loc="upper left", fontsize=8, ncol=4, frameon=False)
    counts.set_title(title)
    tone.plot(days, [r["goldstein_mean"] for r in rows], marker=".", color="#555", linewidth=1)
    tone.axhline(0, color="#bbb", linewidth=0.8)
    tone.set_ylabel("Goldstein mean")
    low, high = counts.get_ylim()
    shown = [b for b in breaks if days and days[0] <= b.date <= days[-1] + timedelta(days=width)]
    for found in shown:
        colour = "#de2d26" if found.direction == "conflict" else "#3182bd"
        for axis in (counts, tone):
            axis.axvline(found.date, color=colour, linestyle="--", linewidth=1.2)
        top = found.events[0] if found.events else None
        note = f"{found.date:%Y-%m-%d} toward {found.direction} x{found.magnitude:g}"
        if top:
            note += "\n" + textwrap.shorten(f"{top['code']} {top['sentence']}", 70)
        counts.annotate(note, (found.date, high * 0.95 if found.direction == "cooperation" else low * 0.95), fontsize=7,
                        color=colour, xytext=(4, 0), textcoords="offset points", va="top" if found.direction == "cooperation" else "bottom",
                        bbox={"boxstyle": "round", "fc": "white", "ec": colour, "alpha": 0.85})
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, format=path.suffix.lstrip(".").lower() or "png", dpi=120)
    plt.close(fig)
    return path


__all__ = ["plot_relations"]
