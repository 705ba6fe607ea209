"""sozialmonitor:join_table — join indicator tables to a district layer, with an honest report.

Everything (reading, pivoting, joining, naming) is computed before the output sink is created,
so a bad file or a strict-mode failure leaves no output behind. The source layer and files are
only read.
"""
import os
import re

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...core.errors import TableError
from ...core.i18n import tr
from ...core.join.expectation import DEFAULT_MIN_MATCH_PERCENT, JoinExpectationError, cap
from ...core.join.keys import KEY_RULES
from ...core.join.match import DUPLICATE_RULES
from ...core.join.report import write_reports_csv
from ...core.join.several_tables import JoinOptions, LongFormat, join_tables, key_column, parse_missing_codes
from ...core.tables import read_table, table_from_dataframe
from ...gis.io.layer_frame import layer_to_dataframe
from ..algorithm import SozialmonitorAlgorithm
from ..postprocess import FieldAliasSetter
from ..result_layer import bulk_plan, read_attributes, write_result_layer
from ..staged_outputs import check_file_output
from ..table_parameters import DECIMAL, ENCODING, HEADER_ROW, SEPARATOR, SHEET, table_option_parameters, table_options

FORMATS = ("wide", "long")


class JoinTableAlgorithm(SozialmonitorAlgorithm):
    NAME = "join_table"
    DISPLAY = "Join indicator table(s)"
    GROUP_ID = "data"
    HELP = (
        "Joins indicator tables (CSV/TXT, XLSX, ODS or a table layer) to the districts of INPUT by key and "
        "writes a new layer: all district fields plus the table columns (names made safe for GeoPackage; "
        "the alias keeps the original header).\n\n"
        "Encoding, separator, decimal comma, header row below title rows and footnote rows are detected "
        "(override them if needed). Suppression symbols such as . - x / … • * become missing values, never 0, "
        "and are counted in the report.\n\n"
        "Keys are text: leading zeros survive. KEY_RULE 'pad_zeros' also matches keys whose leading zeros "
        "Excel removed (1100101, 1100101.0, 1.100101E+6). Duplicate table keys are an error unless DUPLICATES says "
        "how to aggregate; a table in long format (the key repeats with a year or indicator column) is refused "
        "until FORMAT=long pivots it. STRICT turns any district without data or table row without district into "
        "an error.\n\n"
        "MIN_MATCH_PERCENT (default 90): fewer districts or fewer table rows matched than this share fails the "
        "join, with the likely cause (lost leading zeros, decimal or scientific keys, another district vintage, "
        "a partial table) and the fix; no match at all always fails. Lower it when a partial match is what you "
        "expect.\n\n"
        "The join report (matched, districts without data, rows without district, duplicates, name "
        "mismatches, suppressed values, conversions) goes to this log and to REPORT (CSV; by default next "
        "to a file output). EXTRA_TABLES joins more files with the same key column and options."
    )

    INPUT = "INPUT"
    INPUT_KEY = "INPUT_KEY"
    INPUT_NAME = "INPUT_NAME"
    TABLE = "TABLE"
    TABLE_LAYER = "TABLE_LAYER"
    EXTRA_TABLES = "EXTRA_TABLES"
    TABLE_KEY = "TABLE_KEY"
    TABLE_NAME = "TABLE_NAME"
    SHEET, ENCODING, SEPARATOR, DECIMAL, HEADER_ROW = SHEET, ENCODING, SEPARATOR, DECIMAL, HEADER_ROW
    KEY_RULE = "KEY_RULE"
    STRICT = "STRICT"
    DUPLICATES = "DUPLICATES"
    MISSING_CODES = "MISSING_CODES"
    MIN_MATCH_PERCENT = "MIN_MATCH_PERCENT"
    FORMAT = "FORMAT"
    LONG_INDICATOR = "LONG_INDICATOR"
    LONG_VALUE = "LONG_VALUE"
    LONG_YEAR = "LONG_YEAR"
    LONG_YEARS = "LONG_YEARS"
    ADD_FLAGS = "ADD_FLAGS"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("District layer"), [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterField(
            self.INPUT_KEY, self.tr("District key field"), parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterFile(
            self.TABLE, self.tr("Indicator table (CSV, TXT, XLSX, ODS)"), optional=True,
            fileFilter=self.tr("Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.ods);;All files (*.*)")))
        self.addParameter(QgsProcessingParameterString(
            self.TABLE_KEY, self.tr("Key column in the table")))
        self.addParameter(QgsProcessingParameterEnum(
            self.KEY_RULE, self.tr("Key matching rule"),
            options=[self.tr("exact (text, surrounding spaces ignored)"),
                     self.tr("pad_zeros (restore leading zeros lost in Excel, drop '.0')"),
                     self.tr("normalise_text (names: ignore case, spaces, ß/ss)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.STRICT, self.tr("Strict: any district without data or table row without district is an error"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterEnum(
            self.DUPLICATES, self.tr("Several table rows with the same key"),
            options=[self.tr("error (list them)"), self.tr("sum"), self.tr("mean"), self.tr("first row")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_MATCH_PERCENT, self.tr("Minimum match (% of the districts and of the table rows; "
                                            "no match always fails)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=DEFAULT_MIN_MATCH_PERCENT, minValue=0.0,
            maxValue=100.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Districts with table columns"), QgsProcessing.SourceType.TypeVectorAnyGeometry))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, self.tr("Join report (CSV)"), self.tr("CSV files (*.csv)"), optional=True,
            createByDefault=False))
        advanced = [
            QgsProcessingParameterVectorLayer(
                self.TABLE_LAYER, self.tr("… or a table layer opened in QGIS"), [QgsProcessing.SourceType.TypeVector],
                optional=True),
            QgsProcessingParameterMultipleLayers(
                self.EXTRA_TABLES, self.tr("More table files (same key column and options)"),
                QgsProcessing.SourceType.TypeFile, optional=True),
            QgsProcessingParameterField(
                self.INPUT_NAME, self.tr("District name field (to list name mismatches)"),
                parentLayerParameterName=self.INPUT, optional=True),
            QgsProcessingParameterString(
                self.TABLE_NAME, self.tr("Name column in the table (to list name mismatches)"), optional=True),
            *table_option_parameters(),
            QgsProcessingParameterString(
                self.MISSING_CODES, self.tr("Missing-value codes to count in the report (e.g. 0;-9999)"),
                optional=True),
            QgsProcessingParameterEnum(self.FORMAT, self.tr("Table format"),
                                       options=[self.tr("wide (one row per district)"),
                                                self.tr("long (district, [year,] indicator, value)")],
                                       defaultValue=0),
            QgsProcessingParameterString(self.LONG_INDICATOR,
                                         self.tr("Long format: indicator column (empty = detect)"), optional=True),
            QgsProcessingParameterString(self.LONG_VALUE, self.tr("Long format: value column (empty = detect; "
                                                                  "with a year column also several: A;B)"),
                                         optional=True),
            QgsProcessingParameterString(self.LONG_YEAR, self.tr("Long format: year column (optional)"),
                                         optional=True),
            QgsProcessingParameterString(self.LONG_YEARS, self.tr("Long format: years to keep (e.g. 2019;2021)"),
                                         optional=True),
            QgsProcessingParameterBoolean(self.ADD_FLAGS, self.tr("Add <column>_flag fields with the "
                                                                  "suppression symbols"), defaultValue=False),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber("MATCHED", self.tr("Districts with data from every table")))
        self.addOutput(QgsProcessingOutputNumber("UNMATCHED_DISTRICTS", self.tr("Districts without data")))
        self.addOutput(QgsProcessingOutputNumber("UNMATCHED_ROWS", self.tr("Table rows without district")))

    # ------------------------------------------------------------------ helpers
    def _string(self, parameters, name, context):
        value = self.parameterAsString(parameters, name, context)
        return value.strip() if value else ""

    def _tables(self, parameters, context, feedback, key_names):
        """[(label, TableReadResult, key column)] for the main table, the extra files and the table layer.

        key_names: one key column name, or several candidates ("PLR_ID;Kennziffer"): each table uses the
        first it has.
        """
        options = table_options(self, parameters, context)
        paths = []
        main = self.parameterAsFile(parameters, self.TABLE, context)
        if main:
            paths.append(main)
        paths.extend(p for p in (self.parameterAsFileList(parameters, self.EXTRA_TABLES, context) or []) if p)
        layer = self.parameterAsVectorLayer(parameters, self.TABLE_LAYER, context)
        if not paths and layer is None:
            raise TableError(tr("Give an indicator table: a file (TABLE) or a table layer (TABLE_LAYER)."))
        strict_keys = len(key_names) == 1
        tables = []
        for path in paths:
            feedback.setProgressText(tr("Reading {file}…").format(file=path))
            table = read_table(path, key_columns=key_names, require_keys=strict_keys, **options)
            tables.append((path, table, key_column(table, key_names, path)))
            if feedback.isCanceled():
                return []
        if layer is not None:
            # The layer's own primary key (a GeoPackage 'fid') is bookkeeping, not an indicator.
            pk = set(layer.dataProvider().pkAttributeIndexes())
            names = [f.name() for i, f in enumerate(layer.fields()) if i not in pk]
            frame = layer_to_dataframe(layer, names).reset_index(drop=True)
            label = layer.name() or layer.source()
            table = table_from_dataframe(frame, key_columns=key_names, label=label, decimal=options["decimal"],
                                         require_keys=strict_keys)
            tables.append((label, table, key_column(table, key_names, label)))
        return tables

    def _report_path(self, parameters, context):
        path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if path:
            return path
        dest = self.parameterAsOutputLayer(parameters, self.OUTPUT, context) or ""
        target = dest.split("|")[0]
        # only next to a file: not for memory:, postgis:, ogr:… destinations (a drive letter is one character)
        if not target or target == QgsProcessing.TEMPORARY_OUTPUT or re.match(r"^[A-Za-z][A-Za-z0-9_]+:", target) \
                or not os.path.splitext(target)[1] or not os.path.isdir(os.path.dirname(os.path.abspath(target))):
            return ""
        return os.path.splitext(target)[0] + "_join_report.csv"

    def side_outputs(self, parameters, context):
        if self.parameterAsFileOutput(parameters, self.REPORT, context):
            return []  # checked as the REPORT parameter
        return [(self.REPORT, self._report_path(parameters, context))]

    # ------------------------------------------------------------------ main
    def _join_options(self, parameters, context):
        long_format = None
        if FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)] == "long":
            years = [y.strip() for y in self._string(parameters, self.LONG_YEARS, context).split(";") if y.strip()]
            long_format = LongFormat(indicator=self._string(parameters, self.LONG_INDICATOR, context),
                                     value=self._string(parameters, self.LONG_VALUE, context),
                                     year=self._string(parameters, self.LONG_YEAR, context), years=years)
        return JoinOptions(
            key_rule=KEY_RULES[self.parameterAsEnum(parameters, self.KEY_RULE, context)],
            strict=self.parameterAsBool(parameters, self.STRICT, context),
            duplicates=DUPLICATE_RULES[self.parameterAsEnum(parameters, self.DUPLICATES, context)],
            district_name=(self.parameterAsStrings(parameters, self.INPUT_NAME, context) or [None])[0] or None,
            table_name=self._string(parameters, self.TABLE_NAME, context) or None,
            missing_codes=parse_missing_codes(self._string(parameters, self.MISSING_CODES, context)),
            min_match_percent=self.parameterAsDouble(parameters, self.MIN_MATCH_PERCENT, context),
            add_flags=self.parameterAsBool(parameters, self.ADD_FLAGS, context),
            long=long_format)

    def execute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        district_key = (self.parameterAsStrings(parameters, self.INPUT_KEY, context) or [""])[0]
        key_names = [k.strip() for k in self._string(parameters, self.TABLE_KEY, context).split(";") if k.strip()]
        if not key_names:
            raise TableError(tr("Give the key column of the table (TABLE_KEY)."))
        options = self._join_options(parameters, context)
        # fail before reading anything: a Shapefile destination or an unwritable report file
        self.check_layer_output(parameters, self.OUTPUT, context)
        report_path = self._report_path(parameters, context)
        if report_path:
            check_file_output(report_path)

        feedback.setProgressText(self.tr("Reading district attributes…"))
        name = options.district_name
        fields = [district_key] + ([name] if name and name != district_key else [])
        # the added fields never replace the input's (join_tables names them around the layer's fields)
        plan = bulk_plan(self, parameters, context, source, self.INPUT, self.OUTPUT, ())
        districts = read_attributes(self, parameters, context, self.INPUT, source, fields, feedback)
        tables = self._tables(parameters, context, feedback, key_names)
        if feedback.isCanceled() or not tables:
            return {}
        layer_fields = [f.name() for f in source.fields()]
        try:
            run = join_tables(districts, district_key, tables, options, layer_fields, log=feedback.pushInfo,
                              cancelled=feedback.isCanceled)
        except JoinExpectationError as err:
            # the join report is the explanation: written also when the join fails (the layer is not)
            if report_path and getattr(err, "reports", None):
                write_reports_csv(err.reports, report_path)
                err.message += "\n" + cap(tr("Join report: {path}").format(path=report_path))
            raise
        if run is None:
            return {}
        if run.renamed:
            feedback.pushInfo(tr("Field names made safe for GeoPackage (the alias keeps the header): {pairs}").format(
                pairs=", ".join(f"'{a}' -> {b}" for a, b in run.renamed[:30])))
        if report_path:
            write_reports_csv(run.reports, report_path)
            feedback.pushInfo(tr("Join report written to {path}").format(path=report_path))

        dest_id = write_result_layer(self, parameters, context, source, run.out, run.specs, feedback, plan,
                                     self.OUTPUT, self.tr("Districts with table columns"))
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(FieldAliasSetter.create(run.specs))
        n_matched = int(run.matched.sum())
        return {
            self.OUTPUT: dest_id,
            self.REPORT: report_path or None,
            "MATCHED": n_matched,
            "UNMATCHED_DISTRICTS": len(districts) - n_matched,
            "UNMATCHED_ROWS": sum(r.n_unmatched_rows for r in run.reports),
        }
