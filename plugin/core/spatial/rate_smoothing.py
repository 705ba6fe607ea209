"""Rates of small populations: Empirical Bayes smoothing (global and spatial) and the EB-adjusted Moran's I.

Notation: e_i events (e.g. recipients of benefits, cases) and b_i the population at risk of district i,
r_i = e_i / b_i the raw rate. A rate of 3 cases in 40 inhabitants says little; EB smoothing pulls each raw
rate towards a reference rate, the more the smaller b_i (Marshall 1991):

- global EB: reference m = sum e / sum b over all districts;
  variance of the true rates v = sum b_i (r_i - m)^2 / sum b - m / (sum b / n), set to 0 when negative;
  smoothed s_i = m + (r_i - m) * v / (v + m / b_i).
- spatial (local) EB: the same with the reference taken from the neighbourhood N_i of i (its binary
  neighbours and i itself): m_i = sum_N e / sum_N b, B_i = sum_N b,
  v_i = sum_N b_j (r_j - m_i)^2 / B_i - m_i / (B_i / |N_i|), set to 0 when negative.
- EB-adjusted Moran's I (Assunção & Reis 1999): Moran's I of z_i = (r_i - m) / sqrt(v + m / b_i), with m and v
  as in global EB (when v + m / b_i < 0, m / b_i alone is used).

The formulas follow PySAL's esda 2.5 (esda.smoothing.Empirical_Bayes, Spatial_Empirical_Bayes, assuncao_rate,
esda.moran.Moran_Rate with adjusted=True), which the tests use as oracle. One difference, documented: esda's
Empirical_Bayes keeps a negative variance estimate (and so can move a rate *away* from the mean); here it is
set to 0 as Marshall, esda's spatial smoother and GeoDa do, which gives every district the reference rate.
Sums of squared deviations are taken in two passes (deviations first), not as sum of squares minus square of
sums. Rates are per person; multiply for "per 1,000".
"""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Optional, Union

import numpy as np
import numpy.typing as npt

from ..errors import ComputationError
from ..i18n import tr
from .autocorrelation import DEFAULT_SEED, PERMUTATIONS, IsCanceled, Progress, moran_global
from .weights import SpatialWeights

MAX_LISTED = 20


@dataclass
class RateInput:
    """Checked events and populations: ``use`` marks the districts that enter the smoothing (a population above
    0 and both values present); ``no_population`` / ``missing`` hold the ids of the others, for the log."""

    events: np.ndarray
    population: np.ndarray
    use: np.ndarray
    no_population: list = field(default_factory=list)
    missing: list = field(default_factory=list)


def _listing(ids: Sequence[object]) -> str:
    return ", ".join(str(i) for i in ids[:MAX_LISTED]) + (" …" if len(ids) > MAX_LISTED else "")


def check_rates(events: npt.ArrayLike, population: npt.ArrayLike, ids: Optional[Iterable[object]] = None,
                events_name: str = "events",
                population_name: str = "population") -> RateInput:
    """Validate events e and populations b (arrays, NaN = missing) and say which districts can be used.

    Negative counts, or more districts without a usable value than with one, raise ComputationError naming the
    field and the first district. Missing values and populations of 0 are not errors: those districts are left
    out (the caller reports them).
    """
    e = np.asarray(events, dtype=float)
    b = np.asarray(population, dtype=float)
    labels: list[Any] = list(range(1, len(e) + 1)) if ids is None else list(ids)
    for values, name in ((e, events_name), (b, population_name)):
        with np.errstate(invalid="ignore"):
            bad = np.isinf(values) | (values < 0)
        if bad.any():
            pos = int(np.flatnonzero(bad)[0])
            raise ComputationError(tr("Field '{field}' has the value {value:g} for {id}; {n} such values. Counts "
                                      "must be finite and 0 or more: fix the table.").format(
                field=name, value=values[pos], id=labels[pos], n=int(bad.sum())))
    missing = np.isnan(e) | np.isnan(b)
    zero = ~missing & (b == 0)
    use = ~missing & ~zero
    if use.sum() < 3:
        raise ComputationError(tr("Only {n} districts have events and a population above 0 ({e}, {b}); rate "
                                  "smoothing needs at least 3.").format(n=int(use.sum()), e=events_name,
                                                                        b=population_name))
    if e[use].sum() == 0:
        raise ComputationError(tr("Field '{field}' is 0 in every analysed district; there is no rate to "
                                  "smooth.").format(field=events_name))
    return RateInput(events=e, population=b, use=use, no_population=[i for i, z in zip(labels, zero) if z],
                     missing=[i for i, m in zip(labels, missing) if m])


def global_eb(events: np.ndarray, population: np.ndarray) -> tuple:
    """Global Empirical Bayes rates (see the module docstring). Returns (smoothed, reference rate m, variance v,
    shrinkage weight v / (v + m / b_i)); all districts must have b > 0 (``check_rates``)."""
    e = np.asarray(events, dtype=float)
    b = np.asarray(population, dtype=float)
    rate = e / b
    m = e.sum() / b.sum()
    v = max(float((b * (rate - m) ** 2).sum() / b.sum() - m / b.mean()), 0.0)
    weight = _shrinkage(v, m, b)
    return m + (rate - m) * weight, m, v, weight


def _shrinkage(v: Union[float, np.ndarray], m: Union[float, np.ndarray], b: np.ndarray) -> np.ndarray:
    """v / (v + m / b), 0 where the denominator is 0 (no events in the reference: the rate is m = 0)."""
    den = v + m / b
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, v / np.where(den > 0, den, 1.0), 0.0)


def spatial_eb(events: np.ndarray, population: np.ndarray, weights: SpatialWeights) -> tuple:
    """Spatial (local) Empirical Bayes rates with the neighbourhood of each district (its binary neighbours and
    itself) as reference. Returns (smoothed, local reference rate m_i, local variance v_i, shrinkage weight).
    ``weights`` is used as binary; an island is smoothed towards its own rate (it is its own neighbourhood)."""
    e = np.asarray(events, dtype=float)
    b = np.asarray(population, dtype=float)
    star = weights.binary().with_self(1.0)
    rows, cols = star.rows, star.indices
    rate = e / b
    e_n = np.bincount(rows, weights=e[cols], minlength=star.n)
    b_n = np.bincount(rows, weights=b[cols], minlength=star.n)
    count = np.bincount(rows, minlength=star.n)
    m = e_n / b_n
    dev = rate[cols] - m[rows]
    v = np.bincount(rows, weights=b[cols] * dev * dev, minlength=star.n) / b_n - m / (b_n / count)
    v = np.maximum(v, 0.0)
    weight = _shrinkage(v, m, b)
    return m + (rate - m) * weight, m, v, weight


def assuncao_reis_z(events: np.ndarray, population: np.ndarray) -> np.ndarray:
    """Rates standardised with their EB mean and variance (Assunção & Reis 1999; esda.smoothing.assuncao_rate):
    z_i = (r_i - m) / sqrt(v_i), v_i = a + m / b_i with a = sum b (r - m)^2 / sum b - m / mean(b), and
    v_i = m / b_i where a + m / b_i < 0."""
    e = np.asarray(events, dtype=float)
    b = np.asarray(population, dtype=float)
    rate = e / b
    m = e.sum() / b.sum()
    a = (b * (rate - m) ** 2).sum() / b.sum() - m / b.mean()
    v = a + m / b
    v = np.where(v < 0, m / b, v)
    return (rate - m) / np.sqrt(v)


def eb_moran(events: np.ndarray, population: np.ndarray, weights: SpatialWeights, row_standardise: bool = True,
             permutations: int = PERMUTATIONS, seed: int = DEFAULT_SEED, progress: Progress = None,
             is_canceled: IsCanceled = None) -> dict[str, Any]:
    """EB-adjusted Moran's I: global Moran's I (autocorrelation.moran_global, same inference and random stream)
    of the Assunção-Reis standardised rates; equals esda.Moran_Rate(e, b, w, adjusted=True)."""
    z = assuncao_reis_z(events, population)
    w = weights.transformed(row_standardise)
    if w.s0 == 0:
        raise ComputationError(tr("None of the {n} analysed districts has a neighbour. Check the neighbourhood "
                                  "(method, k, tolerance) and the layer's geometry.").format(n=len(z)))
    return moran_global(z, w, permutations, seed, progress, is_canceled)


def smooth(rates: RateInput, weights: SpatialWeights, method: str = "global") -> dict[str, np.ndarray]:
    """Smoothed rates of every district (NaN where ``rates.use`` is false) and the shrinkage weights.

    ``method``: "global" or "spatial". The districts left out (no population, missing values) neither get a
    rate nor enter anyone's reference; their links disappear from the spatial neighbourhoods.
    """
    n = len(rates.events)
    use = rates.use
    e, b = rates.events[use], rates.population[use]
    if method == "global":
        smoothed, ref, _v, weight = global_eb(e, b)
        ref = np.full(len(e), ref)
    elif method == "spatial":
        smoothed, ref, _v, weight = spatial_eb(e, b, weights.subset(use))
    else:
        raise ValueError(method)
    out = {"raw": rates.events / np.where(use, rates.population, np.nan)}
    for name, values in (("smoothed", smoothed), ("reference", ref), ("weight", weight)):
        full = np.full(n, np.nan)
        full[use] = values
        out[name] = full
    return out


def excluded_text(rates: RateInput) -> str:
    """Sentences naming the districts left out of the smoothing ("" when none)."""
    parts = []
    if rates.no_population:
        parts.append(tr("{n} district(s) have a population of 0 and get no rate: {ids}.").format(
            n=len(rates.no_population), ids=_listing(rates.no_population)))
    if rates.missing:
        parts.append(tr("{n} district(s) lack events or population and get no rate: {ids}.").format(
            n=len(rates.missing), ids=_listing(rates.missing)))
    return " ".join(parts)
