"""core/join/several_tables: the decisions of one join_table run, without QGIS."""
import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import JoinError, TableError
from sozialmonitor.plugin.core.join.expectation import JoinExpectationError
from sozialmonitor.plugin.core.join.several_tables import (
    JoinOptions,
    LongFormat,
    join_tables,
    key_column,
    parse_missing_codes,
)
from sozialmonitor.plugin.core.tables import read_table


def _csv(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def districts():
    return pd.DataFrame({"id": ["01", "02", "03"], "name": ["A", "B", "C"]}, index=[10, 11, 12])


def test_missing_codes_are_numbers():
    assert parse_missing_codes("0; -9999") == (0.0, -9999.0)
    assert parse_missing_codes("") == ()
    with pytest.raises(JoinError, match="'minus' is not a number"):
        parse_missing_codes("0;minus")


def test_two_tables_one_column_name_each_gets_its_file_suffix(tmp_path, districts):
    a = _csv(tmp_path, "arbeit.csv", "id;name;quote\n01;A;1,5\n02;B;.\n03;C;3\n")
    b = _csv(tmp_path, "kinder.csv", "id;quote\n01;10\n02;20\n03;30\n")
    tables = [(str(p), t, key_column(t, ["id"], str(p)))
              for p, t in ((p, read_table(p, key_columns=["id"])) for p in (a, b))]
    lines = []
    run = join_tables(districts, "id", tables, JoinOptions(add_flags=True), ["fid", "id", "name"], log=lines.append)
    assert list(run.out.index) == [10, 11, 12]
    # 'name' is taken by the layer, the second 'quote' by the first table: both get a suffix
    assert run.out["quote"].tolist()[0] == 1.5 and np.isnan(run.out["quote"].iloc[1])
    assert run.out["quote_kinder"].tolist() == [10.0, 20.0, 30.0]
    assert run.out["name_arbeit"].tolist() == ["A", "B", "C"]
    assert run.out["quote_flag"].tolist()[1] is not None  # the '.' is kept as a flag, not as a number
    assert run.matched.all() and len(run.reports) == 2
    assert any("kinder.csv" in line for line in lines)


def test_a_failed_expectation_carries_the_reports_so_far(tmp_path, districts):
    a = _csv(tmp_path, "a.csv", "id;x\n01;1\n02;2\n03;3\n")
    b = _csv(tmp_path, "b.csv", "id;y\n91;1\n92;2\n93;3\n")
    tables = [(str(p), read_table(p, key_columns=["id"]), "id") for p in (a, b)]
    with pytest.raises(JoinExpectationError) as err:
        join_tables(districts, "id", tables, JoinOptions(min_match_percent=90), ["id"])
    assert [r.table for r in err.value.reports][0].endswith("a.csv") and len(err.value.reports) == 2


def test_long_table_is_pivoted_with_detected_columns(tmp_path, districts):
    path = _csv(tmp_path, "long.csv", "id;jahr;wert\n01;2019;1\n01;2021;2\n02;2019;3\n02;2021;4\n03;2019;5\n"
                                      "03;2021;6\n")
    table = read_table(path, key_columns=["id"])
    lines = []
    run = join_tables(districts, "id", [(str(path), table, "id")], JoinOptions(long=LongFormat()), ["id"],
                      log=lines.append)
    assert sorted(c for c in run.out.columns) == ["wert_2019", "wert_2021"]
    assert run.out["wert_2021"].tolist() == [2.0, 4.0, 6.0]
    assert any("Long format: columns found" in line for line in lines)


def test_key_column_names_the_file_and_its_columns(tmp_path):
    path = _csv(tmp_path, "t.csv", "schluessel;x\n01;1\n")
    table = read_table(path, key_columns=["id"], require_keys=False)
    with pytest.raises(TableError, match="t.csv: none of the key columns 'id' found. Columns: schluessel, x"):
        key_column(table, ["id"], str(path))
