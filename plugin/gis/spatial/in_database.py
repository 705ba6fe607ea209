"""Overlays inside PostgreSQL/PostGIS: one SQL spatial join, one new table, nothing through QGIS.

``in_database_plan`` decides, in one place, whether an overlay (``count_points``, ``areal_interpolation``) can
run in the database: all layers are plain tables of the ``postgres`` provider in the same database (host, port,
dbname, user), without a subset filter, each with a single-column primary key, the first layer's CRS projected
(planar areas, as the local path computes them). ``check_polygons`` adds what the database cannot decide like
the local path: an integer or smallint key (QGIS's feature id, so "lowest id" and the report's ids mean the same as
locally) and every geometry valid and not empty (the local path repairs or skips the others; the database
path refuses them rather than compute differently). ``build_table`` runs the statements of one overlay into a
temporary table in the target schema, which one transaction renames to the target name (``postgis.swap_sql``);
on any failure the temporary tables are dropped and the target is untouched.

``count_points_in_database`` runs the point count. Boundary rule, the same as
plugin/core/spatial/points_in_polygons.py: a point belongs to the lowest district id whose interior contains it
(``ST_Contains``), else to the lowest id whose boundary it touches (``ST_Intersects``); a multi-point counts at
its first point. For every district one GiST lookup of the points (``&&``) gives its candidates, the exact
predicates follow, and the candidates are grouped by the points' primary key. The interpolation is in
interpolation_in_database.py. Every identifier goes through ``postgis.quote_ident``, every text value through
``quote_literal``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass

from qgis.core import QgsDataSourceUri, QgsVectorLayer

from ...core.errors import ExportError
from ...core.i18n import tr
from ..io import postgis
from ..io.postgis import qualified_name, quote_ident

# QGIS 3.22 numbers the features of a bigint key itself (fid 1, 2, …), so only these keys are the feature ids
_INTEGER_TYPES = {"int2", "int4", "smallint", "integer", "serial"}


@dataclass
class PgTable:
    """One input table: schema, table, geometry column, primary key column and the layer's name (for messages)."""

    schema: str
    table: str
    geom: str
    key: str
    label: str = ""

    @property
    def name(self) -> str:
        """The quoted ``schema.table``."""
        return qualified_name(self.schema, self.table)


@dataclass
class InDatabasePlan:
    """The connection string and the input tables, in the order of the layers given to ``in_database_plan``."""

    uri: str
    tables: tuple

    @property
    def districts(self) -> PgTable:
        return self.tables[0]

    @property
    def points(self) -> PgTable:
        return self.tables[1]


def _same_database(a: QgsDataSourceUri, b: QgsDataSourceUri) -> bool:
    def where(u):
        return (u.host() or "", u.port() or "5432", u.database(), u.username(), u.service())
    return where(a) == where(b)


def in_database_plan(layers: Sequence[QgsVectorLayer | None],
                     selected_only: bool = False) -> tuple[InDatabasePlan | None, str]:
    """(plan, "") when an overlay of ``layers`` can run inside their database, else (None, the reason).

    ``selected_only``: a parameter asks for the selected features only (the database cannot see a selection).
    The first layer's CRS must be projected.
    """
    if any(layer is None for layer in layers):
        return None, tr("every input must be a layer")
    for layer in layers:
        if layer.providerType() != "postgres":
            return None, tr("layer '{name}' is not a PostGIS table").format(name=layer.name())
        uri = QgsDataSourceUri(layer.source())
        if uri.sql():
            return None, tr("layer '{name}' has a filter (subset string)").format(name=layer.name())
        if not uri.table() or uri.table().startswith("("):
            return None, tr("layer '{name}' is a query, not a table").format(name=layer.name())
    if selected_only:
        return None, tr("only selected features are to be used")
    uris = [QgsDataSourceUri(layer.source()) for layer in layers]
    if not all(_same_database(uris[0], u) for u in uris[1:]):
        return None, tr("the layers are in different databases")
    for layer, uri in zip(layers, uris):
        if "," in uri.keyColumn() or not uri.keyColumn():
            return None, tr("layer '{name}' has no single-column primary key").format(name=layer.name())
    crs = layers[0].crs()
    if crs.isGeographic() or not crs.isValid():
        return None, tr("the CRS of layer '{name}' is not projected (areas would be ellipsoidal)").format(
            name=layers[0].name())
    connection_uri = QgsDataSourceUri(uris[0])
    connection_uri.setDataSource("", "", "")
    tables = tuple(PgTable(u.schema() or "public", u.table(), u.geometryColumn(), u.keyColumn(), layer.name())
                   for layer, u in zip(layers, uris))
    return InDatabasePlan(connection_uri.connectionInfo(True), tables), ""


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


def check_polygons(connection, table: PgTable) -> str:
    """"" when the key of ``table`` is an integer and every geometry is valid and not empty, else the reason."""
    key_type = connection.executeSql(
        "SELECT format_type(a.atttypid, NULL) FROM pg_catalog.pg_attribute a "
        f"WHERE a.attrelid = {postgis.quote_literal(table.name)}::regclass AND a.attname = "
        f"{postgis.quote_literal(table.key)}")
    if not key_type or str(key_type[0][0]).lower() not in _INTEGER_TYPES:
        return tr("the key column '{key}' of '{layer}' is not of type integer or smallint (QGIS numbers the "
                  "features of other keys itself, so feature ids would differ)").format(key=table.key,
                                                                                         layer=table.label)
    g = quote_ident(table.geom)
    bad = connection.executeSql(f"SELECT count(*) FROM {table.name} WHERE {g} IS NULL OR ST_IsEmpty({g}) "
                                f"OR NOT ST_IsValid({g})")
    if int(bad[0][0]):
        return tr("{n} geometries of '{layer}' are NULL, empty or invalid (the local path repairs or skips them)"
                  ).format(n=bad[0][0], layer=table.label)
    return ""


def _check_output(connection, out_schema: str, out_table: str, overwrite: bool) -> None:
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


def build_table(connection, out_schema: str, out_table: str, overwrite: bool, n_scratch: int,
                statements: Callable[[list, str], list], summarize: Callable[[list, str], dict], refused: str,
                feedback=None) -> dict:
    """Create ``out_schema.out_table`` completely or not at all; returns what ``summarize`` returns.

    ``statements(scratch, out_tmp)``: the SQL that fills the temporary table ``out_tmp`` (in ``out_schema``),
    using ``n_scratch`` scratch tables; ``summarize(scratch, out_tmp)`` reads the numbers for the log before
    the scratch tables are dropped and ``out_tmp`` takes the target's name in one transaction. ``refused``: the
    message (with {schema}, {table}, {err}) when PostgreSQL refuses a statement. Raises ExportError (nothing
    written) on a refusal, postgis.CancelledError when cancelled.
    """
    _check_output(connection, out_schema, out_table, overwrite)
    postgis.sweep_tmp_tables(connection, out_schema, feedback)
    scratch = [postgis.tmp_table_name() for _ in range(n_scratch)]
    out_tmp = postgis.tmp_table_name()
    sql = statements(scratch, out_tmp)
    with ExitStack() as stack:
        for name in scratch + [out_tmp]:
            stack.enter_context(postgis.active_table(name))
        try:
            for i, statement in enumerate(sql):
                if feedback is not None:
                    if feedback.isCanceled():
                        raise postgis.CancelledError()
                    feedback.setProgress(100.0 * i / (len(sql) + 1))
                connection.executeSql(statement)
            summary = summarize(scratch, out_tmp)
            if feedback is not None and feedback.isCanceled():
                raise postgis.CancelledError()
            drop = "".join(f"DROP TABLE {qualified_name(out_schema, name)}; " for name in scratch)
            connection.executeSql(drop + postgis.swap_sql(out_schema, out_tmp, out_table, overwrite))
        except BaseException as err:
            for name in scratch + [out_tmp]:
                postgis._drop_quietly(connection, out_schema, name)
            if isinstance(err, postgis.DATABASE_ERRORS):
                raise ExportError(refused.format(schema=out_schema, table=out_table,
                                                 err=postgis._provider_error(err))) from None
            raise
    return summary


def _float(value: float) -> str:
    return repr(float(value))


def point_categories(plan: InDatabasePlan, field: str) -> list:
    """The distinct values of the points' ``field`` (text or integer), sorted as count_points sorts them
    locally (by their text, NULL last). Raises ExportError for another type."""
    connection = postgis.open_connection(plan.uri)
    kind = connection.executeSql(
        "SELECT format_type(a.atttypid, NULL) FROM pg_catalog.pg_attribute a WHERE a.attrelid = "
        f"{postgis.quote_literal(plan.points.name)}::regclass AND a.attname = {postgis.quote_literal(field)}")
    kind = str(kind[0][0]).lower() if kind else ""
    if kind not in _INTEGER_TYPES | {"bigint", "text", "character varying", "character"}:
        raise ExportError(tr("count_points cannot run in the database: the category field '{field}' is of type "
                             "{kind}; inside the database only text and integer categories are counted.").format(
            field=field, kind=kind or "?"))
    rows = connection.executeSql(f"SELECT DISTINCT {quote_ident(field)}::text FROM {plan.points.name}")
    values = [None if v is None or (hasattr(v, "isNull") and v.isNull()) else str(v) for (v,) in rows]
    if kind not in ("text", "character varying", "character"):
        values = [None if v is None else int(v) for v in values]
    return sorted((v for v in values if v is not None), key=str) + ([None] if None in values else [])


def count_points_sql(plan: InDatabasePlan, assign: str, out_schema: str, out_tmp: str, columns: list[str],
                     prefix: str, pop_field: str, km2_factor: float, category: str = "",
                     categories: dict | None = None) -> list[str]:
    """The statements that fill ``out_schema.assign`` (one row per point: district id, by boundary) and
    ``out_schema.out_tmp`` (the districts with ``<prefix>_total``, ``_p1000``, ``_km2`` and ``area_km2``, and with
    ``category`` the same per category: ``categories`` {value (None for NULL): field name})."""
    d, p = plan.districts.name, plan.points.name
    dg, pg = quote_ident(plan.districts.geom), quote_ident(plan.points.geom)
    key = quote_ident(plan.districts.key)
    a = qualified_name(out_schema, assign)
    # districts outside, points inside: one GiST lookup of the points per district (the LATERAL with OFFSET 0
    # keeps the planner from turning it round into one lookup per point, 5x slower at 20,000 x 500,000), and
    # consecutive tests against the same district let PostGIS reuse its prepared polygon. "&&" on the stored
    # geometry: a multi-point's box holds its first point, which is the one tested.
    pk = quote_ident(plan.points.key)
    first = f"ST_GeometryN(p.{pg}, 1)"
    cat = f", {quote_ident(category)}::text AS cat" if category else ""
    cat_out = ", c.cat" if category else ""
    # SET LOCAL holds for this statement string only (one implicit transaction): the grouping of all points
    # fits in memory instead of sorting on disk, and JIT compilation costs more than it saves here
    fill_assign = (
        "SET LOCAL work_mem = '256MB'; SET LOCAL jit = off; "
        f"CREATE TABLE {a} AS SELECT c.pid{cat_out}, min(c.id) FILTER (WHERE c.inside) AS inner_id, "
        f"min(c.id) AS any_id FROM (SELECT d.{key} AS id, p.pid{', p.cat' if category else ''}, "
        f"ST_Contains(d.{dg}, {first}) AS inside FROM {d} AS d "
        f"CROSS JOIN LATERAL (SELECT {pk} AS pid{cat}, {pg} FROM {p} WHERE {pg} && d.{dg} OFFSET 0) AS p "
        f"WHERE ST_Intersects(d.{dg}, {first})) AS c GROUP BY c.pid{cat_out}")
    names = {"n": f"{prefix}_total"}
    counts = ["count(*) AS n"]
    for i, (value, name) in enumerate((categories or {}).items()):
        test = "cat IS NULL" if value is None else f"cat = {postgis.quote_literal(str(value))}"
        counts.append(f"count(*) FILTER (WHERE {test}) AS k{i}")
        names[f"k{i}"] = name
    new_columns = [f"COALESCE(c.{k}, 0)::bigint AS {quote_ident(name)}" for k, name in names.items()]
    area = f"(ST_Area(d.{dg}) * {_float(km2_factor)})"
    for k, name in names.items():
        if pop_field:
            pop = f"d.{quote_ident(pop_field)}::float8"
            new_columns.append(f"CASE WHEN {pop} > 0 THEN COALESCE(c.{k}, 0) / {pop} * 1000.0 END AS "
                               f"{quote_ident(name + '_p1000')}")
        new_columns.append(f"CASE WHEN {area} > 0 THEN COALESCE(c.{k}, 0) / {area} END AS "
                           f"{quote_ident(name + '_km2')}")
    new_columns.append(f"{area} AS area_km2")
    kept = ", ".join(f"d.{quote_ident(c)}" for c in columns)
    o = qualified_name(out_schema, out_tmp)
    fill_out = (
        f"CREATE TABLE {o} AS SELECT {kept}, {', '.join(new_columns)} FROM {d} AS d LEFT JOIN "
        f"(SELECT COALESCE(inner_id, any_id) AS id, {', '.join(counts)} FROM {a} WHERE any_id IS NOT NULL "
        f"GROUP BY 1) AS c ON c.id = d.{key}")
    index = (f"ALTER TABLE {o} ADD PRIMARY KEY ({key}); "
             f"CREATE INDEX ON {o} USING GIST ({dg})")
    return [fill_assign, fill_out, index]


def count_points_in_database(plan: InDatabasePlan, out_schema: str, out_table: str, overwrite: bool,
                             columns: list[str], prefix: str, pop_field: str, km2_factor: float,
                             feedback=None, category: str = "", categories: dict | None = None) -> tuple[dict, str]:
    """Run the count in the database; returns (statistics, the postgres source of the new table).

    ``columns``: the district columns to copy (key and geometry included); ``category``, ``categories``: see
    ``count_points_sql`` (``point_categories`` gives the values). Statistics: N_POINTS, N_INSIDE,
    N_OUTSIDE, N_BOUNDARY, N_NO_POPULATION. Raises ExportError (nothing written) on any failure.
    """
    connection = postgis.open_connection(plan.uri)
    reason = check_polygons(connection, plan.districts)
    if reason:
        raise ExportError(tr("count_points cannot run in the database: {reason}.").format(reason=reason))

    def statements(scratch, out_tmp):
        return count_points_sql(plan, scratch[0], out_schema, out_tmp, columns, prefix, pop_field, km2_factor,
                                category, categories)

    def summarize(scratch, _out_tmp):
        a = qualified_name(out_schema, scratch[0])
        row = connection.executeSql(
            f"SELECT (SELECT count(*) FROM {plan.points.name}), count(any_id), "
            f"count(*) FILTER (WHERE inner_id IS NULL AND any_id IS NOT NULL) FROM {a}")[0]
        no_pop = 0
        if pop_field:
            pop = quote_ident(pop_field)
            no_pop = int(connection.executeSql(
                f"SELECT count(*) FROM {plan.districts.name} WHERE {pop} IS NULL OR {pop}::float8 <= 0")[0][0])
        return {"N_POINTS": int(row[0]), "N_INSIDE": int(row[1]), "N_OUTSIDE": int(row[0]) - int(row[1]),
                "N_BOUNDARY": int(row[2]), "N_NO_POPULATION": no_pop}

    stats = build_table(connection, out_schema, out_table, overwrite, 1, statements, summarize,
                        tr("PostgreSQL refused the count into '{schema}'.'{table}'; nothing was written: {err}"),
                        feedback)
    return stats, output_source(plan, out_schema, out_table, plan.districts)


def output_source(plan: InDatabasePlan, out_schema: str, out_table: str, like: PgTable) -> str:
    """The postgres source of the new table (geometry and key named as in ``like``), without the password."""
    return postgis.layer_uri(plan.uri, out_schema, out_table, like.geom, like.key, keep_password=False)
