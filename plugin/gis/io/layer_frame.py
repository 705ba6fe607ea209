"""Layer <-> DataFrame: read attributes once, compute column-wise, write once.

Reading keeps text fields as text (district keys keep their leading zeros) and turns numeric
fields into float columns with NaN for NULL. Writing copies every source feature (geometry and
attributes) and appends or replaces the computed columns. Nothing here modifies the source.
"""
import math

import pandas as pd
from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingFeatureSource,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ...core.errors import SozialmonitorError
from ...core.i18n import tr
from ..compat import FieldType
from . import arrow_columns

#: kind (as used by core results) -> type of the output field
FIELD_TYPES = {
    "double": FieldType.Double,
    "int": FieldType.Int,
    "bool": FieldType.Int,  # GeoPackage has no portable boolean in every reader: 0/1
    "string": FieldType.String,
}

NUMERIC_TYPES = FieldType.NUMERIC


def _python_value(value):
    if type(value) in (str, int, float):  # the common case first: comparing with NULL costs a QVariant each
        return value
    if value is None or value == NULL:
        return None
    if isinstance(value, QDate):
        return value.toPyDate()
    if isinstance(value, QDateTime):
        return value.toPyDateTime()
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def layer_to_dataframe(source, field_names=None, feedback=None, columnar=None):
    """Read the attributes of a QgsFeatureSource/QgsVectorLayer into a DataFrame: the one reader of layers.

    The index holds the feature ids, so results can be written back with ``write_features``.
    Numeric fields become float columns (NULL -> NaN); all other fields stay Python objects,
    so text keys such as ``"01011101"`` are never turned into numbers.
    A whole OGR layer (a QgsVectorLayer or LayerSnapshot without subset, selection or unsaved edits; for a
    Processing source the caller passes ``columnar``, see arrow_columns.columnar_source) is read column-wise
    by GDAL without geometries; any other source through QGIS features. Both give the same frame.
    Raises SozialmonitorError naming a field that does not exist.
    """
    fields = source.fields()
    if field_names is None:
        field_names = [f.name() for f in fields]
    indices = []
    for name in field_names:
        idx = fields.lookupField(name)
        if idx < 0:
            available = ", ".join(f.name() for f in fields)
            raise SozialmonitorError(
                tr("The layer has no field '{name}'. Available fields: {available}.").format(
                    name=name, available=available
                )
            )
        indices.append(idx)
    if columnar is None:
        if isinstance(source, LayerSnapshot):
            columnar = source.columnar
        elif isinstance(source, QgsVectorLayer):
            columnar = arrow_columns.columnar_source(source)
    if columnar and arrow_columns.readable(fields, field_names):
        frame = arrow_columns.read_attributes(columnar, fields, list(field_names), feedback)
        if frame is not None:
            return frame
    return _features_to_dataframe(source, fields, list(field_names), indices, feedback)


def _features_to_dataframe(source, fields, field_names, indices, feedback):
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(indices)
    total = source.featureCount() or 0
    fids, rows = [], []
    for i, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and i % 5000 == 0:
            if feedback.isCanceled():
                break
            if total:
                feedback.setProgress(100.0 * i / total)
        attrs = feature.attributes()
        fids.append(feature.id())
        rows.append([_python_value(attrs[j]) for j in indices])

    frame = pd.DataFrame(rows, columns=field_names, index=pd.Index(fids, name="fid", dtype="int64"))
    for name, idx in zip(field_names, indices):
        if fields.at(idx).type() in NUMERIC_TYPES:
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype(float)
    return frame


def _column_values(series, kind):
    """Convert a pandas column to a list of Python values for QgsFeature attributes."""
    out = []
    for value in series.tolist():
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
            out.append(None)
        elif kind == "double":
            out.append(float(value))
        elif kind in ("int", "bool"):
            out.append(int(value))
        else:
            out.append(str(value))
    return out


def output_fields(source_fields, specs):
    """Source fields plus ``specs`` [(name, alias, kind)]; a spec whose name exists replaces that field.

    Returns (QgsFields, replaced_names).
    """
    spec_names = {name.lower() for name, _alias, _kind in specs}
    fields = QgsFields()
    replaced = []
    for field in source_fields:
        if field.name().lower() in spec_names:
            replaced.append(field.name())
            continue
        fields.append(QgsField(field))
    for name, alias, kind in specs:
        if kind not in FIELD_TYPES:
            raise ValueError(f"unknown field kind {kind!r} for {name}")
        field = QgsField(name, FIELD_TYPES[kind])
        # doubles keep full precision (length/precision 0): GeoPackage would round to a declared
        # precision, and p-values such as 1e-9 or exact z-values must survive the file.
        if alias:
            field.setAlias(alias)
        fields.append(field)
    return fields, replaced


def unchecked_features(source, request=None):
    """``source.getFeatures(request)`` without Processing's invalid-geometry filter: the overlays check
    geometries themselves (plugin/gis/spatial/geometry_check.py) and copy every feature to their output."""
    request = request if request is not None else QgsFeatureRequest()
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
    return source.getFeatures(request)


def write_features(sink, source, frame, specs, fields, feedback=None):
    """Copy every feature of ``source`` into ``sink`` with the ``frame`` columns named in ``specs``.

    ``frame`` is indexed by feature id (as returned by ``layer_to_dataframe``); ``fields`` is the
    first element returned by ``output_fields``. Returns the number of features written.
    """
    spec_names = {name.lower() for name, _a, _k in specs}
    keep = [i for i, f in enumerate(source.fields()) if f.name().lower() not in spec_names]
    columns = {name: dict(zip(frame.index.tolist(), _column_values(frame[name], kind))) for name, _a, kind in specs}
    total = source.featureCount() or 0
    written = 0
    for i, feature in enumerate(unchecked_features(source)):
        if feedback is not None and i % 2000 == 0:
            if feedback.isCanceled():
                break  # the algorithm base discards the staged output of a cancelled run
            if total:
                feedback.setProgress(100.0 * i / total)
        attrs = feature.attributes()
        out = QgsFeature(fields)
        if feature.hasGeometry():
            out.setGeometry(feature.geometry())
        fid = feature.id()
        out.setAttributes([attrs[j] for j in keep] + [columns[name].get(fid) for name, _a, _k in specs])
        sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        written += 1
    return written


def frame_specs(frame, skip=()):
    """[(name, alias, kind)] for the columns of a table read by core/tables (numbers -> double, else text),
    leaving out ``skip`` (e.g. the result fields written after them)."""
    skip = {name.lower() for name in skip}
    specs = []
    for column in frame.columns:
        if str(column).lower() in skip:
            continue
        numeric = pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column])
        specs.append((str(column), "", "double" if numeric else "string"))
    return specs


def write_frame(sink, frame, specs, fields, feedback=None):
    """Write the rows of ``frame`` (columns named in ``specs``) as features without geometry into ``sink``:
    an attribute table read from a file, with the result fields. Returns the number of rows written."""
    columns = [_column_values(frame[name], kind) for name, _a, kind in specs]
    total = len(frame)
    for i in range(total):
        if feedback is not None and i % 2000 == 0:
            if feedback.isCanceled():
                return i
            feedback.setProgress(100.0 * i / max(total, 1))
        out = QgsFeature(fields)
        out.setAttributes([column[i] for column in columns])
        sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
    return total


class LayerSnapshot:
    """A layer's attributes, readable from a worker thread: made on the main thread from a project layer
    (QgsVectorLayerFeatureSource), then read anywhere by layer_to_dataframe and the style functions
    (fields(), featureCount(), getFeatures(), name())."""

    def __init__(self, layer):
        self._fields = QgsFields(layer.fields())
        self._count = layer.featureCount()
        self._name = layer.name()
        self._source = QgsVectorLayerFeatureSource(layer)
        #: the layer's file for the column-wise reader (arrow_columns.columnar_source), decided here on the
        #: main thread
        self.columnar = arrow_columns.columnar_source(layer)

    def fields(self):
        return self._fields

    def featureCount(self):  # noqa: N802 (the QGIS name)
        return self._count

    def name(self):
        return self._name

    def getFeatures(self, request=None):  # noqa: N802 (the QGIS name)
        return self._source.getFeatures(request if request is not None else QgsFeatureRequest())
