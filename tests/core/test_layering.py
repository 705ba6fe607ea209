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


# --- inside the floors: which idea package may import which (docs/architecture.md draws the same) ----------
# Shared modules every package of a floor may import: the exception types, tr(), redaction; on the gis floor
# also the version switch (compat) and the translator. A new package is added here with its arrows.
CORE_SHARED = {"core.errors", "core.i18n", "core.redact", "resources"}
GIS_SHARED = CORE_SHARED | {"gis.compat", "gis.i18n", "gis.logging_handler"}
CORE_PACKAGES = {"core.outputs", "core.tables", "core.join", "core.recipe", "core.index", "core.maps",
                 "core.spatial", "core.reports", "core.web"}
ALLOWED = {
    "core.errors": {"core.redact", "core.i18n"},
    "core.i18n": set(),
    "core.redact": set(),
    "core.outputs": CORE_SHARED,
    "core.tables": CORE_SHARED | {"core.outputs"},
    "core.join": CORE_SHARED | {"core.outputs", "core.tables"},
    # the recipe checks the names of the fields the index will add (index.output_fields, inside validate)
    "core.recipe": CORE_SHARED | {"core.outputs", "core.index"},
    "core.index": CORE_SHARED | {"core.outputs", "core.tables", "core.recipe"},
    "core.maps": CORE_SHARED | {"core.outputs", "core.index", "core.recipe"},
    "core.spatial": CORE_SHARED | {"core.outputs", "core.tables", "core.join", "core.index"},
    "core.reports": CORE_SHARED | {"core.outputs", "core.tables", "core.join", "core.recipe", "core.index",
                                   "core.maps", "core.spatial"},
    "core.web": CORE_SHARED | {"core.outputs", "core.tables", "core.recipe", "core.index", "core.maps",
                               "core.spatial", "core.reports"},
    "gis.compat": CORE_SHARED,
    "gis.i18n": CORE_SHARED | {"core"},
    "gis.logging_handler": CORE_SHARED,
    "gis.io": GIS_SHARED | CORE_PACKAGES,
    "gis.style": GIS_SHARED | CORE_PACKAGES | {"gis.io"},
    "gis.spatial": GIS_SHARED | CORE_PACKAGES | {"gis.io"},
    "gis.printing": GIS_SHARED | CORE_PACKAGES | {"gis.io", "gis.style", "gis.spatial"},
    "gis.web": GIS_SHARED | CORE_PACKAGES | {"gis.io", "gis.style", "gis.spatial", "gis.printing"},
}


def _package_of(parts):
    """('core', 'index', 'compute') -> 'core.index'; ('core', 'errors') -> 'core.errors'; ('resources',)."""
    if parts and parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts[:2]) if parts else ""


def _package_edges():
    for path in MODULES:
        rel = path.relative_to(PLUGIN).with_suffix("").parts
        source = _package_of(rel)
        for lineno, level, module in _imports(path):
            if level == 0:
                continue
            base = list(path.relative_to(PLUGIN).parent.parts)
            base = base[: len(base) - (level - 1)] if level > 1 else base
            target = _package_of(tuple(base + (module.split(".") if module else [])))
            if target and target != source:
                yield path, lineno, source, target


def test_every_core_and_gis_package_is_in_the_table():
    packages = {_package_of(p.relative_to(PLUGIN).with_suffix("").parts) for p in MODULES}
    unknown = sorted(p for p in packages if p.startswith(("core.", "gis.")) and p not in ALLOWED)
    assert not unknown, f"new packages {unknown}: add them to ALLOWED (and to docs/architecture.md)"


def test_packages_import_only_what_the_floor_plan_allows():
    problems = [f"{path.relative_to(PLUGIN)}:{lineno}: {source} must not import {target}"
                for path, lineno, source, target in _package_edges()
                if source in ALLOWED and target not in ALLOWED[source]]
    assert not problems, "\n".join(problems)


def test_no_import_cycle_between_modules_at_import_time():
    """Imports at module level form no cycle (an import inside a function is allowed to point back)."""
    graph = {}
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        name = ".".join(path.relative_to(PLUGIN).with_suffix("").parts)
        targets = set()
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                base = list(path.relative_to(PLUGIN).parent.parts)
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                mod = base + (node.module.split(".") if node.module else [])
                for alias in node.names:
                    candidate = PLUGIN.joinpath(*mod, alias.name)
                    if candidate.with_suffix(".py").exists() or (candidate / "__init__.py").exists():
                        targets.add(".".join(mod + [alias.name]))
                    else:
                        targets.add(".".join(mod))
        graph[name] = {t[:-9] if t.endswith(".__init__") else t for t in targets}
    graph = {k[:-9] if k.endswith(".__init__") else k: v for k, v in graph.items()}
    state, cycle = {}, []

    def visit(node, stack):
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1 and not cycle:
                cycle.extend(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    # a package importing its own modules is not a cycle back to itself
    assert not cycle or all(a.startswith(cycle[0]) for a in cycle), " -> ".join(cycle)
