"""batch_export, committee_package and style_layer: predictable files, pooled breaks, secrecy in the tables."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "maps"))
import maps_testing as mt  # noqa: E402


def _run(alg, params):
    import processing

    mt.register_provider()
    return processing.run("sozialmonitor:" + alg, params)


def test_batch_export_names_maps_predictably_and_merges(qgis_processing, tmp_path):
    result = _run("batch_export", {"INPUT": mt.RESULT, "RECIPE": str(mt.RECIPE_2019), "TITLE": "Testauszug",
                                   "FIELDS": ["status_class", "sdi", "S3"], "DPI": 100,
                                   "OUTPUT_FOLDER": str(tmp_path / "karten"),
                                   "OUTPUT_SINGLE_PDF": str(tmp_path / "alle.pdf")})
    assert result["MAPS"] == 3
    assert sorted(p.name for p in (tmp_path / "karten").iterdir()) == ["01_status_class.pdf", "02_sdi.pdf",
                                                                       "03_s3.pdf"]
    info = mt.pdf_info(tmp_path / "alle.pdf")
    assert info["pages"] == 3 and abs(info["width_mm"] - 297) < 1
    text = mt.pdf_text(tmp_path / "alle.pdf")
    assert "Testauszug: Status-Index" in text and "Testauszug: Transferbezug (%)" in text


def test_pooled_breaks_are_shared_by_the_years_of_one_indicator(qgis_processing, tmp_path, german):
    """Two 'years' of one indicator get the same class breaks, computed on the pooled values."""
    # test-only second "year": the real 2019 value + 10 points
    gpkg = mt.result_with_years(tmp_path / "years.gpkg", {"S3_2019": ("S3", 0), "S3_2021": ("S3", 10)})
    result = _run("batch_export", {"INPUT": str(gpkg), "FIELDS": ["S3_2019", "S3_2021"], "METHOD": 2,
                                   "CLASSES": 4, "OUTPUT_FOLDER": str(tmp_path / "k"), "DPI": 72})
    assert result["MAPS"] == 2
    texts = [mt.pdf_text(tmp_path / "k" / name) for name in ("01_s3_2019.pdf", "02_s3_2021.pdf")]
    legend = [[line.strip() for line in t.splitlines() if line.strip().startswith(("bis", "über"))] for t in texts]
    assert len(legend[0]) == 4
    breaks = [[part.split(" (")[0] for part in lines] for lines in legend]
    assert breaks[0] == breaks[1]  # same breaks in both years
    counts = [sum(int(line.rsplit("(", 1)[1].rstrip(")")) for line in lines) for lines in legend]
    assert counts == [19, 19]


def test_committee_package_has_all_parts(qgis_processing, tmp_path):
    import openpyxl  # a declared dependency (requirements-dev.txt, python3-openpyxl): no skip
    out = tmp_path / "paket"
    _run("committee_package", {"INPUT": mt.RESULT, "RECIPE": str(mt.RECIPE_2019), "TITLE": "Testauszug",
                               "OVERLAY": mt.BEZIRKE, "DPI": 72, "INDICATOR_MAPS": False, "OUTPUT_FOLDER": str(out)})
    assert sorted(p.name for p in (out / "karten").iterdir()) == ["01_status_class.pdf", "02_dynamik_class.pdf",
                                                                 "03_sdi.pdf"]
    assert mt.pdf_info(out / "steckbriefe.pdf")["pages"] == 21
    annex = mt.pdf_text(out / "methodenanhang.pdf")
    for words in ["Methodenanhang", "Arbeitslosigkeit (S1)", "ungünstiger", "Status-Index",
                  "weniger als 300 Einwohnern",
                  "Populations-Standardabweichung", "Datenstand: 31.12.2018", "10010203"]:
        assert words in annex, words
    wb = openpyxl.load_workbook(out / "tabellen.xlsx")
    assert wb.sheetnames == ["Indikatoren", "Index", "Klassen", "Quellen"]
    rows = {r[0]: r for r in wb["Indikatoren"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert rows["01011102"][3:9] == (".",) * 6  # secret district: no numbers
    assert rows["01011101"][3] == pytest.approx(2.7978)  # real S1, kept as a number
    assert wb["Indikatoren"].cell(1, 4).value == "Arbeitslosigkeit (%)"
    classes = {(r[0], r[1]): r[2] for r in wb["Klassen"].iter_rows(min_row=2, values_only=True)}
    assert classes[("Status-Index", "hoch")] == 8 and classes[("Status-Index", "nicht bewertet")] == 1


def test_style_layer_styles_in_place_and_saves_qml(qgis_processing, tmp_path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(mt.RESULT, "r", "ogr")
    result = _run("style_layer", {"INPUT": layer, "FIELD": "dynamik_class", "LABEL_FIELD": "name",
                                  "OUTPUT_STYLE": str(tmp_path / "dynamik.qml")})
    assert result["LEGEND"].splitlines()[:3] == ["positiv (2)", "stabil (13)", "negativ (4)"]
    assert [r.label() for r in layer.renderer().rootRule().children()][:3] == result["LEGEND"].splitlines()[:3]
    assert layer.labelsEnabled()
    assert "stabil (13)" in (tmp_path / "dynamik.qml").read_text(encoding="utf-8")
