"""Layers and tables in and out of QGIS: layer <-> DataFrame, bulk GeoPackage I/O, PostGIS writes.

qgis.core (and OGR through osgeo) only; may import plugin/core.
"""
