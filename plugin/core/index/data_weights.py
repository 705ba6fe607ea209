"""Data-driven indicator weights, written back into the recipe with their provenance.

``pca_first_component`` (as in the German handbooks and the RKI's GISD): per domain, a principal component
analysis of the correlation matrix of its indicators over the reference districts (the oriented, normalised
values the index aggregates); the loadings of the first component are squared and normalised to sum 1.
Because the eigenvector v of the first component has unit length and loading_i = v_i * sqrt(lambda), the
normalised squared loadings are v_i^2. ``equal_within_domain``: 1 / (number of indicators) in each domain.

A domain is the set of an index's own indicators that share a ``group`` (``by_group``), or all its own
indicators. The domain keeps its total weight: new w_i = (sum of the old weights in the domain) * share_i, so
the balance between domains (and the scale of a ``sum``) stays as the recipe set it. Sub-index weights are
not touched. The shares go into the index's ``weights``; ``weights_from`` records method, data, date, n,
the first-component loadings and its explained variance share, so a rerun is reproducible. With two
indicators a domain always gets equal PCA weights (the first eigenvector of a 2 x 2 correlation matrix is
(1, 1) / sqrt 2 for any correlation above 0).
"""
import datetime

import numpy as np
import pandas as pd

from ..errors import ComputationError
from ..i18n import tr
from ..recipe.indices import IndexSpec
from ..recipe.load import Recipe
from .compute import compute_index
from .diagnostics import pca

METHODS = ("pca_first_component", "equal_within_domain")


def domains_of(recipe: Recipe, spec: IndexSpec, by_group: bool = True) -> dict[str, list[str]]:
    """{domain name: [indicator ids]} of the index ``spec``'s own indicators, in recipe order."""
    out: dict[str, list[str]] = {}
    for ind_id in spec.indicators:
        name = recipe.indicator(ind_id).group if by_group else spec.id
        out.setdefault(name or spec.id, []).append(ind_id)
    return out


def first_component_shares(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """(shares v_i^2 summing to 1, loadings of the first component, its explained variance share) of the
    columns of ``matrix`` (rows = reference districts, no NaN)."""
    shares, loadings = pca(matrix)
    first = loadings[:, 0]
    squared: np.ndarray = first ** 2
    return squared / squared.sum(), first, float(shares[0])


def derive_weights(df: pd.DataFrame, recipe: Recipe, method: str = "pca_first_component", by_group: bool = True,
                   data: str = "", date: str = "") -> tuple[Recipe, pd.DataFrame]:
    """A copy of ``recipe`` whose indices carry data-driven ``weights`` and ``weights_from``, and a report
    DataFrame (index, domain, indicator, old weight, new weight, loading, explained).

    The reference districts and normalised values are those of ``compute_index(df, recipe)``. Raises
    ComputationError when a domain's correlation matrix is undefined (fewer than 3 reference districts).
    """
    if method not in METHODS:
        raise ValueError(method)
    result = compute_index(df, recipe)
    ref = result.reference.to_numpy()
    n = int(ref.sum())
    if method == "pca_first_component" and n < 3:
        raise ComputationError(tr("Only {n} reference districts: a principal component analysis needs at least "
                                  "3.").format(n=n))
    date = date or datetime.date.today().isoformat()
    new = Recipe.from_dict(recipe.to_dict(), recipe.source_path)
    by_id = {ind.id: ind for ind in recipe.indicators}
    rows = []
    for spec in new.indices:
        old = dict(zip(spec.members, spec.member_weights(by_id)))
        weights = {m: w for m, w in old.items() if m in spec.sub_indices}
        loadings, explained = {}, {}
        for domain, ids in domains_of(new, spec, by_group).items():
            total = sum(old[i] for i in ids)
            if method == "equal_within_domain" or len(ids) == 1:
                shares, first, share = np.full(len(ids), 1.0 / len(ids)), np.full(len(ids), np.nan), np.nan
            else:
                matrix = result.normalised.loc[ref, ids].to_numpy()
                shares, first, share = first_component_shares(matrix)
                loadings.update({i: round(float(v), 6) for i, v in zip(ids, first)})
                explained[domain] = round(share, 6)
            for i, s, load in zip(ids, shares, first):
                weights[i] = float(total * s)
                rows.append({"index": spec.id, "domain": domain, "indicator": i, "old_weight": old[i],
                             "new_weight": weights[i], "loading": load, "explained": share})
        spec.weights = weights
        provenance = {"method": method, "data": data, "date": date, "n": n}
        if loadings:
            provenance.update(loadings=loadings, explained=explained)
        spec.weights_from = provenance
    # re-read, so the new weights pass every check a hand-written recipe passes
    return Recipe.from_dict(new.to_dict(), recipe.source_path), pd.DataFrame(rows)
