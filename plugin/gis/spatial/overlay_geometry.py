"""Geometry of the spatial overlays, measured with QGIS's spatial index and prepared GEOS engines.

Nothing here compares all pairs: every lookup goes through a ``QgsSpatialIndex`` (bounding boxes)
and then a prepared ``QgsGeometryEngine`` (exact test). The results are plain lists and DataFrames
that plugin/core/spatial/overlay.py turns into counts, rates, interpolated values and shares. (The
area within reach of facilities, for accessibility, and the pieces of an areal interpolation with their
population are measured on shapely arrays: reach_geometry.py, plugin/core/spatial/polygon_pieces.py.)

Rules stated once:
- A point on a shared boundary (or in overlapping districts) belongs to exactly one district: the
  one with the lowest feature id among those whose interior contains it, and when no interior does,
  the lowest feature id among those whose boundary it touches.
- A multi-point feature counts once, at its first point.
- Geometries come screened (plugin/gis/spatial/geometry_check.py): no function here sees an invalid, empty or
  NULL geometry of a district, source, target or facility; skipped features are listed, never dropped.
- Areas are planar in the layer CRS (map units², a projected CRS is required for interpolation and
  accessibility) or, for ``district_areas_km2`` in a geographic CRS, ellipsoidal.
"""
import numpy as np
import pandas as pd
from qgis.core import (
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsRectangle,
    QgsSpatialIndex,
    QgsUnitTypes,
    QgsWkbTypes,
)

from ...core.errors import ComputationError
from ...core.i18n import tr
from ...core.spatial import points_in_polygons, shapely_arrays
from ...core.spatial import polygon_pieces as array_pieces
from ..io import point_coordinates
from ..io.layer_frame import layer_to_dataframe, unchecked_features
from .geometry_check import CanceledError, Screened, screen
from .shapely_geometry import linear, to_shapely

PROGRESS_STEP = 2000


def _tick(feedback, i, total, start=0.0, span=100.0, step=PROGRESS_STEP):
    if feedback is None or i % step:
        return
    if feedback.isCanceled():
        raise CanceledError()
    if total:
        feedback.setProgress(start + span * min(i / total, 1.0))


def checks_label(source):
    return source.sourceName() if hasattr(source, "sourceName") else source.name()


def map_units_to_km2(crs):
    """Factor from the CRS's map units² to km²."""
    return QgsUnitTypes.fromUnitToUnitFactor(QgsUnitTypes.distanceToAreaUnit(crs.mapUnits()),
                                             QgsUnitTypes.AreaUnit.AreaSquareKilometers)


# ------------------------------------------------------------------------------------------ polygon index

class PolygonIndex:
    """Polygons of a layer with a spatial index and lazily prepared GEOS engines, keyed by feature id."""

    def __init__(self, geoms, empty=()):
        self.geoms = dict(geoms)
        self.empty = list(empty)
        self.index = QgsSpatialIndex()
        self._engines = {}
        for fid, geom in self.geoms.items():
            self.index.addFeature(fid, geom.boundingBox())
        self.ids = sorted(self.geoms)

    @classmethod
    def from_source(cls, source, policy="repair", feedback=None):
        """Screen ``source`` (geometry_check.screen) and index its usable polygons."""
        return cls.from_screened(screen(source, checks_label(source), policy, feedback=feedback))

    @classmethod
    def from_screened(cls, screened):
        """The usable polygons of a geometry_check.screen() result; its skipped features become ``empty``."""
        return cls(screened.geoms, screened.skipped)

    def engine(self, fid):
        engine = self._engines.get(fid)
        if engine is None:
            engine = QgsGeometry.createGeometryEngine(self.geoms[fid].constGet())
            engine.prepareGeometry()
            self._engines[fid] = engine
        return engine

    def candidates(self, rect):
        return sorted(self.index.intersects(rect))

    def locate(self, point):
        """(district id or None, on_boundary) of a QgsPoint, by the lowest-feature-id rule."""
        x, y = point.x(), point.y()
        cands = self.candidates(QgsRectangle(x, y, x, y))
        for fid in cands:
            if self.engine(fid).contains(point):
                return fid, False
        for fid in cands:
            if self.engine(fid).intersects(point):
                return fid, True
        return None, False


def _first_point(geom):
    """The first point of a (multi-)point geometry (valid while ``geom`` lives) and whether it had more."""
    abstract = geom.constGet()
    if QgsWkbTypes.isMultiType(abstract.wkbType()):
        if abstract.numGeometries() == 0:
            return None, False
        return abstract.geometryN(0), abstract.numGeometries() > 1
    return abstract, False


def assign_points(points, districts, category_index=-1, columnar=None, feedback=None, progress=(10.0, 80.0)):
    """District id (or NaN) of every point feature, with the category value when ``category_index`` >= 0.

    ``districts``: a geometry_check.screen() result (its usable polygons). ``columnar``: the
    point_coordinates.columnar_source of the points layer (bulk reading), or None. Points are located by
    plugin/core/spatial/points_in_polygons.py (the lowest-feature-id rule of this module's docstring).
    Returns (district_ids as a float array, categories or None, stats) where stats counts ``points``,
    ``outside``, ``boundary`` (points on a district boundary), ``no_geometry`` and ``multi`` (multi-point
    features with more than one point, counted at their first point).
    """
    start, span = progress
    if feedback is not None:
        feedback.setProgress(start)
    read = point_coordinates.read_points(points, category_index, columnar, feedback)
    if feedback is not None and feedback.isCanceled():
        raise CanceledError()
    ids = sorted(districts.geoms)
    polygons = points_in_polygons.polygons_from_wkb(bytes(linear(districts.geoms[fid]).asWkb()) for fid in ids)

    def tick(fraction):
        if feedback is None:
            return True
        feedback.setProgress(start + span * (0.3 + 0.7 * fraction))
        return not feedback.isCanceled()

    located, on_boundary = points_in_polygons.locate_points(polygons, ids, read.x, read.y, tick)
    if feedback is not None and feedback.isCanceled():
        raise CanceledError()
    assigned = np.where(located >= 0, located, np.nan)
    stats = {"points": len(located), "outside": int((located < 0).sum()), "boundary": int(on_boundary.sum()),
             "no_geometry": read.no_geometry, "multi": read.multi}
    return assigned, read.categories, stats


def district_areas_km2(districts, crs, context):
    """Area of every district in km² and a phrase saying how it was measured.

    ``districts``: a PolygonIndex or a geometry_check.screen() result (its skipped features get NaN).

    Projected CRS: planar area in the layer CRS. Geographic CRS: ellipsoidal area on the CRS's
    ellipsoid (the project's ellipsoid if the CRS names none).
    """
    if crs.isValid() and not crs.isGeographic():
        factor = map_units_to_km2(crs)
        areas = {fid: g.area() * factor for fid, g in districts.geoms.items()}
        how = tr("planar, in the layer CRS {crs}").format(crs=crs.authid())
    else:
        da = QgsDistanceArea()
        da.setSourceCrs(crs, context.transformContext())
        ellipsoid = crs.ellipsoidAcronym() or context.ellipsoid() or "EPSG:7030"
        da.setEllipsoid(ellipsoid)
        areas = {fid: da.convertAreaMeasurement(da.measureArea(g), QgsUnitTypes.AreaUnit.AreaSquareKilometers)
                 for fid, g in districts.geoms.items()}
        how = tr("ellipsoidal, on ellipsoid {ell} (the layer CRS {crs} is geographic)").format(
            ell=da.ellipsoid(), crs=crs.authid())
    for fid in getattr(districts, "empty", None) or getattr(districts, "skipped", []):
        areas[fid] = float("nan")
    return pd.Series(areas, dtype="float64"), how


# ------------------------------------------------------------------------------------- areal interpolation

def _intersection(engine, geom):
    """engine ∩ geom as QgsAbstractGeometry; on a GEOS failure retry once with the repaired geometry; None
    when that fails too. (Inputs are screened, so a failure is rare: e.g. a union of buffers.)"""
    inter = engine.intersection(geom.constGet())
    if inter is None:
        repaired = geom.makeValid()  # kept in a name: constGet() of a temporary would dangle (a crash)
        inter = engine.intersection(repaired.constGet())
    return inter


def fail_geos(what, fid):
    """ComputationError: GEOS could not intersect ``what`` (feature id ``fid``)."""
    raise ComputationError(tr("GEOS could not intersect {what} (feature id {fid}); the geometry is probably invalid. "
                              "Run Vector › Geometry Tools › Fix Geometries and try again.").format(what=what, fid=fid))


def _polygon_area(abstract):
    """Area of the polygonal part of a GEOS result (lines and points of a collection have no area)."""
    return QgsGeometry(abstract.clone()).area() if abstract is not None else 0.0


def _ticker(feedback, start, span):
    """progress(fraction) for the array code: sets the progress bar, False once the user cancelled."""
    def tick(fraction):
        if feedback is None:
            return True
        feedback.setProgress(start + span * min(fraction, 1.0))
        return not feedback.isCanceled()
    return tick


def polygon_pieces(sources, targets, keep_geometry=False, feedback=None, progress=(10.0, 60.0)):
    """Every non-empty source ∩ target piece: DataFrame (source, target, area) and, when asked, the geometries
    (a shapely array, same order), measured on shapely arrays by plugin/core/spatial/polygon_pieces.py.

    ``sources``: a geometry_check.screen() result (or a layer, screened with 'repair'); its skipped features are
    listed in ``stats['no_geometry']``. ``targets``: a geometry_check.screen() result or a PolygonIndex.

    The part of a source that no target covers becomes a piece with target NaN (so it is reported,
    not lost). A source entirely inside one target is taken whole without computing an intersection.
    Targets are assumed not to overlap; overlap is detected (covered area > source area) and reported
    in ``stats['overlap_area']``; ``stats['target_area']`` {fid: area}. Areas are in map units².
    Raises CanceledError, or ComputationError naming the source GEOS failed on.
    """
    if not isinstance(sources, Screened):
        sources = screen(sources, checks_label(sources), "repair", feedback=feedback)
    s_ids = [fid for fid in sources.order if fid in sources.geoms]
    t_ids = sorted(targets.geoms)
    s_geoms = to_shapely(sources.geoms[fid] for fid in s_ids)
    t_geoms = to_shapely(targets.geoms[fid] for fid in t_ids)
    try:
        found = array_pieces.polygon_pieces(s_geoms, t_geoms, keep_geometry, _ticker(feedback, *progress))
    except array_pieces.StoppedError:
        raise CanceledError() from None
    except array_pieces.FailedError as err:
        pair = (s_ids[err.position], t_ids[err.other] if err.other >= 0 else None)
        raise ComputationError(tr(
            "GEOS could not intersect {n} source/target pairs of '{s}' and '{t}' (invalid geometries?). Run Vector › "
            "Geometry Tools › Fix Geometries on both layers. First pairs (feature ids): {pairs}").format(
            n=1, s=sources.issues.layer, t=_layer_name(targets), pairs=[pair])) from None
    target_fid = np.r_[np.asarray(t_ids, dtype="float64"), np.nan]  # position -1: no target
    frame = pd.DataFrame({"source": np.asarray(s_ids, dtype=np.int64)[found.source],
                          "target": target_fid[found.target], "area": found.area})
    stats = {"no_geometry": [fid for fid in sources.order if fid not in sources.geoms],
             "overlap_area": found.overlap_area, "source_area": dict(zip(s_ids, found.source_area.tolist())),
             "target_area": dict(zip(t_ids, shapely_arrays.area(t_geoms).tolist()))}
    return frame, found.geoms, stats


def _layer_name(polygons):
    """The layer name of a geometry_check.screen() result ('' for a PolygonIndex)."""
    issues = getattr(polygons, "issues", None)
    return issues.layer if issues is not None else ""


def population_in_pieces(piece_geoms, population, pop_index, feedback=None, progress=(60.0, 30.0), geoms=None):
    """Population of a population layer (points or polygons) falling in each piece (``piece_geoms``, the shapely
    array of ``polygon_pieces``), by plugin/core/spatial/polygon_pieces.py.

    A point unit adds its population to the piece that contains it (lowest piece number on shared
    boundaries); a polygon unit (grid cell, block) is spread uniformly over its area:
    pop_piece += pop_unit · area(unit ∩ piece) / area(unit). ``geoms``: the geometry_check.screen() result of
    the layer (a skipped unit's population is ``unplaced``). Returns (population per piece, stats:
    ``population`` of the layer, ``unplaced`` outside all pieces, ``missing`` units without a value).
    """
    name = population.fields().at(pop_index).name()
    values = layer_to_dataframe(population, [name])[name].astype("float64")
    if geoms is None:
        geoms = screen(population, checks_label(population), "repair", feedback=feedback)
    known = values.dropna()
    unit_ids = [fid for fid in known.index if fid in geoms.geoms]
    is_point = QgsWkbTypes.geometryType(population.wkbType()) == QgsWkbTypes.GeometryType.PointGeometry
    try:
        weights, unplaced = array_pieces.population_in_pieces(
            piece_geoms, to_shapely(geoms.geoms[fid] for fid in unit_ids), known.loc[unit_ids].to_numpy(),
            is_point, _ticker(feedback, *progress))
    except array_pieces.StoppedError:
        raise CanceledError() from None
    except array_pieces.FailedError as err:
        fail_geos(tr("a population unit with a zone"), unit_ids[err.position])
    skipped = float(known.sum() - known.loc[unit_ids].sum())
    stats = {"population": float(known.sum()), "unplaced": unplaced + skipped, "missing": int(values.isna().sum()),
             "skipped_population": skipped}
    return weights, stats


def unit_overlay(units, pop_index, zones, feedback=None, progress=(0.0, 100.0), covers=None, geoms=None):
    """Spread the population of units (points or polygons) over zones (a PolygonIndex), for accessibility.

    With ``covers`` ({zone id: covered geometry}): returns pieces rows (unit, zone, frac, frac_within) for
    the accessibility share.
    ``geoms``: the geometry_check.screen() result of ``units`` (repaired geometries; a skipped unit's
    population is counted in ``skipped_population``, and in ``unplaced``).
    Stats: ``population`` (total of the layer), ``unplaced`` (population outside all zones), ``missing``
    (units with NULL population).
    """
    request = QgsFeatureRequest().setSubsetOfAttributes([pop_index])
    is_point = QgsWkbTypes.geometryType(units.wkbType()) == QgsWkbTypes.GeometryType.PointGeometry
    total = units.featureCount()
    stats = {"population": 0.0, "unplaced": 0.0, "missing": 0, "skipped_population": 0.0}
    rows, pops = [], {}
    cover_engines = {}

    def cover_engine(zid):
        if zid not in cover_engines:
            g = covers.get(zid)
            if g is None or g.isEmpty():
                cover_engines[zid] = None
            else:
                eng = QgsGeometry.createGeometryEngine(g.constGet())
                eng.prepareGeometry()
                cover_engines[zid] = (eng, g)
        return cover_engines[zid]

    for i, feature in enumerate(unchecked_features(units, request)):
        _tick(feedback, i, total, *progress)
        value = feature.attribute(pop_index)
        try:
            pop = float(value)
        except (TypeError, ValueError):
            pop = float("nan")
        if pop != pop:
            stats["missing"] += 1
            continue
        stats["population"] += pop
        pops[feature.id()] = pop
        geom = feature.geometry() if geoms is None else geoms.geoms.get(feature.id())
        if geom is None or geom.isEmpty():
            stats["unplaced"] += pop
            if geoms is not None:
                stats["skipped_population"] += pop
            continue
        placed = 0.0
        if is_point:
            point, _multi = _first_point(geom)
            zid, _b = zones.locate(point)
            if zid is not None:
                placed = 1.0
                if covers is not None:
                    ce = cover_engine(zid)
                    rows.append((feature.id(), zid, 1.0, 1.0 if ce and ce[0].intersects(point) else 0.0))
        else:
            abstract = geom.constGet()
            uarea = geom.area()
            if uarea <= 0:
                stats["unplaced"] += pop
                continue
            for zid in zones.candidates(geom.boundingBox()):
                engine = zones.engine(zid)
                if engine.contains(abstract):
                    frac, inter_geom = 1.0, geom
                elif engine.intersects(abstract):
                    inter = _intersection(engine, geom)
                    if inter is None:
                        fail_geos(tr("a population unit with a zone"), feature.id())
                    frac = _polygon_area(inter) / uarea
                    inter_geom = QgsGeometry(inter.clone()) if (covers is not None and frac > 0) else None
                else:
                    continue
                if frac <= 0:
                    continue
                placed += frac
                if covers is not None:
                    ce = cover_engine(zid)
                    within = 0.0
                    if ce is not None:
                        if ce[0].contains(inter_geom.constGet()):
                            within = frac
                        elif ce[0].intersects(inter_geom.constGet()):
                            part = _intersection(ce[0], inter_geom)
                            if part is None:
                                fail_geos(tr("a population unit with the area within reach"), feature.id())
                            within = _polygon_area(part) / uarea
                    rows.append((feature.id(), zid, frac, within))
                if frac >= 1.0:
                    break
        stats["unplaced"] += pop * max(0.0, 1.0 - placed)
    stats["rows"] = rows
    stats["unit_population"] = pops
    return stats
