"""QGIS glue: layers <-> DataFrames, writing outputs, renderers, print layouts (qgis.core only)."""
