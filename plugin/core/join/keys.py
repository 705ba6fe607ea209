"""District keys: always text, compared by an explicit, reported rule.

Rules (``KEY_RULES``):

* ``exact``: surrounding whitespace (also non-breaking spaces) is ignored; everything else must be
  equal, so ``01100101`` and ``1100101`` do not match.
* ``pad_zeros``: for keys made of digits only, a trailing ``.0``/``,0`` (a key that became a float in
  Excel) is removed, a number in scientific notation that kept every digit (``1.011101E+6``,
  ``1,011101E+06``: Excel's way of showing a long number) is written out, and leading zeros are restored
  to the length of the longest digit key on either side, so ``1100101``, ``1100101.0``, ``1.100101E+6``
  and ``01100101`` all match ``01100101``. Excel drops trailing zeros there (3020210 -> ``3.02021E+6``);
  such a key is written out only when other keys of the same column show every digit (``1.011101E+6``),
  which proves full precision. Otherwise (all keys like ``1.01E+06``: rounded by Excel) nothing is
  guessed: the key stays as it is and matches nothing. Non-digit keys as in ``exact``.
* ``normalise_text``: for name keys: case, Unicode form (NFC), inner runs of whitespace and the
  spelling ß/ss are ignored (``"Charlottenburg-Wilmersdorf "`` = ``"charlottenburg-wilmersdorf"``).

Empty keys are missing (None), never matched.
"""
import re
import unicodedata
from collections.abc import Iterable
from typing import Optional

import numpy as np
import pandas as pd

from ..errors import JoinError
from ..i18n import tr, tr_noop
from ..tables.values import all_trimmed

KEY_RULES = ("exact", "pad_zeros", "normalise_text")
KEY_RULE_TEXT = {
    "exact": tr_noop("keys compared as text, ignoring surrounding whitespace"),
    "pad_zeros": tr_noop("digit keys compared after removing a trailing '.0', writing out scientific notation "
                         "(1.011101E+6) and restoring leading zeros to {width} digits (other keys as text, "
                         "ignoring surrounding whitespace)"),
    "normalise_text": tr_noop("keys compared as text ignoring case, surrounding/repeated whitespace, Unicode form "
                              "and ß/ss"),
}

_DIGITS_FLOAT = re.compile(r"^(\d+)(?:[.,]0+)?$")
_SCIENTIFIC = re.compile(r"^\+?(\d)(?:[.,](\d+))?[eE]\+?(\d{1,2})$")
_WS = re.compile(r"\s+")


def key_text(values: Iterable[object]) -> pd.Series:
    """Turn key values of any type into text (object Series), None for missing.

    Integers and integral floats (a numeric key field) are written without '.0'; strings are
    stripped of surrounding (also non-breaking) whitespace; '' becomes None.
    """
    series = pd.Series(values)
    if len(series) and pd.api.types.infer_dtype(series, skipna=False) == "string":
        # all text (the usual key column): the same result without a Python call per key
        text = series.astype(object)
        if not all_trimmed(text.tolist()):
            text = text.str.strip().str.strip("\u00a0\u202f\ufeff").str.strip()
        return text.where(text.to_numpy() != "", None).astype(object)
    out = np.empty(len(series), dtype=object)
    for i, value in enumerate(series.tolist()):
        if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
            out[i] = None
        elif isinstance(value, (bool, np.bool_)):
            out[i] = str(value)
        elif isinstance(value, (int, np.integer)):
            out[i] = str(int(value))
        elif isinstance(value, (float, np.floating)):
            out[i] = str(int(value)) if float(value).is_integer() else repr(float(value))
        else:
            text = str(value).strip().strip("\u00a0\u202f\ufeff").strip()
            out[i] = text or None
    return pd.Series(out, index=series.index, dtype=object)


def digit_width(*key_series: pd.Series) -> int:
    """Length of the longest all-digit key (after removing a float '.0') in the given text Series."""
    width = 0
    for series in key_series:
        texts = series.dropna().unique()
        implied = full_precision(texts)
        for text in texts:
            digits = key_digits(text, implied)
            if digits is not None:
                width = max(width, len(digits))
    return width


def key_digits(text: str, implied_zeros: bool = False) -> Optional[str]:
    """The digits of a number key: '01011101', '1011101.0' and '1.011101E+6' -> the digits as written
    ('01011101', '1011101', '1011101'); None for anything else. implied_zeros: also write out scientific keys
    whose trailing zeros Excel dropped ('3.02021E+6' -> '3020210'; see ``full_precision``)."""
    match = _DIGITS_FLOAT.match(text)
    if match:
        return match.group(1)
    return scientific_digits(text, implied_zeros)


def scientific_digits(text: str, implied_zeros: bool = False) -> Optional[str]:
    """'1.011101E+6' -> '1011101'; None when ``text`` is no scientific whole number, or when digits are
    implied ('1.01E+06' could be 1010000 or a rounded 1012345) and ``implied_zeros`` is False."""
    match = _SCIENTIFIC.match(text)
    if not match:
        return None
    digits = match.group(1) + (match.group(2) or "")
    exponent = int(match.group(3))
    if len(digits) > exponent + 1 or (len(digits) < exponent + 1 and not implied_zeros):
        return None
    return digits.ljust(exponent + 1, "0")


def full_precision(texts: Iterable[str]) -> bool:
    """True when some scientific key among ``texts`` carries every digit (1.011101E+6): Excel then wrote the
    column at full precision, and a shorter one (3.02021E+6) only lost trailing zeros."""
    for text in texts:
        match = _SCIENTIFIC.match(text)
        if match and match.group(2) and scientific_digits(text) is not None:
            return True
    return False


def is_lossy_scientific(text: str, implied_zeros: bool = False) -> bool:
    """True for a key in scientific notation that cannot be written out exactly (1.01E+06)."""
    return bool(_SCIENTIFIC.match(text)) and scientific_digits(text, implied_zeros) is None


def normalise(series: pd.Series, rule: str, width: int = 0) -> pd.Series:
    """Apply a key rule to a text key Series (from key_text). Returns a new object Series."""
    if rule not in KEY_RULES:
        raise JoinError(tr("Unknown key rule '{rule}'. Use one of: {rules}.").format(
            rule=rule, rules=", ".join(KEY_RULES)))
    if rule == "exact":
        return series.copy()
    out = np.empty(len(series), dtype=object)
    cache: dict[str, str] = {}
    implied = rule == "pad_zeros" and full_precision(series.dropna().unique())
    for i, text in enumerate(series.tolist()):
        if text is None:
            out[i] = None
            continue
        hit = cache.get(text)
        if hit is None:
            hit = _pad(text, width, implied) if rule == "pad_zeros" else _fold(text)
            cache[text] = hit
        out[i] = hit
    return pd.Series(out, index=series.index, dtype=object)


def _pad(text: str, width: int, implied_zeros: bool = False) -> str:
    digits = key_digits(text, implied_zeros)
    if digits is None:
        return text
    return digits.zfill(width)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().replace("ß", "ss")
    return _WS.sub(" ", text).strip()


def describe_rule(rule: str, width: int = 0) -> str:
    """The key rule in words, for the join report."""
    return tr(KEY_RULE_TEXT[rule]).format(width=width)


def fold_name(value: object) -> str:
    """Normalise a name for comparison (names of the same district in layer and table)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return _fold(str(value))
