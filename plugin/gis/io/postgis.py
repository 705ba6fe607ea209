"""Writing a layer to a PostGIS table through QGIS's ``postgres`` provider, completely or not at all.

How a write works (``export_to_postgis``):

1. The target is checked first: an existing table is only replaced when ``overwrite`` is set.
2. Every feature goes into a new table ``sozialmonitor_tmp_<random>`` in the target schema, created and
   filled by ``QgsVectorLayerExporter`` (QGIS quotes the schema and table names in the SQL it writes).
   The primary key is a generated ``serial`` column (``primary_key``, default ``fid``), so duplicated
   district keys never collide with it. A GiST index is built on the geometry.
3. One SQL string, which PostgreSQL runs as a single transaction, drops the old table (only with
   ``overwrite``) and renames the temporary table to the target name. If anything fails or the user
   cancels before that, the temporary table is dropped and the target is left as it was.

Identifiers and literals in the SQL we write ourselves are quoted by postgis_connection.py (which also opens
the connections); its names are imported here, so ``postgis.quote_ident`` etc. keep working.
"""
import logging
import os
import re
import threading
import uuid
from contextlib import contextmanager

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsVectorLayerExporter,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.outputs import atomic
from ..compat import FieldType
from .postgis_connection import (  # noqa: F401 - part of this module's API (postgis.open_connection …)
    DATABASE_ERRORS,
    MAX_IDENTIFIER_BYTES,
    PROVIDER,
    _metadata,
    check_identifier,
    layer_uri,
    open_connection,
    qualified_name,
    quote_ident,
    quote_literal,
    resolve_database,
    table_exists,
)

LOG = logging.getLogger(__name__)

TMP_PREFIX = "sozialmonitor_tmp_"
BATCH = 1000
# sozialmonitor_tmp_<host>_<pid>_<random>: the next export can tell a table of a killed run (its process is
# gone) from one a running export is still filling (see core/atomic.owner_gone)
_TMP_RE = re.compile(r"^sozialmonitor_tmp_(?P<host>[0-9a-f]{8})_(?P<pid>\d+)_[0-9a-f]+$")
_ACTIVE_TABLES = set()
_LOCK = threading.Lock()
# what libpq and QGIS say when the server went away
_CONNECTION_LOST = re.compile(r"no connection to the server|server closed the connection|terminating connection|"
                              r"connection (to server )?.*(lost|refused|failed)|could not connect|no result buffer|"
                              r"Connection error|could not receive data|SSL SYSCALL", re.IGNORECASE)


def tmp_table_name(pid=None):
    """A new temporary table name of this machine and process (``pid`` only for tests)."""
    return f"{TMP_PREFIX}{atomic.host_tag()}_{os.getpid() if pid is None else pid}_{uuid.uuid4().hex[:10]}"


@contextmanager
def active_table(name):
    """Mark the temporary table ``name`` as being filled by this process, so ``sweep_tmp_tables`` keeps it."""
    with _LOCK:
        _ACTIVE_TABLES.add(name)
    try:
        yield name
    finally:
        with _LOCK:
            _ACTIVE_TABLES.discard(name)


def sweep_tmp_tables(connection, schema, feedback=None):
    """Drop the temporary tables that killed or disconnected exports left in ``schema``; returns their names.
    Tables of other machines and of running exports are kept."""
    try:
        rows = connection.executeSql(
            "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            f"WHERE n.nspname = {quote_literal(schema)} AND c.relkind = 'r' "
            "AND c.relname LIKE 'sozialmonitor\\_tmp\\_%'")
    except DATABASE_ERRORS as err:
        LOG.warning("listing temporary tables in %s: %s", schema, err)
        return []
    with _LOCK:
        active = set(_ACTIVE_TABLES)
    dropped = []
    for (name,) in rows:
        match = _TMP_RE.match(name)
        if not match or not atomic.owner_gone(match.group("host"), int(match.group("pid")), name in active):
            continue
        try:
            connection.executeSql(f"DROP TABLE IF EXISTS {qualified_name(schema, name)}")
            dropped.append(name)
        except DATABASE_ERRORS as err:
            LOG.warning("dropping the stale temporary table %s.%s: %s", schema, name, err)
    if dropped:
        _info(feedback, tr("Removed temporary tables an interrupted earlier export left in '{schema}': {names}")
              .format(schema=schema, names=atomic.cap_list(dropped)))
    return dropped


def _provider_error(text):
    """A provider error without QGIS's meaningless feature range ('from #-9223372036854775808 …'), capped."""
    text = re.sub(r"Creation error for features from #-?\d+ to #-?\d+\.\s*(Provider errors was:)?\s*", "",
                  str(text))
    return atomic.cap_message(" ".join(text.split()), max_lines=1)


class CancelledError(Exception):
    """The user cancelled; the temporary table has been removed."""


INTEGER_TYPES = FieldType.INTEGER


def export_fields(source_fields, primary_key):
    """The fields written to PostGIS and the indices of the source attributes they take.

    Doubles become float8 (no numeric(20,6) rounding), so values round-trip exactly. An integer field named
    like ``primary_key`` (a GeoPackage fid or the key of an earlier PostGIS export, copied by an algorithm)
    is left out: the generated key replaces it. Any other field with that name is an error.
    Returns (QgsFields, indices, name of the replaced field or None).
    """
    fields, indices, replaced = QgsFields(), [], None
    for i, field in enumerate(source_fields):
        if field.name().lower() == primary_key.lower():
            if field.type() not in INTEGER_TYPES:
                raise ExportError(tr("The input has a field '{name}' that is not an integer key. Choose another "
                                     "PRIMARY_KEY name for the generated key.").format(name=field.name()))
            replaced = field.name()
            continue
        out = QgsField(field)
        if out.type() == FieldType.Double:
            out.setLength(0)
            out.setPrecision(0)
            out.setTypeName("")
        fields.append(out)
        indices.append(i)
    return fields, indices, replaced


def export_to_postgis(source, uri, schema, table, overwrite=False, primary_key="fid", geometry_column="geom",
                      feedback=None):
    """Write every feature of ``source`` to ``schema.table``; returns (features written, layer source).

    The layer source has no password (it is shown in logs). Raises ExportError or CancelledError; either way
    nothing is written and an existing table is unchanged.
    """
    check_identifier(schema, tr("the schema"))
    check_identifier(table, tr("the table"))
    check_identifier(primary_key, tr("the primary key"))
    spatial = source.wkbType() != QgsWkbTypes.Type.NoGeometry
    if spatial:
        check_identifier(geometry_column, tr("the geometry column"))
    connection = open_connection(uri)
    fields, indices, replaced = export_fields(source.fields(), primary_key)
    if replaced:
        _info(feedback, tr("The input's integer field '{name}' is replaced by the generated key.").format(
            name=replaced))
    if spatial and fields.lookupField(geometry_column) >= 0:
        raise ExportError(tr("The input has a field '{name}', the name of the geometry column. Rename it or choose "
                             "another GEOMETRY_COLUMN.").format(name=geometry_column))

    try:
        new_schema = schema not in connection.schemas()
        exists = not new_schema and table_exists(connection, schema, table)
    except DATABASE_ERRORS as err:
        raise ExportError(tr("PostgreSQL: {err}").format(err=str(err))) from None
    if exists and not overwrite:
        raise ExportError(tr("The table '{table}' already exists in schema '{schema}'. Set OVERWRITE to replace it, "
                             "or choose another table name.").format(table=table, schema=schema))
    if new_schema:
        try:
            connection.executeSql(f"CREATE SCHEMA {quote_ident(schema)}")
        except DATABASE_ERRORS as err:
            raise ExportError(tr("PostgreSQL: {err}").format(err=str(err))) from None
        _info(feedback, tr("Schema '{schema}' created.").format(schema=schema))

    sweep_tmp_tables(connection, schema, feedback)
    tmp = tmp_table_name()
    with active_table(tmp):
        return _write(connection, source, uri, schema, table, tmp, fields, indices, overwrite, primary_key,
                      geometry_column if spatial else "", new_schema, feedback)


def _write(connection, source, uri, schema, table, tmp, fields, indices, overwrite, primary_key, geometry_column,
           new_schema, feedback):
    spatial = bool(geometry_column)
    try:
        written = _fill(source, uri, schema, tmp, fields, indices, primary_key, geometry_column, feedback)
        if spatial:
            connection.executeSql(
                f"CREATE INDEX ON {qualified_name(schema, tmp)} USING GIST ({quote_ident(geometry_column)})")
        stored = connection.executeSql(f"SELECT count(*) FROM {qualified_name(schema, tmp)}")
        if int(stored[0][0]) != written:
            raise ExportError(tr("PostgreSQL stored {stored} of {n} features; nothing was written.").format(
                stored=stored[0][0], n=written))
        if feedback is not None and feedback.isCanceled():
            raise CancelledError()
        connection.executeSql(swap_sql(schema, tmp, table, overwrite))
    except BaseException as err:
        text = err.message if isinstance(err, ExportError) else str(err)
        cleaned = _drop_quietly(connection, schema, tmp, new_schema)
        if not cleaned or _CONNECTION_LOST.search(text):
            # the connection is gone (a dropped network, a restarted server): try a new one to clean up
            fresh = _reconnect(uri)
            if fresh is not None and not cleaned:
                cleaned = _drop_quietly(fresh, schema, tmp, new_schema)
            if fresh is None or _CONNECTION_LOST.search(text):
                raise ExportError(tr(
                    "The connection to the PostgreSQL server was lost while writing '{schema}'.'{table}'; nothing "
                    "was written.{cleanup} Check the server and the network, then run the export again.").format(
                    schema=schema, table=table, cleanup="" if cleaned else " " + tr(
                        "The temporary table {tmp} is removed by the next export.").format(tmp=tmp)),
                    details=_provider_error(text)) from None
        if isinstance(err, DATABASE_ERRORS):
            raise ExportError(tr("PostgreSQL refused the write to '{schema}'.'{table}'; nothing was written: {err}")
                              .format(schema=schema, table=table, err=_provider_error(err))) from None
        if isinstance(err, ExportError):
            raise ExportError(_provider_error(err.message), err.details) from None
        raise
    return written, layer_uri(uri, schema, table, geometry_column, primary_key, keep_password=False)


def _reconnect(uri):
    """A new connection to ``uri`` that answers, or None."""
    try:
        connection = _metadata().createConnection(uri, {})
        connection.executeSql("SELECT 1")
        return connection
    except DATABASE_ERRORS:
        return None


def swap_sql(schema, tmp, table, overwrite):
    """SQL that puts ``schema.tmp`` in the place of ``schema.table``.

    Several statements in one query string (without BEGIN/COMMIT) run as one implicit transaction in
    PostgreSQL, so the old table is dropped and the new one renamed together or not at all. Without
    ``overwrite`` there is no DROP: a table created meanwhile under that name makes the rename fail.
    """
    rename = f"ALTER TABLE {qualified_name(schema, tmp)} RENAME TO {quote_ident(table)}"
    if overwrite:
        return f"DROP TABLE IF EXISTS {qualified_name(schema, table)}; {rename}"
    return rename


def _fill(source, uri, schema, tmp, fields, indices, primary_key, geometry_column, feedback):
    """Create ``schema.tmp`` with QgsVectorLayerExporter and copy every feature; returns the count."""
    target_type = source.wkbType()
    exporter = QgsVectorLayerExporter(layer_uri(uri, schema, tmp, geometry_column, primary_key), PROVIDER, fields,
                                      target_type, source.sourceCrs(), False, {})
    if exporter.errorCode() != Qgis.VectorExportResult.Success:
        raise ExportError(tr("PostgreSQL could not create the table in schema '{schema}': {err}").format(
            schema=schema, err=exporter.errorMessage()))
    multi = QgsWkbTypes.isMultiType(target_type)
    total = source.featureCount() or 0
    written, batch = 0, []
    for feature in source.getFeatures():
        if feedback is not None and written % BATCH == 0:
            if feedback.isCanceled():
                raise CancelledError()
            if total:
                feedback.setProgress(100.0 * written / total)
        out = QgsFeature(fields)
        attrs = feature.attributes()
        out.setAttributes([None if _is_null(attrs[i]) else attrs[i] for i in indices])
        if geometry_column and feature.hasGeometry():
            geometry = feature.geometry()
            if multi and not geometry.isMultipart():
                geometry.convertToMultiType()
            out.setGeometry(geometry)
        batch.append(out)
        written += 1
        if len(batch) >= BATCH:
            _add(exporter, batch, schema)
            batch = []
    if batch:
        _add(exporter, batch, schema)
    if not exporter.flushBuffer() or exporter.errorCode() != Qgis.VectorExportResult.Success:
        raise ExportError(tr("PostgreSQL refused features: {err}").format(err=exporter.errorMessage()))
    del exporter
    return written


def _is_null(value):
    return value is None or (isinstance(value, QVariant) and value.isNull())


def _add(exporter, batch, schema):
    """Hand ``batch`` to the provider as one INSERT batch (or several, see ``_conflates_null``)."""
    if len(batch) > 1 and _conflates_null(batch):
        half = len(batch) // 2
        _add(exporter, batch[:half], schema)
        _add(exporter, batch[half:], schema)
        return
    if not exporter.addFeatures(batch, QgsFeatureSink.Flag.FastInsert) or not exporter.flushBuffer():
        raise ExportError(tr("PostgreSQL refused features for schema '{schema}': {err}").format(
            schema=schema, err=exporter.lastError() or exporter.errorMessage()))


def _conflates_null(batch):
    """True when a column of ``batch`` holds only NULL and zero (0, 0.0 or '') and both occur.

    QGIS 3.22's postgres provider writes a column's value as a constant when every feature of a batch has
    "the same" value, and Qt compares a NULL number equal to 0 (a NULL text equal to ''). Such a batch would
    store 0 for the NULLs (or NULL for the zeros), so it is split until each part is unambiguous.
    """
    columns = zip(*(feature.attributes() for feature in batch))
    for values in columns:
        nulls = sum(1 for v in values if _is_null(v))
        if 0 < nulls < len(values) and all(_is_null(v) or _zero_like(v) for v in values):
            return True
    return False


def _zero_like(value):
    if isinstance(value, str):
        return value == ""
    return isinstance(value, (int, float)) and value == 0


def _drop_quietly(connection, schema, table, drop_schema=False):
    """Remove the temporary table (and the schema when this export created it and it is empty); False when the
    table could not be dropped."""
    statements = [f"DROP TABLE IF EXISTS {qualified_name(schema, table)}"]
    if drop_schema:
        statements.append(f"DROP SCHEMA IF EXISTS {quote_ident(schema)}")  # no CASCADE: only when empty
    for i, sql in enumerate(statements):
        try:
            connection.executeSql(sql)
        except DATABASE_ERRORS as err:
            # The original error is the one to report; this one only goes to the log.
            LOG.warning("cleanup after a failed PostGIS export: %s: %s", sql, atomic.cap_message(err, max_lines=1))
            if i == 0:
                return False
    return True


def _info(feedback, text):
    if feedback is not None:
        feedback.pushInfo(text)
