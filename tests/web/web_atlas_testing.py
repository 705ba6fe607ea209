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
    """The object of a ``window.NAME = {…};`` file."""
    text = Path(path).read_text(encoding="utf-8")
    start, end = text.index("=") + 1, text.rstrip().rindex(";")
    return json.loads(text[start:end])
