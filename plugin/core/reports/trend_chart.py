"""A small line chart of one district's year series against the reference mean: SVG graphics plus texts.

Why two parts: Qt's SVG renderer (QGIS picture items) turns SVG text into outlines in a PDF, so the
printed numbers could not be searched, copied or read by screen readers. The chart's *graphics*
(grid, axes, lines, dots, legend keys) are therefore SVG Tiny 1.2, one file per district, and its
*texts* are returned as ``ChartText`` slots (positions in mm inside the chart box) that the atlas
draws as layout labels.

Conventions: one value axis per indicator for all districts (``ChartScale``), so pages can be
compared; German number format (decimal comma); missing years are gaps (a point without
neighbours is drawn as a dot), never zeros; secret districts show no values, only the reference.
The SVG user unit is 0.1 mm.
"""
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Optional, Union

import numpy as np
import numpy.typing as npt

from ..maps.classes import format_number

DISTRICT_COLOUR = "#d7301f"  # the atlas highlight colour of the district
REFERENCE_COLOUR = "#525252"
GRID_COLOUR = "#d9d9d9"
AXIS_COLOUR = "#969696"
SECRET_TEXT = "nicht bewertet – keine Werte (Geheimhaltung)"
NO_DATA_TEXT = "keine Werte"
GAP_TEXT = "Lücke = kein Wert"

# chart box layout in mm (width and height come from the page)
TITLE_H, TICK_W, RIGHT_PAD, YEAR_H, LEGEND_ROW = 5.0, 10.0, 3.0, 4.2, 3.4
INNER = 2.2  # keeps the first and last year off the axis lines

#: values per year as trend_svg takes them: numbers, None or NaN for a gap
YearValues = Union[Sequence[Optional[float]], np.ndarray]


def value_decimals(values: npt.ArrayLike) -> int:
    """Decimals for values: 0 from 1,000 upwards (counts, euros), else 1 as in the profile table."""
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    return 0 if len(finite) and np.max(np.abs(finite)) >= 1000 else 1


def nice_ticks(lo: float, hi: float, max_ticks: int = 5) -> tuple[list[float], int]:
    """Round tick values (1, 2, 2.5 or 5 × 10^k steps) covering [lo, hi]; returns (ticks, decimals)."""
    if not (np.isfinite(lo) and np.isfinite(hi)):
        lo, hi = 0.0, 1.0
    if hi - lo < 1e-12:
        pad = abs(hi) * 0.05 or 1.0
        lo, hi = lo - pad, hi + pad
    raw = (hi - lo) / max(max_ticks - 1, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw * (1 - 1e-9))
    start = math.floor(lo / step + 1e-9) * step
    stop = math.ceil(hi / step - 1e-9) * step
    ticks = [start + i * step for i in range(int(round((stop - start) / step)) + 1)]
    decimals = 0
    while decimals < 6 and abs(round(step, decimals) - step) > 1e-9 * max(1.0, abs(step)):
        decimals += 1
    return ticks, decimals


@dataclass
class ChartScale:
    """Years and the value axis shared by all pages of one indicator."""

    years: list[int]
    ticks: list[float]
    tick_decimals: int
    value_decimals: int

    @classmethod
    def for_data(cls, years: Iterable[int], values: npt.ArrayLike, reference: npt.ArrayLike) -> "ChartScale":
        """Scale covering every shown value: evaluated districts (``values``, NaN = secret/missing) and reference."""
        shown = np.concatenate([np.asarray(values, dtype=float).ravel(), np.asarray(reference, dtype=float)])
        shown = shown[np.isfinite(shown)]
        lo, hi = (float(shown.min()), float(shown.max())) if len(shown) else (np.nan, np.nan)
        ticks, decimals = nice_ticks(lo, hi)
        return cls([int(y) for y in years], ticks, decimals, value_decimals(shown))


@dataclass
class ChartText:
    """One text of the chart: box in mm relative to the chart's top-left corner, size in pt."""

    text: str
    x: float
    y: float
    width: float
    height: float
    size: float
    align: str = "left"  # left, center, right
    bold: bool = False


class _Frame:
    """Plot area (mm) and the mapping of years / values to it."""

    def __init__(self, scale: ChartScale, width: float, height: float) -> None:
        self.scale = scale
        self.left, self.right = TICK_W, width - RIGHT_PAD
        self.top, self.bottom = TITLE_H + 1.5, height - YEAR_H - 2 * LEGEND_ROW - 0.6
        self.height = height

    def x(self, year: float) -> float:
        y0, y1 = self.scale.years[0], self.scale.years[-1]
        return self.left + INNER + (year - y0) / max(y1 - y0, 1) * (self.right - self.left - 2 * INNER)

    def y(self, value: float) -> float:
        lo, hi = self.scale.ticks[0], self.scale.ticks[-1]
        return self.bottom - (value - lo) / (hi - lo) * (self.bottom - self.top)

    def legend_y(self, row: int) -> float:
        return self.height - (2 - row) * LEGEND_ROW


def chart_texts(scale: ChartScale, title: str, unit: str, reference_label: str, width: float, height: float
                ) -> list[ChartText]:
    """The texts that are the same on every page: title, value ticks, years, reference legend."""
    f = _Frame(scale, width, height)
    head = title + (f" ({unit})" if unit else "") + f", {scale.years[0]}–{scale.years[-1]}"
    out = [ChartText(head, 0, 0, width, TITLE_H - 0.6, 7.5, bold=True)]
    for tick in scale.ticks:
        out.append(ChartText(format_number(tick, scale.tick_decimals), 0, f.y(tick) - 1.6, TICK_W - 1.0, 3.2, 6,
                             align="right"))
    every = 1 if len(scale.years) <= 10 else int(math.ceil(len(scale.years) / 10))
    for i, year in enumerate(scale.years):
        if i % every == 0 or i == len(scale.years) - 1:
            out.append(ChartText(str(year), f.x(year) - 5, f.bottom + 1.0, 10, 3.2, 6, align="center"))
    out.append(ChartText(reference_label, 7.2, f.legend_y(1), width - 7.2, LEGEND_ROW, 6))
    return out


def district_caption(name: str, scale: ChartScale, values: Optional[npt.ArrayLike], secret: bool = False,
                     unit: str = "") -> str:
    """Legend text of the district line: 'Peine: 10,1 % (2015) → 8,8 % (2021)' (first and last value).

    Secret districts: 'Peine: nicht bewertet – keine Werte (Geheimhaltung)'; gaps are mentioned.
    """
    if secret or values is None:
        return f"{name}: {SECRET_TEXT}"
    vals = np.asarray(values, dtype=float)
    idx = np.flatnonzero(np.isfinite(vals))
    if not len(idx):
        return f"{name}: {NO_DATA_TEXT}"
    suffix = " " + unit if unit in ("%", "€", "€ je Einw.") else ""

    def one(i: int) -> str:
        return f"{format_number(vals[i], scale.value_decimals)}{suffix} ({scale.years[i]})"

    text = "{}: {}".format(name, one(idx[0]) + (" → " + one(idx[-1]) if idx[-1] != idx[0] else ""))
    if idx[-1] - idx[0] + 1 > len(idx):
        text += "; " + GAP_TEXT
    return text


def _runs(mask: Iterable[bool]) -> list[list[int]]:
    """Index runs of consecutive True values: [[0, 1, 2], [5]]."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, ok in enumerate(mask):
        if ok:
            current.append(i)
        elif current:
            runs.append(current)
            current = []
    return runs + ([current] if current else [])


def _series(f: _Frame, values: npt.ArrayLike, colour: str, width: float, dash: Optional[str] = None,
            dot: float = 0.0) -> list[str]:
    """Polylines for the runs of finite values plus dots (a single point between gaps is always a dot)."""
    out = []
    vals = np.asarray(values, dtype=float)
    for run in _runs(np.isfinite(vals)):
        pts = [(f.x(f.scale.years[i]) * 10, f.y(vals[i]) * 10) for i in run]
        if len(run) > 1:
            out.append('<polyline points="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round"{}/>'
                       .format(" ".join("{:.1f},{:.1f}".format(*p) for p in pts), colour, width,
                               f' stroke-dasharray="{dash}"' if dash else ""))
        r = dot or (width * 0.9 if len(run) == 1 else 0)
        out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}"/>' for x, y in pts
                if r]
    return out


def _hline(x1: float, x2: float, y: float, colour: str, width: float, dash: Optional[str] = None) -> str:
    return '<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="{}"{}/>'.format(
        x1 * 10, y * 10, x2 * 10, y * 10, colour, width, f' stroke-dasharray="{dash}"' if dash else "")


def trend_svg(scale: ChartScale, values: Optional[YearValues], reference: YearValues, *,
              secret: bool = False, width: float = 91.0, height: float = 44.0) -> str:
    """SVG graphics of the chart (no text; see ``chart_texts``/``district_caption``), ``width``/``height`` in mm.

    ``values``/``reference`` run parallel to ``scale.years``; NaN/None are gaps. ``values`` None or
    ``secret`` -> no district line and no district legend key.
    """
    f = _Frame(scale, width, height)
    ref = np.asarray([np.nan if v is None else v for v in reference], dtype=float)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" width="{width}mm" '
             f'height="{height}mm" viewBox="0 0 {width * 10:.0f} {height * 10:.0f}">',
             f'<rect x="0" y="0" width="{width * 10:.0f}" height="{height * 10:.0f}" fill="#ffffff"/>']
    parts += [_hline(f.left, f.right, f.y(t), GRID_COLOUR, 2) for t in scale.ticks]
    parts.append(_hline(f.left, f.right, f.bottom, AXIS_COLOUR, 3))
    parts += ['<line x1="{x:.1f}" y1="{y0:.1f}" x2="{x:.1f}" y2="{y1:.1f}" stroke="{c}" stroke-width="3"/>'.format(
        x=f.x(y) * 10, y0=f.bottom * 10, y1=(f.bottom + 1.0) * 10, c=AXIS_COLOUR) for y in scale.years]
    parts += _series(f, ref, REFERENCE_COLOUR, 5, dash="14,9")
    if not secret and values is not None:
        vals = [np.nan if v is None else v for v in values]
        parts += _series(f, vals, DISTRICT_COLOUR, 7, dot=8.0)
        parts.append(_hline(0, 6, f.legend_y(0) + LEGEND_ROW / 2, DISTRICT_COLOUR, 7))
    parts.append(_hline(0, 6, f.legend_y(1) + LEGEND_ROW / 2, REFERENCE_COLOUR, 5, dash="14,9"))
    parts.append("</svg>")
    return "\n".join(parts)
