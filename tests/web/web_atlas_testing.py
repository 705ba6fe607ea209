"""Helpers for the web atlas tests and bench: the Berlin MSS 2019 result layer, the atlas's data read back.

``berlin_layer(folder)`` runs compute_index on the MSS 2019 table and joins it to the 448 Planungsräume, as
``make demo`` does (real data, see resources/sample/SOURCE.md); ``read_script(path)`` parses a
``window.X = {…};`` data file of an exported atlas.
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
RECIPE_2019 = ROOT / "resources" / "recipes" / "berlin_mss_2019.json"
GEOM = f"{SAMPLE / 'berlin_lor_2019.gpkg'}|layername=planungsraeume"
CHROMIUM = "/usr/bin/chromium"
SOURCE = ("Datenquelle: Senatsverwaltung für Stadtentwicklung und Wohnen Berlin, Monitoring Soziale "
          "Stadtentwicklung 2019; Geometrie: Amt für Statistik Berlin-Brandenburg")


def berlin_layer(folder, run):
    """Path of a GeoPackage with the 448 Planungsräume, the MSS 2019 indicators, index fields and classes."""
    folder = Path(folder)
    run("compute_index", {"INPUT": str(SAMPLE / "mss2019_index_indicators_shares_plr.csv"),
                          "RECIPE": str(RECIPE_2019), "OUTPUT": str(folder / "index_table.gpkg")})
    out = folder / "berlin_2019.gpkg"
    run("join_table", {"INPUT": GEOM, "INPUT_KEY": "id", "INPUT_NAME": "name",
                       "TABLE_LAYER": str(folder / "index_table.gpkg"), "TABLE_KEY": "PLR_ID",
                       "TABLE_NAME": "PLR_NAME", "REPORT": str(folder / "join_report.csv"), "OUTPUT": str(out)})
    return str(out)


def read_script(path):
    """The object of a ``window.NAME = JSON.parse('…');`` data file of an atlas."""
    return parse_script(Path(path).read_text(encoding="utf-8"))


def parse_script(text):
    """Undo ``core.web.atlas_folder.script_text``: the JavaScript string literal, then the JSON in it."""
    import re

    start, end = text.index("JSON.parse('") + len("JSON.parse('"), text.rstrip().rindex("');")
    return json.loads(re.sub(r"\\(.)", r"\1", text[start:end]))


def decode_geometry(geometry):
    """shapely (Multi)Polygons (WGS 84) of an atlas's ``window.ATLAS_GEOMETRY``, one per district."""
    import numpy as np
    from shapely.geometry import MultiPolygon, Polygon

    p, (ox, oy) = geometry["precision"], geometry["origin"]
    arcs = [np.cumsum(np.array(a, dtype=float).reshape(-1, 2), axis=0) * p + (ox, oy) for a in geometry["arcs"]]

    def ring(refs):
        pts = [arcs[r] if r >= 0 else arcs[~r][::-1] for r in refs]
        return np.concatenate([pts[0]] + [a[1:] for a in pts[1:]])

    out = []
    for parts in geometry["districts"]:
        polys = [Polygon(ring(rings[0]), [ring(r) for r in rings[1:]]) for rings in parts]
        out.append(None if not polys else polys[0] if len(polys) == 1 else MultiPolygon(polys))
    return out


def german(value, decimals=1):
    """German number text as the page prints it: 12345.6 -> '12.345,6'."""
    return "{:,.{d}f}".format(value, d=decimals).replace(",", "\x00").replace(".", ",").replace("\x00", ".")
