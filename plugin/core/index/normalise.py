"""Normalisation of indicator columns against the reference districts.

Conventions: z-scores use (x - mean) / SD over the reference districts; SD is the population SD
(ddof = 0, as the Berlin MSS does) or the sample SD (ddof = 1). With ``weighted`` the mean and SD
are weighted by population (frequency weights: the sample SD divides by sum(w) - 1). Min-max maps
the reference minimum/maximum to ``range``; rank gives the mid-rank percentile (0-100) of a value
within the reference distribution; distance is x minus a reference value (or its % of it).
"""
import numpy as np

from ..errors import ComputationError
from ..i18n import tr


def reference_stats(x, ref, weights=None, ddof=0):
    """(mean, sd, n) of ``x`` over ``ref & ~isnan(x)``; weighted when ``weights`` is given."""
    use = ref & ~np.isnan(x)
    vals = x[use]
    n = int(vals.size)
    if n == 0:
        return np.nan, np.nan, 0
    if weights is None:
        mean = float(np.mean(vals))
        sd = float(np.std(vals, ddof=ddof)) if n > ddof else np.nan
        return mean, sd, n
    w = weights[use]
    total = float(np.sum(w))
    if total <= 0:
        return np.nan, np.nan, n
    mean = float(np.sum(w * vals) / total)
    denom = total - ddof
    sd = float(np.sqrt(np.sum(w * (vals - mean) ** 2) / denom)) if denom > 0 else np.nan
    return mean, sd, n


def check_spread(sd, n, what):
    """Raise ComputationError when a reference SD is zero, undefined or there are no values."""
    if n == 0:
        raise ComputationError(tr("{what}: no reference district has a value (all missing). Check the field, "
                                  "the missing-value codes and the reference rules.").format(what=what))
    if not np.isfinite(sd) or sd == 0:
        raise ComputationError(tr("{what} is constant over the {n} reference districts (SD = 0), so it cannot be "
                                  "standardised. Remove it from the recipe or check the field.").format(what=what, n=n))


def zscore(x, ref, weights=None, ddof=0, what="indicator"):
    mean, sd, n = reference_stats(x, ref, weights, ddof)
    check_spread(sd, n, what)
    return (x - mean) / sd, {"mean": mean, "sd": sd, "n": n}


def normalise(x, ref, norm, weights=None, what="indicator"):
    """Normalise one indicator column by ``norm`` (a recipe_model.Normalisation). Returns (values, stats)."""
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
        refval = norm.reference_value
        if refval == "mean":
            refval = mean
        elif refval == "median":
            refval = float(np.median(vals))
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


def flip(values, norm):
    """Reverse the orientation of normalised values (higher <-> lower) keeping their scale."""
    if norm.method == "minmax":
        return norm.range[0] + norm.range[1] - values
    if norm.method == "rank":
        return 100.0 - values
    return -values
