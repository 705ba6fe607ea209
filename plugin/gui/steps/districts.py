"""Step 1: the district layer and its key field (form: ui/step_districts.ui)."""
from qgis.core import QgsFieldProxyModel, QgsMapLayerProxyModel, QgsProject
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QWidget

from ...gis.i18n import translate as tr
from ..forms import load_ui

KEY_GUESSES = ("id", "ID", "key", "schluessel", "PLR_ID")
NAME_GUESSES = ("name", "NAME", "Name", "PLR_NAME")


class DistrictStep(QWidget):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        load_ui("step_districts.ui", self)
        self.layer_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.layer_combo.setLayer(None)
        self.key_combo.setFilters(QgsFieldProxyModel.Filter.AllTypes)
        self.layer_combo.layerChanged.connect(self._layer_changed)
        self.key_combo.fieldChanged.connect(lambda _f: self.changed.emit())
        self.name_combo.fieldChanged.connect(lambda _f: self.changed.emit())

    def _layer_changed(self, layer):
        self.key_combo.setLayer(layer)
        self.name_combo.setLayer(layer)
        if layer is not None:
            names = layer.fields().names()
            key = next((g for g in KEY_GUESSES if g in names), None)
            name = next((g for g in NAME_GUESSES if g in names), None)
            if key:
                self.key_combo.setField(key)
            if name:
                self.name_combo.setField(name)
        self.changed.emit()

    # ---- values ------------------------------------------------------------------------
    def layer(self):
        return self.layer_combo.currentLayer()

    def key_field(self):
        return self.key_combo.currentField()

    def name_field(self):
        return self.name_combo.currentField()

    def problem(self):
        """A plain-language reason why the step is incomplete, or ''."""
        if self.layer() is None:
            return tr("Choose the district layer (step 1).")
        if not self.key_field():
            return tr("Choose the key field of the districts (step 1).")
        return ""

    # ---- project state -----------------------------------------------------------------
    def state(self):
        layer = self.layer()
        return {"layer_id": layer.id() if layer else "", "key": self.key_field(), "name": self.name_field()}

    def set_state(self, state):
        layer = QgsProject.instance().mapLayer(state.get("layer_id", "")) if state.get("layer_id") else None
        self.layer_combo.setLayer(layer)
        self._layer_changed(layer)
        if layer is not None:
            self.key_combo.setField(state.get("key", ""))
            self.name_combo.setField(state.get("name", ""))

    def set_busy(self, busy):
        self.setEnabled(not busy)
