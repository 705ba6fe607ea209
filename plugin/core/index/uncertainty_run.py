"""``run_uncertainty(df, recipe, draws, seed, sobol_base)``: rank intervals, class shares, Sobol indices.

Monte Carlo: ``draws`` simulated recipes from ``numpy.random.default_rng(seed)`` (reproducible), evaluated
in batches (uncertainty.IndexBatch). Per ranked district: the rank in the recipe itself, the median
rank and the 5 % / 95 % rank percentiles over the draws (linear interpolation), the share of draws in
each class, the modal class (ties: the lower class number) and its share ("class probability").
Sensitivity: a Saltelli design of ``sobol_base`` x (D + 2) simulated recipes (D = number of choices,
seed + 1) and first-order / total Sobol indices (sobol.py) of two outputs: the mean absolute rank shift
against the recipe, and the share of districts whose class differs from the recipe's.
"""
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

import numpy as np
import pandas as pd

from ..i18n import tr
from ..recipe.load import Recipe
from .sobol import saltelli_sample, sobol_indices
from .uncertainty import CHUNK, IndexBatch, draw_settings, n_design_columns, nominal
from .uncertainty_draws import Settings

CERTAIN = 0.8  # class probability below which a district's class counts as uncertain (maps, reports)


class CancelledError(Exception):
    """The user cancelled the run."""


@dataclass
class UncertaintyResult:
    """table: output fields aligned to the input rows (NaN/NA for districts not ranked); fields:
    [(name, alias, kind)]; sobol: one row per choice (choice, S1/ST with confidence half-widths for the
    rank shift, S1/ST for class changes); summary: counts and settings."""

    table: pd.DataFrame
    fields: list[tuple[str, str, str]]
    sobol: pd.DataFrame
    summary: dict[str, Any] = field(default_factory=dict)


def field_specs(index_id: str, label: str, class_labels: list[str]) -> list[tuple[str, str, str]]:
    """[(name, alias, kind)] of the uncertainty output fields of one index."""
    p = index_id
    specs = [(f"{p}_rank", tr("{label}: rank in the recipe (1 = most disadvantaged)").format(label=label), "double"),
             (f"{p}_rank_med", tr("{label}: median rank over the simulated recipes").format(label=label), "double"),
             (f"{p}_rank_p05", tr("{label}: rank, 5th percentile").format(label=label), "double"),
             (f"{p}_rank_p95", tr("{label}: rank, 95th percentile").format(label=label), "double"),
             (f"{p}_class_nom", tr("{label}: class number in the recipe").format(label=label), "int"),
             (f"{p}_class_mode", tr("{label}: most frequent class number").format(label=label), "int"),
             (f"{p}_class_prob", tr("{label}: share of draws in the most frequent class").format(label=label),
              "double")]
    for k, name in enumerate(class_labels, start=1):
        specs.append((f"{p}_p_{k}", tr("{label}: share of draws in class {k} ({name})").format(
            label=label, k=k, name=name), "double"))
    return specs


def _chunks(total: int, size: int = CHUNK) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(total, start + size)


def _subset(s: Settings, start: int, stop: int) -> Settings:
    return Settings(**{k: getattr(s, k)[start:stop] for k in s.__dataclass_fields__})


def run_uncertainty(df: pd.DataFrame, recipe: Recipe, draws: int = 1000, seed: int = 1, sobol_base: int = 0,
                    progress: Optional[Callable[[float], object]] = None,
                    is_canceled: Optional[Callable[[], bool]] = None) -> UncertaintyResult:
    """See the module docstring. ``progress(fraction)`` and ``is_canceled()`` are optional callbacks;
    a cancel raises CancelledError. Raises ComputationError/RecipeError for unusable recipes or data."""
    batch = IndexBatch(df, recipe)
    spec = batch.spec
    assert spec.classification is not None  # UncertaintySpec refuses an analysed index without classification
    labels = list(spec.classification.labels)
    n_classes = len(labels)
    rank0, class0 = nominal(batch)
    n_ranked = rank0.size
    sobol_runs = sobol_base * (len(batch.factors) + 2)
    total_runs = max(draws + sobol_runs, 1)

    def step(done: int) -> None:
        if is_canceled is not None and is_canceled():
            raise CancelledError()
        if progress is not None:
            progress(done / total_runs)

    design = np.random.default_rng(seed).random((draws, n_design_columns(batch)))
    settings = draw_settings(batch, design)
    ranks = np.empty((draws, n_ranked))
    counts = np.zeros((n_ranked, n_classes), dtype=np.int64)
    for start, stop in _chunks(draws):
        r, c = batch.evaluate(_subset(settings, start, stop))
        ranks[start:stop] = r
        for k in range(n_classes):
            counts[:, k] += np.count_nonzero(c == k, axis=0)
        step(stop)
    sobol = _sensitivity(batch, sobol_base, seed, rank0, class0, lambda done: step(draws + done))

    shares = counts / max(draws, 1)
    mode = np.argmax(shares, axis=1)
    prob = shares[np.arange(n_ranked), mode]
    # one partial sort for all three; the 50th percentile (linear interpolation) is the median
    p05, med, p95 = (np.percentile(ranks, [5, 50, 95], axis=0) if draws else np.full((3, n_ranked), np.nan))
    specs = field_specs(spec.id, spec.label or spec.id, labels)
    rows = batch.ranked_rows
    n = len(df)

    def column(values: np.ndarray, kind: str) -> Any:
        if kind == "int":
            out = pd.array([pd.NA] * n, dtype="Int64")
            out[rows] = values.astype(np.int64)
            return out
        out = np.full(n, np.nan)
        out[rows] = values
        return out

    values = [rank0, med, p05, p95, class0 + 1, mode + 1, prob] + [shares[:, k] for k in range(n_classes)]
    table = pd.DataFrame({name: column(np.asarray(v), kind) for (name, _a, kind), v in zip(specs, values)},
                         index=df.index)
    summary = {"index": spec.id, "draws": draws, "seed": seed, "sobol_base": sobol_base, "sobol_runs": sobol_runs,
               "n_ranked": int(n_ranked), "n_uncertain": int(np.sum(prob < CERTAIN)) if draws else 0,
               "n_changed_mode": int(np.sum(mode != class0)) if draws else 0,
               "choices": [f.name for f in batch.factors],
               "median_interval_width": float(np.median(p95 - p05)) if draws else float("nan")}
    return UncertaintyResult(table=table, fields=specs, sobol=sobol, summary=summary)


def saltelli_outputs(batch: IndexBatch, sobol_base: int, seed: int, rank0: np.ndarray, class0: np.ndarray,
                     step: Optional[Callable[[int], object]] = None
                     ) -> tuple[list[list[int]], np.ndarray, np.ndarray]:
    """(groups, shift, changed) over a Saltelli design of ``sobol_base`` base rows (seed + 1): the design
    columns of each choice, and per simulated recipe the mean absolute rank shift against the recipe and the
    share of districts whose class differs from the recipe's."""
    groups, col = [], 0
    for f in batch.factors:
        groups.append(list(range(col, col + f.n_cols)))
        col += f.n_cols
    design = saltelli_sample(sobol_base, groups, np.random.default_rng(seed + 1))
    settings = draw_settings(batch, design)
    shift = np.empty(design.shape[0])
    changed = np.empty(design.shape[0])
    for start, stop in _chunks(design.shape[0]):
        r, c = batch.evaluate(_subset(settings, start, stop))
        shift[start:stop] = np.mean(np.abs(r - rank0[None, :]), axis=1)
        changed[start:stop] = np.mean(c != class0[None, :], axis=1)
        if step is not None:
            step(stop)
    return groups, shift, changed


def _sensitivity(batch: IndexBatch, sobol_base: int, seed: int, rank0: np.ndarray, class0: np.ndarray,
                 step: Callable[[int], object]) -> pd.DataFrame:
    """Sobol indices (one row per choice) from a Saltelli design; an empty table when sobol_base is 0."""
    columns = ["choice", "S1", "S1_conf", "ST", "ST_conf", "S1_class", "ST_class"]
    if sobol_base <= 0:
        return pd.DataFrame(columns=columns)
    groups, shift, changed = saltelli_outputs(batch, sobol_base, seed, rank0, class0, step)
    by_rank = sobol_indices(shift, len(groups), seed=seed)
    by_class = sobol_indices(changed, len(groups), seed=seed)
    return pd.DataFrame({"choice": [f.name for f in batch.factors], "S1": by_rank["S1"],
                         "S1_conf": by_rank["S1_conf"], "ST": by_rank["ST"], "ST_conf": by_rank["ST_conf"],
                         "S1_class": by_class["S1"], "ST_class": by_class["ST"]}, columns=columns)
