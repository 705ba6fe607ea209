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

from ...core.errors import JoinError, TableError
from ...core.i18n import tr
from ...core.join.expectation import DEFAULT_MIN_MATCH_PERCENT, JoinExpectationError, cap
from ...core.join.keys import KEY_RULES
from ...core.join.match import DUPLICATE_RULES, join_table, sanitise_field_names
from ...core.join.report import write_reports_csv
from ...core.tables import read_table, table_from_dataframe
from ...core.tables.long_detect import detect_long_format
from ...core.tables.longwide import long_to_wide
from ...gis.io.layer_frame import layer_to_dataframe
from ..base import SozialmonitorAlgorithm, check_file_output
from ..postprocess import FieldAliasSetter
from ..result_layer import bulk_plan, read_attributes, write_result_layer

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
    SHEET = "SHEET"
    ENCODING = "ENCODING"
    SEPARATOR = "SEPARATOR"
    DECIMAL = "DECIMAL"
    HEADER_ROW = "HEADER_ROW"
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
            QgsProcessingParameterString(self.SHEET, self.tr("Sheet (XLSX/ODS; name or 0-based number)"),
                                         optional=True),
            QgsProcessingParameterString(self.ENCODING, self.tr("Encoding (empty = detect; e.g. utf-8, cp1252)"),
                                         optional=True),
            QgsProcessingParameterString(self.SEPARATOR, self.tr("Separator (empty = detect; ; , tab |)"),
                                         optional=True),
            QgsProcessingParameterString(self.DECIMAL, self.tr("Decimal separator (empty = detect; , or .)"),
                                         optional=True),
            QgsProcessingParameterNumber(self.HEADER_ROW, self.tr("Header row number (0 = detect)"),
                                         QgsProcessingParameterNumber.Type.Integer, defaultValue=0, minValue=0),
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
            param.setFlags(param.flags() | param.FlagAdvanced)
            self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber("MATCHED", self.tr("Districts with data from every table")))
        self.addOutput(QgsProcessingOutputNumber("UNMATCHED_DISTRICTS", self.tr("Districts without data")))
        self.addOutput(QgsProcessingOutputNumber("UNMATCHED_ROWS", self.tr("Table rows without district")))

    # ------------------------------------------------------------------ helpers
    def _string(self, parameters, name, context):
        value = self.parameterAsString(parameters, name, context)
        return value.strip() if value else ""

    def _options(self, parameters, context):
        header = self.parameterAsInt(parameters, self.HEADER_ROW, context)
        return {
            "sheet": self._string(parameters, self.SHEET, context) or None,
            "encoding": self._string(parameters, self.ENCODING, context) or None,
            "separator": self.parameterAsString(parameters, self.SEPARATOR, context) or None,
            "decimal": self._string(parameters, self.DECIMAL, context) or None,
            "header_row": header or None,
        }

    def _tables(self, parameters, context, feedback, key_names):
        """[(label, TableReadResult, key column)] for the main table, the extra files and the table layer.

        key_names: one key column name, or several candidates ("PLR_ID;Kennziffer"): each table uses the
        first it has.
        """
        options = self._options(parameters, context)
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
            tables.append((path, table, _key_of(table, key_names, path)))
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
            tables.append((label, table, _key_of(table, key_names, label)))
        return tables

    def _long(self, parameters, context, label, table, table_key, table_name, feedback):
        indicator = self._string(parameters, self.LONG_INDICATOR, context)
        value = self._string(parameters, self.LONG_VALUE, context)
        year = self._string(parameters, self.LONG_YEAR, context)
        if not indicator and not value and not year:
            indicator, value, year = _detect_long_columns(table, table_key, label)
            feedback.pushInfo(tr("Long format: columns found: indicator '{i}', value '{v}', year '{y}'.").format(
                i=indicator or "–", v=value, y=year or "–"))
        if not value or not (indicator or year):
            raise TableError(tr("Long format needs the value column (LONG_VALUE) and the indicator column "
                                "(LONG_INDICATOR) or the year column (LONG_YEAR); leave all three empty to detect "
                                "them."))
        years = [y.strip() for y in self._string(parameters, self.LONG_YEARS, context).split(";") if y.strip()]
        duplicates = DUPLICATE_RULES[self.parameterAsEnum(parameters, self.DUPLICATES, context)]
        values = [v.strip() for v in value.split(";") if v.strip()]
        return long_to_wide(table, table_key, indicator or None, values, year or None, duplicates=duplicates,
                            keep_columns=[table_name] if table_name else [], years=years or None, label=label)

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
    def execute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        district_key = (self.parameterAsStrings(parameters, self.INPUT_KEY, context) or [""])[0]
        district_name = (self.parameterAsStrings(parameters, self.INPUT_NAME, context) or [None])[0] or None
        key_names = [k.strip() for k in self._string(parameters, self.TABLE_KEY, context).split(";") if k.strip()]
        table_name = self._string(parameters, self.TABLE_NAME, context) or None
        if not key_names:
            raise TableError(tr("Give the key column of the table (TABLE_KEY)."))
        key_rule = KEY_RULES[self.parameterAsEnum(parameters, self.KEY_RULE, context)]
        strict = self.parameterAsBool(parameters, self.STRICT, context)
        duplicates = DUPLICATE_RULES[self.parameterAsEnum(parameters, self.DUPLICATES, context)]
        missing_codes = _codes(self._string(parameters, self.MISSING_CODES, context))
        min_match = self.parameterAsDouble(parameters, self.MIN_MATCH_PERCENT, context)
        is_long = FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)] == "long"
        # fail before reading anything: a Shapefile destination or an unwritable report file
        self.check_layer_output(parameters, self.OUTPUT, context)
        report_path = self._report_path(parameters, context)
        if report_path:
            check_file_output(report_path)

        feedback.setProgressText(self.tr("Reading district attributes…"))
        fields = [district_key] + ([district_name] if district_name and district_name != district_key else [])
        # the added fields never replace the input's (sanitise_field_names below avoids its names)
        plan = bulk_plan(self, parameters, context, source, self.INPUT, self.OUTPUT, ())
        districts = read_attributes(source, fields, plan, feedback)
        tables = self._tables(parameters, context, feedback, key_names)
        if feedback.isCanceled() or not tables:
            return {}

        frame, flags, reports, matched_all = districts, [], [], None
        for label, table, table_key in tables:
            for line in table.report.to_lines():
                feedback.pushInfo(line)
            if is_long:
                wide = self._long(parameters, context, label, table, table_key, table_name, feedback)
                for line in wide.lines:
                    feedback.pushInfo("  " + line)
                kwargs = {"flags": wide.flags, "row_numbers": wide.row_numbers, "table_report": table.report}
                table_like = wide.frame
            else:
                kwargs, table_like = {}, table
            suffix = _stem(label) if len(tables) > 1 else "table"
            try:
                result = join_table(frame, district_key, table_like, table_key, key_rule=key_rule, strict=strict,
                                    duplicates=duplicates, district_name=district_name, table_name=table_name,
                                    missing_codes=missing_codes, label=label, collision_suffix=suffix,
                                    reserved_columns=[f.name() for f in source.fields()], min_match_percent=min_match,
                                    **kwargs)
            except JoinExpectationError as err:
                # the join report is the explanation: written also when the join fails (the layer is not)
                if report_path and err.report is not None:
                    write_reports_csv(reports + [err.report], report_path)
                    err.message += "\n" + cap(tr("Join report: {path}").format(path=report_path))
                raise
            if is_long:
                result.report.conversions[:0] = wide.lines
            else:
                result.report.invalid_values = {col.name: list(col.invalid_examples) for col in table.report.columns
                                                if col.invalid_examples}
            frame = result.frame
            if result.flags is not None:
                flags.append(result.flags)
            reports.append(result.report)
            matched_all = result.matched if matched_all is None else (matched_all & result.matched)
            feedback.pushInfo(result.report.to_text())
            if feedback.isCanceled():
                return {}

        added = [c for c in frame.columns if c not in districts.columns]
        source_names = [f.name() for f in source.fields()]
        safe = sanitise_field_names(added, taken=source_names)
        for report in reports:  # the report names the field as it is written, next to the table's header
            report.columns_added = [(safe.get(column, column), header) for column, header in report.columns_added]
        specs = []
        out = frame[added].rename(columns=safe)
        for col in added:
            kind = "double" if str(frame[col].dtype).startswith(("float", "int")) else "string"
            specs.append((safe[col], col if safe[col] != col else "", kind))
        if self.parameterAsBool(parameters, self.ADD_FLAGS, context):
            taken = source_names + list(safe.values())
            for flag_frame in flags:
                for col in flag_frame.columns:
                    if col in safe and flag_frame[col].notna().any():
                        name = sanitise_field_names([safe[col] + "_flag"], taken=taken)[safe[col] + "_flag"]
                        taken.append(name)
                        out[name] = flag_frame[col].astype(object).where(flag_frame[col].notna(), None)
                        specs.append((name, tr("{col}: flag").format(col=col), "string"))
        renamed = [(col, safe[col]) for col in added if safe[col] != col]
        if renamed:
            feedback.pushInfo(tr("Field names made safe for GeoPackage (the alias keeps the header): {pairs}").format(
                pairs=", ".join(f"'{a}' -> {b}" for a, b in renamed[:30])))

        if report_path:
            write_reports_csv(reports, report_path)
            feedback.pushInfo(tr("Join report written to {path}").format(path=report_path))

        dest_id = write_result_layer(self, parameters, context, source, out, specs, feedback, plan, self.OUTPUT,
                                     self.tr("Districts with table columns"))
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(FieldAliasSetter.create(specs))
        n_matched = int(matched_all.sum())
        return {
            self.OUTPUT: dest_id,
            self.REPORT: report_path or None,
            "MATCHED": n_matched,
            "UNMATCHED_DISTRICTS": len(districts) - n_matched,
            "UNMATCHED_ROWS": sum(r.n_unmatched_rows for r in reports),
        }


def _detect_long_columns(table, table_key, label):
    """(indicator, value, year) of a long table, found by long_detect; TableError when they cannot be found."""
    layout = detect_long_format(table.frame, table_key)
    if layout is not None and layout.values:
        return None, ";".join(map(str, layout.values)), layout.year
    if layout is None or not layout.value:
        numeric = [c for c in table.frame.columns if c != table_key and str(table.frame[c].dtype).startswith("float")]
        raise TableError(tr("{file}: the long-format columns could not be found (the key '{key}' does not repeat "
                            "with a year or indicator column, or there are several value columns: {cols}). Give "
                            "LONG_INDICATOR, LONG_VALUE and LONG_YEAR.").format(
            file=os.path.basename(str(label)), key=table_key, cols=", ".join(map(str, numeric[:8])) or "–"))
    return layout.indicator, layout.value, layout.year


def _codes(text):
    codes = []
    for part in text.replace(",", ";").split(";") if text else []:
        part = part.strip()
        if not part:
            continue
        try:
            codes.append(float(part))
        except ValueError:
            raise JoinError(tr("Missing-value code '{code}' is not a number (example: 0;-9999).").format(
                code=part)) from None
    return tuple(codes)


def _key_of(table, key_names, label):
    if table.key_columns:
        return table.key_columns[0]
    raise TableError(tr("{file}: none of the key columns {names} found. Columns: {cols}.").format(
        file=label, names=", ".join(f"'{k}'" for k in key_names), cols=", ".join(table.frame.columns)))


def _stem(label):
    return os.path.splitext(os.path.basename(str(label)))[0] or "table"
