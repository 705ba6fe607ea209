"""German statistics cell values -> float numbers plus flags.

Statistics offices (Destatis, the Länder offices, the Bundesagentur für Arbeit, school
authorities) publish numbers with a decimal comma, thousands separators and symbols instead
of values. This module turns one column of such cells into

* ``values``: float64, NaN where no number is published (never 0 for a symbol),
* ``flags``: a categorical column, empty (NaN) for a plain number, otherwise a short code:
  the suppression symbol itself (``"."``, ``"-"``, ``"x"``, ``"/"``, ``"…"``, ``"•"``,
  ``"*"``, ``"<"``), ``"empty"``, ``"()"`` for a value in parentheses (published with limited
  reliability, the number is kept), a trailing flag letter such as ``"p"`` (number kept), or
  ``"invalid"`` for text that is not a number (NaN).

Parsing works on the *distinct* cell texts of a column (``pandas.factorize``) so a column of a
million cells with a few thousand different texts costs a few thousand regex matches.
"""
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Optional, Union

import numpy as np
import pandas as pd

from ..i18n import tr, tr_noop

#: Suppression symbols (Zeichenerklärung) -> meaning used in reports. Keys are normalised cell texts.
SYMBOLS = {
    ".": tr_noop("value unknown or kept secret (Zahlenwert unbekannt oder geheim zu halten)"),
    "-": tr_noop("nothing / not available (by the Destatis convention '-' can mean exactly zero; check the footnotes)"),
    "x": tr_noop("cell blocked, no meaningful value (Tabellenfach gesperrt)"),
    "/": tr_noop("no value, not reliable enough (Zahlenwert nicht sicher genug)"),
    "…": tr_noop("value not yet available (Angabe fällt später an)"),
    "•": tr_noop("value unknown or kept secret (Bundesagentur für Arbeit)"),
    "*": tr_noop("suppressed for data protection (anonymisiert)"),
    "<": tr_noop("below a publication threshold (e.g. '< 3')"),
    "n.a.": tr_noop("not available (k. A. / n. v. / NA)"),
    "empty": tr_noop("empty cell"),
    "()": tr_noop("value in parentheses: limited reliability (number kept)"),
    "invalid": tr_noop("text that is not a number (set to missing)"),
}

#: Cell texts (after strip and lower-casing) that mean "no value", mapped to their flag code.
_SYMBOL_ALIASES = {
    ".": ".", "..": ".",
    "-": "-", "–": "-", "—": "-", "--": "-",
    "x": "x", "×": "x",
    "/": "/",
    "…": "…", "...": "…",
    "•": "•", "·": "•",
    "*": "*", "**": "*", "***": "*",
    "k.a.": "n.a.", "k. a.": "n.a.", "n.v.": "n.a.", "n. v.": "n.a.", "na": "n.a.", "n/a": "n.a.",
    "#nv": "n.a.", "#n/a": "n.a.", "nan": "n.a.", "null": "n.a.",
}

_SIGN = r"[+\-\u2212]?"
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# A trailing flag after a number: one or two letters (p vorläufig, r berichtigt, s geschätzt, e, b ...),
# asterisks or superscript footnote digits.
_FLAG_SUFFIX = re.compile(r"^(.*?\d)\s*([A-Za-z]{1,2}|\*{1,3}|[" + _SUPERSCRIPTS + r"]+)$")
_LESS_THAN = re.compile(r"^[<>≤≥]\s*\d")
_GROUP_SEPS = ".\u00a0\u202f' "

_PATTERNS = {
    ",": {
        "plain": re.compile(r"^" + _SIGN + r"\d+(,\d+)?$"),
        # a thousands group never starts with 0: 0.125 is a decimal point, not 125
        "grouped": re.compile(r"^" + _SIGN + r"[1-9]\d{0,2}([.\u00a0\u202f' ])\d{3}(\1\d{3})*(,\d+)?$"),
        "other_decimal": re.compile(r"^" + _SIGN + r"\d*\.\d+$"),
        "leading_decimal": re.compile(r"^" + _SIGN + r",\d+$"),
    },
    ".": {
        "plain": re.compile(r"^" + _SIGN + r"\d+(\.\d+)?([eE][+\-]?\d+)?$"),
        "grouped": re.compile(r"^" + _SIGN + r"[1-9]\d{0,2}([,\u00a0\u202f' ])\d{3}(\1\d{3})*(\.\d+)?$"),
        "other_decimal": re.compile(r"^" + _SIGN + r"\d*,\d+$"),
        "leading_decimal": re.compile(r"^" + _SIGN + r"\.\d+$"),
    },
}
_LEADING_ZERO = re.compile(r"^0\d+$")

# conversion codes -> report wording
CONVERSIONS = {
    "thousands": tr_noop("thousands separators removed"),
    "other_decimal": tr_noop("decimal separator different from the rest of the table (read as decimal)"),
    "percent": tr_noop("percent sign removed"),
    "currency": tr_noop("currency sign (€, EUR) removed"),
    "excel_number": tr_noop("number stored as a number in the spreadsheet"),
}


@dataclass
class ColumnParse:
    """Result of parsing one column: float values, categorical flags, counts for the report."""

    values: np.ndarray
    flags: pd.Categorical
    n_numbers: int = 0
    missing: dict[str, int] = field(default_factory=dict)  # flag -> count of cells without a number
    flagged_numbers: dict[str, int] = field(default_factory=dict)  # flag -> count of numbers carrying a flag
    conversions: dict[str, int] = field(default_factory=dict)  # conversion code -> count
    invalid_examples: list[tuple[int, str]] = field(default_factory=list)  # [(position, text)] up to 5
    leading_zero_numbers: int = 0  # integers written with a leading zero, e.g. "01001" (looks like a key)
    n_text: int = 0  # cells that are neither a number nor a symbol

    @property
    def is_numeric(self) -> bool:
        """True when the column is a value column: more numbers than other text, no leading-zero integers."""
        """True when the column holds numbers: most non-symbol cells parse, no key-like cells."""
        if self.leading_zero_numbers:
            return False
        return self.n_numbers >= self.n_text


# whitespace at the start or end of a line (not the line break itself), or a byte order mark anywhere
_EDGE_SPACE = re.compile(r"(?m)^[^\S\n]|[^\S\n]$|\ufeff")


def all_trimmed(texts: Sequence[str]) -> bool:
    """True when no text of the sequence (all str) starts or ends with whitespace (str.isspace, also
    non-breaking spaces), contains a byte order mark or a line break: one regex search over the joined
    texts instead of a strip per cell. False means: strip them one by one."""
    joined = "\n".join(texts)
    return joined.count("\n") == len(texts) - 1 and _EDGE_SPACE.search(joined) is None


def normalise_cell_text(text: str) -> str:
    """``text`` without surrounding (also non-breaking) spaces, the Unicode minus as '-'."""
    """Strip spaces (also non-breaking) and unify minus signs."""
    return text.strip().strip("\u00a0\u202f").strip().replace("\u2212", "-")


#: what parse_number returns: (value or NaN, flag or None, conversion code or None)
ParsedNumber = tuple[float, Optional[str], Optional[str]]


def parse_number(text: object, decimal: str, allow_grouping: bool = True) -> ParsedNumber:
    """Parse one cell text as a number with ``decimal`` ("," or ".") as decimal separator.

    Returns ``(value, flag, conversion)``: value is a float or NaN; flag is None for a plain number,
    otherwise a code from SYMBOLS or a trailing flag letter; conversion is None or a CONVERSIONS key.
    A symbol never becomes 0; text that is not a number gives ``(nan, "invalid", None)``.
    """
    if text is None:
        return math.nan, "empty", None
    if isinstance(text, bool):
        return math.nan, "invalid", None
    if isinstance(text, (int, float, np.integer, np.floating)):
        value = float(text)
        if math.isnan(value):
            return math.nan, "empty", None
        return value, None, "excel_number"
    cell = normalise_cell_text(str(text))
    if cell == "":
        return math.nan, "empty", None
    symbol = _SYMBOL_ALIASES.get(cell.lower())
    if symbol is not None:
        return math.nan, symbol, None
    if cell.startswith("(") and cell.endswith(")"):
        inner = cell[1:-1].strip()
        inner_symbol = _SYMBOL_ALIASES.get(inner.lower())
        if inner_symbol is not None or inner == "":
            return math.nan, inner_symbol or "()", None
        value, _flag, conversion = _parse_plain(inner, decimal, allow_grouping)
        if not math.isnan(value):
            return value, "()", conversion
        return math.nan, "invalid", None
    if _LESS_THAN.match(cell):
        return math.nan, "<", None
    conversion = None
    if cell.endswith("%"):
        cell = cell[:-1].rstrip()
        conversion = "percent"
    elif cell.endswith(("€", "EUR")):
        cell = cell[:-1 if cell.endswith("€") else -3].rstrip()
        conversion = "currency"
    value, _flag, conv2 = _parse_plain(cell, decimal, allow_grouping)
    if not math.isnan(value):
        return value, None, conv2 or conversion
    match = _FLAG_SUFFIX.match(cell)
    if match:
        value, _flag, conv2 = _parse_plain(match.group(1).strip(), decimal, allow_grouping)
        if not math.isnan(value):
            return value, match.group(2), conv2 or conversion
    return math.nan, "invalid", None


def _parse_plain(cell: str, decimal: str, allow_grouping: bool) -> ParsedNumber:
    patterns = _PATTERNS[decimal]
    other = "." if decimal == "," else ","
    if patterns["plain"].match(cell):
        return float(cell.replace(",", ".")), None, None
    if patterns["leading_decimal"].match(cell):
        return float(cell.replace(",", ".")), None, None
    if allow_grouping and patterns["grouped"].match(cell):
        digits = cell
        for sep in _GROUP_SEPS + other:
            if sep != decimal:
                digits = digits.replace(sep, "")
        return float(digits.replace(",", ".")), None, "thousands"
    if patterns["other_decimal"].match(cell):
        return float(cell.replace(",", ".")), None, "other_decimal"
    return math.nan, None, None


def _plain_numbers(uniques: np.ndarray, decimal: str, values: np.ndarray, leading_zero: np.ndarray) -> np.ndarray:
    """Parse the distinct cells that are plain numbers ("12,5", "-3", "007") in one vectorised pass.

    Fills ``values`` and ``leading_zero`` at their positions and returns the boolean mask of them; the
    other cells go through ``parse_number`` (a plain-number text is what ``parse_number`` would turn into
    the same float with neither flag nor conversion: normalising leaves it unchanged, no symbol is a
    plain number). Cells with the Unicode minus are left to ``parse_number`` (it unifies the sign).
    """
    plain = np.fromiter((isinstance(u, str) for u in uniques), dtype=bool, count=len(uniques))
    texts = pd.Series(uniques[plain], dtype=object)
    if len(texts):
        match = texts.str.match(_PATTERNS[decimal]["plain"].pattern).to_numpy(dtype=bool)
        match &= ~texts.str.contains("\u2212", regex=False).to_numpy(dtype=bool)
        plain[plain] = match
        chosen = texts[match]
        where = np.flatnonzero(plain)
        values[where] = chosen.str.replace(",", ".", regex=False).astype(float).to_numpy()
        leading_zero[where] = chosen.str.match(_LEADING_ZERO.pattern).to_numpy(dtype=bool)
    return plain


def parse_column(cells: Union[Sequence[object], np.ndarray, pd.Series], decimal: str,
                 allow_grouping: bool = True) -> ColumnParse:
    """Parse a sequence of cells (str, numbers or None) into a ColumnParse.

    ``decimal`` is "," or ".". Works per distinct text (factorize) to stay fast on big tables.
    """
    series = pd.Series(cells, dtype=object) if not isinstance(cells, pd.Series) else cells.astype(object)
    # ndarray input: uniques come back as an ndarray (no Index dtype inference); NaN/None -> code -1
    codes, uniques = pd.factorize(series.to_numpy(dtype=object))
    n_u = len(uniques)
    u_values = np.full(n_u + 1, np.nan)  # last slot: missing (None/NaN) cells
    u_flags = np.empty(n_u + 1, dtype=object)
    u_flags[n_u] = "empty"
    u_conv = np.empty(n_u + 1, dtype=object)
    u_leading_zero = np.zeros(n_u + 1, dtype=bool)
    plain = _plain_numbers(uniques, decimal, u_values, u_leading_zero)
    for i in np.flatnonzero(~plain):
        cell = uniques[i]
        value, flag, conv = parse_number(cell, decimal, allow_grouping)
        u_values[i] = value
        u_flags[i] = flag
        u_conv[i] = conv
        if isinstance(cell, str) and _LEADING_ZERO.match(normalise_cell_text(cell)):
            u_leading_zero[i] = True
    codes = np.where(codes < 0, n_u, codes)
    values = u_values[codes]
    flag_cat = pd.Categorical(u_flags[codes])
    counts = np.bincount(codes, minlength=n_u + 1)

    result = ColumnParse(values=values, flags=flag_cat)
    result.n_numbers = int(np.count_nonzero(~np.isnan(values)))
    result.leading_zero_numbers = int(counts[u_leading_zero].sum())
    for i in range(n_u + 1):
        if counts[i] == 0:
            continue
        flag, conv = u_flags[i], u_conv[i]
        if conv is not None:
            result.conversions[conv] = result.conversions.get(conv, 0) + int(counts[i])
        if flag is None:
            continue
        if math.isnan(u_values[i]):
            result.missing[flag] = result.missing.get(flag, 0) + int(counts[i])
        else:
            result.flagged_numbers[flag] = result.flagged_numbers.get(flag, 0) + int(counts[i])
    result.n_text = result.missing.get("invalid", 0)
    if result.n_text:
        positions = np.flatnonzero(u_flags[codes] == "invalid")[:5]
        result.invalid_examples = [(int(p), str(series.iloc[p])) for p in positions]
    return result


def describe_flag(flag: str) -> str:
    """A short English description of a flag code for reports."""
    if flag in SYMBOLS:
        return tr(SYMBOLS[flag])
    return tr("number with trailing flag '{flag}' (e.g. p = provisional, r = revised, s = estimated)").format(
        flag=flag
    )


def detect_decimal(samples: Iterable[object], separator: Optional[str]) -> tuple[str, str]:
    """Guess the decimal separator from sample cell texts.

    Returns ``(decimal, reason)``. Cells like ``12,5`` or ``1.234,5`` vote for ","; ``12.5`` votes for ".".
    ``1.234`` alone is ambiguous and does not vote, but ``0.125`` does (a thousands group never starts
    with 0). Without votes, a ";"-separated file is taken as German (","), anything else as ".".
    """
    comma = point = 0
    for text in samples:
        if not isinstance(text, str):
            continue
        cell = normalise_cell_text(text).rstrip("%").rstrip()
        if re.match(r"^[+\-]?\d{1,3}(\.\d{3})+,\d+$", cell) or re.match(r"^[+\-]?\d+,\d+$", cell):
            if not re.match(r"^[+\-]?[1-9]\d{0,2}(,\d{3})+$", cell) or separator == ";":
                comma += 1
        elif re.match(r"^[+\-]?\d+\.\d+$", cell) and not re.match(r"^[+\-]?[1-9]\d{0,2}(\.\d{3})+$", cell):
            point += 1
        elif re.match(r"^[+\-]?\d{1,3}(,\d{3})+\.\d+$", cell):
            point += 1
    if comma > point:
        return ",", tr("decimal comma found in {n} sample cells").format(n=comma)
    if point > comma:
        return ".", tr("decimal point found in {n} sample cells").format(n=point)
    if separator == ";":
        return ",", tr("no decimal numbers in the sample; ';'-separated files use the German decimal comma")
    return ".", tr("no decimal numbers in the sample; decimal point assumed")
