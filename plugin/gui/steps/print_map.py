"""Step 5: print — template, texts, preview; export the map (sozialmonitor:export_map), the atlas
(sozialmonitor:export_atlas) or the web atlas (sozialmonitor:export_web_atlas). Form: ui/step_print.ui."""
import os

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (
    QWidget,
)

from ...core.index.output_fields import output_field_specs
from ...gis.i18n import translate as tr
from ...gis.printing.layouts import TEMPLATE_LABELS
from ..forms import load_ui, show_message

PREVIEW_DPI = 72  # the lowest resolution export_map accepts


class PrintStep(QWidget):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        load_ui("step_print.ui", self)
        # set here, not in the .ui: PyQt6's uic cannot resolve QGIS enums (QgsFileWidget::SaveFile)
        self.pdf_widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        for label in TEMPLATE_LABELS:
            self.template_combo.addItem(tr(label))
        self.template_combo.setCurrentIndex(1)
        self.result_label.hide()
        self.preview_label.hide()
        for edit in (self.title_edit, self.subtitle_edit, self.source_edit):
            edit.editingFinished.connect(self.changed.emit)
        self.field_combo.currentTextChanged.connect(self._field_changed)
        self.template_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.pdf_widget.fileChanged.connect(lambda _p: self.changed.emit())
        self.png_check.toggled.connect(lambda _b: self.changed.emit())

    def set_recipe(self, recipe):
        """Offer the recipe's class and typology fields by their aliases (the names the attribute table and
        the legend show; the field name is the item's data and tooltip); default title from the recipe."""
        if recipe is None:
            return
        fields = [s.id + "_class" for s in recipe.indices if s.classification is not None]
        fields += [t.id for t in recipe.typologies] + [s.id + "_score" for s in recipe.indices]
        aliases = {name: alias for name, alias, _kind in output_field_specs(recipe)}
        current = self.field()
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        for name in fields:
            self.field_combo.addItem(aliases.get(name, name), name)
            self.field_combo.setItemData(self.field_combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self._select_field(current or (fields[0] if fields else ""))
        self.field_combo.blockSignals(False)
        if not self.title_edit.text():
            self.title_edit.setPlaceholderText(recipe.metadata.title)

    def field(self):
        """The field name to map: the chosen entry's name, or what the user typed (a field name)."""
        text = self.field_combo.currentText().strip()
        index = self.field_combo.findText(text)
        if index >= 0 and self.field_combo.itemData(index):
            return self.field_combo.itemData(index)
        return text

    def _select_field(self, name):
        index = self.field_combo.findData(name)
        if index >= 0:
            self.field_combo.setCurrentIndex(index)
        else:
            self.field_combo.setEditText(name)
        self.field_combo.setToolTip(self.field() if self.field() != self.field_combo.currentText() else "")

    def _field_changed(self, _text):
        self.field_combo.setToolTip(self.field() if self.field() != self.field_combo.currentText() else "")
        self.changed.emit()

    def pdf_path(self):
        path = self.pdf_widget.filePath().strip()
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    def _texts(self):
        return {"TITLE": self.title_edit.text().strip() or self.title_edit.placeholderText(),
                "SUBTITLE": self.subtitle_edit.text().strip(), "SOURCE": self.source_edit.text().strip()}

    def map_parameters(self, layer_path, recipe_path, pdf, png=None, dpi=300):
        params = {"INPUT": layer_path, "FIELD": self.field(), "RECIPE": recipe_path,
                  "TEMPLATE": self.template_combo.currentIndex(),
                  "TEMPLATE_FILE": self.template_file.filePath().strip() or None,
                  "OUTPUT_PDF": pdf, "DPI": dpi}
        params.update(self._texts())
        if png:
            params["OUTPUT_PNG"] = png
        return params

    def atlas_parameters(self, layer_path, recipe_path, key_field, name_field, pdf):
        params = {"INPUT": layer_path, "FIELD": self.field(), "RECIPE": recipe_path,
                  "KEY_FIELD": key_field, "NAME_FIELD": name_field or None, "OUTPUT_PDF": pdf,
                  "TITLE": self._texts()["TITLE"], "SOURCE": self._texts()["SOURCE"]}
        return params

    def web_atlas_parameters(self, layer_path, recipe_path, key_field, name_field, folder):
        texts = self._texts()
        return {"INPUT": layer_path, "RECIPE": recipe_path, "KEY_FIELD": key_field, "NAME_FIELD": name_field or None,
                "TITLE": texts["TITLE"], "SUBTITLE": texts["SUBTITLE"], "SOURCE": texts["SOURCE"],
                "OUTPUT_FOLDER": folder}

    def show_written(self, paths):
        links = ", ".join(f'<a href="file://{p}">{os.path.basename(p)}</a>' for p in paths if p)
        show_message(self.result_label, tr("Written: {files}").format(files=links), "ok")

    def show_preview(self, png):
        pixmap = QPixmap(png)
        if pixmap.isNull():
            return
        width = max(200, self.width() - 24)
        self.preview_label.setPixmap(pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))
        self.preview_label.show()

    def state(self):
        return {"field": self.field(), "template": self.template_combo.currentIndex(),
                "template_file": self.template_file.filePath(), "title": self.title_edit.text(),
                "subtitle": self.subtitle_edit.text(), "source": self.source_edit.text(),
                "pdf": self.pdf_widget.filePath(), "png": self.png_check.isChecked()}

    def set_state(self, state):
        self._select_field(state.get("field", ""))
        self.template_combo.setCurrentIndex(int(state.get("template", 1)))
        self.template_file.setFilePath(state.get("template_file", ""))
        self.title_edit.setText(state.get("title", ""))
        self.subtitle_edit.setText(state.get("subtitle", ""))
        self.source_edit.setText(state.get("source", ""))
        self.pdf_widget.setFilePath(state.get("pdf", ""))
        self.png_check.setChecked(bool(state.get("png", False)))
        show_message(self.result_label, "")
        self.preview_label.hide()

    def set_busy(self, busy, has_result=True):
        for button in (self.preview_button, self.export_button, self.atlas_button, self.web_atlas_button):
            button.setEnabled(not busy and has_result)
