"""``compute_index(df, recipe) -> IndexResult``: the social index, column-wise.

Steps (each over whole columns; loops run over indicators and indices, never over districts):
1. read indicator fields as numbers, replace missing-value codes by NaN;
2. reference rules: minimum population, excluded keys -> who enters the reference statistics;
3. treatment per indicator: imputation, winsorising, transformation (bounds from the reference);
4. normalisation per indicator over the reference districts, oriented so that higher = worse;
5. per index: aggregation, optional re-standardisation over the reference, classification;
6. typologies (e.g. status x dynamics).
A district is in the reference when it passes the rules and has all indicator values (after
imputation). It is evaluated when it is in the reference, or when it fails a rule, has all values
and the recipe says ``excluded_get: "flagged"``.
"""
from dataclasses import dataclass, field
from typing import Any, Optional, Union

import numpy as np
import pandas as pd

from ..errors import ComputationError
from ..i18n import tr
from ..recipe.indices import Classification, IndexSpec
from ..recipe.load import Recipe
from .aggregate import aggregate
from .classify import assign_classes, compute_breaks
from .missing_and_outliers import apply_missing_codes, impute, numeric_column, transform, winsorise
from .normalise import check_spread, flip, normalise, reference_stats, spread_problem
from .output_fields import output_field_specs

MAX_LISTED = 10  # keys named in one message; the rest are counted


@dataclass
class IndexResult:
    """table: output columns aligned to the input index; fields: [(name, alias, kind)];
    summary: counts and statistics; messages: warnings for the user;
    treated / normalised: indicator values after treatment / normalisation (columns = indicator ids);
    reference: bool Series, the reference districts."""

    table: pd.DataFrame
    fields: list[tuple[str, str, str]]
    summary: dict[str, Any]
    treated: pd.DataFrame
    normalised: pd.DataFrame
    reference: pd.Series
    messages: list[str] = field(default_factory=list)


def _key_text(df: pd.DataFrame, recipe: Recipe) -> Optional[pd.Series]:
    """The key field as stripped text ("" for NULL); numeric keys as whole numbers without ".0"."""
    key = recipe.metadata.key_field
    if not key:
        return None
    col = df[key]
    if pd.api.types.is_numeric_dtype(col):
        values = col.to_numpy(dtype="float64", na_value=np.nan)
        whole = ~np.isnan(values) & (values == np.round(values))
        text = col.astype(str).to_numpy(dtype=object)
        text[whole] = values[whole].astype(np.int64).astype(str)
        text[np.isnan(values)] = ""
        return pd.Series(text, index=col.index, dtype=object)
    return col.where(col.notna(), "").astype(str).str.strip()


def _reasons_append(reasons: np.ndarray, mask: np.ndarray, text: Union[str, np.ndarray]) -> None:
    if mask.any():
        sel = reasons[mask]
        reasons[mask] = np.where(sel == "", text, sel + "; " + text)


def _reference_rules(df: pd.DataFrame, recipe: Recipe, keys: Optional[pd.Series], messages: list[str],
                     reasons: np.ndarray) -> np.ndarray:
    """Bool array: passes the reference rules (population, excluded keys)."""
    n = len(df)
    ok = np.ones(n, dtype=bool)
    rules = recipe.reference
    if rules.min_population is not None:
        field_name = recipe.metadata.population_field
        pop = numeric_column(df[field_name], field_name, keys)
        missing = np.isnan(pop)
        small = ~missing & (pop < rules.min_population)
        _reasons_append(reasons, missing, tr("population missing"))
        _reasons_append(reasons, small, tr("fewer than {n:g} inhabitants").format(n=rules.min_population))
        ok &= ~(missing | small)
    if rules.exclude_keys:
        hit = _excluded(df, recipe, keys, messages, reasons)
        ok &= ~hit
    return ok


def _excluded(df: pd.DataFrame, recipe: Recipe, keys: pd.Series, messages: list[str],
              reasons: np.ndarray) -> np.ndarray:
    """Bool array: the row's key is in reference.exclude_keys (one set look-up per row, not one pass per
    key, so 100,000 keys cost no more than a join); its reason goes to ``reasons``. Keys that occur in no
    row are reported in one message (the first MAX_LISTED of them)."""
    numeric_key = pd.api.types.is_numeric_dtype(df[recipe.metadata.key_field])
    raw = pd.Series(list(recipe.reference.exclude_keys), dtype=object)
    lookup = raw.str.strip()
    if numeric_key:
        digits = lookup.map(str.isdigit).astype(bool)
        lookup[digits] = lookup[digits].map(lambda k: str(int(k)))
    prefix = tr("excluded: {reason}")
    texts = pd.Series([prefix.format(reason=r) for r in recipe.reference.exclude_keys.values()], dtype=object)
    by_key = texts.groupby(lookup.to_numpy()).agg("; ".join)
    hit = keys.isin(by_key.index).to_numpy()
    if hit.any():
        _reasons_append(reasons, hit, keys[hit].map(by_key).to_numpy(dtype=object))
    unused = raw[~lookup.isin(set(keys))].tolist()
    if unused:
        shown = ", ".join(f"'{k}'" for k in unused[:MAX_LISTED])
        messages.append(tr("{n} excluded keys (reference.exclude_keys) do not occur in field '{field}': {keys}{more}.")
                        .format(n=len(unused), field=recipe.metadata.key_field, keys=shown,
                                more=" …" if len(unused) > MAX_LISTED else ""))
    return hit


def _treat(df: pd.DataFrame, recipe: Recipe, keys: Optional[pd.Series], messages: list[str], reasons: np.ndarray,
           rule_ok: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray, np.ndarray, dict[str, dict]]:
    """Indicator values after codes, imputation, winsorising, transformation (+ imputed mask)."""
    t = recipe.treatment
    raw = pd.DataFrame({ind.id: numeric_column(df[ind.field], ind.field, keys, ind.id) for ind in recipe.indicators},
                       index=df.index)
    codes = {ind.id: (ind.missing_codes if ind.missing_codes is not None else t.missing_codes)
             for ind in recipe.indicators}
    values, all_equal = apply_missing_codes(raw, codes, t.missing_if_all_equal)
    all_equal = all_equal.to_numpy()
    if all_equal.any():
        _reasons_append(reasons, all_equal, tr("all indicators coded missing"))
    groups = df[t.impute_group_field].to_numpy() if t.impute_group_field else None
    imputed = pd.DataFrame(False, index=df.index, columns=values.columns)
    stats = {}
    missing_before = values.isna()
    for ind in recipe.indicators:
        x = values[ind.id].to_numpy(copy=True)
        method = ind.impute or t.impute
        filled, mask = impute(x, method, rule_ok, groups)
        # a row declared missing as a whole (all indicators coded) is never imputed
        filled = np.where(all_equal, np.nan, filled)
        mask &= ~all_equal
        still = np.isnan(filled) & rule_ok & ~all_equal
        if method != "none" and still.any():
            messages.append(tr("Indicator '{id}': {n} missing value(s) could not be imputed ({method}).").format(
                id=ind.id, n=int(still.sum()), method=method))
        imputed[ind.id] = mask
        stats[ind.id] = {"n_missing": int(missing_before[ind.id].sum()), "n_imputed": int(mask.sum())}
        values[ind.id] = filled
    complete = values.notna().all(axis=1).to_numpy()
    incomplete = ~complete & ~all_equal
    if incomplete.any():
        missing_list = np.full(len(df), "", dtype=object)
        for ind in recipe.indicators:
            _reasons_append(missing_list, values[ind.id].isna().to_numpy() & incomplete, ind.id)
        text = tr("missing values: ") + pd.Series(missing_list[incomplete], dtype=object).str.replace("; ", ", ")
        _reasons_append(reasons, incomplete, text.to_numpy(dtype=object))
    ref = rule_ok & complete
    for ind in recipe.indicators:
        x = values[ind.id].to_numpy()
        rule = ind.winsorise or t.winsorise
        x, clipped = winsorise(x, rule, ref, recipe.normalisation.ddof,
                               tr("Indicator '{id}'").format(id=ind.id))
        stats[ind.id]["n_winsorised"] = clipped
        x = transform(x, ind.transform or t.transform, ind.id, keys)
        values[ind.id] = x
    return values, imputed, complete, ref, stats


def _check_reference_values(recipe: Recipe, values: pd.DataFrame, rule_ok: np.ndarray, ref: np.ndarray) -> None:
    """Name the indicator that leaves no reference district: one without any value (all missing or
    coded missing) empties the reference set, and every indicator would otherwise be blamed for it."""
    for ind in recipe.indicators:
        if not values[ind.id].to_numpy()[rule_ok].size or np.isnan(values[ind.id].to_numpy()[rule_ok]).all():
            raise ComputationError(tr("Indicator '{id}' (field {field}): no district that passes the reference rules "
                                      "has a value (all missing or coded missing). Check the field, the "
                                      "missing-value codes and the reference rules.").format(id=ind.id,
                                                                                             field=ind.field))
    if not ref.any():
        raise ComputationError(tr("No district has values for all indicators ({ids}), so there is no reference "
                                  "set. Check the missing values, or choose an imputation in the recipe.").format(
            ids=", ".join(ind.id for ind in recipe.indicators)))


def member_matrix(recipe: Recipe, spec: IndexSpec, normalised: dict[str, np.ndarray],
                  scores: dict[str, np.ndarray]) -> np.ndarray:
    """(n x members) values aggregated by ``spec``: the normalised indicators (oriented, higher = worse) and
    the scores of its sub-indices, all turned round when the index says higher_means "better". A sub-index
    oriented the other way (it is then re-standardised, Recipe validation) enters with its score negated."""
    norm = recipe.normalisation
    columns = [normalised[i] for i in spec.indicators]
    if spec.higher_means == "better":
        columns = [flip(c, norm) for c in columns]
    for sub in spec.sub_indices:
        child = recipe.index(sub)
        columns.append(scores[sub] if child.higher_means == spec.higher_means else -scores[sub])
    return np.column_stack(columns)


def _report_weightless(population: np.ndarray, ref: np.ndarray, keys: Optional[pd.Series], pop_field: str,
                       messages: list[str]) -> None:
    """Population weighting: name the reference districts whose population is missing or 0. They stay in the
    reference set (they are counted in n and classified) but have weight 0 in the weighted mean and SD; a
    negative population is an error."""
    negative = ref & (population < 0)
    if negative.any():
        pos = int(np.flatnonzero(negative)[0])
        where = tr("key {key}").format(key=keys.iloc[pos]) if keys is not None else tr("row {row}").format(
            row=pos + 1)
        raise ComputationError(tr("Population field '{field}' has the negative value {value:g} ({where}); {n} such "
                                  "values. Weights must be 0 or more: fix the table.").format(
            field=pop_field, value=population[pos], where=where, n=int(negative.sum())))
    weightless = ref & ~(population > 0)
    if not weightless.any():
        return
    positions = np.flatnonzero(weightless)
    names = [str(keys.iloc[i]) if keys is not None else tr("row {row}").format(row=i + 1)
             for i in positions[:MAX_LISTED]]
    messages.append(tr("{n} reference district(s) have no population (missing or 0) in field '{field}': {keys}{more}. "
                       "They stay in the reference set and are scored, but weigh 0 in the population-weighted mean "
                       "and SD. Fill in the population, or exclude them (reference.min_population).").format(
        n=len(positions), field=pop_field, keys=", ".join(names), more=" …" if len(positions) > MAX_LISTED else ""))


def _classify(c: Classification, score: np.ndarray, ref: np.ndarray, evaluated: np.ndarray, summary: dict,
              ddof: int) -> tuple[np.ndarray, np.ndarray]:
    breaks = compute_breaks(score[ref], c.method, c.n, c.breaks, c.step, c.units, ddof=ddof)
    # a per-break equal_goes list is only accepted with fixed breaks (Recipe.validate), so it fits
    cls = assign_classes(np.where(evaluated, score, np.nan), breaks, c.equal_goes)
    labels = np.array(list(c.labels) + [None], dtype=object)
    # data-driven methods can return fewer breaks than n - 1 (few distinct values): label by position
    class_label = labels[np.where(cls >= 0, cls, len(labels) - 1)]
    counts = np.bincount(cls[cls >= 0], minlength=len(c.labels))
    summary["breaks"] = [float(b) for b in breaks]
    summary["class_counts"] = {label: int(counts[i]) for i, label in enumerate(c.labels)}
    return cls, class_label


def compute_index(df: pd.DataFrame, recipe: Recipe) -> IndexResult:
    """Compute all indices of ``recipe`` for the districts (rows) of ``df``; see the module docstring.

    Raises RecipeError (field missing), TableError (non-numeric values) or ComputationError
    (e.g. SD = 0) with a message naming the recipe entry or field.
    """
    recipe.validate(df.columns)
    messages: list[str] = []
    n = len(df)
    key_field = recipe.metadata.key_field
    # text keys are only needed to match exclude_keys; messages can show the raw key values
    keys = _key_text(df, recipe) if recipe.reference.exclude_keys else (df[key_field] if key_field else None)
    reasons = np.full(n, "", dtype=object)
    rule_ok = _reference_rules(df, recipe, keys, messages, reasons)
    values, imputed, complete, ref, ind_stats = _treat(df, recipe, keys, messages, reasons, rule_ok)
    _check_reference_values(recipe, values, rule_ok, ref)
    flagged_ok = recipe.reference.excluded_get == "flagged"
    evaluated = ref | (complete & ~rule_ok & flagged_ok)
    norm = recipe.normalisation
    weights: Optional[np.ndarray] = None
    if norm.weighted:
        pop_field = recipe.metadata.population_field
        population = numeric_column(df[pop_field], pop_field, keys)
        _report_weightless(population, ref, keys, pop_field, messages)
        weights = np.where(np.isnan(population), 0.0, population)

    out: dict[str, object] = {}
    normalised: dict[str, np.ndarray] = {}
    for ind in recipe.indicators:
        what = tr("Indicator '{id}' (field {field})").format(id=ind.id, field=ind.field)
        z, st = normalise(values[ind.id].to_numpy(), ref, norm, weights, what)
        if ind.direction == "higher_is_better":
            z = flip(z, norm)
        z = np.where(evaluated, z, np.nan)
        normalised[ind.id] = z
        out["z_" + ind.id] = z
        ind_stats[ind.id].update({k: st[k] for k in ("mean", "sd", "n")})

    summary: dict[str, Any] = {"n_districts": n, "n_reference": int(ref.sum()), "n_evaluated": int(evaluated.sum()),
               "n_not_evaluated": int((~evaluated).sum()), "n_flagged": int((evaluated & ~ref).sum()),
               "n_imputed_districts": int(imputed.any(axis=1).sum()), "indicators": ind_stats, "indices": {},
               "typologies": {}}
    classes: dict[str, np.ndarray] = {}
    scores: dict[str, np.ndarray] = {}
    summary["indices"] = {spec.id: {} for spec in recipe.indices}
    by_id = {ind.id: ind for ind in recipe.indicators}
    for spec in recipe.computing_order():
        what = tr("Index '{id}'").format(id=spec.id)
        matrix = member_matrix(recipe, spec, normalised, scores)
        agg = aggregate(matrix, spec.member_weights(by_id), spec.aggregation, what)
        idx_summary = summary["indices"][spec.id]
        if spec.restandardise:
            agg_weights = weights if norm.weighted else None
            mean, sd, count = reference_stats(agg, ref, agg_weights, norm.ddof)
            if not np.isfinite(sd) or sd == 0:
                check_spread(sd, count, what, spread_problem(agg, ref, agg_weights, norm.ddof))
            score = (agg - mean) / sd
            idx_summary.update(agg_mean=mean, agg_sd=sd)
        else:
            score = agg
        score = np.where(evaluated, score, np.nan)
        scores[spec.id] = score
        out[spec.id + "_agg"] = np.where(evaluated, agg, np.nan)
        out[spec.id + "_score"] = score
        if spec.classification is not None:
            cls, label = _classify(spec.classification, score, ref, evaluated, idx_summary, norm.ddof)
            out[spec.id + "_class"] = label
            class_no = pd.array(np.where(cls >= 0, cls + 1, 0), dtype="Int64")
            class_no[cls < 0] = pd.NA
            out[spec.id + "_class_no"] = class_no
            classes[spec.id] = cls

    for typ in recipe.typologies:
        rows, cols = recipe.index(typ.rows).classification, recipe.index(typ.columns).classification
        assert rows is not None and cols is not None  # Typology.from_dict refuses an unclassified index
        rc, cc = classes[typ.rows], classes[typ.columns]
        ncol = len(cols.codes)
        combo = np.where((rc >= 0) & (cc >= 0), rc * ncol + cc, -1)
        codes, labels = [], []
        for r in range(len(rows.codes)):
            for c in range(ncol):
                code = typ.render(typ.code, rows.codes[r], rows.labels[r], cols.codes[c], cols.labels[c])
                codes.append(code)
                labels.append(typ.names.get(code) or typ.render(typ.label_template, rows.codes[r], rows.labels[r],
                                                               cols.codes[c], cols.labels[c]))
        codes_arr = np.array(codes + [None], dtype=object)
        labels_arr = np.array(labels + [None], dtype=object)
        out[typ.id] = codes_arr[combo]
        out[typ.id + "_label"] = labels_arr[combo]
        counts = np.bincount(combo[combo >= 0], minlength=len(codes))
        summary["typologies"][typ.id] = {code: int(counts[i]) for i, code in enumerate(codes) if counts[i]}

    imputed_any = imputed.any(axis=1).to_numpy()
    imputed_list = np.full(n, None, dtype=object)
    if imputed_any.any():
        listed = np.full(int(imputed_any.sum()), "", dtype=object)
        for ind in recipe.indicators:
            _reasons_append(listed, imputed[ind.id].to_numpy()[imputed_any], ind.id)
        imputed_list[imputed_any] = pd.Series(listed, dtype=object).str.replace("; ", ", ").to_numpy()
    eval_reason = reasons.copy()  # object array: None where no reason was recorded
    eval_reason[reasons == ""] = None
    flags = {
        "evaluated": evaluated,
        "in_reference": ref,
        "eval_reason": eval_reason,
        "imputed": imputed_any,
        "imputed_list": imputed_list,
    }
    table = pd.DataFrame({**flags, **out}, index=df.index)
    specs = output_field_specs(recipe)
    table = table[[name for name, _a, _k in specs]]
    if summary["n_reference"] < 10:
        messages.append(tr("Only {n} districts are in the reference set; means and SDs are unstable.").format(
            n=summary["n_reference"]))
    return IndexResult(table=table, fields=specs, summary=summary, messages=messages, treated=values,
                       normalised=pd.DataFrame(normalised, index=df.index), reference=pd.Series(ref, index=df.index))
