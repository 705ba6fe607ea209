"""Print the certainty class map of Berlin (MSS 2019 sample data) and the rank-interval chart.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/uncertainty_map.py OUT_FOLDER [--lang de|en]

Joins resources/sample/mss2019_index_indicators_shares_plr.csv to the Planungsräume of
resources/sample/berlin_lor_2019.gpkg, runs sozialmonitor:index_uncertainty with the uncertainty section
of resources/recipes/berlin_mss_2021_uncertainty.json on the MSS 2019 recipe, and writes
uncertainty_map.pdf/.png (A4 landscape: classes, hatch where the class probability is below 80 %,
legend with counts), uncertainty_chart.svg/.png, uncertainty_annex.html and uncertainty_atlas.pdf (the atlas
page of the most uncertain district of the lowest class) to OUT_FOLDER.
"""
import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests"), "/usr/share/qgis/python/plugins"]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--lang", default="de")
    args = parser.parse_args()
    os.environ["SOZIALMONITOR_LANG"] = args.lang
    import _setup
    import pandas as pd
    from qgis.core import QgsFeature, QgsField, QgsProject, QgsVectorLayer
    from qgis.PyQt.QtGui import QImage, QPainter
    from qgis.PyQt.QtSvg import QSvgRenderer

    app = _setup.qgis_app()  # noqa: F841  keeps QGIS alive
    from sozialmonitor.plugin.core.i18n import tr
    from sozialmonitor.plugin.gis import i18n as gis_i18n
    from sozialmonitor.plugin.gis.compat import FieldType
    from sozialmonitor.plugin.gis.printing.layouts import (
        export_layout,
        load_layout,
        set_text,
        setup_legend,
        setup_maps,
        template_path,
    )
    from sozialmonitor.plugin.processing.algorithms.index_uncertainty import UncertaintyStyler

    if args.lang == "de":
        gis_i18n.install()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    gpkg = ROOT / "resources" / "sample" / "berlin_lor_2019.gpkg"
    districts = QgsVectorLayer(f"{gpkg}|layername=planungsraeume", "plr", "ogr")
    shares = pd.read_csv(ROOT / "resources" / "sample" / "mss2019_index_indicators_shares_plr.csv",
                         dtype={"PLR_ID": str}).set_index("PLR_ID")
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:25833", "Planungsräume", "memory")
    fields = [QgsField("PLR_ID", FieldType.String), QgsField("PLR_NAME", FieldType.String)] + [
        QgsField(c, FieldType.Double) for c in shares.columns if c != "PLR_NAME"]
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for src in districts.getFeatures():
        row = shares.loc[src["id"]] if src["id"] in shares.index else None
        f = QgsFeature(layer.fields())
        f.setGeometry(src.geometry())
        f.setAttributes([src["id"], src["name"]] + [None if row is None or pd.isna(row[c]) else float(row[c])
                                                    for c in shares.columns if c != "PLR_NAME"])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    recipe = json.loads((ROOT / "resources" / "recipes" / "berlin_mss_2019.json").read_text(encoding="utf-8"))
    section = json.loads((ROOT / "resources" / "recipes" / "berlin_mss_2021_uncertainty.json").read_text(
        encoding="utf-8"))["uncertainty"]
    recipe["uncertainty"] = section
    recipe_path = out / "berlin_mss_2019_uncertainty.json"
    recipe_path.write_text(json.dumps(recipe, ensure_ascii=False, indent=1), encoding="utf-8")

    import processing

    indexed = processing.run("sozialmonitor:compute_index", {"INPUT": layer, "RECIPE": str(recipe_path),
                                                              "OUTPUT": str(out / "index.gpkg")})
    result = processing.run("sozialmonitor:index_uncertainty", {
        "INPUT": indexed["OUTPUT"], "RECIPE": str(recipe_path), "DRAWS": 1000, "SEED": 1, "SOBOL_BASE": 256,
        "OUTPUT": str(out / "uncertainty.gpkg"), "OUTPUT_SOBOL": str(out / "uncertainty_sobol.csv"),
        "OUTPUT_CHART": str(out / "uncertainty_chart.svg"), "OUTPUT_ANNEX": str(out / "uncertainty_annex.html")})
    styled = QgsVectorLayer(result["OUTPUT"], "Status", "ogr")
    from sozialmonitor.plugin.core.index.uncertainty_run import field_specs
    from sozialmonitor.plugin.gis.io.layer_frame import layer_to_dataframe

    spec = recipe["indices"][0]["classification"]
    table = layer_to_dataframe(styled)
    UncertaintyStyler.create(field_specs("status", "Status-Index", spec["labels"]), "status", spec["labels"],
                             spec["colours"], table).postProcessLayer(styled, None, None)
    project = QgsProject.instance()
    project.addMapLayer(styled)
    layout = load_layout(project, template_path("a4_landscape"), "uncertainty")
    setup_maps(layout, [styled], styled.extent(), styled.crs())
    setup_legend(layout, [(styled, tr("Status index, class in the recipe"))])
    set_text(layout, "title", tr("Status index 2019: how certain is each district's class?"))
    set_text(layout, "subtitle", tr("{n} simulated recipes; hatched: class probability below 80 % ({u} of {r} "
                                    "districts)").format(n=1000, u=result["N_UNCERTAIN"], r=result["N_RANKED"]))
    set_text(layout, "source", "Datenquelle: Senatsverwaltung für Stadtentwicklung und Wohnen Berlin, MSS 2019; "
                               "Geometrie: LOR 2019 (Geoportal Berlin), dl-de/by-2-0")
    for item in ("date", "author"):
        set_text(layout, item, "")
    export_layout(layout, pdf=out / "uncertainty_map.pdf", png=out / "uncertainty_map.png", dpi=110)
    renderer = QSvgRenderer(str(out / "uncertainty_chart.svg"))
    image = QImage(1800, 900, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.save(str(out / "uncertainty_chart.png"))
    # one atlas page: a district in the lowest class whose class is uncertain
    uncertain = table[(table["status_class_nom"] == 4) & (table["status_class_prob"] < 0.8)]
    key = str(uncertain.sort_values("status_class_prob")["PLR_ID"].iloc[0])
    processing.run("sozialmonitor:export_atlas", {
        "INPUT": result["OUTPUT"], "FIELD": "status_class", "RECIPE": str(recipe_path), "NAME_FIELD": "PLR_NAME",
        "KEY_FIELD": "PLR_ID", "FILTER": f"\"PLR_ID\" = '{key}'", "TITLE": "MSS 2019",
        "OVERLAY": f"{gpkg}|layername=bezirke", "OUTPUT_PDF": str(out / "uncertainty_atlas.pdf")})
    print(result)


if __name__ == "__main__":
    main()
