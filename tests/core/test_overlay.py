"""Arithmetic of the spatial overlays (plugin/core/spatial/overlay.py) on hand-checkable numbers."""
import math

import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import ComputationError
from sozialmonitor.plugin.core.spatial import overlay

# ------------------------------------------------------------------------------------------- counting


def test_count_points_zero_not_missing_and_outside_counted():
    counts, outside = overlay.count_points([10, 11, 12], [10, 10, None, 12, np.nan])
    assert counts["total"].tolist() == [2, 0, 1]
    assert counts["total"].dtype == np.int64
    assert outside == 2


def test_count_points_per_category_with_missing_category():
    counts, outside = overlay.count_points([1, 2], [1, 1, 2, 2, None], ["Kita", "Schule", "Kita", None, "Kita"])
    assert list(counts.columns) == ["total", "Kita", "Schule", None]
    assert counts.loc[1].tolist() == [2, 1, 1, 0]
    assert counts.loc[2].tolist() == [2, 1, 0, 1]
    assert outside == 1
    # categories add up to the total
    assert (counts.drop(columns="total").sum(axis=1) == counts["total"]).all()


def test_rates_per_1000_and_km2_null_for_missing_population():
    counts = pd.DataFrame({"total": [3, 0, 5, 2]}, index=[1, 2, 3, 4])
    out = overlay.rates(counts, population=[1500, 2000, 0, np.nan], area_km2=[1.5, 0.5, 2.0, 0.0])
    per_1000 = out["per_1000"]["total"]
    assert per_1000.loc[1] == pytest.approx(2.0)      # 3 / 1500 * 1000
    assert per_1000.loc[2] == 0.0                       # no points, real population: 0, not NULL
    assert math.isnan(per_1000.loc[3]) and math.isnan(per_1000.loc[4])
    assert out["no_population"] == [3, 4]
    per_km2 = out["per_km2"]["total"]
    assert per_km2.loc[1] == pytest.approx(2.0) and per_km2.loc[3] == pytest.approx(2.5)
    assert math.isnan(per_km2.loc[4])


def test_category_fields_are_safe_and_unique():
    names = overlay.category_fields(["Grundschule", "Förderschule (Lernen)", "grundschule", None, "2. Bildungsweg"],
                                    "n", taken=["n_total", "N_GRUNDSCHULE"])
    assert names["Förderschule (Lernen)"] == "n_Foerderschule_Lernen"
    assert names[None] == "n_NULL"
    assert names["2. Bildungsweg"] == "n_2_Bildungsweg"
    lowered = [v.lower() for v in names.values()]
    assert len(set(lowered)) == len(lowered) and "n_grundschule" not in lowered  # taken by the layer


# ---------------------------------------------------------------------------------- areal interpolation

@pytest.fixture
def two_sources():
    """Source A (area 4) lies 3/4 in target 10 and 1/4 in target 11; source B (area 4) half in 11 and a
    quarter in 12, a quarter outside every target."""
    pieces = pd.DataFrame({
        "source": [1, 1, 2, 2, 2],
        "target": [10.0, 11.0, 11.0, 12.0, np.nan],
        "area": [3.0, 1.0, 2.0, 1.0, 1.0],
    })
    values = pd.DataFrame({"EW": [400.0, 100.0], "share": [10.0, 30.0]}, index=[1, 2])
    return pieces, values


def test_area_weighted_extensive_and_intensive(two_sources):
    pieces, values = two_sources
    r = overlay.interpolate(pieces, values, [10, 11, 12, 13], ["EW"], ["share"],
                            target_area=[3.0, 3.0, 2.0, 1.0])
    assert r.values.loc[10, "EW"] == pytest.approx(300.0)               # 400 * 3/4
    assert r.values.loc[11, "EW"] == pytest.approx(100.0 + 50.0)        # 400 * 1/4 + 100 * 2/4
    assert r.values.loc[12, "EW"] == pytest.approx(25.0)                # 100 * 1/4
    assert math.isnan(r.values.loc[13, "EW"])                           # no source: no data, not 0
    assert r.values.loc[11, "share"] == pytest.approx((10 * 1 + 30 * 2) / 3)   # area-weighted mean
    assert r.values.loc[12, "share"] == pytest.approx(30.0)
    assert r.values.loc[12, "cover_pct"] == pytest.approx(50.0)
    assert r.values.loc[11, "n_sources"] == 2
    assert r.empty_targets == [13]
    tot = r.totals.set_index("field").loc["EW"]
    assert tot["total_in"] == 500.0 and tot["total_out"] == pytest.approx(475.0)
    assert tot["uncovered"] == pytest.approx(25.0)                      # reported, not silently lost
    assert tot["diff_pct"] == pytest.approx(-5.0) and not tot["ok"]
    assert r.uncovered_sources.loc[2, "share_uncovered"] == pytest.approx(0.25)


def test_totals_ok_within_tolerance():
    pieces = pd.DataFrame({"source": [1, 1], "target": [10.0, 11.0], "area": [1.0, 1.0]})
    r = overlay.interpolate(pieces, pd.DataFrame({"EW": [1000.0]}, index=[1]), [10, 11], ["EW"])
    assert r.values["EW"].tolist() == [500.0, 500.0]
    assert bool(r.totals["ok"].iloc[0]) and r.totals["diff_pct"].iloc[0] == 0.0


def test_population_weights_and_area_fallback(two_sources):
    pieces, values = two_sources
    # population in the pieces: A has 90 people in the part in 10, 10 in the part in 11; B has none
    pieces["population"] = [90.0, 10.0, 0.0, 0.0, 0.0]
    r = overlay.interpolate(pieces, values, [10, 11, 12], ["EW"], ["share"])
    assert r.weighting == "population"
    assert r.values.loc[10, "EW"] == pytest.approx(360.0)               # 400 * 90/100
    assert r.values.loc[11, "EW"] == pytest.approx(40.0 + 50.0)         # 400 * 10/100 + B by area 100 * 2/4
    assert r.area_fallback == [2]
    # intensive: population weights; B's piece in 11 has no inhabitants and adds nothing (people and m² never mix)
    assert r.values.loc[11, "share"] == pytest.approx(10.0)
    # target 12 has no inhabitants at all: its mean is area-weighted, and it is reported
    assert r.values.loc[12, "share"] == pytest.approx(30.0)
    assert r.intensive_area_fallback == [12]


def test_intensive_ignores_missing_values():
    pieces = pd.DataFrame({"source": [1, 2], "target": [10.0, 10.0], "area": [1.0, 3.0]})
    values = pd.DataFrame({"rate": [5.0, np.nan], "EW": [10.0, np.nan]}, index=[1, 2])
    r = overlay.interpolate(pieces, values, [10], ["EW"], ["rate"])
    assert r.values.loc[10, "rate"] == 5.0
    assert r.values.loc[10, "EW"] == 10.0
    assert r.totals["missing_sources"].iloc[0] == 1


def test_reallocations_ranked_away_from_main_target(two_sources):
    pieces, values = two_sources
    r = overlay.interpolate(pieces, values, [10, 11, 12], ["EW"])
    moved = r.flows[r.flows["moved"]]
    # A's main target is 10 (3/4): 100 moves to 11. B's main target is 11: 25 to 12, 25 to no target.
    assert list(zip(moved["source"], moved["target"].fillna(-1), moved["EW"])) == [
        (1, 11.0, 100.0), (2, 12.0, 25.0), (2, -1.0, 25.0)]
    assert moved["rank"].tolist() == [1, 2, 3]
    report = overlay.interpolation_report(r, {1: "A", 2: "B"}, {10: "X", 11: "Y", 12: "Z"})
    realloc = report[report["section"] == "reallocation"]
    assert realloc[["source", "target"]].values.tolist() == [["A", "Y"], ["B", "Z"], ["B", "(no target)"]]
    assert report[report["section"] == "total"]["detail"].iloc[0].startswith("NOT preserved")


def test_summary_from_split_pieces_equals_the_full_interpolation():
    """The in-database path's report numbers (only the pieces of split sources, sums from SQL) are those of
    ``interpolate`` on all pieces: totals, reallocations with their ranks, uncovered sources."""
    rng = np.random.default_rng(7)
    rows = []
    for s in range(300):
        for t in rng.choice(60, rng.integers(1, 4), replace=False):
            rows.append((s, float(t), float(rng.integers(1, 50))))  # integers: ties in amount and share
        if rng.random() < 0.15:
            rows.append((s, np.nan, float(rng.random())))
    pieces = pd.DataFrame(rows, columns=["source", "target", "area"]).sample(frac=1.0, random_state=3)
    values = pd.DataFrame({"ew": rng.integers(0, 9, 300).astype(float), "k": rng.random(300)}, index=range(300))
    values.loc[[4, 40, 77], "ew"] = np.nan
    full = overlay.interpolate(pieces, values, range(70), ["ew", "k"], target_area=[60.0] * 70)
    per_source = pieces.groupby("source")
    split_ids = per_source.size().index[(per_source.size() > 1) | per_source["target"].apply(lambda t: t.isna().any())]
    split = pieces[pieces["source"].isin(split_ids)].sort_values(["source", "target"], na_position="last")
    sums = {n: {"total_in": values[n].sum(), "total_out": full.values[n].sum(), "missing": values[n].isna().sum()}
            for n in ("ew", "k")}
    part = overlay.summary_from_split_pieces(split, values.loc[split_ids], sums, full.empty_targets, ["ew", "k"])
    pd.testing.assert_frame_equal(part.totals, full.totals, rtol=1e-12)
    pd.testing.assert_frame_equal(part.uncovered_sources, full.uncovered_sources, rtol=1e-12)
    moved = full.flows[full.flows["moved"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(part.flows[part.flows["moved"]].reset_index(drop=True), moved, rtol=1e-12,
                                  check_dtype=False)
    assert len(moved) > 100 and part.empty_targets == full.empty_targets != []
    pd.testing.assert_frame_equal(overlay.interpolation_report(part), overlay.interpolation_report(full), rtol=1e-12)


def test_check_fields_errors_name_the_field():
    with pytest.raises(ComputationError, match="'blocks' has no field.*EWX"):
        overlay.check_fields(["EW"], ["EWX"], [], "blocks")
    with pytest.raises(ComputationError, match="EW.*extensive and as intensive"):
        overlay.check_fields(["EW"], ["EW"], ["EW"], "blocks")
    with pytest.raises(ComputationError, match="at least one field"):
        overlay.check_fields(["EW"], [], [], "blocks")


# ------------------------------------------------------------------------------------------ accessibility

def test_accessibility_uniform():
    out = overlay.accessibility_uniform({1: 4.0, 2: 2.0, 3: 0.0}, {1: 1.0, 2: 2.5, 3: 0.0},
                                        population={1: 1000, 2: 50, 3: 0})
    assert out.loc[1, "share_pct"] == 25.0 and out.loc[1, "pop_within"] == 250.0
    assert out.loc[2, "share_pct"] == 100.0          # clipped: the covered area cannot exceed the district
    assert math.isnan(out.loc[3, "share_pct"])


def test_accessibility_uniform_share_of_nobody_is_missing():
    out = overlay.accessibility_uniform({1: 4.0, 2: 4.0, 3: 4.0}, {1: 1.0, 2: 1.0, 3: 1.0},
                                        population={1: 0, 2: float("nan"), 3: 8})
    assert math.isnan(out.loc[1, "share_pct"]) and math.isnan(out.loc[2, "share_pct"])
    assert out.loc[3, "share_pct"] == 25.0 and out.loc[1, "pop_within"] == 0.0
    # without a population the share is the area share for every district
    assert overlay.accessibility_uniform({1: 4.0}, {1: 1.0}).loc[1, "share_pct"] == 25.0


def test_category_fields_keep_derived_fields_unique():
    # 'a' gives n_a and the rate n_a_km2; the category 'a_km2' must not take that name
    names = overlay.category_fields(["a", "a_km2"], "n", taken=["n_total", "n_total_km2"], suffixes=("_km2",))
    assert names == {"a": "n_a", "a_km2": "n_a_km2_2"}
    # the other order: 'x_km2' first, then 'x' would make its rate n_x_km2
    names = overlay.category_fields(["x_km2", "x"], "n", suffixes=("_km2", "_p1000"))
    everything = [n + s for n in names.values() for s in ("", "_km2", "_p1000")]
    assert len({n.lower() for n in everything}) == len(everything) == 6
    assert names["x_km2"] == "n_x_km2" and names["x"] != "n_x"


def test_accessibility_from_units():
    # unit 7 (100 people) lies 60 % in district 1, of which half within reach; unit 8 (a point, 20 people)
    # in district 2, within reach; unit 9 (a point, 5 people) in district 2, not within reach
    pieces = pd.DataFrame({"unit": [7, 7, 8, 9], "district": [1, 2, 2, 2],
                           "frac": [0.6, 0.4, 1.0, 1.0], "frac_within": [0.3, 0.0, 1.0, 0.0]})
    out = overlay.accessibility_from_units([1, 2, 3], pieces, {7: 100.0, 8: 20.0, 9: 5.0})
    assert out.loc[1, "pop"] == pytest.approx(60.0) and out.loc[1, "share_pct"] == pytest.approx(50.0)
    assert out.loc[2, "pop"] == pytest.approx(65.0)
    assert out.loc[2, "share_pct"] == pytest.approx(20.0 / 65.0 * 100.0)
    assert math.isnan(out.loc[3, "share_pct"]) and out.loc[3, "pop"] == 0.0
