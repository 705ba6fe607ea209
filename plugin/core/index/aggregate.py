"""Combine normalised indicator columns into one composite value per district.

``matrix`` is an (n districts x k indicators) float array; a district with any NaN gets NaN.
sum = sum(w_i * v_i) (MSS: Statussumme, all w = 1); mean = unweighted mean; weighted_mean =
sum(w_i v_i) / sum(w_i); geometric_mean = exp(sum(w_i ln v_i) / sum(w_i)), defined for v > 0 only
(use min-max normalisation with a range such as [1, 100]); indicators of weight 0 are left out.
"""
from typing import Union

import numpy as np

from ..errors import ComputationError
from ..i18n import tr


def aggregate(matrix: np.ndarray, weights: Union[np.ndarray, list[float]], method: str,
              what: str = "index") -> np.ndarray:
    """Composite value per row of ``matrix`` (n districts x k indicators) by ``method`` (see the module
    docstring); ``what`` names the index in messages."""
    matrix = np.asarray(matrix, dtype="float64")
    w = np.asarray(weights, dtype="float64")
    if method == "sum":
        return matrix @ w
    if method == "mean":
        return matrix.mean(axis=1)
    if method == "weighted_mean":
        return (matrix @ w) / w.sum()
    if method == "geometric_mean":
        # an indicator of weight 0 does not enter the product, so its values need not be positive
        used = w > 0
        matrix, w = matrix[:, used], w[used]
        bad = ~np.isnan(matrix) & (matrix <= 0)
        if bad.any():
            raise ComputationError(tr("{what}: the geometric mean needs normalised values above 0, but {n} are not. "
                                      "Use min-max normalisation with a range such as [1, 100].").format(
                                          what=what, n=int(bad.sum())))
        with np.errstate(invalid="ignore"):
            return np.exp((np.log(matrix) @ w) / w.sum())
    raise ValueError(method)
