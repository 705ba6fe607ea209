"""One join run: one or more read tables joined in turn to the district rows, long tables pivoted first,
the added columns named safely for GeoPackage, flag columns on request, one report per table.

This is everything sozialmonitor:join_table decides; the algorithm only reads parameters and layers,
calls ``join_tables`` and writes the result.
"""
import os
from dataclasses import dataclass, field
from typing import Callable, Optional

import pandas as pd

from ..errors import JoinError, TableError
from ..i18n import tr
from ..tables.build import TableReadResult
from ..tables.long_detect import detect_long_format
from ..tables.longwide import WideTable, long_to_wide
from .expectation import JoinExpectationError
from .field_names import sanitise_field_names
from .match import join_table
from .report import JoinReport


@dataclass
class LongFormat:
    """Columns of a table in long format (area, [year,] indicator, value); all empty = detect."""

    indicator: str = ""
    value: str = ""
    year: str = ""
    years: list = field(default_factory=list)


@dataclass
class JoinOptions:
    """What the user chose for the whole run (see join_table for each rule)."""

    key_rule: str = "exact"
    strict: bool = False
    duplicates: str = "error"
    district_name: Optional[str] = None
    table_name: Optional[str] = None
    missing_codes: tuple = ()
    min_match_percent: Optional[float] = None
    add_flags: bool = False
    long: Optional[LongFormat] = None  # None = wide tables


@dataclass
class JoinRun:
    """The result: ``out`` holds the added columns (safe names, indexed like the district rows), ``specs``
    [(field name, alias, kind)] for writing them, one report per table, ``matched`` per district row
    (data from every table), ``renamed`` [(header, field name)] where the name had to change."""

    out: pd.DataFrame
    specs: list
    reports: list
    matched: pd.Series
    renamed: list


def parse_missing_codes(text: str) -> tuple[float, ...]:
    """'0;-9999' (or '0,-9999') -> (0.0, -9999.0); JoinError naming a code that is not a number."""
    codes = []
    for part in text.replace(",", ";").split(";") if text else []:
        part = part.strip()
        if not part:
            continue
        try:
            codes.append(float(part))
        except ValueError:
            raise JoinError(tr("Missing-value code '{code}' is not a number (example: 0;-9999).").format(
                code=part)) from None
    return tuple(codes)


def key_column(table: TableReadResult, key_names: list, label: str) -> str:
    """The first of ``key_names`` that ``table`` (a TableReadResult) has; TableError listing its columns."""
    if table.key_columns:
        return table.key_columns[0]
    raise TableError(tr("{file}: none of the key columns {names} found. Columns: {cols}.").format(
        file=label, names=", ".join(f"'{k}'" for k in key_names), cols=", ".join(table.frame.columns)))


def long_columns(table: TableReadResult, table_key: str,
                 label: str) -> tuple[Optional[str], str, Optional[str]]:
    """(indicator, value, year) of a long table, found by long_detect; TableError when they cannot be found."""
    layout = detect_long_format(table.frame, table_key)
    if layout is not None and layout.values:
        return None, ";".join(map(str, layout.values)), layout.year
    if layout is None or not layout.value:
        numeric = [c for c in table.frame.columns if c != table_key and str(table.frame[c].dtype).startswith("float")]
        raise TableError(tr("{file}: the long-format columns could not be found (the key '{key}' does not repeat "
                            "with a year or indicator column, or there are several value columns: {cols}). Give "
                            "LONG_INDICATOR, LONG_VALUE and LONG_YEAR.").format(
            file=os.path.basename(str(label)), key=table_key, cols=", ".join(map(str, numeric[:8])) or "–"))
    return layout.indicator, layout.value, layout.year


def _to_wide(table: TableReadResult, table_key: str, label: str, options: JoinOptions,
             log: Callable[[str], None]) -> WideTable:
    spec = options.long
    assert spec is not None  # only called for long tables
    indicator: Optional[str] = spec.indicator
    value: str = spec.value
    year: Optional[str] = spec.year
    if not indicator and not value and not year:
        indicator, value, year = long_columns(table, table_key, label)
        log(tr("Long format: columns found: indicator '{i}', value '{v}', year '{y}'.").format(
            i=indicator or "–", v=value, y=year or "–"))
    if not value or not (indicator or year):
        raise TableError(tr("Long format needs the value column (LONG_VALUE) and the indicator column "
                            "(LONG_INDICATOR) or the year column (LONG_YEAR); leave all three empty to detect "
                            "them."))
    values = [v.strip() for v in value.split(";") if v.strip()]
    keep = [options.table_name] if options.table_name else []
    return long_to_wide(table, table_key, indicator or None, values, year or None, duplicates=options.duplicates,
                        keep_columns=keep, years=spec.years or None, label=label)


def _stem(label: str) -> str:
    return os.path.splitext(os.path.basename(str(label)))[0] or "table"


def join_tables(districts: pd.DataFrame, district_key: str, tables: list, options: JoinOptions,
                layer_fields: list, log: Callable[[str], None] = lambda _line: None,
                cancelled: Callable[[], bool] = lambda: False) -> Optional[JoinRun]:
    """Join ``tables`` [(label, TableReadResult, key column)] one after the other to ``districts``.

    layer_fields: every field name of the district layer (taken names for the added columns).
    log: receives the report lines as the run goes. Returns None when ``cancelled()`` turned true.
    A JoinExpectationError carries ``reports``: the reports so far including the failing one, so the
    caller can write the join report that explains the failure.
    """
    frame = districts
    flags: list[pd.DataFrame] = []
    reports: list[JoinReport] = []
    matched_all = None
    for label, table, table_key in tables:
        for line in table.report.to_lines():
            log(line)
        if options.long is not None:
            wide = _to_wide(table, table_key, label, options, log)
            for line in wide.lines:
                log("  " + line)
            kwargs = {"flags": wide.flags, "row_numbers": wide.row_numbers, "table_report": table.report}
            table_like = wide.frame
        else:
            kwargs, table_like = {}, table
        suffix = _stem(label) if len(tables) > 1 else "table"
        try:
            result = join_table(frame, district_key, table_like, table_key, key_rule=options.key_rule,
                                strict=options.strict, duplicates=options.duplicates,
                                district_name=options.district_name, table_name=options.table_name,
                                missing_codes=options.missing_codes, label=label, collision_suffix=suffix,
                                reserved_columns=layer_fields, min_match_percent=options.min_match_percent,
                                **kwargs)
        except JoinExpectationError as err:
            err.reports = reports + ([err.report] if err.report is not None else [])
            raise
        if options.long is not None:
            result.report.conversions[:0] = wide.lines
        else:
            result.report.invalid_values = {col.name: list(col.invalid_examples) for col in table.report.columns
                                            if col.invalid_examples}
        frame = result.frame
        if result.flags is not None:
            flags.append(result.flags)
        reports.append(result.report)
        matched_all = result.matched if matched_all is None else (matched_all & result.matched)
        log(result.report.to_text())
        if cancelled():
            return None
    return _named_output(frame, districts, flags, reports, matched_all, layer_fields, options.add_flags)


def _named_output(frame: pd.DataFrame, districts: pd.DataFrame, flags: list[pd.DataFrame], reports: list[JoinReport],
                  matched: Optional[pd.Series], layer_fields: list, add_flags: bool) -> JoinRun:
    """The added columns under GeoPackage-safe names, their specs, and the flag columns asked for."""
    added = [c for c in frame.columns if c not in districts.columns]
    safe = sanitise_field_names(added, taken=layer_fields)
    for report in reports:  # the report names the field as it is written, next to the table's header
        report.columns_added = [(safe.get(column, column), header) for column, header in report.columns_added]
    out = frame[added].rename(columns=safe)
    specs = [(safe[col], col if safe[col] != col else "",
              "double" if str(frame[col].dtype).startswith(("float", "int")) else "string") for col in added]
    if add_flags:
        taken = list(layer_fields) + list(safe.values())
        for flag_frame in flags:
            for col in flag_frame.columns:
                if col in safe and flag_frame[col].notna().any():
                    name = sanitise_field_names([safe[col] + "_flag"], taken=taken)[safe[col] + "_flag"]
                    taken.append(name)
                    out[name] = flag_frame[col].astype(object).where(flag_frame[col].notna(), None)
                    specs.append((name, tr("{col}: flag").format(col=col), "string"))
    renamed = [(col, safe[col]) for col in added if safe[col] != col]
    return JoinRun(out=out, specs=specs, reports=reports, matched=pd.Series(matched, index=districts.index),
                   renamed=renamed)
