"""Year series of an indicator for the district atlas: detection, district values and the reference mean.

A *year series* is one indicator over several years, stored side by side in fields named
``<indicator>_<yyyy>`` — the names ``join_table`` (FORMAT=long) and ``core.tables.longwide`` produce,
e.g. ``schuldnerquote_pct_2015 … schuldnerquote_pct_2021``. At least two years make a series.
Other naming schemes are given explicitly with ``series_from_mapping``.

Conventions (printed in the chart legend):
- reference value of a year = unweighted mean over the evaluated (non-secret) districts that have a
  value in that year — the same "city value" as in the profile table (``core.district_profile``);
  the reference always uses all districts of the layer, also when the atlas prints only some pages;
- secret districts (``core.secrecy``) get no values at all, only the reference line is drawn;
- a missing value is a gap in the line, never a zero.
"""
import re
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np
import pandas as pd

from ..errors import ExportError
from ..i18n import tr
from ..maps.secrecy import SecrecyRule, secret_mask

#: ``<indicator>_<yyyy>``; the year must look like a calendar year (1900–2099)
YEAR_FIELD = re.compile(r"^(?P<prefix>.+?)_(?P<year>(?:19|20)\d{2})$")
#: unit suffixes of indicator names (INKAR / join_table style) -> (unit printed on the chart)
UNIT_SUFFIXES = [("_eur_je_ew", "€ je Einw."), ("_pct", "%"), ("_anzahl", "Anzahl"), ("_eur", "€")]
MIN_YEARS = 2
MAX_CHARTS = 2


@dataclass
class TrendSeries:
    """One indicator over several years. ``fields`` maps year -> field name (ascending years)."""

    prefix: str
    fields: dict[int, str]
    label: str = ""
    unit: str = ""

    def __post_init__(self) -> None:
        self.fields = {int(y): f for y, f in sorted(self.fields.items())}
        if not self.label or not self.unit:
            label, unit = label_and_unit(self.prefix)
            self.label = self.label or label
            self.unit = self.unit or unit

    @property
    def years(self) -> list[int]:
        """The years of the series, ascending."""
        return list(self.fields)


def label_and_unit(prefix: str) -> tuple[str, str]:
    """('Schuldnerquote', '%') for 'schuldnerquote_pct': a readable label and the unit from the suffix."""
    unit, stem = "", prefix
    for suffix, text in UNIT_SUFFIXES:
        if prefix.lower().endswith(suffix) and len(prefix) > len(suffix):
            unit, stem = text, prefix[: -len(suffix)]
            break
    words = stem.replace("_", " ").strip()
    return (words[:1].upper() + words[1:]) if words else prefix, unit


def detect_series(columns: Iterable[object], min_years: int = MIN_YEARS) -> list[TrendSeries]:
    """Year series among ``columns`` (names ``<indicator>_<yyyy>``, at least ``min_years`` years).

    Order: first appearance of the indicator in ``columns``. Pass only numeric fields.
    """
    found: dict[str, dict[int, str]] = {}
    for name in columns:
        match = YEAR_FIELD.match(str(name))
        if match:
            found.setdefault(match.group("prefix"), {})[int(match.group("year"))] = str(name)
    return [TrendSeries(prefix, years) for prefix, years in found.items() if len(years) >= min_years]


def series_from_mapping(mapping: Mapping[Any, Mapping[Any, Any]], columns: Optional[Collection[str]] = None
                        ) -> list[TrendSeries]:
    """Series from an explicit mapping, for fields not named ``<indicator>_<yyyy>``.

    ``mapping``: {prefix: {year: field}} or {prefix: {"fields": {year: field}, "label": .., "unit": ..}}.
    With ``columns`` every field must exist there. Raises ExportError naming the entry.
    """
    out: list[TrendSeries] = []
    for prefix, entry in mapping.items():
        spec = entry if "fields" in entry else {"fields": entry}
        try:
            fields = {int(y): str(f) for y, f in spec["fields"].items()}
        except (TypeError, ValueError):
            raise ExportError(tr("Trend series '{name}': years must be numbers, e.g. {{2019: 'alq19'}}.").format(
                name=prefix)) from None
        if len(fields) < MIN_YEARS:
            raise ExportError(tr("Trend series '{name}' needs at least {n} years.").format(name=prefix, n=MIN_YEARS))
        if columns is not None:
            missing = [f for f in fields.values() if f not in set(columns)]
            if missing:
                raise ExportError(tr("Trend series '{name}': fields not in the layer: {fields}.").format(
                    name=prefix, fields=", ".join(missing)))
        out.append(TrendSeries(str(prefix), fields, spec.get("label", ""), spec.get("unit", "")))
    return out


def select_series(series: Sequence[TrendSeries], prefixes: Optional[Sequence[str]] = None,
                  max_charts: int = MAX_CHARTS) -> list[TrendSeries]:
    """The series to chart: those named in ``prefixes`` (in that order) or the first ``max_charts``.

    Raises ExportError for an unknown prefix or more than ``max_charts`` prefixes.
    """
    if not prefixes:
        return list(series[:max_charts])
    by_prefix = {s.prefix: s for s in series}
    unknown = [p for p in prefixes if p not in by_prefix]
    if unknown:
        raise ExportError(tr("No year series for {names}. Fields must be named <indicator>_<year> with at least "
                             "{n} years; series found: {found}.").format(
            names=", ".join(unknown), n=MIN_YEARS, found=", ".join(by_prefix) or tr("none")))
    if len(prefixes) > max_charts:
        raise ExportError(tr("At most {n} trend charts fit on a page; {k} indicators were chosen ({names}).").format(
            n=max_charts, k=len(prefixes), names=", ".join(prefixes)))
    return [by_prefix[p] for p in dict.fromkeys(prefixes)]


@dataclass
class TrendData:
    """Values of one series for all districts (rows of the frame) and the reference per year."""

    series: TrendSeries
    years: list[int]
    values: np.ndarray  # districts x years, NaN where missing OR secret
    secret: np.ndarray  # bool per district
    reference: np.ndarray  # per year, NaN where no evaluated district has a value
    n_reference: np.ndarray  # evaluated districts with a value, per year
    index: pd.Index = field(default_factory=lambda: pd.RangeIndex(0))

    def district(self, key: Hashable) -> Optional[np.ndarray]:
        """Values of the district with frame index ``key``; None when it is secret."""
        pos = self.index.get_loc(key)
        return None if self.secret[pos] else self.values[pos]

    def reference_label(self, area: str = "Gebiete") -> str:
        """Legend text saying which mean the reference line is, e.g. 'Mittel der 45 bewerteten Kreise'."""
        counts = self.n_reference[self.n_reference > 0]
        if not len(counts):
            return f"kein Vergleichswert (keine bewerteten {area} mit Werten)"
        lo, hi = int(counts.min()), int(counts.max())
        n = str(lo) if lo == hi else f"{lo}–{hi}"
        return f"Mittel der {n} bewerteten {area} (ungewichtet)"


def trend_data(frame: pd.DataFrame, series: TrendSeries, rule: SecrecyRule) -> TrendData:
    """Column-wise values and reference of ``series`` over all rows of ``frame``.

    ``frame`` holds the series' fields and the secrecy fields of ``rule``. Non-numeric entries count
    as missing (gaps), never as zero.
    """
    missing = [f for f in series.fields.values() if f not in frame.columns]
    if missing:
        raise ExportError(tr("Trend series '{name}': fields not in the layer: {fields}.").format(
            name=series.prefix, fields=", ".join(missing)))
    values = frame[list(series.fields.values())].apply(pd.to_numeric, errors="coerce").to_numpy(dtype="float64")
    secret = secret_mask(frame, rule).to_numpy(dtype=bool)
    evaluated = np.where(secret[:, None], np.nan, values)
    n_ref = (~np.isnan(evaluated)).sum(axis=0)
    sums = np.nansum(evaluated, axis=0)
    reference = np.where(n_ref > 0, sums / np.maximum(n_ref, 1), np.nan)
    return TrendData(series=series, years=series.years, values=evaluated, secret=secret, reference=reference,
                     n_reference=n_ref, index=frame.index)
