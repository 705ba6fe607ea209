"""Spatial statistics in numpy: overlay arithmetic, spatial weights, Moran / LISA / Gi*, cluster codes, the
geometry-issue policy, and the array geometry of point-in-polygon and accessibility (shapely; the 1.8 / 2
difference decided in shapely_arrays.py and points_in_polygons.py). Nothing here imports qgis."""
