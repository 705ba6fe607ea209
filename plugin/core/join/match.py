"""Join an indicator table to district rows — honestly.

``join_table`` keeps every district row in its original order (districts without data keep NaN),
never drops or merges districts with the same key (both get the table row, and the report lists the
duplicate), refuses duplicate table keys unless an aggregation is chosen explicitly, and reports
everything that did not match. Missing-value codes (e.g. 0 or -9999) are only counted, never
changed: deciding what they mean is the index recipe's job.
"""
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Optional, Union

import numpy as np
import pandas as pd

from ..errors import JoinError
from ..i18n import tr
from ..tables.build import TableReadResult, TableReport
from ..tables.long_detect import detect_long_format
from . import keys as keymod
from .expectation import JoinExpectationError, cap, check_match_rate
from .field_names import rename_collisions
from .report import JoinReport  # noqa: F401 (public API: join.JoinReport)

DUPLICATE_RULES = ("error", "sum", "mean", "first")
EXAMPLES = 20
MESSAGE_EXAMPLES = 5  # duplicate keys named in the message (all of them are in the details)


@dataclass
class JoinResult:
    frame: pd.DataFrame  # district rows (same index/order) + table columns
    report: JoinReport
    flags: Optional[pd.DataFrame] = None  # flag codes of the joined value columns, aligned with frame
    columns: list = field(default_factory=list)  # names of the added table columns in frame
    matched: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # per district row: got a row


def _unpack(table):
    """Accept a DataFrame or a TableReadResult (frame, flags, report, row_numbers)."""
    if not isinstance(table, pd.DataFrame):
        return table.frame, table.flags, table.report, np.asarray(table.row_numbers)
    return table, None, None, None


def join_table(districts_df: pd.DataFrame, district_key: str, table_df: Union[pd.DataFrame, TableReadResult],
               table_key: str, *, key_rule: str = "exact", strict: bool = False, duplicates: str = "error",
               district_name: Optional[str] = None, table_name: Optional[str] = None,
               missing_codes: Sequence[float] = (), label: Optional[str] = None,
               flags: Optional[pd.DataFrame] = None, row_numbers: Optional[Sequence[int]] = None,
               table_report: Optional[TableReport] = None, collision_suffix: str = "table",
               reserved_columns: Sequence[str] = (), min_match_percent: Optional[float] = None) -> JoinResult:
    """Left-join ``table_df`` to ``districts_df`` by key.

    districts_df: one row per district feature (index kept, e.g. feature ids).
    table_df: a DataFrame or a ``TableReadResult`` (then flags, row numbers and the read report are used).
    key_rule: 'exact', 'pad_zeros' or 'normalise_text' (see keys.py). duplicates: what to do with
    several table rows per key: 'error' (default), 'sum', 'mean' (value columns; text columns take the
    first row) or 'first' — never silent. strict: any district without data or table row without
    district raises JoinError. district_name/table_name: name columns; when both are given, districts
    whose names differ are listed. missing_codes: numbers such as 0 or -9999 that mean "missing" in this
    table: counted per column in the report, values unchanged. collision_suffix: appended to a table
    column whose name the layer already has ('name' -> 'name_table'); reserved_columns: further layer
    field names that count as taken (fields not passed in districts_df).
    min_match_percent: fewer districts or table rows matched (in %) than this, or none at all, raises
    JoinExpectationError naming the likely cause (join_expectation.py); None = no expectation.
    A table in long format (the key repeats with a year or indicator column) is refused whatever
    ``duplicates`` says: an aggregation would add up years and indicators.
    Returns JoinResult. Raises JoinError (missing columns, duplicates with 'error', long format, strict
    problems, too few matches).
    """
    table_df, t_flags, t_report, t_rows = _unpack(table_df)
    flags = flags if flags is not None else t_flags
    given_rows = np.asarray(row_numbers) if row_numbers is not None else t_rows
    table_report = table_report if table_report is not None else t_report
    rows: np.ndarray = given_rows if given_rows is not None else np.arange(2, len(table_df) + 2)  # header: row 1
    label = label or (table_report.path if table_report is not None else tr("table"))
    if duplicates not in DUPLICATE_RULES:
        raise JoinError(tr("Unknown duplicates option '{opt}'. Use one of: {opts}.").format(
            opt=duplicates, opts=", ".join(DUPLICATE_RULES)))
    _require(districts_df, district_key, tr("district layer"))
    _require(table_df, table_key, label)
    if district_name is not None:
        _require(districts_df, district_name, tr("district layer"))
    if table_name is not None:
        _require(table_df, table_name, label)

    report = JoinReport(table=label, district_key=district_key, table_key=table_key, key_rule=key_rule,
                        duplicates=duplicates, strict=strict, n_districts=len(districts_df),
                        n_table_rows=len(table_df))
    if table_report is not None:
        report.read_lines = table_report.to_lines()
        report.conversions.extend(table_report.conversion_lines())

    d_text = keymod.key_text(districts_df[district_key].to_numpy())
    t_text = keymod.key_text(table_df[table_key].to_numpy())
    if pd.api.types.is_numeric_dtype(districts_df[district_key]):
        report.conversions.append(tr("district key field '{f}' is numeric; its values were turned into text "
                                     "(leading zeros cannot be recovered without the key rule 'pad_zeros')").format(
            f=district_key))
    width = keymod.digit_width(d_text, t_text) if key_rule == "pad_zeros" else 0
    d_norm = keymod.normalise(d_text, key_rule, width)
    t_norm = keymod.normalise(t_text, key_rule, width)
    report.key_rule_text = keymod.describe_rule(key_rule, width)
    _record_key_changes(report, d_text, d_norm, t_text, t_norm)

    d_names = districts_df[district_name].tolist() if district_name else [None] * len(districts_df)
    t_names = table_df[table_name].tolist() if table_name else [None] * len(table_df)

    # district side: missing and duplicate keys (kept, reported)
    for pos in np.flatnonzero(d_norm.isna().to_numpy()):
        report.districts_without_key.append({"row": int(pos) + 1, "name": _txt(d_names[pos])})
    repeated = d_norm.duplicated(keep=False).to_numpy()  # cheaper than counting every key of a big layer
    counts = d_norm[repeated].value_counts() if repeated.any() else d_norm.iloc[:0].value_counts()
    for key, count in counts[counts > 1].items():
        names = [_txt(d_names[p]) for p in np.flatnonzero((d_norm == key).to_numpy())]
        report.district_duplicates.append({"key": key, "count": int(count), "names": [n for n in names if n]})

    # table side: rows without key, duplicates
    has_key = t_norm.notna().to_numpy()
    for pos in np.flatnonzero(~has_key):
        report.table_rows_without_key.append({"row": int(rows[pos]), "name": _txt(t_names[pos])})
    _count_flags(report, table_df, flags)
    _count_missing_codes(report, table_df, t_text, missing_codes, table_key)

    value_cols = [c for c in table_df.columns if c != table_key and pd.api.types.is_numeric_dtype(table_df[c])]
    keyed = table_df.loc[has_key].drop(columns=[table_key])
    keyed.index = pd.Index(t_norm[has_key].to_numpy(), name="_key")
    keyed_flags = None
    if flags is not None and len(flags.columns):
        keyed_flags = flags.loc[has_key].copy()
        keyed_flags.index = keyed.index
    keyed_rows = rows[has_key]
    dup_mask = keyed.index.duplicated(keep=False)
    if dup_mask.any():
        _refuse_long_format(table_df.loc[has_key], table_key, t_norm[has_key], label)
        _refuse_rounded_keys(keyed.index[dup_mask], label)
        keyed, keyed_flags = _resolve_duplicates(report, keyed, keyed_flags, keyed_rows, dup_mask, duplicates,
                                                 value_cols, label)

    # the join itself: reindex keeps district order; duplicate district keys get the same row
    lookup = pd.Index(d_norm.to_numpy())
    indexer = keyed.index.get_indexer(lookup)  # keyed.index is unique here; -1: no table row
    joined = _rows_at(keyed, indexer, districts_df.index)
    matched = (indexer >= 0) & d_norm.notna().to_numpy()
    report.n_matched_districts = int(matched.sum())
    for pos in np.flatnonzero(~matched & d_norm.notna().to_numpy()):
        report.districts_without_data.append({"key": d_text.iloc[pos], "name": _txt(d_names[pos])})
    # a table row is in the layer when some district matched its key's (possibly aggregated) row
    hit = np.zeros(len(keyed) + 1, dtype=bool)  # the last slot answers for -1 (key not in ``keyed``)
    hit[indexer[indexer >= 0]] = True
    in_layer = hit[keyed.index.get_indexer(t_norm.to_numpy())] & has_key
    report.n_matched_rows = int(in_layer.sum())
    for pos in np.flatnonzero(has_key & ~in_layer):
        report.table_rows_without_district.append({"row": int(rows[pos]), "key": t_text.iloc[pos],
                                                   "name": _txt(t_names[pos])})
    if district_name and table_name:
        _name_mismatches(report, d_norm, d_names, matched, joined[table_name].tolist(), d_text)

    joined, renamed = rename_collisions(joined, list(districts_df.columns) + list(reserved_columns),
                                       collision_suffix)
    for old, new in renamed.items():
        report.conversions.append(tr("table column '{old}' renamed to '{new}' (the layer has a field '{old}')").format(
            old=old, new=new))
    report.columns_added = [(renamed.get(c, c), c) for c in keyed.columns]
    frame = pd.concat([districts_df, joined], axis=1)
    out_flags = None
    if keyed_flags is not None:
        out_flags = _rows_at(keyed_flags, indexer, districts_df.index)
        out_flags = out_flags.rename(columns=renamed)
    _hints(report, d_text, t_text, key_rule)
    expectation = None
    try:
        check_match_rate(report, d_text, t_text, key_rule, min_match_percent, d_names=d_names if district_name
                         else None, t_names=t_names if table_name else None)
    except JoinExpectationError as err:
        expectation = err
    if strict and not report.is_clean():
        message = tr("Strict join failed for {table}: {summary}. Fix the keys or switch strict mode off; "
                     "the full list is in the details.").format(table=label, summary=report.summary_line())
        if expectation is not None:  # the cause, without repeating the counts
            message += "\n" + "\n".join(expectation.message.split("\n")[1:-1])
        raise JoinExpectationError(message.rstrip(), details=report.to_text(), report=report)
    if expectation is not None:
        raise expectation
    return JoinResult(frame=frame, report=report, flags=out_flags, columns=list(joined.columns), matched=matched)


def _rows_at(frame, indexer, index):
    """``frame.reindex`` from a known indexer: the rows at ``indexer`` (-1: a row of missing values), labelled
    ``index``; one hash lookup serves the values, the flags and the match counts."""
    columns = {}
    for pos in range(frame.shape[1]):
        column = frame.iloc[:, pos]
        values = column.array if isinstance(column.dtype, pd.CategoricalDtype) else column.to_numpy()
        columns[pos] = pd.api.extensions.take(values, indexer, allow_fill=True)
    out = pd.DataFrame(columns, index=index)
    out.columns = frame.columns
    return out


def _require(frame, column, where):
    if column not in frame.columns:
        raise JoinError(tr("Column '{col}' not found in {where}. Columns: {cols}.").format(
            col=column, where=where, cols=", ".join(map(str, frame.columns))))


def _txt(value):
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _record_key_changes(report, d_text, d_norm, t_text, t_norm):
    for side, before, after in (("district", d_text, d_norm), ("table", t_text, t_norm)):
        changed = before.notna() & (before != after)
        report.n_keys_changed += int(changed.sum())
        for original, new in zip(before[changed].head(EXAMPLES), after[changed].head(EXAMPLES)):
            report.keys_changed.append((side, original, new))


def _resolve_duplicates(report, keyed, keyed_flags, rows, dup_mask, rule, value_cols, label):
    dup_keys = pd.unique(keyed.index[dup_mask])
    action = {"error": tr("error"), "first": tr("first row kept, later rows dropped"),
              "sum": tr("values summed"), "mean": tr("values averaged")}[rule]
    for key in dup_keys:
        report.table_duplicates.append({"key": key, "rows": [int(r) for r in rows[keyed.index == key]],
                                        "action": action})
    if rule == "error":
        def listing(items):
            return "; ".join("{} (rows {})".format(d["key"], ", ".join(map(str, d["rows"]))) for d in items)

        # the details list every duplicate; the matching counts are not known yet, so no summary line
        items = [listing([dict(d, rows=_few(d["rows"]))]) for d in report.table_duplicates[:MESSAGE_EXAMPLES]]
        message = None
        for n in range(len(items), 0, -1):  # as many examples as fit on one short line
            message = tr("{table}: {n} keys occur in several rows: {listing}. Remove the duplicates or choose an "
                         "aggregation (sum, mean or first).").format(
                table=os.path.basename(str(label)), n=len(dup_keys),
                listing="; ".join(items[:n]) + ("; …" if len(dup_keys) > n else ""))
            if len(message) <= 300:
                break
        raise JoinError(cap(message), details=listing(report.table_duplicates))
    if rule == "first":
        keep = ~keyed.index.duplicated(keep="first")
        return keyed[keep], (keyed_flags[keep] if keyed_flags is not None else None)
    grouped = keyed.groupby(level=0, sort=False)
    vals = [c for c in keyed.columns if c in value_cols]
    others = [c for c in keyed.columns if c not in value_cols]
    parts = []
    if vals:
        aggregated = grouped[vals].sum(min_count=1) if rule == "sum" else grouped[vals].mean()
        # a sum or mean with a suppressed or missing part is unknown, not the aggregate of the rest
        incomplete = keyed[vals].isna().groupby(level=0, sort=False).any()
        partly = incomplete & keyed[vals].notna().groupby(level=0, sort=False).any()
        for col in vals:
            n = int(partly[col].sum())
            if n:
                report.conversions.append(tr("column '{col}': {n} duplicate keys left missing because one of their "
                                             "rows has no value (suppressed or empty): {keys}").format(
                    col=col, n=n, keys=", ".join(map(str, partly.index[partly[col]][:EXAMPLES]))))
        parts.append(aggregated.mask(incomplete))
    if others:
        parts.append(grouped[others].first())
    result = pd.concat(parts, axis=1)[list(keyed.columns)]
    if others:
        report.conversions.append(tr("text columns {cols}: first row of each duplicate key kept").format(
            cols=", ".join(f"'{c}'" for c in others)))
    new_flags = None
    if keyed_flags is not None:
        # an aggregated value has no single flag: mark it as such
        new_flags = keyed_flags.groupby(level=0, sort=False).first().reindex(result.index)
        for col in new_flags.columns:
            ser = new_flags[col].astype(object)
            ser[result.index.isin(dup_keys)] = "aggregated"
            new_flags[col] = pd.Categorical(ser)
    return result, new_flags


def _few(rows, limit=6):
    """Row numbers for a message: [2, 3, …, 9] for a long list."""
    return list(rows) if len(rows) <= limit else list(rows[: limit - 1]) + ["…", rows[-1]]


def _refuse_rounded_keys(dup_keys, label):
    """JoinError when duplicate keys are scientific numbers that lost digits: they are different districts."""
    texts = pd.unique(np.asarray(dup_keys, dtype=object))
    lossy = [t for t in texts if keymod.is_lossy_scientific(str(t))]
    if not lossy:
        return
    raise JoinError(cap(tr("{table}: {n} keys are in scientific notation without all digits (e.g. '{ex}'), so "
                           "different districts got the same key: Excel rounded them. Format the key column as text "
                           "in Excel and export again.").format(table=os.path.basename(str(label)), n=len(lossy),
                                                                ex=lossy[0])))


def _refuse_long_format(table_df, table_key, keys, label):
    """JoinError when the repeated keys come with a year or indicator column (long format)."""
    layout = detect_long_format(table_df, table_key, keys=keys.to_numpy())
    if layout is None:
        return
    raise JoinError(
        cap(tr("{table} is in long format: each key occurs in about {k} rows, one per {dims}. Summing or averaging "
               "them would add up years and indicators.").format(
            table=os.path.basename(str(label)), k=int(round(layout.rows_per_key)), dims=layout.describe())) + "\n" +
        cap(tr("Pivot it to one row per district: {params} (the columns are found if you leave them "
               "empty).").format(params=layout.parameters())))


def _count_flags(report, table_df, flags):
    if flags is None:
        return
    for col in flags.columns:
        if col not in table_df.columns:
            continue
        codes = flags[col].astype(object)
        present = codes.notna()
        if not present.any():
            continue
        is_nan = table_df[col].isna()
        missing = codes[present & is_nan].value_counts()
        flagged = codes[present & ~is_nan].value_counts()
        if len(missing):
            report.suppressed[col] = {str(k): int(v) for k, v in missing.items()}
        if len(flagged):
            report.flagged_numbers[col] = {str(k): int(v) for k, v in flagged.items()}


def _count_missing_codes(report, table_df, t_text, codes, table_key):
    if not codes:
        return
    value_cols = [c for c in table_df.columns if c != table_key and pd.api.types.is_numeric_dtype(table_df[c])]
    if not value_cols:
        return
    values = table_df[value_cols].to_numpy(dtype=float)
    for code in codes:
        code = float(code)
        hit = values == code
        for j, col in enumerate(value_cols):
            n = int(hit[:, j].sum())
            if n:
                report.missing_codes.setdefault(col, {})[code] = n
        # rows holding the code in at least half of the value columns look like excluded areas
        everywhere = hit.sum(axis=1) >= max(2, (len(value_cols) + 1) // 2)
        if everywhere.any():
            report.missing_code_keys[code] = [k for k in t_text[everywhere].tolist() if k is not None]


def _name_mismatches(report, d_norm, d_names, matched, t_names, d_text):
    for pos in np.flatnonzero(matched):
        dn, tn = d_names[pos], t_names[pos]
        if keymod.fold_name(dn) != keymod.fold_name(tn):
            report.name_mismatches.append({"key": d_text.iloc[pos], "district_name": _txt(dn),
                                           "table_name": _txt(tn)})


def _hints(report, d_text, t_text, rule):
    if report.is_clean():
        return
    unmatched = report.n_districts_without_data + report.n_rows_without_district
    for other in ("pad_zeros", "normalise_text"):
        if other == rule or (rule == "pad_zeros" and other == "normalise_text" and not _has_letters(d_text)):
            continue
        width = keymod.digit_width(d_text, t_text) if other == "pad_zeros" else 0
        d = set(keymod.normalise(d_text, other, width).dropna())
        t = keymod.normalise(t_text, other, width).dropna()
        now = int(t.isin(d).sum())
        if now > report.n_matched_rows:
            report.hints.append(tr("with the key rule '{rule}' {now} table rows would match instead of {before} "
                                   "({n} unmatched entries now)").format(rule=other, now=now,
                                                                         before=report.n_matched_rows, n=unmatched))


def _has_letters(series):
    return any(any(ch.isalpha() for ch in str(v)) for v in series.dropna().head(50))
