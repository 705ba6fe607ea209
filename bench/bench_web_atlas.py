"""Benchmark: sozialmonitor:export_web_atlas — export time, folder size, and open-to-interactive in Chromium.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_web_atlas.py [--quick] [--districts 10000]

Cases:
1. Berlin: the 448 LOR Planungsräume of 2019 (real polygons, 70,055 vertices) with the MSS 2019 index and
   indicators, and two years of S1/S3/S4: 2018 (the table) and 2016 (= S − D, the published two-year
   change), so the switcher offers the years and the profile draws trends.
2. Synthetic: ``--districts`` (default 10,000) districts on a grid, each shared boundary a zig-zag of
   10 segments (about 40 vertices per district), 10 indicators and the MSS-like index of bench/synthetic.py.
Baselines measured in the same run: QGIS's ``native:savefeatures`` of the same layer to GeoJSON (what a
plain web export writes: every vertex, every attribute, no classes, no profiles) for time and size; and
for the browser, an empty Leaflet page from the same folder (the library's own start-up).
Open-to-interactive = the page's ``performance.mark('atlas-interactive')`` (set after the map, legend,
switcher and search are built and the first frame is styled), median of 3 loads from file:// in Debian's
headless /usr/bin/chromium; then the time from a click on a district to its profile.
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import _setup  # noqa: E402,F401  paths, offscreen Qt, the package alias (bench/_setup.py)
import numpy as np

sys.path.insert(0, str(_setup.ROOT / "tests" / "web"))
import web_atlas_testing as wt  # noqa: E402


def run(alg, params):
    import processing

    return processing.run(alg if ":" in alg else "sozialmonitor:" + alg, params)


def berlin_two_years(folder):
    layer = wt.berlin_layer(folder, run)
    for ind, change in (("S1", "D1"), ("S3", "D3"), ("S4", "D4")):
        for year, formula in ((2018, f'"{ind}"'), (2016, f'"{ind}" - "{change}"')):
            out = str(Path(folder) / f"{ind}_{year}.gpkg")
            run("native:fieldcalculator", {"INPUT": layer, "FIELD_NAME": f"{ind}_{year}", "FIELD_TYPE": 0,
                                           "FIELD_LENGTH": 10, "FIELD_PRECISION": 4, "FORMULA": formula,
                                           "OUTPUT": out})
            layer = out
    return layer


def synthetic_layer(folder, n):
    """A GeoPackage of n districts (grid, zig-zag shared boundaries) with synthetic.make_frame's values."""
    from osgeo import ogr, osr
    from synthetic import make_frame

    frame = make_frame(n)
    side = int(np.ceil(np.sqrt(n)))
    size, steps, rng = 200.0, 10, np.random.default_rng(3)
    t = np.linspace(0, 1, steps + 1)
    cache = {}

    def edge(a, b):  # the same zig-zag for both neighbours; outer edges straight
        key = (min(a, b), max(a, b))
        if key not in cache:
            p, q = np.array(key[0], float), np.array(key[1], float)
            pts = p + np.outer(t, q - p)
            inner = not ((p[0] == q[0] and p[0] in (0, side * size)) or (p[1] == q[1] and p[1] in (0, side * size)))
            if inner:
                normal = np.array([-(q - p)[1], (q - p)[0]]) / np.linalg.norm(q - p)
                off = rng.uniform(-15, 15, len(t))
                off[0] = off[-1] = 0
                pts = pts + np.outer(off, normal)
            cache[key] = pts
        pts = cache[key]
        return pts if a == key[0] else pts[::-1]

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    path = Path(folder) / "synthetic.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("districts", srs, ogr.wkbPolygon, ["SPATIAL_INDEX=NO"])
    lyr.CreateField(ogr.FieldDefn("DIST_ID", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("EW", ogr.OFTInteger))
    cols = [c for c in frame.columns if c not in ("DIST_ID", "EW")]
    for c in cols:
        lyr.CreateField(ogr.FieldDefn(c, ogr.OFTReal))
    defn = lyr.GetLayerDefn()
    lyr.StartTransaction()
    values = frame[cols].to_numpy().tolist()
    for i in range(n):  # building the input only; not timed
        x0, y0 = (i % side) * size + 300000, (i // side) * size + 5700000
        corners = [(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size)]
        ring = np.concatenate([edge(corners[k], corners[(k + 1) % 4])[:-1] for k in range(4)])
        wkt = "POLYGON((" + ",".join(f"{x} {y}" for x, y in np.vstack([ring, ring[:1]])) + "))"
        feat = ogr.Feature(defn)
        feat.SetField(0, frame["DIST_ID"].iat[i])
        feat.SetField(1, f"Gebiet {i}")
        feat.SetField(2, int(frame["EW"].iat[i]))
        for j, v in enumerate(values[i]):
            feat.SetField(3 + j, v)
        feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(feat)
    lyr.CommitTransaction()
    ds = None
    return f"{path}|layername=districts"


def indexed(folder, layer):
    """compute_index with the benchmark recipe (index fields and classes, as a real atlas has them)."""
    from synthetic import bench_recipe

    recipe = Path(folder) / "bench_recipe.json"
    bench_recipe().save(str(recipe))
    out = str(Path(folder) / "synthetic_index.gpkg")
    run("compute_index", {"INPUT": layer, "RECIPE": str(recipe), "OUTPUT": out})
    return out, str(recipe)


def export(layer, recipe, folder, name_field, key_field):
    start = time.perf_counter()
    result = run("export_web_atlas", {"INPUT": layer, "RECIPE": recipe, "NAME_FIELD": name_field,
                                      "KEY_FIELD": key_field, "OUTPUT_FOLDER": str(folder)})
    return time.perf_counter() - start, result


def geojson_baseline(layer, folder):
    start = time.perf_counter()
    out = Path(folder) / "plain.geojson"
    run("native:savefeatures", {"INPUT": layer, "OUTPUT": str(out)})
    return time.perf_counter() - start, out.stat().st_size


def browser_times(index, loads=3):
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
    empty = Path(index).with_name("empty.html")
    empty.write_text('<!DOCTYPE html><html><head><link rel="stylesheet" href="vendor/leaflet/leaflet.css">'
                     '</head><body><div id="m" style="height:600px"></div><script src="vendor/leaflet/leaflet.js">'
                     "</script><script>L.map('m').setView([52.5, 13.4], 10); performance.mark('atlas-interactive');"
                     "document.body.dataset.ready = '1';</script></body></html>")
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=wt.CHROMIUM, args=args)
        for label, page_path in (("empty", empty), ("atlas", Path(index))):
            times = []
            for _ in range(loads):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(page_path.as_uri())
                page.wait_for_selector("body[data-ready='1']", timeout=60000)
                times.append(page.evaluate("performance.getEntriesByName('atlas-interactive')[0].startTime"))
                if label == "atlas":
                    click = page.evaluate("""() => { const t0 = performance.now(); atlas.select(0, false);
                        return performance.now() - t0; }""")
                    out["click_ms"] = click
                page.close()
            out[label] = statistics.median(times)
        browser.close()
    empty.unlink()
    return out


def report(name, n, seconds, result, base_seconds, base_size, browser):
    size = result["SIZE_BYTES"]
    print(f"{name}: {n} districts, {result['FIELDS_SHOWN']} maps, {result['VERTICES']} vertices after simplifying")
    print(f"  export            {seconds:7.2f} s   GeoJSON baseline {base_seconds:6.2f} s   "
          f"ratio {seconds / base_seconds:5.2f}")
    print(f"  folder size       {size / 1e6:7.2f} MB  GeoJSON baseline {base_size / 1e6:6.2f} MB  "
          f"ratio {size / base_size:5.2f}")
    print(f"  open→interactive  {browser['atlas']:7.0f} ms  empty Leaflet page {browser['empty']:5.0f} ms  "
          f"ratio {browser['atlas'] / browser['empty']:5.1f}")
    print(f"  click→profile     {browser['click_ms']:7.1f} ms", flush=True)


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--districts", type=int, default=10000)
    args = parser.parse_args(argv)
    n = 1000 if args.quick else args.districts
    app = _setup.qgis_app()  # noqa: F841  keeps QGIS alive
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        layer = berlin_two_years(tmp)
        seconds, result = export(layer, str(wt.RECIPE_2019), tmp / "berlin_atlas", "name", "id")
        base_seconds, base_size = geojson_baseline(layer, tmp)
        report("Berlin 2019 (2016 + 2018)", 448, seconds, result, base_seconds, base_size,
               browser_times(result["INDEX_HTML"]))
        print(f"  per district      {result['SIZE_BYTES'] / 448 / 1e3:7.2f} kB  → 542 districts ≈ "
              f"{result['SIZE_BYTES'] / 448 * 542 / 1e6:.2f} MB")
        layer, recipe = indexed(tmp, synthetic_layer(tmp, n))
        seconds, result = export(layer, recipe, tmp / "synthetic_atlas", "name", "DIST_ID")
        base_seconds, base_size = geojson_baseline(layer, tmp)
        report("Synthetic", n, seconds, result, base_seconds, base_size, browser_times(result["INDEX_HTML"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
