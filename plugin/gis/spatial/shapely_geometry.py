"""QGIS geometries to shapely arrays and back, through WKB: converted once, then measured on whole arrays.

plugin/core/spatial works on shapely geometries (plugin/core/spatial/shapely_arrays.py decides between
shapely 2 and 1.8); this is the one crossing between QgsGeometry and shapely for the overlays.
"""
from qgis.core import QgsGeometry, QgsWkbTypes

from ...core.spatial import shapely_arrays


def linear(geom):
    """``geom`` with curves segmentised (shapely reads no curved WKB)."""
    if QgsWkbTypes.isCurvedType(geom.wkbType()):
        return QgsGeometry(geom.constGet().segmentize())
    return geom


def to_shapely(geoms):
    """An object array of shapely geometries of the QgsGeometries ``geoms`` (curves segmentised)."""
    return shapely_arrays.from_wkb([bytes(linear(g).asWkb()) for g in geoms])


def to_qgis(geoms):
    """QgsGeometries of the shapely geometries ``geoms`` (a list, same order)."""
    out = []
    for wkb in shapely_arrays.to_wkb(geoms):
        geom = QgsGeometry()
        geom.fromWkb(wkb)
        out.append(geom)
    return out
