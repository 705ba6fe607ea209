"""Normalisation of indicator columns against the reference districts.

Conventions: z-scores use (x - mean) / SD over the reference districts; SD is the population SD
(ddof = 0, as the Berlin MSS does) or the sample SD (ddof = 1). With ``weighted`` the mean and SD
are weighted by population (frequency weights: the sample SD divides by sum(w) - 1). Min-max maps
the reference minimum/maximum to ``range``; rank gives the mid-rank percentile (0-100) of a value
within the reference distribution; distance is x minus a reference value (or its % of it).
"""
from typing import Optional

import numpy as np

from ..errors import ComputationError
from ..i18n import tr
from ..recipe.model import Normalisation


def reference_stats(x: np.ndarray, ref: np.ndarray, weights: Optional[np.ndarray] = None,
                    ddof: int = 0) -> tuple[float, float, int]:
    """(mean, sd, n) of ``x`` over ``ref & ~isnan(x)``; weighted when ``weights`` is given.

    The SD is computed from deviations divided by their largest absolute value, so values as small as
    1e-200 or as large as 1e100 neither underflow to SD 0 nor overflow to an infinite SD. NaN for an
    undefined SD (weights summing to 0, or to at most 1 with the sample SD); ``spread_problem`` says why.
    """
    use = ref & ~np.isnan(x)
    vals = x[use]
    n = int(vals.size)
    if n == 0:
        return np.nan, np.nan, 0
    if weights is None:
        mean = float(np.mean(vals))
        with np.errstate(under="ignore", over="ignore"):
            sd = float(np.std(vals, ddof=ddof)) if n > ddof else np.nan
        return mean, _rescued_sd(sd, vals - mean, None, n - ddof), n
    w = weights[use]
    total = float(np.sum(w))
    if total <= 0:
        return np.nan, np.nan, n
    mean = float(np.sum(w * vals) / total)
    denom = total - ddof
    if denom <= 0:
        return mean, np.nan, n
    with np.errstate(under="ignore", over="ignore"):
        sd = float(np.sqrt(np.sum(w * (vals - mean) ** 2) / denom))
    return mean, _rescued_sd(sd, vals - mean, w, denom), n


def _rescued_sd(sd: float, dev: np.ndarray, w: Optional[np.ndarray], denom: float) -> float:
    """``sd`` unchanged when it lies between 1e-150 and 1e150 (the usual case, so published results stay
    bit-identical); else sqrt(sum w dev^2 / denom) computed on dev / max|dev|, which
    neither underflows nor overflows."""
    if denom <= 0 or (np.isfinite(sd) and 1e-150 < sd < 1e150):
        return sd
    scale = float(np.max(np.abs(dev)))
    if scale == 0 or not np.isfinite(scale):
        return 0.0 if scale == 0 else np.nan
    d = dev / scale
    total = float(np.sum(d * d) if w is None else np.sum(w * d * d))
    return float(scale * np.sqrt(total / denom))


def spread_problem(x: np.ndarray, ref: np.ndarray, weights: Optional[np.ndarray] = None,
                   ddof: int = 0) -> Optional[str]:
    """A sentence saying why the reference SD of ``x`` is 0 or undefined; None when it is a constant column."""
    use = ref & ~np.isnan(x)
    vals = x[use]
    if weights is not None and vals.size:
        total = float(np.sum(weights[use]))
        if total <= 0:
            return tr("the population weights of all {n} reference districts are 0 or missing, so a weighted mean "
                      "and SD are undefined. Check the population field or switch off weighting.").format(n=vals.size)
        if total - ddof <= 0:
            return tr("the population weights of the reference districts sum to {t:g}; the sample SD divides by "
                      "this sum minus 1 and is undefined. Check the population field (inhabitants, not shares) or "
                      "use the population SD.").format(t=total)
    if vals.size and np.any(vals != vals[0]):
        return tr("its values differ (from {lo:g} to {hi:g}) but their SD cannot be computed in floating point. "
                  "Rescale the field (e.g. per 1,000 instead of per person).").format(lo=float(np.min(vals)),
                                                                                     hi=float(np.max(vals)))
    return None


def check_spread(sd: float, n: int, what: str, problem: Optional[str] = None) -> None:
    """Raise ComputationError when a reference SD is zero, undefined or there are no values; ``problem``
    (from ``spread_problem``) names the cause when the column is not simply constant."""
    if n == 0:
        raise ComputationError(tr("{what}: no reference district has a value (all missing). Check the field, "
                                  "the missing-value codes and the reference rules.").format(what=what))
    if not np.isfinite(sd) or sd == 0:
        if problem:
            raise ComputationError(tr("{what} cannot be standardised: {problem}").format(what=what, problem=problem))
        raise ComputationError(tr("{what} is constant over the {n} reference districts (SD = 0), so it cannot be "
                                  "standardised. Remove it from the recipe or check the field.").format(what=what, n=n))


def zscore(x: np.ndarray, ref: np.ndarray, weights: Optional[np.ndarray] = None, ddof: int = 0,
           what: str = "indicator") -> tuple[np.ndarray, dict]:
    """(z-values of ``x`` against the reference districts ``ref`` (bool), {mean, sd, n}); ComputationError
    naming ``what`` when the SD is 0 or undefined."""
    mean, sd, n = reference_stats(x, ref, weights, ddof)
    if not np.isfinite(sd) or sd == 0:
        check_spread(sd, n, what, spread_problem(x, ref, weights, ddof))
    return (x - mean) / sd, {"mean": mean, "sd": sd, "n": n}


def normalise(x: np.ndarray, ref: np.ndarray, norm: Normalisation, weights: Optional[np.ndarray] = None,
              what: str = "indicator") -> tuple[np.ndarray, dict]:
    """Normalise one indicator column by ``norm`` (the recipe's Normalisation). Returns (values, stats)."""
    method = norm.method
    if method == "zscore":
        return zscore(x, ref, weights if norm.weighted else None, norm.ddof, what)
    mean, sd, n = reference_stats(x, ref, weights if norm.weighted else None, norm.ddof)
    stats = {"mean": mean, "sd": sd, "n": n}
    # a constant indicator separates no district, whatever the method: refuse it for every method
    vals_ref = x[ref & ~np.isnan(x)]
    if n == 0 or np.all(vals_ref == vals_ref[0]):
        check_spread(0.0, n, what)
    vals = x[ref & ~np.isnan(x)]
    if method == "minmax":
        low, high = float(np.min(vals)), float(np.max(vals))
        if high == low:
            check_spread(0.0, n, what)
        a, b = norm.range
        stats.update(min=low, max=high)
        return a + (x - low) / (high - low) * (b - a), stats
    if method == "rank":
        ordered = np.sort(vals)
        left = np.searchsorted(ordered, x, side="left")
        right = np.searchsorted(ordered, x, side="right")
        out = 100.0 * (left + right) / 2.0 / ordered.size
        return np.where(np.isnan(x), np.nan, out), stats
    if method == "distance":
        setting = norm.reference_value
        if setting == "mean":
            refval = mean
        elif setting == "median":
            refval = float(np.median(vals))
        else:
            assert not isinstance(setting, str)  # Normalisation.from_dict admits only a number, mean, median
            refval = setting
        stats["reference_value"] = refval
        if norm.relative:
            if refval == 0:
                raise ComputationError(tr("{what}: the reference value is 0, so a relative distance (%) is "
                                          "undefined. Use an absolute distance.").format(what=what))
            return (x - refval) / abs(refval) * 100.0, stats
        return x - refval, stats
    if method == "none":
        return x.copy(), stats
    raise ValueError(method)


def flip(values: np.ndarray, norm: Normalisation) -> np.ndarray:
    """Reverse the orientation of normalised values (higher <-> lower) keeping their scale."""
    if norm.method == "minmax":
        return norm.range[0] + norm.range[1] - values
    if norm.method == "rank":
        return 100.0 - values
    return -values
