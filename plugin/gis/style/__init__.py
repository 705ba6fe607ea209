"""Renderers and symbols for result layers: index classes, graduated indicators, secrecy hatches, clusters.

qgis.core only; may import plugin/core and gis/compat.
"""
