"""Colour tables for maps: index class presets and ColorBrewer-style ramps (data, no qgis).

Conventions:
- Colours are ``#rrggbb`` text.
- Class presets list classes from the *best* situation to the *worst*; their colours get darker
  in that order (ordered lightness), so a greyscale photocopy still shows the order.
- Sequential ramps run light -> dark, diverging ramps dark A -> light -> dark B. Only ramps that
  ColorBrewer marks as colour-blind safe are included (the sequential ones, PuOr, BrBG, RdBu, PiYG).
- "nicht bewertet" and "keine Daten" are never a colour of a ramp: they are drawn as hatches
  (see ``NOT_EVALUATED`` / ``NO_DATA``), so nobody reads them as a value.

Ramp colour values: ColorBrewer 2.0 by Cynthia A. Brewer, Pennsylvania State University
(Apache-style licence, https://colorbrewer2.org).
"""
from collections.abc import Iterable, Sequence
from typing import Optional

from ..errors import SozialmonitorError
from ..i18n import tr, tr_noop

# ---- index class presets (best -> worst) --------------------------------------------------
#: status index, as in Berlin's Monitoring Soziale Stadtentwicklung
STATUS_PRESET = {
    "labels": ["hoch", "mittel", "niedrig", "sehr niedrig"],
    "colours": ["#fff3c4", "#fdc46a", "#e6702a", "#8c2d04"],
}
#: dynamics index
DYNAMIK_PRESET = {
    "labels": ["positiv", "stabil", "negativ"],
    "colours": ["#edf8fb", "#9ebcda", "#6e3f8f"],
}
CLASS_PRESETS = {"status": STATUS_PRESET, "dynamik": DYNAMIK_PRESET}

#: status x dynamics typology: TYPOLOGY_COLOURS[status position][dynamics position]
#: (positions in preset order, best first). Hue by dynamics (blue = positiv, neutral = stabil,
#: orange = negativ: the colour-blind safe blue/orange axis), lightness by status.
TYPOLOGY_COLOURS = [
    ["#eff3ff", "#f7f4ee", "#feedde"],
    ["#9ecae1", "#d9cbb0", "#fdae6b"],
    ["#4292c6", "#a68f6b", "#e6550d"],
    ["#08519c", "#6b5537", "#8c2d04"],
]

#: symbols for districts without a class. Fill is white so the hatch reads in greyscale.
NOT_EVALUATED = {"fill": "#ffffff", "hatch": "#737373", "pattern": "diagonal", "label": tr_noop("not evaluated")}
NO_DATA = {"fill": "#ffffff", "hatch": "#969696", "pattern": "cross", "label": tr_noop("no data")}
OUTLINE = "#4d4d4d"
OVERLAY_OUTLINE = "#1a1a1a"

# ---- ColorBrewer ramps: name -> {n: [colours]} -------------------------------------------
SEQUENTIAL = {
    "Blues": {
        3: ["#deebf7", "#9ecae1", "#3182bd"],
        4: ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"],
        5: ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
        6: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"],
        7: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"],
    },
    "Oranges": {
        3: ["#fee6ce", "#fdae6b", "#e6550d"],
        4: ["#feedde", "#fdbe85", "#fd8d3c", "#d94701"],
        5: ["#feedde", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"],
        6: ["#feedde", "#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603"],
        7: ["#feedde", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#8c2d04"],
    },
    "Purples": {
        3: ["#efedf5", "#bcbddc", "#756bb1"],
        4: ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#6a51a3"],
        5: ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"],
        6: ["#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#756bb1", "#54278f"],
        7: ["#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#4a1486"],
    },
    "Greens": {
        3: ["#e5f5e0", "#a1d99b", "#31a354"],
        4: ["#edf8e9", "#bae4b3", "#74c476", "#238b45"],
        5: ["#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"],
        6: ["#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c"],
        7: ["#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#005a32"],
    },
    "YlOrBr": {
        3: ["#fff7bc", "#fec44f", "#d95f0e"],
        4: ["#ffffd4", "#fed98e", "#fe9929", "#cc4c02"],
        5: ["#ffffd4", "#fed98e", "#fe9929", "#d95f0e", "#993404"],
        6: ["#ffffd4", "#fee391", "#fec44f", "#fe9929", "#d95f0e", "#993404"],
        7: ["#ffffd4", "#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#8c2d04"],
    },
    "YlGnBu": {
        3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
        4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
        5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
        6: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
        7: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
    },
    "OrRd": {
        3: ["#fee8c8", "#fdbb84", "#e34a33"],
        4: ["#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f"],
        5: ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"],
        6: ["#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000"],
        7: ["#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#990000"],
    },
}
DIVERGING = {
    "PuOr": {
        3: ["#f1a340", "#f7f7f7", "#998ec3"],
        4: ["#e66101", "#fdb863", "#b2abd2", "#5e3c99"],
        5: ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"],
        6: ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"],
        7: ["#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"],
    },
    "BrBG": {
        3: ["#d8b365", "#f5f5f5", "#5ab4ac"],
        4: ["#a6611a", "#dfc27d", "#80cdc1", "#018571"],
        5: ["#a6611a", "#dfc27d", "#f5f5f5", "#80cdc1", "#018571"],
        6: ["#8c510a", "#d8b365", "#f6e8c3", "#c7eae5", "#5ab4ac", "#01665e"],
        7: ["#8c510a", "#d8b365", "#f6e8c3", "#f5f5f5", "#c7eae5", "#5ab4ac", "#01665e"],
    },
    "RdBu": {
        3: ["#ef8a62", "#f7f7f7", "#67a9cf"],
        4: ["#ca0020", "#f4a582", "#92c5de", "#0571b0"],
        5: ["#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"],
        6: ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"],
        7: ["#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"],
    },
    "PiYG": {
        3: ["#e9a3c9", "#f7f7f7", "#a1d76a"],
        4: ["#d01c8b", "#f1b6da", "#b8e186", "#4dac26"],
        5: ["#d01c8b", "#f1b6da", "#f7f7f7", "#b8e186", "#4dac26"],
        6: ["#c51b7d", "#e9a3c9", "#fde0ef", "#e6f5d0", "#a1d76a", "#4d9221"],
        7: ["#c51b7d", "#e9a3c9", "#fde0ef", "#f7f7f7", "#e6f5d0", "#a1d76a", "#4d9221"],
    },
}
RAMP_NAMES = list(SEQUENTIAL) + list(DIVERGING)


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def _hex(rgb: Iterable[float]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, int(round(c)))) for c in rgb))


def _interpolate(colours: Sequence[str], n: int) -> list[str]:
    """``n`` colours evenly spaced along the piecewise-linear ramp through ``colours`` (RGB)."""
    if n == 1:
        return [colours[len(colours) // 2]]
    rgbs = [_rgb(c) for c in colours]
    out = []
    for i in range(n):
        pos = i * (len(rgbs) - 1) / (n - 1)
        lo = min(int(pos), len(rgbs) - 2)
        t = pos - lo
        out.append(_hex([a + (b - a) * t for a, b in zip(rgbs[lo], rgbs[lo + 1])]))
    return out


def ramp_colours(name: str, n: int, reverse: bool = False) -> list[str]:
    """``n`` colours of the ramp ``name`` (ColorBrewer table for 3..7 classes, interpolated otherwise)."""
    table = SEQUENTIAL.get(name) or DIVERGING.get(name)
    if table is None:
        raise SozialmonitorError(tr("Unknown colour ramp '{name}'. Available: {names}.").format(
            name=name, names=", ".join(RAMP_NAMES)))
    if n < 1:
        raise SozialmonitorError(tr("A colour ramp needs at least one class, got {n}.").format(n=n))
    colours = list(table[n]) if n in table else _interpolate(table[7], n)
    return colours[::-1] if reverse else colours


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance (0 black .. 1 white) of ``#rrggbb``; what a greyscale copy keeps."""
    def lin(c: float) -> float:
        c = c / 255.0
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def preset_for_labels(labels: Iterable[object]) -> Optional[dict[str, list[str]]]:
    """The class preset whose labels equal the set ``labels`` (any order), or None."""
    wanted = {str(v) for v in labels}
    for preset in CLASS_PRESETS.values():
        if wanted and wanted <= set(preset["labels"]):
            return preset
    return None
