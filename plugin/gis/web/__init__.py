"""The QGIS side of the web atlas: district polygons as shapely geometry, shared arcs in WGS 84, and the map
classes of every field, computed as for the printed maps. qgis.core only; may import plugin/core, gis/io, gis/style."""
