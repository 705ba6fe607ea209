"""Spatial autocorrelation statistics in pure numpy: global Moran's I, local Moran (LISA), Getis-Ord Gi*.

Notation: y_i the analysed value of observation i (i = 1..n), W = (w_ij) the spatial weights
(core.spatial_weights.SpatialWeights, w_ii = 0), S0 = sum_ij w_ij, S1 = 1/2 sum_ij (w_ij + w_ji)^2,
S2 = sum_i (w_i. + w_.i)^2, lag_i = sum_j w_ij z_j.

The formulas and the random number streams follow PySAL's esda 2.5 (Moran, Moran_Local,
G_Local): with the same weights and seed the results are identical, which the tests check
(esda is a test-only dependency; nothing here imports it). Random numbers come from
``numpy.random.RandomState(seed)`` (the legacy generator, stable across numpy versions).

Pseudo p-values from M permutations are *folded* one-sided values, as in esda and GeoDa:
with L = #{simulated >= observed}, L is replaced by M - L when M - L < L, and
p = (L + 1) / (M + 1); so p <= 0.5 and the smallest possible p is 1 / (M + 1).

Long loops call ``progress(fraction)`` and stop with ``CancelledError`` when ``is_canceled()`` is true.
"""
import math
from typing import Any, Callable, Optional

import numpy as np
import numpy.typing as npt

from .weights import SpatialWeights

Progress = Optional[Callable[[float], object]]
IsCanceled = Optional[Callable[[], bool]]

#: default number of permutations and default random seed
PERMUTATIONS = 999
DEFAULT_SEED = 12345

_CHUNK = 50  # permutations per progress/cancel check of the global test


class CancelledError(Exception):
    """The user cancelled a permutation loop."""


def normal_two_sided_p(z: npt.ArrayLike) -> np.ndarray:
    """p = P(|Z| >= |z|) = erfc(|z| / sqrt 2) for a standard normal Z (NaN stays NaN)."""
    values = np.asarray(z, dtype=float)
    out = np.full(values.shape, np.nan)
    finite = np.isfinite(values)
    out[finite] = [math.erfc(abs(v) / math.sqrt(2.0)) for v in values[finite]]
    return out


def folded_pseudo_p(larger: npt.ArrayLike, permutations: int) -> np.ndarray:
    """(L + 1) / (M + 1) with L = min(#sim >= obs, M - #sim >= obs) (see module docstring)."""
    count = np.array(larger, dtype=float, copy=True)
    low = (permutations - count) < count
    count[low] = permutations - count[low]
    return (count + 1.0) / (permutations + 1.0)


def benjamini_hochberg(p: npt.ArrayLike) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values) over the finite entries of ``p``.

    Sorting the m finite p-values ascending, q_(k) = min over j >= k of (m / j) p_(j), capped at 1.
    Rejecting every hypothesis with q <= alpha is the BH step-up procedure at false discovery
    rate alpha. NaN entries (islands, missing values) stay NaN and do not count in m.
    """
    pv = np.asarray(p, dtype=float)
    out = np.full(pv.shape, np.nan)
    finite = np.flatnonzero(np.isfinite(pv))
    m = len(finite)
    if not m:
        return out
    order = finite[np.argsort(pv[finite], kind="mergesort")]
    scaled = pv[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(scaled[::-1])[::-1]
    out[order] = np.minimum(adjusted, 1.0)
    return out


def _check(progress: Progress, is_canceled: IsCanceled, fraction: float) -> None:
    if is_canceled is not None and is_canceled():
        raise CancelledError()
    if progress is not None:
        progress(fraction)


def moran_global(y: npt.ArrayLike, weights: SpatialWeights, permutations: int = PERMUTATIONS, seed: int = DEFAULT_SEED,
                 progress: Progress = None, is_canceled: IsCanceled = None) -> dict[str, Any]:
    """Global Moran's I with normality inference and a permutation pseudo p-value.

    z_i = y_i - mean(y);  I = n / S0 * sum_ij w_ij z_i z_j / sum_i z_i^2.
    E[I] = -1 / (n - 1).
    Var[I] under normality = (n^2 S1 - n S2 + 3 S0^2) / ((n - 1)(n + 1) S0^2) - E[I]^2;
    z_norm = (I - E[I]) / sqrt(Var[I]), p_norm two-sided.
    Permutations: ``permutations`` random reorderings of z (RandomState(seed).permutation, one
    after the other) give simulated I; p_sim is the folded pseudo p-value, z_sim = (I - mean) / SD
    of the simulated values. ``weights`` is used as given (transform it first); islands count in n.
    Returns a dict with I, EI, VI_norm, z_norm, p_norm, p_sim, EI_sim, z_sim, n, permutations, seed.
    """
    values = np.asarray(y, dtype=float)
    n = len(values)
    z = values - values.mean()
    z2ss = (z * z).sum()
    s0, s1, s2 = weights.s0, weights.s1, weights.s2
    moran_i = n / s0 * (z * weights.lag(z)).sum() / z2ss
    ei = -1.0 / (n - 1)
    vi = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n - 1) * (n + 1) * s0 * s0) - (1.0 / (n - 1)) ** 2
    z_norm = (moran_i - ei) / vi ** 0.5
    result: dict[str, Any] = {"I": float(moran_i), "EI": ei, "VI_norm": float(vi), "z_norm": float(z_norm),
              "p_norm": float(normal_two_sided_p(z_norm)), "n": n, "permutations": int(permutations),
              "seed": seed, "p_sim": math.nan, "EI_sim": math.nan, "z_sim": math.nan}
    if permutations:
        rng = np.random.RandomState(seed)
        sims = []
        done = 0
        while done < permutations:
            _check(progress, is_canceled, done / permutations)
            m = min(_CHUNK, permutations - done)
            block = np.ascontiguousarray(np.array([rng.permutation(z) for _ in range(m)]))
            lagged = np.ascontiguousarray(weights.lag(block.T).T)
            sims.append(n / s0 * (block * lagged).sum(axis=1) / z2ss)
            done += m
        sim = np.concatenate(sims)
        result["p_sim"] = float(folded_pseudo_p([(sim >= moran_i).sum()], permutations)[0])
        result["EI_sim"] = float(sim.mean())
        result["z_sim"] = float((moran_i - sim.mean()) / sim.std())
        result["sim"] = sim
    return result


def moran_local(y: npt.ArrayLike, weights: SpatialWeights, permutations: int = PERMUTATIONS, seed: int = DEFAULT_SEED,
                progress: Progress = None, is_canceled: IsCanceled = None) -> dict[str, np.ndarray]:
    """Local Moran I_i (LISA) with conditional permutation pseudo p-values.

    z_i = (y_i - mean(y)) / sd(y) (population SD);  I_i = (n - 1) z_i lag_i / sum_j z_j^2,
    lag_i = sum_j w_ij z_j (esda's scaling; equals z_i lag_i up to the factor (n - 1) / n).
    Quadrant q_i: 1 high-high (z_i > 0, lag_i > 0), 2 low-high, 3 low-low, 4 high-low (zero counts as low).
    Conditional permutation: with i held fixed, its k_i neighbour values are replaced by values of
    k_i other observations drawn without replacement. As in esda, one table of draws is made for
    all i: row r = RandomState(seed).choice(n - 1, k_max, replace=False) (r = 1..M, in order);
    observation i uses the first k_i entries as positions in z without z_i.
    p_sim is the folded pseudo p-value, z_sim = (I_i - mean(sim_i)) / sd(sim_i).
    Islands (k_i = 0) get NaN for I, q, p and z. Returns a dict of arrays Is, q, p_sim, z_sim.
    """
    values = np.asarray(y, dtype=float)
    n = len(values)
    z = values - values.mean()
    z /= values.std()
    den = (z * z).sum()
    lag = weights.lag(z)
    local_i = (n - 1) * z * lag / den
    high_z, high_lag = z > 0, lag > 0
    quadrant = np.where(high_z, np.where(high_lag, 1, 4), np.where(high_lag, 2, 3)).astype(float)
    cards = weights.cardinalities
    island = cards == 0
    local_i[island] = np.nan
    quadrant[island] = np.nan
    p_sim = np.full(n, np.nan)
    z_sim = np.full(n, np.nan)
    if permutations and not island.all():
        rng = np.random.RandomState(seed)
        k_max = int(cards.max())
        draws = np.empty((permutations, k_max), dtype=np.int64)
        for r in range(permutations):
            draws[r] = rng.choice(n - 1, size=k_max, replace=False)
        scaling = (n - 1) / den
        larger = np.zeros(n)
        for i in range(n):
            if i % 50 == 0:
                _check(progress, is_canceled, i / n)
            if island[i]:
                continue
            w_i = weights.data[weights.indptr[i]:weights.indptr[i + 1]]
            z_without_i = np.delete(z, i)
            zrand = z_without_i[draws[:, :cards[i]].flatten()].reshape(-1, cards[i])
            sim = z[i] * (zrand @ w_i + 0.0 * z[i]) * scaling
            larger[i] = (sim >= local_i[i]).sum()
            with np.errstate(invalid="ignore", divide="ignore"):  # all draws equal: z undefined, NaN
                z_sim[i] = (local_i[i] - sim.mean()) / sim.std()
        p_sim = folded_pseudo_p(larger, permutations)
        p_sim[island] = np.nan
    return {"Is": local_i, "q": quadrant, "p_sim": p_sim, "z_sim": z_sim, "lag": lag, "z": z}


def getis_ord_gi_star(y: npt.ArrayLike, weights: SpatialWeights) -> dict[str, np.ndarray]:
    """Getis-Ord Gi* z-scores (Ord & Getis 1995), observation i counted in its own neighbourhood.

    With w*_ij = w_ij for j != i and w*_ii = 1, W*_i = sum_j w*_ij, S1*_i = sum_j w*_ij^2,
    mean x̄ and population SD s of all n values:
        Gi*_z = (sum_j w*_ij y_j - x̄ W*_i) / (s sqrt((n S1*_i - W*_i^2) / (n - 1))).
    The z-score does not change when a row of W* is multiplied by a constant, so binary and
    row-standardised neighbourhoods give the same z; it also does not change when a constant is
    added to y (esda's G_Local needs positive y for the same numbers). p is two-sided normal.
    Islands (no neighbour besides i) get NaN. Returns a dict of arrays z, p.
    """
    values = np.asarray(y, dtype=float)
    n = len(values)
    star = weights.binary().with_self(1.0)
    w_sum = star.row_sums()
    s1 = np.bincount(star.rows, weights=star.data ** 2, minlength=n)
    mean = values.mean()
    # two passes: mean(y^2) - mean^2 cancels to noise (or a negative number) when the values share a large
    # offset (e.g. 1e8 + small differences)
    sd = math.sqrt(((values - mean) ** 2).mean())
    with np.errstate(invalid="ignore", divide="ignore"):  # a neighbourhood of all n, or sd 0: z undefined, NaN
        z = (star.lag(values) - mean * w_sum) / (sd * np.sqrt((n * s1 - w_sum ** 2) / (n - 1)))
    z[weights.cardinalities == 0] = np.nan
    return {"z": z, "p": normal_two_sided_p(z)}
