"""Benchmark at national size, part 2: accessibility, styling and the A4 map, ours vs QGIS's own, same run.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_scale_access_print.py [--cases access map]
      [--access-districts 100000] [--facilities 2000] [--distance 500] [--map-districts 100000 1000000]
      [--data DIR] [--quick]  (10,000 districts, 200 facilities; maps of 10,000)

Child processes, time (``processing.run`` or the QGIS API calls alone) and peak memory as in
bench/bench_scale.py (``measured``); the inputs are its square districts (100 m, EPSG:25833).
- access: ``sozialmonitor:accessibility`` (uniform population, DISTANCE m) vs the chain a QGIS user builds
  for the same question: ``native:buffer`` of the facilities (16 segments a quarter = the 64-gons of ours),
  ``native:intersection`` with the districts, ``native:dissolve`` of the pieces per district (overlapping
  circles counted once), ``native:fieldcalculator`` ($area). The covered share of every district's area
  (``acc_area_pct`` of ours; 0 where QGIS has no piece) is compared district by district
  (equal within 1e-4 %-points = 0.01 m² of a 1 ha district: the circles are cut in a different order).
- map: ``sozialmonitor:style_layer`` + ``sozialmonitor:export_map`` (quantiles, 5 classes, A4 landscape PDF)
  vs QGIS's own: a ``QgsGraduatedSymbolRenderer`` with ``QgsClassificationQuantile`` (5 classes, Oranges) on
  the same field, a ``QgsPrintLayout`` (A4 landscape) with a map item and a legend, exported by
  ``QgsLayoutExporter.exportToPdf`` at 300 dpi. Both PDFs must exist and render: page 1 through
  ``pdftoppm -r 30`` must show coloured (non-white, non-grey) pixels.
Prints the table of bench_scale (time and memory ratio QGIS/ours; > 1: ours faster / smaller).
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _setup  # noqa: F401  paths, offscreen Qt, the package alias (bench/_setup.py)
import bench_scale
import numpy as np

SCRIPT = Path(__file__).resolve()


# ---------------------------------------------------------------------------------- QGIS's own map

def child_qgis_map(params):
    """In the child: QGIS's own graduated renderer + print layout + PDF export; prints {"seconds", "result"}."""
    app = _setup.qgis_app()
    from qgis.core import (
        QgsClassificationQuantile,
        QgsGraduatedSymbolRenderer,
        QgsLayoutExporter,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsPrintLayout,
        QgsProject,
        QgsStyle,
        QgsVectorLayer,
    )

    start = time.perf_counter()
    layer = QgsVectorLayer(params["INPUT"], "districts", "ogr")
    renderer = QgsGraduatedSymbolRenderer(params["FIELD"])
    renderer.setClassificationMethod(QgsClassificationQuantile())
    renderer.updateClasses(layer, 5)
    renderer.updateColorRamp(QgsStyle.defaultStyle().colorRamp("Oranges"))
    layer.setRenderer(renderer)
    project = QgsProject.instance()
    project.addMapLayer(layer)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 landscape page
    item = QgsLayoutItemMap(layout)
    item.attemptMove(QgsLayoutPoint(10, 10))  # millimetres
    item.attemptResize(QgsLayoutSize(220, 190))
    item.setLayers([layer])
    item.setExtent(layer.extent())
    layout.addLayoutItem(item)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(item)
    legend.attemptMove(QgsLayoutPoint(235, 10))
    layout.addLayoutItem(legend)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 300
    status = QgsLayoutExporter(layout).exportToPdf(params["OUTPUT_PDF"], settings)
    seconds = time.perf_counter() - start
    ok = status == QgsLayoutExporter.ExportResult.Success
    print(json.dumps({"seconds": seconds, "result": {"OUTPUT_PDF": params["OUTPUT_PDF"] if ok else None,
                                                     "classes": len(renderer.ranges())}}), flush=True)
    project.removeAllMapLayers()
    del app


def coloured_share(pdf):
    """Share of coloured pixels (saturation > 0.2) of page 1 of ``pdf`` rendered at 30 dpi (0 when it fails)."""
    if not Path(pdf or "").is_file():
        return 0.0
    stem = str(Path(pdf).with_suffix(""))
    done = subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-singlefile", pdf, stem],
                          capture_output=True, timeout=600)
    ppm = Path(stem + ".ppm")
    if done.returncode != 0 or not ppm.is_file():
        return 0.0
    raw = ppm.read_bytes()
    parts = raw.split(maxsplit=4)  # P6, width, height, maxval, pixels
    width, height = int(parts[1]), int(parts[2])
    rgb = np.frombuffer(parts[4][: width * height * 3], dtype=np.uint8).reshape(-1, 3).astype(float)
    high, low = rgb.max(axis=1), rgb.min(axis=1)
    saturation = np.where(high > 0, (high - low) / np.maximum(high, 1.0), 0.0)
    ppm.unlink()
    return float((saturation > 0.2).mean())


# ------------------------------------------------------------------------------------------------- cases

def case_access(tmp, data, n, n_facilities, distance):
    districts, side = bench_scale._kept(data, f"districts_{n}.gpkg", lambda p: bench_scale.square_districts(p, n))
    side = side or int(np.ceil(np.sqrt(n)))
    facilities, _ = bench_scale._kept(data, f"points_{side}_{n_facilities}.gpkg",
                                      lambda p: bench_scale.random_points(p, n_facilities, side, seed=7))
    ours_out, native_out = str(tmp / "access_ours.gpkg"), str(tmp / "access_native.gpkg")
    ours = bench_scale.measured("sozialmonitor:accessibility", {
        "INPUT": districts, "FACILITIES": facilities, "DISTANCE": distance, "POPULATION_FIELD": "ew",
        "KEY_FIELD": "key", "OUTPUT": ours_out})
    chain = [["native:buffer", {"INPUT": facilities, "DISTANCE": distance, "SEGMENTS": 16, "DISSOLVE": False,
                                "END_CAP_STYLE": 0, "JOIN_STYLE": 0, "MITER_LIMIT": 2,
                                "OUTPUT": "TEMPORARY_OUTPUT"}],
             ["native:intersection", {"INPUT": districts, "OVERLAY": "@prev", "INPUT_FIELDS": ["key"],
                                      "OVERLAY_FIELDS": ["art"], "OUTPUT": "TEMPORARY_OUTPUT"}],
             ["native:dissolve", {"INPUT": "@prev", "FIELD": ["key"], "OUTPUT": "TEMPORARY_OUTPUT"}],
             ["native:fieldcalculator", {"INPUT": "@prev", "FIELD_NAME": "area_in", "FIELD_TYPE": 0,
                                         "FORMULA": "$area", "OUTPUT": native_out}]]
    native = bench_scale.measured("chain", chain)
    a = bench_scale._values(ours_out, "key", "acc_area_pct")
    b = bench_scale._values(native_out, "key", "area_in")
    district_area = 100.0 * 100.0
    diff = np.array([abs(a[k] - 100.0 * b.get(k, 0.0) / district_area) for k in a])
    worst = float(diff.max()) if len(diff) else float("nan")
    same = len(a) == n and worst < 1e-4  # %-points: 0.01 m² of a 1 ha district
    return "accessibility", f"{n:,} districts, {n_facilities:,} facilities, {distance:g} m", ours, native, \
        "native:buffer + intersection + dissolve + fieldcalculator", \
        "area shares {} (max. diff {:.1e} %-points; {:,} districts reached)".format(
            "equal" if same else "DIFFER", worst, int(np.count_nonzero([v > 0 for v in a.values()])))


def _warm(path):
    """Read the input file once, so that the first tool run (ours) does not pay the disk for both: at 1,000,000
    districts (245 MB) a cold read cost ours 4-5 s more than QGIS's run right after it."""
    with open(str(path).split("|")[0], "rb") as handle:
        while handle.read(1 << 24):
            pass


def case_map(tmp, data, n):
    districts, _side = bench_scale._kept(data, f"districts_{n}.gpkg", lambda p: bench_scale.square_districts(p, n))
    ours_pdf, native_pdf = str(tmp / f"map_ours_{n}.pdf"), str(tmp / f"map_native_{n}.pdf")
    _warm(districts)
    style = {"INPUT": districts, "FIELD": "ew", "METHOD": 0, "CLASSES": 5}
    ours = bench_scale.measured("chain", [["sozialmonitor:style_layer", style],
                                          ["sozialmonitor:export_map", {**style, "TITLE": "Einwohner",
                                                                       "OUTPUT_PDF": ours_pdf}]])
    native = bench_scale.measured("qgis_map", {"INPUT": districts, "FIELD": "ew", "OUTPUT_PDF": native_pdf},
                                  script=SCRIPT)
    shares = coloured_share(ours_pdf), coloured_share(native_pdf)
    sizes = [Path(p).stat().st_size / 1e6 if Path(p).is_file() else 0.0 for p in (ours_pdf, native_pdf)]
    ok = all(s > 0.01 for s in shares)
    return "style + A4 PDF", f"{n:,} districts, quantiles, 5 classes", ours, native, \
        "QgsGraduatedSymbolRenderer + QgsPrintLayout + exportToPdf", \
        "PDFs {} (coloured pixels {:.0%} / {:.0%}; {:.1f} / {:.1f} MB)".format(
            "render" if ok else "DO NOT RENDER", *shares, *sizes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="+", default=["access", "map"], choices=["access", "map"])
    parser.add_argument("--access-districts", type=int, default=100000)
    parser.add_argument("--facilities", type=int, default=2000)
    parser.add_argument("--distance", type=float, default=500.0)
    parser.add_argument("--map-districts", type=int, nargs="+", default=[100000, 1000000])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", help="folder that keeps the generated inputs between runs")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", nargs="*", help=argparse.SUPPRESS)  # accepted from run_all, ignored
    args = parser.parse_args()
    if args.child:
        alg, params = args.child
        if alg == "qgis_map":
            child_qgis_map(json.loads(params))
        else:
            bench_scale.child(alg, params)
        return
    if args.quick:
        args.access_districts, args.facilities, args.map_districts = 10000, 200, [10000]
    print("{:<14} {:<38} {:>8} {:>7} {:>8} {:>7} {:>8} {:>7}  {}".format(
        "operation", "size", "ours s", "ours MB", "QGIS s", "QGIS MB", "time", "memory", "QGIS tool; check"),
        flush=True)
    with tempfile.TemporaryDirectory(prefix="bench_scale2_") as tmp:
        tmp = Path(tmp)
        data = Path(args.data) if args.data else tmp
        data.mkdir(parents=True, exist_ok=True)
        runs = []
        if "access" in args.cases:
            runs.append(lambda: case_access(tmp, data, args.access_districts, args.facilities, args.distance))
        if "map" in args.cases:
            runs += [lambda n=n: case_map(tmp, data, n) for n in args.map_districts]
        for run in runs:
            bench_scale.print_row(*run())
            for path in tmp.iterdir():
                if path.is_file() and data != tmp:
                    path.unlink()


if __name__ == "__main__":
    sys.exit(main())
