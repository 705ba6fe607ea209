"""Geometry of sozialmonitor:accessibility: the part of every district within reach of a facility.

The districts and facilities come screened (plugin/gis/spatial/geometry_check.py), are converted to
shapely once (shapely_geometry.py) and measured on whole arrays by plugin/core/spatial/reach_cover.py:
buffers (``BUFFER_SEGMENTS`` segments per quarter circle, the 64-gons of ``native:buffer`` with 16
segments), intersected with the districts and merged per district, as QGIS's buffer + intersection +
dissolve chain does.
"""
from dataclasses import dataclass
from typing import Optional

import numpy as np

from ...core.i18n import tr
from ...core.spatial import shapely_arrays
from ...core.spatial.reach_cover import FailedError, StoppedError, reach_cover
from .geometry_check import CanceledError
from .overlay_geometry import fail_geos
from .shapely_geometry import to_qgis, to_shapely

BUFFER_SEGMENTS = 16  # per quarter circle: the 64-gon has 99.84 % of the circle's area


@dataclass
class DistrictReach:
    """``ids`` the usable districts' feature ids (ascending); ``area`` and ``within`` their area and covered
    area (map units², arrays in ``ids`` order); ``covers`` {fid: covered QgsGeometry} (only when asked for;
    a district with nothing in reach is absent); ``n_facilities`` facilities buffered."""

    ids: list
    area: np.ndarray
    within: np.ndarray
    covers: Optional[dict]
    n_facilities: int


def district_reach(districts, facilities, distance, feedback=None, progress=(10.0, 50.0), keep_geometry=False):
    """Covered part of every usable district of ``districts`` within ``distance`` (straight line, map units) of
    a usable facility of ``facilities`` (both geometry_check.screen() results). Raises CanceledError."""
    start, span = progress
    ids = sorted(districts.geoms)
    polygons = to_shapely(districts.geoms[fid] for fid in ids)
    points = to_shapely(facilities.geoms.values())
    if feedback is not None:
        feedback.setProgress(start + span * 0.1)

    def tick(fraction):
        if feedback is None:
            return True
        feedback.setProgress(start + span * (0.1 + 0.9 * fraction))
        return not feedback.isCanceled()

    try:
        reach = reach_cover(polygons, points, distance, BUFFER_SEGMENTS, keep_geometry, tick)
    except StoppedError:
        raise CanceledError() from None
    except FailedError as err:
        fail_geos(tr("a district with the facility buffers"), ids[err.position])
    covers = None
    if keep_geometry:
        covers = {ids[k]: districts.geoms[ids[k]] for k in np.flatnonzero(reach.whole)}
        positions = list(reach.pieces)
        covers.update(zip((ids[k] for k in positions), to_qgis([reach.pieces[k] for k in positions])))
    return DistrictReach(ids=ids, area=shapely_arrays.area(polygons), within=reach.area, covers=covers,
                         n_facilities=reach.n_facilities)
