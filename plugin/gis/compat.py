"""What differs between the QGIS versions the plugin runs on (3.22 up to 4.x), decided here once.

This is the only module that asks which QGIS it runs on (a test checks that no other one does). Each
difference names the QGIS version that brought the new API (PyQGIS documentation), so its old branch
can go once the oldest supported QGIS has it:

- field origins: ``Qgis.FieldOrigin`` from 3.38 (before ``QgsFields.FieldOrigin``);
- field types: ``QgsField(name, QMetaType.Type)`` from 3.38, where the ``QVariant.Type`` constructor
  became deprecated (QGIS 4 / PyQt6 has no ``QVariant.Type``); ``QgsField.type()`` returns the same kind,
  so comparisons use ``FieldType`` too;
- ``QgsProcessingAlgorithm.parameterAsStrings`` from 3.32 (``parameterAsFields`` deprecated in 3.40);
- ``QgsLayoutItemLabel.setTextFormat``/``textFormat`` from 3.24 (``setFont``, ``setFontColor``, ``font``
  deprecated in 3.40);
- ``QgsLegendStyle.setTextFormat``/``textFormat`` from 3.30 (``QgsLayoutItemLegend.setStyleFont``
  deprecated in 3.40);
- ``QAction`` lives in QtGui with Qt 6; on Qt 5 only newer QGIS 3 re-export it from ``qgis.PyQt.QtGui``.

``QgsVectorFileWriter.writeAsVectorFormatV3`` (3.20) needs no branch: every supported QGIS has it.

GDAL rather than QGIS decides one thing: ``ogr.Layer.GetArrowStreamAsNumPy`` (GDAL 3.6: Debian 12's QGIS
3.22 has it) lets plugin/gis/io/point_coordinates.py read millions of points column-wise; older GDAL
reads them through QGIS features. (shapely 1.8 vs 2 is decided in plugin/core/spatial/points_in_polygons.py,
which may not import this module.)
"""
from contextlib import contextmanager

from osgeo import gdal, ogr
from qgis.core import Qgis, QgsUnitTypes

QGIS_VERSION_INT = Qgis.QGIS_VERSION_INT
GDAL_ARROW_NUMPY = hasattr(ogr.Layer, "GetArrowStreamAsNumPy")


@contextmanager
def arrow_reading():
    """Read a GeoPackage's Arrow stream on the calling thread only. GDAL's GPKG driver fills the batches of a
    whole table in worker threads (GDAL >= 3.6), and before the fix of OSGeo/gdal#12935 (GDAL 3.11.4; Debian 13
    ships 3.10.3) a spurious wake-up let the caller read a batch the worker was still writing: garbage rows
    (a 45-district layer came back as 65,536 empty keys) or a crash. One thread costs little at our sizes."""
    old = gdal.GetThreadLocalConfigOption("OGR_GPKG_NUM_THREADS", None)
    gdal.SetThreadLocalConfigOption("OGR_GPKG_NUM_THREADS", "1")
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption("OGR_GPKG_NUM_THREADS", old)

try:  # Qt 6, and QGIS 3 releases whose qgis.PyQt.QtGui re-exports it
    from qgis.PyQt.QtGui import QAction
except ImportError:  # Qt 5 keeps QAction in QtWidgets
    from qgis.PyQt.QtWidgets import QAction  # noqa: F401 (re-exported)

#: the origin of a layer field read from the file or database (``QgsFields.fieldOrigin``): ``Qgis.FieldOrigin``
#: from 3.38, before ``QgsFields.FieldOrigin``
if QGIS_VERSION_INT >= 33800:
    FIELD_FROM_PROVIDER = Qgis.FieldOrigin.Provider
else:
    from qgis.core import QgsFields

    FIELD_FROM_PROVIDER = QgsFields.FieldOrigin.OriginProvider

if QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    _TYPE = QMetaType.Type
    _STRING, _DATE, _DATETIME = _TYPE.QString, _TYPE.QDate, _TYPE.QDateTime
else:
    from qgis.PyQt.QtCore import QVariant

    _TYPE = QVariant.Type
    _STRING, _DATE, _DATETIME = _TYPE.String, _TYPE.Date, _TYPE.DateTime


class FieldType:
    """Field types as this QGIS's ``QgsField`` takes and returns them:
    ``QgsField("ew", FieldType.Int)``, ``field.type() in FieldType.NUMERIC``."""

    Double = _TYPE.Double
    Int = _TYPE.Int
    LongLong = _TYPE.LongLong
    UInt = _TYPE.UInt
    ULongLong = _TYPE.ULongLong
    Bool = _TYPE.Bool
    String = _STRING
    Date = _DATE
    DateTime = _DATETIME
    INTEGER = frozenset({Int, LongLong, UInt, ULongLong})
    NUMERIC = frozenset({Double, Int, LongLong, UInt, ULongLong})


def parameter_as_strings(algorithm, parameters, name, context):
    """The list of strings of a multiple field parameter (``parameterAsFields`` before QGIS 3.32)."""
    if QGIS_VERSION_INT >= 33200:
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)


def _text_format_with(text_format, font, color=None):
    """``text_format`` with the family, style and point size of ``font`` (and ``color``), as the
    deprecated setFont did: a font without a point size keeps the format's size."""
    text_format.setFont(font)
    if font.pointSizeF() > 0:
        text_format.setSize(font.pointSizeF())
        text_format.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    if color is not None:
        text_format.setColor(color)
    return text_format


def set_label_font(label, font, color=None):
    """Set the font (its point size included) and optionally the colour of a QgsLayoutItemLabel."""
    if QGIS_VERSION_INT >= 32400:
        label.setTextFormat(_text_format_with(label.textFormat(), font, color))
        return
    label.setFont(font)
    if color is not None:
        label.setFontColor(color)


def label_font(label):
    """The QFont of a QgsLayoutItemLabel, with its size in points."""
    if QGIS_VERSION_INT >= 32400:
        return label.textFormat().toQFont()
    return label.font()


def set_legend_font(legend, component, font):
    """Set the font of one legend component (``QgsLegendStyle.Style.Title``, ...) of a QgsLayoutItemLegend."""
    if QGIS_VERSION_INT >= 33000:
        style = legend.style(component)
        style.setTextFormat(_text_format_with(style.textFormat(), font))
        legend.setStyle(component, style)
        return
    legend.setStyleFont(component, font)
