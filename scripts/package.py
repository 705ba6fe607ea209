#!/usr/bin/env python3
"""Build the installable plugin ZIP and a QGIS plugin repository file (``make package``).

    /usr/bin/python3 scripts/package.py [--dist DIR] [--repo-url URL]

Writes into DIR (default ``dist/``):

- ``sozialmonitor-<version>.zip``: one top folder ``sozialmonitor/`` with ``metadata.txt``,
  ``__init__.py``, ``LICENSE`` and every file git tracks under ``plugin/``, ``ui/`` and
  ``resources/``, plus the compiled translations ``resources/i18n/*.qm`` (``make translations``).
  In a copy of the tree without git (as the CI lanes test it), the files present there instead.
  Nothing else: no tests, benchmarks, scripts, docs, caches or build output. The ZIP is
  reproducible: sorted entries, fixed timestamps (the last commit's time, or SOURCE_DATE_EPOCH)
  and fixed permissions, so two builds of the same files give the same bytes.
- ``plugins.xml``: the plugin repository format QGIS reads (*Settings › Repositories*), with the
  values of ``metadata.txt`` and ``download_url`` = URL + the ZIP's name.
- ``sozialmonitor.svg``: the icon plugins.xml refers to.

URL is where the files of DIR will be served, e.g. ``https://intranet.example/qgis/`` or
``file:///srv/qgis/``. QGIS downloads ``download_url`` as given (it does not resolve a relative
name against the repository address), so the default is the ``file://`` address of DIR itself:
that works on this machine only; pass the server's address when you publish.
Every file is written to a temporary file first and then renamed. Standard library only.
"""
import argparse
import configparser
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_ID = "sozialmonitor"  # the plugin's folder name: QGIS imports the plugin under this name
TOP_FILES = ["metadata.txt", "__init__.py", "LICENSE"]
TOP_FOLDERS = ["plugin", "ui", "resources"]
EXCLUDED_PARTS = {"__pycache__", ".git", "vendor-src"}
#: built, not in git: the web atlas's map library (scripts/fetch_web_vendor.sh, run by make bootstrap)
WEB_VENDOR = "resources/web/vendor"
EXCLUDED_SUFFIXES = (".pyc", ".pyo")
ZIP_EPOCH = 315532800  # 1980-01-01, the earliest time a ZIP entry can hold


class PackageError(Exception):
    """A problem the person building the package can fix; the message says how."""


def read_metadata(root=ROOT):
    meta = configparser.ConfigParser(interpolation=None)
    meta.optionxform = str  # keys as written: qgisMinimumVersion
    path = root / "metadata.txt"
    if not meta.read(path, encoding="utf-8") or not meta.has_section("general"):
        raise PackageError(f"{path} has no [general] section")
    general = dict(meta["general"])
    for key in ("name", "version", "qgisMinimumVersion"):
        if not general.get(key, "").strip():
            raise PackageError(f"{path} has no '{key}='")
    return general


def zip_name(version):
    return f"{PLUGIN_ID}-{version}.zip"


def _git(root, *args):
    try:
        return subprocess.run(["git", "-C", str(root)] + list(args), check=True,
                              capture_output=True).stdout
    except subprocess.CalledProcessError as exc:
        raise PackageError("git {} failed in {}: {}".format(
            " ".join(args), root, exc.stderr.decode("utf-8", "replace").strip())) from None


def _listed_by_git(root):
    """The files git tracks, or None when root is not a git checkout or git is not installed
    (e.g. a copy of the working tree, as the CI lanes test in their Debian roots)."""
    if not (root / ".git").exists() or shutil.which("git") is None:
        return None
    return [n for n in _git(root, "ls-files", "-z", "--cached").decode("utf-8").split("\0") if n]


def _present(root):
    names = [name for name in TOP_FILES if (root / name).is_file()]
    for folder in TOP_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            rel = path.relative_to(root)
            if path.is_file() and not any(part.startswith(".") for part in rel.parts) and path.suffix != ".qm":
                names.append(rel.as_posix())
    return names


def file_list(root=ROOT):
    """Paths (relative, '/'-separated) of the files that belong into the plugin: those git tracks
    under TOP_FOLDERS, and TOP_FILES; without git, the files present there (no .qm, no hidden files)."""
    names = _listed_by_git(root)
    if names is None:
        names = _present(root)
    shipped = []
    for name in names:
        parts = name.split("/")
        if not (name in TOP_FILES or parts[0] in TOP_FOLDERS):
            continue
        if EXCLUDED_PARTS.intersection(parts) or name.endswith(EXCLUDED_SUFFIXES):
            continue
        if not (root / name).is_file():
            raise PackageError(f"{name} is tracked by git but missing in {root} "
                               f"(restore it with 'git checkout -- {name}' "
                               "or remove it with 'git rm')")
        shipped.append(name)
    missing = [name for name in TOP_FILES if name not in shipped]
    if missing:
        raise PackageError("{} missing in {}".format(", ".join(missing), root))
    return shipped


def compiled_translations(root, tracked):
    """resources/i18n/<name>.qm for every tracked .ts; each must exist and be newer than its .ts."""
    out = []
    for name in tracked:
        if name.startswith("resources/i18n/") and name.endswith(".ts"):
            qm = name[:-3] + ".qm"
            ts_path, qm_path = root / name, root / qm
            if not qm_path.is_file() or qm_path.stat().st_mtime < ts_path.stat().st_mtime:
                raise PackageError(f"{qm} is missing or older than {name}: run 'make translations' first")
            out.append(qm)
    return out


def web_vendor(root):
    """The built map library files of the web atlas (resources/web/vendor/…); they must exist."""
    folder = root / WEB_VENDOR
    out = sorted(p.relative_to(root).as_posix() for p in folder.rglob("*")
                 if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []
    if not any(name.endswith("/leaflet.js") for name in out):
        raise PackageError(f"{WEB_VENDOR}/leaflet/leaflet.js is missing: run 'bash scripts/fetch_web_vendor.sh' "
                           "(make package runs it)")
    return out


def source_date(root=ROOT):
    """The timestamp every entry gets: SOURCE_DATE_EPOCH, else the last commit's time."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        if _listed_by_git(root) is not None:
            value = _git(root, "log", "-1", "--format=%ct").decode().strip()
        else:  # a copy without git: the newest file decides
            value = str(int(max((root / name).stat().st_mtime for name in file_list(root))))
    return max(int(value), ZIP_EPOCH)


def _utc(epoch):
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)


def _entry(name, epoch, is_dir=False):
    info = zipfile.ZipInfo(name, _utc(epoch).timetuple()[:6])
    info.create_system = 3  # Unix, whatever machine builds it: the permissions below are Unix ones
    if is_dir:
        info.external_attr = (0o40755 << 16) | 0x10  # directory, MS-DOS directory flag
        info.compress_type = zipfile.ZIP_STORED
    else:
        info.external_attr = 0o100644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _atomic_write(target, write):
    """Call write(handle) on a temporary file next to target, then rename it to target."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + target.name + ".", suffix=".tmp", dir=str(target.parent))
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def build_zip(target, root=ROOT, epoch=None):
    """Write the plugin ZIP to target. Returns the list of archive member names."""
    tracked = file_list(root)
    files = sorted(set(tracked + compiled_translations(root, tracked) + web_vendor(root)))
    epoch = source_date(root) if epoch is None else epoch
    folders = {PLUGIN_ID + "/"}
    for name in files:
        parts = name.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            folders.add("{}/{}/".format(PLUGIN_ID, "/".join(parts[:i])))
    members = sorted(folders | {f"{PLUGIN_ID}/{name}" for name in files})

    def write(handle):
        with zipfile.ZipFile(handle, "w") as archive:
            for member in members:
                if member.endswith("/"):
                    archive.writestr(_entry(member, epoch, is_dir=True), b"")
                else:
                    data = (root / member[len(PLUGIN_ID) + 1:]).read_bytes()
                    archive.writestr(_entry(member, epoch), data, compress_type=zipfile.ZIP_DEFLATED,
                                     compresslevel=9)

    _atomic_write(target, write)
    return members


def _iso(epoch):
    return _utc(epoch).strftime("%Y-%m-%dT%H:%M:%S")


def plugins_xml(meta, download_url, icon_url, epoch):
    """The QGIS plugin repository XML (the format of plugins.qgis.org/plugins/plugins.xml) as bytes.

    QGIS takes the plugin's id from ``file_name`` up to its first dot (and ``download_url``'s file
    name when ``file_name`` is empty), so ``file_name`` is ``sozialmonitor.<version>.zip`` — with
    ``sozialmonitor-<version>.zip`` it would look for a plugin 'sozialmonitor-0' after installing.
    """
    version = meta["version"].strip()
    minimum = meta["qgisMinimumVersion"].strip()
    maximum = meta.get("qgisMaximumVersion", "").strip() or minimum.split(".")[0] + ".99"
    root = ET.Element("plugins")
    plugin = ET.SubElement(root, "pyqgis_plugin", {"name": meta["name"].strip(), "version": version})
    fields = [
        ("description", meta.get("description", "")),
        ("about", meta.get("about", "")),
        ("version", version),
        ("qgis_minimum_version", minimum),
        ("qgis_maximum_version", maximum),
        ("homepage", meta.get("homepage", "")),
        ("file_name", f"{PLUGIN_ID}.{version}.zip"),
        ("icon", icon_url),
        ("author_name", meta.get("author", "")),
        ("author_email", meta.get("email", "")),
        ("download_url", download_url),
        ("uploaded_by", meta.get("author", "")),
        ("create_date", _iso(epoch)),
        ("update_date", _iso(epoch)),
        ("experimental", meta.get("experimental", "False")),
        ("deprecated", meta.get("deprecated", "False")),
        ("tracker", meta.get("tracker", "")),
        ("repository", meta.get("repository", "")),
        ("tags", meta.get("tags", "")),
        ("category", meta.get("category", "")),
        ("changelog", meta.get("changelog", "")),
    ]
    for key, value in fields:
        ET.SubElement(plugin, key).text = value.strip()
    ET.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def base_url(repo_url, dist):
    if not repo_url:
        return dist.resolve().as_uri() + "/"
    return repo_url if repo_url.endswith("/") else repo_url + "/"


def build(dist, repo_url=None, root=ROOT):
    """Build the ZIP, plugins.xml and the icon in dist. Returns (zip path, plugins.xml path)."""
    meta = read_metadata(root)
    epoch = source_date(root)
    target = dist / zip_name(meta["version"].strip())
    build_zip(target, root, epoch)
    base = base_url(repo_url, dist)
    icon_source = root / meta.get("icon", "resources/icons/sozialmonitor.svg").strip()
    icon_name = PLUGIN_ID + icon_source.suffix
    _atomic_write(dist / icon_name, lambda handle: handle.write(icon_source.read_bytes()))
    xml = plugins_xml(meta, base + target.name, base + icon_name, epoch)
    xml_path = dist / "plugins.xml"
    _atomic_write(xml_path, lambda handle: handle.write(xml))
    return target, xml_path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--repo-url", default=os.environ.get("REPO_URL", ""),
                        help="address the files of the output folder are served from (default: its file:// URL)")
    args = parser.parse_args(argv)
    try:
        target, xml_path = build(args.dist, args.repo_url or None)
    except PackageError as exc:
        print(f"package: {exc}", file=sys.stderr)
        return 1
    with zipfile.ZipFile(target) as archive:
        count = sum(1 for name in archive.namelist() if not name.endswith("/"))
    print(f"package: {target} ({target.stat().st_size / 1e6:.1f} MB, {count} files)")
    print(f"package: {xml_path} (download URL {base_url(args.repo_url or None, args.dist) + target.name})")
    if not args.repo_url:
        print("package: plugins.xml points to this folder; for a server run "
              "make package REPO_URL=https://<server>/<folder>/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
