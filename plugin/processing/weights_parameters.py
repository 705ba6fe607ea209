"""The neighbourhood of a district, chosen the same way in every algorithm that builds spatial weights
(spatial_autocorrelation, smooth_rates): contiguity (queen, rook) or k nearest neighbours, and the snapping
tolerance for contiguity. The weights themselves are built by plugin/gis/spatial/neighbours.build_weights.
"""
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterNumber

from ..core.i18n import tr
from ..core.spatial.cluster_analysis import METHODS

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
