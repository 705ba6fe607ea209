"""Counting points per district inside PostgreSQL/PostGIS: one SQL spatial join, one new table, nothing through QGIS.

``in_database_plan`` decides, in one place, whether ``count_points`` can run in the database: both layers
are plain tables of the ``postgres`` provider in the same database (host, port, dbname, user), without a
subset filter, both have a single-column primary key, the districts an integer one (QGIS's feature id, so
"lowest id" means the same as in the local path), the CRS is projected (planar areas, as the local path
computes them) and every district geometry is valid and not empty (the local path repairs or skips the
others; the database path refuses them rather than count differently).

``count_points_in_database`` runs the join. Boundary rule, the same as plugin/core/spatial/points_in_polygons.py:
a point belongs to the lowest district id whose interior contains it (``ST_Contains``), else to the lowest id
whose boundary it touches (``ST_Intersects``); a multi-point counts at its first point. For every district
one GiST lookup of the points (``&&``) gives its candidates, the exact predicates follow, and the candidates
are grouped by the points' primary key. The result goes into a temporary table in the target schema, which
one transaction renames to the target name (``postgis.swap_sql``); on any failure the temporary tables are
dropped and the target is untouched. Every identifier goes through ``postgis.quote_ident``, every text value
through ``quote_literal``.
"""
from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsDataSourceUri, QgsVectorLayer

from ...core.errors import ExportError
from ...core.i18n import tr
from ..io import postgis
from ..io.postgis import qualified_name, quote_ident

_INTEGER_TYPES = {"int2", "int4", "int8", "smallint", "integer", "bigint", "serial", "bigserial"}


@dataclass
class InDatabasePlan:
    """What ``count_points_in_database`` needs: the connection string and the two tables."""

    uri: str
    district_schema: str
    district_table: str
    district_geom: str
    district_key: str
    point_schema: str
    point_table: str
    point_geom: str
    point_key: str


def _same_database(a: QgsDataSourceUri, b: QgsDataSourceUri) -> bool:
    def where(u):
        return (u.host() or "", u.port() or "5432", u.database(), u.username(), u.service())
    return where(a) == where(b)


def in_database_plan(districts: QgsVectorLayer | None, points: QgsVectorLayer | None,
                     selected_only: bool = False) -> tuple[InDatabasePlan | None, str]:
    """(plan, "") when count_points can run inside the database of both layers, else (None, the reason).

    ``selected_only``: a parameter asks for the selected features only (the database cannot see a selection).
    """
    if districts is None or points is None:
        return None, tr("the districts and the points must be layers")
    for layer in (districts, points):
        if layer.providerType() != "postgres":
            return None, tr("layer '{name}' is not a PostGIS table").format(name=layer.name())
        uri = QgsDataSourceUri(layer.source())
        if uri.sql():
            return None, tr("layer '{name}' has a filter (subset string)").format(name=layer.name())
        if not uri.table() or uri.table().startswith("("):
            return None, tr("layer '{name}' is a query, not a table").format(name=layer.name())
    if selected_only:
        return None, tr("only selected features are to be used")
    d_uri, p_uri = QgsDataSourceUri(districts.source()), QgsDataSourceUri(points.source())
    if not _same_database(d_uri, p_uri):
        return None, tr("the two layers are in different databases")
    if "," in d_uri.keyColumn() or not d_uri.keyColumn():
        return None, tr("the districts have no single-column primary key")
    if "," in p_uri.keyColumn() or not p_uri.keyColumn():
        return None, tr("the points have no single-column primary key")
    if districts.crs().isGeographic() or not districts.crs().isValid():
        return None, tr("the districts' CRS is not projected (areas would be ellipsoidal)")
    connection_uri = QgsDataSourceUri(d_uri)
    connection_uri.setDataSource("", "", "")
    return InDatabasePlan(connection_uri.connectionInfo(True), d_uri.schema() or "public", d_uri.table(),
                          d_uri.geometryColumn(), d_uri.keyColumn(), p_uri.schema() or "public", p_uri.table(),
                          p_uri.geometryColumn(), p_uri.keyColumn()), ""


def parse_table_name(text: str) -> tuple[str, str]:
    """``schema.table`` or ``table`` (schema public); a part in double quotes may contain dots."""
    text = (text or "").strip()
    parts, current, quoted, i = [], "", False, 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            if quoted and text[i + 1:i + 2] == '"':
                current += '"'
                i += 1
            else:
                quoted = not quoted
        elif ch == "." and not quoted:
            parts.append(current)
            current = ""
        else:
            current += ch
        i += 1
    parts.append(current)
    if quoted or len(parts) > 2 or not all(parts):
        raise ExportError(tr("'{text}' is not a table name; write schema.table (e.g. public.kita_counts) or a table "
                             "name alone (schema public).").format(text=text))
    return (parts[0], parts[1]) if len(parts) == 2 else ("public", parts[0])


def check_districts(connection, plan: InDatabasePlan) -> str:
    """"" when the key is an integer and every district geometry is valid and not empty, else the reason."""
    d = qualified_name(plan.district_schema, plan.district_table)
    key_type = connection.executeSql(
        "SELECT format_type(a.atttypid, NULL) FROM pg_catalog.pg_attribute a "
        f"WHERE a.attrelid = {postgis.quote_literal(d)}::regclass AND a.attname = "
        f"{postgis.quote_literal(plan.district_key)}")
    if not key_type or str(key_type[0][0]).lower() not in _INTEGER_TYPES:
        return tr("the districts' key column '{key}' is not an integer").format(key=plan.district_key)
    g = quote_ident(plan.district_geom)
    bad = connection.executeSql(f"SELECT count(*) FROM {d} WHERE {g} IS NULL OR ST_IsEmpty({g}) OR NOT ST_IsValid({g})")
    if int(bad[0][0]):
        return tr("{n} district geometries are NULL, empty or invalid (the local path repairs or skips them)").format(
            n=bad[0][0])
    return ""


def _float(value: float) -> str:
    return repr(float(value))


def count_points_sql(plan: InDatabasePlan, assign: str, out_schema: str, out_tmp: str, columns: list[str],
                     prefix: str, pop_field: str, km2_factor: float) -> list[str]:
    """The statements that fill ``out_schema.assign`` (one row per point: district id, by boundary) and
    ``out_schema.out_tmp`` (the districts with ``<prefix>_total``, ``_p1000``, ``_km2`` and ``area_km2``)."""
    d = qualified_name(plan.district_schema, plan.district_table)
    p = qualified_name(plan.point_schema, plan.point_table)
    dg, pg, key = quote_ident(plan.district_geom), quote_ident(plan.point_geom), quote_ident(plan.district_key)
    a = qualified_name(out_schema, assign)
    # districts outside, points inside: one GiST lookup of the points per district (the LATERAL with OFFSET 0
    # keeps the planner from turning it round into one lookup per point, 5x slower at 20,000 x 500,000), and
    # consecutive tests against the same district let PostGIS reuse its prepared polygon. "&&" on the stored
    # geometry: a multi-point's box holds its first point, which is the one tested.
    pk = quote_ident(plan.point_key)
    first = f"ST_GeometryN(p.{pg}, 1)"
    # SET LOCAL holds for this statement string only (one implicit transaction): the grouping of all points
    # fits in memory instead of sorting on disk, and JIT compilation costs more than it saves here
    fill_assign = (
        "SET LOCAL work_mem = '256MB'; SET LOCAL jit = off; "
        f"CREATE TABLE {a} AS SELECT c.pid, min(c.id) FILTER (WHERE c.inside) AS inner_id, min(c.id) AS any_id "
        f"FROM (SELECT d.{key} AS id, p.pid, ST_Contains(d.{dg}, {first}) AS inside FROM {d} AS d "
        f"CROSS JOIN LATERAL (SELECT {pk} AS pid, {pg} FROM {p} WHERE {pg} && d.{dg} OFFSET 0) AS p "
        f"WHERE ST_Intersects(d.{dg}, {first})) AS c GROUP BY c.pid")
    total = quote_ident(f"{prefix}_total")
    new_columns = [f"COALESCE(c.n, 0)::bigint AS {total}"]
    area = f"(ST_Area(d.{dg}) * {_float(km2_factor)})"
    if pop_field:
        pop = f"d.{quote_ident(pop_field)}::float8"
        new_columns.append(f"CASE WHEN {pop} > 0 THEN COALESCE(c.n, 0) / {pop} * 1000.0 END AS "
                           f"{quote_ident(prefix + '_total_p1000')}")
    new_columns.append(f"CASE WHEN {area} > 0 THEN COALESCE(c.n, 0) / {area} END AS "
                       f"{quote_ident(prefix + '_total_km2')}")
    new_columns.append(f"{area} AS area_km2")
    kept = ", ".join(f"d.{quote_ident(c)}" for c in columns)
    o = qualified_name(out_schema, out_tmp)
    fill_out = (
        f"CREATE TABLE {o} AS SELECT {kept}, {', '.join(new_columns)} FROM {d} AS d LEFT JOIN "
        f"(SELECT COALESCE(inner_id, any_id) AS id, count(*) AS n FROM {a} WHERE any_id IS NOT NULL "
        f"GROUP BY 1) AS c ON c.id = d.{key}")
    index = (f"ALTER TABLE {o} ADD PRIMARY KEY ({key}); "
             f"CREATE INDEX ON {o} USING GIST ({dg})")
    return [fill_assign, fill_out, index]


def count_points_in_database(plan: InDatabasePlan, out_schema: str, out_table: str, overwrite: bool,
                             columns: list[str], prefix: str, pop_field: str, km2_factor: float,
                             feedback=None) -> tuple[dict, str]:
    """Run the count in the database; returns (statistics, the postgres source of the new table).

    ``columns``: the district columns to copy (key and geometry included). Statistics: N_POINTS, N_INSIDE,
    N_OUTSIDE, N_BOUNDARY, N_NO_POPULATION. Raises ExportError (nothing written) on any failure.
    """
    connection = postgis.open_connection(plan.uri)
    reason = check_districts(connection, plan)
    if reason:
        raise ExportError(tr("count_points cannot run in the database: {reason}.").format(reason=reason))
    postgis.check_identifier(out_table, tr("the table"))
    try:
        if out_schema not in connection.schemas():
            raise ExportError(tr("The schema '{schema}' does not exist in the database; create it first or choose "
                                 "another.").format(schema=out_schema))
        exists = postgis.table_exists(connection, out_schema, out_table)
    except postgis.DATABASE_ERRORS as err:
        raise ExportError(tr("PostgreSQL: {err}").format(err=str(err))) from None
    if exists and not overwrite:
        raise ExportError(tr("The table '{table}' already exists in schema '{schema}'. Set OVERWRITE_TABLE to "
                             "replace it, or choose another table name.").format(table=out_table, schema=out_schema))
    postgis.sweep_tmp_tables(connection, out_schema, feedback)
    assign, out_tmp = postgis.tmp_table_name(), postgis.tmp_table_name()
    statements = count_points_sql(plan, assign, out_schema, out_tmp, columns, prefix, pop_field, km2_factor)
    with postgis.active_table(assign), postgis.active_table(out_tmp):
        try:
            for i, sql in enumerate(statements):
                if feedback is not None:
                    if feedback.isCanceled():
                        raise postgis.CancelledError()
                    feedback.setProgress(100.0 * i / (len(statements) + 1))
                connection.executeSql(sql)
            a = qualified_name(out_schema, assign)
            p = qualified_name(plan.point_schema, plan.point_table)
            row = connection.executeSql(
                f"SELECT (SELECT count(*) FROM {p}), count(any_id), "
                f"count(*) FILTER (WHERE inner_id IS NULL AND any_id IS NOT NULL) FROM {a}")[0]
            no_pop = 0
            if pop_field:
                d = qualified_name(plan.district_schema, plan.district_table)
                pop = quote_ident(pop_field)
                no_pop = int(connection.executeSql(
                    f"SELECT count(*) FROM {d} WHERE {pop} IS NULL OR {pop}::float8 <= 0")[0][0])
            if feedback is not None and feedback.isCanceled():
                raise postgis.CancelledError()
            connection.executeSql(f"DROP TABLE {a}; " + postgis.swap_sql(out_schema, out_tmp, out_table, overwrite))
        except BaseException as err:
            for name in (assign, out_tmp):
                postgis._drop_quietly(connection, out_schema, name)
            if isinstance(err, postgis.DATABASE_ERRORS):
                raise ExportError(tr("PostgreSQL refused the count into '{schema}'.'{table}'; nothing was written: "
                                     "{err}").format(schema=out_schema, table=out_table,
                                                     err=postgis._provider_error(err))) from None
            raise
    stats = {"N_POINTS": int(row[0]), "N_INSIDE": int(row[1]), "N_OUTSIDE": int(row[0]) - int(row[1]),
             "N_BOUNDARY": int(row[2]), "N_NO_POPULATION": no_pop}
    source = postgis.layer_uri(plan.uri, out_schema, out_table, plan.district_geom, plan.district_key,
                               keep_password=False)
    return stats, source
