"""The one geometry check every overlay runs first: NULL, empty and invalid geometries, found and named.

``screen(source, ...)`` reads a layer's geometries once (bypassing Processing's own invalid-geometry
filter, so the plugin's INVALID_GEOMETRY choice decides, in qgis_process and in the desktop alike),
applies the policy of plugin/core/spatial/geometry_issues.py and returns the usable geometries by feature id.
No overlay touches an invalid geometry: GEOS raises TopologyExceptions on them and gives area 0 to a
bow-tie polygon.
"""
from dataclasses import dataclass, field

from qgis.core import QgsFeatureRequest, QgsGeometry, QgsWkbTypes

from ...core.spatial.geometry_issues import GeometryIssues, listing  # noqa: F401 - listing: for the algorithms
from ..io.layer_frame import _python_value, unchecked_features

PROGRESS_STEP = 2000


class CanceledError(Exception):
    """The user cancelled while the geometries were read."""


@dataclass
class Screened:
    """Usable geometries of a layer: ``geoms`` {fid: QgsGeometry} (repaired where needed), ``skipped``
    [fid] in layer order, ``labels`` {fid: key text} of every feature, ``order`` all fids in layer order,
    ``issues`` the counts and messages (plugin.core.geometry_issues.GeometryIssues)."""

    geoms: dict
    skipped: list
    labels: dict
    order: list
    issues: GeometryIssues
    repaired_ids: list = field(default_factory=list)


def _as_type(geom, geometry_type):
    """The parts of ``geom`` of ``geometry_type`` (a GeometryCollection from makeValid keeps lines too);
    None when none is left."""
    if geom is None or geom.isNull() or geom.isEmpty():
        return None
    if QgsWkbTypes.geometryType(geom.wkbType()) != geometry_type:
        geom = geom.convertGeometryCollectionToSubclass(geometry_type)
        if geom is None or geom.isNull() or geom.isEmpty():
            return None
    if geometry_type == QgsWkbTypes.GeometryType.PolygonGeometry and not geom.area() > 0:
        return None
    return geom


def screen(source, layer_name, policy, key_index=-1, feedback=None):
    """Read and check the geometries of ``source``; ``policy`` 'repair', 'skip' or 'stop' (see
    plugin/core/spatial/geometry_issues.py). Raises ComputationError (stop, naming the features) or CanceledError."""
    request = QgsFeatureRequest()
    if key_index >= 0:
        request.setSubsetOfAttributes([key_index])
    else:
        request.setNoAttributes()
    geometry_type = QgsWkbTypes.geometryType(source.wkbType())
    issues = GeometryIssues(layer=layer_name, policy=policy)
    geoms, skipped, labels, order, repaired_ids = {}, [], {}, [], []
    for i, feature in enumerate(unchecked_features(source, request)):
        if feedback is not None and i % PROGRESS_STEP == 0 and feedback.isCanceled():
            raise CanceledError()
        fid = feature.id()
        order.append(fid)
        label = str(_python_value(feature.attribute(key_index))) if key_index >= 0 else f"fid {fid}"
        labels[fid] = label
        geom = feature.geometry() if feature.hasGeometry() else None
        if geom is None or geom.isNull():
            issues.null.append(label)
            skipped.append(fid)
            continue
        if geom.isEmpty():
            issues.empty.append(label)
            skipped.append(fid)
            continue
        if geometry_type == QgsWkbTypes.GeometryType.PointGeometry or geom.isGeosValid():
            geoms[fid] = geom
            continue
        issues.invalid.append(label)
        if policy != "repair":
            skipped.append(fid)
            continue
        fixed = _as_type(geom.makeValid(), geometry_type)
        if fixed is None or not fixed.isGeosValid():
            issues.unrepairable.append(label)
            skipped.append(fid)
            continue
        issues.repaired.append(label)
        repaired_ids.append(fid)
        geoms[fid] = QgsGeometry(fixed)
    issues.n_features = len(order)
    issues.order = [labels[f] for f in order]
    issues.check()
    return Screened(geoms=geoms, skipped=skipped, labels=labels, order=order, issues=issues,
                    repaired_ids=repaired_ids)


def report(feedback, screened, what=None):
    """Write the screening's messages to the Processing log (as warnings)."""
    if feedback is None:
        return
    for line in screened.issues.messages(what):
        feedback.pushWarning(line)
