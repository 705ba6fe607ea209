"""Pure-Python computations: pandas, numpy and shapely only. Never imports qgis or Qt."""
