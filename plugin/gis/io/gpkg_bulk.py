"""Bulk GeoPackage -> GeoPackage I/O for large district layers (optional fast path).

The generic path (layer_io) moves every feature through Python, ~0.15 ms per feature: fine for
thousands of districts, slow for 100,000. When the input is a plain GeoPackage layer (no subset,
no selection) and the output a .gpkg file, this module instead copies the layer (its attributes are
read column-wise by layer_frame.layer_to_dataframe, see arrow_columns.py): a single-layer GeoPackage page
by page with SQLite's backup API (R-tree included, nothing rebuilt), otherwise the one table with GDAL
(C++, fids preserved); it adds the result columns and fills them with one UPDATE per district in a single
transaction (R-tree triggers lifted meanwhile: geometry and fid never change),
writing into a temporary file that replaces the destination only when complete.
Values and field kinds are the same as layer_io's; tests compare both paths.
"""
import os
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
from osgeo import gdal, ogr
from qgis.core import QgsProviderRegistry

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.outputs import atomic

OGR_TYPES = {"double": ogr.OFTReal, "int": ogr.OFTInteger, "bool": ogr.OFTInteger, "string": ogr.OFTString}


def gpkg_layer_source(layer):
    """(path, table) when ``layer`` is a whole GeoPackage table read by OGR, else None."""
    if layer is None or layer.providerType() != "ogr" or layer.subsetString():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    table = parts.get("layerName")
    if not table:
        ds = ogr.Open(path)
        if ds is None or ds.GetLayerCount() != 1:
            return None
        table = ds.GetLayer(0).GetName()
    return path, table


def _fid_column(con, table):
    for _cid, name, _type, _notnull, _default, pk in con.execute(f'PRAGMA table_info("{table}")'):
        if pk:
            return name
    return None


def _quote(name):
    return '"{}"'.format(name.replace('"', '""'))


def _python_column(series, kind):
    if kind in ("double", "int", "bool") and pd.api.types.is_numeric_dtype(series.dtype):
        numbers = series.to_numpy(dtype="float64")
        missing = np.isnan(numbers)
        values = numbers.tolist() if kind == "double" else np.where(missing, 0, numbers).astype("int64").tolist()
        for i in np.flatnonzero(missing).tolist():
            values[i] = None
        return values
    values = series.astype(object).where(series.notna(), None).tolist()
    if kind in ("int", "bool"):
        return [None if v is None else int(v) for v in values]
    if kind == "double":
        return [None if v is None else float(v) for v in values]
    return [None if v is None else str(v) for v in values]


SQL_TYPES = {"double": "REAL", "int": "MEDIUMINT", "bool": "MEDIUMINT", "string": "TEXT"}  # GDAL: Real/Integer/String


def _single_layer(path):
    """True when the GeoPackage holds exactly one table (so a page copy of the file is the layer copy)."""
    con = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM gpkg_contents").fetchone()[0] == 1
    except sqlite3.Error:
        return False
    finally:
        con.close()


def _snapshot_with_columns(src_path, tmp, table, specs):
    """Consistent page copy of a single-layer GeoPackage (SQLite backup API: includes a WAL, never writes
    the source), plus the result columns. The R-tree is copied as is instead of rebuilt."""
    src = sqlite3.connect(f"file:{Path(src_path).as_posix()}?mode=ro", uri=True)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
        with dst:
            for name, _alias, kind in specs:
                dst.execute(f"ALTER TABLE {_quote(table)} ADD COLUMN {_quote(name)} {SQL_TYPES[kind]}")
            styles = dst.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'layer_styles'")
            if styles.fetchone()[0]:
                dst.execute("DELETE FROM layer_styles")  # the input's default style does not fit the output
    finally:
        src.close()
        dst.close()


def _translate_with_columns(src_path, src_table, tmp, layer_name, specs, dest_path):
    """Copy one table of a multi-layer GeoPackage with GDAL (fids preserved) and add the result columns."""
    options = gdal.VectorTranslateOptions(options=["-f", "GPKG", "-preserve_fid", "-nln", layer_name, src_table])
    gdal.ErrorReset()
    ds = gdal.VectorTranslate(tmp, src_path, options=options)
    if ds is None or gdal.GetLastErrorType() >= gdal.CE_Failure:
        ds = None
        raise atomic.write_failure(dest_path, gdal.GetLastErrorMsg() or tr("GDAL could not copy {src}").format(
            src=src_path), needed=os.path.getsize(src_path))
    layer = ds.GetLayerByName(layer_name)
    for name, alias, kind in specs:
        definition = ogr.FieldDefn(name, OGR_TYPES[kind])
        if alias and hasattr(definition, "SetAlternativeName"):
            definition.SetAlternativeName(alias)
        if layer.CreateField(definition) != 0:
            raise ExportError(tr("Cannot add the field {name} to {dest}.").format(name=name, dest=dest_path))
    ds = None
    if gdal.GetLastErrorType() >= gdal.CE_Failure:
        raise atomic.write_failure(dest_path, gdal.GetLastErrorMsg(), needed=os.path.getsize(src_path))


FILL_CHUNK_ROWS = 100000
#: UPDATE … FROM (one statement joining a table of the results) from SQLite 3.33; before, one UPDATE per row
_UPDATE_FROM = sqlite3.sqlite_version_info >= (3, 33, 0)


def _fill_columns(tmp, table, frame, specs):
    """Set the ``specs`` columns of ``table`` in ``tmp`` from ``frame`` (indexed by fid).

    The values go into a temporary table first (in chunks, so only one chunk exists as Python objects),
    then one ``UPDATE … FROM`` copies them across inside SQLite (older SQLite: one UPDATE per row)."""
    con = sqlite3.connect(tmp)
    try:
        # the staging file replaces the destination only when complete: no rollback journal needed (it would
        # write every page a second time), no waiting for the disk
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        fid = _fid_column(con, table)
        names = [name for name, _a, _k in specs]
        # The GeoPackage R-tree triggers call GDAL's SQL functions (ST_IsEmpty ...), which plain sqlite3
        # lacks. Only attributes change (not fid or geometry), so the index stays valid: lift the
        # triggers for the update and restore them unchanged, all in one transaction.
        triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                               (table,)).fetchall()
        fids = frame.index.to_numpy()
        with con:
            for name, _sql in triggers:
                con.execute(f"DROP TRIGGER {_quote(name)}")
            if _UPDATE_FROM:
                columns = ", ".join(f"c{i} {SQL_TYPES[kind]}" for i, (_n, _a, kind) in enumerate(specs))
                con.execute(f"CREATE TEMP TABLE sm_results (sm_fid INTEGER PRIMARY KEY, {columns})")
                insert = "INSERT INTO sm_results VALUES ({})".format(", ".join("?" * (len(specs) + 1)))
            else:
                assignments = ", ".join(f"{_quote(name)} = ?" for name in names)
                insert = f"UPDATE {_quote(table)} SET {assignments} WHERE {_quote(fid)} = ?"
            for start in range(0, len(frame), FILL_CHUNK_ROWS):
                part = frame.iloc[start:start + FILL_CHUNK_ROWS]
                columns = [_python_column(part[name], kind) for name, _a, kind in specs]
                ids = [int(i) for i in fids[start:start + FILL_CHUNK_ROWS]]
                con.executemany(insert, zip(ids, *columns) if _UPDATE_FROM else zip(*columns, ids))
            if _UPDATE_FROM:
                assignments = ", ".join(f"{_quote(name)} = r.c{i}" for i, name in enumerate(names))
                con.execute(f"UPDATE {_quote(table)} SET {assignments} FROM sm_results AS r "
                            f"WHERE {_quote(table)}.{_quote(fid)} = r.sm_fid")
                con.execute("DROP TABLE sm_results")
            for _name, trigger_sql in triggers:
                con.execute(trigger_sql)
    finally:
        con.close()


def copy_with_results(src_path, src_table, dest_path, frame, specs, feedback=None):
    """Write ``dest_path`` (GeoPackage): all features of the source table plus the ``specs`` columns of ``frame``.

    ``frame`` is indexed by fid. A single-layer source is copied page by page (its table name is kept);
    otherwise GDAL copies the one table into a layer named after the file. The destination is replaced
    only when the new file is complete and the run was not cancelled (then None is returned). Returns the
    layer name in the output.
    """
    dest_path = str(dest_path)
    directory = os.path.dirname(os.path.abspath(dest_path))
    atomic.sweep_stale(directory)
    tmp = os.path.join(directory, atomic.staging_name() + ".gpkg")
    atomic.register_active(tmp)
    try:
        if _single_layer(src_path):
            layer_name = src_table
            _snapshot_with_columns(src_path, tmp, layer_name, specs)
        else:
            layer_name = Path(dest_path).stem
            _translate_with_columns(src_path, src_table, tmp, layer_name, specs, dest_path)
        if feedback is not None:  # the staged file exists from here on
            feedback.setProgressText(tr("Writing the output…"))
            feedback.setProgress(60)
        _fill_columns(tmp, layer_name, frame, specs)
        if feedback is not None and feedback.isCanceled():
            return None  # cancelled: the staged file goes (finally), the destination stays as it was
        os.replace(tmp, dest_path)
        return layer_name
    except (OSError, sqlite3.Error, RuntimeError) as err:
        raise atomic.write_failure(dest_path, err, needed=os.path.getsize(src_path)) from None
    finally:
        atomic.unregister_active(tmp)
        for suffix in ("", "-journal", "-wal", "-shm"):
            if os.path.exists(tmp + suffix):
                os.remove(tmp + suffix)
