"""Neighbour rules of plugin/gis/spatial/neighbours.py on hand-made geometries: gaps, corners, ties."""
from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle
from sozialmonitor.plugin.gis.spatial.neighbours import build_weights, contiguity_neighbours, knn_neighbours


def _square(x, y, size=1.0):
    return QgsGeometry.fromRect(QgsRectangle(x, y, x + size, y + size))


def test_queen_and_rook_on_touching_squares(qgis_app):
    # 0 | 1 side by side; 2 touches 1 only at a corner; 3 far away
    squares = [_square(0, 0), _square(1, 0), _square(2, 1), _square(10, 10)]
    assert contiguity_neighbours(squares) == [[1], [0, 2], [1], []]
    assert contiguity_neighbours(squares, rook=True) == [[1], [0], [], []]


def test_tolerance_bridges_digitising_gaps_but_not_corners(qgis_app):
    # a 0.05 gap between 0 and 1; 2 diagonal to 1 with a 0.05 gap at the corner
    squares = [_square(0, 0), _square(1.05, 0), _square(2.10, 1.05)]
    assert contiguity_neighbours(squares) == [[], [], []]
    assert contiguity_neighbours(squares, tolerance=0.1) == [[1], [0, 2], [1]]
    assert contiguity_neighbours(squares, rook=True, tolerance=0.1) == [[1], [0], []]


def test_knn_ties_go_to_the_earlier_feature(qgis_app):
    # centre point 0 and four points at distance 1; k = 2 takes 1 and 2 (first in the layer)
    points = [QgsGeometry.fromPointXY(QgsPointXY(x, y)) for x, y in [(0, 0), (1, 0), (0, 1), (-1, 0), (0, -1)]]
    assert knn_neighbours(points, 2)[0] == [1, 2]
    weights = build_weights(points, "knn", k=1)
    assert weights.cardinalities.tolist() == [1] * 5


def test_features_without_geometry_have_no_neighbours(qgis_app):
    squares = [_square(0, 0), None, _square(1, 0)]
    assert contiguity_neighbours(squares) == [[2], [], [0]]
    assert build_weights(squares, "queen").islands.tolist() == [1]
