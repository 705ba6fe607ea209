"""Methods-annex section on the uncertainty of an index: what was varied, how certain the classes are,
and which choice moves the ranking most (Sobol table). Simple HTML like methods_annex, texts through tr()
(German and English), numbers in the language's format.
"""
from html import escape
from typing import TYPE_CHECKING, Optional

import numpy as np
import pandas as pd

from ..i18n import tr, tr_noop
from ..maps.classes import format_number

if TYPE_CHECKING:
    from ..recipe.load import Recipe

HEADING = tr_noop("Uncertainty and sensitivity")
CELL = 'style="border: 1px solid #808080"'


def _german() -> bool:
    """True when the German catalogue is active (the annex then uses decimal commas)."""
    return tr(HEADING) != HEADING


def _num(value: Optional[float], decimals: int = 2) -> str:
    if value is None or not np.isfinite(value):
        return "–"
    return format_number(value, decimals) if _german() else f"{value:,.{decimals}f}"


def choice_list(recipe: "Recipe") -> list[str]:
    """One plain-language line per varied choice with its alternatives (none without an uncertainty section)."""
    unc = recipe.uncertainty
    if unc is None:
        return []
    lines = []
    if unc.normalisation:
        lines.append(tr("normalisation: {alts}").format(alts=", ".join(unc.normalisation)))
    if unc.aggregation:
        lines.append(tr("aggregation: {alts}").format(alts=", ".join(unc.aggregation)))
    for ind_id, (low, high) in unc.weight_ranges.items():
        lines.append(tr("weight of {id}: {low} to {high}").format(id=ind_id, low=_num(low), high=_num(high)))
    if unc.weight_dirichlet is not None:
        lines.append(tr("weights: Dirichlet around the recipe's weights, concentration {c}").format(
            c=_num(unc.weight_dirichlet, 0)))
    if unc.impute:
        lines.append(tr("imputation: {alts}").format(alts=", ".join(unc.impute)))
    if unc.winsorise:
        alts = [tr("off") if w is None else
                (tr("±{k} SD").format(k=_num(w.k, 1)) if w.method == "sd" else
                 tr("percentiles {lo}–{hi}").format(lo=_num(w.lower, 0), hi=_num(w.upper, 0)))
                for w in unc.winsorise]
        lines.append(tr("winsorising: {alts}").format(alts=", ".join(alts)))
    if unc.reference:
        names = {"recipe": tr("the recipe's reference rules"), "all": tr("all complete districts")}
        lines.append(tr("reference districts: {alts}").format(alts=", ".join(names[r] for r in unc.reference)))
    if unc.drop_indicator:
        lines.append(tr("dropping one indicator of the index (or none), equally likely"))
    return lines


def uncertainty_annex_html(recipe: "Recipe", summary: dict, sobol: pd.DataFrame, threshold: float = 0.8) -> str:
    """HTML section: paragraph on the simulation and class certainty, and the Sobol table (if computed)."""
    spec = recipe.index(summary["index"])
    parts = [f"<h2>{escape(tr(HEADING))}</h2>"]
    parts.append("<p>" + escape(tr(
        "The index “{label}” was recomputed for {draws} simulated recipes (random seed {seed}), each drawing one "
        "alternative for every choice below; the recipe itself is the reference. Ranks count from 1 = most "
        "disadvantaged district; fixed class thresholds stay fixed, data-driven ones are recomputed in every "
        "draw.").format(label=spec.label or spec.id, draws=summary["draws"], seed=summary["seed"])) + "</p>")
    parts.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in choice_list(recipe)) + "</ul>")
    parts.append("<p>" + escape(tr(
        "Result: {unc} of {n} districts have a class probability below {p} % (their class is uncertain and "
        "hatched on the map); for {changed} districts the most frequent class differs from the recipe's. The "
        "median width of the 5–95 % rank interval is {width} ranks.").format(
            unc=summary["n_uncertain"], n=summary["n_ranked"], p=_num(threshold * 100, 0),
            changed=summary["n_changed_mode"], width=_num(summary["median_interval_width"], 1))) + "</p>")
    if len(sobol):
        parts.append("<p>" + escape(tr(
            "Which choice matters most: variance-based sensitivity (Sobol indices, Saltelli design with {base} "
            "base samples, {runs} simulated recipes). S1 is the share of the variance of the mean absolute rank "
            "shift explained by the choice alone, ST the share including its interactions with the other "
            "choices (± 95 % bootstrap half-width); the last column is ST for the share of districts that "
            "change class.").format(base=summary["sobol_base"], runs=summary["sobol_runs"])) + "</p>")
        head = [tr("Choice"), tr("S1 (rank shift)"), tr("ST (rank shift)"), tr("ST (class changes)")]
        rows = []
        for row in sobol.sort_values("ST", ascending=False).itertuples(index=False):
            rows.append([row.choice, f"{_num(row.S1)} ± {_num(row.S1_conf)}", f"{_num(row.ST)} ± {_num(row.ST_conf)}",
                         _num(row.ST_class)])
        cells = "".join(f"<th {CELL}>{escape(h)}</th>" for h in head)
        body = "".join("<tr>" + "".join(f"<td {CELL}>{escape(str(v))}</td>" for v in r) + "</tr>" for r in rows)
        parts.append(f"<table cellspacing='0' cellpadding='3' width='100%'><tr>{cells}</tr>{body}</table>")
    return "\n".join(parts) + "\n"
