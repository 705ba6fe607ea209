"""What every algorithm that builds spatial weights (spatial_autocorrelation, smooth_rates) does the same way:
the neighbourhood parameters (contiguity, queen or rook, or k nearest neighbours, and the snapping tolerance for
contiguity), reading and screening the districts, and building the weights among the districts that have a
value. The weights themselves are built by plugin/gis/spatial/neighbours.build_weights.
"""
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np
import pandas as pd
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterNumber, QgsWkbTypes

from ..core.errors import ComputationError
from ..core.i18n import tr
from ..core.spatial.cluster_analysis import METHODS
from ..gis.spatial import geometry_check
from ..gis.spatial.input_checks import layer_label
from ..gis.spatial.neighbours import build_weights
from .result_layer import read_attributes

NEIGHBOURS = "NEIGHBOURS"
K = "K"
TOLERANCE = "TOLERANCE"


def neighbourhood_parameters():
    """The parameters NEIGHBOURS, K, TOLERANCE (new objects per call)."""
    return [
        QgsProcessingParameterEnum(
            NEIGHBOURS, tr("Neighbourhood"),
            options=[tr("Queen (shared point)"), tr("Rook (shared edge)"), tr("k nearest neighbours (centroids)")],
            defaultValue=0),
        QgsProcessingParameterNumber(
            K, tr("k (k nearest neighbours)"), QgsProcessingParameterNumber.Type.Integer, defaultValue=5, minValue=1),
        QgsProcessingParameterNumber(
            TOLERANCE, tr("Snapping tolerance for contiguity (layer units)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=0.0, minValue=0.0),
    ]


def neighbourhood(alg, parameters, context):
    """(method, k, tolerance) as build_weights takes them: method is 'queen', 'rook' or 'knn'."""
    return (METHODS[alg.parameterAsEnum(parameters, NEIGHBOURS, context)], alg.parameterAsInt(parameters, K, context),
            alg.parameterAsDouble(parameters, TOLERANCE, context))


@dataclass
class Districts:
    """The districts of INPUT in the screened order: attributes indexed by feature id, geometries (None where
    the geometry check skipped the district) and the keys that name them in the log."""
    frame: pd.DataFrame
    fids: list
    geometries: list
    keys: list[str]
    screened: Any

    @property
    def skipped(self) -> np.ndarray:
        """True where the district has no usable geometry (its value must count as missing)."""
        return np.array([geom is None for geom in self.geometries], dtype=bool)


def read_districts(alg, parameters, context, feedback, source, fields, key_field, skipped_note) -> Optional[Districts]:
    """Read ``fields`` of INPUT and screen its geometries by INVALID_GEOMETRY (reported with ``skipped_note``,
    what happens to a skipped district); None when cancelled. Without ``key_field`` districts are named 'fid N'."""
    feedback.setProgressText(tr("Reading the districts…"))
    frame = read_attributes(alg, parameters, context, "INPUT", source,
                            list(dict.fromkeys(fields + ([key_field] if key_field else []))))
    key_index = source.fields().lookupField(key_field) if key_field else -1
    try:
        name = layer_label(source, "INPUT", alg.parameterAsVectorLayer(parameters, "INPUT", context))
        screened = geometry_check.screen(source, name, alg.geometry_policy(parameters, context), key_index, feedback)
    except geometry_check.CanceledError:
        return None
    fids = screened.order
    frame = frame.reindex(fids)
    keys = [str(v) for v in frame[key_field]] if key_field else [f"fid {f}" for f in fids]
    geometry_check.report(feedback, screened, skipped_note)
    return Districts(frame, fids, [screened.geoms.get(fid) for fid in fids], keys, screened)


def district_weights(source, districts, usable, method, k, tolerance, feedback, progress_span):
    """Spatial weights of ``districts`` (None when cancelled). k nearest neighbours are sought only among the
    ``usable`` districts (those with a value), so that every one of them keeps k; queen and rook need polygons."""
    feedback.setProgressText(tr("Finding neighbours ({method})…").format(method=method))
    geometry_type = QgsWkbTypes.geometryType(source.wkbType())
    if method != "knn" and geometry_type != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise ComputationError(tr("Queen and rook neighbours need polygons; this layer has {kind} geometries. "
                                  "Use k nearest neighbours.").format(
            kind=QgsWkbTypes.geometryDisplayString(geometry_type)))
    geometries = districts.geometries
    if method == "knn":
        geometries = [g if u else None for g, u in zip(geometries, usable)]
    return build_weights(geometries, method, k=k, tolerance=tolerance, ids=districts.keys, feedback=feedback,
                         progress_span=progress_span)
