"""CSV quoting and binary files (QA D7, D13) and the atomic overlay report (QA D4), without QGIS."""
import os

import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import ExportError, TableError
from sozialmonitor.plugin.core.spatial.overlay import write_report_csv
from sozialmonitor.plugin.core.tables import check_text_table, read_table

UNCLOSED = 'PLR_ID;EW;S1\n01011101;100;1,5\n"01011102;200;2,5\n01011103;300;3,5\n01011104;300;3,5\n'


def test_unclosed_quote_names_file_and_row(tmp_path):
    path = tmp_path / "u.csv"
    path.write_text(UNCLOSED, encoding="utf-8")
    # before the fix: 1 row read, the three rows below the quote silently swallowed into one cell
    with pytest.raises(TableError, match=r"u\.csv, row 3: a quote"):
        read_table(path, key_columns=["PLR_ID"])


def test_unclosed_quote_in_a_later_cell_and_after_title_rows(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('Tabelle 1\n\nPLR_ID;Name;EW\n01;a;1\n02;"b;2\n03;c;3\n', encoding="utf-8")
    with pytest.raises(TableError, match=r"t\.csv, row 5"):
        read_table(path, key_columns=["PLR_ID"])


def test_closed_quotes_still_read(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('PLR_ID;Name;EW\n01;"a; b";1\n02;"say ""hi""";2\n03;"two\nlines";3\n', encoding="utf-8")
    result = read_table(path, key_columns=["PLR_ID"])
    assert result.frame["PLR_ID"].tolist() == ["01", "02", "03"]
    assert result.frame["Name"].tolist() == ["a; b", 'say "hi"', "two\nlines"]
    assert result.frame["EW"].tolist() == [1.0, 2.0, 3.0]


def test_check_text_table_refuses_binary(tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(TableError, match=r"garbage\.csv contains binary data"):
        check_text_table(path)
    good = tmp_path / "good.csv"
    good.write_text("a;b\n1;2\n", encoding="utf-8")
    check_text_table(good)  # no error


def test_write_report_csv_unwritable_folder_names_file(tmp_path):
    frame = pd.DataFrame({"a": [1]})
    target = tmp_path / "missing" / "r.csv"
    with pytest.raises(ExportError, match=r"Cannot write .*missing/r\.csv: .*Choose another folder"):
        write_report_csv(frame, target)
    write_report_csv(frame, tmp_path / "r.csv")
    assert (tmp_path / "r.csv").read_text(encoding="utf-8-sig") == "a\n1\n"
    assert [p for p in os.listdir(tmp_path) if p.startswith(".")] == []


def test_check_text_table_on_a_cut_through_a_utf8_character(tmp_path):
    # the 64 KiB head ends in the middle of 'ü' (two bytes): still one encoding, no error
    line = "01011101;Frankfurter Allee Süd;1\n".encode()
    at = line.index("ü".encode())
    filler = "PLR;Name;EW\n01011100;Köpenick ".encode()  # a whole UTF-8 line with an umlaut before the cut
    filler += b"x" * (65535 - at - len(filler) - 3) + b";1\n"
    path = tmp_path / "gross.csv"
    path.write_bytes(filler + line * 3)
    assert len(filler) + at == 65535  # 'ü' starts at the last byte of the 64 KiB head
    check_text_table(path)
    assert read_table(path, key_columns=["PLR"]).frame["Name"].tolist()[-1] == "Frankfurter Allee Süd"
