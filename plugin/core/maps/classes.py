"""Map classes as plain data: which classes a map has, their colours, legend labels and counts.

Two kinds of map:
- categorical (an index class field such as ``status_class``): classes ordered from the best
  situation to the worst, colours from the recipe, else from the matching preset
  (``palettes.CLASS_PRESETS``), else from a sequential ramp;
- graduated (any numeric field): ``n`` classes between ``edges`` (len n + 1). Class 0 is
  "up to edges[1]", class i is "(edges[i], edges[i+1]]", the last is "above edges[n-1]", so
  values outside fixed (pooled) breaks still get the first or last class.

Legend labels carry the district count per class, e.g. ``"mittel (283)"``; districts that are
secret or without data are counted separately (see ``secrecy``). Numbers are German formatted;
the generated words ("bis", "über", "nicht bewertet", "keine Daten") follow the UI language (``tr``).
"""
import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np
import numpy.typing as npt

from ..errors import ExportError
from ..i18n import tr
from .palettes import NO_DATA, NOT_EVALUATED, preset_for_labels, ramp_colours
from .secrecy import SecrecyRule, district_states

if TYPE_CHECKING:
    import pandas as pd

    from ..recipe.load import Recipe
    from .typology_grid import TypologyGrid


@dataclass
class MapClass:
    """One legend entry. ``value`` for categorical classes; ``lower``/``upper`` for graduated ones
    (None = open end). ``label`` is the bare class label, ``legend`` the label with the count."""

    label: str
    colour: str
    count: int = 0
    value: Optional[str] = None
    lower: Optional[float] = None
    upper: Optional[float] = None

    @property
    def legend(self) -> str:
        return f"{self.label} ({self.count})"


@dataclass
class MapClasses:
    field: str
    kind: str  # "categorical" | "graduated"
    # dataclasses.field, spelt out: the attribute ``field`` above hides the bare name in this class body
    classes: list[MapClass] = dataclasses.field(default_factory=list)
    not_evaluated: int = 0
    no_data: int = 0
    not_evaluated_label: str = dataclasses.field(default_factory=lambda: tr(NOT_EVALUATED["label"]))
    no_data_label: str = dataclasses.field(default_factory=lambda: tr(NO_DATA["label"]))
    edges: list[float] = dataclasses.field(default_factory=list)
    grid: Optional["TypologyGrid"] = None  # for status x dynamics maps

    def count_of(self, value: Optional[str]) -> int:
        """Number of districts in the categorical class ``value`` (0 when there is no such class)."""
        return next((c.count for c in self.classes if c.value == value), 0)

    @property
    def not_evaluated_legend(self) -> str:
        """'nicht bewertet (11)' plus the reason line, if any."""
        first, _, rest = self.not_evaluated_label.partition("\n")
        return f"{first} ({self.not_evaluated})" + ("\n" + rest if rest else "")

    def legend_labels(self) -> list[str]:
        """All legend lines in drawing order (classes, then not evaluated and no data if present)."""
        out = [c.legend for c in self.classes]
        if self.not_evaluated:
            out.append(self.not_evaluated_legend)
        if self.no_data:
            out.append(f"{self.no_data_label} ({self.no_data})")
        return out


def format_number(value: float, decimals: int = 1) -> str:
    """German number format: thousands '.', decimal ','; e.g. 12345.6 -> '12.345,6'."""
    value = float(value)
    if round(value, decimals) == 0:
        value = 0.0  # no "-0,0"
    text = "{:,.{d}f}".format(value, d=decimals)
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def not_evaluated_label(recipe: Optional["Recipe"] = None) -> str:
    """'not evaluated' (German 'nicht bewertet'), with the recipe's reasons on a second legend line
    (keeps the legend narrow): 'nicht bewertet\n(< 300 Einw., ausgeschlossen od. ohne Werte)'."""
    label = tr(NOT_EVALUATED["label"])
    if recipe is None:
        return label
    reasons = []
    if recipe.reference.min_population is not None:
        reasons.append(tr("< {n} inhab.").format(n=format_number(recipe.reference.min_population, 0)))
    if recipe.reference.exclude_keys:
        reasons.append(tr("excluded"))
    reasons.append(tr("without values"))
    if len(reasons) > 1:
        text = tr("{reasons} or {last}").format(reasons=", ".join(reasons[:-1]), last=reasons[-1])
    else:
        text = reasons[0]
    return f"{label}\n({text})"


def categorical_classes(frame: "pd.DataFrame", field_name: str, rule: SecrecyRule,
                        labels: Optional[Sequence[str]] = None, colours: Optional[Sequence[str]] = None,
                        recipe: Optional["Recipe"] = None) -> MapClasses:
    """Classes of a text class field, best first.

    ``labels``/``colours`` (best first) come from the recipe when it classifies this field;
    otherwise the preset that contains every value, otherwise the sorted values with a ramp.
    Raises ExportError when the data hold a class value the labels do not know.
    """
    states = district_states(frame, field_name, rule)
    values = frame[field_name][states == "class"].astype(str)
    present: list[str] = list(dict.fromkeys(values.tolist()))
    if labels:
        labels = list(labels)
    else:
        preset = preset_for_labels(present)
        if preset is not None:
            labels, colours = list(preset["labels"]), list(preset["colours"])
        else:
            labels = sorted(present)
    unknown = [v for v in present if v not in labels]
    if unknown:
        raise ExportError(tr("Field '{field}' holds class value(s) {values} that the class list {labels} "
                             "does not contain. Check the recipe's classification labels.").format(
                                 field=field_name, values=", ".join(repr(v) for v in unknown),
                                 labels=", ".join(labels)))
    if not colours:
        preset = preset_for_labels(labels)
        if preset is not None and set(labels) <= set(preset["labels"]):
            colours = [preset["colours"][preset["labels"].index(lab)] for lab in labels]
        else:
            colours = ramp_colours("Oranges", len(labels))
    counts = values.value_counts()
    classes = [MapClass(label=lab, colour=col, count=int(counts.get(lab, 0)), value=lab)
               for lab, col in zip(labels, colours)]
    return MapClasses(field=field_name, kind="categorical", classes=classes,
                      not_evaluated=int((states == "not_evaluated").sum()),
                      no_data=int((states == "no_data").sum()),
                      not_evaluated_label=not_evaluated_label(recipe))


def decimals_for(breaks: Iterable[Optional[float]]) -> int:
    """Decimals (0..3) for legend numbers: enough to keep neighbouring breaks apart, no more than the
    breaks need (round fixed breaks such as 10; 20; 30 print as 10, 20, 30)."""
    finite = sorted(float(b) for b in breaks if b is not None and np.isfinite(b))
    if not finite:
        return 1
    exact = next((d for d in range(4) if all(abs(b - round(b, d)) < 1e-9 for b in finite)), 3)
    steps = [b - a for a, b in zip(finite, finite[1:]) if b > a]
    if not steps:
        return min(exact, 1)
    step = min(steps)
    spread = next((d for d in range(4) if step >= 10 ** (1 - d)), 3)
    return min(exact, spread)


def exact_decimals(values: Iterable[Optional[float]], most: int = 6) -> int:
    """Fewest decimals (0..``most``) that print every one of ``values`` exactly (10 -> 0, 46.5 -> 1)."""
    finite = [float(v) for v in values if v is not None and np.isfinite(v)]
    return next((d for d in range(most + 1) if all(abs(v - round(v, d)) < 1e-9 for v in finite)), most)


def nice_breaks(breaks: Iterable[Optional[float]]) -> list[float]:
    """Computed inner breaks rounded to the precision the legend prints (``decimals_for``), so the
    classes are formed on exactly the numbers the reader sees: an equal-interval break 46.57 becomes
    47, and a district with 46.8 % lies in "über 31 bis 47 %", not above it. Neighbouring breaks stay
    apart: ``decimals_for`` gives each step at least ten units of the last printed decimal."""
    finite = sorted(float(b) for b in breaks if b is not None and np.isfinite(b))
    if not finite:
        return []
    d = decimals_for(finite)
    return sorted({round(b, d) + 0.0 for b in finite})  # + 0.0: no -0.0


def map_edges(values: npt.ArrayLike, inner: Iterable[float], given: bool = False) -> list[float]:
    """n + 1 ascending class edges for a graduated map from the inner breaks ``inner`` and the data.

    Computed breaks (``given`` False: quantiles, Jenks, equal intervals, SD steps) are rounded to the
    printed precision (``nice_breaks``) and clipped to the data: a break at or below the minimum or
    at or above the maximum would only give an empty class (SD steps on a skewed indicator put
    mean - 1.5 SD below 0 %), so it is dropped and the map has fewer classes. Given breaks (manual,
    fixed) are kept as they are, also outside the data, so maps of several years stay comparable;
    the outer edges then widen to include them. The outer edges are only drawn as open ends
    ("bis …", "über …").
    """
    vals = np.asarray(values, dtype="float64")
    vals = vals[~np.isnan(vals)]
    if vals.size == 0:
        raise ExportError(tr("There are no values to classify (all districts are secret or without data)."))
    low, high = float(vals.min()), float(vals.max())
    if given:
        inner = sorted({float(b) for b in inner if np.isfinite(b)})
        return [min([low] + inner)] + inner + [max([high] + inner)]
    inner = [b for b in nice_breaks(inner) if low < b < high]
    return [low] + inner + [high]


def graduated_classes(frame: "pd.DataFrame", field_name: str, rule: SecrecyRule, edges: Iterable[float],
                      colours: Sequence[str], recipe: Optional["Recipe"] = None, unit: str = "") -> MapClasses:
    """Classes between ``edges`` (ascending, len n + 1); ``colours`` has n entries, lowest class first.

    Legend numbers print every inner edge exactly (``exact_decimals``), so a label never claims a
    rounder break than the one the districts are classified on; computed breaks are already round
    (``map_edges``), given ones print as given (12,345)."""
    edges = [float(e) for e in edges]
    n = len(edges) - 1
    if n < 1 or len(colours) != n:
        raise ExportError(tr("Cannot build {n} classes from {m} colours; give one colour per class.").format(
            n=n, m=len(colours)))
    if any(b < a for a, b in zip(edges, edges[1:])):
        raise ExportError(tr("Class breaks for '{field}' are not ascending: {edges}.").format(
            field=field_name, edges=edges))
    states = district_states(frame, field_name, rule)
    values = frame[field_name][states == "class"].astype(float).to_numpy()
    # class index: 0 for v <= edges[1], i for edges[i] < v <= edges[i+1], n-1 above edges[n-1]
    idx = np.searchsorted(np.asarray(edges[1:-1]), values, side="left") if n > 1 else np.zeros(len(values), int)
    counts = np.bincount(idx, minlength=n)
    suffix = f" {unit}" if unit else ""

    def num(value: float) -> str:  # a break exactly as classified: 47, 12,345, 0,25 (no padding zeros)
        return format_number(value, exact_decimals([value]))

    classes = []
    for i in range(n):
        lo = None if i == 0 else edges[i]
        hi = None if i == n - 1 else edges[i + 1]
        if n == 1:  # one class: its label is the data range, not a break, so it is rounded
            d = decimals_for(edges)
            label = f"{format_number(edges[0], d)} – {format_number(edges[1], d)}{suffix}"
        elif i == 0:
            label = tr("up to {high}{unit}").format(high=num(edges[1]), unit=suffix)
        elif i == n - 1:
            label = tr("over {low}{unit}").format(low=num(edges[i]), unit=suffix)
        else:
            label = tr("over {low} to {high}{unit}").format(low=num(edges[i]), high=num(edges[i + 1]), unit=suffix)
        classes.append(MapClass(label=label, colour=colours[i], count=int(counts[i]), lower=lo, upper=hi))
    return MapClasses(field=field_name, kind="graduated", classes=classes, edges=edges,
                      not_evaluated=int((states == "not_evaluated").sum()),
                      no_data=int((states == "no_data").sum()),
                      not_evaluated_label=not_evaluated_label(recipe))


def class_spec_from_recipe(recipe: Optional["Recipe"], field_name: str
                           ) -> tuple[Optional[list[str]], Optional[list[str]]]:
    """(labels, colours) best first for an index class field ``<index id>_class``, or (None, None).

    The recipe lists classes lowest score first; when a higher score means worse (the default),
    lowest score is the best situation, otherwise the order is reversed.
    """
    if recipe is None:
        return None, None
    for spec in recipe.indices:
        if spec.classification is None or field_name not in (spec.id + "_class",):
            continue
        labels = list(spec.classification.labels)
        colours = list(spec.classification.colours)
        if spec.higher_means == "better":
            labels.reverse()
            colours.reverse()
        return labels, colours or None
    return None, None
