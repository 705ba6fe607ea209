"""Print outputs as a reader sees them: titles that never overlap, legends that match the colours,
vector hatches, German round scale bars, units in the atlas, small atlas files, the package sources.

Read back with poppler (pdftotext -bbox for positions, pdfimages for embedded pictures).
"""
import re
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "maps"))
import maps_testing as mt  # noqa: E402
from sozialmonitor.plugin.core.i18n import tr  # noqa: E402

LONG_TITLE = "Soziale Ungleichheit in Berlin 2019: Status-Index"
SUBTITLE = "Monitoring Soziale Stadtentwicklung, 447 Planungsräume (Stand 31.12.2018)"
SOURCE = ("Datenquelle: Senatsverwaltung für Stadtentwicklung und Wohnen Berlin, Monitoring Soziale "
          "Stadtentwicklung 2019; Geometrie: Amt für Statistik Berlin-Brandenburg, CC BY 3.0 DE")
SECRET_KEY = "01011102"  # Großer Tiergarten, EW 196: not evaluated, hatched


def _run(alg, params, feedback=None):
    import processing

    mt.register_provider()
    return processing.run("sozialmonitor:" + alg, params, feedback=feedback)


def export_map(tmp_path, name="karte.pdf", **params):
    base = {"INPUT": mt.RESULT, "FIELD": "status_class", "RECIPE": str(mt.RECIPE_2019), "TITLE": LONG_TITLE,
            "SUBTITLE": SUBTITLE, "SOURCE": SOURCE, "OVERLAY": mt.BEZIRKE, "DPI": 72,
            "OUTPUT_PDF": str(tmp_path / name)}
    base.update(params)
    return _run("export_map", base), tmp_path / name


def words(pdf, page=1):
    """[(text, x_min, y_min, x_max, y_max)] in mm of the words on ``page``."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    pattern = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    mm = 25.4 / 72
    return [(m[4], float(m[0]) * mm, float(m[1]) * mm, float(m[2]) * mm, float(m[3]) * mm)
            for m in re.findall(pattern, out)]


def _boxes(all_words, text):
    """The word boxes of the phrase ``text`` (first occurrence, words in reading order)."""
    wanted = text.split()
    for i in range(len(all_words) - len(wanted) + 1):
        if [w[0] for w in all_words[i:i + len(wanted)]] == wanted:
            return all_words[i:i + len(wanted)]
    raise AssertionError(f"{text!r} not found on the page")


def images(pdf):
    """[(page, width px, height px)] of the pictures embedded in ``pdf``."""
    out = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    return [(int(r[0]), int(r[3]), int(r[4])) for r in rows if r[2] == "image"]


# ---- 1. titles --------------------------------------------------------------------------------

@pytest.mark.parametrize("template", [0, 1, 2])
def test_long_title_stays_on_one_line_above_the_subtitle(qgis_processing, tmp_path, template):
    _, pdf = export_map(tmp_path, TEMPLATE=template)
    page = words(pdf)
    title, subtitle = _boxes(page, LONG_TITLE), _boxes(page, SUBTITLE)
    assert len({round(w[2], 1) for w in title}) == 1, "the title wraps"
    assert max(w[4] for w in title) < min(w[2] for w in subtitle), "the title runs into the subtitle"


def test_very_long_title_wraps_but_never_reaches_the_subtitle(qgis_processing, tmp_path):
    title = LONG_TITLE + " und Dynamik-Index im Vergleich der Planungsräume, Bezirksregionen und Bezirke"
    _, pdf = export_map(tmp_path, TEMPLATE=0, TITLE=title)
    page = words(pdf)
    boxes, subtitle = _boxes(page, title), _boxes(page, SUBTITLE)
    assert max(w[4] for w in boxes) < min(w[2] for w in subtitle)
    assert max(w[3] for w in boxes) < 10 + 150 + 0.5  # inside the title box, left of the logo


# ---- 2./3. legends that match the map ---------------------------------------------------------

def _evaluated_values(field):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(mt.RESULT, "r", "ogr")
    values = []
    for f in layer.getFeatures():
        ew, ev, v = f["EW"], f["evaluated"], f[field]
        if isinstance(v, float) and ev == 1 and isinstance(ew, (int, float)) and ew >= 300:
            values.append(v)
    return values


def _reader_counts(legend_lines, values):
    """District counts a reader gets from the printed ranges ('über 16 bis 31 %')."""
    counts = []
    for line in legend_lines:
        label = line.rsplit(" (", 1)[0]
        numbers = [float(n.replace(".", "").replace(",", ".")) for n in re.findall(r"-?\d[\d.]*(?:,\d+)?", label)]
        if label.startswith("bis "):
            low, high = None, numbers[0]
        elif len(numbers) == 1:
            low, high = numbers[0], None
        else:
            low, high = numbers
        counts.append(sum(1 for v in values if (low is None or v > low) and (high is None or v <= high)))
    return counts


@pytest.mark.parametrize("method", [0, 1, 2, 3])  # quantile, jenks, equal interval, SD
def test_graduated_legend_ranges_hold_the_districts_they_count(qgis_processing, tmp_path, german, method):
    result, _ = export_map(tmp_path, FIELD="S4", METHOD=method, TITLE="Kinderarmut")
    lines = [line for line in result["LEGEND"].splitlines() if line.startswith(("bis ", "über "))]
    printed = [int(line.rsplit("(", 1)[1].rstrip(")")) for line in lines]
    assert printed == _reader_counts(lines, _evaluated_values("S4"))
    assert sum(printed) == 19


def test_equal_interval_legend_on_all_berlin_districts(qgis_processing, tmp_path, german):
    """The audited case: the 447 Planungsräume of the sample (real S4), here as a grid of squares.
    The equal-interval break 46.57 was printed "47": districts with 46.6-46.9 % were drawn in the
    class labelled "über 47 bis 62 %"."""
    import csv

    from qgis.core import QgsCoordinateTransformContext, QgsFeature, QgsGeometry, QgsVectorFileWriter, QgsVectorLayer

    with (mt.ROOT / "resources" / "sample" / "mss2019_index_indicators_shares_plr.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833&field=id:string&field=EW:integer&field=S4:double", "g", "memory")
    features = []
    for i, row in enumerate(rows):
        feature = QgsFeature(layer.fields())
        x, y = 390000 + (i % 25) * 500, 5810000 + (i // 25) * 500
        wkt = f"POLYGON(({x} {y},{x + 500} {y},{x + 500} {y + 500},{x} {y + 500},{x} {y}))"
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([row["PLR_ID"], int(row["EW"]), float(row["S4"])])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    gpkg = tmp_path / "grid.gpkg"
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(gpkg), QgsCoordinateTransformContext(), opts)
    result, _ = export_map(tmp_path, INPUT=str(gpkg), FIELD="S4", METHOD=2, OVERLAY=None, TITLE="Kinderarmut")
    lines = [line for line in result["LEGEND"].splitlines() if line.startswith(("bis ", "über "))]
    values = [float(r["S4"]) for r in rows if int(r["EW"]) >= 300]
    assert [int(line.rsplit("(", 1)[1].rstrip(")")) for line in lines] == _reader_counts(lines, values)


def test_sd_classes_of_skewed_child_poverty_are_drawn(qgis_processing, tmp_path, german):
    """S4 of the fixture: mean 24 %, SD 17 points, so mean - 1.5 SD lies below the minimum (3.5 %)."""
    result, pdf = export_map(tmp_path, FIELD="S4", METHOD=3, TITLE="Kinderarmut (SD)")
    lines = [line for line in result["LEGEND"].splitlines() if line.startswith(("bis ", "über "))]
    assert 2 <= len(lines) <= 5 and all(int(line.rsplit("(", 1)[1].rstrip(")")) > 0 for line in lines)
    assert "Kinderarmut (SD)" in mt.pdf_text(pdf)


# ---- 11. hatches stay vector ------------------------------------------------------------------

def test_not_evaluated_hatch_is_vector_and_visible(qgis_processing, tmp_path, german):
    _, pdf = export_map(tmp_path, TEMPLATE=1, DPI=300, OUTPUT_PROJECT=str(tmp_path / "karte.qgz"))
    # only the small legend patches may be pictures (about 7 x 4.5 mm); the hatched district was one
    assert all(w <= 7.5 / 25.4 * 300 * 1.2 for _, w, _ in images(pdf)), images(pdf)
    # and the hatch lines are drawn: grey hatch pixels inside the secret district
    image = _page_image(pdf, 1, 150, tmp_path)
    pixels = _secret_district_pixels(tmp_path / "karte.qgz", 150)
    grey = _hatch_grey(image, pixels)
    assert len(pixels) > 200 and grey > len(pixels) / 20, (grey, len(pixels))


def _district_pixels(map_item, dpi, key=SECRET_KEY):
    """Page pixels (at ``dpi``) inside the district ``key`` on ``map_item`` (a grid of 60 x 60 points)."""
    from qgis.core import QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(mt.RESULT, "r", "ogr")
    feature = next(layer.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"id\" = '{key}'")))
    geometry = feature.geometry()
    box = geometry.boundingBox()
    steps = 60
    out = []
    for i in range(steps):
        for j in range(steps):
            point = QgsPointXY(box.xMinimum() + box.width() * i / steps, box.yMinimum() + box.height() * j / steps)
            if geometry.contains(QgsGeometry.fromPointXY(point)):
                out.append(mt.pixel_of(map_item, point, dpi))
    return out


def _secret_district_pixels(qgz, dpi):
    """Page pixels (at ``dpi``) inside the secret district on the map of the saved project ``qgz``."""
    from qgis.core import QgsProject

    project = QgsProject()
    assert project.read(str(qgz))
    return _district_pixels(project.layoutManager().printLayouts()[0].itemById("map"), dpi)


def _page_image(pdf, page, dpi, folder):
    """``page`` of ``pdf`` as poppler draws it for a reader (pdftoppm), as a QImage."""
    from qgis.PyQt.QtGui import QImage

    png = folder / f"page{page}_{dpi}.png"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile", str(pdf),
                    str(png.with_suffix(""))], check=True)
    image = QImage(str(png))
    assert not image.isNull(), png
    return image


def _hatch_grey(image, pixels):
    """How many of ``pixels`` show the grey of the not-evaluated hatch lines (#737373, anti-aliased)."""
    from qgis.PyQt.QtGui import QColor

    grey = 0
    for x, y in pixels:
        c = QColor(image.pixel(x, y))
        grey += abs(c.red() - 0x73) < 50 and abs(c.red() - c.green()) < 10 and abs(c.red() - c.blue()) < 10
    return grey


# ---- 4./5./10./11. the atlas --------------------------------------------------------------------

@pytest.fixture(scope="module")
def atlas(qgis_processing, tmp_path_factory, german_module):
    from qgis.core import QgsProcessingFeedback

    class Progress(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.texts = []

        def setProgressText(self, text):  # noqa: N802
            self.texts.append(text)

    out = tmp_path_factory.mktemp("atlas") / "atlas.pdf"
    feedback = Progress()
    result = _run("export_atlas", {"INPUT": mt.RESULT, "FIELD": "status_class", "RECIPE": str(mt.RECIPE_2019),
                                   "NAME_FIELD": "name", "KEY_FIELD": "id", "TITLE": "Testauszug",
                                   "OVERLAY": mt.BEZIRKE, "OUTPUT_PDF": str(out),
                                   "OUTPUT_PROJECT": str(out.with_suffix(".qgz"))}, feedback)
    return out, result, feedback.texts


def _atlas_maps_on_page_of(qgz, key):
    """(project, main map, locator map) of the saved atlas project, the atlas on the page of district ``key``.

    The saved project's coverage is a memory layer (not saved); the atlas is pointed at the same districts
    of the fixture layer, where the page's main map takes the extent it had in the export."""
    from qgis.core import QgsFeatureRequest, QgsLayoutItemMap, QgsProject, QgsVectorLayer

    project = QgsProject()
    assert project.read(str(qgz))
    layout = project.layoutManager().printLayouts()[0]
    districts = QgsVectorLayer(mt.RESULT, "districts", "ogr")
    atlas = layout.atlas()
    atlas.setCoverageLayer(districts)
    atlas.setSortFeatures(False)
    assert atlas.beginRender() and atlas.count() == 21
    feature = next(districts.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"id\" = '{key}'")))
    assert atlas.seekTo(feature)
    maps = [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
    main = next(m for m in maps if m.atlasDriven())
    locator = next(m for m in maps if not m.atlasDriven())
    return project, main, locator


def test_atlas_is_small_and_keeps_hatches_and_locator_vector(atlas, tmp_path):
    from qgis.PyQt.QtGui import QColor

    pdf, result, _ = atlas
    assert result["PAGES"] == 21
    # before: 6.0 MB (a 1418 x 714 px picture of the hatch on the pages near the secret district)
    assert pdf.stat().st_size < 21 * 100_000
    # no picture but the small legend patches: QGIS 3.22 embeds those as 60 x 42 px pictures, newer QGIS
    # draws them as vectors too (then the PDF holds no picture at all)
    assert all(w <= 100 and h <= 100 for _, w, h in images(pdf)), images(pdf)
    # what a reader sees on the page of the secret district (found by its title): the hatch lines inside
    # the district on the main map, and the district in red on the locator map of the city
    texts = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [n + 1 for n, text in enumerate(texts.split("\f")) if f"({SECRET_KEY})" in text]
    assert len(pages) == 1, pages
    image = _page_image(pdf, pages[0], 150, tmp_path)
    _project, main, locator = _atlas_maps_on_page_of(pdf.with_suffix(".qgz"), SECRET_KEY)
    pixels = _district_pixels(main, 150)
    grey = _hatch_grey(image, pixels)
    assert len(pixels) > 200 and grey > len(pixels) / 20, (grey, len(pixels))
    on_locator = _district_pixels(locator, 150)
    red = sum(QColor(image.pixel(x, y)).name() == "#d7301f" for x, y in on_locator)
    assert len(on_locator) > 100 and red > 0.9 * len(on_locator), (red, len(on_locator))


NICE = {m * 10 ** k for m in (1, 2, 2.5, 5) for k in range(-1, 5)}


def test_atlas_scale_bar_has_round_german_steps(atlas):
    pdf, result, _ = atlas
    for page in range(1, result["PAGES"] + 1):
        line = next(line for line in mt.pdf_text_page(pdf, page).splitlines()
                    if re.fullmatch(r"\s*0\s+\S+\s+\S+\s+(m|km)\s*", line))
        zero, first, second, unit = line.split()
        assert "," not in first or unit == "km", line  # no "1,000 m": a decimal comma only in km ("0,5 km")
        step = float(first.replace(".", "").replace(",", "."))
        assert step in NICE and float(second.replace(".", "").replace(",", ".")) == pytest.approx(2 * step), line
        assert (2 * step < 1000) if unit == "m" else (2 * step >= 1), line  # from 1 km on in km


def test_atlas_table_shows_units_of_every_indicator(atlas):
    pdf, _, _ = atlas
    page1 = mt.pdf_text_page(pdf, 1)  # 01011101 Stülerstraße
    row = next(line for line in page1.splitlines() if line.strip().startswith("Veränderung Arbeitslosigkeit"))
    assert row.count("Pp.") == 3, row  # value, city value and deviation in percentage points
    assert "-0,3 Pp." in row  # D1 = -0.33873


def test_atlas_texts_are_translatable_and_progress_names_the_pages(atlas):
    pdf, _, progress = atlas
    page1 = mt.pdf_text_page(pdf, 1)
    for text in (tr("Indicators"), tr("Location in the city"), tr("Indicator"), tr("Deviation")):
        assert text in page1, text
    assert tr("Exporting {n} pages…").format(n=21) in progress


# ---- 9. multi-year fields ---------------------------------------------------------------------

def test_year_field_gets_indicator_label_year_and_unit(qgis_processing, tmp_path, german):
    from sozialmonitor.plugin.core.recipe.load import Recipe
    from sozialmonitor.plugin.gis.printing.map_document import field_label

    gpkg = mt.result_with_years(tmp_path / "years.gpkg", {"S4_2019": ("S4", 0)})
    result, pdf = export_map(tmp_path, INPUT=str(gpkg), FIELD="S4_2019", TITLE="Kinderarmut", METHOD=2)
    text = mt.pdf_text(pdf)
    assert "Kinderarmut 2019 (%)" in text  # legend heading; was "S4_2019"
    assert result["LEGEND"].splitlines()[0].startswith("bis ") and "%" in result["LEGEND"].splitlines()[0]
    recipe = Recipe.from_file(mt.RECIPE_2019)
    assert field_label(recipe, "status_score") == tr("{label} (score)").format(label="Status-Index")
    assert field_label(recipe, "D1_2021") == "Veränderung Arbeitslosigkeit 2021 (Prozentpunkte)"


# ---- 6./7./8. the committee package -----------------------------------------------------------

@pytest.fixture(scope="module")
def package(qgis_processing, tmp_path_factory):
    out = tmp_path_factory.mktemp("paket")
    _run("committee_package", {"INPUT": mt.RESULT, "RECIPE": str(mt.RECIPE_2019), "TITLE": "Testauszug",
                               "SOURCE": SOURCE, "DPI": 72, "INDICATOR_MAPS": False, "ATLAS": False,
                               "OUTPUT_FOLDER": str(out)})
    return out


def test_package_carries_the_given_source_with_the_geometry_licence(package):
    import openpyxl  # a declared dependency (requirements-dev.txt, python3-openpyxl): no skip
    annex = mt.pdf_text(package / "methodenanhang.pdf")
    assert "CC BY 3.0 DE" in annex.replace("\n", " ")
    wb = openpyxl.load_workbook(package / "tabellen.xlsx")
    assert {r[4] for r in wb["Quellen"].iter_rows(min_row=2, values_only=True) if r[1]} == {SOURCE}
    notes = [r[0] for r in wb["Indikatoren"].iter_rows(values_only=True) if r[0] and str(r[0]).startswith("„")]
    assert SOURCE in notes[0] and "„–“ = kein Wert" in notes[0]


def test_package_workbook_numbers_show_the_printed_precision(package):
    import openpyxl  # a declared dependency (requirements-dev.txt, python3-openpyxl): no skip
    wb = openpyxl.load_workbook(package / "tabellen.xlsx")
    ind, idx = wb["Indikatoren"], wb["Index"]
    head = [c.value for c in ind[1]]
    rows = {r[0].value: r for r in ind.iter_rows(min_row=2) if r[0].value}
    s1 = rows["01011101"][head.index("Arbeitslosigkeit (%)")]
    assert s1.value == pytest.approx(2.7978) and s1.number_format == "0.0"
    assert rows["02010102"][head.index("Arbeitslosigkeit (%)")].value == "–"  # the district without data
    ihead = [c.value for c in idx[1]]
    score = next(r for r in idx.iter_rows(min_row=2) if r[0].value == "01011101")[ihead.index("Status-Index (Wert)")]
    assert isinstance(score.value, float) and score.number_format == "0.00"
    assert {r[5] for r in wb["Quellen"].iter_rows(min_row=2, values_only=True) if r[1]} == {"31.12.2018"}


def test_package_annex_reads_cleanly(package):
    pdf = package / "methodenanhang.pdf"
    text = mt.pdf_text(pdf)
    for broken in ("Prozentpun", "Zusammenfassu", "{row_code}", "niedrigster Wert zuerst"):
        assert broken not in text.replace("Prozentpunkte", ""), broken
    assert text.count("Prozentpunkte") >= 3
    pages = mt.pdf_info(pdf)["pages"]
    for page in range(1, pages + 1):  # the index table header stays with its first row
        page_text = mt.pdf_text_page(pdf, page)
        if "Indizes und Klassen" in page_text:
            assert "Berechnung" in page_text and "Indexwert (vom" in page_text and "hoch: unter −1" in page_text
    assert "„2+/-“ = Status mittel, Dynamik stabil" in text.replace("\n", " ")
