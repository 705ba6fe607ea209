"""Detect how a text table is written: encoding, separator, header rows and footnote rows.

Every guess is reported and can be overridden by the caller. Row numbers in results are
0-based positions in the list of rows given; readers turn them into 1-based file rows.
"""
import csv
import io
import re
from collections.abc import Sequence
from typing import Optional, Union

from ..errors import TableError
from ..i18n import tr
from .values import _SYMBOL_ALIASES, normalise_cell_text

#: one row of a table as read: cells are text, numbers (spreadsheets) or None
Row = Sequence[object]

SEPARATORS = (";", "\t", ",", "|")
SEPARATOR_NAMES = {";": "semicolon", "\t": "tab", ",": "comma", "|": "pipe"}

# Footnote rows at the bottom of statistics tables. A word boundary keeps "Quellenhof" a name.
FOOTNOTE_RE = re.compile(
    r"^\s*(quelle|quellen|datenquelle|zeichenerkl[äa]rung|erl[äa]uterung(en)?|anmerkung(en)?|hinweis(e)?|"
    r"fu[ßs]note(n)?|legende|stand\s*:|©|\(c\)|copyright|source|sources|note|notes|"
    r"\d{1,2}\)|[a-z]\)|[¹²³⁴⁵⁶⁷⁸⁹]|\*+\s)(\b|\s|:|$)",
    re.IGNORECASE,
)
_NUMBERISH = re.compile(r"^[+\-\u2212]?[\d.,\u00a0\u202f' ]*\d[\d.,]*\s*%?$")
_UNIT_WORDS = {"%", "in %", "anzahl", "prozent", "eur", "€", "‰", "je 1000 ew", "personen", "absolut", "anteil"}


def detect_encoding(raw: bytes, path: object) -> tuple[str, str]:
    """Return ``(encoding, label)`` for the bytes of a text table.

    Order: BOM (UTF-8/UTF-16), strict UTF-8, Windows-1252, Latin-1. Binary content (NUL bytes
    without a UTF-16 BOM, or a ZIP/OLE signature) raises TableError naming the file.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", "UTF-8 with BOM"
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        return "utf-16", "UTF-16 with BOM (Excel 'Unicode text')"
    if raw.startswith(b"PK\x03\x04"):
        raise TableError(
            tr("{file} is a ZIP container (an Excel .xlsx or LibreOffice .ods file?), not a text table. "
               "Give it its real extension (.xlsx or .ods) or export it as CSV.").format(file=path)
        )
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableError(
            tr("{file} is an old binary Excel (.xls) file, which is not supported. "
               "Save it as .xlsx or CSV.").format(file=path)
        )
    if b"\x00" in raw[:65536]:
        raise TableError(
            tr("{file} contains binary data, not a text table. Check that you chose the right file "
               "and export it as CSV, XLSX or ODS.").format(file=path)
        )
    try:
        raw.decode("utf-8")
        return "utf-8", "UTF-8"
    except UnicodeDecodeError:
        pass
    _refuse_mixed_encoding(raw, path)
    try:
        raw.decode("cp1252")
        return "cp1252", "Windows-1252"
    except UnicodeDecodeError:
        return "latin-1", "Latin-1 (ISO-8859-1)"


def _refuse_mixed_encoding(raw: bytes, path: object) -> None:
    """Raise TableError naming the rows when a file is UTF-8 except for some rows (e.g. two exports pasted
    together): read as Windows-1252, every UTF-8 umlaut of the other rows would turn into 'Ã¼'."""
    bad: list[int] = []
    utf8_non_ascii = 0
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_non_ascii += 1
        except UnicodeDecodeError:
            bad.append(number)
    if bad and utf8_non_ascii:
        rows = ", ".join(str(r) for r in bad[:10]) + (" …" if len(bad) > 10 else "")
        raise TableError(tr("{file} mixes two encodings: {good} rows with umlauts are UTF-8, but {n} rows are not "
                            "(rows {rows}; probably Windows-1252). Read with one encoding, the other rows would be "
                            "garbled. Open the file in an editor, fix or retype these rows and save it as UTF-8.")
                         .format(file=path, good=utf8_non_ascii, n=len(bad), rows=rows))


def decode(raw: bytes, encoding: str, path: object) -> str:
    """Decode bytes with a (user-given or detected) encoding; a failure names file and byte offset."""
    try:
        return raw.decode(encoding)
    except LookupError:
        raise TableError(tr("Unknown encoding '{enc}' for {file}. Use e.g. UTF-8, cp1252 or latin-1.").format(
            enc=encoding, file=path)) from None
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise TableError(
            tr("{file} cannot be read as {enc}: invalid byte at row {row}. "
               "Choose another encoding (e.g. cp1252 for Windows Excel exports) or leave it on automatic.").format(
                file=path, enc=encoding, row=line)
        ) from None


def detect_separator(head_text: str) -> tuple[Optional[str], str]:
    """Pick the separator that splits the sample lines into the most consistent number of fields.

    Returns ``(separator, reason)``; raises nothing — a one-column file is reported by the reader.
    """
    lines = [ln for ln in head_text.splitlines() if ln.strip()][:100]
    best: Optional[tuple[tuple[int, int, int], str]] = None
    for rank, sep in enumerate(SEPARATORS):
        try:
            rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=sep))
        except csv.Error:
            continue
        counts = [len(r) for r in rows if len(r) > 1]
        if not counts:
            continue
        # the most common field count among multi-field lines, weighted by how many lines have it
        mode = max(set(counts), key=lambda c: (counts.count(c), c))
        score = (counts.count(mode), mode, -rank)
        if best is None or score > best[0]:
            best = (score, sep)
    if best is None:
        return None, tr("no separator found")
    (n_lines, n_fields, _), sep = best
    return sep, tr("{name} gives {fields} columns in {lines} sample rows").format(
        name=SEPARATOR_NAMES[sep], fields=n_fields, lines=n_lines)


def cell_kind(cell: object) -> str:
    """'empty', 'number', 'symbol' or 'text' for one cell (str, number or None)."""
    if cell is None:
        return "empty"
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return "empty" if cell != cell else "number"
    text = normalise_cell_text(str(cell))
    if text == "":
        return "empty"
    if text.lower() in _SYMBOL_ALIASES:
        return "symbol"
    if _NUMBERISH.match(text) or (text.startswith("(") and _NUMBERISH.match(text[1:-1] or "x")):
        return "number"
    return "text"


def _nonempty(row: Row) -> list[object]:
    return [c for c in row if cell_kind(c) != "empty"]


def _is_header_candidate(row: Row, width: int) -> bool:
    cells = _nonempty(row)
    if len(cells) < max(2, (width + 1) // 2):
        return False
    kinds = [cell_kind(c) for c in cells]
    if "text" not in kinds:
        return False
    # column names may be years ("2018;2019"): count those as names, not as values
    others = [c for c, k in zip(cells, kinds) if k != "text"]
    return kinds.count("text") >= (len(kinds) + 1) // 2 or all(_is_year(c) for c in others)


def _is_year(cell: object) -> bool:
    text = normalise_cell_text(str(cell))
    if isinstance(cell, float) and cell.is_integer():
        text = str(int(cell))
    return bool(re.match(r"^(19|20)\d\d$", text))


def _is_data_row(row: Row) -> bool:
    kinds = [cell_kind(c) for c in row]
    filled = [k for k in kinds if k != "empty"]
    return len(filled) >= 2 and kinds[0] != "empty" and any(k in ("number", "symbol") for k in filled)


def _is_continuation(row: Row) -> bool:
    """A second/third header row: first cell empty (years under a merged indicator name) or units only."""
    cells = _nonempty(row)
    if not cells:
        return False
    if cell_kind(row[0]) == "empty":
        return True
    return all(normalise_cell_text(str(c)).lower() in _UNIT_WORDS for c in cells)


def table_width(rows: Sequence[Row]) -> int:
    """The most common count of filled cells (up to the last filled one) among data-like rows."""
    widths = []
    for row in rows:
        if _is_data_row(row):
            last = max(i for i, c in enumerate(row) if cell_kind(c) != "empty")
            widths.append(last + 1)
    if not widths:
        widths = [len(r) for r in rows if len(_nonempty(r)) > 1] or [0]
    return max(set(widths), key=lambda w: (widths.count(w), w))


def locate_header(rows: Sequence[Row], header_row: Union[int, Sequence[int], None] = None
                  ) -> tuple[list[int], int, list[int]]:
    """Find header rows and the first data row in the first rows of a table.

    ``header_row``: None (detect), an int or a list of ints (0-based positions) to override.
    Returns (header_rows, data_start, title_rows). Raises TableError when no header is found.
    """
    if header_row is not None:
        header_rows = [header_row] if isinstance(header_row, int) else list(header_row)
        start = header_rows[-1] + 1
    else:
        width = table_width(rows)
        first = next((i for i, r in enumerate(rows) if _is_header_candidate(r, width)), None)
        if first is None:
            raise TableError(tr("no header row found: no row has names for at least half of the {w} columns").format(
                w=width))
        header_rows = [first]
        start = first + 1
        while start < len(rows) and len(header_rows) < 3 and _is_continuation(rows[start]):
            header_rows.append(start)
            start += 1
    while start < len(rows) and not _nonempty(rows[start]):
        start += 1
    title_rows = [i for i in range(header_rows[0]) if _nonempty(rows[i])]
    return header_rows, start, title_rows


def _is_footer_like(row: Row, width: int) -> bool:
    cells = _nonempty(row)
    if not cells:
        return True
    first = normalise_cell_text(str(cells[0]))
    if cell_kind(row[0]) != "empty" and FOOTNOTE_RE.match(first):
        return True
    if first.lower() in _SYMBOL_ALIASES and cell_kind(row[0]) == "symbol":
        return True  # legend line: "- ; nichts vorhanden"
    if len(cells) == 1 and width >= 3:
        return " " in first or ":" in first or len(first) > 20
    return False


def locate_footer(rows: Sequence[Row], data_start: int, width: int) -> int:
    """Return the position of the first footnote row (== len(rows) if none) among ``rows``.

    Scans upwards from the bottom over empty and footnote-like rows; a row starting with
    'Quelle', 'Zeichenerklärung', 'Anmerkung' ... also ends the data when more rows follow it.
    """
    end = len(rows)
    while end > data_start and _is_footer_like(rows[end - 1], width):
        end -= 1
    for i in range(data_start, end):
        row = rows[i]
        if row and cell_kind(row[0]) != "empty" and FOOTNOTE_RE.match(normalise_cell_text(str(row[0]))) \
                and not _is_data_row(row):
            if all(not _is_data_row(r) for r in rows[i + 1:end]):
                return i
    return end


def header_names(rows: Sequence[Row], header_rows: Sequence[int], width: int) -> list[str]:
    """Combine one to three header rows into column names.

    Upper header rows are filled to the right over empty cells (merged cells such as an indicator
    name over several year columns); parts are joined with a space, repeated parts dropped.
    Returns a list of ``width`` names ('' where no header text exists).
    """
    parts: list[list[str]] = []
    for pos, r in enumerate(header_rows):
        row = list(rows[r]) + [None] * max(0, width - len(rows[r]))
        texts = ["" if cell_kind(c) == "empty" else _cell_text(c) for c in row[:width]]
        if pos < len(header_rows) - 1:
            filled: list[str] = []
            last = ""
            for t in texts:
                last = t or last
                filled.append(t or last if last else "")
            # never fill into columns left of the first named cell
            texts = filled
        parts.append(texts)
    names = []
    for col in range(width):
        words: list[str] = []
        for texts in parts:
            t = texts[col]
            if t and (not words or words[-1] != t):
                words.append(t)
        names.append(" ".join(words))
    return names


def _cell_text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())
