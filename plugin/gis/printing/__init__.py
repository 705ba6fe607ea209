"""Print layouts: templates, one map, the district atlas, multi-page and annex PDFs, the typology legend.

qgis.core only; may import plugin/core, gis/style and gis/io.
"""
