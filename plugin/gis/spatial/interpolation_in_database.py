"""Areal interpolation inside PostgreSQL/PostGIS (``areal_interpolation`` with OUTPUT_TABLE): the pieces and
the sums in SQL, one new table, no geometry through QGIS.

Pieces, by the rule of overlay_geometry.polygon_pieces: for every target one GiST lookup of the sources
(``&&``), then ``ST_Intersects``; a source the target contains (``ST_Contains``) is taken whole (its area),
any other pair gives ``ST_Area(ST_Intersection(...))``, and pieces of area 0 are dropped. The part of a source
that no target covers, area(source) − Σ its pieces, becomes a piece without target when it exceeds 1e-9 of the
source's area. ``share`` = area / Σ area of the source's pieces (W_s, the uncovered part included).

Sums per target, the area-weighted formulas of plugin/core/spatial/overlay.interpolate (the test
tests/postgis/test_interpolation_in_database.py holds both to 1e-9): extensive value_t = Σ value_s · share_st,
intensive value_t = Σ value_s · area_st / Σ area_st over the sources with a value (NULL when that is 0);
``src_n`` = number of sources with a piece in t, ``src_cover_pct`` = min(Σ area_st / area_t · 100, 100); a
target without pieces gets NULL values. The totals check, reallocations and uncovered sources are computed
by the core (``overlay.summary_from_split_pieces``) from the few numbers it needs: per field the total in,
the total out and the number of sources without a value, and the pieces of the *split* sources only (more
than one piece, or a part without target), without geometries.
"""
from __future__ import annotations

import io
import os

import numpy as np
import pandas as pd

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.spatial import overlay
from ..io import postgis
from ..io.postgis import qualified_name, quote_ident
from .in_database import InDatabasePlan, build_table, check_polygons, output_source

#: a part of a source no target covers is a piece when it exceeds this share of the source (as polygon_pieces)
UNCOVERED_MIN = 1e-9
# SET LOCAL holds for one statement string (one implicit transaction): sorts and groupings in memory, and no
# JIT compilation, which costs more than it saves here (0.7 s of a 1.3 s statement at 20,000 targets)
_SETTINGS = "SET LOCAL work_mem = '256MB'; SET LOCAL jit = off; "
#: target overlap is reported when the pieces of a source exceed its area by this share (as polygon_pieces)
OVERLAP_MIN = 1e-6


def interpolation_sql(plan: InDatabasePlan, scratch: list[str], out_schema: str, out_tmp: str, columns: list[str],
                      extensive: list[str], intensive: list[str]) -> list[str]:
    """The statements that fill ``out_schema.scratch[0]`` (every source ∩ target pair and its area),
    ``scratch[1]``, the pieces (source, target or NULL, area, share, split) and ``out_schema.out_tmp`` (the
    target ``columns`` with the interpolated fields, src_n, src_cover_pct)."""
    src, tgt = plan.tables[0], plan.tables[1]
    s, t = src.name, tgt.name
    sg, tg, sk, tk = (quote_ident(src.geom), quote_ident(tgt.geom), quote_ident(src.key), quote_ident(tgt.key))
    cut, pc = qualified_name(out_schema, scratch[0]), qualified_name(out_schema, scratch[1])
    # a plain join, so that PostgreSQL can share the pairs among parallel workers (the intersections are most of
    # the time; a LATERAL subquery with OFFSET 0 would forbid that); its own estimate finds parallel workers not
    # worth starting, hence the zero costs. Each pair is tested once with the GiST index ("&&").
    fill_cut = (
        f"{_SETTINGS}SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0; "
        "SET LOCAL min_parallel_table_scan_size = 0; "
        f"CREATE TABLE {cut} AS SELECT c.{sk}::bigint AS source, t.{tk}::bigint AS target, "
        f"CASE WHEN ST_Contains(t.{tg}, c.{sg}) THEN ST_Area(c.{sg}) ELSE ST_Area(ST_Intersection(t.{tg}, c.{sg})) "
        f"END AS area FROM {t} AS t JOIN {s} AS c ON c.{sg} && t.{tg} AND ST_Intersects(t.{tg}, c.{sg})")
    fill_pieces = (
        f"{_SETTINGS}CREATE TABLE {pc} AS WITH covered AS (SELECT source, target, area FROM {cut} WHERE area > 0), "
        f"rest AS (SELECT s.{sk}::bigint AS source, ST_Area(s.{sg}) AS whole, COALESCE(c.a, 0) AS a FROM {s} AS s "
        "LEFT JOIN (SELECT source, sum(area) AS a FROM covered GROUP BY source) AS c ON c.source = s."
        f"{sk}), every AS (SELECT source, target, area FROM covered UNION ALL SELECT source, NULL::bigint, "
        f"whole - a FROM rest WHERE whole - a > {UNCOVERED_MIN!r} * whole) "
        "SELECT source, target, area, COALESCE(area / NULLIF(sum(area) OVER w, 0), 0) AS share, "
        "(count(*) OVER w > 1 OR bool_or(target IS NULL) OVER w) AS split FROM every "
        "WINDOW w AS (PARTITION BY source)")
    values = ", ".join([f"{sk}::bigint AS sid"] + [f"{quote_ident(n)}::float8 AS e{i}" for i, n in
                                                   enumerate(extensive)]
                       + [f"{quote_ident(n)}::float8 AS i{i}" for i, n in enumerate(intensive)])
    sums = ["count(*) AS n", "sum(p.area) AS cov"]  # one piece per source and target: count(*) counts sources
    sums += [f"sum(v.e{i} * p.share) AS e{i}" for i in range(len(extensive))]
    for i in range(len(intensive)):
        sums += [f"sum(v.i{i} * p.area) FILTER (WHERE v.i{i} IS NOT NULL) AS i{i}_num",
                 f"sum(p.area) FILTER (WHERE v.i{i} IS NOT NULL) AS i{i}_den"]
    new = [f"a.e{i} AS {quote_ident(n)}" for i, n in enumerate(extensive)]
    new += [f"CASE WHEN a.i{i}_den > 0 THEN a.i{i}_num / a.i{i}_den END AS {quote_ident(n)}"
            for i, n in enumerate(intensive)]
    new += ["COALESCE(a.n, 0)::integer AS src_n",
            f"CASE WHEN ST_Area(t.{tg}) > 0 THEN LEAST(COALESCE(a.cov, 0) / ST_Area(t.{tg}) * 100.0, 100.0) END "
            "AS src_cover_pct"]
    kept = ", ".join(f"t.{quote_ident(c)}" for c in columns)
    o = qualified_name(out_schema, out_tmp)
    fill_out = (
        f"{_SETTINGS}CREATE TABLE {o} AS SELECT {kept}, {', '.join(new)} FROM {t} AS t LEFT JOIN (SELECT p.target, "
        f"{', '.join(sums)} FROM {pc} AS p JOIN (SELECT {values} FROM {s}) AS v ON v.sid = p.source "
        f"WHERE p.target IS NOT NULL GROUP BY p.target) AS a ON a.target = t.{tk}")
    index = f"ALTER TABLE {o} ADD PRIMARY KEY ({tk}); CREATE INDEX ON {o} USING GIST ({tg})"
    return [fill_cut, fill_pieces, fill_out, index]


def _number(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _fetch(connection, columns: list[str], from_sql: str, order: str) -> pd.DataFrame:
    """The rows of ``SELECT columns FROM_SQL ORDER BY order`` as a float DataFrame (NULL as NaN).

    One text value instead of one Python object per number: at 100,000 targets the split sources have
    some 600,000 pieces. float8 as text is exact (PostgreSQL 12+ prints the shortest exact form)."""
    row = " || ',' || ".join(f"coalesce(({c})::text, '')" for c in columns)
    text = connection.executeSql(f"SELECT string_agg({row}, E'\\n' ORDER BY {order}) {from_sql}")[0][0]
    names = [f"c{i}" for i in range(len(columns))]
    if not text or (hasattr(text, "isNull") and text.isNull()):
        return pd.DataFrame({n: pd.Series(dtype="float64") for n in names})
    return pd.read_csv(io.StringIO(str(text)), header=None, names=names, dtype="float64")


def _labels(connection, table, key_field: str, ids) -> dict:
    """{id: text of ``key_field``, or "fid <id>" without one} for ``ids`` (the labels geometry_check.screen
    gives locally)."""
    ids = sorted({int(i) for i in ids})
    if not key_field or not ids:
        return {i: f"fid {i}" for i in ids}
    key = quote_ident(table.key)
    rows = connection.executeSql(f"SELECT {key}, {quote_ident(key_field)} FROM {table.name} WHERE {key} = ANY("
                                 f"'{{{','.join(map(str, ids))}}}'::bigint[])")
    return {int(k): str(None if v is None or (hasattr(v, "isNull") and v.isNull()) else v) for k, v in rows}


def summarize(connection, plan: InDatabasePlan, pc: str, o: str, extensive: list[str],
              key_fields: tuple[str, str]) -> tuple[overlay.InterpolationResult, dict, dict, float]:
    """(result with totals, flows and uncovered sources, source labels, target labels, overlap area) from the
    pieces table ``pc`` and the new table ``o`` (both qualified)."""
    src, tgt = plan.tables[0], plan.tables[1]
    sk, tk = quote_ident(src.key), quote_ident(tgt.key)
    sums: dict = {}
    if extensive:
        fields = [quote_ident(n) for n in extensive]
        row_in = connection.executeSql("SELECT " + ", ".join(f"sum({f}::float8), count(*) - count({f})"
                                                             for f in fields) + f" FROM {src.name}")[0]
        row_out = connection.executeSql("SELECT " + ", ".join(f"sum({f})" for f in fields) + f" FROM {o}")[0]
        for i, name in enumerate(extensive):
            total_in = _number(row_in[2 * i])
            sums[name] = {"total_in": 0.0 if np.isnan(total_in) else total_in,
                          "total_out": 0.0 if np.isnan(_number(row_out[i])) else _number(row_out[i]),
                          "missing": int(row_in[2 * i + 1])}
    frame = _fetch(connection, ["p.source", "p.target", "p.area"] + [f"s.{quote_ident(n)}::float8" for n in extensive],
                   f"FROM {pc} AS p JOIN {src.name} AS s ON s.{sk} = p.source WHERE p.split",
                   "p.source, p.target NULLS LAST")
    frame.columns = ["source", "target", "area"] + [f"v{i}" for i in range(len(extensive))]
    frame["source"] = frame["source"].astype("int64")
    split_values = frame.drop_duplicates("source").set_index("source")[[f"v{i}" for i in range(len(extensive))]]
    split_values.columns = list(extensive)
    empty = _fetch(connection, [tk], f"FROM {o} WHERE src_n = 0", tk)["c0"].astype("int64").tolist()
    result = overlay.summary_from_split_pieces(frame[["source", "target", "area"]], split_values, sums, empty,
                                               extensive)
    overlap = _number(connection.executeSql(
        f"SELECT COALESCE(sum(p.a - s.w), 0) FROM (SELECT source, sum(area) AS a FROM {pc} WHERE target IS NOT "
        f"NULL GROUP BY source) AS p JOIN (SELECT {sk}::bigint AS sid, ST_Area({quote_ident(src.geom)}) AS w "
        f"FROM {src.name}) AS s ON s.sid = p.source WHERE p.a - s.w > {OVERLAP_MIN!r} * s.w")[0][0])
    s_labels = _labels(connection, src, key_fields[0], frame["source"])
    t_labels = _labels(connection, tgt, key_fields[1], frame["target"].dropna().tolist() + empty)
    return result, s_labels, t_labels, overlap


def interpolate_in_database(plan: InDatabasePlan, out_schema: str, out_table: str, overwrite: bool,
                            columns: list[str], extensive: list[str], intensive: list[str],
                            key_fields: tuple[str, str] = ("", ""), report_path: str = "", feedback=None) -> dict:
    """Interpolate from ``plan.tables[0]`` (sources) to ``plan.tables[1]`` (targets) into a new table.

    ``columns``: the target columns to copy (key and geometry included); ``key_fields``: the source and target
    fields that name the areas in the report. The REPORT CSV (``report_path``) is written before the table
    takes its name, so both exist or neither. Returns {"result", "report", "s_labels", "t_labels",
    "overlap_area", "source"}. Raises ExportError (nothing written) on any failure.
    """
    connection = postgis.open_connection(plan.uri)
    for table in plan.tables:
        reason = check_polygons(connection, table)
        if reason:
            raise ExportError(tr("areal_interpolation cannot run in the database: {reason}.").format(reason=reason))

    written: list = []

    def statements(scratch, out_tmp):
        return interpolation_sql(plan, scratch, out_schema, out_tmp, columns, extensive, intensive)

    def summary(scratch, out_tmp):
        result, s_labels, t_labels, overlap = summarize(
            connection, plan, qualified_name(out_schema, scratch[1]), qualified_name(out_schema, out_tmp),
            extensive, key_fields)
        report = overlay.interpolation_report(result, s_labels, t_labels)
        if report_path:
            overlay.write_report_csv(report, report_path)
            written.append(report_path)
        return {"result": result, "report": report, "s_labels": s_labels, "t_labels": t_labels,
                "overlap_area": overlap}

    try:
        out = build_table(connection, out_schema, out_table, overwrite, 2, statements, summary,
                          tr("PostgreSQL refused the interpolation into '{schema}'.'{table}'; nothing was written: "
                             "{err}"), feedback)
    except BaseException:
        if report_path and os.path.exists(report_path) and written:
            os.remove(report_path)  # the report of a table that was not created
        raise
    out["source"] = output_source(plan, out_schema, out_table, plan.tables[1])
    return out
