"""Output layers and files of an algorithm, complete or absent: the checked sink, the staging of file
destinations next to their target, the check of the staged file and its move onto the destination.

Used by plugin/processing/algorithm.py (SozialmonitorAlgorithm.create_sink and _publish_staged).
"""
import os
import re
import sqlite3
from pathlib import Path

from osgeo import gdal, ogr
from qgis.core import (
    QgsDataSourceUri,
    QgsFeatureSink,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
    QgsProviderRegistry,
)
from qgis.PyQt.QtCore import QUrl

from ..core.i18n import tr
from ..core.outputs import atomic
from ..core.outputs.atomic import check_writable, write_failure


class CheckedSink:
    """A feature sink that fails on the first refused feature (disk full, permissions) instead of going on,
    and counts the features written, so the staged file can be checked against it."""

    def __init__(self, sink, record):
        self._sink, self._record = sink, record

    def addFeature(self, feature, flags=None):  # noqa: N802
        if not self._sink.addFeature(feature, QgsFeatureSink.Flags() if flags is None else flags):
            self._fail()
        self._record["count"] += 1
        return True

    def addFeatures(self, features, flags=None):  # noqa: N802
        features = list(features)
        if not self._sink.addFeatures(features, QgsFeatureSink.Flags() if flags is None else flags):
            self._fail()
        self._record["count"] += len(features)
        return True

    def flushBuffer(self):  # noqa: N802
        if hasattr(self._sink, "flushBuffer") and not self._sink.flushBuffer():
            self._fail()
        return True

    def lastError(self):  # noqa: N802
        return self._sink.lastError() if hasattr(self._sink, "lastError") else ""

    def _fail(self):
        reason = self.lastError() or gdal.GetLastErrorMsg() or "?"
        raise write_failure(self._record["final"], reason)


def is_geopackage(path):
    """True when ``path`` is an existing SQLite file with a gpkg_contents table."""
    if not os.path.isfile(path) or os.path.getsize(path) < 100:
        return False
    with open(path, "rb") as handle:
        if not handle.read(16).startswith(b"SQLite format 3"):
            return False
    try:
        con = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'gpkg_contents'").fetchone()[0] == 1
    except sqlite3.Error:
        return False
    finally:
        con.close()


def copy_geopackage(path, tmp):
    """A consistent copy of the GeoPackage ``path`` (SQLite's backup API: includes a WAL, never writes it)."""
    src = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as err:
        raise write_failure(path, str(err), needed=os.path.getsize(path)) from None
    finally:
        src.close()


def verify_staged(record):
    """Raise ExportError unless the staged file of ``record`` opens and holds every feature written."""
    tmp, final, layer, count = record["tmp"], record["final"], record["layer"], record["count"]
    if not os.path.exists(tmp) or os.path.getsize(tmp) == 0:
        raise write_failure(final, tr("the file was not written ({free} free on the disk)").format(
            free=atomic.human_size(atomic.free_space(final) or 0)))
    found = None
    last = gdal.GetLastErrorMsg()
    if record["ext"] in (".gpkg", ".sqlite"):
        try:
            con = sqlite3.connect(f"file:{Path(tmp).as_posix()}?mode=ro", uri=True)
            try:
                found = con.execute('SELECT count(*) FROM "{}"'.format(layer.replace('"', '""'))).fetchone()[0]
            finally:
                con.close()
        except sqlite3.Error as err:
            last = last or str(err)
    else:
        ds = ogr.Open(tmp)
        if ds is not None and ds.GetLayerCount():
            found = ds.GetLayer(0).GetFeatureCount()
        ds = None
    if found != count:
        free = atomic.free_space(final) or 0
        reason = tr("the written layer is incomplete ({found} of {n} features, {free} free on the disk)").format(
            found=found if found is not None else 0, n=count, free=atomic.human_size(free))
        if last and re.search(r"disk (is )?full|no space", last, re.IGNORECASE):
            reason = tr("the disk is full ({free} free; the layer was not completed)").format(
                free=atomic.human_size(free))
        raise write_failure(final, reason)


def check_file_output(path):
    """Raise ExportError naming ``path`` unless a file can be created there (the folder must exist)."""
    check_writable(path)


#: SQLite's default limit of columns in a table (GeoPackage, SpatiaLite): fields + fid + geometry
SQLITE_MAX_COLUMNS = 2000


def destination_file(dest):
    """(file path, layer name or None) of a layer destination: 'x.gpkg', 'x.gpkg|layername=l',
    "ogr:dbname='x.gpkg' table=\"l\" (geom)"; ('', None) for memory:, postgres: and other non-atomic."""
    dest = (dest or "").strip()
    if dest.lower().startswith(("ogr:", "spatialite:")):
        uri = QgsDataSourceUri(dest.split(":", 1)[1])
        return uri.database() or "", uri.table() or None
    if re.match(r"^[A-Za-z][A-Za-z0-9_]+:", dest):  # a provider prefix (a drive letter is one character)
        return "", None
    path, _, rest = dest.partition("|")
    match = re.search(r"(?:^|\|)layername=([^|]+)", rest)
    return path, (match.group(1) if match else None)


def layer_file(layer):
    """The file a layer reads ('' for databases, memory layers and web services)."""
    if layer is None:
        return ""
    provider = layer.providerType()
    source = layer.source()
    if provider == "delimitedtext":
        return QUrl(source).toLocalFile() or source.split("?")[0]
    if provider in ("memory", "postgres", "wfs", "wms", "arcgisfeatureserver", "virtual"):
        return ""
    try:
        parts = QgsProviderRegistry.instance().decodeUri(provider, source)
    except Exception:  # noqa: BLE001 - a provider without decodeUri: fall back to the plain source
        parts = {}
    path = parts.get("path") or parts.get("dbname") or source.split("|")[0]
    return path if os.path.isfile(path) else ""


# Formats GDAL writes as one file: those can be staged and moved (not .shp, .gml, .tab with side files).
STAGED_FORMATS = (".gpkg", ".geojson", ".geojsonl", ".json", ".fgb", ".sqlite", ".csv", ".xlsx", ".ods", ".kml")


def redirect_destination(value, path):
    """The output parameter ``value`` (a path or a QgsProcessingOutputLayerDefinition) writing to ``path``."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        definition = QgsProcessingOutputLayerDefinition(value)  # keeps the project to load into, create options
        definition.sink = QgsProperty.fromValue(path)
        return definition
    return path


def renamed_destination(value, tmp, final):
    if isinstance(value, str) and value.startswith(tmp):
        return final + value[len(tmp):]
    return value
