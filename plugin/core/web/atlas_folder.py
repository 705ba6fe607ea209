"""Write the web atlas folder completely or not at all.

Layout of the folder (opens from a file share with ``index.html``, no server, no internet):
    index.html  app.js  app.css                 the page (resources/web/)
    vendor/leaflet/leaflet.js, leaflet.css, LICENSE   the map library (built by scripts/fetch_web_vendor.sh)
    data/atlas.js      window.ATLAS_DATA = {…}  (core.web.atlas_data)
    data/geometry.js   window.ATLAS_GEOMETRY = {…}  (shared arcs, delta-encoded; core.web.topology)
    .sozialmonitor-web-atlas                    marker: this folder may be replaced by the next export
Data are JavaScript files, not JSON, because browsers refuse to ``fetch`` files from ``file://`` pages.
The folder is built in a hidden staging folder next to the target and renamed into place; an existing
atlas folder is replaced only after the new one is complete. A folder that holds anything else is refused.
"""
import json
import os
import shutil
from pathlib import Path
from typing import Optional, Union

from ..errors import ExportError
from ..i18n import tr
from ..outputs.atomic import check_writable, staging_name, sweep_stale, write_failure

PathLike = Union[str, "os.PathLike[str]"]

MARKER = ".sozialmonitor-web-atlas"
PAGE_FILES = ("index.html", "app.js", "app.css")
VENDOR_FILES = ("leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet/LICENSE")


def script_text(variable: str, payload: dict) -> str:
    """``window.<variable> = JSON.parse('…');`` with compact JSON (non-ASCII kept, no NaN: it is not JSON).

    A JSON string parsed with ``JSON.parse`` loads faster than the same object literal in the script (the
    parser need not expect arbitrary JavaScript); a single-quoted literal only needs ``\\`` and ``'`` escaped."""
    try:
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError as err:
        raise ExportError(tr("The web atlas data hold a value that is not a number ({err}).").format(err=err)) from None
    # U+2028/2029 end a line inside a JavaScript string literal in older engines: keep them as JSON escapes
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    literal = body.replace("\\", "\\\\").replace("'", "\\'")
    return f"window.{variable} = JSON.parse('{literal}');\n"


def check_assets(web_dir: PathLike, vendor_dir: PathLike) -> None:
    """Raise ExportError naming what is missing from the shipped page or the built map library."""
    missing = [str(Path(web_dir) / n) for n in PAGE_FILES if not (Path(web_dir) / n).is_file()]
    missing += [str(Path(vendor_dir) / n) for n in VENDOR_FILES if not (Path(vendor_dir) / n).is_file()]
    if missing:
        raise ExportError(tr("The web atlas files are missing: {files}. Reinstall the plugin; in a source checkout "
                             "run 'bash scripts/fetch_web_vendor.sh' (make package and make test run it).").format(
                                 files=", ".join(missing)))


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise ExportError(tr("The web atlas output '{path}' is a file; choose a folder.").format(path=target))
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise ExportError(tr("The folder '{path}' is not empty and holds no earlier web atlas; choose an empty or "
                             "new folder (the export replaces the whole folder).").format(path=target))


def write_atlas_folder(target: PathLike, data: dict, geometry: dict, web_dir: PathLike, vendor_dir: PathLike) -> str:
    """Write the atlas into the folder ``target`` (created or replaced). Returns the path of index.html."""
    target = Path(os.fspath(target)).absolute()
    check_assets(web_dir, vendor_dir)
    _check_target(target)
    parent = target.parent
    check_writable(target / "index.html", create_folders=True)
    parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(parent)
    staged = parent / staging_name()
    published = False
    old: Optional[Path] = None
    try:
        (staged / "data").mkdir(parents=True)
        (staged / "vendor" / "leaflet").mkdir(parents=True)
        for name in PAGE_FILES:
            shutil.copyfile(Path(web_dir) / name, staged / name)
        for name in VENDOR_FILES:
            shutil.copyfile(Path(vendor_dir) / name, staged / "vendor" / name)
        (staged / "data" / "atlas.js").write_text(script_text("ATLAS_DATA", data), encoding="utf-8")
        (staged / "data" / "geometry.js").write_text(script_text("ATLAS_GEOMETRY", geometry), encoding="utf-8")
        (staged / MARKER).write_text("sozialmonitor:export_web_atlas\n", encoding="utf-8")
        if target.exists():
            old = parent / staging_name()
            os.replace(target, old)
        os.replace(staged, target)
        published = True
    except OSError as err:
        if old is not None and not target.exists():
            os.replace(old, target)
            old = None
        raise write_failure(target, err) from None
    finally:
        if not published:
            shutil.rmtree(staged, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return str(target / "index.html")


def folder_size(path: PathLike) -> int:
    """Bytes of all files below ``path``."""
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())
