#!/usr/bin/env python3
"""Write tests/qt5_enums.txt: which names of Qt and QGIS classes are enum members, and of which enum.

    /usr/bin/python3 scripts/qt_enum_table.py      # needs PyQt5 and the QGIS Python bindings (QGIS 3)

PyQt5 and QGIS 3 let code write ``Qt.AlignLeft``; PyQt6 (QGIS 4) only knows ``Qt.AlignmentFlag.AlignLeft``.
tests/qt6_scan.py reads the table to find unscoped members in the plugin without importing Qt,
so it runs (and fails) on any machine. The table is read from the installed bindings by introspection:
a sip enum type defined in a class is an enum, and the class attributes of that type are its members.
QGIS 3 also moved some class enums to ``Qgis`` and left the old names on the class as aliases; those
members are recorded with the enum's full name (``Qgis.SymbolType``), which is what the code must write.

Format, one line each, sorted:
    Class < Base1 Base2          bases that are in the table (members are inherited)
    Class.Enum: Member1 Member2  the members of an enum that code reaches as Class.Member
    Class=Qgis.Enum as Alias: Old>New M   Class.Old is Qgis.Enum.New (Qgis.Enum.M when unchanged); Class.Alias
                                          is Qgis.Enum (it has the new member names only)
"""
import enum
import importlib
import inspect
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "qt5_enums.txt"
QT_MODULES = ["QtCore", "QtGui", "QtWidgets", "QtXml", "QtPrintSupport", "QtSvg", "QtNetwork", "QtSql"]
QGIS_MODULES = ["qgis.core", "qgis.gui", "qgis.analysis"]


def _classes(module):
    for name, obj in sorted(vars(module).items()):
        if inspect.isclass(obj) and getattr(obj, "__module__", "").split(".")[0] in ("PyQt5", "qgis"):
            if obj.__name__ == name:
                yield name, obj


def _walk(qualname, cls, sip, seen, bases, enums, foreign):
    if qualname in seen:
        return
    seen.add(qualname)
    own = {}
    for name, value in vars(cls).items():
        if isinstance(value, sip.enumtype):
            own[value] = name
    for name, value in vars(cls).items():
        if isinstance(value, sip.enumtype) or name.startswith("_"):
            continue
        if type(value) in own:
            enums.setdefault((qualname, own[type(value)]), set()).add(name)
        elif isinstance(value, enum.Enum) and "." in type(value).__qualname__:
            # QGIS 3 moved the enum to Qgis and left the old name as an alias, whose member may be named
            # differently: QgsRenderContext.TextFormatAlwaysText is Qgis.TextRenderFormat.AlwaysText
            # (QgsRenderContext.TextRenderFormat.TextFormatAlwaysText does not exist in QGIS 3.22).
            aliases = sorted(n for n, v in vars(cls).items() if v is type(value))
            full = type(value).__qualname__ + "".join(" as " + a for a in aliases)
            foreign.setdefault((qualname, full), set()).add(
                name if name == value.name else f"{name}>{value.name}")
    bases[qualname] = [b.__name__ for b in cls.__bases__ if b.__name__ not in ("wrapper", "simplewrapper", "object")]
    for name, value in vars(cls).items():
        if inspect.isclass(value) and not isinstance(value, sip.enumtype) and not issubclass(value, enum.Enum):
            if getattr(value, "__qualname__", "").endswith(cls.__name__ + "." + name):
                _walk(qualname + "." + name, value, sip, seen, bases, enums, foreign)


def main():
    from PyQt5.QtCore import PYQT_VERSION_STR, Qt
    from qgis.core import Qgis

    sip = type("sip", (), {"enumtype": type(Qt.AlignmentFlag)})  # sip.enumtype is not exported by name

    seen, bases, enums, foreign = set(), {}, {}, {}
    for modname in ["PyQt5." + m for m in QT_MODULES] + QGIS_MODULES:
        module = importlib.import_module(modname)
        for name, cls in _classes(module):
            _walk(name, cls, sip, seen, bases, enums, foreign)

    with_members = {cls for cls, _e in enums} | {cls for cls, _e in foreign}

    def inherits_members(cls, depth=0):
        return depth < 50 and any(b in with_members or inherits_members(b, depth + 1) for b in bases.get(cls, ()))

    lines = []
    for cls, base_names in bases.items():
        # a base line only where members are inherited somewhere up the chain
        kept = [b for b in base_names if b in with_members or inherits_members(b)]
        if kept:
            lines.append("{} < {}".format(cls, " ".join(kept)))
    for (cls, name), members in enums.items():
        lines.append("{}.{}: {}".format(cls, name, " ".join(sorted(members))))
    for (cls, full), members in foreign.items():
        lines.append("{}={}: {}".format(cls, full, " ".join(sorted(members))))
    header = [
        "# Enum members of Qt and QGIS classes, reachable unscoped in PyQt5 / QGIS 3 (see scripts/qt_enum_table.py).",
        f"# Generated from PyQt {PYQT_VERSION_STR} and QGIS {Qgis.QGIS_VERSION}; "
        f"{len(with_members)} classes with members.",
    ]
    OUT.write_text("\n".join(header + sorted(lines)) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} lines, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
