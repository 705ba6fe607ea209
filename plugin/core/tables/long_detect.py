"""Recognise a table in long format (area, [year,] indicator, value) by its columns: pure pandas.

A key that repeats together with a column that looks like a year (whole numbers 1900-2100) or an
indicator (text with few distinct values that changes within a key) is long format. Summing or
averaging such "duplicates" would add up years and indicators, so the join refuses it and the
pivot (``longwide.long_to_wide``) can take the detected columns.
"""
from collections.abc import Collection
from dataclasses import dataclass
from typing import Optional

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..i18n import tr

MAX_INDICATORS = 200  # more distinct texts than this is an id or a name column, not an indicator
VALUE_NAMES = ("value", "wert", "werte", "val", "anzahl", "n")


@dataclass
class LongLayout:
    key: str
    indicator: Optional[str] = None  # text column naming the indicator (None: one indicator, only years)
    year: Optional[str] = None
    value: Optional[str] = None  # the one numeric column left (None when there are several)
    values: tuple[str, ...] = ()  # several numeric columns by year, without an indicator column (area, year, A, B)
    rows_per_key: float = 0.0
    indicators: tuple[str, ...] = ()  # first distinct indicator names
    years: tuple[str, ...] = ()  # sorted distinct years (text)

    def describe(self) -> str:
        """'indicator' (6 values: arbeitslose_anzahl, …) and 'year' (2015–2021) — for messages."""
        parts = []
        if self.indicator:
            shown = ", ".join(self.indicators[:2]) + (", …" if len(self.indicators) > 2 else "")
            parts.append(tr("'{col}' ({n} values: {names})").format(col=self.indicator, n=len(self.indicators),
                                                                      names=shown))
        if self.year:
            span = self.years[0] if len(self.years) == 1 else f"{self.years[0]}–{self.years[-1]}"
            parts.append(tr("'{col}' ({span})").format(col=self.year, span=span))
        return tr(" and ").join(parts)

    def parameters(self) -> str:
        """The join_table parameters that pivot this table."""
        text = "FORMAT=long"
        if self.indicator:
            text += f", LONG_INDICATOR={self.indicator}"
        text += ", LONG_VALUE={}".format(self.value or ";".join(map(str, self.values)) or "…")
        if self.year:
            text += f", LONG_YEAR={self.year}"
        return text


def year_text(series: pd.Series) -> Optional[pd.Series]:
    """Years as text ('2019') when every value of ``series`` is a whole number 1900-2100, else None."""
    values = series.dropna()
    if values.empty:
        return None
    if pd.api.types.is_numeric_dtype(values):
        numbers = values.to_numpy(dtype=float)
    else:
        numbers = pd.to_numeric(values.astype(str).str.strip(), errors="coerce").to_numpy(dtype=float)
    if np.isnan(numbers).any() or not (np.mod(numbers, 1) == 0).all():
        return None
    if not ((numbers >= 1900) & (numbers <= 2100)).all():
        return None
    return pd.Series(numbers.astype(int).astype(str), index=values.index).reindex(series.index)


def detect_long_format(frame: pd.DataFrame, key: str, keys: Optional[npt.ArrayLike] = None,
                       exclude: Collection[str] = ()) -> Optional[LongLayout]:
    """A LongLayout when ``frame`` looks like long format by ``key``, else None.

    keys: the (normalised) key per row, default ``frame[key]``; exclude: columns never taken as a
    dimension (e.g. the chosen indicator column when looking for a forgotten year column).
    """
    row_keys = pd.Series(frame[key].to_numpy() if keys is None else np.asarray(keys, dtype=object), index=frame.index)
    has_key = row_keys.notna()
    if has_key.sum() < 2 or not row_keys[has_key].duplicated().any():
        return None
    sub, k = frame[has_key], row_keys[has_key]
    repeated = k.duplicated(keep=False)
    year: Optional[str] = None
    indicator: Optional[str] = None
    year_values = None
    for col in sub.columns:
        if col == key or col in exclude:
            continue
        if not _varies_within_keys(sub[col], k, repeated):
            continue
        as_year = year_text(sub[col])
        if as_year is not None and year is None:
            year, year_values = col, as_year
        elif as_year is None and indicator is None and not pd.api.types.is_numeric_dtype(sub[col]):
            distinct = sub[col].nunique(dropna=True)
            if 1 < distinct <= min(MAX_INDICATORS, max(2, len(sub) // 2)):
                indicator = col
    if year is None and indicator is None:
        return None
    dims = [c for c in (indicator, year) if c]
    # the dimensions must explain most of the repetition, as in a real long table
    still = pd.DataFrame({"_k": k, **{c: sub[c].astype(object) for c in dims}}).duplicated(keep=False)
    if still.sum() > 0.05 * repeated.sum():
        return None
    taken = {key, *dims, *exclude}
    numeric = [c for c in sub.columns if c not in taken and pd.api.types.is_numeric_dtype(sub[c])
               and year_text(sub[c]) is None]
    named = [c for c in numeric if str(c).strip().casefold() in VALUE_NAMES]
    value = named[0] if named else (numeric[0] if len(numeric) == 1 else None)
    values = tuple(numeric) if value is None and indicator is None and len(numeric) > 1 else ()
    years = tuple(sorted(year_values.dropna().unique())) if year_values is not None else ()
    indicators = tuple(str(v) for v in pd.unique(sub[indicator].dropna())) if indicator else ()
    return LongLayout(key=key, indicator=indicator, year=year, value=value, values=values,
                      rows_per_key=float(len(k) / k.nunique()),
                      indicators=indicators, years=years)


def _varies_within_keys(column: pd.Series, keys: pd.Series, repeated: pd.Series) -> bool:
    """True when ``column`` takes several values within most repeated keys."""
    values = column[repeated]
    if values.isna().all():
        return False
    per_key = pd.DataFrame({"k": keys[repeated], "v": values.astype(object)}).groupby("k", sort=False)["v"].nunique()
    return bool((per_key > 1).mean() >= 0.5)
