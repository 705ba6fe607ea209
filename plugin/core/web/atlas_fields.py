"""Which fields the web atlas offers, in which theme and order (the indicator switcher).

Themes, in this order:
- ``index``: per recipe index its class field (``<id>_class``) and score (``<id>_score``), then the
  recipe's typologies (e.g. ``sdi``); without a recipe the chosen class fields;
- ``indicators``: the recipe's indicator fields present in the layer, then ``extra`` fields;
- ``year:<prefix>``: every year of each year series ``<indicator>_<yyyy>`` (``core.reports.trend``);
  a field already offered above is not offered twice.
"""
from collections.abc import Sequence
from typing import TYPE_CHECKING, Optional

from ..i18n import tr
from ..reports.trend import detect_series, label_and_unit
from .atlas_data import FieldSpec

if TYPE_CHECKING:
    from ..recipe.load import Recipe

INDEX_DECIMALS = 2
INDICATOR_DECIMALS = 1


def _indicator_for(recipe, name):
    """The recipe indicator whose field or id is ``name``, else None."""
    for ind in recipe.indicators if recipe is not None else []:
        if name in (ind.field, ind.id):
            return ind
    return None


def atlas_fields(columns: list, numeric: list, recipe: Optional["Recipe"] = None, extra: Sequence[str] = (),
                 class_fields: Sequence[str] = (),
                 labels: Optional[dict] = None) -> list:
    """FieldSpecs for the switcher. ``columns``: all field names; ``numeric``: the numeric ones;
    ``extra``: further indicator fields; ``class_fields``: class fields to show without a recipe;
    ``labels``: {field: label} for fields the recipe does not describe (e.g. layer aliases)."""
    cols, nums, labels = set(columns), set(numeric), dict(labels or {})
    out, seen = [], set()

    def add(spec):
        if spec.field in cols and spec.field not in seen:
            seen.add(spec.field)
            out.append(spec)

    for spec in recipe.indices if recipe is not None else []:
        label = spec.label or spec.id
        if spec.classification is not None:
            add(FieldSpec(spec.id + "_class", label, "index"))
        if spec.id + "_score" in nums:
            add(FieldSpec(spec.id + "_score", tr("{label}: score").format(label=label), "index",
                          decimals=INDEX_DECIMALS))
    for typ in recipe.typologies if recipe is not None else []:
        add(FieldSpec(typ.id, typ.label or typ.id, "index", in_profile=True))
    for name in class_fields:
        add(FieldSpec(name, labels.get(name, name), "index"))
    for ind in recipe.indicators if recipe is not None else []:
        if ind.field in nums:
            add(FieldSpec(ind.field, ind.label or ind.id, "indicators", unit=ind.unit,
                          decimals=INDICATOR_DECIMALS))
    for name in extra:
        if name in nums:
            ind = _indicator_for(recipe, name)
            add(FieldSpec(name, (ind.label if ind else "") or labels.get(name, name), "indicators",
                          unit=ind.unit if ind else "", decimals=INDICATOR_DECIMALS))
    for series in year_series(numeric, recipe):
        for year, name in series.fields.items():
            add(FieldSpec(name, f"{series.label} {year}", "year:" + series.prefix, unit=series.unit,
                          decimals=INDICATOR_DECIMALS, in_profile=False))
    return out


def year_series(numeric: list, recipe: Optional["Recipe"] = None) -> list:
    """The year series among the numeric fields, labelled and with units from the recipe where it knows them."""
    series = detect_series(list(numeric))
    for s in series:
        ind = _indicator_for(recipe, s.prefix)
        if ind is not None:
            s.label, s.unit = ind.label or ind.id, ind.unit
        elif not s.label:
            s.label, s.unit = label_and_unit(s.prefix)
    return series
