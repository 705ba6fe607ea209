"""Read XLSX (openpyxl) and ODS (pandas' odf engine, needs odfpy = Debian package python3-odf) sheets.

The sheet is read as cell values (numbers stay numbers, text stays text); title rows, header rows
and footnote rows are located with the same rules as for CSV. Row numbers are sheet rows (1-based).
Formulas are read as their cached results; a workbook saved by a program that does not store
results (e.g. one written by a script) gives empty cells, and the report says which cells they are.
"""
import zipfile
from collections.abc import Iterable
from typing import Any, Callable, Optional, Union

import numpy as np

from ..errors import TableError
from ..i18n import tr
from ..outputs.atomic import StrPath
from . import sniff
from .build import TableReadResult, TableReport, build_result, unique_names
from .values import detect_decimal

Rows = list[list[Any]]  # cell values of a sheet, row by row
Sheet = Union[str, int, None]  # sheet name or 0-based index; None = the first sheet holding a table


def _pick_sheet(names: list[str], sheet: Sheet, path: str) -> str:
    if not names:
        raise TableError(tr("{file} contains no sheets.").format(file=path))
    if sheet is None or sheet == "":
        return names[0]
    if isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit() and sheet not in names):
        idx = int(sheet)
        if 0 <= idx < len(names):
            return names[idx]
    elif sheet in names:
        return sheet
    else:
        folded = {n.strip().casefold(): n for n in names}
        if str(sheet).strip().casefold() in folded:
            return folded[str(sheet).strip().casefold()]
    raise TableError(tr("{file} has no sheet '{sheet}'. Sheets: {names}.").format(
        file=path, sheet=sheet, names=", ".join(names)))


def _xlsx_rows(path: str, sheet: Sheet) -> tuple[Rows, str, list[str]]:
    try:
        import openpyxl
    except ImportError:
        raise TableError(tr("Reading .xlsx needs the Python package openpyxl (Debian: python3-openpyxl).")) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise TableError(tr("{file} cannot be opened as an Excel workbook ({err}). Is it really an .xlsx file?").format(
            file=path, err=err)) from None
    try:
        names = list(book.sheetnames)
        chosen = _pick_sheet(names, sheet, path)
        rows = [list(r) for r in book[chosen].iter_rows(values_only=True)]
    finally:
        book.close()
    return rows, chosen, names


def _formulas_without_result(path: str, sheet: str, rows: Rows) -> list[str]:
    """Cells ('C4', …) of ``sheet`` that hold a formula but no stored result (read as empty).

    Only workbooks that contain formulas at all are read a second time (formulas instead of values).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            if not any(b"<f" in archive.read(n) for n in archive.namelist()
                       if n.startswith("xl/worksheets/") and n.endswith(".xml")):
                return []
        import openpyxl
        from openpyxl.utils import get_column_letter

        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return []
    cells: list[str] = []
    try:
        for r, row in enumerate(book[sheet].iter_rows(values_only=True)):
            for c, value in enumerate(row):
                if isinstance(value, str) and value.startswith("=") and r < len(rows) and (
                        c >= len(rows[r]) or rows[r][c] is None):
                    cells.append(f"{get_column_letter(c + 1)}{r + 1}")
    finally:
        book.close()
    return cells


def _ods_rows(path: str, sheet: Sheet) -> tuple[Rows, str, list[str]]:
    try:
        import odf  # noqa: F401  (pandas' odf engine needs odfpy)
        import pandas as pd
    except ImportError:
        raise TableError(tr("Reading .ods needs the Python package odfpy (Debian: python3-odf). "
                            "Install it or save the table as .xlsx or CSV.")) from None
    try:
        with pd.ExcelFile(path, engine="odf") as book:  # closed again: an open file is locked on Windows
            names = list(book.sheet_names)
            chosen = _pick_sheet(names, sheet, path)
            frame = book.parse(chosen, header=None, dtype=object)
    except TableError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise TableError(tr("{file} cannot be opened as an OpenDocument spreadsheet ({err}).").format(
            file=path, err=err)) from None
    rows = [[None if (isinstance(v, float) and v != v) else v for v in row] for row in frame.itertuples(index=False)]
    return rows, chosen, names


def read_spreadsheet(path: StrPath, *, sheet: Sheet = None, decimal: Optional[str] = None,
                     thousands: Optional[str] = None, header_row: Union[int, list[int], None] = None,
                     key_columns: Iterable[str] = (), require_keys: bool = True) -> TableReadResult:
    """Read one sheet of an .xlsx/.xlsm or .ods file into a TableReadResult."""
    path = str(path)
    lower = path.lower()
    fmt = "ods" if lower.endswith(".ods") else "xlsx"
    try:
        with open(path, "rb") as handle:
            magic = handle.read(8)
    except OSError as err:
        raise TableError(tr("Cannot open {file}: {err}").format(file=path, err=err.strerror or err)) from None
    if not magic:
        raise TableError(tr("{file} is empty.").format(file=path))
    if not magic.startswith(b"PK"):
        raise TableError(tr("{file} is not a {fmt} workbook (wrong content for its extension). "
                            "Check the file or give it the right extension.").format(file=path, fmt=fmt.upper()))
    reader: Callable[[str, Sheet], tuple[Rows, str, list[str]]] = _ods_rows if fmt == "ods" else _xlsx_rows
    rows, chosen, names = reader(path, sheet)
    if sheet in (None, "") and len(names) > 1 and header_row is None:
        # no sheet chosen: take the first sheet that holds a table (cover sheets with notes are common)
        for candidate in names:
            cand_rows = rows if candidate == chosen else reader(path, candidate)[0]
            if _has_table(cand_rows):
                rows, chosen = cand_rows, candidate
                break
    report = TableReport(path=path, file_format=fmt, sheet=chosen, sheets=names)
    if len(names) > 1 and sheet in (None, ""):
        report.notes.append(tr("the workbook has {n} sheets ({names}); sheet '{chosen}' was read (the first with a "
                               "table) — choose another with the sheet option").format(
            n=len(names), names=", ".join(names), chosen=chosen))
    if fmt == "xlsx":
        formulas = _formulas_without_result(path, chosen, rows)
        if formulas:
            report.notes.append(tr("sheet '{sheet}': {n} cells hold a formula without a stored result and are read as "
                                   "empty ({cells}); open the file in Excel or LibreOffice and save it, so that the "
                                   "results are stored").format(
                sheet=chosen, n=len(formulas), cells=", ".join(formulas[:10]) + (" …" if len(formulas) > 10 else "")))
    if not any(sniff.cell_kind(c) != "empty" for row in rows for c in row):
        raise TableError(tr("Sheet '{sheet}' of {file} is empty.").format(sheet=chosen, file=path))

    header_index: Union[int, list[int], None] = None
    if header_row is not None:
        wanted = [header_row] if isinstance(header_row, int) else list(header_row)
        positions = [int(r) - 1 for r in wanted]
        header_index = positions if len(positions) > 1 else positions[0]
    try:
        header_rows, data_start, title_rows = sniff.locate_header(rows[:200], header_index)
    except TableError as err:
        raise TableError(tr("{file}, sheet '{sheet}': {err}. Give the header row number.").format(
            file=path, sheet=chosen, err=err)) from None
    width = max(sniff.table_width(rows[data_start:data_start + 200] or rows),
                *(_filled_width(rows[i]) for i in header_rows))
    foot = sniff.locate_footer(rows, data_start, width)
    report.header_rows = [i + 1 for i in header_rows]
    report.title_rows = [(i + 1, _short(rows[i])) for i in title_rows]
    report.footer_rows = [(i + 1, _short(rows[i])) for i in range(foot, len(rows)) if _short(rows[i])]
    data_rows = rows[data_start:foot]
    if not data_rows:
        raise TableError(tr("{file}, sheet '{sheet}' has a header but no data rows (header row(s) {rows}).").format(
            file=path, sheet=chosen, rows=", ".join(str(r) for r in report.header_rows)))
    n_fields = max([width] + [_filled_width(r) for r in data_rows])
    names_all = sniff.header_names(rows, header_rows, n_fields)
    matrix = np.empty((len(data_rows), n_fields), dtype=object)
    for i, row in enumerate(data_rows):
        cells = row[:n_fields]
        matrix[i, : len(cells)] = cells
    keep = [p for p, name in enumerate(names_all)
            if name or any(sniff.cell_kind(c) != "empty" for c in matrix[:, p])]
    if len(keep) < n_fields:
        report.notes.append(tr("{n} empty columns without header dropped").format(n=n_fields - len(keep)))
    names = unique_names([names_all[p] for p in keep])
    columns = [matrix[:, p] for p in keep]
    if decimal:
        report.decimal, report.decimal_reason = decimal, tr("given")
    else:
        samples = [c for r in data_rows[:500] for c in r[1:] if isinstance(c, str)]
        decimal, why = detect_decimal(samples, None)
        report.decimal, report.decimal_reason = decimal, why
    row_numbers = np.arange(data_start + 1, foot + 1)
    return build_result(names, columns, row_numbers, report, key_columns=key_columns, decimal=decimal,
                        thousands=thousands, require_keys=require_keys)


def _has_table(rows: Rows) -> bool:
    try:
        _h, start, _t = sniff.locate_header(rows[:200])
    except TableError:
        return False
    return start < len(rows)


def _filled_width(row: list[Any]) -> int:
    last = 0
    for i, cell in enumerate(row):
        if sniff.cell_kind(cell) != "empty":
            last = i + 1
    return last


def _short(row: list[Any]) -> str:
    text = " | ".join(str(c).strip() for c in row if sniff.cell_kind(c) != "empty")
    return text if len(text) <= 120 else text[:117] + "..."
