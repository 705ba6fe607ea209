"""The plugin stays ready for QGIS 4 (Qt 6, PyQt6): no Qt5-only code in plugin/, ui/ and __init__.py.

The scanner (tests/qt6_scan.py) is tested first on planted violations and on clean code, then run on
the plugin. Pure Python: no Qt or QGIS needed, so it fails on any machine.
"""
import configparser
import re

import pytest
from qt6_scan import COMPAT, ENUMS, ROOT, python_files, rel, scan_python, scan_ui

SNIPPET = '''
from PyQt5.QtCore import QVariant
from qgis.PyQt.QtCore import Qt, QRegExp, QT_VERSION
from qgis.PyQt import QtCore
from qgis.PyQt.QtWidgets import QAction, QDialogButtonBox, QSizePolicy, QHeaderView, QStyle, QLabel
from qgis.core import QgsWkbTypes, QgsProcessing, QgsField, Qgis

def run(dialog, label, layout, combo, widget, app):
    label.setAlignment(Qt.AlignLeft | Qt.AlignmentFlag.AlignTop)
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    policy = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Policy.Fixed)
    header.setSectionResizeMode(QHeaderView.Stretch)
    icon = widget.style().standardIcon(QStyle.SP_DialogOkButton)
    frame = QLabel.StyledPanel
    role = QtCore.Qt.UserRole
    if layer.geometryType() == QgsWkbTypes.PolygonGeometry and QgsWkbTypes.GeometryType.LineGeometry:
        types = [QgsProcessing.TypeVectorPolygon]
    field = QgsField("n", QVariant.Int)
    dialog.exec_()
    rx = QRegExp("[0-9]+")
    width = widget.fontMetrics().width("x")
    fm = QFontMetrics(widget.font())
    width = fm.width("y")
    screen = app.desktop()
    layout.setMargin(0)
    combo.activated[str].connect(print)
    if Qgis.QGIS_VERSION_INT > 32200 or QT_VERSION:
        Qgis.Warning
    button = Qt.MidButton
    null = QVariant()
'''

EXPECTED = [  # (line in SNIPPET, start of the message)
    (2, "import PyQt5.QtCore"),
    (3, "QRegExp is removed"), (3, "QT_VERSION: version checks"),
    (5, "QAction lives in QtGui"),
    (9, "Qt.AlignLeft: unscoped enum member, write Qt.AlignmentFlag.AlignLeft"),
    (10, "QDialogButtonBox.Ok: unscoped enum member, write QDialogButtonBox.StandardButton.Ok"),
    (10, "QDialogButtonBox.Cancel: unscoped"),
    (11, "QSizePolicy.Expanding: unscoped enum member, write QSizePolicy.Policy.Expanding"),
    (12, "QHeaderView.Stretch: unscoped enum member, write QHeaderView.ResizeMode.Stretch"),
    (13, "QStyle.SP_DialogOkButton: unscoped enum member, write QStyle.StandardPixmap.SP_DialogOkButton"),
    (14, "QLabel.StyledPanel: unscoped enum member, write QLabel.Shape.StyledPanel"),
    (15, "QtCore.Qt.UserRole: unscoped enum member, write QtCore.Qt.ItemDataRole.UserRole"),
    (16, "QgsWkbTypes.PolygonGeometry: unscoped enum member, write QgsWkbTypes.GeometryType.PolygonGeometry"),
    (17, "QgsProcessing.TypeVectorPolygon: unscoped enum member, write QgsProcessing.SourceType.TypeVectorPolygon"),
    (18, "QVariant.Int: field types"),
    (19, "exec_(): use exec()"),
    (20, "QRegExp is removed"),
    (21, "QFontMetrics.width is removed"),
    (23, "QFontMetrics.width is removed"),
    (24, "QApplication.desktop() is removed"),
    (25, "setMargin is removed"),
    (26, "activated[str] is removed"),
    (27, "QGIS_VERSION_INT: version checks"), (27, "QT_VERSION: version checks"),
    (28, "Qgis.Warning: unscoped enum member, write Qgis.MessageLevel.Warning"),
    (29, "Qt.MidButton is removed in Qt 6: use Qt.MouseButton.MiddleButton"),
    (30, "QVariant(...): use qgis.core.NULL"),
]


def test_scanner_finds_every_planted_violation():
    found = scan_python(SNIPPET)
    messages = [(v.line, v.text) for v in found]
    for line, start in EXPECTED:
        assert any(n == line and t.startswith(start) for n, t in messages), (line, start, messages)
    # nothing else: scoped members (Qt.AlignmentFlag.AlignTop, QSizePolicy.Policy.Fixed,
    # QgsWkbTypes.GeometryType.LineGeometry), setSectionResizeMode and pyqtSignal-style code are fine
    assert {n for n, _t in messages} == {line for line, _start in EXPECTED}, messages
    assert len(found) == len(EXPECTED), messages


def test_scanner_passes_clean_qt6_code():
    clean = '''
from qgis.PyQt.QtCore import Qt, QRegularExpression, pyqtSignal
from qgis.PyQt.QtWidgets import QDialogButtonBox, QHeaderView
from qgis.core import QgsWkbTypes, NULL

class Box(QDialogButtonBox):
    changed = pyqtSignal(str)

    def exec(self):
        return super().exec()

def run(box, header, layer, label):
    box.setStandardButtons(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    role = Qt.ItemDataRole.UserRole + 1
    rx = QRegularExpression("[0-9]+")
    width = label.fontMetrics().horizontalAdvance("x")
    legend.setMarginX(0.3)
    return layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry, role, NULL, box.exec()
'''
    assert [str(v) for v in scan_python(clean)] == []


def test_compat_module_may_ask_versions_and_old_names():
    source = '''
from qgis.core import Qgis
from qgis.PyQt.QtCore import QVariant
QGIS_VERSION_INT = Qgis.QGIS_VERSION_INT
if QGIS_VERSION_INT < 33800:
    INT = QVariant.Type.Int
'''
    assert [str(v) for v in scan_python(source, path=COMPAT)] == []
    elsewhere = [(v.line, v.text.split(":")[0]) for v in scan_python(source, path="plugin/gis/other.py")]
    assert elsewhere == [(4, "QGIS_VERSION_INT"), (4, "QGIS_VERSION_INT"), (5, "QGIS_VERSION_INT"),
                         (6, "QVariant.Type")], elsewhere


def test_ui_scanner():
    ui = '''<ui version="4.0"><widget class="QWidget" name="w">
      <property name="alignment"><set>Qt::AlignLeft|Qt::AlignVCenter</set></property>
      <property name="orientation"><enum>Qt::Orientation::Horizontal</enum></property>
      <property name="storageMode"><enum>QgsFileWidget::SaveFile</enum></property>
      <property name="selectionBehavior"><enum>QAbstractItemView::SelectRows</enum></property>
      <property name="frameShape"><enum>QLabel::NoSuchShape</enum></property>
    </widget></ui>'''
    problems = [v.text for v in scan_ui(ui)]
    assert len(problems) == 3, problems
    assert problems[0].startswith("Qt::Orientation::Horizontal: write Class::Member")
    assert problems[1].startswith("QgsFileWidget::SaveFile: PyQt6's uic cannot resolve")
    assert problems[2].startswith("QLabel::NoSuchShape: not an enum member")


def test_table_knows_qt_and_qgis_enums():
    assert ENUMS.enums_of("Qt", "AlignLeft") == ["AlignmentFlag"]
    assert ENUMS.enums_of("QLabel", "StyledPanel") == ["Shape"]  # inherited from QFrame
    assert ENUMS.enums_of("QgsWkbTypes", "PolygonGeometry") == ["GeometryType"]
    assert ENUMS.enums_of("Qt", "AlignmentFlag") is None
    assert len(ENUMS.classes) > 500


@pytest.mark.parametrize("path", python_files(), ids=rel)
def test_python_is_qt6_ready(path):
    problems = scan_python(path.read_text(encoding="utf-8"), path=rel(path))
    assert not problems, "\n".join(str(v) for v in problems)


@pytest.mark.parametrize("path", sorted((ROOT / "ui").glob("*.ui")), ids=rel)
def test_ui_files_are_qt6_ready(path):
    problems = scan_ui(path.read_text(encoding="utf-8"), path=rel(path))
    assert not problems, "\n".join(str(v) for v in problems)


def test_there_is_code_to_scan():
    assert len(python_files()) > 30
    assert re.search(r"\bQgis\b", (ROOT / COMPAT).read_text(encoding="utf-8"))


def test_metadata_offers_the_plugin_to_qgis_4():
    """QGIS 4 lists a plugin only with qgisMaximumVersion >= 4 (unset means 3.99) and supportsQt6."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    assert general["supportsQt6"].strip() == "True"
    assert general["qgisMinimumVersion"].strip() == "3.22"
    major, minor = (int(p) for p in general["qgisMaximumVersion"].strip().split(".")[:2])
    assert (major, minor) == (4, 99)
