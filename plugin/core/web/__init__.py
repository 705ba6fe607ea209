"""The interactive web atlas as plain data: shared-arc topology and coverage-preserving simplification,
the page's JSON (fields, classes, profiles, trends, texts) and the atomic write of the atlas folder.
Pure Python (numpy, pandas, shapely); may import core/maps, core/reports, core/outputs, never qgis or Qt.
"""
