"""Statistical secrecy and the three states a district can have on a map or in a table.

Every district is exactly one of:
- ``"class"``          evaluated and has a value -> shown with its colour / number;
- ``"not_evaluated"``  excluded by the recipe (``evaluated == 0``) or below the minimum population
                       (or minimum count): its values are secret -> neutral hatch on maps, "." in tables;
- ``"no_data"``        no value (e.g. no table row for the polygon) -> its own hatch, "keine Daten".

The same rule is written as a QGIS expression by ``plugin.gis.styling`` so the counts in the legend
always equal what the renderer draws; keep ``state_expression`` and ``district_states`` in step.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from ..recipe.load import Recipe

#: what a table shows instead of a secret value (German official statistics use ".")
SUPPRESSED = "."
#: what a table shows for a missing value
MISSING = "–"


@dataclass
class SecrecyRule:
    """Which districts are secret. Fields that are missing from the layer are simply not used."""

    evaluated_field: Optional[str] = "evaluated"
    population_field: Optional[str] = None
    min_population: Optional[float] = None
    count_field: Optional[str] = None
    min_count: Optional[float] = None

    @classmethod
    def from_recipe(cls, recipe: Optional["Recipe"], columns: Iterable[str],
                    evaluated_field: str = "evaluated") -> "SecrecyRule":
        """Rule from a recipe (minimum population); keeps only fields present in ``columns``."""
        cols = set(columns)
        rule = cls(evaluated_field=evaluated_field if evaluated_field in cols else None)
        if recipe is not None and recipe.reference.min_population is not None:
            pop = recipe.metadata.population_field
            if pop in cols:
                rule.population_field = pop
                rule.min_population = recipe.reference.min_population
        return rule

    def fields(self) -> list[str]:
        """The fields the rule reads (evaluated, population, count), those that are set."""
        return [f for f in (self.evaluated_field, self.population_field, self.count_field) if f]


def secret_mask(frame: pd.DataFrame, rule: SecrecyRule) -> pd.Series:
    """Boolean Series: True where a district's values must not be shown (NULL flags count as False)."""
    mask = pd.Series(False, index=frame.index)
    if rule.evaluated_field:
        ev = pd.to_numeric(frame[rule.evaluated_field], errors="coerce")
        mask |= (ev == 0).fillna(False).astype(bool)
    if rule.population_field and rule.min_population is not None:
        pop = pd.to_numeric(frame[rule.population_field], errors="coerce")
        mask |= (pop < rule.min_population).fillna(False).astype(bool)
    if rule.count_field and rule.min_count is not None:
        cnt = pd.to_numeric(frame[rule.count_field], errors="coerce")
        mask |= (cnt < rule.min_count).fillna(False).astype(bool)
    return mask


#: the states of ``district_states``
STATES = ["class", "not_evaluated", "no_data"]


def district_states(frame: pd.DataFrame, field: str, rule: SecrecyRule) -> pd.Series:
    """Series of "class" / "not_evaluated" / "no_data" per district (see module docstring)."""
    secret = secret_mask(frame, rule)
    values = frame[field]
    missing = values.isna() | _blank_text(values)
    # categorical: comparing a million states with "class" compares small integer codes, not strings
    codes = np.where(secret, 1, np.where(missing, 2, 0)).astype("int8")
    return pd.Series(pd.Categorical.from_codes(codes, categories=STATES), index=frame.index)


def _blank_text(values: pd.Series) -> pd.Series:
    """True where a value is text of only blanks (column-wise: numbers and NULL are never blank text)."""
    if values.dtype != object:
        return pd.Series(False, index=values.index)
    try:
        stripped = values.str.strip()  # not text -> NaN
    except AttributeError:  # no text in the column at all
        return pd.Series(False, index=values.index)
    return (stripped == "").fillna(False).astype(bool)


def _quote_field(name: str) -> str:
    return '"{}"'.format(name.replace('"', '""'))


def state_expression(rule: SecrecyRule) -> Optional[str]:
    """QGIS expression that is true for secret districts; None when the rule cannot hide anything."""
    parts = []
    if rule.evaluated_field:
        parts.append(f"{_quote_field(rule.evaluated_field)} = 0")
    if rule.population_field and rule.min_population is not None:
        parts.append(f"{_quote_field(rule.population_field)} < {float(rule.min_population)!r}")
    if rule.count_field and rule.min_count is not None:
        parts.append(f"{_quote_field(rule.count_field)} < {float(rule.min_count)!r}")
    if not parts:
        return None
    return "coalesce(" + " OR ".join(f"coalesce({p}, false)" for p in parts) + ", false)"
