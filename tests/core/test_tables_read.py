"""Reading indicator tables as statistics offices deliver them (issue 4, points 1, 2 and 8)."""
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import TableError
from sozialmonitor.plugin.core.tables import read_table

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "tables"
sys.path.insert(0, str(HERE))
import make_nasty  # noqa: E402


@pytest.fixture(scope="module")
def nasty(tmp_path_factory):
    return make_nasty.write_all(tmp_path_factory.mktemp("nasty"))


EXPECTED_GERMAN = {
    # key: (Arbeitslose, Anteil in %, SGB II-Quote)
    "01011101": (1234.0, 2.5, 12.3),
    "01011102": (None, None, None),
    "01011103": (12345.6, 3.1, 7.4),
    "01011104": (None, None, None),
    "02020201": (None, None, 5.0),
    "02020202": (987.0, 0.0, 4.25),
}


def _check_german(result):
    frame = result.frame
    assert list(frame.columns) == ["Schlüssel", "Planungsraum", "Arbeitslose", "Anteil in %", "SGB II-Quote"]
    assert frame["Schlüssel"].tolist() == list(EXPECTED_GERMAN)
    assert frame["Planungsraum"].iloc[4] == "Weißensee Süd"
    for row, key in enumerate(EXPECTED_GERMAN):
        for col, expected in zip(["Arbeitslose", "Anteil in %", "SGB II-Quote"], EXPECTED_GERMAN[key]):
            value = frame[col].iloc[row]
            if expected is None:
                assert math.isnan(value), (key, col, value)
            else:
                assert value == pytest.approx(expected), (key, col)
    assert result.report.header_rows == [4]
    assert [r for r, _t in result.report.title_rows] == [1, 2]
    assert [r for r, _t in result.report.footer_rows] == [12, 13, 14]
    assert result.row_numbers.tolist() == [5, 6, 7, 8, 9, 10]
    assert result.report.decimal == ","


@pytest.mark.parametrize("name,encoding,separator", [
    ("german_utf8_bom.csv", "UTF-8 with BOM", ";"),
    ("german_cp1252.csv", "Windows-1252", ";"),
    ("german_latin1_tab.txt", "Windows-1252", "\t"),  # Latin-1 bytes of German text are valid cp1252
    ("utf16_excel_unicode.txt", "UTF-16 with BOM (Excel 'Unicode text')", "\t"),
])
def test_german_table_all_encodings(nasty, name, encoding, separator):
    result = read_table(nasty[name], key_columns=["Schlüssel"])
    _check_german(result)
    assert result.report.encoding == encoding
    assert result.report.separator == separator


def test_suppressed_values_are_missing_with_flags_and_counted(nasty):
    result = read_table(nasty["german_utf8_bom.csv"], key_columns=["Schlüssel"])
    flags = result.flags
    codes = [v if isinstance(v, str) else None for v in flags["Arbeitslose"].astype(object).tolist()]
    assert codes == [None, ".", None, "/", "*", None]
    col = result.report.column("Anteil in %")
    assert col.missing == {"-": 1, "…": 1, "empty": 1}
    assert col.flagged_numbers == {"()": 1}
    sgb = result.report.column("SGB II-Quote")
    assert sgb.missing == {"x": 1, "•": 1}
    assert sgb.flagged_numbers == {"p": 1, "r": 1}
    assert result.report.column("Arbeitslose").conversions == {"thousands": 2}
    # never 0 for a symbol: the only 0 is the published 0,0
    assert (result.frame["Anteil in %"] == 0).sum() == 1


def test_key_columns_keep_leading_zeros_and_are_text(nasty):
    result = read_table(nasty["plain_comma.csv"], key_columns=["id"])
    assert result.frame["id"].tolist()[0] == "01011101"
    assert result.frame["id"].dtype == object
    assert result.frame["value"].dtype == np.float64
    assert result.report.separator == "," and result.report.decimal == "."
    # without declaring it, a column with leading zeros still stays text
    undeclared = read_table(nasty["plain_comma.csv"])
    assert undeclared.frame["id"].tolist()[0] == "01011101"
    assert "id" in undeclared.text_columns


def test_declared_key_is_never_a_number(nasty):
    result = read_table(nasty["lost_zeros.csv"], key_columns=["PLR"])
    assert result.frame["PLR"].tolist() == ["1011101", "1011102.0", "  01011103 ", "1011104", "2020201.0", "2020202"]


def test_two_header_rows_are_combined(nasty):
    result = read_table(nasty["two_header_rows.csv"], key_columns=["Kennziffer"])
    assert list(result.frame.columns) == ["Kennziffer", "Raumeinheit", "Quote 2017", "Quote 2018", "Quote 2019"]
    assert result.frame["Quote 2019"].tolist() == pytest.approx([0.3, 1.3, 2.3, 3.3, 4.3, 5.3])


def test_real_inkar_export():
    """The raw INKAR export: BOM, ';', decimal comma, quoted keys, indicator + year header rows."""
    result = read_table(HERE / "inkar_langzeitarbeitslose_kreis_raw.csv", key_columns=["Kennziffer"])
    frame = result.frame
    assert frame.shape == (401, 23)
    assert frame["Kennziffer"].iloc[0] == "01001"
    assert frame["Raumeinheit"].iloc[0] == "Flensburg, Stadt"
    assert frame["Langzeitarbeitslose 1998"].iloc[0] == pytest.approx(39.7)
    assert frame["Langzeitarbeitslose 2017"].iloc[-1] == pytest.approx(43.3)  # 16077 Altenburger Land
    assert result.report.header_rows == [1, 2]
    assert "16056" in set(frame["Kennziffer"])  # Eisenach (Gebietsstand 2020)


@pytest.mark.parametrize("name", ["nasty.xlsx", "nasty.ods"])
def test_spreadsheet_cover_sheet_title_footnote_and_numeric_keys(nasty, name):
    if name not in nasty:
        pytest.skip("odfpy (python3-odf) not installed")
    result = read_table(nasty[name], key_columns=["PLR"])
    assert result.report.sheet == "Daten 2019"
    assert result.report.header_rows == [3]
    assert [r for r, _t in result.report.footer_rows] == [11]
    # numbers in a key column: text without '.0'; lost zeros are reported, not guessed
    assert result.frame["PLR"].tolist() == ["1011101", "01011102", "1011103", "01011104", "2020201", "02020202"]
    assert "leading zeros" in result.report.column("PLR").note
    assert math.isnan(result.frame["Kinderarmut %"].iloc[1])
    assert result.report.column("Kinderarmut %").missing == {".": 1}
    assert result.frame["Einwohner"].tolist() == [1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0]
    assert result.row_numbers.tolist() == [4, 5, 6, 7, 8, 9]


def test_spreadsheet_sheet_choice(nasty):
    by_name = read_table(nasty["nasty.xlsx"], sheet="Daten 2019", key_columns=["PLR"])
    by_index = read_table(nasty["nasty.xlsx"], sheet=1, key_columns=["PLR"])
    assert by_name.frame.equals(by_index.frame)
    with pytest.raises(TableError, match="no sheet 'Daten 2020'.*Info, Daten 2019"):
        read_table(nasty["nasty.xlsx"], sheet="Daten 2020")


def test_overrides(nasty):
    result = read_table(nasty["german_utf8_bom.csv"], header_row=4, separator=";", decimal=",",
                        encoding="utf-8-sig", key_columns=["Schlüssel"])
    _check_german(result)
    assert result.report.encoding_reason == "given"
    with pytest.raises(TableError, match="cannot be read as utf-8: invalid byte at row 1"):
        read_table(nasty["german_cp1252.csv"], encoding="utf-8")


@pytest.mark.parametrize("name,message", [
    ("empty.csv", r"empty\.csv is empty"),
    ("blank_lines.csv", r"blank_lines\.csv is empty"),
    ("header_only.csv", r"header_only\.csv has a header but no data rows \(header row\(s\) 1\)"),
    ("binary.csv", r"binary\.csv contains binary data"),
    ("renamed_xlsx.csv", r"renamed_xlsx\.csv is a ZIP container"),
    ("not_a_workbook.xlsx", r"not_a_workbook\.xlsx is not a XLSX workbook"),
    ("ragged.csv", r"ragged\.csv, row 3: more cells than the header"),
    ("one_column.csv", r"one_column\.csv: no column separator found"),
])
def test_bad_files_give_clear_errors(nasty, name, message):
    with pytest.raises(TableError, match=message):
        read_table(nasty[name])


def test_missing_file_and_unknown_key_column(nasty, tmp_path):
    with pytest.raises(TableError, match="does not exist"):
        read_table(tmp_path / "nope.csv")
    with pytest.raises(TableError, match="key column 'AGS' not found in .*Columns: id, name, value"):
        read_table(nasty["plain_comma.csv"], key_columns=["AGS"])


def test_mixed_encodings_name_the_rows(tmp_path):
    path = tmp_path / "gemischt.csv"
    path.write_bytes("PLR;Straße;EW\n01011101;Müllerstraße;1\n01011102;Königsweg;2\n".encode()
                     + "01011103;Lützowstraße;3\n".encode("cp1252") + b"01011104;Ring;4\n")
    with pytest.raises(TableError, match=r"gemischt\.csv mixes two encodings: 3 rows with umlauts are UTF-8, but "
                                         r"1 rows are not \(rows 4; probably Windows-1252\)"):
        read_table(path, key_columns=["PLR"])
    # a file that is Windows-1252 throughout is still read
    path.write_bytes("PLR;Straße;EW\n01011103;Lützowstraße;3\n".encode("cp1252"))
    assert read_table(path, key_columns=["PLR"]).frame["Straße"].tolist() == ["Lützowstraße"]


@pytest.mark.parametrize("text, expected", [
    # three decimals everywhere: 0.125 can only be a decimal point, so 12.500 is 12.5, not 12500
    ("PLR;Anteil;Quote\n01011101;0.125;12.500\n01011102;0.250;7.250\n", {"Anteil": [0.125, 0.25],
                                                                         "Quote": [12.5, 7.25]}),
    # a ','-separated file with quoted decimal commas
    ('PLR,Anteil\n01011101,"0,125"\n01011102,"0,5"\n', {"Anteil": [0.125, 0.5]}),
    # German thousands stay thousands
    ("PLR;EW\n01011101;1.234\n01011102;12.500\n", {"EW": [1234.0, 12500.0]}),
])
def test_a_leading_zero_group_is_never_thousands(tmp_path, text, expected):
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    frame = read_table(path, key_columns=["PLR"]).frame
    for column, values in expected.items():
        assert frame[column].tolist() == values, column


def test_other_decimal_sign_in_a_german_column_is_read_and_reported(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("PLR;Anteil\n01011101;1,5\n01011102;2,5\n01011103;0.125\n", encoding="utf-8")
    result = read_table(path, key_columns=["PLR"])
    assert result.frame["Anteil"].tolist() == [1.5, 2.5, 0.125]  # not 125
    assert any("decimal separator different from the rest of the table" in line for line in result.report.to_lines())


def test_text_in_a_number_column_is_missing_and_listed_with_row(nasty):
    result = read_table(nasty["text_in_numbers.csv"], key_columns=["PLR"])
    assert result.frame["Wert"].tolist()[0] == 1.5 and math.isnan(result.frame["Wert"].iloc[1])
    assert result.report.column("Wert").invalid_examples == [(3, "siehe Anm.")]
    assert any("row 3: 'siehe Anm.' is not a number" in line for line in result.report.to_lines())


@pytest.mark.slow
def test_50_mb_table(tmp_path):
    path, n_rows, n_dots = make_nasty.write_big_csv(tmp_path / "big.csv")
    assert path.stat().st_size >= 50 * 1024 * 1024
    result = read_table(path, key_columns=["Schlüssel"])
    assert result.frame.shape == (n_rows, 22)
    assert result.frame["Schlüssel"].iloc[-1] == f"{n_rows - 1:08d}"
    assert result.report.column("V01").missing == {".": n_dots}
    assert result.report.encoding == "Windows-1252"
    assert [t for _r, t in result.report.footer_rows] == ["Quelle: synthetisch"]
    assert result.report.footer_rows[0][0] == n_rows + 3
    # and joined: 1,000 districts, one without a row; every other table row is reported as without district
    from sozialmonitor.plugin.core.join.match import join_table

    keys = [f"{i:08d}" for i in range(999)] + ["99999999"]
    districts = pd.DataFrame({"key": keys}, index=pd.RangeIndex(1000, name="fid"))
    joined = join_table(districts, "key", result, "Schlüssel")
    assert joined.report.n_matched_districts == 999
    assert [d["key"] for d in joined.report.districts_without_data] == ["99999999"]
    assert joined.report.n_rows_without_district == n_rows - 999
    table_v01 = result.frame.set_index("Schlüssel")["V01"]
    got = pd.Series(joined.frame["V01"].to_numpy()[:999], index=keys[:999])
    pd.testing.assert_series_equal(got, table_v01.loc[keys[:999]], check_names=False, check_index=False)


def test_formulas_without_stored_result_are_named(tmp_path):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Formel"
    sheet.append(["PLR", "A", "B", "W"])
    sheet.append(["01011101", 1, 2, "=B2+C2"])  # openpyxl stores the formula, never its result
    sheet.append(["01011102", 3, 4, "=B3+C3"])
    book.save(tmp_path / "formeln.xlsx")
    result = read_table(tmp_path / "formeln.xlsx", key_columns=["PLR"])
    assert result.frame["W"].isna().all()
    text = "\n".join(result.report.to_lines())
    assert "sheet 'Formel': 2 cells hold a formula without a stored result and are read as empty (D2, D3)" in text


def test_currency_signs_are_removed_and_reported(tmp_path):
    path = tmp_path / "euro.csv"
    path.write_text("PLR;Einkommen\n01011101;1.234,50 €\n01011102;980 EUR\n01011103;12,5\n", encoding="utf-8")
    result = read_table(path, key_columns=["PLR"])
    assert result.frame["Einkommen"].tolist() == [1234.5, 980.0, 12.5]
    assert "currency sign (€, EUR) removed" in "\n".join(result.report.to_lines())
