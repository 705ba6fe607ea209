"""One run of the spatial autocorrelation analysis: missing values, islands, statistics, cluster codes.

``analyse`` takes the values of all features (NaN = missing) and their neighbour weights, drops
the missing ones (reported), computes global Moran's I, local Moran (LISA) and Getis-Ord Gi*
(core.autocorrelation) on the rest and returns one row per feature with stable codes:

- ``lisa_cluster``: HH high-high, LL low-low, HL high-low, LH low-high (significant at alpha),
  ns not significant, island (no neighbour among the analysed features), missing (no value);
- ``gi_class``: hot, cold (Gi* z > 0 / < 0, significant at alpha), ns, island, missing.

Significance: p <= alpha, or with ``fdr`` the Benjamini-Hochberg adjusted p <= alpha (over the
analysed non-island features). Colours are the conventional cluster-map colours (GeoDa):
red / blue for high-high / low-low, light red / light blue for the outliers, grey = not significant.
"""
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..errors import ComputationError
from ..i18n import tr, tr_noop
from .autocorrelation import (
    DEFAULT_SEED,
    PERMUTATIONS,
    IsCanceled,
    Progress,
    benjamini_hochberg,
    getis_ord_gi_star,
    moran_global,
    moran_local,
)
from .weights import SpatialWeights

QUADRANT_CODES = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}

#: code -> (legend label, fill colour); order = legend order
LISA_CLASSES = {
    "HH": (tr_noop("High-High"), "#d7191c"),
    "LL": (tr_noop("Low-Low"), "#2c7bb6"),
    "HL": (tr_noop("High-Low"), "#fdae9b"),
    "LH": (tr_noop("Low-High"), "#abd9e9"),
    "ns": (tr_noop("not significant"), "#d9d9d9"),
    "island": (tr_noop("no neighbours"), "#ffffff"),
    "missing": (tr_noop("no data"), None),  # hatched like core.palettes.NO_DATA
}
GI_CLASSES = {
    "hot": (tr_noop("Hot spot"), "#d7191c"),
    "cold": (tr_noop("Cold spot"), "#2c7bb6"),
    "ns": (tr_noop("not significant"), "#d9d9d9"),
    "island": (tr_noop("no neighbours"), "#ffffff"),
    "missing": (tr_noop("no data"), None),
}

METHODS = ["queen", "rook", "knn"]


@dataclass
class AutocorrelationResult:
    """``table``: one row per input feature (same order); ``global_moran``: dict from moran_global."""

    table: pd.DataFrame
    global_moran: dict
    islands: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    n_analysed: int = 0
    fdr: bool = False


def field_specs(fdr: bool = False) -> list[tuple[str, str, str]]:
    """(name, alias, kind) of the output fields, kinds as in plugin.gis.layer_io.FIELD_TYPES."""
    specs = [
        ("lisa_i", tr("Local Moran's I"), "double"),
        ("lisa_z", tr("Local Moran: z from permutations"), "double"),
        ("lisa_p", tr("Local Moran: pseudo p-value"), "double"),
        ("lisa_q", tr("Local Moran: quadrant (1 HH, 2 LH, 3 LL, 4 HL)"), "int"),
        ("lisa_cluster", tr("Local Moran: cluster"), "string"),
        ("gi_z", tr("Getis-Ord Gi*: z-score"), "double"),
        ("gi_p", tr("Getis-Ord Gi*: p-value (two-sided)"), "double"),
        ("gi_class", tr("Getis-Ord Gi*: hot/cold spot"), "string"),
    ]
    if fdr:
        specs.insert(3, ("lisa_p_fdr", tr("Local Moran: p-value, FDR-adjusted (Benjamini-Hochberg)"), "double"))
        specs.insert(8, ("gi_p_fdr", tr("Getis-Ord Gi*: p-value, FDR-adjusted (Benjamini-Hochberg)"), "double"))
    return specs


def lisa_codes(quadrant: np.ndarray, p: np.ndarray, alpha: float) -> np.ndarray:
    """HH/LH/LL/HL where p <= alpha, else ns; NaN quadrant (island) -> island."""
    codes = np.full(len(quadrant), "ns", dtype=object)
    for q, code in QUADRANT_CODES.items():
        codes[(quadrant == q) & (p <= alpha)] = code
    codes[np.isnan(quadrant)] = "island"
    return codes


def gi_codes(z: np.ndarray, p: np.ndarray, alpha: float) -> np.ndarray:
    """hot (z > 0) / cold (z < 0) where p <= alpha, else ns; NaN z (island) -> island."""
    codes = np.full(len(z), "ns", dtype=object)
    significant = p <= alpha
    codes[significant & (z > 0)] = "hot"
    codes[significant & (z < 0)] = "cold"
    codes[np.isnan(z)] = "island"
    return codes


def analyse(values: npt.ArrayLike, weights: SpatialWeights, row_standardise: bool = True,
            permutations: int = PERMUTATIONS, seed: int = DEFAULT_SEED, alpha: float = 0.05, fdr: bool = False,
            progress: Progress = None, is_canceled: IsCanceled = None) -> "AutocorrelationResult":
    """Run the whole analysis for ``values`` (array, NaN = missing) on ``weights`` (binary neighbours).

    Missing values are dropped before the weights are transformed (their links disappear, which
    can create islands). Islands stay in the global statistic (they count in n, mean and
    variance, as in esda) but get no local statistic. Raises ComputationError when fewer than
    three values remain, when no analysed feature has a neighbour, or when the values are constant.
    """
    all_values = np.asarray(values, dtype=float)
    n_all = len(all_values)
    keep = np.isfinite(all_values)
    missing = [ident for ident, k in zip(weights.ids, keep) if not k]
    y = all_values[keep]
    if len(y) < 3:
        raise ComputationError(tr("Only {n} features have a value; spatial autocorrelation needs at least 3.").format(
            n=len(y)))
    if np.ptp(y) == 0:
        raise ComputationError(tr("All {n} analysed values are equal ({v}); there is nothing to correlate.").format(
            n=len(y), v=y[0]))
    w = weights.subset(keep).transformed(row_standardise)
    if w.s0 == 0:
        raise ComputationError(tr("None of the {n} analysed features has a neighbour. Check the neighbourhood "
                                  "(method, k, tolerance) and the layer's geometry.").format(n=len(y)))
    islands = [w.ids[i] for i in w.islands]

    def stage(lo: float, hi: float) -> Optional[Callable[[float], object]]:
        if progress is None:
            return None
        report = progress
        return lambda f: report(lo + (hi - lo) * f)

    global_moran = moran_global(y, w, permutations, seed, stage(0.0, 0.3), is_canceled)
    local = moran_local(y, w, permutations, seed, stage(0.3, 0.95), is_canceled)
    gi = getis_ord_gi_star(y, w)

    lisa_p_adj = benjamini_hochberg(local["p_sim"]) if fdr else local["p_sim"]
    gi_p_adj = benjamini_hochberg(gi["p"]) if fdr else gi["p"]
    columns = {
        "lisa_i": local["Is"], "lisa_z": local["z_sim"], "lisa_p": local["p_sim"], "lisa_q": local["q"],
        "lisa_cluster": lisa_codes(local["q"], lisa_p_adj, alpha),
        "gi_z": gi["z"], "gi_p": gi["p"], "gi_class": gi_codes(gi["z"], gi_p_adj, alpha),
    }
    if fdr:
        columns["lisa_p_fdr"] = lisa_p_adj
        columns["gi_p_fdr"] = gi_p_adj
    table = pd.DataFrame(index=pd.RangeIndex(n_all))
    for name, column in columns.items():
        full = np.full(n_all, "missing" if column.dtype == object else np.nan, dtype=column.dtype)
        full[keep] = column
        table[name] = full
    if progress is not None:
        progress(1.0)
    return AutocorrelationResult(table=table[[name for name, _a, _k in field_specs(fdr)]],
                                 global_moran=global_moran, islands=islands, missing=missing,
                                 n_analysed=len(y), fdr=fdr)


def class_counts(codes: Iterable[str], classes: Iterable[str]) -> dict[str, int]:
    """{code: count} in legend order, including zero counts."""
    counts = pd.Series(codes).value_counts()
    return {code: int(counts.get(code, 0)) for code in classes}
