#!/usr/bin/env python3
"""Regenerate the translation sources resources/i18n/sozialmonitor_<lang>.ts from the code.

    python3 scripts/i18n_update.py            # update every .ts in resources/i18n (make translations-update)
    python3 scripts/i18n_update.py --add fr   # start a new language
    python3 scripts/i18n_update.py --check    # exit 1 when a string has no finished translation
    python3 scripts/i18n_update.py --dynamic  # list tr(variable) calls (their values need tr_noop)

Why not pylupdate5: it assigns the free function ``tr("...")`` (plugin/core/i18n.tr, used by the
pure-Python core) to the wrong context and cannot see the algorithm class attributes ``DISPLAY`` and
``HELP``, which SozialmonitorAlgorithm passes through ``tr()`` at run time. This script reads the
Python syntax tree instead and collects, all in the context ``Sozialmonitor``:

- ``tr("literal")`` and ``self.tr("literal")`` (any call named ``tr``; adjacent literals are joined),
- ``tr_noop("literal")``: marks a string that is translated later through a variable
  (``self.tr(label)`` for enum options and labels kept in lists),
- ``QCoreApplication.translate("Context", "literal")`` with its own context,
- string class attributes ``DISPLAY`` and ``HELP`` of the Processing algorithms,
- ``<string>`` texts of Qt Designer files in ui/ (context: the form's class name, as uic uses).

Existing translations are kept; new strings are added as unfinished; strings no longer in the code
are dropped (the old .ts stays in git history). Needs only the Python standard library.
"""
import argparse
import ast
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
CONTEXT = "Sozialmonitor"
SOURCES = ["plugin", "ui"]
CLASS_STRINGS = {"DISPLAY", "HELP"}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _literal(node):
    """The text of a string literal (implicitly concatenated literals included), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _call_name(call):
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def strings_in_python(path):
    """[(context, text, line)] of the translatable strings in one Python file, plus
    [(line, code)] of ``tr(...)`` calls whose argument is not a literal (they need ``tr_noop``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found, dynamic = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = _call_name(node)
            if name in ("tr", "tr_noop"):
                text = _literal(node.args[0])
                if text is not None:
                    found.append((CONTEXT, text, node.lineno))
                elif name == "tr":
                    dynamic.append((node.lineno, ast.unparse(node)))
            elif name == "translate" and len(node.args) >= 2:
                context, text = _literal(node.args[0]), _literal(node.args[1])
                if context is not None and text is not None:
                    found.append((context, text, node.lineno))
        elif isinstance(node, ast.ClassDef):
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 \
                        and isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id in CLASS_STRINGS:
                    text = _literal(stmt.value)
                    if text:
                        found.append((CONTEXT, text, stmt.lineno))
    return found, dynamic


def strings_in_ui(path):
    """[(context, text, line)] of a Qt Designer file: every <string> not marked notr="true"."""
    root = ET.parse(path).getroot()
    context = root.findtext("class") or path.stem
    return [(context, s.text, 0) for s in root.iter("string") if s.text and s.get("notr") != "true"]


def collect(root=ROOT):
    """{(context, text): [relative file, ...]} in a stable order (files sorted, then by line),
    and the list of non-literal tr() calls as (file, line, code)."""
    messages, dynamic = {}, []
    files = sorted(p for d in SOURCES for p in (root / d).rglob("*") if p.suffix in (".py", ".ui"))
    for path in files:
        rel = path.relative_to(root).as_posix()
        if path.suffix == ".py":
            found, dyn = strings_in_python(path)
            dynamic += [(rel, line, code) for line, code in dyn]
        else:
            found = strings_in_ui(path)
        for context, text, _line in sorted(found, key=lambda item: item[2]):
            files_of = messages.setdefault((context, text), [])
            if rel not in files_of:
                files_of.append(rel)
    return messages, dynamic


def read_ts(path):
    """{(context, source): (translation, type)} of a .ts file; type is '' for finished entries."""
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = translation.text or "" if translation is not None else ""
            kind = translation.get("type", "") if translation is not None else "unfinished"
            out[(name, message.findtext("source") or "")] = (text, kind)
    return out


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def write_ts(path, language, messages, translations):
    """Write a .ts: one <context> per context, messages in code order, relative locations."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context = {}
    for (context, text), files in messages.items():
        by_context.setdefault(context, []).append((text, files))
    for context in sorted(by_context, key=lambda c: (c != CONTEXT, c)):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for text, files in by_context[context]:
            msg = ET.SubElement(ctx, "message")
            for rel in files:
                ET.SubElement(msg, "location", filename="../../" + rel)
            ET.SubElement(msg, "source").text = text
            translation, kind = translations.get((context, text), ("", "unfinished"))
            tr_el = ET.SubElement(msg, "translation")
            if kind or not translation:
                tr_el.set("type", "unfinished")
            tr_el.text = translation
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    tmp = path.with_suffix(".ts.tmp")
    tmp.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    tmp.replace(path)


def problems(messages, translations):
    """Human-readable list of strings without a finished translation or with other placeholders."""
    out = []
    for key in messages:
        translation, kind = translations.get(key, ("", "unfinished"))
        if not translation or kind:
            out.append(f"untranslated: {key[1]!r}")
        elif placeholders(translation) != placeholders(key[1]):
            out.append(f"placeholders differ: {key[1]!r} -> {translation!r}")
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--add", metavar="LANG", help="create resources/i18n/sozialmonitor_LANG.ts")
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    parser.add_argument("--dynamic", action="store_true",
                        help="list tr(variable) calls: each possible value needs tr_noop() where it is defined")
    parser.add_argument("--merge", metavar="LANG:JSON", action="append", default=[],
                        help="fill untranslated strings from a JSON object {source: translation}, e.g. de:new.json")
    args = parser.parse_args(argv)
    merges = {}
    for spec in args.merge:
        language, _sep, json_path = spec.partition(":")
        with open(json_path, encoding="utf-8") as f:
            merges.setdefault(language, {}).update(json.load(f))
    messages, dynamic = collect()
    if args.dynamic:
        for rel, line, code in dynamic:
            print(f"{rel}:{line}: {code}")
    if args.add:
        I18N.mkdir(parents=True, exist_ok=True)
        new = I18N / f"sozialmonitor_{args.add}.ts"
        if not new.exists():
            write_ts(new, args.add, messages, {})
    status = 0
    for ts in sorted(I18N.glob("sozialmonitor_*.ts")):
        language = ts.stem.split("_", 1)[1]
        old = read_ts(ts)
        for key in messages:
            given = merges.get(language, {}).get(key[1])
            translation, kind = old.get(key, ("", "unfinished"))
            if given and (kind or not translation):
                if placeholders(given) != placeholders(key[1]):
                    print(f"{ts.name}: placeholders differ, not merged: {key[1]!r}")
                    continue
                old[key] = (given, "")
        todo = problems(messages, old)
        if not args.check:
            write_ts(ts, language, messages, old)
            dropped = len(set(old) - set(messages))
            print(f"{ts.relative_to(ROOT)}: {len(messages)} strings, {len(todo)} need a translation, {dropped} dropped")
        else:
            for line in todo:
                print(f"{ts.name}: {line}")
            status = status or (1 if todo else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
