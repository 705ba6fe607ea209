"""Indicator tables as statistics offices deliver them: CSV/TXT, XLSX, ODS.

Public entry point: ``read_table(path, ...) -> TableReadResult`` with

* ``frame``: pandas DataFrame; key columns and text columns as text (dtype object), value columns float64
  (NaN where no number was published — a suppression symbol never becomes 0);
* ``flags``: DataFrame of categorical flag codes for the value columns (NaN = plain number; see values.SYMBOLS);
* ``report``: TableReport — detected encoding/separator/decimal/header/footnotes, per-column counts of
  suppressed values and conversions;
* ``row_numbers``: 1-based row in the file/sheet of each frame row (for messages).
"""
import os
from collections.abc import Iterable
from typing import Optional, Union

import numpy as np
import pandas as pd

from ..errors import TableError
from ..i18n import tr
from ..outputs.atomic import StrPath
from . import sniff
from .build import ColumnReport, TableReadResult, TableReport, build_result, unique_names  # noqa: F401
from .read_csv import read_csv_table
from .read_excel import read_spreadsheet
from .values import detect_decimal

TEXT_EXTENSIONS = (".csv", ".txt", ".tsv", ".tab", ".dat")
SPREADSHEET_EXTENSIONS = (".xlsx", ".xlsm", ".ods")


def read_table(path: StrPath, *, sheet: Union[str, int, None] = None, encoding: Optional[str] = None,
               separator: Optional[str] = None, decimal: Optional[str] = None, thousands: Optional[str] = None,
               header_row: Union[int, list[int], None] = None, key_columns: Union[str, Iterable[str]] = (),
               require_keys: bool = True) -> TableReadResult:
    """Read an indicator table.

    path: .csv/.txt/.tsv (delimited text) or .xlsx/.xlsm/.ods (spreadsheet).
    sheet: sheet name or 0-based index (spreadsheets; default the first sheet).
    encoding, separator (';', ',', tab, '|'), decimal (',' or '.'): None = detect.
    thousands: None accepts thousands separators in valid 3-digit groups; "" accepts none.
    header_row: 1-based row number of the header (or a list for a header spread over several rows);
    None = detect (title rows above it are skipped).
    key_columns: column names kept as text, never parsed as numbers. require_keys=False: key names
    that are not in the table are ignored (several candidate names, e.g. for a multi-table join).
    Raises TableError with file, row or column and what to do.
    """
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise TableError(tr("Table file {file} does not exist.").format(file=path))
    ext = os.path.splitext(path)[1].lower()
    if isinstance(key_columns, str):
        key_columns = (key_columns,)
    if ext in SPREADSHEET_EXTENSIONS:
        return read_spreadsheet(path, sheet=sheet, decimal=decimal, thousands=thousands,
                                header_row=header_row, key_columns=key_columns, require_keys=require_keys)
    if ext == ".xls":
        raise TableError(tr("{file}: old .xls workbooks are not supported. Save it as .xlsx or CSV.").format(file=path))
    if ext in TEXT_EXTENSIONS or ext == "":
        return read_csv_table(path, encoding=encoding, separator=separator, decimal=decimal, thousands=thousands,
                              header_row=header_row, key_columns=key_columns, require_keys=require_keys)
    raise TableError(tr("{file}: unknown table type '{ext}'. Use CSV/TXT, XLSX or ODS.").format(file=path, ext=ext))


def why_unreadable(path: StrPath) -> Optional[str]:
    """Why QGIS could not open the existing file ``path`` as a layer or table, in words a user can act on;
    None when ``path`` is not an existing file (then QGIS's own "not found" is right).

    An empty file, a text table holding binary data or a ZIP/OLE container (check_text_table's message),
    else a generic "damaged or not a format QGIS reads"."""
    path = os.fspath(path)
    if not os.path.isfile(path):
        return None
    if os.path.getsize(path) == 0:
        return tr("{file} is empty (0 bytes). Check that you chose the right file.").format(file=path)
    try:
        check_text_table(path)
    except TableError as err:
        return err.message
    return tr("{file} exists, but QGIS cannot open it as a layer or table: the file is damaged or in a format "
              "QGIS does not read. Open it in QGIS to see the error, or export it as GeoPackage or CSV.").format(
        file=path)


def table_from_dataframe(frame: pd.DataFrame, *, key_columns: Iterable[str] = (), label: str = "table layer",
                         decimal: Optional[str] = None, require_keys: bool = True) -> TableReadResult:
    """Type an attribute table given as a DataFrame (e.g. a QGIS table layer) like a read file.

    Text fields holding German numbers or suppression symbols are parsed exactly as in a CSV;
    numeric fields stay numbers; key columns stay text. Row numbers are 1-based feature positions.
    """
    if frame.empty:
        raise TableError(tr("{file} has no rows.").format(file=label))
    report = TableReport(path=label, file_format="layer")
    names = unique_names([str(c) for c in frame.columns])
    columns = [frame[c].to_numpy(dtype=object) for c in frame.columns]
    if decimal:
        report.decimal, report.decimal_reason = decimal, tr("given")
    else:
        samples = [v for c in columns for v in c[:500] if isinstance(v, str)]
        decimal, report.decimal_reason = detect_decimal(samples, None)
        report.decimal = decimal
    report.header_rows = []
    return build_result(names, columns, np.arange(1, len(frame) + 1), report, key_columns=key_columns,
                        decimal=decimal, require_keys=require_keys)


def check_text_table(path: StrPath) -> None:
    """Raise TableError naming ``path`` when a delimited-text file holds binary data (or is a ZIP/OLE file).

    The same check ``read_table`` applies (sniff.detect_encoding on the first 64 KiB); for callers that let
    another reader (e.g. QGIS's OGR provider) parse the file, which would turn the bytes into field names.
    A file that cannot be opened is left to that reader.
    """
    path = os.fspath(path)
    if os.path.splitext(path)[1].lower() not in TEXT_EXTENSIONS or not os.path.isfile(path):
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
            more = bool(handle.read(1))
    except OSError:
        return
    if more and b"\n" in head:
        # whole lines only: the cut may split a UTF-8 character, which would look like another encoding
        head = head[: head.rindex(b"\n") + 1]
    sniff.detect_encoding(head, path)
