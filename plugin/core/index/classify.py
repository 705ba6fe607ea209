"""Class breaks and class assignment, shared by the index engine and graduated map styles.

``compute_breaks`` returns the n - 1 *inner* thresholds in ascending order; ``class_edges`` adds
the data minimum and maximum for renderers that want n ranges. ``assign_classes`` maps values to
class numbers 0..n-1 (-1 for NaN); a value exactly on a threshold goes to the lower class
("lower", the usual "upper bound inclusive" convention of QGIS ranges) or to the upper class.
"""
from collections.abc import Iterable, Sequence
from typing import Literal, Optional, Union

import numpy as np
import numpy.typing as npt

from ..errors import ComputationError
from ..i18n import tr

METHODS = ("fixed", "manual", "quantile", "jenks", "equal_interval", "sd")


def compute_breaks(values: npt.ArrayLike, method: str, n: Optional[int] = None, breaks: Optional[npt.ArrayLike] = None,
                   step: float = 1.0, units: str = "value", max_sample: int = 1500, ddof: int = 0) -> np.ndarray:
    """Inner class thresholds (ascending, length n - 1) for ``values`` (NaN ignored).

    method: 'fixed'/'manual' (``breaks`` as given; with units='sd' they are SD units around the mean
    of ``values``: mean + b * SD, with the recipe's SD: population (ddof 0) or sample (ddof 1)),
    'quantile' (equal counts, linear interpolation),
    'jenks' (Fisher-Jenks natural breaks; exact on up to ``max_sample`` values, else on an evenly
    spaced sample of the sorted values), 'equal_interval', 'sd' (thresholds every ``step`` SD,
    centred on the mean: n = 4, step 1 -> mean - SD, mean, mean + SD).
    """
    vals = np.asarray(values, dtype="float64")
    vals = vals[~np.isnan(vals)]
    infinite = np.isinf(vals)
    if infinite.any():
        raise ComputationError(tr("{n} of the values to classify are infinite ({signs}); class breaks would be "
                                  "meaningless. Check the field for a division by zero or an overflow and set such "
                                  "values to NULL.").format(
            n=int(infinite.sum()), signs=", ".join(sorted({"+inf" if v > 0 else "-inf" for v in vals[infinite]}))))
    if method in ("fixed", "manual"):
        b = np.asarray(breaks, dtype="float64")
        if units == "sd":
            if vals.size == 0:
                raise ComputationError(tr("No values to compute SD-based thresholds from."))
            b = vals.mean() + b * vals.std(ddof=ddof)
        return b
    if n is None or n < 2:
        raise ComputationError(tr("Classification '{m}' needs at least 2 classes.").format(m=method))
    if vals.size == 0:
        raise ComputationError(tr("No values to classify."))
    if method == "quantile":
        return np.asarray(np.quantile(vals, np.arange(1, n) / n))  # an ndarray also for numpy 2.2's annotations
    if method == "equal_interval":
        low, high = vals.min(), vals.max()
        return low + (high - low) * np.arange(1, n) / n
    if method == "sd":
        return vals.mean() + vals.std(ddof=ddof) * step * (np.arange(n - 1) - (n - 2) / 2.0)
    if method == "jenks":
        return jenks_breaks(vals, n, max_sample)
    raise ValueError(method)


def class_edges(values: npt.ArrayLike, breaks: Iterable[float]) -> list[float]:
    """[min, *breaks, max] of the non-NaN ``values`` — n + 1 edges for n ranges."""
    vals = np.asarray(values, dtype="float64")
    vals = vals[~np.isnan(vals)]
    return [float(vals.min())] + [float(b) for b in breaks] + [float(vals.max())]


def assign_classes(values: npt.ArrayLike, breaks: npt.ArrayLike, equal_goes: Union[str, Sequence[str]] = "lower"
                   ) -> np.ndarray:
    """Class number 0..len(breaks) per value; -1 for NaN. ``equal_goes``: 'lower', 'upper' or one per break."""
    x = np.asarray(values, dtype="float64")
    b = np.asarray(breaks, dtype="float64")
    if isinstance(equal_goes, str):
        side: Literal["left", "right"] = "left" if equal_goes == "lower" else "right"
        # np.asarray: numpy 2.2's annotations pick the scalar overload for an array of unknown shape
        cls = np.asarray(np.searchsorted(b, x, side=side))
    else:
        cls = np.zeros(x.shape, dtype=np.int64)
        for threshold, goes in zip(b, equal_goes):
            cls += (x > threshold) if goes == "lower" else (x >= threshold)
    cls = cls.astype(np.int64)
    cls[np.isnan(x)] = -1
    return cls


def jenks_breaks(values: npt.ArrayLike, n: int, max_sample: int = 1500) -> np.ndarray:
    """Fisher-Jenks optimal breaks (minimum within-class sum of squares) by dynamic programming.

    Thresholds are the largest value of each lower class. Fewer distinct values than classes
    gives fewer thresholds (returned as-is) rather than invented ones.
    """
    x = np.sort(np.asarray(values, dtype="float64"))
    x = x[~np.isnan(x)]
    if x.size > max_sample:
        x = x[np.round(np.linspace(0, x.size - 1, max_sample)).astype(np.int64)]
    uniq = np.unique(x)
    if uniq.size <= n:
        return uniq[:-1]
    m = x.size
    # the sums of squares are taken of centred values: with a large common offset (e.g. 1e9 + small
    # differences) the raw sum of x^2 minus (sum x)^2 / n loses every significant digit
    c = x - x[m // 2]
    cs = np.concatenate([[0.0], np.cumsum(c)])
    cs2 = np.concatenate([[0.0], np.cumsum(c * c)])
    starts = np.arange(m + 1)[:, None]  # i: first index of the last class
    ends = np.arange(m + 1)[None, :]    # j: one past its last index
    count = ends - starts
    with np.errstate(divide="ignore", invalid="ignore"):
        seg = (cs2[ends] - cs2[starts]) - (cs[ends] - cs[starts]) ** 2 / count
    seg[count <= 0] = np.inf
    cost = np.full(m + 1, np.inf)
    cost[0] = 0.0
    back = np.zeros((n + 1, m + 1), dtype=np.int64)
    for k in range(1, n + 1):
        total = cost[:, None] + seg
        back[k] = np.argmin(total, axis=0)
        cost = total[back[k], np.arange(m + 1)]
    thresholds: list[float] = []
    j = m
    for k in range(n, 1, -1):
        i = back[k, j]
        thresholds.append(x[i - 1])
        j = i
    return np.array(sorted(thresholds))
