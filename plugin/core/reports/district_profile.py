"""Rows of the district profile ("Steckbrief") tables, computed column-wise for all districts at once.

For each district and indicator: its value, the city value, the deviation from it and its rank.
Conventions (printed under the table):
- city value = unweighted mean over the evaluated (non-secret) districts with a value — the
  reference used by z-score indices such as Berlin's MSS, not a population-weighted city rate;
- deviation = value - city value, in the indicator's unit (percentage points for shares);
- units: a short symbol after every number ("%", "Pp." for Prozentpunkte, "EUR"); a long unit
  ("EUR je Einwohner und Monat") goes into the row label instead, so the narrow cells stay legible;
- rank 1 = highest value among the evaluated districts ("1 von 436"); ties share the best rank.
Secret districts show "." for every number, districts without a value "–" (see core.secrecy).
"""
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np
import pandas as pd

from ..i18n import tr
from ..maps.classes import format_number
from ..maps.secrecy import MISSING, SUPPRESSED, SecrecyRule, secret_mask

if TYPE_CHECKING:
    from ..recipe.load import Recipe

COLUMNS = ["page", "pos", "indicator", "value", "city", "deviation", "rank"]


@dataclass
class ProfileIndicator:
    field: str
    label: str
    unit: str = ""
    decimals: int = 1


#: units written after the numbers, by the recipe's unit (lower case); other short units (up to
#: SHORT_UNIT characters, e.g. "EUR", "km²") are written as they are, longer ones go into the row label
UNIT_SYMBOLS = {"%": "%", "prozent": "%", "percent": "%", "prozentpunkte": "Pp.", "prozentpunkt": "Pp.",
                "pp": "Pp.", "pp.": "Pp.", "percentage points": "Pp.", "‰": "‰", "promille": "‰"}
SHORT_UNIT = 6


def unit_symbol(unit: Optional[str]) -> str:
    """The short unit printed after a number: '%' -> '%', 'Prozentpunkte' -> 'Pp.', '% der 15- bis
    64-Jährigen' -> '%', 'EUR' -> 'EUR'; '' for a long unit such as 'EUR je Einwohner und Monat'."""
    text = (unit or "").strip()
    key = text.lower()
    if key in UNIT_SYMBOLS:
        return UNIT_SYMBOLS[key]
    if key.startswith("%"):
        return "%"
    return text if len(text) <= SHORT_UNIT else ""


def deviation_symbol(unit: Optional[str]) -> str:
    """Unit of a difference: percentage points for shares, else the unit of the values."""
    symbol = unit_symbol(unit)
    return "Pp." if symbol == "%" else symbol


def unit_in_label(unit: Optional[str]) -> bool:
    """True when the number's symbol does not say the whole unit ('% der 15- bis 64-Jährigen',
    'EUR je Einwohner und Monat'): the row label then names it."""
    text = (unit or "").strip()
    return bool(text) and text.lower() not in UNIT_SYMBOLS and unit_symbol(text) != text


def indicators_from_recipe(recipe: Optional["Recipe"], columns: Collection[str]) -> list[ProfileIndicator]:
    """ProfileIndicators for the recipe's indicator fields present in ``columns`` (recipe order)."""
    out = []
    for ind in recipe.indicators if recipe is not None else []:
        if ind.field in columns:
            out.append(ProfileIndicator(ind.field, ind.label or ind.id, ind.unit))
    return out


def _with_unit(value_text: str, symbol: str) -> str:
    return f"{value_text} {symbol}" if symbol else value_text


def row_label(indicator: ProfileIndicator) -> str:
    """The indicator column: the label, plus the unit when the numbers cannot show all of it."""
    if unit_in_label(indicator.unit):
        return f"{indicator.label} ({indicator.unit.strip()})"
    return indicator.label


def profile_rows(frame: pd.DataFrame, pages: pd.Series, indicators: Iterable[ProfileIndicator],
                 rule: SecrecyRule) -> pd.DataFrame:
    """DataFrame with COLUMNS: one row per (district, indicator), text already formatted German.

    ``frame`` holds the indicator fields (and the secrecy fields of ``rule``); ``pages`` gives each
    district's page number (same index as ``frame``).
    """
    secret = secret_mask(frame, rule).to_numpy()
    parts = []
    for pos, ind in enumerate(indicators):
        values = pd.to_numeric(frame[ind.field], errors="coerce").to_numpy(dtype="float64")
        valid = ~secret & ~np.isnan(values)
        city = float(np.mean(values[valid])) if valid.any() else float("nan")
        ranks = pd.Series(np.where(valid, values, np.nan)).rank(ascending=False, method="min").to_numpy()
        n_valid = int(valid.sum())
        d = ind.decimals
        symbol, dev_symbol = unit_symbol(ind.unit), deviation_symbol(ind.unit)

        def fmt(v: float, with_sign: bool = False, d: int = d) -> str:
            text = format_number(v, d)
            return ("+" + text) if with_sign and v > 0 else text

        no_text = np.array(None, dtype=object)  # filled below for the valid values
        value_text = np.where(secret, SUPPRESSED, np.where(np.isnan(values), MISSING, no_text)).astype(object)
        dev_text = value_text.copy()
        rank_text = value_text.copy()
        rank_of = tr("{rank} of {n}")
        for i in np.flatnonzero(valid):
            value_text[i] = _with_unit(fmt(values[i]), symbol)
            dev_text[i] = _with_unit(fmt(values[i] - city, with_sign=True), dev_symbol)
            rank_text[i] = rank_of.format(rank=int(ranks[i]), n=n_valid)
        city_text = _with_unit(fmt(city), symbol) if np.isfinite(city) else MISSING
        label = row_label(ind)
        parts.append(pd.DataFrame({
            "page": pages.to_numpy(), "pos": pos, "indicator": label, "value": value_text,
            "city": city_text, "deviation": dev_text, "rank": rank_text,
        }))
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    rows = pd.concat(parts, ignore_index=True)
    return rows.sort_values(["page", "pos"], kind="stable").reset_index(drop=True)


def profile_notes() -> list[str]:
    """The two lines under the table (units, reference, rank; the secrecy and no-data signs)."""
    return [
        tr("City: unweighted mean of the evaluated areas; deviation in the indicator's unit "
           "(Pp. = percentage points); rank 1 = highest value."),
        tr("“{secret}” = not evaluated (secrecy / too few inhabitants), “{missing}” = no value.").format(
            secret=SUPPRESSED, missing=MISSING),
    ]
