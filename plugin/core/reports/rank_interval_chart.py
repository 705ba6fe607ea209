"""Rank-interval chart of all districts: where each one stands, and how sure that is (SVG).

Every ranked district is one vertical bar from its 5 % to its 95 % rank over the simulated recipes, in
the colour of its class in the recipe, with a dot at its rank in the recipe; districts are sorted by
that rank (1 = most disadvantaged, left). Bars of districts whose class probability is below the
threshold are drawn with a dark edge. ``highlight`` (a table row position) draws one district in the
atlas highlight colour over the whole city, for a district's atlas page. Texts (title, axis, legend)
are SVG text; the SVG user unit is 0.1 mm.
"""
from html import escape
from typing import Optional

import numpy as np

from ..i18n import tr

HIGHLIGHT = "#d7301f"  # the atlas highlight colour (core.reports.trend_chart.DISTRICT_COLOUR)
GRID = "#d9d9d9"
AXIS = "#969696"
TEXT = "#252525"
FONT = "font-family='DejaVu Sans, Arial, sans-serif'"


def _ticks(n: int) -> list[int]:
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000,
                            50000, 100000) if n / s <= 6)
    return [1] + list(range(step, n + 1, step))


def rank_interval_svg(rank: np.ndarray, p05: np.ndarray, p95: np.ndarray, class_no: np.ndarray,
                      class_prob: np.ndarray, colours: list, labels: list, title: str,
                      width_mm: float = 180.0, height_mm: float = 90.0, threshold: float = 0.8,
                      highlight: Optional[int] = None, bare: bool = False) -> str:
    """SVG text of the chart. Arrays run over the table rows (NaN rank = not ranked, left out);
    ``class_no`` 1..n indexes ``colours``/``labels``. ``bare``: graphics only (no title, tick labels, axis
    titles or legend) for a layout that prints those texts as labels: Qt's SVG renderer would turn SVG text
    into outlines in a PDF (see trend_chart)."""
    rank = np.asarray(rank, dtype=float)
    shown = np.flatnonzero(np.isfinite(rank))
    order = shown[np.argsort(rank[shown], kind="stable")]
    n = order.size
    w, h = width_mm * 10, height_mm * 10
    left, right, top, bottom = (15.0, 15.0, 15.0, 15.0) if bare else (110.0, 20.0, 70.0, 120.0)
    pw, ph = w - left - right, h - top - bottom
    n_axis = max(n, 1)

    def x(i):
        return left + (i + 0.5) * pw / n_axis

    def y(r):
        return top + (r - 1) / max(n_axis - 1, 1) * ph

    out = [f"<svg xmlns='http://www.w3.org/2000/svg' version='1.2' baseProfile='tiny' width='{width_mm}mm' "
           f"height='{height_mm}mm' viewBox='0 0 {w:.0f} {h:.0f}'>"]
    if not bare:
        out.append(f"<text x='{left:.0f}' y='40' font-size='38' {FONT} fill='{TEXT}'>{escape(title)}</text>")
    for t in _ticks(n_axis):
        out.append(f"<line x1='{left:.1f}' y1='{y(t):.1f}' x2='{left + pw:.1f}' y2='{y(t):.1f}' stroke='{GRID}' "
                   "stroke-width='1.5'/>")
        if not bare:
            out.append(f"<text x='{left - 12:.0f}' y='{y(t) + 9:.1f}' font-size='26' text-anchor='end' {FONT} "
                       f"fill='{TEXT}'>{t}</text>")
    bar = max(min(pw / n_axis * 0.8, 12.0), 0.6)
    for i, row in enumerate(order):
        cls = int(class_no[row]) if np.isfinite(class_no[row]) else 0
        colour = colours[cls - 1] if 1 <= cls <= len(colours) else AXIS
        edge = " stroke='#000000' stroke-width='0.8'" if class_prob[row] < threshold else ""
        if highlight is not None:
            colour, edge = "#bdbdbd", ""
        top_y, bottom_y = y(p05[row]), y(p95[row])
        out.append(f"<rect x='{x(i) - bar / 2:.2f}' y='{top_y:.2f}' width='{bar:.2f}' "
                   f"height='{max(bottom_y - top_y, 1.0):.2f}' fill='{colour}'{edge}/>")
    if highlight is not None and highlight in set(order.tolist()):
        i = int(np.flatnonzero(order == highlight)[0])
        top_y, bottom_y = y(p05[highlight]), y(p95[highlight])
        out.append(f"<rect x='{x(i) - max(bar, 6) / 2:.2f}' y='{top_y:.2f}' width='{max(bar, 6):.2f}' "
                   f"height='{max(bottom_y - top_y, 2.0):.2f}' fill='{HIGHLIGHT}'/>")
        out.append(f"<circle cx='{x(i):.2f}' cy='{y(rank[highlight]):.2f}' r='9' fill='#ffffff' "
                   f"stroke='{HIGHLIGHT}' stroke-width='4'/>")
    elif n <= 1500:
        for i, row in enumerate(order):
            out.append(f"<circle cx='{x(i):.2f}' cy='{y(rank[row]):.2f}' r='{max(min(bar / 2, 4.0), 1.0):.2f}' "
                       f"fill='{TEXT}'/>")
    out.append(f"<line x1='{left:.1f}' y1='{top:.1f}' x2='{left:.1f}' y2='{top + ph:.1f}' stroke='{AXIS}' "
               "stroke-width='2'/>")
    if bare:
        out.append("</svg>")
        return "\n".join(out) + "\n"
    out.append(f"<text x='30' y='{top + ph / 2:.1f}' font-size='26' {FONT} fill='{TEXT}' text-anchor='middle' "
               f"transform='rotate(-90 30 {top + ph / 2:.1f})'>{escape(tr('Rank (1 = most disadvantaged)'))}</text>")
    out.append(f"<text x='{left + pw / 2:.1f}' y='{top + ph + 36:.1f}' font-size='26' text-anchor='middle' {FONT} "
               f"fill='{TEXT}'>{escape(tr('Districts sorted by rank; bar: 5–95 % rank interval'))}</text>")
    lx, ly = left, top + ph + 80
    for label, colour in zip(labels, colours):
        out.append(f"<rect x='{lx:.0f}' y='{ly - 18:.0f}' width='22' height='22' fill='{colour}'/>")
        out.append(f"<text x='{lx + 30:.0f}' y='{ly:.0f}' font-size='24' {FONT} fill='{TEXT}'>"
                   f"{escape(str(label))}</text>")
        lx += 60 + 13 * len(str(label))
    if highlight is None:
        out.append(f"<rect x='{lx:.0f}' y='{ly - 18:.0f}' width='22' height='22' fill='#ffffff' stroke='#000000' "
                   "stroke-width='0.8'/>")
        out.append(f"<text x='{lx + 30:.0f}' y='{ly:.0f}' font-size='24' {FONT} fill='{TEXT}'>"
                   f"{escape(tr('edge: class probability below {p:.0f} %').format(p=threshold * 100))}</text>")
    out.append("</svg>")
    return "\n".join(out) + "\n"
