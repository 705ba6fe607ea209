"""core/files: complete-or-absent writes and the up-front writability check, without QGIS."""
import os
import stat

import pandas as pd
import pytest
from sozialmonitor.plugin.core.errors import ExportError, RecipeError
from sozialmonitor.plugin.core.outputs.atomic import atomic_path, check_writable, write_csv


def test_atomic_path_replaces_only_when_complete(tmp_path):
    target = tmp_path / "t.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            with open(tmp, "w") as handle:
                handle.write("half")
            raise RuntimeError("writer failed")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.txt"]  # no temporary file left
    with atomic_path(target) as tmp:
        assert not os.path.exists(tmp) and tmp.endswith(".txt")  # free name, same suffix
        with open(tmp, "w") as handle:
            handle.write("new")
    assert target.read_text() == "new"


def test_atomic_path_gives_normal_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_csv(pd.DataFrame({"a": [1]}), tmp_path / "r.csv")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "r.csv").st_mode) == 0o644  # not mkstemp's 0600


def test_write_csv_opens_in_german_excel(tmp_path):
    write_csv(pd.DataFrame({"Gebiet": ["Mitte"], "Wert": [1.5]}), tmp_path / "r.csv")
    raw = (tmp_path / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.decode("utf-8-sig") == "Gebiet;Wert\nMitte;1.5\n"


def test_atomic_path_missing_folder_names_the_file(tmp_path):
    with pytest.raises(ExportError, match=r"Cannot write .*nope/x\.pdf: .*Choose another folder"):
        with atomic_path(tmp_path / "nope" / "x.pdf"):
            pass
    with atomic_path(tmp_path / "made" / "x.pdf", create_folders=True) as tmp:
        with open(tmp, "w") as handle:
            handle.write("%PDF-1.4\n%%EOF\n")
    assert (tmp_path / "made" / "x.pdf").exists()


def test_check_writable(tmp_path):
    check_writable("")  # optional output not asked for
    check_writable(tmp_path / "a.csv")
    check_writable(tmp_path / "new" / "deeper" / "a.csv", create_folders=True)
    assert not (tmp_path / "new").exists()  # checks, creates nothing
    with pytest.raises(ExportError, match=r"new/a\.csv: the folder .*new does not exist"):
        check_writable(tmp_path / "new" / "a.csv")
    (tmp_path / "afile").write_text("x")
    with pytest.raises(ExportError, match=r"afile/a\.csv: .*afile is a file, not a folder"):
        check_writable(tmp_path / "afile" / "a.csv", create_folders=True)
    with pytest.raises(ExportError, match=r"it is a folder"):
        check_writable(tmp_path)
    with pytest.raises(RecipeError):
        check_writable(tmp_path / "new" / "r.json", error=RecipeError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]
