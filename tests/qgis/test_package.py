"""make package: the plugin ZIP and plugins.xml, and the ZIP installed into a fresh QGIS profile.

The package is built by the same command ``make package`` runs (``/usr/bin/python3 scripts/package.py``)
into a temporary folder. The installation runs in subprocesses that see only the profile: the
system's ``/usr/bin/python3 -I`` (no repository, virtualenv or PYTHONPATH on sys.path) and
``qgis_process.bin`` (QGIS's own Python), both with a clean environment and a throw-away HOME.
"""
import configparser
import csv
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "scripts" / "package.py"
CHECK = Path(__file__).resolve().parent / "profile_install_check.py"
OFFICIAL_2019 = ROOT / "tests" / "fixtures" / "mss2019" / "mss2019_indices_official_plr.csv"
SHIPPED_FOLDERS = ("plugin", "ui", "resources")
# Parts of the repository a user never needs in QGIS.
FORBIDDEN_TOP = {"tests", "bench", "scripts", "docs", "build", "dist", ".venv", ".ci", ".git", ".gitignore",
                 ".pytest_cache", ".ruff_cache", "Makefile", "README.md", "pyproject.toml", "requirements-dev.txt"}


def metadata():
    meta = configparser.ConfigParser(interpolation=None)
    meta.optionxform = str
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    return meta["general"]


def tracked(prefixes=SHIPPED_FOLDERS):
    """The files git tracks under prefixes. The CI lanes test a copy of the working tree without git
    (what git tracks or would track): there, the files present (no caches, no .qm)."""
    if (ROOT / ".git").exists() and shutil.which("git"):
        names = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], check=True, capture_output=True,
                               text=True).stdout.split("\0")
    else:
        names = [p.relative_to(ROOT).as_posix() for prefix in prefixes for p in (ROOT / prefix).rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".qm")]
    return sorted(n for n in names if n and n.split("/")[0] in prefixes)


def build(dist, *args, check=True):
    proc = subprocess.run(["/usr/bin/python3", str(PACKAGE), "--dist", str(dist)] + list(args),
                          capture_output=True, text=True, timeout=120, env=dict(os.environ, REPO_URL=""))
    if check:
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def clean_env(base, **extra):
    """What a user's QGIS sees: no PYTHONPATH, no virtualenv, no QGIS_PLUGINPATH, its own HOME."""
    home, runtime = base / "home", base / "runtime"
    home.mkdir(exist_ok=True)
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "TMPDIR": str(base),
           "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime)}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    proc = build(dist)
    version = metadata()["version"]
    return {"dist": dist, "zip": dist / f"sozialmonitor-{version}.zip", "xml": dist / "plugins.xml",
            "version": version, "stdout": proc.stdout}


def test_zip_has_one_top_folder_with_the_plugin(package):
    with zipfile.ZipFile(package["zip"]) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        files = {n[len("sozialmonitor/"):]: archive.read(n) for n in names if not n.endswith("/")}
    assert all(n.startswith("sozialmonitor/") for n in names)
    for required in ["metadata.txt", "__init__.py", "LICENSE", "plugin/__init__.py", "plugin/gui/plugin.py",
                     "plugin/processing/provider.py", "ui/step_compute.ui", "resources/recipes/berlin_mss_2019.json",
                     "resources/icons/sozialmonitor.svg", "resources/i18n/sozialmonitor_de.qm"]:
        assert required in files, required
    # exactly the tracked plugin files plus the compiled translations, byte for byte as in the checkout
    qm = sorted(n[:-3] + ".qm" for n in tracked(("resources",))
                if n.startswith("resources/i18n/") and n.endswith(".ts"))
    assert qm, "no translation catalogue tracked"
    # plus the web atlas's map library, built by scripts/fetch_web_vendor.sh (not in git), and without the
    # npm lock files it is built from (resources/web/vendor-src)
    vendor = {p.relative_to(ROOT).as_posix() for p in (ROOT / "resources" / "web" / "vendor").rglob("*")
              if p.is_file() and not p.name.startswith(".")}
    assert "resources/web/vendor/leaflet/leaflet.js" in vendor and "resources/web/vendor/leaflet/LICENSE" in vendor
    # (without git, tracked() lists the files present: the built vendor folder counts through `vendor` only)
    expected = {n for n in tracked() if "/vendor-src/" not in n and not n.startswith("resources/web/vendor/")} \
        | set(qm) | vendor | {
        "metadata.txt", "__init__.py", "LICENSE"}
    assert set(files) == expected
    for name in expected:
        assert files[name] == (ROOT / name).read_bytes(), name
    for name in files:
        parts = name.split("/")
        assert parts[0] not in FORBIDDEN_TOP, name
        assert "__pycache__" not in parts and not name.endswith((".pyc", ".pyo")), name


def test_zip_is_reproducible_and_sorted(package, tmp_path):
    again = build(tmp_path / "again")
    assert "sozialmonitor-{}.zip".format(package["version"]) in again.stdout
    second = tmp_path / "again" / package["zip"].name
    assert hashlib.sha256(second.read_bytes()).digest() == hashlib.sha256(package["zip"].read_bytes()).digest()
    with zipfile.ZipFile(package["zip"]) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert len({i.date_time for i in infos}) == 1
    assert {i.external_attr >> 16 for i in infos if not i.is_dir()} == {0o100644}
    # nothing left over from the atomic writes
    assert sorted(p.name for p in package["dist"].iterdir()) == sorted(
        [package["zip"].name, "plugins.xml", "sozialmonitor.svg"])


def _plugin_entry(xml_path):
    root = ET.parse(xml_path).getroot()
    assert root.tag == "plugins"
    entries = root.findall("pyqgis_plugin")
    assert len(entries) == 1
    return entries[0]


def test_plugins_xml_describes_the_zip(package):
    meta = metadata()
    entry = _plugin_entry(package["xml"])
    assert entry.get("name") == meta["name"] == "Sozialmonitor"
    assert entry.get("version") == entry.findtext("version") == meta["version"]
    assert entry.findtext("qgis_minimum_version") == meta["qgisMinimumVersion"]
    maximum = meta.get("qgisMaximumVersion", meta["qgisMinimumVersion"].split(".")[0] + ".99")
    assert entry.findtext("qgis_maximum_version") == maximum
    for tag in ["description", "about", "homepage", "author_name", "uploaded_by", "create_date", "update_date",
                "experimental", "deprecated", "tracker", "repository", "tags", "icon", "download_url", "file_name"]:
        assert (entry.findtext(tag) or "").strip(), tag
    assert entry.findtext("description") == meta["description"]
    assert entry.findtext("experimental") == meta["experimental"]
    # QGIS names the installed plugin after file_name up to its first dot: it must be the ZIP's top folder.
    assert entry.findtext("file_name") == "sozialmonitor.{}.zip".format(meta["version"])
    assert entry.findtext("file_name").partition(".")[0] == "sozialmonitor"
    # Default: QGIS does not resolve relative download URLs, so it is the file:// address of the dist folder.
    assert entry.findtext("download_url") == package["zip"].resolve().as_uri()
    assert entry.findtext("icon") == (package["dist"] / "sozialmonitor.svg").resolve().as_uri()


def test_repository_url_is_a_parameter(tmp_path):
    build(tmp_path, "--repo-url", "https://intranet.example/qgis")
    entry = _plugin_entry(tmp_path / "plugins.xml")
    version = metadata()["version"]
    assert entry.findtext("download_url") == f"https://intranet.example/qgis/sozialmonitor-{version}.zip"
    assert entry.findtext("icon") == "https://intranet.example/qgis/sozialmonitor.svg"


def test_package_needs_compiled_translations(tmp_path):
    """A tree without `make translations` gets a message that says what to run, and no ZIP.
    (A copy without git, as the CI lanes have: the files present are packaged.)"""
    tree = tmp_path / "tree"
    for name in ["metadata.txt", "__init__.py", "LICENSE", "scripts/package.py"]:
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tree / name)
    for folder in SHIPPED_FOLDERS:
        shutil.copytree(ROOT / folder, tree / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm"))
    proc = subprocess.run(["/usr/bin/python3", str(tree / "scripts" / "package.py"), "--dist", str(tmp_path / "d")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "resources/i18n/sozialmonitor_de.qm is missing or older than" in proc.stderr
    assert "make translations" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "d").exists() or not any((tmp_path / "d").iterdir())
    # with the catalogue compiled, the copy is packaged: the same files as the checkout's ZIP
    qm = "resources/i18n/sozialmonitor_de.qm"
    shutil.copy2(ROOT / qm, tree / qm)
    build(tmp_path / "d2", "--repo-url", "https://x.example/")
    proc = subprocess.run(["/usr/bin/python3", str(tree / "scripts" / "package.py"), "--dist", str(tmp_path / "d")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    names = [zipfile.ZipFile(d / "sozialmonitor-{}.zip".format(metadata()["version"])).namelist()
             for d in (tmp_path / "d", tmp_path / "d2")]
    assert names[0] == names[1]


@pytest.fixture(scope="module")
def profile(package, tmp_path_factory):
    """A fresh QGIS configuration folder; the plugin installed into its profile 'default' from the
    repository file, as QGIS's plugin installer does (see profile_install_check.py)."""
    base = tmp_path_factory.mktemp("qgis-user")
    config = base / "config"
    profile_dir = config / "profiles" / "default"
    profile_dir.mkdir(parents=True)
    work = base / "work"
    work.mkdir()
    script = work / CHECK.name  # run from outside the repository: nothing of it on sys.path
    shutil.copy(CHECK, script)
    result_file = work / "result.json"
    proc = subprocess.run(
        ["/usr/bin/python3", "-I", str(script), package["xml"].resolve().as_uri(), str(result_file)], cwd=str(work),
        env=clean_env(base, QGIS_CUSTOM_CONFIG_PATH=str(config), SOZIALMONITOR_LANG="de"),
        capture_output=True, text=True, timeout=300)
    assert result_file.exists(), \
        f"the install check did not finish (exit {proc.returncode}):\n{proc.stdout}{proc.stderr[-3000:]}"
    result = json.loads(result_file.read_text(encoding="utf-8"))
    # Installing through the plugin manager also enables the plugin ([PythonPlugins] in QGIS3.ini).
    ini = profile_dir / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[PythonPlugins]\nsozialmonitor=true\n", encoding="utf-8")
    return {"base": base, "config": config, "profile": profile_dir, "result": result,
            "plugin": profile_dir / "python" / "plugins" / "sozialmonitor"}


def test_plugin_installs_from_the_repository_and_loads(profile, package):
    result = profile["result"]
    assert result["errors"] == []
    assert result["settings_dir"].rstrip("/") == str(profile["profile"])
    [entry] = result["repository"]
    assert entry["id"] == "sozialmonitor" and entry["version"] == package["version"]
    assert entry["compatible"], "plugins.xml says this QGIS ({}) is not supported".format(result["qgis_version"])
    assert result["download_sha256"] == hashlib.sha256(package["zip"].read_bytes()).hexdigest()
    assert result["zip_folder"] == "sozialmonitor" and result["installed"] == ["sozialmonitor"]
    assert result["available"] and result["metadata_version"] == package["version"]
    assert result["loaded"] and result["started"]  # classFactory and initGui
    assert result["module_file"] == str(profile["plugin"] / "__init__.py")
    assert result["foreign_modules"] == []
    assert result["provider"]
    for alg in ["join_table", "compute_index", "export_map", "export_atlas"]:
        assert "sozialmonitor:" + alg in result["algorithms"]
    assert result["legend_de"] == "Legende"  # the shipped .qm is found and installed
    assert {"addToolBarIcon", "addPluginToMenu"} <= set(result["iface_calls"])
    assert result["unloaded"] and not result["provider_after_unload"]


def qgis_process():
    """qgis_process.bin: Debian's qgis_process wrapper adds --noversioncheck, which QGIS 3.22 rejects
    (as in scripts/demo.sh; QGIS_PROCESS overrides)."""
    found = os.environ.get("QGIS_PROCESS") or shutil.which("qgis_process.bin") or shutil.which("qgis_process")
    assert found, "qgis_process.bin not found (apt-get install qgis)"
    return shutil.which(found) or found


def run_qgis_process(profile, *args):
    env = clean_env(profile["base"], QGIS_CUSTOM_CONFIG_PATH=str(profile["config"]), SOZIALMONITOR_LANG="de")
    return subprocess.run([qgis_process()] + list(args), cwd=str(profile["base"]), env=env,
                          capture_output=True, text=True, timeout=600)


def test_qgis_process_finds_the_provider_in_the_profile(profile):
    proc = run_qgis_process(profile, "list")
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert "sozialmonitor:compute_index" in proc.stdout
    assert "Sozialindex berechnen" in proc.stdout  # the German names from the shipped .qm


def test_installed_plugin_computes_the_official_mss_2019_classes(profile):
    plugin = profile["plugin"]
    out = profile["base"] / "index.gpkg"
    proc = run_qgis_process(
        profile, "--json", "run", "sozialmonitor:compute_index",
        "--INPUT={}".format(plugin / "resources" / "sample" / "mss2019_index_indicators_shares_plr.csv"),
        "--RECIPE={}".format(plugin / "resources" / "recipes" / "berlin_mss_2019.json"),
        f"--OUTPUT={out}")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    report = json.loads(proc.stdout[proc.stdout.index("{"):])
    assert report["results"]["N_EVALUATED"] == 436 and report["results"]["N_NOT_EVALUATED"] == 11
    with sqlite3.connect(str(out)) as con:
        [table] = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")]
        rows = con.execute(f'SELECT PLR_ID, status_class, dynamik_class, sdi FROM "{table}" WHERE evaluated = 1'
                           ).fetchall()
    with open(OFFICIAL_2019, encoding="utf-8") as handle:
        official = {r["PLR_ID"]: (r["STATUS_KLASSE"], r["DYNAMIK_KLASSE"], r["SDI"]) for r in csv.DictReader(handle)}
    got = {plr: (status, dynamik, sdi) for plr, status, dynamik, sdi in rows}
    assert len(got) == 436
    assert got == official


def test_installed_plugin_exports_the_web_atlas_in_qgis_own_python(profile):
    """QGIS's own Python (Debian 12: pandas 1.5, shapely 1.8, numpy 1.24) runs export_web_atlas from the ZIP."""
    plugin, base = profile["plugin"], profile["base"]
    sample, recipe = plugin / "resources" / "sample", plugin / "resources" / "recipes" / "berlin_mss_2019.json"
    steps = [
        ("sozialmonitor:compute_index", f"--INPUT={sample / 'mss2019_index_indicators_shares_plr.csv'}",
         f"--RECIPE={recipe}", f"--OUTPUT={base / 'web_index.gpkg'}"),
        ("sozialmonitor:join_table", f"--INPUT={sample / 'berlin_lor_2019.gpkg'}|layername=planungsraeume",
         "--INPUT_KEY=id", f"--TABLE_LAYER={base / 'web_index.gpkg'}", "--TABLE_KEY=PLR_ID",
         f"--OUTPUT={base / 'web_joined.gpkg'}"),
        ("sozialmonitor:export_web_atlas", f"--INPUT={base / 'web_joined.gpkg'}", f"--RECIPE={recipe}",
         f"--OUTPUT_FOLDER={base / 'atlas'}"),
    ]
    for alg, *args in steps:
        proc = run_qgis_process(profile, "--json", "run", alg, *args)
        assert proc.returncode == 0, alg + proc.stdout[-3000:] + proc.stderr[-3000:]
    report = json.loads(proc.stdout[proc.stdout.index("{"):])
    assert report["results"]["DISTRICTS"] == 448
    atlas = base / "atlas"
    assert (atlas / "vendor" / "leaflet" / "leaflet.js").is_file() and (atlas / "index.html").is_file()
    data = (atlas / "data" / "atlas.js").read_text(encoding="utf-8")
    assert '"status_class"' in data and "Stülerstraße" in data


@pytest.fixture(scope="module")
def desktop(package, tmp_path_factory):
    """The real QGIS desktop (under Xvfb) with a fresh profile installs the plugin through its own
    plugin installer: from the ZIP, then from the repository file (see desktop_install_check.py)."""
    from qgis.core import Qgis

    xvfb, qgis = shutil.which("xvfb-run"), shutil.which("qgis")
    assert xvfb and qgis, "xvfb-run and qgis are needed (make bootstrap installs them)"
    base = tmp_path_factory.mktemp("qgis-desktop")
    ini = base / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    # A fresh profile would greet us with first-start tips, news and a version check; switch them off.
    ini.write_text("[qgis]\ncheckVersion=false\nallowVersionCheck=false\n"
                   f"showTips{Qgis.QGIS_VERSION_INT // 100}=false\nmigration\\fileVersion=3\n"
                   "[core]\nNewsFeed\\httpsfeedqgisorg\\disabled=true\n",
                   encoding="utf-8")
    script = base / "desktop_install_check.py"
    shutil.copy(Path(__file__).resolve().parent / script.name, script)
    result_file = base / "result.json"
    env = clean_env(base, SOZ_ZIP=str(package["zip"]), SOZ_REPO_URL=package["xml"].resolve().as_uri(),
                    SOZ_RESULT=str(result_file), SOZIALMONITOR_LANG="de")
    del env["QT_QPA_PLATFORM"]  # the desktop draws on Xvfb
    proc = subprocess.Popen([xvfb, "-a", "-s", "-screen 0 1280x1024x24", qgis, "--profiles-path", str(base),
                             "--profile", "default", "--nologo", "--noversioncheck", "--code", str(script)],
                            cwd=str(base), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        log, _ = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)  # xvfb-run, Xvfb and QGIS: the session this test started
        log, _ = proc.communicate()
        pytest.fail("QGIS did not quit within 240 s (a dialog waiting for an answer?):\n" + log[-3000:])
    assert result_file.exists(), f"QGIS quit without a result (exit {proc.returncode}):\n{log[-3000:]}"
    return json.loads(result_file.read_text(encoding="utf-8")), base


def test_qgis_desktop_installs_the_zip_and_the_repository_plugin(desktop, package):
    result, base = desktop
    assert result["errors"] == []
    home = str(base / "profiles" / "default" / "python" / "plugins")
    assert result["before"]["home_plugin_path"].rstrip("/") == home
    assert not result["before"]["folder"] and not result["before"]["provider"]
    # Plugins › Install from ZIP: unpacked into the profile, started, toolbar action, provider, enabled
    expected = {"active": True, "module": "sozialmonitor.plugin.gui.plugin", "folder": True,
                "home_plugin_path": result["before"]["home_plugin_path"], "provider": True, "action": True,
                "enabled": True}
    assert result["from_zip"] == expected
    assert not result["uninstalled"]["folder"] and not result["uninstalled"]["provider"]
    # the internal repository: listed with the version of metadata.txt, installed from download_url
    assert result["listed"]["name"] == "Sozialmonitor" and result["listed"]["zip_repository"] == "Intranet"
    assert result["listed"]["version_available"] == package["version"]
    assert result["listed"]["experimental"] == (metadata()["experimental"] == "True")
    assert result["listed"]["download_url"] == package["zip"].resolve().as_uri()
    assert result["from_repository"] == expected
