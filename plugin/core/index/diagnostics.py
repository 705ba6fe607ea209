"""Method diagnostics for a recipe applied to a table.

All statistics use the reference districts of the index computation:
- indicator statistics after treatment (before normalisation): n, missing (over all districts, after
  missing-value codes), mean, SD (the recipe's SD kind), min, max, skew (Fisher-Pearson g1, population);
- Pearson correlation matrix of the treated indicators;
- standardised Cronbach's alpha per index from the mean inter-item correlation r of the oriented values:
  k r / (1 + (k - 1) r) (equal to raw alpha of z-scored items, whatever the recipe's normalisation; shown and
  written as "standardised alpha", since raw alpha of min-max or rank values would differ);
- PCA per index on the correlation matrix: explained variance share and loadings (eigenvector *
  sqrt(eigenvalue)), signs chosen so that the loadings of each component sum to a positive value;
- drop-one sensitivity: how many evaluated districts change class when each indicator is dropped.
``to_long_table`` turns it all into one tidy table (section, index, row, column, value) for CSV and GUI.
"""
from typing import Optional

import numpy as np
import pandas as pd

from ..i18n import tr
from ..outputs import atomic
from ..recipe.load import Recipe
from .compute import IndexResult, compute_index, member_matrix

COLUMNS = ["section", "index", "row", "column", "value"]


def _skew(x: np.ndarray) -> float:
    x = x[~np.isnan(x)]
    if x.size < 3:
        return np.nan
    d = x - x.mean()
    m2 = np.mean(d ** 2)
    return float(np.mean(d ** 3) / m2 ** 1.5) if m2 > 0 else np.nan


def indicator_statistics(result: IndexResult, recipe: Recipe) -> pd.DataFrame:
    """One row per indicator (index: indicator id) of statistics of the treated values over the reference
    districts: n, missing, imputed, mean, sd (the recipe's SD kind), min, max, skew."""
    ref = result.reference.to_numpy()
    rows = []
    ddof = recipe.normalisation.ddof
    for ind in recipe.indicators:
        x = result.treated[ind.id].to_numpy()
        r = x[ref]
        rows.append({"indicator": ind.id, "label": ind.label, "n": int(np.sum(~np.isnan(r))),
                     "missing": int(result.summary["indicators"][ind.id]["n_missing"]),
                     "imputed": int(result.summary["indicators"][ind.id]["n_imputed"]),
                     "mean": float(np.nanmean(r)), "sd": float(np.nanstd(r, ddof=ddof)),
                     "min": float(np.nanmin(r)), "max": float(np.nanmax(r)), "skew": _skew(r)})
    return pd.DataFrame(rows).set_index("indicator")


def correlation_matrix(result: IndexResult) -> pd.DataFrame:
    """Pearson correlations of the treated indicators over the reference districts."""
    ref = result.reference.to_numpy()
    return result.treated[ref].corr()


def cronbach_alpha(matrix: np.ndarray) -> float:
    """Alpha of the columns of ``matrix`` (rows = districts); NaN for fewer than two items."""
    k = matrix.shape[1]
    if k < 2:
        return np.nan
    item_var = matrix.var(axis=0, ddof=1).sum()
    total_var = matrix.sum(axis=1).var(ddof=1)
    return float(k / (k - 1) * (1 - item_var / total_var)) if total_var > 0 else np.nan


def standardised_alpha(matrix: np.ndarray) -> float:
    """Standardised Cronbach's alpha k r / (1 + (k - 1) r) of the columns of ``matrix`` (rows = districts),
    r = mean Pearson correlation of the k(k-1)/2 item pairs; NaN for fewer than two items or a constant item."""
    k = matrix.shape[1]
    if k < 2 or matrix.shape[0] < 2:
        return np.nan
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = np.corrcoef(matrix, rowvar=False)
    r = float(corr[np.triu_indices(k, 1)].mean())
    return float(k * r / (1 + (k - 1) * r)) if np.isfinite(r) else np.nan


def pca(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(explained variance shares, loadings array: items x components) of the correlation matrix of
    ``matrix`` columns."""
    corr = np.corrcoef(matrix, rowvar=False)
    corr = np.atleast_2d(corr)
    values, vectors = np.linalg.eigh(corr)
    order = np.argsort(values)[::-1]
    values, vectors = np.clip(values[order], 0, None), vectors[:, order]
    signs = np.where(vectors.sum(axis=0) < 0, -1.0, 1.0)
    loadings = vectors * signs * np.sqrt(values)
    return values / values.sum(), loadings


def drop_one_changes(df: pd.DataFrame, recipe: Recipe, result: IndexResult) -> pd.DataFrame:
    """Per indicator and index: districts (evaluated in both runs) whose class changes without it."""
    rows = []
    for ind in recipe.indicators:
        smaller = recipe.without_indicator(ind.id)
        for spec in recipe.indices:
            if ind.id not in recipe.indicators_of(spec.id) or spec.classification is None:
                continue
            if smaller is None:
                rows.append({"indicator": ind.id, "index": spec.id, "changed": np.nan, "share": np.nan,
                             "note": tr("an index would have no indicator left")})
                continue
            other = compute_index(df, smaller)
            col = spec.id + "_class_no"
            both = result.table["evaluated"].to_numpy() & other.table["evaluated"].to_numpy()
            a = result.table[col].to_numpy(dtype="float64", na_value=np.nan)[both]
            b = other.table[col].to_numpy(dtype="float64", na_value=np.nan)[both]
            changed = int(np.sum(a != b))
            rows.append({"indicator": ind.id, "index": spec.id, "changed": changed,
                         "share": changed / both.sum() if both.sum() else np.nan, "note": ""})
    return pd.DataFrame(rows, columns=["indicator", "index", "changed", "share", "note"])


def compute_diagnostics(df: pd.DataFrame, recipe: Recipe, result: Optional[IndexResult] = None,
                        drop_one: bool = True) -> dict[str, pd.DataFrame]:
    """Dict of DataFrames: indicators, correlation, alpha, pca_variance, pca_loadings, drop_one."""
    if result is None:
        result = compute_index(df, recipe)
    ref = result.reference.to_numpy()
    alpha_rows, var_rows, load_rows = [], [], []
    normalised = {c: result.normalised[c].to_numpy() for c in result.normalised.columns}
    scores = {spec.id: result.table[spec.id + "_score"].to_numpy(dtype=float) for spec in recipe.indices}
    for spec in recipe.indices:
        # the items of an index are its members: indicators and sub-index scores (oriented as aggregated)
        matrix = member_matrix(recipe, spec, normalised, scores)[ref]
        alpha_rows.append({"index": spec.id, "items": len(spec.members), "alpha": standardised_alpha(matrix)})
        if len(spec.members) >= 2:
            shares, loadings = pca(matrix)
            for c, share in enumerate(shares):
                var_rows.append({"index": spec.id, "component": f"PC{c + 1}", "explained": float(share),
                                 "cumulative": float(shares[: c + 1].sum())})
                for i, ind_id in enumerate(spec.members):
                    load_rows.append({"index": spec.id, "indicator": ind_id, "component": f"PC{c + 1}",
                                      "loading": float(loadings[i, c])})
    return {
        "indicators": indicator_statistics(result, recipe),
        "correlation": correlation_matrix(result),
        "alpha": pd.DataFrame(alpha_rows),
        "pca_variance": pd.DataFrame(var_rows, columns=["index", "component", "explained", "cumulative"]),
        "pca_loadings": pd.DataFrame(load_rows, columns=["index", "indicator", "component", "loading"]),
        "drop_one": drop_one_changes(df, recipe, result) if drop_one else pd.DataFrame(),
    }


def to_long_table(diag: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One tidy table (section, index, row, column, value) holding every diagnostic number."""
    parts = []
    stats = diag["indicators"]
    for ind_id, row in stats.iterrows():
        for col in ("n", "missing", "imputed", "mean", "sd", "min", "max", "skew"):
            parts.append(("indicator_stats", "", ind_id, col, row[col]))
    corr = diag["correlation"]
    for a in corr.index:
        for b in corr.columns:
            parts.append(("correlation", "", a, b, corr.loc[a, b]))
    for _i, row in diag["alpha"].iterrows():
        parts.append(("cronbach_alpha", row["index"], "", "standardised_alpha", row["alpha"]))
    for _i, row in diag["pca_variance"].iterrows():
        parts.append(("pca_variance", row["index"], row["component"], "explained", row["explained"]))
        parts.append(("pca_variance", row["index"], row["component"], "cumulative", row["cumulative"]))
    for _i, row in diag["pca_loadings"].iterrows():
        parts.append(("pca_loadings", row["index"], row["indicator"], row["component"], row["loading"]))
    for _i, row in diag["drop_one"].iterrows():
        parts.append(("drop_one_class_changes", row["index"], row["indicator"], "changed", row["changed"]))
        parts.append(("drop_one_class_changes", row["index"], row["indicator"], "share", row["share"]))
    return pd.DataFrame(parts, columns=COLUMNS)


def write_csv(table: pd.DataFrame, path: atomic.StrPath) -> str:
    """Write a DataFrame as UTF-8 CSV (comma-separated); complete or absent (core/atomic.atomic_path)."""
    return atomic.write_csv(table, path, sep=",", encoding="utf-8")
