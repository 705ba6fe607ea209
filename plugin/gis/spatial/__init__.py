"""Geometry for the spatial algorithms: geometry checks, overlays with QGIS spatial indexes, neighbours.

qgis.core only; the arithmetic lives in plugin/core/spatial.
"""
