"""Issue 13 items 1-2 in core (no QGIS): same-file checks, capped messages, complete files, stale staging."""
import errno
import os
import time

import pytest
from sozialmonitor.plugin.core.errors import ExportError
from sozialmonitor.plugin.core.outputs import atomic
from sozialmonitor.plugin.core.outputs.atomic import (
    atomic_path,
    cap_message,
    check_complete,
    sweep_stale,
    write_failure,
)
from sozialmonitor.plugin.core.outputs.not_inputs import check_outputs, same_file


def test_same_file_through_links_relative_paths_and_hard_links(tmp_path, monkeypatch):
    target = tmp_path / "a.gpkg"
    target.write_bytes(b"x")
    (tmp_path / "link.gpkg").symlink_to(target)
    os.link(target, tmp_path / "hard.gpkg")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert same_file(tmp_path / "link.gpkg", target)
    assert same_file(tmp_path / "hard.gpkg", target)
    assert same_file("../a.gpkg", target)
    assert same_file(str(tmp_path / "sub" / ".." / "a.gpkg"), target)
    assert not same_file(tmp_path / "b.gpkg", target)
    # two outputs that do not exist yet
    assert same_file(tmp_path / "new.csv", "../new.csv")
    assert not same_file(tmp_path / "new.csv", tmp_path / "new2.csv")


def test_case_only_differences_follow_the_file_system(tmp_path):
    target = tmp_path / "Daten.gpkg"
    target.write_bytes(b"x")
    probe = tmp_path / "DATEN.GPKG"
    expected = probe.exists()  # True only on a case-insensitive file system
    assert same_file(probe, target) is expected


def test_check_outputs_names_both_parameters_and_the_path(tmp_path):
    recipe = tmp_path / "r.json"
    recipe.write_text("{}")
    with pytest.raises(ExportError) as excinfo:
        check_outputs([("RECIPE", str(recipe))], [("OUTPUT", str(tmp_path / "o.gpkg")),
                                                  ("OUTPUT_DIAGNOSTICS", str(recipe))])
    message = str(excinfo.value)
    assert "OUTPUT_DIAGNOSTICS" in message and "RECIPE" in message and str(recipe) in message
    with pytest.raises(ExportError, match="OUTPUT and REPORT are the same file"):
        check_outputs([], [("OUTPUT", str(tmp_path / "x.csv")), ("REPORT", str(tmp_path / "x.csv"))])
    check_outputs([("INPUT", str(recipe))], [("OUTPUT", ""), ("REPORT", str(tmp_path / "x.csv"))])


def test_cap_message():
    text = "a" * 84000 + "\n" + "\n".join(f"line {i}" for i in range(30))
    capped = cap_message(text)
    lines = capped.splitlines()
    assert max(len(line) for line in lines) <= 300
    assert len(lines) == 11 and "21 more lines" in lines[-1]
    assert cap_message("short") == "short"


def test_write_failure_on_a_full_disk_says_how_much_was_free(tmp_path):
    err = write_failure(tmp_path / "o.gpkg", OSError(errno.ENOSPC, "No space left on device"), needed=5_000_000)
    assert "disk is full" in err.message and "free" in err.message and "5.0 MB needed" in err.message
    assert "o.gpkg" in err.message


def test_check_complete_refuses_empty_and_truncated_pdfs(tmp_path):
    pdf = tmp_path / "k.pdf"
    pdf.write_bytes(b"")
    with pytest.raises(ExportError, match="empty"):
        check_complete(pdf)
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj")
    with pytest.raises(ExportError, match="PDF is incomplete"):
        check_complete(pdf, target=tmp_path / "karte.pdf")
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    check_complete(pdf)


def test_atomic_path_keeps_the_old_file_when_the_new_one_is_empty(tmp_path):
    pdf = tmp_path / "k.pdf"
    pdf.write_bytes(b"%PDF old\n%%EOF\n")
    with pytest.raises(ExportError, match="k.pdf"):
        with atomic_path(pdf) as tmp:
            open(tmp, "wb").close()
    assert pdf.read_bytes() == b"%PDF old\n%%EOF\n"
    assert [p.name for p in tmp_path.iterdir()] == ["k.pdf"]


def test_sweep_removes_only_what_dead_processes_left(tmp_path):
    dead_pid = 2 ** 22 + 4321
    assert not atomic.pid_alive(dead_pid)
    dead = tmp_path / atomic.staging_name(pid=dead_pid)
    dead.mkdir()
    (dead / "big.gpkg").write_bytes(b"x" * 1000)
    dead_file = tmp_path / (atomic.staging_name(pid=dead_pid) + ".pdf")
    dead_file.write_bytes(b"x")
    alive = tmp_path / atomic.staging_name(pid=1)  # init: alive
    alive.mkdir()
    other_host = tmp_path / f".sozialmonitor-ffffffff-{dead_pid}-abc"
    other_host.mkdir()
    old_style = tmp_path / ".sozialmonitor-k2j3h4"
    old_style.mkdir()
    os.utime(old_style, (time.time() - 3600 * 24 * 400,) * 2)
    user_file = tmp_path / ".hidden_but_mine"
    user_file.write_text("keep")
    removed = sweep_stale(tmp_path)
    assert sorted(removed) == sorted([dead.name, dead_file.name, old_style.name])
    assert alive.exists() and other_host.exists() and user_file.exists()


def test_staging_of_this_process_in_use_is_kept(tmp_path):
    with atomic.staging_folder(tmp_path / "a.gpkg") as mine:
        sweep_stale(tmp_path)
        assert os.path.isdir(mine)
        leftover = tmp_path / atomic.staging_name()  # this process, but no longer in use (an earlier failure)
        leftover.mkdir()
        assert sweep_stale(tmp_path) == [leftover.name]
    assert list(tmp_path.iterdir()) == []
