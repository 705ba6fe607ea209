"""The web atlas's data: secrecy, classes as on the printed map, ranks and deviations, the folder write.

Oracles: pandas (rank, mean) on the raw columns, and core.maps.classes / core.reports.district_profile,
which the printed maps and the district atlas use.
"""
import json

import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import ExportError
from sozialmonitor.plugin.core.maps.classes import categorical_classes, graduated_classes
from sozialmonitor.plugin.core.maps.secrecy import SecrecyRule
from sozialmonitor.plugin.core.reports.district_profile import ProfileIndicator, profile_rows
from sozialmonitor.plugin.core.web.atlas_data import (
    NO_DATA_CLASS,
    NOT_EVALUATED_CLASS,
    FieldSpec,
    build_atlas_data,
    field_entry,
    uncertainty_entries,
)
from sozialmonitor.plugin.core.web.atlas_folder import MARKER, script_text, write_atlas_folder

RULE = SecrecyRule(evaluated_field="evaluated", population_field="EW", min_population=300)


def frame():
    return pd.DataFrame({
        "id": ["01", "02", "03", "04", "05", "06"],
        "EW": [1000, 250, 5000, 800, 1200, 900],  # 02 is secret (< 300 inhabitants)
        "evaluated": [1, 1, 1, 0, 1, 1],  # 04 is not evaluated
        "S1": [2.7978, 99.9, 7.25, 55.5, np.nan, 7.25],  # 05 has no value
        "status_class": ["mittel", "hoch", "niedrig", "hoch", None, "mittel"],
        "status_class_prob": [0.91, 0.5, 0.66, 0.4, np.nan, 0.55],
        "status_rank_p05": [1, 1, 2, 1, np.nan, 1],
        "status_rank_p95": [3, 4, 4, 4, np.nan, 3],
    })


def test_secret_values_never_reach_the_data():
    f = frame()
    classes = graduated_classes(f, "S1", RULE, [2.7978, 5.0, 7.25], ["#eee", "#999"])
    entry = field_entry(f, FieldSpec("S1", "Arbeitslosigkeit", "indicators", unit="%"), classes, RULE)
    assert entry["values"] == [2.8, None, 7.2, None, None, 7.2]  # rounded half to even as numpy: 7.25 -> 7.2
    assert entry["cls"] == [0, NOT_EVALUATED_CLASS, 1, NOT_EVALUATED_CLASS, NO_DATA_CLASS, 1]
    text = script_text("ATLAS_DATA", build_atlas_data(f, f["id"], f["id"], RULE, [entry]))
    assert "99.9" not in text and "55.5" not in text


def test_ranks_and_deviations_match_the_district_profile():
    f = frame()
    classes = graduated_classes(f, "S1", RULE, [2.7978, 5.0, 7.25], ["#eee", "#999"])
    entry = field_entry(f, FieldSpec("S1", "Arbeitslosigkeit", "indicators", unit="%"), classes, RULE)
    valid = f["S1"].where((f["evaluated"] == 1) & (f["EW"] >= 300))
    city = valid.mean()
    assert entry["city"] == round(city, 1) and entry["n"] == 3
    assert entry["rank"] == [None if np.isnan(r) else int(r) for r in valid.rank(ascending=False, method="min")]
    assert entry["deviation"][0] == round(2.7978 - city, 1)
    rows = profile_rows(f, pd.Series(range(6)), [ProfileIndicator("S1", "Arbeitslosigkeit", "%")], RULE)
    assert rows["rank"].tolist()[0] == f"{entry['rank'][0]} of {entry['n']}"  # same ranks as the paper atlas
    assert rows["rank"].tolist()[2] == rows["rank"].tolist()[5] == "1 of 3"  # ties share the best rank
    assert entry["rank"][2] == entry["rank"][5] == 1 and entry["rank"][0] == 3


def test_categorical_classes_are_those_of_the_printed_map():
    f = frame()
    classes = categorical_classes(f, "status_class", RULE, labels=["hoch", "mittel", "niedrig", "sehr niedrig"],
                                  colours=["#1", "#2", "#3", "#4"])
    entry = field_entry(f, FieldSpec("status_class", "Status-Index", "index"), classes, RULE)
    assert [c["count"] for c in entry["classes"]] == [c.count for c in classes.classes] == [0, 2, 1, 0]
    assert entry["values"] == ["mittel", None, "niedrig", None, None, "mittel"]
    assert (entry["not_evaluated"], entry["no_data"]) == (2, 1)


def test_uncertainty_is_optional_and_hidden_for_secret_districts():
    f = frame()
    out = uncertainty_entries(f, ["status", "dynamik"], RULE)
    assert [u["index"] for u in out] == ["status"]  # no dynamik_* fields: no entry
    assert out[0]["prob"] == [0.91, None, 0.66, None, None, 0.55]
    assert out[0]["p95"][0] == 3.0
    f["status_class_prob"] = f["status_class_prob"] * 100
    with pytest.raises(ExportError, match="status_class_prob"):
        uncertainty_entries(f, ["status"], RULE)


def parse_script(text):
    import re

    start, end = text.index("JSON.parse('") + len("JSON.parse('"), text.rstrip().rindex("');")
    return json.loads(re.sub(r"\\(.)", r"\1", text[start:end]))


def test_data_file_is_javascript_with_json_and_no_nan():
    payload = {"a": "Straße\u2028", "b": "O'Brien \\ \"x\"\nnew line"}
    text = script_text("X", payload)
    assert text.startswith("window.X = JSON.parse('") and "\u2028" not in text and "\n" not in text[:-1]
    assert parse_script(text) == payload
    with pytest.raises(ExportError, match="not a number"):
        script_text("X", {"a": float("nan")})


def assets(tmp_path):
    web, vendor = tmp_path / "web", tmp_path / "vendor"
    (vendor / "leaflet").mkdir(parents=True)
    web.mkdir()
    for name in ("index.html", "app.js", "app.css"):
        (web / name).write_text(name)
    for name in ("leaflet.js", "leaflet.css", "LICENSE"):
        (vendor / "leaflet" / name).write_text(name)
    return web, vendor


def test_folder_is_replaced_only_when_complete(tmp_path, monkeypatch):
    web, vendor = assets(tmp_path)
    target = tmp_path / "out" / "atlas"
    index = write_atlas_folder(target, {"v": 1}, {"arcs": []}, web, vendor)
    assert index.endswith("index.html") and (target / MARKER).exists()
    assert parse_script((target / "data" / "atlas.js").read_text(encoding="utf-8")) == {"v": 1}
    # a failing second export leaves the first one as it was, and no staging folder behind
    import sozialmonitor.plugin.core.web.atlas_folder as folder_module

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(folder_module.shutil, "copyfile", broken)
    with pytest.raises(ExportError, match="atlas"):
        write_atlas_folder(target, {"v": 2}, {"arcs": []}, web, vendor)
    monkeypatch.undo()
    assert "1" in (target / "data" / "atlas.js").read_text()
    assert sorted(p.name for p in target.parent.iterdir()) == ["atlas"]
    write_atlas_folder(target, {"v": 2}, {"arcs": []}, web, vendor)
    assert '"v":2' in (target / "data" / "atlas.js").read_text()


def test_a_folder_with_other_files_is_refused(tmp_path):
    web, vendor = assets(tmp_path)
    target = tmp_path / "documents"
    target.mkdir()
    (target / "letter.odt").write_text("x")
    with pytest.raises(ExportError, match="not empty"):
        write_atlas_folder(target, {}, {}, web, vendor)
    assert (target / "letter.odt").exists()
    (vendor / "leaflet" / "leaflet.js").unlink()
    with pytest.raises(ExportError, match="fetch_web_vendor"):
        write_atlas_folder(tmp_path / "new", {}, {}, web, vendor)
