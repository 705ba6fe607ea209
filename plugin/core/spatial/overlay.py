"""Arithmetic of the spatial overlays: counts and rates, areal interpolation, accessibility shares.

Pure pandas/numpy. The geometry (which point lies in which district, the area or population of
each source ∩ target piece, the covered part of a district) is measured in plugin/gis/spatial/overlay_geometry.py;
every number a user sees is computed here from those measurements.

Conventions
- Districts, sources, targets and population units are identified by their feature ids (``fid``).
- Areas are in the unit the caller passes (km² for rates, any unit for weights: only ratios matter).
- Missing is NaN, never 0: a rate whose population is 0 or missing is NaN (NULL in the layer).
"""
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..errors import ComputationError
from ..i18n import tr
from ..join.field_names import sanitise_field_names
from ..outputs import atomic

#: relative tolerance for "totals preserved" (0.1 %)
TOTAL_TOLERANCE = 0.001


# --------------------------------------------------------------------------------------------------
# Points per district
# --------------------------------------------------------------------------------------------------

def category_fields(categories: Iterable[Any], prefix: str, taken: Iterable[object] = (),
                    suffixes: Sequence[str] = ()) -> dict[Any, str]:
    """{category value: safe field name} for per-category count fields, e.g. 'Grundschule' -> 'n_Grundschule'.

    Names are ASCII, unique ignoring case, also against ``taken`` (the district layer's fields); a
    missing category (None) is named ``<prefix>_NULL``. With ``suffixes`` (e.g. ``("_km2", "_p1000")``)
    the derived fields ``<name><suffix>`` are unique as well: categories 'a' and 'a_km2' must not both
    give a field n_a_km2.
    """
    used = {str(t).lower() for t in taken}
    out: dict[Any, str] = {}
    for category in categories:
        base = "{}_{}".format(prefix, "NULL" if category is None else category)
        blocked = set(used)
        name = sanitise_field_names([base], taken=blocked, max_length=50)[base]
        while any((name + suffix).lower() in used for suffix in suffixes):
            blocked.add(name.lower())
            name = sanitise_field_names([base], taken=blocked, max_length=50)[base]
        out[category] = name
        used |= {name.lower()} | {(name + suffix).lower() for suffix in suffixes}
    return out


def count_points(district_ids: Iterable[int], point_district: Iterable[Optional[float]],
                 point_category: Optional[Iterable[Any]] = None) -> tuple[pd.DataFrame, int]:
    """Number of points per district (and per category), 0 where a district has none.

    ``point_district``: the district id of every point, NaN/None for points outside all districts.
    ``point_category``: optional category value of every point (same length).
    Returns (counts, n_outside): ``counts`` is indexed by ``district_ids`` with column ``"total"`` and,
    with categories, one column per category value (sorted, None last).
    """
    assigned = pd.Series(point_district, dtype="float64")
    inside = assigned.notna().to_numpy()
    index = pd.Index(district_ids, name="fid")
    counts = pd.DataFrame(index=index)
    counts["total"] = assigned[inside].astype("int64").value_counts().reindex(index, fill_value=0).astype("int64")
    if point_category is not None:
        cats = pd.Series(list(point_category), dtype="object")
        values = sorted({c for c in cats if c is not None}, key=str) + ([None] if cats.isna().any() else [])
        for value in values:
            mask = inside & (cats.isna().to_numpy() if value is None else (cats == value).to_numpy())
            per = assigned[mask].astype("int64").value_counts()
            counts[value] = per.reindex(index, fill_value=0).astype("int64")
    return counts, int((~inside).sum())


def rates(counts: pd.DataFrame, population: Optional[npt.ArrayLike] = None,
          area_km2: Optional[npt.ArrayLike] = None) -> dict[str, Any]:
    """Counts per 1,000 inhabitants and per km².

    ``per_1000 = count / population * 1000`` (NaN where population is 0 or missing);
    ``per_km2 = count / area_km2`` (NaN where the area is 0 or missing). Returns a dict
    {"per_1000": DataFrame or None, "per_km2": DataFrame or None, "no_population": [ids]}.
    """
    out: dict[str, Any] = {"per_1000": None, "per_km2": None, "no_population": []}
    if population is not None:
        pop = pd.Series(population, index=counts.index, dtype="float64")
        bad = pop.isna() | (pop <= 0)
        out["no_population"] = counts.index[bad].tolist()
        out["per_1000"] = counts.div(pop.where(~bad), axis=0) * 1000.0
    if area_km2 is not None:
        area = pd.Series(area_km2, index=counts.index, dtype="float64")
        out["per_km2"] = counts.div(area.where(area > 0), axis=0)
    return out


# --------------------------------------------------------------------------------------------------
# Areal interpolation
# --------------------------------------------------------------------------------------------------

@dataclass
class InterpolationResult:
    """``values``: one row per target id (extensive and intensive fields, ``cover_pct``, ``n_sources``);
    ``totals``: one row per extensive field (total_in, total_out, uncovered, missing_sources, diff_pct, ok);
    ``flows``: every source → target piece (share of the source, amount of each extensive field, ``moved``
    when it is not the source's main target), largest reallocations first; ``uncovered_sources``: share of
    each source not covered by targets; ``area_fallback``: sources split by area for lack of population;
    ``empty_targets``: targets no source overlaps (value NULL); ``intensive_area_fallback``: targets without
    population whose intensive values are area-weighted; ``weighting``: "area" or "population"."""

    values: pd.DataFrame
    totals: pd.DataFrame
    flows: pd.DataFrame
    uncovered_sources: pd.DataFrame
    area_fallback: list = field(default_factory=list)
    empty_targets: list = field(default_factory=list)
    weighting: str = "area"
    intensive_area_fallback: list = field(default_factory=list)


def interpolate(pieces: pd.DataFrame, source_values: pd.DataFrame, target_ids: Iterable[int],
                extensive: Sequence[str] = (), intensive: Sequence[str] = (),
                target_area: Optional[npt.ArrayLike] = None) -> InterpolationResult:
    """Areal interpolation from sources to targets.

    ``pieces``: one row per non-empty source ∩ target intersection with columns ``source``, ``target``
    (NaN for the part of a source that no target covers), ``area`` and optionally ``population`` (the
    population of a population layer falling in the piece). ``source_values``: indexed by source id.
    ``target_area``: optional area of every target (same unit as ``area``) for ``cover_pct``.

    Weights. Area weighting: w = area of the piece. Population weighting (a ``population`` column):
    w = population in the piece; for extensive fields a source with no population in it is split by area
    (reported); for intensive fields only a target with no population at all is averaged by area (reported).
    For source s and target t, with W_s = Σ w over all pieces of s (covered or not):
    - extensive (counts):  value_t = Σ_s value_s · w_st / W_s      (totals preserved where targets cover s);
    - intensive (shares):  value_t = Σ_s value_s · w_st / Σ_s w_st  (a weighted mean; sources with a
      missing value are left out of numerator and denominator). With population weights that is the
      mean weighted by the population of each piece, the right weight for shares of the population;
      a piece without inhabitants adds nothing.
    A target that no source covers gets NaN (no data), not 0.
    """
    pieces, no_pop = piece_shares(pieces)
    has_pop = "population" in pieces.columns
    weighting = "population" if has_pop else "area"
    covered = pieces[pieces["target"].notna()].copy()
    covered["target"] = covered["target"].astype("int64")

    targets = pd.Index(target_ids, name="fid")
    values = pd.DataFrame(index=targets)
    n_sources = covered.groupby("target")["source"].nunique()
    values["n_sources"] = n_sources.reindex(targets, fill_value=0).astype("int64")
    if target_area is not None:
        tarea = pd.Series(target_area, index=targets, dtype="float64")
        cov_area = covered.groupby("target")["area"].sum().reindex(targets, fill_value=0.0)
        values["cover_pct"] = (cov_area / tarea.where(tarea > 0) * 100.0).clip(upper=100.0)
    has_data = values["n_sources"] > 0

    totals_rows = []
    for name in extensive:
        v = pd.Series(source_values[name], dtype="float64")
        amount = covered["source"].map(v) * covered["share"]
        per_target = amount.groupby(covered["target"]).sum(min_count=1).reindex(targets)
        values[name] = per_target.where(has_data)
        valid = v.dropna()
        totals_rows.append(totals_row(name, float(valid.sum()), float(values[name].sum()),
                                      uncovered_value(v, covered), int(v.reindex(source_values.index).isna().sum())))
    # intensive weights: the population of the piece (no per-source fallback, so people and m² never mix);
    # a target without any population is averaged by area instead (reported)
    w_int = covered["population"].astype(float) if has_pop else covered["area"].astype(float)
    int_area_fallback = []
    if has_pop and len(intensive):
        pop_t = w_int.groupby(covered["target"]).sum()
        no_pop_t = pop_t.index[~(pop_t > 0)]
        use_area = covered["target"].isin(no_pop_t)
        w_int = w_int.where(~use_area, covered["area"].astype(float))
        int_area_fallback = [int(t) for t in no_pop_t]
    for name in intensive:
        v = pd.Series(source_values[name], dtype="float64")
        sv = covered["source"].map(v)
        ok = sv.notna()
        num = (sv[ok] * w_int[ok]).groupby(covered.loc[ok, "target"]).sum()
        den = w_int[ok].groupby(covered.loc[ok, "target"]).sum()
        values[name] = (num / den.where(den > 0)).reindex(targets)

    return InterpolationResult(values, totals_frame(totals_rows), _flows(pieces, source_values, extensive),
                               uncovered_sources(pieces, source_values.index), list(no_pop),
                               targets[~has_data].tolist(), weighting, int_area_fallback)


def piece_shares(pieces: pd.DataFrame) -> tuple[pd.DataFrame, list]:
    """A copy of ``pieces`` with the weight ``w`` and the ``share`` of its source (w / W_s), and the sources
    without population (split by area). See ``interpolate`` for the rule."""
    pieces = pieces.copy()
    no_pop: Any = []
    pieces["w"] = pieces["area"].astype(float)
    if "population" in pieces.columns:
        pop_total = pieces.groupby("source")["population"].sum()
        no_pop = pop_total.index[~(pop_total > 0)]
        use_pop = ~pieces["source"].isin(no_pop)
        pieces.loc[use_pop, "w"] = pieces.loc[use_pop, "population"].astype(float)
    w_source = pieces.groupby("source")["w"].sum()
    pieces["share"] = pieces["w"] / pieces["source"].map(w_source)
    pieces.loc[~np.isfinite(pieces["share"]), "share"] = 0.0
    return pieces, list(no_pop)


def uncovered_value(values: pd.Series, covered: pd.DataFrame) -> float:
    """Σ value_s · (1 − covered share of s) over the sources with a value: what no target receives.
    ``covered``: the pieces with a target and their ``share``; a source without such a piece counts whole."""
    valid = values.dropna()
    covered_share = covered.groupby("source")["share"].sum().reindex(valid.index, fill_value=0.0)
    return float((valid * (1.0 - covered_share.clip(upper=1.0))).sum())


def totals_row(name: str, total_in: float, total_out: float, uncovered: float, missing: int) -> dict[str, Any]:
    """One row of the totals check: the difference in % of total_in and whether it is within TOTAL_TOLERANCE."""
    diff = (total_out - total_in) / total_in * 100.0 if total_in else 0.0
    return {"field": name, "total_in": total_in, "total_out": total_out, "uncovered": uncovered,
            "missing_sources": missing, "diff_pct": diff, "ok": abs(diff) <= TOTAL_TOLERANCE * 100.0}


def totals_frame(rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """The ``totals`` table of an InterpolationResult from ``totals_row`` rows."""
    return pd.DataFrame(list(rows), columns=["field", "total_in", "total_out", "uncovered", "missing_sources",
                                             "diff_pct", "ok"])


def uncovered_sources(pieces: pd.DataFrame, source_ids: Iterable[Any]) -> pd.DataFrame:
    """Share and area of every source that targets do not fully cover, largest share first (ties: lowest id).
    ``pieces`` with ``share`` (``piece_shares``)."""
    index = pd.Index(sorted(source_ids))
    share_covered = pieces[pieces["target"].notna()].groupby("source")["share"].sum().reindex(index,
                                                                                              fill_value=0.0)
    area_uncovered = pieces[pieces["target"].isna()].groupby("source")["area"].sum()
    unc = pd.DataFrame({"share_uncovered": (1.0 - share_covered).clip(lower=0.0),
                        "area_uncovered": area_uncovered.reindex(index, fill_value=0.0)})
    unc = unc[(unc["share_uncovered"] > 1e-9) | (unc["area_uncovered"] > 0)]
    return unc.sort_values("share_uncovered", ascending=False, kind="stable")


def summary_from_split_pieces(split: pd.DataFrame, split_values: pd.DataFrame, sums: Mapping[str, Mapping[str, Any]],
                              empty_targets: Sequence[int], extensive: Sequence[str] = ()) -> InterpolationResult:
    """The totals, flows and uncovered sources of an interpolation computed elsewhere (in the database),
    from the pieces of the *split* sources only: sources with more than one piece or a part no target
    covers (every other source lies in one target, share 1, and is neither moved nor uncovered).

    ``split``: (source, target, area) of every piece of those sources; ``split_values``: their values,
    indexed by source id; ``sums``: per extensive field ``total_in``, ``total_out`` and ``missing`` over
    all sources and targets. ``values`` of the result is empty (the values are in the new table).
    """
    pieces, _no_pop = piece_shares(split)
    covered = pieces[pieces["target"].notna()]
    rows = [totals_row(name, float(sums[name]["total_in"]), float(sums[name]["total_out"]),
                       uncovered_value(pd.Series(split_values[name], dtype="float64"), covered),
                       int(sums[name]["missing"])) for name in extensive]
    return InterpolationResult(pd.DataFrame(), totals_frame(rows), _flows(pieces, split_values, extensive),
                               uncovered_sources(pieces, split_values.index), [], [int(t) for t in empty_targets])


def _flows(pieces: pd.DataFrame, source_values: pd.DataFrame, extensive: Sequence[str]) -> pd.DataFrame:
    """Every piece with the share of its source, the amount moved and whether it is a reallocation.

    A source's *main* target is the one receiving its largest share. Every other piece of the source
    (another target, or no target at all) is a reallocation (``moved`` True): that is where a boundary
    change moves values away from where most of the source went. Reallocations come first, largest
    amount of the first extensive field first (or largest share when there is none; ties by source and
    target id, so the order does not depend on the order of the input); ``rank`` numbers them.
    """
    flows = pieces[["source", "target", "area", "share"]].sort_values(["source", "target"], na_position="last")
    for name in extensive:
        flows[name] = flows["source"].map(pd.Series(source_values[name], dtype="float64")) * flows["share"]
    has_target = flows["target"].notna()
    main = flows[has_target].sort_values(["source", "share", "target"], ascending=[True, False, True])
    main_target = main.drop_duplicates("source").set_index("source")["target"]
    flows["main"] = has_target & (flows["target"] == flows["source"].map(main_target))
    flows["moved"] = ~flows["main"] & (flows["share"] > 0)
    key = extensive[0] if extensive else "share"
    flows = flows.sort_values(["moved", key, "share"], ascending=[False, False, False], na_position="last",
                              kind="stable")
    flows["rank"] = np.where(flows["moved"], np.arange(1, len(flows) + 1), 0)
    return flows.reset_index(drop=True)


def check_fields(available: Sequence[str], extensive: Sequence[str], intensive: Sequence[str],
                 layer_name: str) -> None:
    """Raise ComputationError when a field is missing or chosen both as extensive and intensive."""
    missing = [f for f in list(extensive) + list(intensive) if f not in available]
    if missing:
        raise ComputationError(tr("The source layer '{layer}' has no field(s) {fields}. Available: {avail}.").format(
            layer=layer_name, fields=", ".join(missing), avail=", ".join(available)))
    both = sorted(set(extensive) & set(intensive))
    if both:
        raise ComputationError(tr("Field(s) {fields} are chosen as extensive and as intensive; choose one kind "
                                  "per field (counts: extensive; shares, rates: intensive).").format(
            fields=", ".join(both)))
    if not extensive and not intensive:
        raise ComputationError(tr("Choose at least one field to interpolate (EXTENSIVE_FIELDS or "
                                  "INTENSIVE_FIELDS)."))


# --------------------------------------------------------------------------------------------------
# Accessibility
# --------------------------------------------------------------------------------------------------

def accessibility_uniform(area: npt.ArrayLike, area_within: npt.ArrayLike,
                          population: Optional[npt.ArrayLike] = None) -> pd.DataFrame:
    """Share of each district's population within reach, population spread uniformly over the district.

    ``share_pct = area_within / area * 100``; with ``population``: ``pop_within = population * area_within / area``.
    Returns a DataFrame (index of ``area``) with ``share_pct`` and, with population, ``pop`` and ``pop_within``.
    A district of area 0 gets NaN; with ``population``, so does a district whose population is 0 or
    missing (a share of nobody is not a number).
    """
    areas = pd.Series(area, dtype="float64")
    within = pd.Series(area_within, index=areas.index, dtype="float64").clip(lower=0.0)
    frac = (within / areas.where(areas > 0)).clip(upper=1.0)
    out = pd.DataFrame(index=areas.index)
    share = frac * 100.0
    if population is not None:
        pop = pd.Series(population, index=areas.index, dtype="float64")
        out["pop"] = pop
        out["pop_within"] = pop * frac
        share = share.where(pop > 0)
    out["share_pct"] = share
    return out


def accessibility_from_units(district_ids: Iterable[int], pieces: pd.DataFrame,
                             unit_population: Any) -> pd.DataFrame:
    """Share of each district's population within reach, from a population layer (points, grid, blocks).

    ``pieces``: one row per population unit ∩ district with ``unit``, ``district``, ``frac`` (share of the
    unit's area in the district; 1 for a point) and ``frac_within`` (share of the unit's area in the
    district and within reach; for a point 1 or 0). Each unit's population is spread uniformly over the
    unit: ``pop_d = Σ pop_u · frac``, ``pop_within_d = Σ pop_u · frac_within``, ``share_pct = pop_within / pop * 100``
    (NaN where pop_d is 0: a district without inhabitants has no share).
    """
    index = pd.Index(district_ids, name="fid")
    pop_u = pd.Series(unit_population, dtype="float64")
    p = pieces["unit"].map(pop_u).fillna(0.0)
    pop = (p * pieces["frac"]).groupby(pieces["district"]).sum().reindex(index, fill_value=0.0)
    within = (p * pieces["frac_within"]).groupby(pieces["district"]).sum().reindex(index, fill_value=0.0)
    out = pd.DataFrame({"pop": pop, "pop_within": within}, index=index)
    out["share_pct"] = within / pop.where(pop > 0) * 100.0
    return out


REPORT_COLUMNS = ["section", "source", "target", "field", "value_in", "value_out", "share_pct", "detail"]


def interpolation_report(result: InterpolationResult, source_labels: Optional[Mapping[Any, str]] = None,
                         target_labels: Optional[Mapping[int, str]] = None) -> pd.DataFrame:
    """The interpolation report as one tidy table (columns REPORT_COLUMNS).

    Sections: ``total`` (per extensive field: total in, total out, difference in %, "ok"/"NOT preserved");
    ``uncovered_source`` (share of a source no target covers); ``reallocation`` (every piece of a split
    source, largest amount first: how much of the first extensive field moves from source to target and
    which share of the source that is; the source's main target is not listed).
    """
    def s_label(i: Any) -> str:
        return (source_labels or {}).get(i, str(i))

    def t_label(i: Any) -> str:
        if i is None or (isinstance(i, float) and np.isnan(i)):
            return ""
        return (target_labels or {}).get(int(i), str(int(i)))

    rows = []
    for rec in result.totals.to_dict("records"):
        rows.append(["total", "", "", rec["field"], rec["total_in"], rec["total_out"], rec["diff_pct"],
                     ("ok" if rec["ok"] else "NOT preserved") + "; uncovered {:.6g}; sources without value {}".format(
                         rec["uncovered"], rec["missing_sources"])])
    for sid, rec in result.uncovered_sources.iterrows():
        rows.append(["uncovered_source", s_label(sid), "", "", np.nan, np.nan, rec["share_uncovered"] * 100.0,
                     "area {:.6g}".format(rec["area_uncovered"])])
    fields = [c for c in result.totals["field"]]
    name = fields[0] if fields else ""
    split = result.flows[result.flows["moved"]]
    # column by column: the reallocations are most of the report (388,589 rows at 100,000 districts)
    n = len(split)
    moves = {"section": ["reallocation"] * n, "source": [s_label(i) for i in split["source"].tolist()],
             "target": [t_label(i) or "(no target)" for i in split["target"].tolist()], "field": [name] * n,
             "value_in": [np.nan] * n, "value_out": split[name].tolist() if name else [np.nan] * n,
             "share_pct": (split["share"].to_numpy(dtype="float64") * 100.0).tolist(),
             "detail": [f"rank {r}; area {a:.6g}" for r, a in zip(split["rank"].tolist(), split["area"].tolist())]}
    return pd.DataFrame({c: [row[i] for row in rows] + moves[c] for i, c in enumerate(REPORT_COLUMNS)},
                        columns=REPORT_COLUMNS)


def write_report_csv(table: pd.DataFrame, path: atomic.StrPath) -> str:
    """UTF-8 with BOM, ';'-separated (opens in German Excel), like the join report; complete or absent."""
    return atomic.write_csv(table, path)
