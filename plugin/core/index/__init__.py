"""The social index: clean, normalise against the reference districts, weight, aggregate, classify.

Pure pandas/numpy. May import core/recipe, core/tables, core/errors, core/i18n; never core/maps, core/reports or qgis.
"""
