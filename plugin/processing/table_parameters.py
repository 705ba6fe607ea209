"""The reading options of an indicator table, the same in every algorithm that accepts a table file.

join_table and compute_index both read table files with plugin/core/tables (title rows, footnotes,
suppression symbols, German decimals, encoding); these parameters pass the choices a user made (or the
panel detected in step 2) to that one reader. Empty values mean "detect".
"""
from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterNumber, QgsProcessingParameterString

from ..core.i18n import tr

SHEET = "SHEET"
ENCODING = "ENCODING"
SEPARATOR = "SEPARATOR"
DECIMAL = "DECIMAL"
HEADER_ROW = "HEADER_ROW"


def table_option_parameters():
    """The advanced parameters SHEET, ENCODING, SEPARATOR, DECIMAL, HEADER_ROW (new objects per call)."""
    params = [
        QgsProcessingParameterString(SHEET, tr("Sheet (XLSX/ODS; name or 0-based number)"), optional=True),
        QgsProcessingParameterString(ENCODING, tr("Encoding (empty = detect; e.g. utf-8, cp1252)"), optional=True),
        QgsProcessingParameterString(SEPARATOR, tr("Separator (empty = detect; ; , tab |)"), optional=True),
        QgsProcessingParameterString(DECIMAL, tr("Decimal separator (empty = detect; , or .)"), optional=True),
        QgsProcessingParameterNumber(HEADER_ROW, tr("Header row number (0 = detect)"),
                                     QgsProcessingParameterNumber.Type.Integer, defaultValue=0, minValue=0),
    ]
    for param in params:
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return params


def table_options(alg, parameters, context, sheet=None):
    """{sheet, encoding, separator, decimal, header_row} for core.tables.read_table (None = detect).

    ``sheet``: a sheet taken from the input's own source (``|layername=``) when SHEET is empty."""
    def text(name):
        value = alg.parameterAsString(parameters, name, context)
        return value.strip() if value else ""

    header = alg.parameterAsInt(parameters, HEADER_ROW, context)
    return {
        "sheet": text(SHEET) or sheet or None,
        "encoding": text(ENCODING) or None,
        # a tab separator is whitespace: not stripped
        "separator": alg.parameterAsString(parameters, SEPARATOR, context) or None,
        "decimal": text(DECIMAL) or None,
        "header_row": header or None,
    }
