"""Key rules: text keys, leading zeros, Excel damage (issue 4, point 3)."""
import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import JoinError
from sozialmonitor.plugin.core.join import keys


def test_key_text_keeps_zeros_strips_space_and_drops_float_suffix_of_numbers():
    out = keys.key_text(["01100101", " 01100102\u00a0", 1100103, 1100104.0, None, np.nan, "", "A 1"])
    assert out.tolist() == ["01100101", "01100102", "1100103", "1100104", None, None, None, "A 1"]


def test_exact_rule_does_not_guess():
    table = keys.key_text(["1100101", "01100101", "1100101.0"])
    assert keys.normalise(table, "exact").tolist() == ["1100101", "01100101", "1100101.0"]


def test_pad_zeros_restores_width_of_longest_key():
    district = keys.key_text(["01100101", "12214528"])
    table = keys.key_text(["1100101", "1100101.0", "01100101", "1100101,0", "Berlin"])
    width = keys.digit_width(district, table)
    assert width == 8
    assert keys.normalise(table, "pad_zeros", width).tolist() == ["01100101"] * 4 + ["Berlin"]
    assert "8 digits" in keys.describe_rule("pad_zeros", width)


def test_normalise_text_for_name_keys():
    names = keys.key_text(["Charlottenburg-Wilmersdorf ", "charlottenburg-wilmersdorf", "Steglitz  Zehlendorf",
                           "Schloßstraße", "SCHLOSSSTRASSE"])
    out = keys.normalise(names, "normalise_text").tolist()
    assert out[0] == out[1]
    assert out[2] == "steglitz zehlendorf"
    assert out[3] == out[4]


def test_unknown_rule_is_an_error():
    with pytest.raises(JoinError, match="Unknown key rule 'fuzzy'"):
        keys.normalise(pd.Series(["1"], dtype=object), "fuzzy")
