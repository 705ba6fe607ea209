"""Turn uniform random numbers into simulated recipes: one factor per uncertain choice of a recipe.

A factor owns one or more columns of a uniform [0, 1) design (Monte Carlo draws or a Saltelli design)
and decodes them into per-draw settings: the level of a discrete choice (alternatives equally likely),
a weight drawn uniformly from its range, or a weight vector from a Dirichlet around the recipe's
weight shares (gamma quantiles by the Wilson-Hilferty approximation, so that every draw is a function of
its uniform numbers, as variance-based sensitivity needs). Settings index treatment variants and
normalisations as position 0 = the recipe itself, 1.. = the listed alternatives.
"""
from dataclasses import dataclass
from typing import Optional

import numpy as np

from ..i18n import tr
from ..recipe.uncertainty import UncertaintySpec

# Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9)
_A = (-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02, 1.383577518672690e02,
      -3.066479806614716e01, 2.506628277459239e00)
_B = (-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02, 6.680131188771972e01,
      -1.328068155288572e01)
_C = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00, -2.549732539343734e00,
      4.374664141464968e00, 2.938163982698783e00)
_D = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)


def normal_quantile(u: np.ndarray) -> np.ndarray:
    """Standard normal quantile of probabilities ``u`` in (0, 1), element-wise (numpy only)."""
    u = np.clip(np.asarray(u, dtype="float64"), 1e-12, 1 - 1e-12)
    out = np.empty_like(u)
    low, high = u < 0.02425, u > 1 - 0.02425
    mid = ~(low | high)
    q = u[mid] - 0.5
    r = q * q
    num = (((((_A[0] * r + _A[1]) * r + _A[2]) * r + _A[3]) * r + _A[4]) * r + _A[5]) * q
    den = ((((_B[0] * r + _B[1]) * r + _B[2]) * r + _B[3]) * r + _B[4]) * r + 1
    out[mid] = num / den
    for mask, sign in ((low, 1.0), (high, -1.0)):
        p = u[mask] if sign > 0 else 1 - u[mask]
        t = np.sqrt(-2 * np.log(p))
        num = ((((_C[0] * t + _C[1]) * t + _C[2]) * t + _C[3]) * t + _C[4]) * t + _C[5]
        den = (((_D[0] * t + _D[1]) * t + _D[2]) * t + _D[3]) * t + 1
        out[mask] = sign * num / den
    return out


def gamma_quantile(u: np.ndarray, shape: np.ndarray) -> np.ndarray:
    """Wilson-Hilferty approximation of the Gamma(shape, 1) quantile (good for shape >= 1)."""
    z = normal_quantile(u)
    h = 1.0 / (9.0 * shape)
    return np.maximum(shape * (1.0 - h + z * np.sqrt(h)) ** 3, 1e-12 * shape)


def levels(u: np.ndarray, n: int) -> np.ndarray:
    """Level 0..n-1 of uniform numbers ``u`` (equal probabilities)."""
    return np.minimum((np.asarray(u) * n).astype(np.int64), n - 1)


@dataclass
class Factor:
    """One uncertain choice: ``key`` (setting it decodes), display ``name``, number of design columns."""

    key: str
    name: str
    n_cols: int
    n_levels: int = 0      # discrete choice: alternatives 1..n_levels (0 is the recipe)
    low: Optional[np.ndarray] = None  # weight ranges / Dirichlet: per-indicator positions and bounds
    high: Optional[np.ndarray] = None
    positions: Optional[np.ndarray] = None


@dataclass
class Settings:
    """Per-draw settings (arrays of length B); weights has shape (B, k indicators of the index)."""

    impute: np.ndarray
    winsorise: np.ndarray
    reference: np.ndarray
    normalisation: np.ndarray
    geometric: np.ndarray
    weights: np.ndarray
    drop: np.ndarray  # indicator position dropped, -1 for none


def build_factors(unc: UncertaintySpec, indicator_ids: list[str], base_weights: np.ndarray) -> list[Factor]:
    """The factors of an UncertaintySpec for the analysed index (indicator ids and recipe weights)."""
    factors = []
    names = {"normalisation": tr("Normalisation"), "aggregation": tr("Aggregation"), "impute": tr("Imputation"),
             "winsorise": tr("Winsorising"), "reference": tr("Reference districts")}
    for key in ("normalisation", "aggregation", "impute", "winsorise", "reference"):
        alternatives = getattr(unc, key)
        if alternatives:
            factors.append(Factor(key, names[key], 1, n_levels=len(alternatives)))
    for ind_id, (low, high) in unc.weight_ranges.items():
        factors.append(Factor("weight_range", tr("Weight {id}").format(id=ind_id), 1, low=np.array([low]),
                              high=np.array([high]), positions=np.array([indicator_ids.index(ind_id)])))
    if unc.weight_dirichlet is not None:
        shares = np.asarray(base_weights, dtype="float64") / np.sum(base_weights)
        factors.append(Factor("dirichlet", tr("Weights (Dirichlet)"), len(indicator_ids),
                              low=unc.weight_dirichlet * shares, positions=np.arange(len(indicator_ids))))
    if unc.drop_indicator:
        factors.append(Factor("drop", tr("Dropping one indicator"), 1, n_levels=len(indicator_ids)))
    return factors


def nominal_settings(n: int, k: int, base_weights: np.ndarray, geometric_nominal: bool) -> Settings:
    """``n`` draws that all equal the recipe itself."""
    zeros = np.zeros(n, dtype=np.int64)
    return Settings(impute=zeros, winsorise=zeros.copy(), reference=zeros.copy(), normalisation=zeros.copy(),
                    geometric=np.full(n, geometric_nominal), weights=np.tile(np.asarray(base_weights, float), (n, 1)),
                    drop=np.full(n, -1, dtype=np.int64))


def decode(design: np.ndarray, factors: list[Factor], base_weights: np.ndarray, geometric_nominal: bool,
           aggregation_alternatives: list[str]) -> Settings:
    """Settings for each row of the uniform ``design`` (columns in factor order)."""
    n = design.shape[0]
    s = nominal_settings(n, len(base_weights), base_weights, geometric_nominal)
    col = 0
    for f in factors:
        u = design[:, col:col + f.n_cols]
        col += f.n_cols
        if f.key in ("impute", "winsorise", "reference", "normalisation"):
            setattr(s, f.key, levels(u[:, 0], f.n_levels) + 1)
        elif f.key == "aggregation":
            s.geometric = np.asarray(aggregation_alternatives)[levels(u[:, 0], f.n_levels)] == "geometric"
        elif f.key == "weight_range":
            # build_factors gives every weight_range factor its bounds and position, every dirichlet its low
            assert f.low is not None and f.high is not None and f.positions is not None
            s.weights[:, f.positions[0]] = f.low[0] + u[:, 0] * (f.high[0] - f.low[0])
        elif f.key == "dirichlet":
            assert f.low is not None
            g = gamma_quantile(u, f.low[None, :])
            s.weights = g / g.sum(axis=1, keepdims=True) * float(np.sum(base_weights))
        elif f.key == "drop":
            s.drop = levels(u[:, 0], f.n_levels)
    return s
