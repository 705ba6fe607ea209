"""A map of many small districts reads as a map of classes: the district outlines no longer hide the fill
(core/maps/outline.py). Checked as a reader sees the page: poppler (pdftoppm) at 30 dpi, share of coloured
pixels among the drawn (non-white) ones."""
import subprocess

import numpy as np
import pytest
from osgeo import ogr, osr
from sozialmonitor.plugin.core.maps.outline import MIN_DISTRICT_MM, OUTLINE_MM, district_outline_mm

SIDE = 150  # 22,500 districts of 100 m: about 1.2 mm each on the A4 map


def _grid(path, side=SIDE):
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    layer = ds.CreateLayer("districts", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("ew", ogr.OFTInteger))
    values = np.random.default_rng(3).integers(100, 30000, side * side)
    layer.StartTransaction()
    for i in range(side * side):
        x, y = 390000 + 100 * (i % side), 5810000 + 100 * (i // side)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("ew", int(values[i]))
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} {y},{x + 100} {y},{x + 100} {y + 100},{x} {y + 100},{x} {y}))"))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None
    return str(path)


def coloured_share(pdf, folder):
    """Coloured pixels (saturation > 0.2) among the non-white ones of page 1 drawn by pdftoppm at 30 dpi."""
    stem = folder / "page"
    subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)], check=True)
    raw = (folder / "page.ppm").read_bytes()
    parts = raw.split(maxsplit=4)  # P6, width, height, maxval, pixels
    width, height = int(parts[1]), int(parts[2])
    rgb = np.frombuffer(parts[4][: width * height * 3], dtype=np.uint8).reshape(-1, 3).astype(float)
    high, low = rgb.max(axis=1), rgb.min(axis=1)
    drawn = low < 235
    saturation = np.where(high > 0, (high - low) / np.maximum(high, 1.0), 0.0)
    return float((saturation[drawn] > 0.2).mean())


def test_outline_rule():
    assert district_outline_mm(448, 30000) == OUTLINE_MM  # a city's districts, ~8 mm each: outlines
    assert district_outline_mm(100000, 30000) == 0.0  # ~0.5 mm each: colour only
    n_at_limit = int(30000 / MIN_DISTRICT_MM ** 2)
    assert district_outline_mm(n_at_limit, 30000) == OUTLINE_MM
    assert district_outline_mm(n_at_limit + 1, 30000) == 0.0
    assert district_outline_mm(0, 30000) == OUTLINE_MM


@pytest.mark.skipif(subprocess.run(["which", "pdftoppm"], capture_output=True).returncode != 0,
                    reason="poppler-utils (pdftoppm) not installed")
def test_many_small_districts_show_their_class_colours(qgis_processing, tmp_path):
    import processing
    from sozialmonitor.plugin.processing.provider import register_provider

    register_provider()
    districts = _grid(tmp_path / "grid.gpkg")
    pdf = tmp_path / "map.pdf"
    result = processing.run("sozialmonitor:export_map", {"INPUT": districts, "FIELD": "ew", "METHOD": 0,
                                                         "CLASSES": 5, "TITLE": "Einwohner",
                                                         "DPI": 100, "OUTPUT_PDF": str(pdf)})
    assert result["OUTPUT_PDF"] == str(pdf)
    # with the 0.1 mm outline of every district the page showed mostly grey outlines (3 % coloured; now 76 %)
    share = coloured_share(pdf, tmp_path)
    assert share > 0.6
