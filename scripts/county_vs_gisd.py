"""Compare the county preset (INKAR indicators, Niedersachsen 2021) with the RKI's GISD for the same year.

Prints markdown for the README: Spearman rank correlation of our deprivation score with the GISD score
(federal and Land normalisation), and a cross-table of quintiles (ours vs GISD quintiles formed within
the 45 Kreise of Niedersachsen with the same rule), plus the federal GISD quintile (gisd_5) counts; then the
Spearman rho before and after data-driven weights (plugin/core/index/data_weights.py: PCA first component per
domain as in the GISD, and equal weights within a domain; domains = the preset's groups, or all five indicators).

Run:  .venv/bin/python scripts/county_vs_gisd.py
Reads tests/fixtures/kreise/ (built from the shared data by tests/fixtures/kreise/make_fixture.py).
"""
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
import conftest  # noqa: E402,F401  registers the package alias 'sozialmonitor'
from sozialmonitor.plugin.core.index.classify import assign_classes, compute_breaks  # noqa: E402
from sozialmonitor.plugin.core.index.compute import compute_index  # noqa: E402
from sozialmonitor.plugin.core.index.data_weights import derive_weights  # noqa: E402
from sozialmonitor.plugin.core.recipe.load import Recipe  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "kreise"


def spearman(a, b):
    return float(np.corrcoef(pd.Series(a).rank(), pd.Series(b).rank())[0, 1])


def _inputs():
    table = pd.read_csv(FIXTURES / "niedersachsen_kreise_inkar_2021.csv", dtype={"kreis_id": str})
    gisd = pd.read_csv(FIXTURES / "gisd_2021_niedersachsen.csv", dtype={"kreis_id": str})
    recipe = Recipe.from_file(ROOT / "resources" / "recipes" / "niedersachsen_kreise_inkar.json")
    return table, gisd, recipe


def weights_before_after():
    """[(variant, weights, Spearman rho vs GISD federal)] for the preset and its data-driven re-weightings."""
    table, gisd, recipe = _inputs()

    def rho(r):
        score = table[["kreis_id"]].join(compute_index(table, r).table)
        merged = score.merge(gisd, on="kreis_id", validate="1:1")
        return spearman(merged["deprivation_score"], merged["gisd_score_bund"])

    ids = [i.id for i in recipe.indicators]
    rows = [("preset (domains 1/3 each, 1/2 within)", [i.weight for i in recipe.indicators], rho(recipe))]
    for method in ("pca_first_component", "equal_within_domain"):
        for by_group, domains in ((True, "per domain"), (False, "all five as one domain")):
            new, _report = derive_weights(table, recipe, method, by_group, data="INKAR 2021")
            weights = new.index("deprivation").weights
            rows.append((f"{method}, {domains}", [weights[i] for i in ids], rho(new)))
    return ids, rows


def comparison():
    table, gisd, recipe = _inputs()
    result = compute_index(table, recipe)
    merged = table[["kreis_id", "kreis_name"]].join(result.table).merge(gisd[["kreis_id", "gisd_score_bund",
                                                                              "gisd_5_bund", "gisd_score_land"]],
                                                                        on="kreis_id", validate="1:1")
    breaks = compute_breaks(merged["gisd_score_bund"], "quantile", 5)
    merged["gisd_q_ni"] = assign_classes(merged["gisd_score_bund"], breaks) + 1
    cross = pd.crosstab(merged["deprivation_class_no"].astype(int), merged["gisd_q_ni"],
                        rownames=["ours"], colnames=["GISD"])
    return merged, cross


def main():
    merged, cross = comparison()
    rho_bund = spearman(merged["deprivation_score"], merged["gisd_score_bund"])
    rho_land = spearman(merged["deprivation_score"], merged["gisd_score_land"])
    same = int(np.trace(cross.to_numpy()))
    near = int(sum(cross.iloc[i, j] for i in range(5) for j in range(5) if abs(i - j) <= 1))
    print(f"Kreise: {len(merged)}")
    print(f"Spearman rho (ours vs GISD 2021, federal normalisation): {rho_bund:.3f}")
    print(f"Spearman rho (ours vs GISD 2021, Land normalisation):    {rho_land:.3f}")
    print(f"Same quintile: {same} of {len(merged)}; same or neighbouring quintile: {near} of {len(merged)}")
    print()
    print("| ours \\ GISD | " + " | ".join(f"Q{c}" for c in cross.columns) + " |")
    print("|---|" + "---|" * len(cross.columns))
    for idx, row in cross.iterrows():
        print(f"| Q{idx} | " + " | ".join(str(v) for v in row.tolist()) + " |")
    print()
    for key in ("03157", "03254"):
        r = merged[merged["kreis_id"] == key].iloc[0]
        print("{} {}: ours {:.2f} (quintile {}), GISD {:.5f} (NI quintile {}, federal quintile {})".format(
            key, r["kreis_name"], r["deprivation_score"], r["deprivation_class_no"], r["gisd_score_bund"],
            r["gisd_q_ni"], r["gisd_5_bund"]))


    print()
    ids, rows = weights_before_after()
    print("| weights | " + " | ".join(ids) + " | Spearman ρ vs GISD |")
    print("|---|" + "---|" * (len(ids) + 1))
    for name, weights, rho in rows:
        print(f"| {name} | " + " | ".join(f"{w:.3f}" for w in weights) + f" | {rho:.3f} |")


if __name__ == "__main__":
    main()
