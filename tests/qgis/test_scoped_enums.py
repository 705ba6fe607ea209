"""Every scoped enum the plugin writes (``Qt.AlignmentFlag.AlignLeft``, ``QgsWkbTypes.GeometryType.PolygonGeometry``)
exists in the QGIS and Qt this lane runs. QGIS 3.22 offers most QGIS enums only on their classes, newer
QGIS moved them to ``Qgis`` and keeps aliases; a name that one lane lacks fails here, not in a user's map.
"""
import importlib

import pytest
from qt6_scan import ROOT, python_files, rel, scoped_enum_references

MODULES = ["qgis.core", "qgis.gui", "qgis.analysis", "qgis.PyQt.QtCore", "qgis.PyQt.QtGui", "qgis.PyQt.QtWidgets",
           "qgis.PyQt.QtXml", "qgis.PyQt.QtPrintSupport", "qgis.PyQt.QtSvg", "qgis.PyQt.QtNetwork"]


def _class(name):
    head, *rest = name.split(".")
    for module in MODULES:
        obj = getattr(importlib.import_module(module), head, None)
        if obj is not None:
            for part in rest:
                obj = getattr(obj, part)
            return obj
    return None


REFERENCES = sorted({(rel(path), line, cls, enum, member)
                     for path in python_files()
                     for line, cls, enum, member in scoped_enum_references(path.read_text(encoding="utf-8"))})


def test_the_plugin_writes_scoped_enums():
    assert len(REFERENCES) > 100
    assert any(cls == "QgsWkbTypes" for _p, _l, cls, _e, _m in REFERENCES)


@pytest.mark.parametrize("path", sorted({p for p, *_rest in REFERENCES}))
def test_scoped_enums_exist_here(qgis_app, path):
    missing = []
    for ref_path, line, cls, enum, member in REFERENCES:
        if ref_path != path:
            continue
        owner = _class(cls)
        if owner is None or not hasattr(getattr(owner, enum, None), member):
            missing.append(f"{path}:{line}: {cls}.{enum}.{member}")
    assert not missing, "\n".join(missing)
    assert (ROOT / path).exists()
