"""Variance-based sensitivity: Saltelli sampling and first-order / total Sobol indices (numpy only).

The sample layout and the estimators are those of SALib (``SALib.sample.sobol`` / ``SALib.analyze.sobol``
with ``calc_second_order=False``), so results can be checked against it on the same sample:
for each base row j the block A_j, AB_j^(1) .. AB_j^(D), B_j (D + 2 rows; AB^(g) is A with the columns of
group g taken from B). The output is centred and scaled by its SD; S1 is the Saltelli et al. (2010)
estimator mean(f(B) (f(AB) - f(A))) / Var, ST the Jansen estimator mean((f(A) - f(AB))^2) / 2 / Var,
Var the population variance of f over A and B. Confidence half-widths: z * SD of the estimates over
``num_resamples`` bootstrap resamples of the base rows (drawn like SALib: ``default_rng(seed).integers``).
"""
from statistics import NormalDist

import numpy as np


def saltelli_sample(n_base: int, groups: list, rng: np.random.Generator) -> np.ndarray:
    """Uniform [0, 1) design of n_base * (D + 2) rows in SALib's layout. ``groups``: D lists of column
    numbers (every column in exactly one group); a group's columns are swapped together."""
    n_cols = sum(len(g) for g in groups)
    a = rng.random((n_base, n_cols))
    b = rng.random((n_base, n_cols))
    d = len(groups)
    out = np.empty((n_base, d + 2, n_cols))
    out[:, 0] = a
    for k, cols in enumerate(groups):
        out[:, k + 1] = a
        out[:, k + 1, cols] = b[:, cols]
    out[:, d + 1] = b
    return out.reshape(n_base * (d + 2), n_cols)


def split_outputs(y: np.ndarray, n_groups: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(A, B, AB) output blocks of a Saltelli design: A, B of length N, AB of shape (N, D)."""
    y = np.asarray(y, dtype="float64")
    step = n_groups + 2
    if y.ndim != 1 or y.size % step:
        raise ValueError("outputs do not match a Saltelli design with %d groups" % n_groups)
    block = y.reshape(-1, step)
    return block[:, 0], block[:, -1], block[:, 1:-1]


def _first_order(a: np.ndarray, ab: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.mean(b * (ab - a), axis=0) / np.var(np.r_[a, b], axis=0)


def _total_order(a: np.ndarray, ab: np.ndarray, b: np.ndarray) -> np.ndarray:
    return 0.5 * np.mean((a - ab) ** 2, axis=0) / np.var(np.r_[a, b], axis=0)


def sobol_indices(y: np.ndarray, n_groups: int, num_resamples: int = 100, conf_level: float = 0.95,
                  seed: int = 1) -> dict[str, np.ndarray]:
    """First-order and total Sobol indices of the outputs ``y`` of a Saltelli design (see module docstring).

    Returns {"S1", "S1_conf", "ST", "ST_conf"} as arrays of length ``n_groups``. A constant output has no
    variance to apportion: every index is then 0 (as in SALib)."""
    y = np.asarray(y, dtype="float64")
    zero = np.zeros(n_groups)
    if y.size == 0 or np.ptp(y) == 0:
        split_outputs(y, n_groups)
        return {"S1": zero, "S1_conf": zero.copy(), "ST": zero.copy(), "ST_conf": zero.copy()}
    y = (y - y.mean()) / y.std()
    a, b, ab = split_outputs(y, n_groups)
    n = a.size
    r = np.random.default_rng(seed).integers(n, size=(n, num_resamples))
    z = NormalDist().inv_cdf(0.5 + conf_level / 2)
    s1, st, s1c, stc = zero.copy(), zero.copy(), zero.copy(), zero.copy()
    varies = np.ptp(np.r_[a[r], b[r]]) != 0
    for j in range(n_groups):
        s1[j] = _first_order(a, ab[:, j], b)
        st[j] = _total_order(a, ab[:, j], b)
        if varies:
            s1c[j] = z * _first_order(a[r], ab[r, j], b[r]).std(ddof=1)
            stc[j] = z * _total_order(a[r], ab[r, j], b[r]).std(ddof=1)
    return {"S1": s1, "S1_conf": s1c, "ST": st, "ST_conf": stc}
