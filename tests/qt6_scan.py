"""Finds Qt5-only code, so the plugin stays ready for QGIS 4 (Qt 6, PyQt6) while no QGIS 4 runs here.

Scans ``plugin/``, ``ui/`` and ``__init__.py`` for the Qt5-only patterns that QGIS's migration script
(scripts/pyqt5_to_pyqt6 in the QGIS sources) rewrites or warns about, with our own checks on the syntax
tree: unscoped enum members (``Qt.AlignLeft`` instead of ``Qt.AlignmentFlag.AlignLeft``), ``exec_``,
``QRegExp`` and other classes Qt 6 removed, ``QVariant.Int``-style types, PyQt5/PyQt6 imports, ``QAction``
from QtWidgets, ``QFontMetrics.width``, ``QApplication.desktop()``, ``setMargin``, ``activated[str]``,
and version checks outside ``plugin/gis/compat.py``. Which names are enum members comes from
``qt5_enums.txt`` (written by scripts/qt_enum_table.py from PyQt5 and QGIS 3), so no Qt is imported here.
Used by tests/core/test_qt6_ready.py (which also tests the scanner on planted violations) and by
tests/qgis/test_scoped_enums.py (every scoped enum the plugin writes exists in the running QGIS).
"""
import ast
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = Path(__file__).resolve().with_name("qt5_enums.txt")
COMPAT = "plugin/gis/compat.py"  # the one module that may ask which QGIS/Qt it runs on

#: classes that Qt 6 (PyQt6) no longer has, with what to use instead
REMOVED_CLASSES = {
    "QRegExp": "QRegularExpression",
    "QRegExpValidator": "QRegularExpressionValidator",
    "QDesktopWidget": "QScreen (QWidget.screen(), QGuiApplication.primaryScreen())",
    "QMatrix": "QTransform",
    "QGLWidget": "QOpenGLWidget",
    "QGLFormat": "QSurfaceFormat",
    "QTextCodec": "Python str.encode/bytes.decode",
    "QStringRef": "str",
    "QDirModel": "QFileSystemModel",
    "QSound": "QSoundEffect",
}
#: Qt 6 moved these from QtWidgets to QtGui; QGIS 3 before 3.40 only has them in QtWidgets (-> compat)
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QUndoGroup", "QUndoStack",
                  "QFileSystemModel"}
#: enum members Qt 6 dropped under their Qt 5 names
RENAMED_MEMBERS = {("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
                   ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
                   ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole"}
#: modules that PyQt6 does not have (or that QGIS 4 does not wrap)
REMOVED_MODULES = ("qgis.PyQt.Qt", "qgis.PyQt.QtWebKit", "qgis.PyQt.QtWebKitWidgets")
VERSION_NAMES = {"QGIS_VERSION_INT", "QGIS_VERSION", "QT_VERSION", "QT_VERSION_STR", "PYQT_VERSION",
                 "PYQT_VERSION_STR", "qVersion"}
FONT_METRICS = {"QFontMetrics", "QFontMetricsF", "fontMetrics"}
QT_UI_MODULES = ("Qt", "QtCore", "QtGui", "QtWidgets")


class EnumTable:
    """Which attribute names of a class are enum members: ``qt5_enums.txt`` (see its header)."""

    def __init__(self, path=TABLE):
        self.bases, self.members, self.enums, self.renamed = {}, {}, {}, {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            if " < " in line:
                cls, rest = line.split(" < ")
                self.bases[cls] = rest.split()
                continue
            head, rest = line.split(": ", 1)
            if "=" in head:  # Class=Qgis.Enum: Old>New ...: Class.Old is Qgis.Enum.New
                cls, full = head.split("=")
                full, *aliases = full.split(" as ")
                owner, enum = full.rsplit(".", 1)
                self.enums.setdefault(owner, set()).add(enum)
                self.enums.setdefault(cls, set()).update(aliases)  # Class.Alias is Qgis.Enum
                for member in rest.split():
                    old, _sep, new = member.partition(">")
                    self.members.setdefault(cls, {}).setdefault(old, []).append(f"{full}.{new or old}")
                    for alias in aliases if new else ():
                        self.renamed.setdefault((cls, alias), {})[old] = f"{full}.{new}"
                continue
            cls, enum = head.rsplit(".", 1)
            self.enums.setdefault(cls, set()).add(enum)
            for member in rest.split():
                self.members.setdefault(cls, {}).setdefault(member, []).append(enum)
        self.classes = set(self.members) | set(self.bases)
        self._enum_index = {c: {e: [e] for e in names} for c, names in self.enums.items()}

    def _lookup(self, table, cls, name, depth=0):
        found = table.get(cls, {})
        if name in found:
            return found[name]
        for base in self.bases.get(cls, ()) if depth < 40 else ():
            hit = self._lookup(table, base, name, depth + 1)
            if hit:
                return hit
        return None

    def enums_of(self, cls, member):
        """Enum names relative to ``cls`` that ``cls.member`` belongs to, or the full scoped member
        where the enum lives elsewhere (``Qgis.TextRenderFormat.AlwaysText``)."""
        return self._lookup(self.members, cls, member)

    def is_enum(self, cls, name):
        """True when ``cls.name`` is an enum (own or inherited), e.g. Qt.AlignmentFlag."""
        return bool(self._lookup(self._enum_index, cls, name))


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return list(reversed(parts))
    return None


def _class_in(table, parts):
    """The table class that ``parts`` (a dotted name) ends in, e.g. ['QtCore', 'Qt'] -> 'Qt'."""
    for i in range(len(parts)):
        name = ".".join(parts[i:])
        if name in table.classes:
            return name
    return None


class Violation:
    def __init__(self, path, line, col, text, fix=None, span=None):
        self.path, self.line, self.col, self.text, self.fix, self.span = path, line, col, text, fix, span

    def __str__(self):
        return f"{self.path}:{self.line}:{self.col + 1}: {self.text}"


def scan_python(source, path="<snippet>", table=None):
    """Qt5-only patterns in Python ``source``; returns a list of Violation (with line numbers)."""
    table = table or ENUMS
    tree = ast.parse(source, filename=path)
    is_compat = path == COMPAT
    out = []

    def add(node, text, fix=None, span=None):
        out.append(Violation(path, node.lineno, node.col_offset, text, fix, span))

    metrics_names = set()
    for node in ast.walk(tree):  # names bound to font metrics: fm = QFontMetrics(font); fm = w.fontMetrics()
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = _dotted(node.value.func) or []
            if func and func[-1] in FONT_METRICS:
                metrics_names.update(t.id for t in node.targets if isinstance(t, ast.Name))

    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for module in modules:
                if module.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6", "sip"):
                    add(node, f"import {module}: import Qt through qgis.PyQt")
                if module in REMOVED_MODULES:
                    add(node, f"import {module}: not available with Qt 6")
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name in REMOVED_CLASSES:
                        add(node, f"{alias.name} is removed in Qt 6: use {REMOVED_CLASSES[alias.name]}")
                    if alias.name in MOVED_TO_QTGUI and (node.module or "").endswith("QtWidgets") and not is_compat:
                        add(node, f"{alias.name} lives in QtGui in Qt 6: import it from plugin/gis/compat.py")
                    if alias.name == "resources_rc":
                        add(node, "compiled Qt resources are not supported with Qt 6: load files by path")
                    if alias.name in VERSION_NAMES and not is_compat:
                        add(node, f"{alias.name}: version checks belong in plugin/gis/compat.py")
        elif isinstance(node, ast.Name):
            if node.id in REMOVED_CLASSES:
                add(node, f"{node.id} is removed in Qt 6: use {REMOVED_CLASSES[node.id]}")
            elif node.id == "qApp":
                add(node, "qApp is removed in Qt 6: use QApplication.instance()")
            elif node.id in ("QGIS_VERSION_INT", "QT_VERSION", "PYQT_VERSION") and not is_compat:
                add(node, f"{node.id}: version checks belong in plugin/gis/compat.py")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "exec_":
            add(node, "def exec_: name it exec (Qt 6 has no exec_)")
        elif isinstance(node, ast.Subscript):
            value = _dotted(node.value) or []
            key = node.slice.value if isinstance(node.slice, ast.Index) else node.slice  # Python 3.8
            if value and value[-1] in ("activated", "currentIndexChanged", "highlighted") and (
                    isinstance(key, ast.Name) and key.id == "str"
                    or isinstance(key, ast.Constant) and key.value == "QString"):
                add(node, f"{value[-1]}[str] is removed in Qt 6: use textActivated/currentTextChanged")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id == "QVariant" and not is_compat:
                add(node, "QVariant(...): use qgis.core.NULL for a null value")
            if isinstance(func, ast.Attribute):
                if func.attr == "desktop" and not node.args:
                    add(node, "QApplication.desktop() is removed in Qt 6: use QWidget.screen()")
                elif func.attr == "setMargin":
                    add(node, "setMargin is removed in Qt 6: use setContentsMargins")
                elif func.attr == "width" and (
                        isinstance(func.value, ast.Call) and (_dotted(func.value.func) or [""])[-1] in FONT_METRICS
                        or isinstance(func.value, ast.Name) and func.value.id in metrics_names):
                    add(node, "QFontMetrics.width is removed in Qt 6: use horizontalAdvance")
        if not isinstance(node, ast.Attribute):
            continue
        if node.attr == "exec_":
            add(node, "exec_(): use exec() (Qt 6 has no exec_)")
            continue
        parts = _dotted(node.value)
        if not parts:
            continue
        if parts[-1] == "QVariant" and node.attr[:1].isupper() and not is_compat:
            add(node, f"QVariant.{node.attr}: field types come from plugin/gis/compat.py (QMetaType on new QGIS)")
            continue
        if parts[-1] in QT_UI_MODULES[1:] and node.attr in MOVED_TO_QTGUI | set(REMOVED_CLASSES) and not is_compat:
            add(node, f"{parts[-1]}.{node.attr}: not in this module with Qt 6")
        if node.attr in ("QGIS_VERSION_INT",) and not is_compat:
            add(node, f"{node.attr}: version checks belong in plugin/gis/compat.py")
        if (parts[-1], node.attr) in RENAMED_MEMBERS:
            add(node, f"{parts[-1]}.{node.attr} is removed in Qt 6: use {RENAMED_MEMBERS[(parts[-1], node.attr)]}")
            continue
        owner = _class_in(table, parts[:-1]) if len(parts) >= 2 else None
        if owner and table.is_enum(owner, parts[-1]):  # scoped: Qt.AlignmentFlag.AlignLeft
            new = table.renamed.get((owner, parts[-1]), {}).get(node.attr)
            if new:  # QgsRenderContext.TextRenderFormat.TextFormatAlwaysText: the alias has the new names only
                add(node, "{}.{}: no such member in QGIS 3.22, write {}".format(".".join(parts), node.attr, new),
                    fix=new, span=(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset))
            continue
        cls = _class_in(table, parts)
        if cls is None:
            continue
        enums = table.enums_of(cls, node.attr)
        if not enums:
            continue
        prefix = ".".join(parts)
        scoped = [f"{prefix}.{e}.{node.attr}" if "." not in e else e for e in sorted(set(enums))]
        add(node, "{}.{}: unscoped enum member, write {}".format(prefix, node.attr, " or ".join(scoped)),
            fix=scoped[0] if len(scoped) == 1 else None,
            span=(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset))
    return sorted(out, key=lambda v: (v.line, v.col))


def scan_ui(text, path="<ui>", table=None):
    """Enum values in a Qt Designer file that one of the two uic's cannot read.

    PyQt5's uic (QGIS 3) splits ``Class::Member`` once, so values must have exactly two parts; PyQt6's
    uic (QGIS 4) maps Qt's own old-style names to scoped ones but not those of QGIS classes
    (``QgsFileWidget::SaveFile``): set such properties in Python.
    """
    table = table or ENUMS
    out = []
    root = ET.fromstring(text)
    for elem in root.iter():
        if elem.tag not in ("enum", "set") or not elem.text:
            continue
        for value in elem.text.split("|"):
            value = value.strip()
            parts = value.split("::")
            if len(parts) != 2:
                out.append(Violation(path, 0, 0, f"{value}: write Class::Member (PyQt5's uic reads no other form)"))
                continue
            cls, member = parts
            if cls.startswith("Qgs"):
                out.append(Violation(path, 0, 0, f"{value}: PyQt6's uic cannot resolve QGIS enums, set it in Python"))
            elif not table.enums_of(cls, member):
                out.append(Violation(path, 0, 0, f"{value}: not an enum member of {cls}"))
    return out


ENUMS = EnumTable()


def python_files():
    """The plugin's Python files that QGIS 4 loads."""
    return [ROOT / "__init__.py"] + sorted((ROOT / "plugin").rglob("*.py"))


def rel(path):
    return path.relative_to(ROOT).as_posix()


def scoped_enum_references(source, table=None):
    """[(line, "Class", "Enum", "Member")] for every ``Class.Enum.Member`` in ``source`` whose
    ``Class.Enum`` the table knows as an enum (``QtCore.Qt.AlignmentFlag.AlignLeft`` -> Qt, AlignmentFlag)."""
    table = table or ENUMS
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        parts = _dotted(node.value)
        if not parts or len(parts) < 2:
            continue
        cls = _class_in(table, parts[:-1])
        if cls and table.is_enum(cls, parts[-1]):
            found.append((node.lineno, cls, parts[-1], node.attr))
    return found
