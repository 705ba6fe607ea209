"""sozialmonitor:export_atlas: one page per district, secrecy in the table, the filter."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "maps"))
import maps_testing as mt  # noqa: E402
from sozialmonitor.plugin.core.i18n import tr  # noqa: E402


def run_atlas(tmp_path, **params):
    import processing

    mt.register_provider()
    base = {"INPUT": mt.RESULT, "FIELD": "status_class", "RECIPE": str(mt.RECIPE_2019), "NAME_FIELD": "name",
            "KEY_FIELD": "id", "TITLE": "Sozialmonitor Testauszug", "OVERLAY": mt.BEZIRKE,
            "OUTPUT_PDF": str(tmp_path / "atlas.pdf")}
    base.update(params)
    return processing.run("sozialmonitor:export_atlas", base)


def test_atlas_has_one_page_per_district_with_table(qgis_processing, tmp_path, german):
    result = run_atlas(tmp_path)
    info = mt.pdf_info(tmp_path / "atlas.pdf")
    assert result["PAGES"] == info["pages"] == 21  # all polygons of the fixture
    assert abs(info["width_mm"] - 210) < 1 and abs(info["height_mm"] - 297) < 1
    # pages are sorted by key: page 1 is 01011101 Stülerstraße with its real MSS 2019 values
    page1 = mt.pdf_text_page(tmp_path / "atlas.pdf", 1)
    assert "Stülerstraße (01011101)" in page1
    assert "Status-Index:" in page1 and "mittel" in page1
    row = next(line for line in page1.splitlines() if line.strip().startswith("Arbeitslosigkeit"))
    rank = tr("{rank} of {n}").split("}", 1)[1].split("{")[0]  # " von " with the German catalogue
    assert "2,8 %" in row and rank + "19" in row  # S1 = 2.7978; 19 evaluated districts with a value
    assert tr("Page {page} of {total}").format(page=1, total=21) in page1


def test_atlas_hides_values_of_secret_district(qgis_processing, tmp_path, german):
    run_atlas(tmp_path)
    page2 = mt.pdf_text_page(tmp_path / "atlas.pdf", 2)  # 01011102 Großer Tiergarten, EW 196
    assert "Großer Tiergarten (01011102)" in page2
    assert "nicht bewertet" in page2
    row = next(line for line in page2.splitlines() if line.strip().startswith("Transferbezug"))
    cells = row.split()
    assert cells[1] == "." and rank_word() not in row  # value and rank suppressed; city mean still shown


def rank_word():
    return tr("{rank} of {n}").split("}", 1)[1].split("{")[0].strip()  # "von"


def test_atlas_filter_limits_pages(qgis_processing, tmp_path):
    result = run_atlas(tmp_path, FILTER="\"id\" LIKE '0201%'")
    assert result["PAGES"] == mt.pdf_info(tmp_path / "atlas.pdf")["pages"] == 4
