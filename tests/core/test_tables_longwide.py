"""Long format -> wide, several years side by side (issue 4, point 4)."""
import math
import sys
from pathlib import Path

import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import TableError
from sozialmonitor.plugin.core.join.match import join_table
from sozialmonitor.plugin.core.tables import read_table
from sozialmonitor.plugin.core.tables.longwide import long_to_wide

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "tables"))
import make_nasty  # noqa: E402


@pytest.fixture(scope="module")
def nasty(tmp_path_factory):
    return make_nasty.write_all(tmp_path_factory.mktemp("nasty_long"))


def test_long_to_wide_years_side_by_side_and_join(nasty):
    table = read_table(nasty["long.csv"], key_columns=["gebiet"])
    wide = long_to_wide(table, "gebiet", "indikator", "wert", "jahr")
    assert list(wide.frame.columns) == ["gebiet", "S1_2018", "S1_2019", "S3_2018", "S3_2019"]
    assert wide.frame["S3_2019"].tolist() == pytest.approx([0.11, 1.11, 2.11, 3.11, 4.11, 5.11])
    assert wide.row_numbers.tolist() == [2, 6, 10, 14, 18, 22]
    districts = pd.DataFrame(make_nasty.DISTRICTS, columns=["key", "name"])
    result = join_table(districts, "key", wide.frame, "gebiet", flags=wide.flags, row_numbers=wide.row_numbers)
    assert result.report.n_matched_districts == 6 and result.report.is_clean()


def test_long_years_filter_absent_and_duplicates():
    frame = pd.DataFrame({"k": ["01", "01", "02", "02", "02"], "y": [2019.0, 2020.0, 2019.0, 2019.0, 2021.0],
                          "i": ["A"] * 5, "v": [1.0, 2.0, 3.0, 5.0, 9.0]})
    with pytest.raises(TableError, match=r"02 A_2019 \(rows 4, 5\)"):
        long_to_wide(frame, "k", "i", "v", "y")
    wide = long_to_wide(frame, "k", "i", "v", "y", duplicates="mean", years=[2019, 2020])
    assert list(wide.frame.columns) == ["k", "A_2019", "A_2020"]
    assert wide.frame["A_2019"].tolist() == [1.0, 4.0]
    assert math.isnan(wide.frame["A_2020"].iloc[1])
    assert wide.flags["A_2020"].astype(object).tolist()[1] == "absent"
    assert wide.flags["A_2019"].astype(object).tolist()[1] == "aggregated"
    assert any("1 rows not used" in line for line in wide.lines)


def test_long_years_not_in_the_table_are_an_error():
    frame = pd.DataFrame({"k": ["01", "01"], "y": [2019.0, 2020.0], "i": ["A", "A"], "v": [1.0, 2.0]})
    with pytest.raises(TableError, match=r"years not found in column 'y': 2018\. The table has: 2019, 2020"):
        long_to_wide(frame, "k", "i", "v", "y", years=[2018])
    with pytest.raises(TableError, match=r"years not found in column 'y': 2018\."):
        long_to_wide(frame, "k", "i", "v", "y", years=["2019", 2018])


@pytest.mark.parametrize("rule", ["sum", "mean"])
def test_long_aggregate_with_a_missing_part_is_missing(rule):
    frame = pd.DataFrame({"k": ["01", "01", "02", "02"], "i": ["A"] * 4, "v": [float("nan"), 10.0, 2.0, 4.0]})
    wide = long_to_wide(frame, "k", "i", "v", duplicates=rule)
    assert math.isnan(wide.frame["A"].iloc[0])
    assert wide.frame["A"].iloc[1] == (6.0 if rule == "sum" else 3.0)


def test_long_value_column_must_be_numeric():
    frame = pd.DataFrame({"k": ["01"], "i": ["A"], "v": ["viel"]})
    with pytest.raises(TableError, match="value column 'v' holds text"):
        long_to_wide(frame, "k", "i", "v")
