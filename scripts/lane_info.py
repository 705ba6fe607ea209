"""Print the header of a test lane: where the suite is about to run, with the versions that matter.

    python scripts/lane_info.py LANE

One line, parsed by scripts/test_lanes.sh (keep the "QGIS <version>" field).
Run with the venv's Python, so pandas/shapely are the ones the tests import.
"""
import ctypes
import ctypes.util
import glob
import importlib.metadata
import os
import platform
import subprocess
import sys


def _version(dist):
    """Installed version of a distribution and where it comes from, without importing it (libpysal polls
    a web page on import)."""
    try:
        found = importlib.metadata.distribution(dist)
    except importlib.metadata.PackageNotFoundError:
        return "missing"
    where = str(found.locate_file(""))
    return "{} ({})".format(found.version, "Debian" if where.startswith("/usr/lib/python3/") else "pip")


def _debian():
    info = {}
    try:
        with open("/etc/os-release", encoding="utf-8") as f:
            for line in f:
                key, _, value = line.strip().partition("=")
                info[key] = value.strip('"')
    except OSError:
        pass
    try:
        with open("/etc/debian_version", encoding="utf-8") as f:
            point = f.read().strip()
    except OSError:
        point = info.get("VERSION_ID", "?")
    return "Debian {} ({})".format(point, info.get("VERSION_CODENAME", "?"))


def _qgis():
    try:
        from qgis.core import Qgis
        return Qgis.version()
    except Exception as exc:  # noqa: BLE001
        return f"missing ({exc})"


def _gdal():
    name = ctypes.util.find_library("gdal")
    if not name:
        return "missing"
    try:
        lib = ctypes.CDLL(name)
        lib.GDALVersionInfo.restype = ctypes.c_char_p
        return lib.GDALVersionInfo(b"RELEASE_NAME").decode()
    except (OSError, AttributeError):
        return "?"


def _postgis():
    pg = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    pg_version = pg[-1].split("/")[4] if pg else "missing"
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f", "${Version}\n", f"postgresql-{pg_version}-postgis-3"],
                             capture_output=True, text=True, timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError):
        out = []
    return "PostgreSQL {} / PostGIS {}".format(pg_version, out[0].split("+")[0] if out else "missing")


def main():
    lane = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("LANE", "host")
    fields = [
        _debian(),
        f"QGIS {_qgis()}",
        f"Python {platform.python_version()}",
        "pandas {}".format(_version("pandas")),
        "numpy {}".format(_version("numpy")),
        "shapely {}".format(_version("shapely")),
        f"GDAL {_gdal()}",
        _postgis(),
        "esda {}".format(_version("esda")),
        "libpysal {}".format(_version("libpysal")),
    ]
    print("=== lane {}: {} ===".format(lane, " | ".join(fields)), flush=True)


if __name__ == "__main__":
    main()
