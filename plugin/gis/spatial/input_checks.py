"""Input checks and names for the spatial overlay algorithms: geometry type, same CRS, projected CRS,
fields, and readable names of layers and features for messages.

Every check raises ComputationError with a message that names the layer (and field) and says what to do.
"""
from qgis.core import QgsFeatureRequest, QgsWkbTypes

from ...core.errors import ComputationError
from ...core.i18n import tr, tr_noop
from ..io.layer_frame import _python_value


def layer_label(source, fallback, layer=None):
    """A name for messages: the GeoPackage table (``layername=``) or the layer name, else ``fallback``."""
    if layer is not None:
        uri = layer.source()
        if "layername=" in uri:
            return uri.split("layername=", 1)[1].split("|", 1)[0]
        if layer.name():
            return layer.name()
    name = source.sourceName() if hasattr(source, "sourceName") else ""
    return name or fallback


GEOMETRY_KINDS = (tr_noop("point"), tr_noop("polygon"))  # the values of ``kind`` below, shown through tr()


def require_geometry(source, kind, name):
    """Raise ComputationError unless ``source`` has ``kind`` ("point" or "polygon") geometries."""
    wanted = {"point": QgsWkbTypes.GeometryType.PointGeometry,
              "polygon": QgsWkbTypes.GeometryType.PolygonGeometry}[kind]
    actual = QgsWkbTypes.geometryType(source.wkbType())
    if actual in (QgsWkbTypes.GeometryType.NullGeometry, QgsWkbTypes.GeometryType.UnknownGeometry):
        raise ComputationError(tr("Layer '{layer}' must be a {kind} layer, but it has no geometry (a table). "
                                  "Choose a layer with {kind} geometries.").format(layer=name, kind=tr(kind)))
    if actual != wanted:
        raise ComputationError(tr("Layer '{layer}' must be a {kind} layer, but it has {actual} geometries.").format(
            layer=name, kind=tr(kind), actual=QgsWkbTypes.geometryDisplayString(actual)))


def require_same_crs(a, a_name, b, b_name):
    """Raise ComputationError when two layers are in different CRSs (no silent on-the-fly reprojection)."""
    if a.sourceCrs() != b.sourceCrs():
        raise ComputationError(tr(
            "Layer '{a}' is in {acrs} but layer '{b}' is in {bcrs}. Reproject one of them to the other's CRS "
            "(Vector › Data Management Tools › Reproject Layer) and run again.").format(
            a=a_name, acrs=a.sourceCrs().authid() or a.sourceCrs().description(),
            b=b_name, bcrs=b.sourceCrs().authid() or b.sourceCrs().description()))


def require_projected(source, name, why):
    crs = source.sourceCrs()
    if not crs.isValid() or crs.isGeographic():
        raise ComputationError(tr(
            "Layer '{layer}' is in a geographic CRS ({crs}); {why} needs a projected CRS in metres, e.g. "
            "EPSG:25833 (ETRS89 / UTM 33N) or EPSG:25832. Reproject the layers first.").format(
            layer=name, crs=crs.authid() or "?", why=why))


def field_index(source, field_name, name, numeric=False, parameter="POPULATION_FIELD"):
    """Index of ``field_name`` in ``source``; ComputationError naming layer and field when missing.

    ``numeric``: the field must be numeric; the message names ``parameter``, the parameter that chose it."""
    idx = source.fields().lookupField(field_name)
    if idx < 0:
        raise ComputationError(tr("Layer '{layer}' has no field '{field}'. Available fields: {avail}.").format(
            layer=name, field=field_name, avail=", ".join(f.name() for f in source.fields())))
    if numeric and not source.fields().at(idx).isNumeric():
        raise ComputationError(tr("Field '{field}' of layer '{layer}' ({parameter}) must be numeric, but it is "
                                  "{kind}. Choose a numeric field.").format(
            field=field_name, layer=name, parameter=parameter, kind=source.fields().at(idx).typeName()))
    return idx


def feature_labels(source, key_index):
    """{feature id: text} for report lines: the key field's value, or 'fid <id>' without a key field."""
    if key_index < 0:
        return {f.id(): f"fid {f.id()}" for f in source.getFeatures(QgsFeatureRequest().setNoAttributes()
                                                                           .setFlags(QgsFeatureRequest.Flag.NoGeometry))}
    request = QgsFeatureRequest().setSubsetOfAttributes([key_index]).setFlags(QgsFeatureRequest.Flag.NoGeometry)
    return {f.id(): str(_python_value(f.attribute(key_index))) for f in source.getFeatures(request)}
