"""The Sozialmonitor Processing provider (id ``sozialmonitor``)."""
import importlib
import logging

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr
from ..resources import ICON

LOG = logging.getLogger(__name__)

# (module in plugin/processing/algorithms, class name). One line per algorithm.
ALGORITHMS = [
    ("join_table", "JoinTableAlgorithm"),
    ("compute_index", "ComputeIndexAlgorithm"),
    ("derive_weights", "DeriveWeightsAlgorithm"),
    ("index_uncertainty", "IndexUncertaintyAlgorithm"),
    ("export_map", "ExportMapAlgorithm"),
    ("export_atlas", "ExportAtlasAlgorithm"),
    ("style_layer", "StyleLayerAlgorithm"),
    ("batch_export", "BatchExportAlgorithm"),
    ("committee_package", "CommitteePackageAlgorithm"),
    ("spatial_autocorrelation", "SpatialAutocorrelationAlgorithm"),
    ("smooth_rates", "SmoothRatesAlgorithm"),
    ("count_points", "CountPointsAlgorithm"),
    ("areal_interpolation", "ArealInterpolationAlgorithm"),
    ("accessibility", "AccessibilityAlgorithm"),
    ("export_postgis", "ExportPostgisAlgorithm"),
    ("export_web_atlas", "ExportWebAtlasAlgorithm"),
]


def algorithm_classes():
    """Import the algorithm classes listed in ALGORITHMS."""
    classes = []
    for module_name, class_name in ALGORITHMS:
        module = importlib.import_module(f"{__package__}.algorithms.{module_name}")
        classes.append(getattr(module, class_name))
    return classes


class SozialmonitorProvider(QgsProcessingProvider):
    def id(self):
        return "sozialmonitor"

    def name(self):
        return "Sozialmonitor"

    def longName(self):  # noqa: N802
        return tr("Sozialmonitor — small-area social monitoring")

    def icon(self):
        return QIcon(str(ICON))

    def loadAlgorithms(self):  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())


_standalone = []  # keeps the Python object alive: the registry holds only the C++ pointer


def register_provider():
    """Register the Sozialmonitor provider in a standalone script or test (no plugin GUI).

    Call after ``processing.core.Processing.Processing.initialize()``. Returns the provider that
    is registered (an existing one is reused). In QGIS, the plugin's ``initProcessing`` does this.
    """
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("sozialmonitor")
    if provider is None:
        provider = SozialmonitorProvider()
        _standalone.append(provider)
        registry.addProvider(provider)
    return provider
