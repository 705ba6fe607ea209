"""The web atlas's data file: every map field with its classes, values, ranks and deviations, and the profiles.

Conventions (the same as the printed maps and the district atlas):
- classes, breaks, colours and legend counts are the ``MapClasses`` the printed map of that field uses
  (``core.maps.classes``); each district's class is decided here, with the rule the map renderer uses,
  so the page never classifies anything itself;
- a secret district (``core.maps.secrecy``) gets ``null`` for every value, rank, deviation, class,
  trend and uncertainty figure: the numbers never reach the page's files, the page prints "." instead;
- city value = unweighted mean of the evaluated districts with a value; deviation = value - city value;
  rank 1 = highest value, ties share the best rank ("1 of 436") — as in ``core.reports.district_profile``;
- numbers are rounded to the decimals the page prints (``FieldSpec.decimals``); what the page shows and what
  its CSV download holds are exactly these numbers.
"""
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from ..errors import ExportError
from ..i18n import tr
from ..maps.classes import MapClasses, exact_decimals
from ..maps.secrecy import SecrecyRule, district_states, secret_mask
from ..reports.district_profile import deviation_symbol, unit_symbol
from ..reports.trend import TrendSeries, trend_data

#: class number of a district that is secret / has no value (classes are 0 … n-1)
NOT_EVALUATED_CLASS = -1
NO_DATA_CLASS = -2
#: uncertainty fields another algorithm may add per index: <index>_class_prob, _rank_p05, _rank_p95
UNCERTAINTY_SUFFIXES = {"prob": "_class_prob", "p05": "_rank_p05", "p95": "_rank_p95"}


@dataclass
class FieldSpec:
    """One entry of the indicator switcher. ``theme`` groups entries (``index``, ``indicators``,
    ``year:<prefix>``); ``decimals`` are the printed decimals of values and deviations."""

    field: str
    label: str
    theme: str
    unit: str = ""
    decimals: int = 1
    in_profile: bool = True


def _rounded(values, decimals):
    """List of floats rounded to ``decimals`` with None for NaN (JSON null)."""
    arr = np.round(np.asarray(values, dtype="float64"), decimals)
    out = arr.astype(object)
    out[np.isnan(arr)] = None
    return [v if v is None else float(v) + 0.0 for v in out.tolist()]


def class_numbers(frame: pd.DataFrame, classes: MapClasses, rule: SecrecyRule) -> np.ndarray:
    """Class number per district (0 = first legend entry), NOT_EVALUATED_CLASS or NO_DATA_CLASS.

    Same assignment as the printed map: categorical by label, graduated by
    ``edges[i] < v <= edges[i + 1]`` with open first and last classes.
    """
    states = district_states(frame, classes.field, rule).to_numpy()
    out = np.full(len(frame), NO_DATA_CLASS, dtype="int64")
    out[states == "not_evaluated"] = NOT_EVALUATED_CLASS
    has = states == "class"
    if classes.kind == "categorical":
        lookup = {c.value: i for i, c in enumerate(classes.classes)}
        values = frame[classes.field].astype(str).to_numpy()
        out[has] = [lookup.get(v, NO_DATA_CLASS) for v in values[has]]
    else:
        values = pd.to_numeric(frame[classes.field], errors="coerce").to_numpy(dtype="float64")
        inner = np.asarray(classes.edges[1:-1], dtype="float64")
        out[has] = np.searchsorted(inner, values[has], side="left") if len(inner) else 0
    return out


def _legend(classes: MapClasses) -> list:
    entries = []
    for c in classes.classes:
        entry = {"label": c.label, "colour": c.colour, "count": c.count}
        if classes.kind == "graduated":
            entry.update({
                "lower": c.lower, "upper": c.upper,
                "lower_d": None if c.lower is None else exact_decimals([c.lower]),
                "upper_d": None if c.upper is None else exact_decimals([c.upper]),
            })
        entries.append(entry)
    return entries


def field_entry(frame: pd.DataFrame, spec: FieldSpec, classes: MapClasses, rule: SecrecyRule) -> dict:
    """The JSON entry of one map field: legend, class per district and, for numbers, value, rank, deviation."""
    secret = secret_mask(frame, rule).to_numpy(dtype=bool)
    cls = class_numbers(frame, classes, rule)
    entry = {
        "id": spec.field, "label": spec.label, "theme": spec.theme, "kind": classes.kind,
        "unit": spec.unit, "symbol": unit_symbol(spec.unit), "dev_symbol": deviation_symbol(spec.unit),
        "decimals": spec.decimals, "classes": _legend(classes), "cls": cls.tolist(),
        "not_evaluated": classes.not_evaluated, "no_data": classes.no_data, "profile": spec.in_profile,
    }
    if classes.kind == "graduated":
        entry["edges"] = [float(e) for e in classes.edges]
    if classes.kind == "categorical":
        values = frame[spec.field].astype(object).where(cls >= 0, None)
        entry["values"] = [None if v is None else str(v) for v in values.tolist()]
        return entry
    values = pd.to_numeric(frame[spec.field], errors="coerce").to_numpy(dtype="float64")
    values = np.where(secret, np.nan, values)  # secret numbers end here, before anything is written
    valid = ~np.isnan(values)
    n_valid = int(valid.sum())
    city = float(values[valid].mean()) if n_valid else float("nan")
    ranks = pd.Series(values).rank(ascending=False, method="min").to_numpy()
    entry.update({
        "values": _rounded(values, spec.decimals),
        "rank": [None if np.isnan(r) else int(r) for r in ranks.tolist()],
        "deviation": _rounded(values - city, spec.decimals),
        "city": None if not n_valid else round(city, spec.decimals) + 0.0,
        "n": n_valid,
    })
    return entry


def series_entry(frame: pd.DataFrame, series: TrendSeries, rule: SecrecyRule, decimals: int = 1) -> dict:
    """A year series for the profile's trend chart: its fields by year and the city value per year."""
    data = trend_data(frame, series, rule)
    return {"prefix": series.prefix, "label": series.label, "unit": series.unit, "years": data.years,
            "fields": [series.fields[y] for y in data.years],
            "reference": _rounded(data.reference, decimals), "n_reference": data.n_reference.tolist()}


def uncertainty_entries(frame: pd.DataFrame, index_ids: list, rule: SecrecyRule) -> list:
    """Per index with uncertainty fields in ``frame``: class probability (0..1) and the 90 % rank interval.

    Indices without those fields are left out (the profile then shows no uncertainty line)."""
    secret = secret_mask(frame, rule).to_numpy(dtype=bool)
    out = []
    for index_id in index_ids:
        names = {k: index_id + s for k, s in UNCERTAINTY_SUFFIXES.items()}
        if not any(n in frame.columns for n in names.values()):
            continue
        entry = {"index": index_id}
        for key, name in names.items():
            if name not in frame.columns:
                entry[key] = None
                continue
            values = pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype="float64")
            if key == "prob" and np.nanmax(np.append(values, 0)) > 1:
                raise ExportError(tr("Field '{field}' should hold class probabilities between 0 and 1 but has "
                                     "{value}.").format(field=name, value=np.nanmax(values)))
            entry[key] = _rounded(np.where(secret, np.nan, values), 2 if key == "prob" else 0)
        out.append(entry)
    return out


def build_atlas_data(frame: pd.DataFrame, keys: list, names: list, rule: SecrecyRule, fields: list,
                     series: Optional[list] = None, uncertainty: Optional[list] = None,
                     meta: Optional[dict] = None) -> dict:
    """The whole data object of the page (``window.ATLAS_DATA``).

    ``fields``: entries from ``field_entry`` (switcher order); ``series``: from ``series_entry``;
    ``meta``: title, source, date, licence, tolerance, basemap … (written as given).
    """
    if len(keys) != len(frame) or len(names) != len(frame):
        raise ExportError(tr("Keys and names must have one entry per district."))
    if not fields:
        raise ExportError(tr("The web atlas has no field to show: give a recipe whose index or indicator "
                             "fields are in the layer, or choose FIELDS."))
    secret = secret_mask(frame, rule).to_numpy(dtype=bool)
    return {
        "format": "sozialmonitor-web-atlas", "version": 1,
        "meta": dict(meta or {}),
        "districts": {"key": [str(k) for k in keys], "name": ["" if n is None else str(n) for n in names],
                      "secret": secret.astype(int).tolist()},
        "fields": fields,
        "series": series or [],
        "uncertainty": uncertainty or [],
    }
