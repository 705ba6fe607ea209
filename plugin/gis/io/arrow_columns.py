"""Whole OGR layers read column by column through GDAL's Arrow stream (GDAL >= 3.6: compat.GDAL_ARROW_NUMPY).

``columnar_source(layer, definition)`` says whether a layer may be read this way: (path, layer name) for a
whole OGR layer as its file holds it (no subset string, no selection, feature limit or filter expression, no
unsaved edits, no geometry-type filter in the source), else None. ``read_attributes(columnar, fields, names)``
then reads the named attribute fields, without geometries, in batches of C arrays: about 20x faster than
QgsFeature objects (100,000 districts in 0.04 s). Values are what ``layer_frame.layer_to_dataframe`` returns
through QGIS features (index = feature id, numeric fields float with NaN, text as str or None); it returns
None where feature ids, text encoding or a field kind could differ from QGIS's (only GeoPackage tables are
read this way), so the caller falls back to QGIS features.
"""
import numpy as np
import pandas as pd
from osgeo import gdal, ogr
from qgis.core import QgsFields, QgsProviderRegistry

from ...core.errors import TableError
from ...core.i18n import tr
from ..compat import FIELD_FROM_PROVIDER, GDAL_ARROW_NUMPY, FieldType, arrow_reading

#: OGR drivers read column-wise: a GeoPackage's feature ids are its fid column for QGIS and GDAL alike and its
#: text is always UTF-8. (A shapefile's text encoding may be set in QGIS apart from GDAL's, other drivers
#: number features their own way: those go through QGIS features.)
_DRIVERS = {"GPKG"}
_READABLE = FieldType.NUMERIC | {FieldType.String}


def columnar_source(layer, definition=None):
    """(path, layer name or index) when ``layer`` is a whole OGR layer GDAL can stream as Arrow, else None."""
    if not GDAL_ARROW_NUMPY or layer is None or layer.providerType() != "ogr" or layer.subsetString():
        return None
    if layer.isModified():
        return None  # unsaved edits exist only in QGIS's edit buffer
    if definition is not None and (getattr(definition, "selectedFeaturesOnly", False)
                                   or getattr(definition, "featureLimit", -1) != -1
                                   or getattr(definition, "filterExpression", "")):  # QGIS 3.32+
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path or parts.get("geometryType") or parts.get("subset"):
        return None
    name = parts.get("layerName") or None
    if name is None and parts.get("layerId") not in (None, ""):
        name = int(parts["layerId"])
    return path, name


def open_layer(path, layer_name):
    """(dataset, layer) of ``path`` opened read-only by GDAL; the dataset must outlive the layer."""
    ds = ogr.Open(path)
    if ds is None:
        raise TableError(tr("Cannot open {path}: {err}.").format(path=path, err=gdal.GetLastErrorMsg() or "GDAL"))
    layer = ds.GetLayerByName(layer_name) if isinstance(layer_name, str) else ds.GetLayer(layer_name or 0)
    if layer is None:
        raise TableError(tr("Cannot open {path}: {err}.").format(path=path, err=layer_name))
    return ds, layer


def arrow_values(column):
    """An Arrow/NumPy attribute column as Python values, as QGIS would give them (text as str, NULL None)."""
    null = np.ma.getmaskarray(column) if isinstance(column, np.ma.MaskedArray) else None
    values = _plain_values(np.asarray(np.ma.getdata(column)))
    if null is not None and null.any():
        values[null] = None
    return values


def _plain_values(column):
    if column.dtype.kind == "S":
        return np.array([v.decode("utf-8") for v in column.tolist()], dtype=object)
    if column.dtype.kind == "O":
        return np.array([v.decode("utf-8") if isinstance(v, bytes) else v for v in column.tolist()], dtype=object)
    if column.dtype.kind == "f":
        values = column.astype(object)
        values[np.isnan(column)] = None
        return values
    return column.astype(object)


def _numbers(column):
    """Float array of a numeric Arrow column (NULL -> NaN), always a copy: the batch's memory belongs to GDAL and
    is released with the next batch or the dataset."""
    values = np.array(np.ma.getdata(column), dtype="float64", copy=True)
    if isinstance(column, np.ma.MaskedArray):
        mask = np.ma.getmaskarray(column)
        if mask.any():
            values[mask] = np.nan
    return values


def readable(fields: QgsFields, field_names):
    """True when every field named is read from the file (no join, expression or virtual field) and numeric
    or text (other kinds, e.g. dates, keep QGIS's Python values through the feature path)."""
    for name in field_names:
        idx = fields.lookupField(name)
        if idx < 0 or fields.fieldOrigin(idx) != FIELD_FROM_PROVIDER:
            return False
        if fields.at(idx).type() not in _READABLE:
            return False
    return True


def read_attributes(columnar, fields, field_names, feedback=None):
    """DataFrame of ``field_names`` (index = fid) of the layer ``columnar`` (see ``columnar_source``), or None
    when the layer is not a GeoPackage table (then read through QGIS features)."""
    if not GDAL_ARROW_NUMPY:
        return None
    ds, layer = open_layer(*columnar)
    if ds.GetDriver().GetName() not in _DRIVERS:
        return None
    defn = layer.GetLayerDefn()
    ogr_names = {defn.GetFieldDefn(i).GetName(): i for i in range(defn.GetFieldCount())}
    if any(name not in ogr_names for name in field_names):
        return None
    wanted = set(field_names)
    layer.SetIgnoredFields([n for n in ogr_names if n not in wanted] + ["OGR_GEOMETRY"])
    numeric = {name: fields.at(fields.lookupField(name)).type() in FieldType.NUMERIC for name in field_names}
    fid_name = layer.GetFIDColumn() or "OGC_FID"
    expected = layer.GetFeatureCount()
    fids, parts = [], {name: [] for name in field_names}
    # Every value is copied out of its batch before the next one is fetched: the arrays of a batch point into
    # memory GDAL reuses or frees (a view kept past the loop read garbage ids on QGIS 3.44 / GDAL 3.10).
    canceled = False
    with arrow_reading():
        stream = layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES"])
        for i, batch in enumerate(stream):
            if feedback is not None and i % 4 == 0 and feedback.isCanceled():
                canceled = True
                break
            fids.append(np.array(np.ma.getdata(batch[fid_name]), dtype="int64", copy=True))
            for name in field_names:
                parts[name].append(_numbers(batch[name]) if numeric[name] else arrow_values(batch[name]))
        del stream
    ds = None
    index = pd.Index(np.concatenate(fids) if fids else np.empty(0, dtype="int64"), name="fid")
    if not canceled and (len(index) != expected or not index.is_unique):
        return None  # not what QGIS would read: the feature path decides
    data = {name: (np.concatenate(parts[name]) if parts[name]
                   else np.empty(0, dtype="float64" if numeric[name] else object)) for name in field_names}
    return pd.DataFrame(data, index=index, columns=list(field_names))
