"""The layering rule from STYLE.md, enforced: arrows point down (gui -> processing -> gis -> core).

Parses every module's imports (no execution) so the test also catches imports inside functions.
"""
import ast
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parents[2] / "plugin"
LAYERS = ["core", "gis", "processing", "gui"]
QT_OR_QGIS = ("qgis", "PyQt5", "PyQt6", "PySide2", "PySide6", "sip")
FORBIDDEN_ANYWHERE = ("PyQt5", "PyQt6", "PySide2", "PySide6")  # Qt only through qgis.PyQt


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, 0, alias.name
        elif isinstance(node, ast.ImportFrom):
            yield node.lineno, node.level, node.module or ""


def _layer_of(path):
    return path.relative_to(PLUGIN).parts[0] if len(path.relative_to(PLUGIN).parts) > 1 else None


def _target_layer(path, level, module):
    """Layer a relative import points to, or None for absolute/outside imports."""
    if level == 0:
        return None
    base = path.parent
    for _ in range(level - 1):
        base = base.parent
    target = (base / module.replace(".", "/")) if module else base
    try:
        parts = target.relative_to(PLUGIN).parts
    except ValueError:
        return None
    return parts[0] if parts else None


MODULES = sorted(PLUGIN.rglob("*.py"))


def test_there_are_modules_to_check():
    assert any(_layer_of(p) == "core" for p in MODULES)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PLUGIN)))
def test_imports_point_down(path):
    layer = _layer_of(path)
    problems = []
    for lineno, level, module in _imports(path):
        top = module.split(".")[0]
        if level == 0 and top in FORBIDDEN_ANYWHERE:
            problems.append(f"line {lineno}: import Qt through qgis.PyQt, not {module}")
        if layer == "core" and level == 0 and top in QT_OR_QGIS:
            problems.append(f"line {lineno}: plugin/core must not import {module}")
        gis_compat_qaction = path.name == "compat.py" and module == "qgis.PyQt.QtWidgets"  # QAction on Qt 5
        if layer == "gis" and level == 0 and module.startswith(("qgis.gui", "qgis.utils", "qgis.PyQt.QtWidgets")) \
                and not gis_compat_qaction:
            problems.append(f"line {lineno}: plugin/gis must not import {module} (GUI only)")
        gui_modules = ("qgis.gui", "qgis.utils", "qgis.PyQt.QtWidgets")
        if layer == "processing" and level == 0 and module.startswith(gui_modules):
            problems.append(f"line {lineno}: plugin/processing must not import {module} (GUI only)")
        target = _target_layer(path, level, module)
        if layer in LAYERS and target in LAYERS and LAYERS.index(target) > LAYERS.index(layer):
            problems.append(f"line {lineno}: {layer} must not import upwards from {target}")
    assert not problems, "\n".join(problems)
