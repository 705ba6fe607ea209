"""Spatial statistics in numpy: overlay arithmetic, spatial weights, Moran / LISA / Gi*, cluster codes and
the geometry-issue policy. Geometry itself is measured in plugin/gis/spatial; nothing here imports qgis."""
