"""German and English user interface: the .ts is complete, the compiled .qm follows the QGIS locale,
Processing texts, core messages, field aliases and legend labels are translated, every algorithm has help.

The .qm is compiled from the .ts into a temporary folder with lrelease (as `make translations` does),
so these tests always check the current sources, never a stale build.
"""
import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingParameterEnum, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication
from sozialmonitor.plugin.core import i18n as core_i18n
from sozialmonitor.plugin.core.errors import RecipeError
from sozialmonitor.plugin.core.index.output_fields import output_field_specs
from sozialmonitor.plugin.core.maps.classes import graduated_classes, not_evaluated_label
from sozialmonitor.plugin.core.maps.palettes import RAMP_NAMES
from sozialmonitor.plugin.core.maps.secrecy import SecrecyRule
from sozialmonitor.plugin.core.recipe.load import Recipe
from sozialmonitor.plugin.gis import i18n as gis_i18n
from sozialmonitor.plugin.processing import algorithm
from sozialmonitor.plugin.processing.algorithms.compute_index import ComputeIndexAlgorithm
from sozialmonitor.plugin.processing.provider import algorithm_classes

ROOT = Path(__file__).resolve().parents[2]
TS_DE = ROOT / "resources" / "i18n" / "sozialmonitor_de.ts"
RECIPE_2019 = ROOT / "resources" / "recipes" / "berlin_mss_2019.json"


def _update_script():
    spec = importlib.util.spec_from_file_location("i18n_update", ROOT / "scripts" / "i18n_update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory):
    """resources/i18n/*.ts compiled with lrelease into a temporary folder."""
    lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
    assert Path(lrelease).exists(), "lrelease missing: apt-get install qttools5-dev-tools (scripts/bootstrap.sh)"
    out = tmp_path_factory.mktemp("qm")
    for ts in sorted(TS_DE.parent.glob("sozialmonitor_*.ts")):
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(out / (ts.stem + ".qm"))], check=True)
    return out


@pytest.fixture
def ui_language(qgis_app, qm_dir, monkeypatch):
    """Set the QGIS locale and load the plugin's catalogue as the plugin does; undone afterwards."""
    monkeypatch.setattr(gis_i18n, "I18N_DIR", qm_dir)
    monkeypatch.delenv("SOZIALMONITOR_LANG", raising=False)
    settings = QgsSettings()
    old = settings.value("locale/userLocale", None)
    translators = []

    def switch(locale):
        settings.setValue("locale/userLocale", locale)
        translators.append(gis_i18n.install())
        return translators[-1]

    yield switch
    for translator in translators:
        gis_i18n.uninstall(translator)
    if old is None:
        settings.remove("locale/userLocale")
    else:
        settings.setValue("locale/userLocale", old)


def _district_layer():
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833&field=id:string", "districts", "memory")
    assert layer.isValid()
    return layer


# ---- the translation source ---------------------------------------------------------------------

def test_ts_parses_and_every_string_has_a_finished_german_translation():
    update = _update_script()
    translations = update.read_ts(TS_DE)
    assert len(translations) > 300
    messages, _dynamic = update.collect()
    problems = update.problems(messages, translations)
    assert not problems, (
        f"{len(problems)} strings in the code have no finished German translation (or other {{placeholders}}). Run "
        "`make translations-update`, translate them in resources/i18n/sozialmonitor_de.ts (Qt Linguist or any "
        "editor; remove type=\"unfinished\"), and run the tests again:\n  "
        + "\n  ".join(problems))


def test_extractor_finds_core_tr_noop_and_algorithm_class_texts():
    messages, _ = _update_script().collect()
    sources = {text for (context, text) in messages if context == "Sozialmonitor"}
    assert "Cannot read the recipe file {path}: {err}." in sources  # core tr() free function
    assert "Quantiles (equal counts)" in sources  # tr_noop in a list, translated through a variable
    assert ComputeIndexAlgorithm.DISPLAY in sources and ComputeIndexAlgorithm.HELP in sources
    assert "Data and join" in sources  # GROUPS
    # Qt Designer forms: uic translates them in the context of the form's class
    forms = {ET.parse(ui).getroot().findtext("class") for ui in (ROOT / "ui").glob("*.ui")}
    assert forms <= {context for (context, _text) in messages}


def test_every_visible_processing_text_is_in_the_catalogue(qgis_app):
    """Names, groups, help, parameter descriptions, enum options, file filters and outputs of every
    algorithm (English, no translator) must be source strings of the .ts — else they stay English."""
    core_i18n.set_translator(None)
    update = _update_script()
    known = {text for (_context, text) in update.read_ts(TS_DE)}
    missing = []
    for cls in algorithm_classes():
        alg = cls()
        alg.initAlgorithm()
        texts = [alg.displayName(), alg.group(), alg.shortHelpString()]
        for param in alg.parameterDefinitions():
            texts.append(param.description())
            if isinstance(param, QgsProcessingParameterEnum):
                texts += [o for o in param.options() if o not in RAMP_NAMES]
            if hasattr(param, "fileFilter") and param.fileFilter():
                # QGIS's own default filter "All files (*.*)" is translated by QGIS
                texts += [f for f in [param.fileFilter()] if f != "All files (*.*)"]
        texts += [out.description() for out in alg.outputDefinitions()]
        missing += [f"{alg.name()}: {t!r}" for t in texts if t and t not in known]
    assert not missing, "not translatable (wrap in self.tr()/tr_noop()):\n" + "\n".join(missing)


# ---- the compiled catalogue follows the QGIS locale ---------------------------------------------

@pytest.mark.parametrize("locale", ["de", "de_DE"])
def test_german_locale_translates_processing_and_core_texts(ui_language, locale):
    assert ui_language(locale) is not None  # sozialmonitor_de.qm found and loaded
    alg = ComputeIndexAlgorithm()
    alg.initAlgorithm()
    assert alg.displayName() == "Sozialindex berechnen"
    assert alg.group() == "Sozialindex"
    assert alg.parameterDefinition("RECIPE").description() == "Indexdefinition (JSON)"
    assert alg.shortHelpString().startswith("Berechnet die zusammengesetzten Indizes")
    with pytest.raises(RecipeError, match="Die Datei der Indexdefinition .* kann nicht gelesen werden"):
        Recipe.from_file("/nonexistent/rezept.json")
    assert QCoreApplication.translate("Sozialmonitor", "Legend") == "Legende"


def test_german_error_reaches_the_processing_user(ui_language, qgis_processing):
    import processing
    from sozialmonitor.plugin.processing.provider import register_provider

    ui_language("de")
    register_provider()
    with pytest.raises(QgsProcessingException, match="Geben Sie eine Indikatortabelle an"):
        processing.run("sozialmonitor:join_table", {"INPUT": _district_layer(), "INPUT_KEY": "id",
                                                    "TABLE_KEY": "id", "OUTPUT": "memory:"})


@pytest.mark.parametrize("locale", ["en", "en_GB"])
def test_english_locale_keeps_the_source_texts(ui_language, locale):
    assert ui_language(locale) is None  # English is the source language: no catalogue
    alg = ComputeIndexAlgorithm()
    alg.initAlgorithm()
    assert alg.displayName() == "Compute social index"
    assert alg.parameterDefinition("RECIPE").description() == "Index recipe (JSON)"
    with pytest.raises(RecipeError, match="Cannot read the recipe file"):
        Recipe.from_file("/nonexistent/recipe.json")


def test_sozialmonitor_lang_overrides_the_profile_language_for_headless_runs(ui_language, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_LANG", "de")
    assert ui_language("en") is not None
    assert ComputeIndexAlgorithm().displayName() == "Sozialindex berechnen"


def _aliases():
    return {name: alias for name, alias, _kind in output_field_specs(Recipe.from_file(RECIPE_2019))}


def _legend():
    import pandas as pd

    frame = pd.DataFrame({"S3": [5.0, 12.0, 18.0, 40.0], "evaluated": [1, 1, 1, 0]})
    classes = graduated_classes(frame, "S3", SecrecyRule(evaluated_field="evaluated"), [0, 10, 20, 100],
                                ["#a", "#b", "#c"], unit="%")
    return classes.legend_labels()


def test_field_aliases_and_legend_labels_follow_the_language(ui_language):
    ui_language("en")
    assert _aliases()["evaluated"] == "Evaluated (has a score and a class)"
    assert _aliases()["status_class"] == "Status-Index: class"  # recipe label (data) + translated text
    assert _legend() == ["up to 10 % (1)", "over 10 to 20 % (2)", "over 20 % (0)", "not evaluated (1)"]
    assert not_evaluated_label(Recipe.from_file(RECIPE_2019)).startswith("not evaluated\n(< 300 inhab.")

    ui_language("de")
    assert _aliases()["evaluated"] == "Bewertet (hat einen Indexwert und eine Klasse)"
    assert _aliases()["status_class"] == "Status-Index: Klasse"
    assert _legend() == ["bis 10 % (1)", "über 10 bis 20 % (2)", "über 20 % (0)", "nicht bewertet (1)"]
    assert not_evaluated_label(Recipe.from_file(RECIPE_2019)).startswith("nicht bewertet\n(< 300 Einw.")


# ---- help ---------------------------------------------------------------------------------------

def test_every_algorithm_has_help_and_a_help_link_to_its_readme_section():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', readme))
    problems = []
    for cls in algorithm_classes():
        alg = cls()
        if len(alg.shortHelpString().strip()) < 40:
            problems.append(f"{alg.name()}: no help text (HELP)")
        url = alg.helpUrl()
        if url != algorithm.README_ANCHOR.format(alg.name()):
            problems.append(f"{alg.name()}: helpUrl {url} is not its README section")
        if "alg-" + alg.name() not in anchors:
            problems.append('{0}: README.md has no section anchor <a id="alg-{0}"></a>'.format(alg.name()))
    assert not problems, "\n".join(problems)
