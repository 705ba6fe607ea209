"""sozialmonitor:export_postgis — write a layer (e.g. the index result) to a PostGIS table.

All database work is in plugin/gis/io/postgis.py: a temporary table filled through QGIS's postgres
provider, then one transaction that swaps it in, so the table is written completely or not at all.
"""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDatabaseSchema,
    QgsProcessingParameterDatabaseTable,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ...core.i18n import tr
from ...gis.io import postgis
from ..algorithm import SozialmonitorAlgorithm


class ExportPostgisAlgorithm(SozialmonitorAlgorithm):
    NAME = "export_postgis"
    DISPLAY = "Export to PostGIS"
    GROUP_ID = "maps"
    HELP = (
        "Writes INPUT (e.g. the districts with the index) to the table SCHEMA.TABLE of a PostgreSQL/PostGIS "
        "database, through QGIS's PostgreSQL provider.\n\n"
        "DATABASE: the name of a PostgreSQL connection saved in QGIS (Browser panel), or a connection string "
        "such as host=localhost port=5432 dbname=gis user=me. A missing schema is created.\n"
        "An existing table is only replaced when OVERWRITE is set. The table is written completely or not at "
        "all: the features go into a temporary table first, which one transaction then renames to TABLE "
        "(dropping the old table when OVERWRITE is set). Any schema or table name is allowed: names are "
        "quoted, so quotes or semicolons in a name cannot change the SQL.\n\n"
        "PRIMARY_KEY (default fid) is a new generated integer key (1, 2, …), so duplicated district keys do no "
        "harm. An integer input field with that name (a GeoPackage fid, the key of an earlier export) is "
        "replaced by it; any other input field with that name is an error. Decimal numbers are stored as "
        "double precision (float8), geometries in GEOMETRY_COLUMN with a spatial index."
    )

    INPUT = "INPUT"
    DATABASE = "DATABASE"
    SCHEMA = "SCHEMA"
    TABLE = "TABLE"
    OVERWRITE = "OVERWRITE"
    PRIMARY_KEY = "PRIMARY_KEY"
    GEOMETRY_COLUMN = "GEOMETRY_COLUMN"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Layer or table to write"), [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.DATABASE, self.tr("Database (saved PostgreSQL connection or connection string)"), "postgres"))
        self.addParameter(QgsProcessingParameterDatabaseSchema(
            self.SCHEMA, self.tr("Schema"), connectionParameterName=self.DATABASE, defaultValue="public"))
        self.addParameter(QgsProcessingParameterDatabaseTable(
            self.TABLE, self.tr("Table"), connectionParameterName=self.DATABASE, schemaParameterName=self.SCHEMA,
            allowNewTableNames=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.OVERWRITE, self.tr("Replace the table if it exists"), defaultValue=False))
        self.addParameter(QgsProcessingParameterString(
            self.PRIMARY_KEY, self.tr("Primary key column (generated)"), defaultValue="fid"))
        geometry = QgsProcessingParameterString(
            self.GEOMETRY_COLUMN, self.tr("Geometry column"), defaultValue="geom")
        geometry.setFlags(geometry.flags() | geometry.FlagAdvanced)
        self.addParameter(geometry)
        self.addOutput(QgsProcessingOutputString(
            self.OUTPUT, self.tr("Source of the written table (postgres provider, without password)")))
        self.addOutput(QgsProcessingOutputNumber("FEATURE_COUNT", self.tr("Features written")))

    def execute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        uri = postgis.resolve_database(self.parameterAsConnectionName(parameters, self.DATABASE, context))
        schema = self.parameterAsSchema(parameters, self.SCHEMA, context) or "public"
        table = self.parameterAsDatabaseTableName(parameters, self.TABLE, context) or ""
        primary_key = (self.parameterAsString(parameters, self.PRIMARY_KEY, context) or "").strip() or "fid"
        geometry_column = (self.parameterAsString(parameters, self.GEOMETRY_COLUMN, context) or "").strip() or "geom"
        overwrite = self.parameterAsBool(parameters, self.OVERWRITE, context)

        feedback.setProgressText(self.tr("Writing to PostGIS…"))
        try:
            written, source_uri = postgis.export_to_postgis(
                source, uri, schema, table, overwrite=overwrite, primary_key=primary_key,
                geometry_column=geometry_column, feedback=feedback)
        except postgis.CancelledError:
            feedback.pushInfo(tr("Cancelled: nothing was written."))
            return {}
        feedback.pushInfo(tr("{n} features written to '{schema}'.'{table}'.").format(n=written, schema=schema,
                                                                                     table=table))
        return {self.OUTPUT: source_uri, "FEATURE_COUNT": written}
