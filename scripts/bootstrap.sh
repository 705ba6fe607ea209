#!/usr/bin/env bash
# Install what Sozialmonitor needs on a fresh Debian 12 machine, idempotently:
#   - Debian's QGIS 3.22 and the Python packages QGIS's own Python needs (pandas, shapely, openpyxl, odf)
#   - poppler-utils (PDF checks), xvfb (desktop screenshots), PostgreSQL + PostGIS (database tests)
#   - a venv in .venv on /usr/bin/python3 with --system-site-packages and pinned dev packages
# Fast the second time: apt is only called when a package is missing, pip only when
# requirements-dev.txt changed.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES="qgis python3-qgis qgis-providers python3-pandas python3-shapely python3-openpyxl python3-odf
  python3-venv poppler-utils xvfb xauth pyqt5-dev-tools qttools5-dev-tools postgresql postgresql-15-postgis-3"

missing=()
for p in $DEB_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "bootstrap: need root for apt-get (run with sudo or as root)" >&2; exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts a cluster on install; our tests run their own throw-away server.
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now postgresql >/dev/null 2>&1 || true; fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: creating .venv (system site packages, /usr/bin/python3)"
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
stamp=.venv/.requirements-dev.sha
want=$(sha256sum requirements-dev.txt | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "bootstrap: installing pinned pip packages into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  echo "$want" > "$stamp"
fi
