"""Rows of the district profile ("Steckbrief") tables, computed column-wise for all districts at once.

For each district and indicator: its value, the city value, the deviation from it and its rank.
Conventions (printed under the table):
- city value = unweighted mean over the evaluated (non-secret) districts with a value — the
  reference used by z-score indices such as Berlin's MSS, not a population-weighted city rate;
- deviation = value - city value, in the indicator's unit (percentage points for shares);
- rank 1 = highest value among the evaluated districts ("1 von 436"); ties share the best rank.
Secret districts show "." for every number, districts without a value "–" (see core.secrecy).
"""
from dataclasses import dataclass
from typing import List

import numpy as np
import pandas as pd

from .map_classes import format_number
from .secrecy import MISSING, SUPPRESSED, secret_mask

COLUMNS = ["page", "pos", "indicator", "value", "city", "deviation", "rank"]


@dataclass
class ProfileIndicator:
    field: str
    label: str
    unit: str = ""
    decimals: int = 1


def indicators_from_recipe(recipe, columns):
    """ProfileIndicators for the recipe's indicator fields present in ``columns`` (recipe order)."""
    out = []
    for ind in recipe.indicators if recipe is not None else []:
        if ind.field in columns:
            out.append(ProfileIndicator(ind.field, ind.label or ind.id, ind.unit))
    return out


def _unit_text(value_text, unit):
    if unit == "%":
        return value_text + " %"
    return value_text


def profile_rows(frame, pages, indicators, rule):
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
        dev_unit = " Pp." if ind.unit == "%" else ""

        def fmt(v, with_sign=False, d=d):
            text = format_number(v, d)
            return ("+" + text) if with_sign and v > 0 else text

        value_text = np.where(secret, SUPPRESSED, np.where(np.isnan(values), MISSING, None)).astype(object)
        dev_text = value_text.copy()
        rank_text = value_text.copy()
        for i in np.flatnonzero(valid):
            value_text[i] = _unit_text(fmt(values[i]), ind.unit)
            dev_text[i] = fmt(values[i] - city, with_sign=True) + dev_unit
            rank_text[i] = "{} von {}".format(int(ranks[i]), n_valid)
        city_text = _unit_text(fmt(city), ind.unit) if np.isfinite(city) else MISSING
        label = ind.label
        parts.append(pd.DataFrame({
            "page": pages.to_numpy(), "pos": pos, "indicator": label, "value": value_text,
            "city": city_text, "deviation": dev_text, "rank": rank_text,
        }))
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    rows = pd.concat(parts, ignore_index=True)
    return rows.sort_values(["page", "pos"], kind="stable").reset_index(drop=True)


def profile_notes() -> List[str]:
    return [
        "Stadt: ungewichtetes Mittel der bewerteten Gebiete; Abweichung in Einheiten des Indikators "
        "(Pp. = Prozentpunkte); Rang 1 = höchster Wert.",
        "„.“ = nicht bewertet (Geheimhaltung / zu wenige Einwohner), „–“ = kein Wert.",
    ]
