"""Names, plain-language aliases and kinds of the fields ``compute_index`` adds.

Naming scheme (predictable, GeoPackage-safe):
  evaluated, in_reference, eval_reason, imputed, imputed_list   flags per district
  z_<indicator id>                                               normalised value as it enters the index
  <index id>_agg, <index id>_score, <index id>_class, <index id>_class_no
  <typology id>, <typology id>_label
"""
from typing import TYPE_CHECKING

from ..i18n import tr, tr_noop

if TYPE_CHECKING:
    from ..recipe.load import Recipe

NORMALISATION_NAMES = {
    "zscore": tr_noop("z-score"),
    "minmax": tr_noop("min-max scaled"),
    "rank": tr_noop("percentile rank"),
    "distance": tr_noop("distance to reference"),
    "none": tr_noop("not normalised"),
}


def output_field_specs(recipe: "Recipe") -> list[tuple[str, str, str]]:
    """[(name, alias, kind)] of all output fields in output order; kind in double/string/int/bool."""
    specs = [
        ("evaluated", tr("Evaluated (has a score and a class)"), "bool"),
        ("in_reference", tr("In the reference set (enters mean and SD)"), "bool"),
        ("eval_reason", tr("Reason for exclusion or flag"), "string"),
        ("imputed", tr("Some indicator values were imputed"), "bool"),
        ("imputed_list", tr("Imputed indicators"), "string"),
    ]
    method = tr(NORMALISATION_NAMES[recipe.normalisation.method])
    for ind in recipe.indicators:
        specs.append(("z_" + ind.id, tr("{label}: normalised ({method}, oriented)").format(
            label=ind.label or ind.id, method=method), "double"))
    for spec in recipe.indices:
        label = spec.label or spec.id
        specs.append((spec.id + "_agg", tr("{label}: aggregate before re-standardisation").format(label=label),
                      "double"))
        specs.append((spec.id + "_score", tr("{label}: score").format(label=label), "double"))
        if spec.classification is not None:
            specs.append((spec.id + "_class", tr("{label}: class").format(label=label), "string"))
            specs.append((spec.id + "_class_no", tr("{label}: class number (1 = lowest score)").format(label=label),
                          "int"))
    for typ in recipe.typologies:
        label = typ.label or typ.id
        specs.append((typ.id, tr("{label}: type").format(label=label), "string"))
        specs.append((typ.id + "_label", tr("{label}: description").format(label=label), "string"))
    return specs


def output_field_names(recipe: "Recipe") -> list[tuple[str, str]]:
    """[(field name, recipe entry that produces it)] for collision checks."""
    out = [(n, tr("flag field")) for n in ("evaluated", "in_reference", "eval_reason", "imputed", "imputed_list")]
    out += [("z_" + i.id, f"indicators (id '{i.id}')") for i in recipe.indicators]
    for spec in recipe.indices:
        entry = f"indices (id '{spec.id}')"
        out += [(spec.id + s, entry) for s in ("_agg", "_score", "_class", "_class_no")]
    for typ in recipe.typologies:
        entry = f"typologies (id '{typ.id}')"
        out += [(typ.id, entry), (typ.id + "_label", entry)]
    return out
