"""Issue 13, items 1 and 2: outputs never touch inputs; write errors are failures.

Each case is what a user could do by mistake (an output that is an input under another spelling, a full
disk, a table with 5,000 columns, a killed run) and asserts what the user would notice: the run fails
with one short message naming the parameters and the path, and no file is lost or left half-written.
"""
import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
MSS = FIXTURES / "mss2019" / "mss2019_plr_grid.gpkg"
RECIPE = ROOT / "resources" / "recipes" / "berlin_mss_2019.json"
SAMPLE = ROOT / "resources" / "sample" / "berlin_lor_2019.gpkg"
TABLE = ROOT / "resources" / "sample" / "mss2019_index_indicators_shares_plr.csv"
sys.path.insert(0, str(FIXTURES / "maps"))
import maps_testing as mt  # noqa: E402


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def layers(path):
    ds = ogr.Open(str(path))
    assert ds is not None, f"{path} does not open"
    return {ds.GetLayer(i).GetName(): ds.GetLayer(i).GetFeatureCount() for i in range(ds.GetLayerCount())}


def staging_left(folder):
    return [p.name for p in Path(folder).iterdir() if p.name.startswith(".")]


def join_params(inp, out, **extra):
    params = {"INPUT": inp, "INPUT_KEY": "id", "TABLE": str(TABLE), "TABLE_KEY": "PLR_ID", "OUTPUT": str(out)}
    params.update(extra)
    return params


def index_params(inp, out, **extra):
    params = {"INPUT": inp, "RECIPE": str(RECIPE), "OUTPUT": str(out), "DROP_ONE": False}
    params.update(extra)
    return params


@pytest.fixture
def sample(tmp_path):
    """A copy of the two-layer sample (planungsraeume, bezirke)."""
    path = tmp_path / "lor.gpkg"
    shutil.copy(SAMPLE, path)
    return path


@pytest.fixture
def mss(tmp_path):
    path = tmp_path / "mss.gpkg"
    shutil.copy(MSS, path)
    return path


def _assert_refused(excinfo, *names):
    message = str(excinfo.value)
    for name in names:
        assert name in message, message
    assert len(max(message.splitlines(), key=len)) <= 300


# ------------------------------------------------------------------ item 1: outputs never touch inputs
def test_join_output_is_the_input_geopackage_refused(run, sample):
    before = digest(sample)
    with pytest.raises(QgsProcessingException) as excinfo:
        run("join_table", join_params(f"{sample}|layername=planungsraeume", sample))
    _assert_refused(excinfo, "OUTPUT", "INPUT", str(sample))
    assert digest(sample) == before
    assert layers(sample) == {"planungsraeume": 448, "bezirke": 12}


def test_compute_index_output_is_the_input_geopackage_refused(run, mss):
    before = digest(mss)
    with pytest.raises(QgsProcessingException) as excinfo:
        run("compute_index", index_params(f"{mss}|layername=plr_table", mss))
    _assert_refused(excinfo, "OUTPUT", "INPUT", str(mss))
    assert digest(mss) == before


def test_output_uri_with_layername_into_the_input_refused(run, sample):
    before = digest(sample)
    with pytest.raises(QgsProcessingException) as excinfo:
        run("join_table", join_params(f"{sample}|layername=planungsraeume",
                                      f"ogr:dbname='{sample}' table=\"joined\" (geom)"))
    _assert_refused(excinfo, "OUTPUT", "INPUT")
    assert digest(sample) == before


def test_diagnostics_on_the_recipe_refused(run, tmp_path):
    recipe = tmp_path / "recipe.json"
    shutil.copy(RECIPE, recipe)
    before = digest(recipe)
    with pytest.raises(QgsProcessingException) as excinfo:
        run("compute_index", index_params(f"{MSS}|layername=plr_table", tmp_path / "o.gpkg",
                                          RECIPE=str(recipe), OUTPUT_DIAGNOSTICS=str(recipe)))
    _assert_refused(excinfo, "OUTPUT_DIAGNOSTICS", "RECIPE", str(recipe))
    assert digest(recipe) == before
    assert not (tmp_path / "o.gpkg").exists()


def test_join_output_is_the_input_csv_refused(run, tmp_path):
    table = tmp_path / "t.csv"
    shutil.copy(TABLE, table)
    before = digest(table)
    for key in ("OUTPUT", "REPORT"):
        params = join_params(f"{SAMPLE}|layername=planungsraeume", tmp_path / "j.gpkg", TABLE=str(table))
        params[key] = str(table)
        with pytest.raises(QgsProcessingException) as excinfo:
            run("join_table", params)
        _assert_refused(excinfo, key, "TABLE", str(table))
        assert digest(table) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]


def test_symlink_to_the_input_refused(run, sample, tmp_path):
    link = tmp_path / "looks_new.gpkg"
    link.symlink_to(sample)
    before = digest(sample)
    with pytest.raises(QgsProcessingException) as excinfo:
        run("join_table", join_params(f"{sample}|layername=planungsraeume", link))
    _assert_refused(excinfo, "OUTPUT", "INPUT")
    assert digest(sample) == before and link.is_symlink()


def test_relative_output_path_resolving_to_the_input_refused(run, sample, tmp_path, monkeypatch):
    sub = tmp_path / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    before = digest(sample)
    with pytest.raises(QgsProcessingException) as excinfo:
        run("join_table", join_params(f"{sample}|layername=planungsraeume", Path("..") / "lor.gpkg"))
    _assert_refused(excinfo, "OUTPUT", "INPUT")
    assert digest(sample) == before


def test_two_outputs_on_one_file_refused(run, tmp_path):
    out = tmp_path / "j.csv"
    with pytest.raises(QgsProcessingException) as excinfo:
        run("join_table", join_params(f"{SAMPLE}|layername=planungsraeume", out, REPORT=str(out)))
    _assert_refused(excinfo, "OUTPUT", "REPORT")
    assert list(tmp_path.iterdir()) == []


def test_writing_into_an_existing_geopackage_keeps_its_other_layers(run, sample, tmp_path):
    # sample is not an input here: the join reads the original; the result goes into the copy as a new layer
    result = run("join_table", join_params(f"{SAMPLE}|layername=planungsraeume",
                                           f"{sample}|layername=joined"))
    assert result["MATCHED"] == 447
    assert layers(sample) == {"planungsraeume": 448, "bezirke": 12, "joined": 448}
    # again, now replacing only that layer
    run("join_table", join_params(f"{SAMPLE}|layername=planungsraeume", f"{sample}|layername=joined"))
    assert layers(sample) == {"planungsraeume": 448, "bezirke": 12, "joined": 448}
    # a plain path writes the layer named after the file, the others survive
    run("compute_index", index_params(f"{MSS}|layername=plr_table", sample))
    found = layers(sample)
    assert found["bezirke"] == 12 and found["planungsraeume"] == 448 and found["joined"] == 448
    assert found["lor"] == 447
    assert staging_left(tmp_path) == []


# ------------------------------------------------------------------ item 2: write errors are failures
def test_5000_columns_fail_clearly(run, tmp_path):
    table = tmp_path / "wide.csv"
    header = ["PLR_ID"] + [f"v{i}" for i in range(5000)]
    rows = [";".join(header)]
    keys = [line.split(",")[0] for line in TABLE.read_text(encoding="utf-8-sig").splitlines()[1:30]]
    for key in keys:
        rows.append(";".join([key] + ["1"] * 5000))
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "j.gpkg"
    out.write_bytes(b"previous")
    with pytest.raises(QgsProcessingException) as excinfo:
        run("join_table", join_params(f"{SAMPLE}|layername=planungsraeume", out, TABLE=str(table),
                                      REPORT="", MIN_MATCH_PERCENT=1))  # 29 districts on purpose
    message = str(excinfo.value)
    assert "5" in message and "column" in message.lower() and str(out) in message
    assert max(len(line) for line in message.splitlines()) <= 300
    assert out.read_bytes() == b"previous"
    assert staging_left(tmp_path) == []


def test_long_error_lines_are_capped(run, tmp_path):
    table = tmp_path / "wide.csv"
    table.write_text(";".join(f"spalte_nummer_{i}" for i in range(3000)) + "\n" +
                     ";".join("1" for _ in range(3000)) + "\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as excinfo:
        run("join_table", join_params(f"{SAMPLE}|layername=planungsraeume", tmp_path / "j.gpkg",
                                      TABLE=str(table), TABLE_KEY="nope"))
    message = str(excinfo.value)
    assert "nope" in message
    assert max(len(line) for line in message.splitlines()) <= 300


# ---- a full disk: a 2 MB tmpfs holding the previous result
@pytest.fixture
def small_disk():
    folder = tempfile.mkdtemp(prefix="sozialmonitor-tmpfs-")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", folder], capture_output=True, text=True)
    if proc.returncode != 0:
        os.rmdir(folder)
        pytest.skip("mounting a 2 MB tmpfs is not permitted here (needs root): " + (proc.stderr.strip() or "?"))
    try:
        yield Path(folder)
    finally:
        subprocess.run(["umount", folder], capture_output=True)
        os.rmdir(folder)


def _fill(folder, leave):
    """Fill ``folder``'s file system up to ``leave`` bytes free."""
    free = shutil.disk_usage(folder).free
    with open(folder / "filler.bin", "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


@pytest.mark.parametrize("previous", [b"the previous result", None], ids=["replace", "new-file-fast-path"])
def test_compute_index_on_a_full_disk_fails_and_keeps_the_old_result(run, small_disk, previous):
    out = small_disk / "result.gpkg"
    if previous is not None:
        out.write_bytes(previous)  # an existing target: the generic path (layer_io) writes the layer
    _fill(small_disk, 120_000)
    with pytest.raises(QgsProcessingException) as excinfo:
        run("compute_index", index_params(f"{MSS}|layername=plr", out))
    message = str(excinfo.value)
    assert str(out) in message and "free" in message, message
    assert max(len(line) for line in message.splitlines()) <= 300
    if previous is None:
        assert not out.exists()
    else:
        assert out.read_bytes() == previous
    assert staging_left(small_disk) == []


def test_export_map_on_a_full_disk_fails_and_keeps_the_old_pdf(run, small_disk):
    pdf = small_disk / "karte.pdf"
    pdf.write_bytes(b"%PDF-1.4 previous\n%%EOF\n")
    _fill(small_disk, 20_000)
    with pytest.raises(QgsProcessingException) as excinfo:
        run("export_map", {"INPUT": mt.RESULT, "FIELD": "status_class", "RECIPE": str(mt.RECIPE_2019),
                           "DPI": 100, "OUTPUT_PDF": str(pdf)})
    message = str(excinfo.value)
    assert str(pdf) in message, message
    assert pdf.read_bytes() == b"%PDF-1.4 previous\n%%EOF\n"
    assert staging_left(small_disk) == []


# ---- a killed run
KILLED = r"""
import sys
from qgis.core import QgsApplication, QgsProcessingFeedback
app = QgsApplication([], False)
app.initQgis()
sys.path.insert(0, "/usr/share/qgis/python/plugins")
import processing
from processing.core.Processing import Processing
Processing.initialize()
import importlib.util
spec = importlib.util.spec_from_file_location("sozialmonitor", sys.argv[4] + "/__init__.py",
                                              submodule_search_locations=[sys.argv[4]])
module = importlib.util.module_from_spec(spec)
sys.modules["sozialmonitor"] = module
spec.loader.exec_module(module)
from sozialmonitor.plugin.processing.provider import register_provider
register_provider()

class Slow(QgsProcessingFeedback):
    def setProgressText(self, text):
        super().setProgressText(text)
        if text.startswith("Writing"):
            print("WRITING", flush=True)
            import time
            time.sleep(600)

processing.run("sozialmonitor:join_table", {"INPUT": sys.argv[1], "INPUT_KEY": "id", "TABLE": sys.argv[2],
               "TABLE_KEY": "PLR_ID", "OUTPUT": sys.argv[3]}, feedback=Slow())
"""


def test_killed_run_leaves_staging_that_the_next_run_removes(run, tmp_path):
    out = tmp_path / "j.gpkg"
    script = tmp_path / "killed.py"
    script.write_text(KILLED, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.Popen([sys.executable, str(script), f"{SAMPLE}|layername=planungsraeume", str(TABLE),
                             str(out), str(ROOT)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
                            cwd=str(tmp_path))
    try:
        deadline = time.time() + 120
        line = ""
        while time.time() < deadline and "WRITING" not in line:
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                break
        assert "WRITING" in line, proc.stderr.read()
        # the writer is busy with features now: the staging folder exists next to the target
        for _ in range(100):
            if staging_left(tmp_path):
                break
            time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        proc.stdout.close()
        proc.stderr.close()
    left = staging_left(tmp_path)
    assert left, "the killed run should have left its staging folder"
    assert not out.exists()
    run("join_table", join_params(f"{SAMPLE}|layername=planungsraeume", out))
    assert staging_left(tmp_path) == []
    assert layers(out) == {"j": 448}


def test_staging_of_a_running_process_is_kept(run, tmp_path):
    # a folder owned by a live process (here: this one, for another output still being written) survives
    from sozialmonitor.plugin.core.outputs import atomic

    with atomic.staging_folder(tmp_path / "other.gpkg") as live:
        run("join_table", join_params(f"{SAMPLE}|layername=planungsraeume", tmp_path / "j.gpkg"))
        assert Path(live).is_dir()
    assert staging_left(tmp_path) == []


def test_cancelled_run_leaves_no_staging(run, tmp_path):
    class Cancelling(QgsProcessingFeedback):
        def setProgressText(self, text):  # noqa: N802
            super().setProgressText(text)
            if text.startswith("Writing"):
                self.cancel()

    out = tmp_path / "j.gpkg"
    run("join_table", join_params(f"{SAMPLE}|layername=planungsraeume", out), feedback=Cancelling())
    assert not out.exists()
    assert staging_left(tmp_path) == []


def test_unwritable_folder_fails_before_reading(run, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    mounted = False
    if os.geteuid() == 0:  # root ignores permissions: a read-only file system then
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
                                 capture_output=True).returncode == 0
        if not mounted:
            pytest.skip("as root, a read-only folder needs a read-only mount, which is not permitted here")
    else:
        folder.chmod(0o500)
    try:
        with pytest.raises(QgsProcessingException, match="Cannot write .*/ro/.*(Read-only|denied)"):
            run("join_table", join_params(f"{SAMPLE}|layername=planungsraeume", folder / "j.gpkg"))
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], capture_output=True)
        else:
            folder.chmod(0o700)


def test_gpkg_written_is_verified_complete(run, tmp_path):
    out = tmp_path / "j.gpkg"
    run("join_table", join_params(f"{SAMPLE}|layername=planungsraeume", out))
    con = sqlite3.connect(str(out))
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute('SELECT count(*) FROM "j"').fetchone()[0] == 448
    finally:
        con.close()


# ---- the same through qgis_process: the exit status is what scripts and schedulers see
@pytest.fixture(scope="module")
def qgis_process(tmp_path_factory):
    """Run qgis_process with this checkout as plugin, in a throw-away profile (HOME) that enables it."""
    exe = shutil.which("qgis_process.bin") or shutil.which("qgis_process")  # Debian's wrapper breaks 3.22
    if exe is None:
        pytest.skip("no qgis_process executable on PATH")
    home = tmp_path_factory.mktemp("home")
    plugins = tmp_path_factory.mktemp("plugins")
    (plugins / "sozialmonitor").symlink_to(ROOT)
    runtime = tmp_path_factory.mktemp("xdg")
    runtime.chmod(0o700)
    env = dict(os.environ, HOME=str(home), QGIS_PLUGINPATH=str(plugins), QT_QPA_PLATFORM="offscreen",
               XDG_RUNTIME_DIR=str(runtime), SOZIALMONITOR_LANG="en")
    subprocess.run([exe, "plugins", "enable", "sozialmonitor"], env=env, capture_output=True, timeout=300)

    def _run(alg, params):
        args = [exe, "run", "sozialmonitor:" + alg] + [f"--{k}={v}" for k, v in params.items()]
        return subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)

    return _run


@pytest.mark.parametrize("inp", [f"{MSS}|layername=plr", str(TABLE)], ids=["gpkg", "csv"])
def test_qgis_process_full_disk_exit_status(qgis_process, small_disk, inp):
    out = small_disk / "result.gpkg"
    out.write_bytes(b"the previous result")
    _fill(small_disk, 120_000)
    proc = qgis_process("compute_index", {"INPUT": inp, "RECIPE": RECIPE, "OUTPUT": out, "DROP_ONE": "false"})
    assert proc.returncode != 0, proc.stdout[-2000:]
    assert "disk is full" in proc.stdout + proc.stderr and " free" in proc.stdout + proc.stderr
    assert "N_EVALUATED" not in proc.stdout
    assert out.read_bytes() == b"the previous result"
    assert staging_left(small_disk) == []


def test_qgis_process_output_on_the_input_exit_status(qgis_process, sample):
    before = digest(sample)
    proc = qgis_process("join_table", join_params(f"{sample}|layername=planungsraeume", sample))
    assert proc.returncode != 0
    assert "would overwrite the input INPUT" in proc.stdout + proc.stderr
    assert digest(sample) == before


def test_export_map_pdf_on_the_input_layer_or_the_recipe_refused(run, tmp_path):
    result = tmp_path / "result.gpkg"
    shutil.copy(mt.FIXTURE, result)
    recipe = tmp_path / "recipe.json"
    shutil.copy(mt.RECIPE_2019, recipe)
    before = digest(result), digest(recipe)
    for key, target, other in (("OUTPUT_PDF", result, "INPUT"), ("OUTPUT_PROJECT", recipe, "RECIPE")):
        params = {"INPUT": f"{result}|layername=result", "FIELD": "status_class", "RECIPE": str(recipe),
                  "DPI": 100, "OUTPUT_PDF": str(tmp_path / "k.pdf")}
        params[key] = str(target)
        with pytest.raises(QgsProcessingException) as excinfo:
            run("export_map", params)
        _assert_refused(excinfo, key, other)
    assert (digest(result), digest(recipe)) == before
    assert not (tmp_path / "k.pdf").exists()


def test_geopackage_being_edited_elsewhere_is_not_replaced(run, sample):
    # another program writes the GeoPackage (its write-ahead log holds changes): replacing the file would let
    # that log corrupt the new one
    writer = sqlite3.connect(str(sample))
    try:
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("CREATE TABLE notes (t TEXT)")
        writer.execute("INSERT INTO notes VALUES ('unsaved edit')")
        writer.commit()
        assert Path(str(sample) + "-wal").stat().st_size > 0
        with pytest.raises(QgsProcessingException, match="being edited"):
            run("join_table", join_params(f"{SAMPLE}|layername=planungsraeume",
                                          f"{sample}|layername=joined"))
    finally:
        writer.close()
    assert "joined" not in layers(sample)


def test_compute_index_outputs_on_the_input_csv_refused(run, tmp_path):
    table = tmp_path / "indikatoren.csv"
    shutil.copy(TABLE, table)
    before = digest(table)
    for key in ("OUTPUT", "OUTPUT_DIAGNOSTICS"):
        params = index_params(str(table), tmp_path / "o.gpkg")
        params[key] = str(table)
        with pytest.raises(QgsProcessingException) as excinfo:
            run("compute_index", params)
        _assert_refused(excinfo, key, "INPUT", str(table))
    assert digest(table) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["indikatoren.csv"]
