"""Hostile recipes: every number finite, every size bounded, no traceback for any JSON (seeded fuzzing).

hypothesis is not installed: ``random.Random(seed)`` generates the values, so every run tests the same
cases and a failure names the seed, path and value to reproduce it.
"""
import copy
import json
import math
import random
import time

import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import RecipeError, SozialmonitorError, TableError
from sozialmonitor.plugin.core.index.compute import compute_index
from sozialmonitor.plugin.core.recipe.load import Recipe
from sozialmonitor.plugin.core.recipe.strict_reading import MAX_EXCLUDE_KEYS

PRESETS = ["berlin_mss_2021.json", "berlin_mss_2019.json", "niedersachsen_kreise_inkar.json"]


def minimal():
    return {
        "format": "sozialmonitor-recipe", "version": 1,
        "metadata": {"title": "t", "key_field": "KEY", "population_field": "EW"},
        "reference": {"min_population": 300, "exclude_keys": {"007": "outlier"}},
        "treatment": {"missing_codes": [-9999], "winsorise": {"method": "sd", "k": 3}},
        "indicators": [
            {"id": "A", "field": "a", "group": "status"},
            {"id": "B", "field": "b", "group": "status", "direction": "higher_is_better", "weight": 2},
        ],
        "indices": [{"id": "status", "aggregation": "weighted_mean", "restandardise": True,
                     "classification": {"method": "fixed", "breaks": [-1, 1], "labels": ["lo", "mid", "hi"]}},
                    {"id": "dyn", "indicators": ["A"],
                     "classification": {"method": "quantile", "n": 3}}],
        "typologies": [{"id": "T", "rows": "status", "columns": "dyn", "names": {"11": "both low"}}],
    }


def table(n=40, seed=1):
    rng = np.random.default_rng(seed)
    return pd.DataFrame({"KEY": [f"{i:03d}" for i in range(n)], "EW": np.full(n, 1000.0),
                         "a": rng.normal(10, 2, n), "b": rng.normal(5, 1, n)})


def replace_weight(text):
    return json.dumps(minimal()).replace('"weight": 2', '"weight": ' + text)


def message(text=None, data=None, frame=None):
    """The user message of loading (and computing) a recipe; None when it works."""
    try:
        recipe = Recipe.from_json(text) if text is not None else Recipe.from_dict(data)
        compute_index(table() if frame is None else frame, recipe)
    except SozialmonitorError as err:
        return err.message
    return None


# --------------------------------------------------------------------------- numbers must be finite

@pytest.mark.parametrize("literal, words", [
    ("NaN", "not finite"), ("Infinity", "not finite"), ("-Infinity", "not finite"), ("1e400", "not finite"),
    ("1e308", "out of range"), ("1" + "0" * 400, "out of range"), ("1e7", "too large"),
])
def test_weights_must_be_finite_and_bounded(literal, words):
    text = message(replace_weight(literal))
    assert text is not None and words in text, text
    assert "indicators[1]" in text and "SD = 0" not in text and "constant" not in text


@pytest.mark.parametrize("path, value", [
    (("reference", "min_population"), float("-inf")),
    (("treatment", "winsorise", "k"), float("inf")),
    (("indices", 0, "classification", "breaks", 0), float("nan")),
    (("treatment", "missing_codes", 0), 1e300),
])
def test_every_number_in_a_recipe_is_checked_with_its_path(path, value):
    data = minimal()
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    text = message(json.dumps(data))  # json.dumps writes NaN / Infinity literals, as a hostile file would
    dotted = ".".join(str(p) for p in path).replace(".0", "[0]")
    assert text is not None and dotted in text and ("not finite" in text or "out of range" in text), text


def test_one_infinite_cell_is_named_not_called_constant():
    frame = table()
    frame.loc[3, "a"] = np.inf
    text = message(data=minimal(), frame=frame)
    assert "Field 'a' (indicator 'A')" in text and "inf" in text and "key 003" in text and "infinite" in text
    assert "SD = 0" not in text


@pytest.mark.parametrize("cell", [1e308, -1e200, "inf", "-Infinity"])
def test_absurd_cells_are_named_with_their_key(cell):
    frame = table()
    frame["b"] = frame["b"].astype(object)
    frame.loc[7, "b"] = cell
    with pytest.raises(TableError) as info:
        compute_index(frame, Recipe.from_dict(minimal()))
    assert "indicator 'B'" in info.value.message and "key 007" in info.value.message


# --------------------------------------------------------------------------- sizes are bounded

def test_deep_nesting_is_a_message_not_a_recursion_error():
    for depth in (13, 1000, 100000):
        text = message('{"format": "sozialmonitor-recipe", "version": 1, "metadata": ' + "[" * depth + "]" * depth
                       + "}")
        assert text is not None and ("nested" in text), (depth, text)


def test_long_lists_and_texts_are_refused_with_the_limit():
    data = minimal()
    data["indicators"][0]["label"] = "x" * 20000
    assert "20000 characters" in message(data=data)
    data = minimal()
    data["treatment"]["missing_codes"] = list(range(5000))
    assert "5000 entries; at most 1000" in message(data=data)
    data = minimal()
    data["indices"][1]["classification"]["n"] = 10 ** 9
    text = message(data=data)
    assert "out of range" in text or "too many" in text
    data["indices"][1]["classification"]["n"] = 500
    assert "500 classes are too many" in message(data=data)


def test_two_million_exclude_keys_stop_at_once():
    data = minimal()
    data["reference"]["exclude_keys"] = {f"x{i}": "r" for i in range(2_000_000)}
    start = time.perf_counter()
    text = message(data=data)
    assert f"2000000 entries; at most {MAX_EXCLUDE_KEYS}" in text
    assert time.perf_counter() - start < 30  # generous: before, this ran for more than 5 minutes


def test_many_exclude_keys_are_matched_at_once_and_reported_in_one_line():
    data = minimal()
    keys = {f"x{i}": "r" for i in range(MAX_EXCLUDE_KEYS - 2)}
    keys.update({"003": "Sonderfall", "017": "Gewerbe"})
    data["reference"]["exclude_keys"] = keys
    result = compute_index(table(), Recipe.from_dict(data))
    reason = result.table["eval_reason"]
    assert reason.iloc[3] == "excluded: Sonderfall" and reason.iloc[17] == "excluded: Gewerbe"
    assert int(result.table["evaluated"].sum()) == 38
    unused = [m for m in result.messages if "exclude_keys" in m]
    assert len(unused) == 1 and unused[0].startswith(f"{MAX_EXCLUDE_KEYS - 2} excluded keys")
    assert len(unused[0]) < 400


def test_numeric_keys_still_match_text_exclusions():
    frame = table()
    frame["KEY"] = np.arange(len(frame))
    data = minimal()
    data["reference"]["exclude_keys"] = {"0012": "leading zeros", " 5 ": "spaces"}
    result = compute_index(frame, Recipe.from_dict(data))
    assert result.table["eval_reason"].iloc[12] == "excluded: leading zeros"
    assert result.table["eval_reason"].iloc[5] == "excluded: spaces"


# --------------------------------------------------------------------------- files

def test_files_bom_truncated_non_utf8_and_too_big(tmp_path):
    good = json.dumps(minimal())
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + good.encode("utf-8"))
    assert Recipe.from_file(bom).indicators[0].id == "A"  # Windows Notepad writes a BOM
    latin = tmp_path / "latin.json"
    latin.write_bytes(good.replace('"t"', '"Gr\u00fcn"').encode("latin-1"))
    with pytest.raises(RecipeError, match="not UTF-8"):
        Recipe.from_file(latin)
    big = tmp_path / "big.json"
    with open(big, "wb") as out:
        out.truncate(17 * 1024 * 1024)
    with pytest.raises(RecipeError, match="MB long"):
        Recipe.from_file(big)
    for cut in range(0, len(good), 7):
        with pytest.raises(RecipeError):
            Recipe.from_json(good[:cut])


# --------------------------------------------------------------------------- fuzzing

def random_value(rng, depth=0):
    kind = rng.randrange(14 if depth < 3 else 10)
    if kind == 0:
        return None
    if kind == 1:
        return rng.random() < 0.5
    if kind == 2:
        return rng.choice([0, 1, -1, 2, 3, 7, 31, 10 ** 18, -(10 ** 30), 2 ** 63])
    if kind == 3:
        return rng.choice([0.5, -3.25, 1e-320, 1e308, -1e308, float("nan"), float("inf"), float("-inf")])
    if kind == 4:
        return rng.choice(["", " ", "x", "A", "status", "mean", "sd", "fixed", "lower", "upper", "zscore",
                           "higher_is_better", "log", "group_mean", "{row_code}", "\u00e4\u00df\u20ac", "\x00",
                           "a" * 40, "dyn", "T", "flagged", "percentile", "weighted_mean", "geometric_mean"])
    if kind == 5:
        return rng.randrange(-5, 50)
    if kind == 6:
        return rng.uniform(-100, 100)
    if kind == 7:
        return "x" * rng.choice([1, 100, 10001])
    if kind == 8:
        return [rng.uniform(-3, 3) for _ in range(rng.randrange(0, 6))]
    if kind == 9:
        return [rng.choice(["a", "b", "A", "B", "lo"]) for _ in range(rng.randrange(0, 5))]
    if kind in (10, 11):
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    return {rng.choice(["id", "field", "method", "n", "k", "x", "breaks", "11"]): random_value(rng, depth + 1)
            for _ in range(rng.randrange(0, 4))}


def paths(node, prefix=()):
    """Every (path) to a value inside a parsed recipe, containers included."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, prefix + (i,))


def set_path(data, path, value):
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value


def outcome(data):
    """Load, compute and round-trip; only SozialmonitorError may escape (a traceback fails the test)."""
    try:
        recipe = Recipe.from_dict(data)
        again = Recipe.from_json(recipe.to_json())
        assert again.to_dict() == recipe.to_dict()
        result = compute_index(table(), recipe)
        for column in result.table.columns:
            values = result.table[column]
            if values.dtype.kind == "f":
                assert not np.isinf(values.to_numpy()).any(), column
    except SozialmonitorError as err:
        assert err.message and len(err.message) < 2000 and "Traceback" not in err.message
        return "error"
    return "ok"


@pytest.mark.parametrize("seed", range(6))
def test_fuzz_random_values_at_every_key(seed, repo_root):
    rng = random.Random(seed)
    bases = [minimal()] + [json.loads((repo_root / "resources" / "recipes" / name).read_text(encoding="utf-8"))
                           for name in PRESETS]
    counts = {"ok": 0, "error": 0}
    for base in bases:
        for path in list(paths(base))[1:]:
            for _ in range(3):
                data = copy.deepcopy(base)
                value = random_value(rng)
                set_path(data, path, value)
                try:
                    counts[outcome(data)] += 1
                except Exception as err:  # noqa: BLE001 - the point of the test: name the case
                    pytest.fail(f"seed {seed} path {path} value {value!r}: {type(err).__name__}: {err}")
    assert counts["error"] > 0 and counts["ok"] > 0, counts


@pytest.mark.parametrize("seed", range(3))
def test_fuzz_whole_documents_and_mangled_text(seed):
    rng = random.Random(100 + seed)
    good = json.dumps(minimal())
    for _ in range(300):
        try:
            Recipe.from_dict(random_value(rng))
        except RecipeError:
            pass
        chars = list(good)
        for _ in range(rng.randrange(1, 6)):
            pos = rng.randrange(len(chars))
            chars[pos] = rng.choice(['"', "{", "}", "[", "]", ",", ":", "1", "e", "N", "\\", " ", "\ufeff", "\x00"])
        try:
            Recipe.from_json("".join(chars))
        except RecipeError:
            pass


def test_finite_checks_keep_valid_presets(repo_root):
    for name in PRESETS:
        recipe = Recipe.from_file(repo_root / "resources" / "recipes" / name)
        assert all(math.isfinite(i.weight) for i in recipe.indicators)
