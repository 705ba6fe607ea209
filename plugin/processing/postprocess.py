"""Layer post-processors: what Processing applies to an output layer when QGIS loads it."""
from qgis.core import QgsProcessingLayerPostProcessorInterface


class FieldAliasSetter(QgsProcessingLayerPostProcessorInterface):
    """Sets the plain-language field aliases on the output layer when QGIS loads it.

    GeoPackage/shapefile outputs do not keep aliases written through a feature sink, so they are
    applied to the loaded layer (and saved with the project).
    """

    _alive = []  # Processing keeps only a C++ pointer; keep the Python object alive

    def __init__(self, specs):
        super().__init__()
        self.specs = [(name, alias) for name, alias, _kind in specs]

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        fields = layer.fields()
        for name, alias in self.specs:
            idx = fields.lookupField(name)
            if idx >= 0 and alias:
                layer.setFieldAlias(idx, alias)

    @classmethod
    def create(cls, specs):
        instance = cls(specs)
        cls._alive = [instance]
        return instance
