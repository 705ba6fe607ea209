"""Uncertainty of an index: recompute it for a batch of simulated recipes at once (column-wise).

The recipe's ``uncertainty`` section names the choices that could differ (recipe/uncertainty.py).
Treatment variants (imputation x winsorising x reference rule) are computed once each with
``compute_index`` and normalised once per normalisation alternative; a batch of draws is then a
matrix product (weights x normalised indicators), a column-wise re-standardisation and class
assignment, and a batch ranking — no per-draw run of the index.

Conventions (docs/recipe-format.md, "Uncertainty"):
- ranked districts: those the recipe itself evaluates; every draw must give them a score;
- rank 1 = the most disadvantaged district (highest index when higher means worse); scores are
  ranked after rounding to 10 decimals (equal sums of tied rank scores must not split on rounding noise),
  ties share the average rank;
- fixed breaks stay fixed; data-driven breaks (quantile, equal interval, SD steps, Jenks, and fixed
  breaks in SD units) are recomputed in each draw over its reference districts;
- arithmetic aggregation is the recipe's (sum / mean / weighted mean; weighted mean when the recipe
  aggregates geometrically); geometric aggregation uses the normalised values when all are > 0, else
  rescales each indicator linearly to [1, 100] over the evaluated districts first;
- 'reference: all' lets every complete district enter the reference statistics; the ranked set stays.
"""
import copy
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from ..errors import ComputationError, RecipeError
from ..i18n import tr
from ..recipe.load import Recipe
from ..recipe.model import Normalisation
from .classify import compute_breaks
from .compute import IndexResult, compute_index
from .missing_and_outliers import numeric_column
from .normalise import flip, normalise
from .uncertainty_draws import Settings, build_factors, decode, nominal_settings

CHUNK = 200  # draws per batch: bounds memory (districts x CHUNK floats per matrix)
RANK_DECIMALS = 10  # scores are ranked after rounding to this many decimals


@dataclass
class _Variant:
    rows: np.ndarray        # positions in the table of the districts evaluated in this variant
    ref: np.ndarray         # bool over rows: in the reference
    ranked: np.ndarray      # positions within rows of the ranked districts (the recipe's evaluated ones)
    matrices: dict[int, np.ndarray]  # normalisation option -> (rows x k) oriented normalised values
    pop: Optional[np.ndarray] = None  # population weights over rows (weighted standardisation only)


class IndexBatch:
    """The analysed index of ``recipe`` (``recipe.uncertainty.index``) on table ``df``, ready for batches."""

    def __init__(self, df: pd.DataFrame, recipe: Recipe) -> None:
        unc = recipe.uncertainty
        if unc is None:
            raise ComputationError(tr("The recipe has no 'uncertainty' section, so there is nothing to vary. Add "
                                      "one (see docs/recipe-format.md, section Uncertainty)."))
        self.df, self.recipe, self.unc = df, recipe, unc
        if "group_mean" in unc.impute and not recipe.treatment.impute_group_field:
            raise RecipeError(tr("Recipe entry uncertainty.impute: 'group_mean' needs treatment.impute_group_field "
                                 "(the field whose groups give the means)."))
        self.spec = recipe.index(unc.index)
        self.ids = list(self.spec.indicators)
        self.geometric_nominal = self.spec.aggregation == "geometric_mean"
        self.base_weights = np.array([1.0 if self.spec.aggregation == "mean" else recipe.indicator(i).weight
                                      for i in self.ids])
        # position 0 is the recipe itself (never applied: variant key 0 keeps the recipe's treatment)
        self.impute_opts = [recipe.treatment.impute] + list(unc.impute)
        self.winsor_opts = [recipe.treatment.winsorise] + list(unc.winsorise)
        self.ref_opts = ["recipe"] + list(unc.reference)
        norm = recipe.normalisation
        self.norm_opts = [norm] + [_with_method(norm, m) for m in unc.normalisation]
        self.factors = build_factors(unc, self.ids, self.base_weights)
        base = copy.deepcopy(recipe)
        spec = copy.deepcopy(self.spec)
        spec.classification = None  # classes are assigned per draw here
        base.indices, base.typologies, base.uncertainty = [spec], [], None
        self._base = base
        self._variants: dict[tuple[int, int, int], _Variant] = {}
        self.nominal_result: Optional[IndexResult] = None
        self.pop_all: Optional[np.ndarray] = None
        if norm.weighted:
            pop_field = recipe.metadata.population_field
            pop = numeric_column(df[pop_field], pop_field)
            self.pop_all = np.where(np.isnan(pop), 0.0, pop)
        first = self._variant((0, 0, 0))
        self.ranked_rows = first.rows[first.ranked]

    # ---- treatment variants ---------------------------------------------------------------
    def _variant(self, key: tuple[int, int, int]) -> _Variant:
        if key in self._variants:
            return self._variants[key]
        i, w, r = key
        rec = copy.deepcopy(self._base)
        if i:
            rec.treatment.impute = self.impute_opts[i]
            for ind in rec.indicators:
                ind.impute = None
        if w:
            rec.treatment.winsorise = self.winsor_opts[w]
            for ind in rec.indicators:
                ind.winsorise = None
        if self.ref_opts[r] == "all":
            rec.reference.min_population = None
            rec.reference.exclude_keys = {}
        result = compute_index(self.df, rec)
        evaluated = result.table["evaluated"].to_numpy(dtype=bool)
        rows = np.flatnonzero(evaluated)
        if key == (0, 0, 0):
            self.nominal_result = result
            ranked_rows = rows
        else:
            ranked_rows = self.ranked_rows
            lost = ~evaluated[ranked_rows]
            if lost.any():
                raise ComputationError(tr("Uncertainty alternative {alt}: {n} district(s) that the recipe evaluates "
                                          "would get no score (first: row {row}), e.g. because an imputation leaves "
                                          "values missing. Remove this alternative from the uncertainty section.")
                                       .format(alt=self._describe(key), n=int(lost.sum()),
                                               row=int(ranked_rows[lost][0]) + 1))
        variant = _Variant(rows=rows, ref=result.reference.to_numpy(dtype=bool)[rows],
                           ranked=np.asarray(np.searchsorted(rows, ranked_rows)), matrices={})
        if self.pop_all is not None:
            variant.pop = self.pop_all[rows]
        ref_all = result.reference.to_numpy(dtype=bool)
        for n_opt, norm in enumerate(self.norm_opts):
            cols = []
            for ind_id in self.ids:
                ind = self.recipe.indicator(ind_id)
                what = tr("Indicator '{id}' (field {field})").format(id=ind.id, field=ind.field)
                z, _stats = normalise(result.treated[ind_id].to_numpy(), ref_all, norm, self.pop_all, what)
                if ind.direction == "higher_is_better":
                    z = flip(z, norm)
                cols.append(z[rows])
            matrix = np.column_stack(cols)
            if self.spec.higher_means == "better":
                matrix = flip(matrix, norm)
            variant.matrices[n_opt] = matrix
        self._variants[key] = variant
        return variant

    def _describe(self, key: tuple[int, int, int]) -> str:
        i, w, r = key
        parts = []
        if i:
            parts.append(tr("imputation {m}").format(m=self.impute_opts[i]))
        if w:
            rule = self.winsor_opts[w]
            parts.append(tr("winsorising off") if rule is None else tr("winsorising {m}").format(m=rule.method))
        if r:
            parts.append(tr("reference {m}").format(m=self.ref_opts[r]))
        return ", ".join(parts) or tr("the recipe")

    # ---- one batch ------------------------------------------------------------------------
    def evaluate(self, s: Settings) -> tuple[np.ndarray, np.ndarray]:
        """(ranks (B x n ranked) float64, classes (B x n ranked) int, 0-based) for the Settings ``s``."""
        b = s.weights.shape[0]
        n_ranked = self.ranked_rows.size
        ranks = np.empty((b, n_ranked))
        classes = np.empty((b, n_ranked), dtype=np.int16)
        weights = s.weights.copy()
        dropped = s.drop >= 0
        weights[np.flatnonzero(dropped), s.drop[dropped]] = 0.0
        keys = np.column_stack([s.impute, s.winsorise, s.reference, s.normalisation, s.geometric.astype(np.int64)])
        unique, inverse = np.unique(keys, axis=0, return_inverse=True)
        for g, key in enumerate(unique):
            sel = np.flatnonzero(inverse.ravel() == g)
            variant = self._variant((int(key[0]), int(key[1]), int(key[2])))
            scores = self._scores(variant, variant.matrices[int(key[3])], weights[sel], bool(key[4]))
            classes[sel] = self._classes(scores, variant.ref)[variant.ranked].T
            # rounded to RANK_DECIMALS so that ties do not depend on the summation order of a draw
            ranked = np.round(scores[variant.ranked].T, RANK_DECIMALS)
            ranks[sel] = average_ranks(ranked if self.spec.higher_means == "worse" else -ranked)
        return ranks, classes

    def _scores(self, variant: _Variant, matrix: np.ndarray, weights: np.ndarray, geometric: bool) -> np.ndarray:
        """Index scores (rows x draws) of one variant for the draws' weight vectors."""
        total = weights.sum(axis=1)
        if np.any(total <= 0):
            raise ComputationError(tr("A simulated recipe gives every indicator of index '{id}' weight 0. Narrow "
                                      "the weight ranges of the uncertainty section.").format(id=self.spec.id))
        if geometric:
            if np.any(matrix <= 0):
                low, high = matrix.min(axis=0), matrix.max(axis=0)
                matrix = 1.0 + 99.0 * (matrix - low) / (high - low)
            agg = np.exp((np.log(matrix) @ weights.T) / total)
        else:
            agg = matrix @ weights.T
            if self.spec.aggregation != "sum":
                agg = agg / total
        if not self.spec.restandardise:
            return agg
        ddof = self.recipe.normalisation.ddof
        ref_vals = agg[variant.ref]
        if variant.pop is None:
            mean, sd = ref_vals.mean(axis=0), ref_vals.std(axis=0, ddof=ddof)
        else:
            w = variant.pop[variant.ref]
            mean = (w @ ref_vals) / w.sum()
            sd = np.sqrt((w @ (ref_vals - mean) ** 2) / (w.sum() - ddof))
        if not np.all(np.isfinite(sd) & (sd > 0)):
            raise ComputationError(tr("Index '{id}' is constant over the reference districts in a simulated recipe, "
                                      "so it cannot be re-standardised. Narrow the uncertainty section.")
                                   .format(id=self.spec.id))
        return (agg - mean) / sd

    def _classes(self, scores: np.ndarray, ref: np.ndarray) -> np.ndarray:
        """Class numbers 0..n-1 (rows x draws); breaks recomputed per draw unless fixed in value units."""
        c = self.spec.classification
        assert c is not None  # UncertaintySpec refuses an analysed index without classification
        ddof = self.recipe.normalisation.ddof
        vals = scores[ref]
        if c.method in ("fixed", "manual") and c.units == "value":
            breaks = np.tile(np.asarray(c.breaks, dtype="float64")[:, None], (1, scores.shape[1]))
        elif c.method in ("fixed", "manual"):
            breaks = vals.mean(axis=0) + np.asarray(c.breaks)[:, None] * vals.std(axis=0, ddof=ddof)
        elif c.method == "quantile":
            breaks = np.quantile(vals, np.arange(1, c.n) / c.n, axis=0)
        elif c.method == "equal_interval":
            low, high = vals.min(axis=0), vals.max(axis=0)
            breaks = low + (high - low) * (np.arange(1, c.n) / c.n)[:, None]
        elif c.method == "sd":
            steps = c.step * (np.arange(c.n - 1) - (c.n - 2) / 2.0)
            breaks = vals.mean(axis=0) + steps[:, None] * vals.std(axis=0, ddof=ddof)
        else:  # jenks: one optimisation per draw (no batch form); fewer breaks pad with +inf
            breaks = np.full((c.n - 1, scores.shape[1]), np.inf)
            for j in range(scores.shape[1]):
                b = compute_breaks(vals[:, j], c.method, c.n, ddof=ddof)
                breaks[:len(b), j] = b
        goes = c.equal_goes if not isinstance(c.equal_goes, str) else [c.equal_goes] * breaks.shape[0]
        cls = np.zeros(scores.shape, dtype=np.int16)
        for threshold, side in zip(breaks, goes):
            cls += (scores > threshold) if side == "lower" else (scores >= threshold)
        return cls


def _with_method(norm: Normalisation, method: str) -> Normalisation:
    out = copy.copy(norm)
    out.method = method
    return out


def average_ranks(scores: np.ndarray) -> np.ndarray:
    """Rank per row of ``scores`` (draws x districts): 1 = highest score; ties share the average rank."""
    n = scores.shape[1]
    order = np.argsort(-scores, axis=1)  # tied districts get the same average rank whatever their order
    s = np.take_along_axis(-scores, order, axis=1)
    pos = np.arange(1, n + 1)
    starts = np.ones(s.shape, dtype=bool)
    starts[:, 1:] = s[:, 1:] != s[:, :-1]
    ends = np.ones(s.shape, dtype=bool)
    ends[:, :-1] = starts[:, 1:]
    first = np.maximum.accumulate(np.where(starts, pos, 0), axis=1)
    last = np.minimum.accumulate(np.where(ends, pos, n + 1)[:, ::-1], axis=1)[:, ::-1]
    out = np.empty(s.shape)
    np.put_along_axis(out, order, (first + last) / 2.0, axis=1)
    return out


def nominal(batch: IndexBatch) -> tuple[np.ndarray, np.ndarray]:
    """(ranks, classes) of the recipe itself (1-d over the ranked districts)."""
    s = nominal_settings(1, len(batch.ids), batch.base_weights, batch.geometric_nominal)
    ranks, classes = batch.evaluate(s)
    return ranks[0], classes[0]


def draw_settings(batch: IndexBatch, design: np.ndarray) -> Settings:
    """Settings for the rows of a uniform design over the batch's factors."""
    return decode(design, batch.factors, batch.base_weights, batch.geometric_nominal, batch.unc.aggregation)


def n_design_columns(batch: IndexBatch) -> int:
    return sum(f.n_cols for f in batch.factors)
