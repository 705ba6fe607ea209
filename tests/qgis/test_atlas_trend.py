"""Trend charts in sozialmonitor:export_atlas on real INKAR 2024 data of the Kreise of Niedersachsen.

Chain as a user would run it: join_table (FORMAT=long) -> fields <indicator>_<year> -> export_atlas.
Expected values are read from the fixture CSV, never typed in. Hildesheim is made "not evaluated"
(field ``evaluated`` = 0, as compute_index writes it) to check statistical secrecy end to end.
"""
import csv
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "maps"))
import maps_testing as mt  # noqa: E402
from sozialmonitor.plugin.core.i18n import tr  # noqa: E402

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "kreise_trend"
KREISE = "{}|layername=kreise".format(HERE / "niedersachsen_kreise.gpkg")
INKAR = HERE / "inkar2024_niedersachsen_2015_2021_long.csv"
PAGES = {"03157": "Peine", "03159": "Göttingen", "03254": "Hildesheim"}  # page order = key order
SECRET = "03254"
TABLE = ["schuldnerquote_pct_2021", "beschaeftigtenquote_pct_2021", "haushaltseinkommen_eur_je_ew_2021",
         "schulabgaenger_ohne_abschluss_pct_2021"]


def inkar(kreis, indicator, year):
    with INKAR.open(encoding="utf-8") as f:
        return next(float(r["value"]) for r in csv.DictReader(f)
                    if r["kreis_id"] == kreis and r["indicator"] == indicator and int(r["year"]) == year)


def german(value, decimals=1):
    return "{:,.{d}f}".format(value, d=decimals).replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@pytest.fixture(scope="module")
def joined(qgis_processing, tmp_path_factory):
    import processing

    mt.register_provider()
    out = tmp_path_factory.mktemp("kreise_trend")
    joined = processing.run("sozialmonitor:join_table", {
        "INPUT": KREISE, "INPUT_KEY": "ARS", "TABLE": str(INKAR), "TABLE_KEY": "kreis_id", "FORMAT": 1,
        "LONG_INDICATOR": "indicator", "LONG_VALUE": "value", "LONG_YEAR": "year",
        "OUTPUT": str(out / "joined.gpkg")})
    assert joined["MATCHED"] == 45
    flagged = processing.run("native:fieldcalculator", {
        "INPUT": joined["OUTPUT"], "FIELD_NAME": "evaluated", "FIELD_TYPE": 1, "FIELD_LENGTH": 1,
        "FORMULA": f"if(\"ARS\" = '{SECRET}', 0, 1)", "OUTPUT": str(out / "flagged.gpkg")})
    return flagged["OUTPUT"], out


def run_atlas(layer, pdf, **params):
    import processing

    base = {"INPUT": layer, "FIELD": "schuldnerquote_pct_2021", "NAME_FIELD": "GEN", "KEY_FIELD": "ARS",
            "INDICATORS": TABLE, "TITLE": "INKAR-Kreisindikatoren Niedersachsen",
            "SOURCE": "Datenquelle: INKAR 2024, BBSR Bonn; Geometrie: © GeoBasis-DE / BKG (VG2500)",
            "FILTER": "\"ARS\" IN ('03157', '03254', '03159')", "OUTPUT_PDF": str(pdf)}
    base.update(params)
    return processing.run("sozialmonitor:export_atlas", base)


def red_pixels_below_table(pdf, page, dpi=50):
    """Pixels of the district colour (#d7301f) in the chart band (y 195-252 mm) of a rendered page."""
    from qgis.PyQt.QtGui import QColor, QImage

    stem = pdf.with_name(f"page{page}")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-png", str(pdf),
                    str(stem)], check=True)
    image = QImage(str(stem) + ".png")
    count = 0
    for row in range(int(195 / 25.4 * dpi), int(252 / 25.4 * dpi)):
        for col in range(image.width()):
            c = QColor(image.pixel(col, row))
            count += abs(c.red() - 215) < 30 and abs(c.green() - 48) < 30 and abs(c.blue() - 31) < 30
    return count


def test_atlas_pages_show_trend_charts_with_real_values(joined):
    layer, out = joined
    pdf = out / "atlas.pdf"
    result = run_atlas(layer, pdf, TREND_INDICATORS="schuldnerquote_pct;beschaeftigtenquote_pct")
    assert result["PAGES"] == mt.pdf_info(pdf)["pages"] == 3
    for page, (key, name) in enumerate(PAGES.items(), start=1):
        text = mt.pdf_text_page(pdf, page)
        assert f"{name} ({key})" in text
        assert "Schuldnerquote (%), 2015–2021" in text and "Beschaeftigtenquote (%), 2015–2021" in text
        year_line = next(line for line in text.splitlines() if "2015" in line and "2021" in line
                         and "–" not in line)
        assert year_line.split() == [str(y) for y in range(2015, 2022)] * 2  # both charts' year axes
        assert "Mittel der 44 bewerteten Gebiete (ungewichtet)" in text  # 45 Kreise minus the secret one
        if key == SECRET:
            assert f"{name}: nicht bewertet – keine Werte (Geheimhaltung)" in text
            assert red_pixels_below_table(pdf, page) == 0  # no district line, no legend key
            continue
        for indicator in ("schuldnerquote_pct", "beschaeftigtenquote_pct"):
            first, last = inkar(key, indicator, 2015), inkar(key, indicator, 2021)
            caption = f"{name}: {german(first)} % (2015) → {german(last)} % (2021)"
            assert caption in text
        assert tr("Indicator") in text and all(field in text for field in TABLE)  # no table row cut off
        assert red_pixels_below_table(pdf, page) > 50  # the district lines are drawn


def test_default_charts_follow_table_and_project_keeps_them(joined):
    layer, out = joined
    pdf, qgz = out / "default.pdf", out / "atlas.qgz"
    run_atlas(layer, pdf, FILTER="\"ARS\" = '03157'", OUTPUT_PROJECT=str(qgz))
    text = mt.pdf_text_page(pdf, 1)
    # default: the series of the first two table indicators, not the first fields of the layer
    assert "Schuldnerquote (%), 2015–2021" in text and "Beschaeftigtenquote (%), 2015–2021" in text
    assert "Arbeitslose" not in text
    charts = sorted(p.name for p in (out / "atlas_trend").glob("trend_*_1.svg"))
    assert len(charts) == 45  # one per Kreis: the saved project's pictures still resolve
    with zipfile.ZipFile(qgz) as z:
        project = z.read(next(n for n in z.namelist() if n.endswith(".qgs"))).decode("utf-8")
    assert "atlas_trend/trend_" in project


def test_explicit_trend_indicators_are_checked(joined):
    from qgis.core import QgsProcessingException

    layer, out = joined
    with pytest.raises(QgsProcessingException, match="No year series for alq_pct"):
        run_atlas(layer, out / "bad.pdf", TREND_INDICATORS="alq_pct")
    with pytest.raises(QgsProcessingException, match="At most 2 trend charts"):
        run_atlas(layer, out / "bad.pdf", TREND_INDICATORS="schuldnerquote_pct;beschaeftigtenquote_pct;"
                                                           "haushaltseinkommen_eur_je_ew")
    assert not (out / "bad.pdf").exists()


def test_berlin_atlas_without_year_series_has_no_chart(qgis_processing, tmp_path):
    import processing

    mt.register_provider()
    qgz = tmp_path / "berlin.qgz"
    processing.run("sozialmonitor:export_atlas", {
        "INPUT": mt.RESULT, "FIELD": "status_class", "RECIPE": str(mt.RECIPE_2019), "NAME_FIELD": "name",
        "KEY_FIELD": "id", "OUTPUT_PDF": str(tmp_path / "atlas.pdf"), "OUTPUT_PROJECT": str(qgz),
        "FILTER": "\"id\" LIKE '0201%'"})
    with zipfile.ZipFile(qgz) as z:
        project = z.read(next(n for n in z.namelist() if n.endswith(".qgs"))).decode("utf-8")
    assert "trend_" not in project and not (tmp_path / "berlin_trend").exists()
