"""Turn located raw cells (header names + data columns) into a typed table with flags and a report.

Shared by the CSV and spreadsheet readers. Conventions:
* key columns stay text (never parsed as numbers); numbers from a spreadsheet in a key column are
  written without a trailing ``.0`` and the conversion is reported;
* a column becomes a value column (float64) when most of its non-symbol cells are numbers and no
  cell is an integer with a leading zero (``01001`` is a key, not a number); otherwise it stays text;
* ``flags`` holds one categorical column per value column (NaN = plain number).
"""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Optional, Union

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..errors import TableError
from ..i18n import tr, tr_noop
from .values import CONVERSIONS, all_trimmed, describe_flag, parse_column

#: the cells of one column as a reader collects them: a list (CSV rows) or an array (spreadsheets)
Cells = Union[Sequence[object], np.ndarray]


@dataclass
class ColumnReport:
    name: str
    kind: str  # 'key', 'value' or 'text'
    header: str = ""  # the header text as written in the file
    n_numbers: int = 0
    missing: dict[str, int] = field(default_factory=dict)
    flagged_numbers: dict[str, int] = field(default_factory=dict)
    conversions: dict[str, int] = field(default_factory=dict)
    invalid_examples: list[tuple[int, str]] = field(default_factory=list)  # [(file row, text)]
    note: str = ""


@dataclass
class TableReport:
    """What the reader detected and converted. Row numbers are 1-based rows of the file/sheet."""

    path: str
    file_format: str
    sheet: object = None
    sheets: list = field(default_factory=list)
    encoding: str = ""
    encoding_reason: str = ""
    separator: str = ""
    separator_reason: str = ""
    decimal: str = ""
    decimal_reason: str = ""
    header_rows: list[int] = field(default_factory=list)
    title_rows: list[tuple[int, str]] = field(default_factory=list)  # [(row, text)]
    footer_rows: list[tuple[int, str]] = field(default_factory=list)  # [(row, text)]
    n_rows: int = 0
    empty_rows_dropped: int = 0
    columns: list[ColumnReport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def column(self, name: str) -> ColumnReport:
        """The report of column ``name``; KeyError when the table has no such column."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    def conversion_lines(self) -> list[str]:
        """Readable conversion statements, one per column and kind."""
        lines = []
        for col in self.columns:
            for code, count in sorted(col.conversions.items()):
                lines.append(tr("column '{col}': {n} cells — {what}").format(
                    col=col.name, n=count, what=tr(CONVERSIONS.get(code, code))))
            if col.note:
                lines.append(tr("column '{col}': {note}").format(col=col.name, note=col.note))
        return lines

    def to_lines(self) -> list[str]:
        """The report as readable lines (English templates through tr)."""
        lines = [tr("Table {path} ({fmt}{sheet}): {rows} data rows, {cols} columns").format(
            path=self.path, fmt=self.file_format, rows=self.n_rows, cols=len(self.columns),
            sheet=(", " + tr("sheet '{s}'").format(s=self.sheet)) if self.sheet is not None else "")]
        if self.encoding:
            lines.append(tr("  encoding: {enc} ({why})").format(enc=self.encoding, why=self.encoding_reason))
        if self.separator:
            lines.append(tr("  separator: {sep!r} ({why})").format(sep=self.separator, why=self.separator_reason))
        if self.decimal:
            lines.append(tr("  decimal separator: {dec!r} ({why})").format(dec=self.decimal, why=self.decimal_reason))
        if self.header_rows:  # a table layer has field names, no header row
            lines.append(tr("  header row(s): {rows}").format(rows=", ".join(str(r) for r in self.header_rows)))
        for row, text in self.title_rows:
            lines.append(tr("  skipped title row {row}: {text}").format(row=row, text=text))
        for row, text in self.footer_rows:
            lines.append(tr("  skipped footnote row {row}: {text}").format(row=row, text=text))
        if self.empty_rows_dropped:
            lines.append(tr("  {n} empty rows skipped").format(n=self.empty_rows_dropped))
        for col in self.columns:
            if col.kind != "value":
                continue
            for flag, count in sorted(col.missing.items()):
                lines.append(tr("  column '{col}': {n} missing — '{flag}' {what}").format(
                    col=col.name, n=count, flag=flag, what=describe_flag(flag)))
            for flag, count in sorted(col.flagged_numbers.items()):
                lines.append(tr("  column '{col}': {n} numbers flagged '{flag}' — {what}").format(
                    col=col.name, n=count, flag=flag, what=describe_flag(flag)))
            for row, text in col.invalid_examples:
                lines.append(tr("  column '{col}', row {row}: '{text}' is not a number (set to missing)").format(
                    col=col.name, row=row, text=text))
        lines.extend("  " + line for line in self.conversion_lines())
        lines.extend("  " + note for note in self.notes)
        return lines


@dataclass
class TableReadResult:
    frame: pd.DataFrame
    flags: pd.DataFrame
    report: TableReport
    row_numbers: np.ndarray  # 1-based row in the file/sheet of each frame row
    key_columns: list[str] = field(default_factory=list)
    value_columns: list[str] = field(default_factory=list)
    text_columns: list[str] = field(default_factory=list)


def unique_names(names: Iterable[Optional[str]]) -> list[str]:
    """Fill empty names with 'column_N' (1-based position) and make duplicates unique with ' (2)'."""
    seen: dict[str, bool] = {}
    out = []
    for pos, name in enumerate(names, start=1):
        base = name or f"column_{pos}"
        candidate = base
        k = 1
        while candidate.lower() in seen:
            k += 1
            candidate = f"{base} ({k})"
        seen[candidate.lower()] = True
        out.append(candidate)
    return out


KEY_COLUMN = tr_noop("key column")  # translated where the message is built


def resolve_column(name: str, columns: Sequence[Any], path: object, what: str = KEY_COLUMN) -> Any:
    """Find ``name`` among ``columns`` (exact, then ignoring case and surrounding spaces)."""
    if name in columns:
        return name
    folded = {str(c).strip().casefold(): c for c in columns}
    hit = folded.get(str(name).strip().casefold())
    if hit is not None:
        return hit
    raise TableError(tr("{what} '{name}' not found in {file}. Columns: {cols}.").format(
        what=tr(what), name=name, file=path, cols=", ".join(str(c) for c in columns)))


def _find(name: str, columns: Sequence[Any]) -> Any:
    try:
        return resolve_column(name, columns, "")
    except TableError:
        return None


def _key_text(cells: Cells) -> tuple[np.ndarray, int]:
    """Key cells as text: strings as written, spreadsheet numbers without '.0'. Returns (series, n_numbers)."""
    if len(cells) and pd.api.types.infer_dtype(cells, skipna=False) == "string":
        # all text (the usual key column): blank cells become None, the rest stays as written
        texts = np.array(cells, dtype=object)  # a copy: blanks are set to None below
        blank = texts == "" if all_trimmed(texts.tolist()) else (pd.Series(texts).str.strip() == "").to_numpy()
        texts[blank] = None
        return texts, 0
    out = np.empty(len(cells), dtype=object)
    n_num = 0
    for i, cell in enumerate(cells):
        if cell is None or (isinstance(cell, float) and cell != cell):
            out[i] = None
        elif isinstance(cell, (int, np.integer)) and not isinstance(cell, bool):
            out[i] = str(int(cell))
            n_num += 1
        elif isinstance(cell, (float, np.floating)):
            out[i] = str(int(cell)) if float(cell).is_integer() else repr(float(cell))
            n_num += 1
        else:
            cell_text = str(cell)
            out[i] = cell_text if cell_text.strip() else None
    return out, n_num


def build_result(names: Iterable[str], columns: Sequence[Cells], row_numbers: npt.ArrayLike,
                 report: TableReport, key_columns: Iterable[str] = (), decimal: str = ",",
                 thousands: Optional[str] = None, require_keys: bool = True) -> TableReadResult:
    """Assemble a TableReadResult.

    names: header names (already unique); columns: list of sequences of raw cells (str/number/None),
    one per name; row_numbers: 1-based file rows of the data rows. ``thousands``: None accepts
    thousands separators in valid 3-digit groups ("1.234,5", "1 234,5"); "" accepts none.
    """
    allow_grouping = thousands is None or thousands != ""
    headers = list(names)
    rows = np.asarray(row_numbers, dtype=int)
    cells_by_column: Sequence[Cells] = columns
    # drop rows without any content (blank lines inside the data)
    if columns and len(rows):
        filled = np.zeros(len(rows), dtype=bool)
        for col in columns:
            column_cells = np.asarray(col, dtype=object)
            filled |= (column_cells != "") & ~pd.isna(column_cells)
        if not filled.all():
            report.empty_rows_dropped = int((~filled).sum())
            cells_by_column = [np.asarray(pd.Series(c, dtype=object))[filled] for c in columns]
            rows = rows[filled]
    if len(rows) == 0:
        raise TableError(tr("{file} has a header but no data rows (header row(s) {rows}).").format(
            file=report.path, rows=", ".join(str(r) for r in report.header_rows)))

    if require_keys:
        keys = [resolve_column(k, headers, report.path) for k in key_columns]
    else:  # several candidate key names (multi-table joins): use those present
        keys = [_find(k, headers) for k in key_columns]
        keys = [k for k in keys if k is not None]
    frame_cols: dict[str, Any] = {}
    flag_cols: dict[str, Any] = {}
    result_keys: list[str] = []
    result_values: list[str] = []
    result_text: list[str] = []
    for name, cells in zip(headers, cells_by_column):
        col_report = ColumnReport(name=name, kind="key", header=name)
        if name in keys:
            text, n_num = _key_text(cells)
            frame_cols[name] = text
            if n_num:
                col_report.note = tr("{n} keys stored as numbers in the spreadsheet were turned into text; "
                                     "leading zeros may have been lost (use the key rule 'pad_zeros')").format(n=n_num)
            result_keys.append(name)
            report.columns.append(col_report)
            continue
        parsed = parse_column(cells, decimal, allow_grouping=allow_grouping)
        if parsed.is_numeric:
            col_report.kind = "value"
            col_report.n_numbers = parsed.n_numbers
            col_report.missing = parsed.missing
            col_report.flagged_numbers = parsed.flagged_numbers
            col_report.conversions = {k: v for k, v in parsed.conversions.items() if k != "excel_number"}
            col_report.invalid_examples = [(int(rows[p]), t) for p, t in parsed.invalid_examples]
            frame_cols[name] = parsed.values
            flag_cols[name] = parsed.flags
            result_values.append(name)
        else:
            col_report.kind = "text"
            text, _n = _key_text(cells)
            frame_cols[name] = text
            if parsed.leading_zero_numbers:
                col_report.note = tr("kept as text: {n} values are numbers with leading zeros (a key?)").format(
                    n=parsed.leading_zero_numbers)
            result_text.append(name)
        report.columns.append(col_report)

    index = pd.RangeIndex(len(rows))
    frame = pd.DataFrame(frame_cols, index=index, columns=headers)
    for name in result_keys + result_text:
        frame[name] = frame[name].astype(object)
    flags = pd.DataFrame(flag_cols, index=index, columns=result_values)
    report.n_rows = len(frame)
    return TableReadResult(frame=frame, flags=flags, report=report, row_numbers=rows,
                           key_columns=result_keys, value_columns=result_values, text_columns=result_text)
