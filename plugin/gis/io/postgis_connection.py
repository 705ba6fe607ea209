"""Connecting to PostgreSQL through QGIS's ``postgres`` provider, and the SQL text we write ourselves.

Identifiers go through ``quote_ident`` (double quotes, embedded quotes doubled: PostgreSQL's own rule) and
values through ``quote_literal``, never through string formatting of raw names. A name PostgreSQL would
silently truncate (more than 63 bytes) is refused, because the truncated name would be another table.
Used by the export (postgis.py) and by the overlays inside the database (gis/spatial/in_database.py).
"""
from qgis.core import QgsDataSourceUri, QgsException, QgsProviderConnectionException, QgsProviderRegistry

from ...core.errors import ExportError
from ...core.i18n import tr

PROVIDER = "postgres"
# QGIS 3.22's Python bindings raise connection errors as QgsException, later ones as
# QgsProviderConnectionException.
DATABASE_ERRORS = (QgsProviderConnectionException, QgsException)
MAX_IDENTIFIER_BYTES = 63  # PostgreSQL's NAMEDATALEN - 1


def quote_ident(name):
    """``name`` as a PostgreSQL identifier: in double quotes, every embedded double quote doubled.

    Raises ExportError for empty names, NUL characters and names longer than 63 bytes (PostgreSQL would
    cut them off and so address a different table).
    """
    check_identifier(name, tr("the identifier"))
    return '"' + name.replace('"', '""') + '"'


def check_identifier(name, what):
    """Raise ExportError unless ``name`` can be used as a PostgreSQL identifier (``what``: e.g. tr("the table"))."""
    if not name:
        raise ExportError(tr("The name for {what} is empty.").format(what=what))
    if "\x00" in name:
        raise ExportError(tr("The name for {what} contains a NUL character.").format(what=what))
    if len(name.encode("utf-8")) > MAX_IDENTIFIER_BYTES:
        raise ExportError(tr("The name '{name}' for {what} is longer than {n} bytes; PostgreSQL would shorten it. "
                             "Choose a shorter name.").format(what=what, name=name, n=MAX_IDENTIFIER_BYTES))


def quote_literal(text):
    """``text`` as a PostgreSQL string literal, as PostgreSQL's own quote_literal() writes it: single quotes
    doubled, and with backslashes doubled in an E'' literal, so the value stays one literal whatever
    standard_conforming_strings says. NUL characters are refused earlier, by ``check_identifier``."""
    quoted = "'" + text.replace("'", "''") + "'"
    if "\\" in text:
        quoted = "E" + quoted.replace("\\", "\\\\")
    return quoted


def table_exists(connection, schema, table):
    """True when ``schema.table`` exists (any relation kind). Our own query with quoted literals: QGIS 3.22's
    ``tableExists`` puts the schema name into its SQL unescaped."""
    rows = connection.executeSql(
        "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        f"WHERE n.nspname = {quote_literal(schema)} AND c.relname = {quote_literal(table)}")
    return bool(rows)


def qualified_name(schema, table):
    """``"schema"."table"``, both parts quoted with ``quote_ident``."""
    return quote_ident(schema) + "." + quote_ident(table)


def _metadata():
    metadata = QgsProviderRegistry.instance().providerMetadata(PROVIDER)
    if metadata is None:
        raise ExportError(tr("This QGIS has no PostgreSQL provider (install qgis-providers)."))
    return metadata


def resolve_database(database):
    """Connection string for ``database``: the name of a saved QGIS PostgreSQL connection, or a
    connection string such as ``host=… port=… dbname=… user=…`` (anything containing '=')."""
    database = (database or "").strip()
    connections = _metadata().connections(False)
    if database in connections:
        return connections[database].uri()
    if "=" in database:
        return database
    names = ", ".join(sorted(connections)) or tr("none")
    raise ExportError(tr("No PostgreSQL connection named '{name}' in QGIS (saved connections: {names}). Give the "
                         "name of a connection from the Browser panel or a connection string such as "
                         "'host=localhost dbname=gis user=me'.").format(name=database, names=names))


def open_connection(uri):
    """A QgsAbstractDatabaseProviderConnection for ``uri``; raises ExportError when it cannot connect."""
    try:
        connection = _metadata().createConnection(uri, {})
        connection.schemas()  # connects now, so a wrong host or password is reported here
    except DATABASE_ERRORS as err:
        raise ExportError(tr("Cannot connect to the PostgreSQL database: {err}").format(err=str(err))) from None
    return connection


def layer_uri(uri, schema, table, geometry_column, key_column, keep_password=True):
    """The ``postgres`` provider source of ``schema.table`` (quoting is QgsDataSourceUri's)."""
    source = QgsDataSourceUri(uri)
    if not keep_password:
        source.setPassword("")
    source.setDataSource(schema, table, geometry_column or "", "", key_column)
    return source.uri(False)
