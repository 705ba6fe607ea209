"""Cleaning of indicator columns: numeric conversion, missing-value codes, imputation, winsorising, log.

All functions work on whole columns (numpy float64 arrays, NaN = missing). Reference statistics
(imputation means, winsorising bounds) use only the reference districts (boolean mask ``ref``).
"""
from typing import Optional

import numpy as np
import pandas as pd

from ..errors import ComputationError, TableError
from ..i18n import tr
from ..recipe.model import Winsorise
from ..tables.values import detect_decimal, parse_column


def numeric_column(series: pd.Series, field: str, keys: Optional[pd.Series] = None,
                   indicator: Optional[str] = None) -> np.ndarray:
    """Return ``series`` as float64 numpy array; empty text/None -> NaN.

    Text cells are read by the table reader's number parser (plugin/core/tables/values.py), so a text field
    is read exactly as the same column of a table file: decimal comma or point (detected from the column),
    thousands groups, ``%``, and suppression symbols (``.``, ``x``, ``-`` …) as missing, never as 0.
    Text that is not a number raises TableError naming the field and the first offending row (by key when
    ``keys`` is given); so do infinite values and values larger than MAX_VALUE (the message names
    ``indicator``, the recipe's indicator id, when given).
    """
    if pd.api.types.is_bool_dtype(series):
        raise TableError(tr("Field '{field}' holds true/false values, not numbers.").format(field=field))
    if pd.api.types.is_numeric_dtype(series):
        return _finite(series.to_numpy(dtype="float64", na_value=np.nan), series, field, keys, indicator)
    cells = series.astype(object).where(series.notna(), None).to_numpy(dtype=object)
    decimal, _reason = detect_decimal([c for c in cells[:500] if isinstance(c, str)], None)
    parsed = parse_column(cells, decimal)
    if parsed.n_text:
        pos = parsed.invalid_examples[0][0]
        where = tr("key {key}").format(key=keys.iloc[pos]) if keys is not None else tr("row {row}").format(
            row=pos + 1)
        name = (tr("Field '{field}' (indicator '{id}')").format(field=field, id=indicator) if indicator
                else tr("Field '{field}'").format(field=field))
        raise TableError(tr("{name} has the non-numeric value '{value}' ({where}); {n} such values. "
                            "Fix the table or declare the field as text.").format(
                                name=name, value=series.iloc[pos], where=where, n=parsed.n_text))
    return _finite(parsed.values.astype("float64"), series, field, keys, indicator)


#: |value| above which squares and sums overflow in a standardisation (1e308 is the largest float)
MAX_VALUE = 1e100


def _finite(values: np.ndarray, series: pd.Series, field: str, keys: Optional[pd.Series],
            indicator: Optional[str] = None) -> np.ndarray:
    """``values`` unchanged when every value is finite and at most MAX_VALUE in size; otherwise TableError
    naming the field, the first offending row (by key) and how many there are: an infinite or absurdly large
    cell would otherwise make the SD infinite or NaN, reported as a 'constant' indicator."""
    with np.errstate(invalid="ignore"):
        bad = np.isinf(values) | (np.abs(values) > MAX_VALUE)
    if not bad.any():
        return values
    pos = int(np.flatnonzero(bad)[0])
    where = tr("key {key}").format(key=keys.iloc[pos]) if keys is not None else tr("row {row}").format(row=pos + 1)
    name = (tr("Field '{field}' (indicator '{id}')").format(field=field, id=indicator) if indicator
            else tr("Field '{field}'").format(field=field))
    raise TableError(tr("{name} has the value {value} ({where}), which is {what}; {n} such values. Numbers "
                        "must be finite and below {max:g} in size: fix the table (a unit error, an overflow in the "
                        "source, or a missing-value code?).").format(
        name=name, value=series.iloc[pos], where=where, n=int(bad.sum()), max=MAX_VALUE,
        what=tr("infinite") if np.isinf(values[pos]) else tr("too large to compute with")))


def apply_missing_codes(values: pd.DataFrame, codes_per_indicator: dict[str, list[float]],
                        all_equal_codes: list[float]) -> tuple[pd.DataFrame, pd.Series]:
    """Replace missing-value codes by NaN.

    values: DataFrame (columns = indicator ids, float). codes_per_indicator: {id: [codes]} — a value
    equal to a code is missing. all_equal_codes: [codes] — a row in which *every* indicator equals
    the same code is missing as a whole (e.g. MSS 2019 writes 0 in all six indicators of excluded
    areas, while a single 0 is a valid share). Returns (cleaned DataFrame, Series bool all_equal_rows).
    """
    out = values.copy()
    arr = values.to_numpy()
    all_equal = np.zeros(len(values), dtype=bool)
    for code in all_equal_codes:
        all_equal |= np.all(arr == code, axis=1)
    for col in out.columns:
        codes = codes_per_indicator.get(col) or []
        if codes:
            column = out[col].to_numpy(copy=True)
            column[np.isin(column, codes)] = np.nan
            out[col] = column
    if all_equal.any():
        out.loc[all_equal, :] = np.nan
    return out, pd.Series(all_equal, index=values.index)


def impute(x: np.ndarray, method: str, ref: np.ndarray,
           groups: Optional[np.ndarray] = None) -> tuple[np.ndarray, np.ndarray]:
    """Fill NaN in ``x`` (1-d float array) by the reference mean/median, or the mean of the reference
    districts in the same group (``groups`` array). Returns (filled array, bool mask of filled cells).
    Cells stay NaN when no value is available (e.g. a group without any observed reference value).
    """
    missing = np.isnan(x)
    if method == "none" or not missing.any():
        return x, np.zeros(len(x), dtype=bool)
    observed = ref & ~missing
    out = x.copy()
    if method in ("mean", "median"):
        if not observed.any():
            return x, np.zeros(len(x), dtype=bool)
        fill = np.mean(x[observed]) if method == "mean" else np.median(x[observed])
        out[missing] = fill
    elif method == "group_mean":
        frame = pd.DataFrame({"g": groups, "x": np.where(observed, x, np.nan)})
        means = frame.groupby("g", dropna=True)["x"].transform("mean").to_numpy()
        out = np.where(missing, means, x)
    else:
        raise ValueError(method)
    return out, missing & ~np.isnan(out)


#: MAD * MAD_TO_SD estimates the SD of normally distributed values (1 / Phi^-1(3/4))
MAD_TO_SD = 1.482602218505602


def winsorise(x: np.ndarray, rule: Optional[Winsorise], ref: np.ndarray, ddof: int = 0,
              what: str = "") -> tuple[np.ndarray, int]:
    """Clip ``x`` at mean +- k SD, at median +- k * 1.4826 * MAD (median absolute deviation) or at percentiles
    of the reference districts. Returns (array, n clipped). ``what`` names the indicator in messages."""
    if rule is None:
        return x, 0
    vals = x[ref & ~np.isnan(x)]
    if len(vals) == 0:
        return x, 0
    if rule.method == "mad":
        centre = float(np.median(vals))
        mad = float(np.median(np.abs(vals - centre)))
        if mad == 0:
            raise ComputationError(tr("{what}: winsorising by median +- k MAD is impossible because at least half of "
                                      "the reference values equal the median {m:g} (MAD = 0): every other value "
                                      "would be clipped. Use the 'sd' or 'percentile' rule.").format(
                what=what or tr("Indicator"), m=centre))
        low, high = centre - rule.k * MAD_TO_SD * mad, centre + rule.k * MAD_TO_SD * mad
    elif rule.method == "sd":
        centre, spread = float(np.mean(vals)), float(np.std(vals, ddof=ddof if len(vals) > ddof else 0))
        low, high = centre - rule.k * spread, centre + rule.k * spread
    else:
        bounds = np.asarray(np.percentile(vals, [rule.lower, rule.upper]))
        low, high = float(bounds[0]), float(bounds[1])
    clipped = np.clip(x, low, high)
    changed = int(np.sum((clipped != x) & ~np.isnan(x)))
    return clipped, changed


def transform(x: np.ndarray, kind: str, indicator_id: str, keys: Optional[pd.Series] = None) -> np.ndarray:
    """Apply 'log' (natural log, needs x > 0) or 'log1p' (ln(1 + x), needs x > -1)."""
    if kind == "none":
        return x
    limit = 0.0 if kind == "log" else -1.0
    bad = ~np.isnan(x) & (x <= limit)
    if bad.any():
        pos = int(np.flatnonzero(bad)[0])
        where = tr("key {key}").format(key=keys.iloc[pos]) if keys is not None else tr("row {row}").format(
            row=pos + 1)
        raise ComputationError(tr("Indicator '{id}': transformation '{kind}' needs values above {limit}, but {n} "
                                  "value(s) are not (first: {value} at {where}). Use 'log1p', no transformation, "
                                  "or declare the value as a missing code.").format(
                                      id=indicator_id, kind=kind, limit=limit, n=int(bad.sum()),
                                      value=x[pos], where=where))
    return np.log(x) if kind == "log" else np.log1p(x)
