"""Long format (area, [year,] indicator, value) -> wide format (one row per area).

Column names are ``<indicator>_<year>`` (or ``<indicator>`` without a year column), ordered by
indicator, then year, so several years end up side by side. Several rows for the same
area/indicator/year are an error listing them, unless an aggregation is chosen explicitly
('sum', 'mean', 'first'), exactly as for the join. Missing combinations become NaN with the flag
'absent' (the long table has no row for them).
"""
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Callable, Optional, Union

import numpy as np
import pandas as pd

from ..errors import TableError
from ..i18n import tr, tr_noop
from .build import TableReadResult, resolve_column
from .long_detect import detect_long_format

EXAMPLES = 20
MESSAGE_EXAMPLES = 5


@dataclass
class WideTable:
    frame: pd.DataFrame  # key column (text), kept columns, then one float column per indicator/year
    flags: pd.DataFrame
    row_numbers: np.ndarray  # file row of the first long row of each area
    value_columns: list = field(default_factory=list)
    lines: list = field(default_factory=list)  # what was done, for the report


def _label(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def long_to_wide(table: Union[TableReadResult, pd.DataFrame], key: str, indicator: Optional[str],
                 value: Union[str, Sequence[str]], year: Optional[str] = None, *, duplicates: str = "error",
                 keep_columns: Iterable[str] = (), indicators: Optional[Iterable[object]] = None,
                 years: Optional[Iterable[object]] = None, label: str = "table") -> WideTable:
    """Pivot a long table (TableReadResult or DataFrame) to one row per key.

    key/indicator/value/year: column names (case-insensitive); indicator None with a year column: one
    indicator, named after the value column — or several (``value`` a list: area, year, A, B -> A_<year>,
    B_<year>). indicators/years: optional lists to
    keep (others are dropped and reported). keep_columns: text columns taken from the first row of
    each key (e.g. the area name). Duplicates that differ in a further column that looks like a year
    are refused whatever ``duplicates`` says (an aggregation would add them up).
    Raises TableError naming columns and rows.
    """
    if isinstance(table, pd.DataFrame):  # note: DataFrame.flags exists (pandas' Flags), so test the type
        frame, flags, rows = table, pd.DataFrame(index=table.index), np.arange(2, len(table) + 2)
    else:
        frame, flags, rows = table.frame, table.flags, np.asarray(table.row_numbers)
    cols = list(frame.columns)
    key = resolve_column(key, cols, label)
    indicator = resolve_column(indicator, cols, label, tr_noop("indicator column")) if indicator else None
    values = [value] if isinstance(value, str) else [v for v in value if v]
    values = [resolve_column(v, cols, label, tr_noop("value column")) for v in values]
    year = resolve_column(year, cols, label, tr_noop("year column")) if year else None
    if indicator is None and year is None:
        raise TableError(tr("{file}: long format needs an indicator column or a year column.").format(file=label))
    keep_columns = [resolve_column(c, cols, label) for c in keep_columns if c]
    value = values[0]
    if len(values) > 1:
        if indicator is not None:
            raise TableError(tr("{file}: several value columns ({cols}) go with a year column only, not with an "
                                "indicator column.").format(file=label, cols=", ".join(values)))
        frame, flags, rows = _stack_values(frame, flags, rows, values, [key, year, *keep_columns], label)
        indicator, value = "_indicator", "_value"
    if not pd.api.types.is_numeric_dtype(frame[value]):
        raise TableError(tr("{file}: the value column '{col}' holds text, not numbers.").format(file=label, col=value))
    ind_text = frame[indicator].map(_label_or_none) if indicator else pd.Series(str(value), index=frame.index,
                                                                               dtype=object)
    names = ind_text if year is None else ind_text + "_" + frame[year].map(_label_or_none)
    usable = frame[key].notna() & ind_text.notna() & (names.notna())
    lines = []
    if indicators:
        wanted = {str(i).strip() for i in indicators}
        usable &= ind_text.isin(wanted)
        missing = wanted - set(ind_text.dropna())
        if missing:
            raise TableError(tr("{file}: indicators not found in column '{col}': {names}.").format(
                file=label, col=indicator, names=", ".join(sorted(missing))))
    if years and year is not None:
        wanted_years = {_label(y) if not isinstance(y, str) else y.strip() for y in years}
        year_text = frame[year].map(_label_or_none)
        missing = wanted_years - set(year_text.dropna())
        if missing:
            raise TableError(tr("{file}: years not found in column '{col}': {missing}. The table has: {found}.").format(
                file=label, col=year, missing=", ".join(sorted(missing)),
                found=", ".join(sorted(set(year_text.dropna()))) or "–"))
        usable &= year_text.isin(wanted_years)
    dropped = int((~usable).sum())
    if dropped:
        lines.append(tr("long format: {n} rows not used (no key/indicator, or not among the chosen "
                        "indicators/years)").format(n=dropped))
    long = pd.DataFrame({"_key": frame[key][usable].str.strip(), "_name": names[usable],
                         "_value": frame[value][usable], "_row": rows[usable.to_numpy()]})
    long["_flag"] = flags[value][usable].astype(object) if value in flags.columns else None
    dup = long.duplicated(["_key", "_name"], keep=False)
    if dup.any():
        _refuse_hidden_dimension(frame, usable, long, dup, key, [c for c in (indicator, year, value) if c], label)
        groups = long[dup].groupby(["_key", "_name"], sort=False)["_row"].apply(list)
        listing = "; ".join("{} {} (rows {})".format(k, n, ", ".join(map(str, _few(r))))
                            for (k, n), r in list(groups.items())[:EXAMPLES])
        if duplicates == "error":
            items = ["{} {} (rows {})".format(k, n, ", ".join(map(str, _few(r))))
                     for (k, n), r in list(groups.items())[:MESSAGE_EXAMPLES]]
            raise TableError(_shortest(
                lambda shown: tr("{file}: {n} area/indicator/year combinations occur in several rows: {listing}. "
                                 "Remove them or choose an aggregation (sum, mean or first).").format(
                    file=os.path.basename(str(label)), n=len(groups), listing=shown), items, len(groups)),
                details=listing)
        lines.append(tr("long format: {n} duplicate area/indicator/year combinations resolved by '{rule}': "
                        "{listing}").format(n=len(groups), rule=duplicates, listing=listing))
    # as in the wide join: a sum or mean with a suppressed or missing part is unknown
    agg = {"sum": lambda s: s.sum() if s.notna().all() else np.nan,
           "mean": lambda s: s.mean() if s.notna().all() else np.nan, "first": "first", "error": "first"}[duplicates]
    wide = long.pivot_table(index="_key", columns="_name", values="_value", aggfunc=agg, dropna=False, sort=False) \
        if len(long) else pd.DataFrame()
    order_keys = pd.unique(long["_key"])
    order_cols = _column_order(long, frame, indicator, year, usable, ind_text)
    wide = wide.reindex(index=order_keys, columns=order_cols)
    firsts = long.drop_duplicates("_key")
    flag_wide = long.drop_duplicates(["_key", "_name"]).pivot(index="_key", columns="_name", values="_flag") \
        .reindex(index=order_keys, columns=order_cols)
    present = long.drop_duplicates(["_key", "_name"]).assign(_p=True).pivot(
        index="_key", columns="_name", values="_p").reindex(index=order_keys, columns=order_cols)
    absent = present.isna()
    flag_wide = flag_wide.astype(object).where(~absent, "absent")
    if dup.any() and duplicates in ("sum", "mean"):
        flag_wide = flag_wide.where(~_dup_mask(long, dup, order_keys, order_cols), "aggregated")
    n_absent = int(absent.to_numpy().sum())
    if n_absent:
        lines.append(tr("long format: {n} area/indicator combinations have no row (missing, flag 'absent')").format(
            n=n_absent))
    out = pd.DataFrame({key: pd.Series(order_keys, dtype=object)})
    first_rows = frame.loc[firsts.index] if len(firsts) else frame.iloc[:0]
    for col in keep_columns:
        out[col] = first_rows[col].to_numpy()
    value_cols = [str(c) for c in order_cols]
    for col in order_cols:
        out[str(col)] = wide[col].to_numpy(dtype=float)
    out_flags = pd.DataFrame({str(c): pd.Categorical(flag_wide[c].to_numpy()) for c in order_cols})
    lines.insert(0, tr("long format pivoted: {rows} rows -> {keys} areas x {cols} columns ({names})").format(
        rows=int(usable.sum()), keys=len(out), cols=len(value_cols), names=", ".join(value_cols[:12]) +
        (" ..." if len(value_cols) > 12 else "")))
    return WideTable(frame=out, flags=out_flags, row_numbers=firsts["_row"].to_numpy(), value_columns=value_cols,
                     lines=lines)


def _stack_values(frame: pd.DataFrame, flags: pd.DataFrame, rows: np.ndarray, values: list[str],
                  others: list[Optional[str]], label: str) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    """Several value columns by year (area, year, A, B) -> one long table (area, year, indicator A/B, value)."""
    for col in values:
        if not pd.api.types.is_numeric_dtype(frame[col]):
            raise TableError(tr("{file}: the value column '{col}' holds text, not numbers.").format(
                file=label, col=col))
    parts, flag_parts = [], []
    for col in values:
        parts.append(frame[list(dict.fromkeys(others))].assign(_indicator=str(col), _value=frame[col]))
        flag_parts.append(pd.DataFrame({"_value": flags[col].astype(object) if col in flags.columns
                                        else pd.Series(None, index=frame.index, dtype=object)}))
    stacked = pd.concat(parts, ignore_index=True)
    return stacked, pd.concat(flag_parts, ignore_index=True), np.tile(np.asarray(rows), len(values))


def _few(rows: Iterable[object], limit: int = 6) -> list[object]:
    items = list(rows)
    return items if len(items) <= limit else items[: limit - 1] + ["…", items[-1]]


def _shortest(make: Callable[[str], str], items: list[str], total: int, limit: int = 300) -> str:
    """make(listing) with as many of ``items`` as fit in ``limit`` characters (at least one, then capped)."""
    for n in range(len(items), 0, -1):
        line = make("; ".join(items[:n]) + ("; …" if total > n else ""))
        if len(line) <= limit:
            return line
    return _cap(line, limit)


def _cap(line: str, limit: int = 300) -> str:
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _refuse_hidden_dimension(frame: pd.DataFrame, usable: pd.Series, long: pd.DataFrame, dup: pd.Series, key: str,
                             used: list[str], label: str) -> None:
    """TableError when the duplicate rows differ in a column that looks like a year."""
    rest = frame.loc[usable].drop(columns=[c for c in frame.columns if c in used and c != key])
    layout = detect_long_format(rest.assign(_combo=long["_name"].to_numpy()), key,
                                keys=(long["_key"] + "\u0001" + long["_name"]).to_numpy(), exclude=("_combo",))
    if layout is None or layout.year is None:
        # a further text column (e.g. sex: m/w) may be what the user means to sum; a year never is
        return
    name = os.path.basename(str(label))
    text = tr("{file}: the rows of one area and indicator differ in {dims}; a sum or mean would add up the "
              "years. Give '{col}' as the year column (LONG_YEAR); LONG_YEARS then keeps the years you "
              "want.").format(file=name, dims=layout.describe(), col=layout.year)
    raise TableError(_cap(text))


def _label_or_none(value: object) -> Optional[str]:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = _label(value)
    return text or None


def _column_order(long: pd.DataFrame, frame: pd.DataFrame, indicator: Optional[str], year: Optional[str],
                  usable: pd.Series, ind_text: pd.Series) -> list:
    if year is None:
        return list(pd.unique(long["_name"]))
    pairs = pd.DataFrame({"i": ind_text[usable],
                          "y": frame[year][usable].map(_label_or_none), "n": long["_name"]}).drop_duplicates("n")
    ind_order = {v: k for k, v in enumerate(pd.unique(pairs["i"]))}
    pairs = pairs.assign(io=pairs["i"].map(ind_order)).sort_values(["io", "y"], kind="stable")
    return list(pairs["n"])


def _dup_mask(long: pd.DataFrame, dup: pd.Series, keys: np.ndarray, cols: list) -> pd.DataFrame:
    marks = long[dup].drop_duplicates(["_key", "_name"]).assign(_d=True)
    mask = marks.pivot(index="_key", columns="_name", values="_d").reindex(index=keys, columns=cols)
    return mask.notna()
