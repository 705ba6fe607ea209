"""The exported web atlas in a real browser: Debian's /usr/bin/chromium, headless, driven by playwright.

The atlas is opened from file:// as a resident would open it from a file share. Every test checks that the
console stayed free of errors and that no request left the machine (all requests are recorded; http(s) ones
are aborted and fail the test). Values shown in the page are compared with the GeoPackage (read through
QGIS) and the INKAR table, never with numbers the exporter produced. Screenshots go to docs/screenshots/.
"""
import csv
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import web_atlas_testing as wt  # noqa: E402

SHOTS = wt.ROOT / "docs" / "screenshots"
KREISE_DIR = wt.ROOT / "tests" / "fixtures" / "kreise_trend"
INKAR = KREISE_DIR / "inkar2024_niedersachsen_2015_2021_long.csv"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
        "--disable-dev-shm-usage"]


def _playwright():
    missing = []
    if not os.access(wt.CHROMIUM, os.X_OK):
        missing.append(wt.CHROMIUM)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("playwright (pip, requirements-dev.txt)")
        sync_playwright = None
    if missing:
        message = "browser tests need " + ", ".join(missing) + " (make bootstrap installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return sync_playwright


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_playwright = _playwright()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=wt.CHROMIUM, args=ARGS,
                                     env={**os.environ, "HOME": str(tmp_path_factory.mktemp("home"))})
        yield chromium
        chromium.close()


class Page:
    """A page of the atlas with its console messages and requests recorded."""

    def __init__(self, browser, index, width=1280, height=800, mobile=False):
        self.context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                           is_mobile=mobile, has_touch=mobile)
        self.errors, self.requests, self.blocked = [], [], []
        self.context.route("http*://**/*", self._block)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(Path(index).as_uri())
        self.page.wait_for_selector("body[data-ready='1']", timeout=20000)

    def _block(self, route):
        self.blocked.append(route.request.url)
        route.abort()

    def check_clean(self):
        assert not self.errors, self.errors
        assert not self.blocked, self.blocked
        assert all(url.startswith(("file://", "blob:", "data:")) for url in self.requests), self.requests

    def click_district(self, point):
        """Zoom the map to a WGS 84 point (shapely Point) and click it there."""
        self.page.evaluate(f"atlas.map.setView([{point.y}, {point.x}], 15, {{animate: false}})")
        xy = self.page.evaluate("([lat, lng]) => { const p = atlas.map.latLngToContainerPoint([lat, lng]);"
                                " const r = document.getElementById('map').getBoundingClientRect();"
                                " return [r.left + p.x, r.top + p.y]; }", [point.y, point.x])
        self.page.mouse.click(*xy)

    def profile_rows(self):
        return self.page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#profile tr[data-field]')]
            .map(tr => [tr.dataset.field, [...tr.cells].map(c => c.textContent)]))""")

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def berlin(tmp_path_factory, run):
    folder = tmp_path_factory.mktemp("web_atlas_browser")
    layer = wt.berlin_layer(folder, run)
    # test-only uncertainty fields (another algorithm computes real ones): shown when present
    for name, formula in (("status_class_prob", "round(0.5 + abs(\"status_score\") / 10, 2)"),
                          ("status_rank_p05", "10"), ("status_rank_p95", "40")):
        out = str(folder / f"with_{name}.gpkg")
        run_native(run, layer, name, formula, out)
        layer = out
    run("export_web_atlas", {"INPUT": layer, "RECIPE": str(wt.RECIPE_2019), "SOURCE": wt.SOURCE,
                             "LICENCE": "CC BY 4.0", "OUTPUT_FOLDER": str(folder / "atlas")})
    atlas = folder / "atlas"
    data = wt.read_script(atlas / "data" / "atlas.js")
    geoms = wt.decode_geometry(wt.read_script(atlas / "data" / "geometry.js"))
    return layer, atlas / "index.html", data, geoms


def run_native(run, layer, name, formula, out):
    import processing

    processing.run("native:fieldcalculator", {"INPUT": layer, "FIELD_NAME": name, "FIELD_TYPE": 0,
                                              "FIELD_LENGTH": 10, "FIELD_PRECISION": 3, "FORMULA": formula,
                                              "OUTPUT": out})


def layer_values(path, key, fields):
    """{field: value} of the district ``key``, read from the GeoPackage with sqlite3 (independent of QGIS)."""
    import sqlite3

    with sqlite3.connect(path) as con:
        [table] = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents WHERE data_type='features'")]
        columns = ", ".join(f'"{f}"' for f in fields)
        row = con.execute(f'SELECT {columns} FROM "{table}" WHERE id = ?', (key,)).fetchone()
    if row is None:
        raise KeyError(key)
    return dict(zip(fields, row))


def test_map_opens_offline_with_the_legend_of_the_data(browser, berlin):
    _, index, data, _ = berlin
    page = Page(browser, index)
    legend = page.page.inner_text("#legend")
    status = data["fields"][0]
    for c in status["classes"]:
        assert f"{c['label']} ({c['count']})" in legend
    assert f"nicht bewertet ({status['not_evaluated']})" in legend and "keine Daten (1)" in legend
    assert "Datenquelle: Senatsverwaltung" in page.page.inner_text("footer")
    assert "Toleranz 5 m" in page.page.inner_text("footer") and "CC BY 4.0" in page.page.inner_text("footer")
    page.page.screenshot(path=str(SHOTS / "web_atlas_map.png"))
    page.check_clean()
    page.close()


def test_switch_indicator_and_click_a_district(browser, berlin):
    layer, index, data, geoms = berlin
    page = Page(browser, index)
    s1 = next(i for i, f in enumerate(data["fields"]) if f["id"] == "S1")
    page.page.select_option("#field-select", str(s1))
    legend = page.page.inner_text("#legend")
    assert legend.startswith("Arbeitslosigkeit")
    for c in data["fields"][s1]["classes"]:
        assert f"({c['count']})" in legend
    first, last = data["fields"][s1]["classes"][0], data["fields"][s1]["classes"][-1]
    assert f"bis {wt.german(first['upper'], first['upper_d'])} % ({first['count']})" in legend  # breaks as printed
    assert f"über {wt.german(last['lower'], last['lower_d'])} % ({last['count']})" in legend
    key = "01011101"  # Stülerstraße, evaluated
    i = data["districts"]["key"].index(key)
    page.click_district(geoms[i].representative_point())
    page.page.wait_for_selector("#profile:not([hidden])")
    assert page.page.inner_text("#profile h2") == "Stülerstraße (01011101)"
    rows = page.profile_rows()
    truth = layer_values(layer, key, ["S1", "S3", "S4", "D1", "status_class", "status_class_prob"])
    for name in ("S1", "S3", "S4"):
        assert rows[name][1] == wt.german(truth[name]) + " %", name
    assert rows["D1"][1] == wt.german(truth["D1"]) + " Pp."
    assert rows["S1"][4].endswith(f"von {data['fields'][s1]['n']}")
    profile = page.page.inner_text("#profile")
    assert page.page.inner_text("#profile p[data-field='status_class'] .class-value").strip() == truth["status_class"]
    assert f"Sicherheit der Klasse: {round(truth['status_class_prob'] * 100)} %" in profile
    assert "Rang, 90-%-Intervall: 10–40" in profile
    page.page.screenshot(path=str(SHOTS / "web_atlas_profile.png"))
    page.check_clean()
    page.close()


def test_ranks_in_the_page_are_pandas_ranks_of_the_layer(browser, berlin):
    import sqlite3

    import pandas as pd

    layer_path, index, data, _ = berlin
    with sqlite3.connect(layer_path) as con:  # the GeoPackage as a plain SQLite file: an independent reader
        [table] = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents WHERE data_type='features'")]
        frame = pd.read_sql(f'SELECT id, S3, evaluated, EW FROM "{table}" ORDER BY fid', con)
    assert frame["id"].tolist() == data["districts"]["key"]
    ok = (frame["evaluated"] == 1) & (frame["EW"] >= 300)
    ranks = frame["S3"].where(ok).rank(ascending=False, method="min")
    page = Page(browser, index)
    for key in ("01011101", "08010117", "12302110"):
        i = data["districts"]["key"].index(key)
        page.page.evaluate(f"atlas.select({i}, false)")
        cells = page.profile_rows()["S3"]
        assert cells[4] == f"{int(ranks[i])} von {int((ok & frame['S3'].notna()).sum())}", key
    page.check_clean()
    page.close()


def test_secret_district_shows_dots_only(browser, berlin):
    _, index, data, _ = berlin
    i = data["districts"]["secret"].index(1)
    key = data["districts"]["key"][i]
    page = Page(browser, index)
    page.page.fill("#search", key)  # keyboard: type the key, Enter opens the profile
    page.page.press("#search", "Enter")
    page.page.wait_for_selector("#profile:not([hidden])")
    rows = page.profile_rows()
    assert rows and all(cells[1] == "." and cells[3] == "." and cells[4] == "." for cells in rows.values())
    assert "nicht bewertet" in page.page.inner_text("#profile")
    for f in data["fields"]:  # nothing of it in the page's data
        assert f["cls"][i] == -1 and f["values"][i] is None
    page.page.keyboard.press("Escape")
    assert page.page.is_hidden("#profile")
    page.check_clean()
    page.close()


def test_sortable_table_and_csv_download_of_what_is_shown(browser, berlin, tmp_path):
    _, index, data, _ = berlin
    page = Page(browser, index)
    s1 = next(i for i, f in enumerate(data["fields"]) if f["id"] == "S1")
    page.page.select_option("#field-select", str(s1))
    page.page.click("#view-toggle")
    page.page.click("#table thead th:nth-child(3) button")  # Arbeitslosigkeit, ascending
    texts = page.page.evaluate("[...document.querySelectorAll('#table tbody tr')].map(tr => [...tr.cells]"
                               ".map(c => c.textContent))")
    assert len(texts) == 448
    values = [float(r[2].replace(" %", "").replace(".", "").replace(",", ".")) for r in texts if r[2] not in ".–"]
    assert values == sorted(values) and len(values) == data["fields"][s1]["n"]
    page.page.screenshot(path=str(SHOTS / "web_atlas_table.png"))
    with page.page.expect_download() as download:
        page.page.click("#csv")
    path = tmp_path / "table.csv"
    download.value.save_as(str(path))
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:3] == ["Schlüssel", "Name", "Arbeitslosigkeit"]
    assert rows[1:] == texts  # exactly what the table shows, in its order
    page.check_clean()
    page.close()


def test_english_and_phone(browser, berlin):
    _, index, data, geoms = berlin
    page = Page(browser, index, width=390, height=844, mobile=True)
    page.page.click("button[data-lang='en']")
    legend = page.page.inner_text("#legend")
    assert "high (" in legend and f"not evaluated ({data['fields'][0]['not_evaluated']})" in legend
    assert page.page.evaluate("document.documentElement.lang") == "en"
    assert page.page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    i = data["districts"]["key"].index("01011101")
    point = geoms[i].representative_point()
    page.page.evaluate(f"atlas.map.setView([{point.y}, {point.x}], 14)")
    xy = page.page.evaluate("([lat, lng]) => { const p = atlas.map.latLngToContainerPoint([lat, lng]);"
                            " const r = document.getElementById('map').getBoundingClientRect();"
                            " return [r.left + p.x, r.top + p.y]; }", [point.y, point.x])
    page.page.touchscreen.tap(*xy)
    page.page.wait_for_selector("#profile:not([hidden])")
    assert "Unemployment" not in page.page.inner_text("#profile h2")  # names stay as in the data
    assert "of" in page.profile_rows()["S1"][4]
    page.page.screenshot(path=str(SHOTS / "web_atlas_phone_en.png"), full_page=True)
    page.check_clean()
    page.close()


@pytest.fixture(scope="module")
def kreise(tmp_path_factory, run):
    import processing

    out = tmp_path_factory.mktemp("web_atlas_kreise")
    joined = run("join_table", {
        "INPUT": f"{KREISE_DIR / 'niedersachsen_kreise.gpkg'}|layername=kreise", "INPUT_KEY": "ARS",
        "TABLE": str(INKAR), "TABLE_KEY": "kreis_id", "FORMAT": 1, "LONG_INDICATOR": "indicator",
        "LONG_VALUE": "value", "LONG_YEAR": "year", "OUTPUT": str(out / "joined.gpkg")})
    flagged = processing.run("native:fieldcalculator", {
        "INPUT": joined["OUTPUT"], "FIELD_NAME": "evaluated", "FIELD_TYPE": 1, "FIELD_LENGTH": 1,
        "FORMULA": "if(\"ARS\" = '03254', 0, 1)", "OUTPUT": str(out / "flagged.gpkg")})
    run("export_web_atlas", {"INPUT": flagged["OUTPUT"], "NAME_FIELD": "GEN", "KEY_FIELD": "ARS",
                             "TITLE": "INKAR-Kreisindikatoren Niedersachsen",
                             "SOURCE": "INKAR 2024, BBSR Bonn; © GeoBasis-DE / BKG (VG2500)",
                             "LICENCE": "dl-de/by-2-0", "OUTPUT_FOLDER": str(out / "atlas")})
    return out / "atlas" / "index.html", wt.read_script(out / "atlas" / "data" / "atlas.js")


def inkar(kreis, indicator, year):
    with INKAR.open(encoding="utf-8") as f:
        return next(float(r["value"]) for r in csv.DictReader(f)
                    if r["kreis_id"] == kreis and r["indicator"] == indicator and int(r["year"]) == year)


def test_years_in_the_switcher_and_trend_in_the_profile(browser, kreise):
    index, data = kreise
    page = Page(browser, index)
    groups = page.page.evaluate("[...document.querySelectorAll('#field-select optgroup')].map(g => g.label)")
    assert "Schuldnerquote: Jahre" in groups
    options = page.page.evaluate("[...document.querySelectorAll('#field-select option')].map(o => o.textContent)")
    years = sorted({int(r["year"]) for r in csv.DictReader(INKAR.open(encoding="utf-8"))})
    assert all(f"Schuldnerquote {y}" in options for y in years)
    series = next(s for s in data["series"] if s["prefix"] == "schuldnerquote_pct")
    i = data["districts"]["key"].index("03159")  # Göttingen
    page.page.evaluate(f"atlas.select({i}, true)")
    svg = page.page.get_attribute(".trend svg[aria-label^='Schuldnerquote']", "aria-label")
    for year in series["years"]:
        assert f"{year}: {wt.german(inkar('03159', 'schuldnerquote_pct', year))} / " in svg
    page.page.screenshot(path=str(SHOTS / "web_atlas_trend.png"))
    j = data["districts"]["key"].index("03254")  # Hildesheim, made secret
    page.page.evaluate(f"atlas.select({j}, true)")
    svg = page.page.get_attribute(".trend svg[aria-label^='Schuldnerquote']", "aria-label")
    assert f"{series['years'][0]}: . / " in svg
    page.check_clean()
    page.close()
