#!/usr/bin/env python3
"""Install this checkout as QGIS plugin 'sozialmonitor' into a QGIS profile and enable it.

    /usr/bin/python3 scripts/install_plugin.py [--profile-dir DIR]

Default profile: ~/.local/share/QGIS/QGIS3/profiles/default (what QGIS and qgis_process use).
The plugin folder is replaced as a whole (copied to a temporary folder first, then renamed),
and ``[PythonPlugins] sozialmonitor=true`` is set in the profile's QGIS3.ini.
Idempotent; needs only the Python standard library.
"""
import argparse
import configparser
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_NAME = "sozialmonitor"
SHIPPED = ["metadata.txt", "__init__.py", "plugin", "ui", "resources", "README.md", "LICENSE"]
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.ts")


def default_profile():
    return Path(os.environ.get("QGIS_PROFILE_DIR", Path.home() / ".local/share/QGIS/QGIS3/profiles/default"))


def install(profile_dir):
    plugins = profile_dir / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    target = plugins / PLUGIN_NAME
    staging = Path(tempfile.mkdtemp(prefix=".sozialmonitor-", dir=plugins))
    for name in SHIPPED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, staging / name, ignore=IGNORE)
        elif src.exists():
            shutil.copy2(src, staging / name)
    if target.exists():
        old = plugins / ".sozialmonitor-old"
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(target)
    return target


def enable(profile_dir):
    ini = profile_dir / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    config = configparser.ConfigParser(interpolation=None, strict=False)
    config.optionxform = str  # keep key case as QGIS writes it
    if ini.exists():
        config.read(ini, encoding="utf-8")
    if not config.has_section("PythonPlugins"):
        config.add_section("PythonPlugins")
    if config.get("PythonPlugins", PLUGIN_NAME, fallback="") == "true":
        return ini
    config.set("PythonPlugins", PLUGIN_NAME, "true")
    tmp = ini.with_suffix(".ini.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        config.write(handle, space_around_delimiters=False)
    os.replace(tmp, ini)
    return ini


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile-dir", type=Path, default=default_profile())
    args = parser.parse_args(argv)
    target = install(args.profile_dir)
    ini = enable(args.profile_dir)
    print(f"Sozialmonitor installed in {target} and enabled in {ini}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
