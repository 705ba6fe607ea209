"""The summary of one index run, as shown in the panel and written by compute_index (OUTPUT_SUMMARY, JSON):
class counts per index, a histogram of the first index's score coloured by class, Cronbach's alpha and
the per-indicator diagnostics table.

Pure pandas/numpy; every number here comes from the IndexResult and the diagnostics long table of the run.
"""
import json
import math
from typing import TYPE_CHECKING, Any, Optional

import numpy as np
import pandas as pd

from ..i18n import tr, tr_noop
from ..outputs.atomic import StrPath, atomic_path

if TYPE_CHECKING:
    from ..recipe.load import Recipe

HISTOGRAM_BINS = 24
NO_CLASS_COLOUR = "#8c8c8c"
STAT_COLUMNS = ["n", "missing", "mean", "sd", "min", "max"]
# header words of the diagnostics table (the CSV keeps the column names above)
STAT_HEADERS = {"n": tr_noop("n"), "missing": tr_noop("missing"), "mean": tr_noop("mean"), "sd": tr_noop("SD"),
                "min": tr_noop("min"), "max": tr_noop("max")}


def class_counts(table: pd.DataFrame, recipe: "Recipe") -> list[tuple[str, str, int]]:
    """[(index label, class label, districts)] for every classified index, in the recipe's class order."""
    counts = []
    for spec in recipe.indices:
        column = spec.id + "_class"
        if spec.classification is None or column not in table:
            continue
        values = table[column].dropna().astype(str)
        for label in spec.classification.labels:
            counts.append((spec.label or spec.id, label, int((values == label).sum())))
    return counts


def score_histogram(table: pd.DataFrame, recipe: "Recipe", bins: int = HISTOGRAM_BINS
                    ) -> tuple[list[float], list[int], list[str]]:
    """(edges, counts, colours) of the first index's score over the evaluated districts; each bin takes the
    colour of the class most of its districts have (grey without classes)."""
    first = recipe.indices[0]
    evaluated = table["evaluated"].fillna(0).astype(bool) if "evaluated" in table else pd.Series(True, table.index)
    scores = table.get(first.id + "_score", pd.Series(dtype=float)).astype(float)[evaluated].dropna()
    if not len(scores):
        return [], [], []
    bin_counts, edges = np.histogram(scores, bins=bins)
    colours: list[str] = []
    if first.classification is not None and first.classification.colours and first.id + "_class" in table:
        classes = table[first.id + "_class"][evaluated].reindex(scores.index).astype(str)
        which = np.clip(np.digitize(scores, edges[1:-1]), 0, bins - 1)
        colour_of = dict(zip(first.classification.labels, first.classification.colours))
        for b in range(bins):
            in_bin = classes[which == b]
            colours.append(colour_of.get(in_bin.mode().iat[0], NO_CLASS_COLOUR) if len(in_bin) else NO_CLASS_COLOUR)
    return edges.tolist(), bin_counts.tolist(), colours


def diagnostics_table(long_table: pd.DataFrame, labels: Optional[dict[str, str]] = None) -> pd.DataFrame:
    """One row per indicator: statistics over the reference districts and class changes when it is dropped.

    ``long_table``: the diagnostics long table (diagnostics.to_long_table); ``labels``: {index id: label}
    for the column names (the CSV names the indices by id)."""
    labels = labels or {}
    stats = long_table[long_table["section"] == "indicator_stats"]
    wide = stats.pivot_table(index="row", columns="column", values="value", aggfunc="first")
    # indicators in the recipe's order (as in the CSV), not sorted by name
    wide = wide.reindex(index=pd.unique(stats["row"]), columns=[c for c in STAT_COLUMNS if c in wide.columns])
    wide.columns = [tr(STAT_HEADERS[c]) for c in wide.columns]
    drop = long_table[(long_table["section"] == "drop_one_class_changes") & (long_table["column"] == "changed")]
    for index_id, part in drop.groupby("index"):
        wide[tr("class changes without it ({index})").format(index=labels.get(str(index_id), index_id))] = \
            part.set_index("row")["value"]
    wide.index.name = tr("indicator")
    return wide.reset_index()


def cronbach_alphas(long_table: pd.DataFrame, labels: dict[str, str]) -> dict[str, float]:
    """{index label: standardised Cronbach's alpha} in the order of the diagnostics table."""
    rows = long_table[long_table["section"] == "cronbach_alpha"]
    return {labels.get(str(index_id), str(index_id)): float(value)
            for index_id, value in zip(rows["index"], rows["value"])}


def summarise(table: pd.DataFrame, recipe: "Recipe", diagnostics: Optional[pd.DataFrame] = None) -> dict[str, Any]:
    """The summary of a run: ``table`` is IndexResult.table (one row per district computed on),
    ``diagnostics`` the long diagnostics table or None. JSON-serialisable (see write_summary)."""
    labels = {spec.id: spec.label or spec.id for spec in recipe.indices}
    evaluated = table["evaluated"].fillna(0).astype(bool) if "evaluated" in table else pd.Series(True, table.index)
    first = recipe.indices[0]
    summary: dict[str, Any] = {"n": int(len(table)), "n_evaluated": int(evaluated.sum()),
               "counts": class_counts(table, recipe), "histogram": score_histogram(table, recipe),
               "histogram_label": first.label or first.id, "diagnostics": None, "alpha": {}}
    if diagnostics is not None:
        wide = diagnostics_table(diagnostics, labels)
        summary["diagnostics"] = {"columns": [str(c) for c in wide.columns],
                                  "rows": [[_plain(v) for v in row] for row in wide.itertuples(index=False)]}
        summary["alpha"] = cronbach_alphas(diagnostics, labels)
    return summary


def _plain(value: object) -> object:
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    return value


def write_summary(summary: dict[str, Any], path: StrPath) -> None:
    """Write the summary as UTF-8 JSON, completely or not at all."""
    with atomic_path(path, create_folders=True) as tmp, open(tmp, "w", encoding="utf-8") as handle:
        json.dump(summary, handle, ensure_ascii=False, indent=1)


def read_summary(path: StrPath) -> dict[str, Any]:
    """The summary written by write_summary; the diagnostics as a DataFrame again."""
    with open(path, encoding="utf-8") as handle:
        summary = json.load(handle)
    if summary.get("diagnostics"):
        summary["diagnostics"] = pd.DataFrame(summary["diagnostics"]["rows"],
                                              columns=summary["diagnostics"]["columns"])
    summary["counts"] = [tuple(c) for c in summary["counts"]]
    summary["histogram"] = tuple(summary["histogram"])
    return summary
