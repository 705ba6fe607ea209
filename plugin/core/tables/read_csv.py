"""Read CSV/TXT tables as statistics offices export them.

Detection (each overridable): encoding, separator, header row(s) under title rows, footnote rows
at the bottom, decimal separator. Only the first and last rows are inspected in Python; the body is
parsed by pandas' C parser as text, then typed column-wise (see build.py), so a 50 MB file reads in
seconds. Row numbers in messages are 1-based lines of the file (a quoted cell spanning several
lines shifts later numbers; statistics exports practically never contain such cells in the data).
"""
import csv
import io
import os
import re
from collections.abc import Iterable, Sequence
from typing import Optional, Union

import numpy as np
import pandas as pd

from ..errors import TableError
from ..i18n import tr
from . import sniff
from .build import TableReadResult, TableReport, build_result, unique_names
from .values import detect_decimal

HEAD_LINES = 200
CHUNK_ROWS = 100000
TAIL_LINES = 60
_SEPARATOR_ALIASES = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ",", "pipe": "|"}


def normalise_separator(separator: Optional[str]) -> Optional[str]:
    """Accept ';', ',', tab (also written 'tab' or '\\t') and '|'; None means detect."""
    if separator in (None, ""):
        return None
    sep = _SEPARATOR_ALIASES.get(str(separator).lower(), str(separator))
    if len(sep) != 1:
        raise TableError(tr("Separator '{sep}' must be a single character such as ';', ',' or tab.").format(
            sep=separator))
    return sep


def _line_starts_head(text, n):
    """Offsets of the first line starts; the last entry is where the head (n lines or the whole text) ends."""
    starts = [0]
    pos = 0
    while len(starts) <= n:
        nxt = text.find("\n", pos)
        if nxt < 0 or nxt + 1 >= len(text):
            starts.append(len(text))
            break
        pos = nxt + 1
        starts.append(pos)
    return starts


def _tail_start(text, n, floor):
    pos = len(text.rstrip("\r\n"))
    for _ in range(n):
        nxt = text.rfind("\n", floor, pos)
        if nxt < 0:
            return floor
        pos = nxt
    return pos + 1


def _parse_rows(block, sep):
    """csv-parse a text block; returns (rows, first physical line of each row, 0-based)."""
    reader = csv.reader(io.StringIO(block, newline=""), delimiter=sep)
    rows, lines = [], []
    last = 0
    try:
        for row in reader:
            rows.append(row)
            lines.append(last)
            last = reader.line_num
    except csv.Error as err:
        raise TableError(tr("CSV syntax error near row {row}: {err}").format(row=last + 1, err=err)) from None
    return rows, lines


def _check_quotes(text, sep, path):
    """Raise TableError naming the line where a quoted cell opens that is never closed.

    Without this, both csv and pandas read everything from that quote to the end of the file as one
    cell and the rows below silently disappear. Other quoting oddities are left to the parsers.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    last = 0
    try:
        for _row in reader:
            last = reader.line_num
    except csv.Error as err:
        if "unexpected end of data" in str(err):
            raise TableError(tr("{file}, row {row}: a quote (\") opens a cell that is never closed, so all rows "
                                "below would be read as one cell. Remove the quote or add the closing quote in "
                                "that row.").format(file=path, row=last + 1)) from None


def read_csv_table(path: Union[str, "os.PathLike[str]"], *, encoding: Optional[str] = None,
                   separator: Optional[str] = None, decimal: Optional[str] = None, thousands: Optional[str] = None,
                   header_row: Union[None, int, Sequence[int]] = None, key_columns: Iterable[str] = (),
                   require_keys: bool = True) -> TableReadResult:
    """Read a delimited text file into a TableReadResult (see tables.read_table for the parameters)."""
    path = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as err:
        raise TableError(tr("Cannot open {file}: {err}").format(file=path, err=err.strerror or err)) from None
    report = TableReport(path=path, file_format="csv")
    if not raw.strip():
        raise TableError(tr("{file} is empty.").format(file=path))
    if encoding:
        report.encoding, report.encoding_reason = encoding, tr("given")
    else:
        encoding, label = sniff.detect_encoding(raw, path)
        report.encoding, report.encoding_reason = label, tr("detected")
    text = sniff.decode(raw, encoding, path)
    del raw
    if text.startswith("\ufeff"):
        text = text[1:]
    if "Ã¤" in text[:200000] or "Ã¶" in text[:200000] or "Ã¼" in text[:200000] or "ÃŸ" in text[:200000]:
        report.notes.append(tr("the text contains 'Ã¤'/'Ã¼'-like sequences: umlauts were probably converted "
                               "to UTF-8 twice before this file was saved; names may look wrong"))

    starts = _line_starts_head(text, HEAD_LINES)
    head_end = starts[-1]
    whole = head_end >= len(text)
    head = text[:head_end]

    sep = normalise_separator(separator)
    if sep:
        report.separator, report.separator_reason = sep, tr("given")
    else:
        sep, why = sniff.detect_separator(head)
        if sep is None:
            raise TableError(tr("{file}: no column separator found (tried ';', tab, ',' and '|'). A table needs a "
                                "key column and at least one value column; give the separator if it is another "
                                "character.").format(file=path))
        report.separator, report.separator_reason = sep, why

    if '"' in text:
        _check_quotes(text, sep, path)
    rows, row_lines = _parse_rows(head, sep)
    if not whole and rows:
        # the last head row may be cut in the middle of a line: drop it
        rows, row_lines = rows[:-1], row_lines[:-1]
    if header_row is not None:
        header_index = _header_index(header_row, row_lines, path)
    else:
        header_index = None
    try:
        header_rows, data_start, title_rows = sniff.locate_header(rows, header_index)
    except TableError as err:
        raise TableError(tr("{file}: {err}. Give the header row number.").format(file=path, err=err)) from None
    report.header_rows = [row_lines[i] + 1 for i in header_rows]
    report.title_rows = [(row_lines[i] + 1, _short(rows[i])) for i in title_rows]
    if data_start >= len(rows) and whole:
        raise TableError(tr("{file} has a header but no data rows (header row(s) {rows}).").format(
            file=path, rows=", ".join(str(r) for r in report.header_rows)))

    width = max(sniff.table_width(rows[data_start:] or rows), *(len(_trim(rows[i])) for i in header_rows))
    data_offset = starts[row_lines[data_start]] if data_start < len(rows) else head_end

    # footnotes at the bottom
    if whole:
        tail_rows, tail_lines, tail_base = rows[data_start:], row_lines[data_start:], 0
    else:
        tail_base = _tail_start(text, TAIL_LINES, data_offset)
        tail_rows, tail_lines = _parse_rows(text[tail_base:], sep)
    foot = sniff.locate_footer(tail_rows, 0, width)
    if foot < len(tail_rows):
        foot_offset = tail_base + _offset_of_line(text[tail_base:], tail_lines[foot]) if not whole \
            else starts[tail_lines[foot]]
        first_line = text.count("\n", 0, foot_offset) + 1
        report.footer_rows = [(first_line + tail_lines[i] - tail_lines[foot], _short(tail_rows[i]))
                              for i in range(foot, len(tail_rows)) if any(c.strip() for c in tail_rows[i])]
    else:
        foot_offset = len(text)

    # bytes for the C parser: a StringIO would hold the body as 4-byte characters
    body = text[data_offset:foot_offset].encode("utf-8")
    del text
    if not body.strip():
        raise TableError(tr("{file} has a header but no data rows (header row(s) {rows}).").format(
            file=path, rows=", ".join(str(r) for r in report.header_rows)))
    n_fields = max([width] + [len(r) for r in rows[data_start:]] + [len(r) for r in tail_rows[:foot]])
    first_data_line = row_lines[data_start] + 1
    try:
        data = _read_cells(body, sep, n_fields)
    except pd.errors.ParserError as err:
        raise TableError(_parser_message(path, err, first_data_line, n_fields)) from None
    del body

    names = sniff.header_names(rows, header_rows, n_fields)
    keep = []
    for pos, name in enumerate(names):
        filled = data[pos] != ""
        if not name and filled.any() and filled.mean() <= 0.5:
            # a few rows have more cells than the header: an unquoted separator inside a text cell
            row = first_data_line + int(np.flatnonzero(filled)[0])
            raise TableError(tr("{file}, row {row}: more cells than the header has columns ({n}). A text cell "
                                "probably contains the separator '{sep}' without quotes; fix that row or choose "
                                "another separator.").format(file=path, row=row, n=len([x for x in names if x]),
                                                             sep=sep))
        if name or filled.any():
            keep.append(pos)
    dropped = n_fields - len(keep)
    if dropped:
        report.notes.append(tr("{n} empty columns without header dropped").format(n=dropped))
    names = unique_names([names[p] for p in keep])
    columns = [data[p] for p in keep]
    del data

    if decimal:
        report.decimal, report.decimal_reason = decimal, tr("given")
    else:
        samples = [c for r in rows[data_start:] for c in r[1:]]
        decimal, why = detect_decimal(samples, sep)
        report.decimal, report.decimal_reason = decimal, why
    if decimal not in (",", "."):
        raise TableError(tr("Decimal separator must be ',' or '.', not '{d}'.").format(d=decimal))
    row_numbers = np.arange(first_data_line, first_data_line + len(columns[0]) if columns else first_data_line)
    return build_result(names, columns, row_numbers, report, key_columns=key_columns, decimal=decimal,
                        thousands=thousands, require_keys=require_keys)


def _read_cells(body, sep, n_fields):
    """{column position: object array of the cell texts} of the data rows (bytes, UTF-8), read by pandas' C
    parser in chunks of ``CHUNK_ROWS`` rows. Equal texts of a column share one string object: a million
    rows of a few thousand distinct values cost 8 bytes a cell, not a string each (~55 bytes)."""
    reader = pd.read_csv(io.BytesIO(body), sep=sep, encoding="utf-8", header=None, names=list(range(n_fields)),
                         dtype=str, keep_default_na=False, na_filter=False, skip_blank_lines=False, quotechar='"',
                         engine="c", index_col=False, chunksize=CHUNK_ROWS)
    parts: dict[int, list] = {pos: [] for pos in range(n_fields)}
    shared: dict[int, dict] = {pos: {} for pos in range(n_fields)}
    with reader:
        for chunk in reader:
            for pos in range(n_fields):
                cells = chunk[pos].to_numpy(dtype=object)
                codes, uniques = pd.factorize(cells)
                if len(uniques) > len(cells) // 2:  # mostly distinct (a key column): nothing to share
                    parts[pos].append(cells)
                    continue
                known = shared[pos]
                canonical = np.array([known.setdefault(u, u) for u in uniques.tolist()] + [""], dtype=object)
                parts[pos].append(canonical[codes])  # code -1 (never: na_filter is off) would give ""
    return {pos: np.concatenate(chunks) if chunks else np.empty(0, dtype=object) for pos, chunks in parts.items()}


def _header_index(header_row, row_lines, path):
    wanted = [header_row] if isinstance(header_row, int) else list(header_row)
    out = []
    for row in wanted:
        try:
            out.append(row_lines.index(int(row) - 1))
        except ValueError:
            raise TableError(tr("{file}: header row {row} is not among the first {n} rows.").format(
                file=path, row=row, n=len(row_lines))) from None
    return out if len(out) > 1 else out[0]


def _offset_of_line(block, line):
    pos = 0
    for _ in range(line):
        pos = block.find("\n", pos) + 1
    return pos


def _trim(row):
    end = len(row)
    while end and not str(row[end - 1]).strip():
        end -= 1
    return row[:end]


def _short(row):
    text = " | ".join(c.strip() for c in row if c and c.strip())
    return text if len(text) <= 120 else text[:117] + "..."


def _parser_message(path, err, first_line, n_fields):
    match = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(err))
    if match:
        row = first_line + int(match.group(2)) - 1
        return tr("{file}, row {row}: {saw} cells, but the table has {n} columns. A text cell probably contains "
                  "the separator without quotes; fix that row or choose another separator.").format(
            file=path, row=row, saw=match.group(3), n=n_fields)
    return tr("{file}: the table body cannot be parsed ({err}). Check separator and quoting.").format(
        file=path, err=err)
