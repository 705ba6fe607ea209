#!/usr/bin/env bash
# Install what Sozialmonitor needs on a fresh Debian 12 (bookworm) or Debian 13 (trixie) machine, idempotently:
#   - Debian's QGIS (3.22 on Debian 12, 3.40 on Debian 13, 3.44 where backports are pinned) and the Python
#     packages QGIS's own Python needs (pandas, shapely, openpyxl, odf)
#   - poppler-utils (PDF checks), xvfb (desktop screenshots), Qt's lrelease, PostgreSQL + PostGIS (database tests)
#   - nodejs + npm (scripts/fetch_web_vendor.sh fetches the web atlas's map library from the npm registry) and
#     chromium (the web atlas's browser tests drive Debian's /usr/bin/chromium headless through playwright)
#   - a venv ($VENV, default .venv) on /usr/bin/python3 with --system-site-packages and pinned dev packages
# Nothing is hard-coded per release; what differs is detected:
#   - PostgreSQL/PostGIS: the meta packages postgresql and postgresql-postgis (15 on Debian 12, 17 on Debian 13)
#   - test oracles (esda, libpysal, scikit-learn): Debian's python3-* packages where the release has them
#     (Debian 13), else the pins in requirements-oracles.txt (their old pins have no wheels for Python 3.13);
#     SALib (Sobol oracle) from its pin in requirements-oracles.txt with pip on both releases
#   - the newer pandas/shapely stack of requirements-stack.txt only where Debian's pandas is older than 2
#     (Debian 12: tests run on the stack OSGeo4W users have; Debian 13 already ships pandas 2.2, numpy 2.2, shapely 2.1)
# Fast the second time: apt is only called when a package is missing, pip only when a requirements file changed.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
# One bootstrap at a time on a machine (parallel worktrees or test lanes share apt and may share a venv).
exec 9>/tmp/sozialmonitor-bootstrap.lock
flock 9
export DEBIAN_FRONTEND=noninteractive
APT_GET=(apt-get -o DPkg::Lock::Timeout=600 -y -qq --no-install-recommends)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
available() { apt-cache show "$1" >/dev/null 2>&1 && [ -n "$(apt-cache policy "$1" | awk '/Candidate:/ {print $2}' | grep -v '(none)')" ]; }
apt_updated=0
apt_update() { [ $apt_updated = 1 ] || { apt-get -o DPkg::Lock::Timeout=600 update -qq; apt_updated=1; }; }

DEB_PACKAGES="qgis python3-qgis qgis-providers python3-pandas python3-shapely python3-openpyxl python3-odf
  python3-venv poppler-utils xvfb xauth pyqt5-dev-tools qttools5-dev-tools postgresql postgresql-postgis
  chromium"
ORACLE_DEBS="python3-esda python3-libpysal python3-sklearn python3-mapclassify"

# An install that was killed half-way (e.g. a CI run stopped during the first bootstrap of a test root)
# leaves packages unpacked but not configured: finish it first, or apt-get refuses to do anything.
if [ "$(id -u)" = 0 ] && [ -n "$(dpkg --audit 2>/dev/null)" ]; then
  echo "bootstrap: finishing an interrupted package installation (dpkg --configure -a)"
  dpkg --configure -a >/dev/null
fi

missing=()
for p in $DEB_PACKAGES; do installed "$p" || missing+=("$p"); done
# npm: Debian's nodejs + npm unless an npm is already there (e.g. a NodeSource nodejs, which bundles npm
# and conflicts with Debian's npm package)
command -v npm >/dev/null 2>&1 || { installed nodejs || missing+=(nodejs); installed npm || missing+=(npm); }
# Test oracles from Debian where this release packages them (Debian 13), else pip pins (Debian 12).
compgen -G "/var/lib/apt/lists/*_Packages" >/dev/null || apt_update  # a fresh machine has no package lists
oracles_from_debian=0
if available python3-esda && available python3-libpysal; then
  oracles_from_debian=1
  for p in $ORACLE_DEBS; do installed "$p" || missing+=("$p"); done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "bootstrap: need root for apt-get (run with sudo or as root)" >&2; exit 1
  fi
  apt_update
  "${APT_GET[@]}" install "${missing[@]}" >/dev/null
  # Debian starts a cluster on install; our tests run their own throw-away server.
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now postgresql >/dev/null 2>&1 || true; fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "bootstrap: creating $VENV (system site packages, /usr/bin/python3)"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
want=$(cat requirements-dev.txt requirements-stack.txt requirements-oracles.txt | sha256sum | cut -d' ' -f1)
want="$want oracles_from_debian=$oracles_from_debian"
stamp="$VENV/.requirements.sha"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  reqs=(-r requirements-dev.txt)
  if ! /usr/bin/python3 -c 'import sys, pandas; sys.exit(int(pandas.__version__.split(".")[0]) < 2)' 2>/dev/null; then
    reqs+=(-r requirements-stack.txt)
    echo "bootstrap: Debian's pandas is older than 2: the venv gets the newer stack of requirements-stack.txt"
  fi
  if [ $oracles_from_debian = 0 ]; then
    reqs+=(-r requirements-oracles.txt)
  else
    echo "bootstrap: test oracles (esda, libpysal, scikit-learn) from Debian's python3-* packages"
    # no Debian package of SALib on any release: its pin from requirements-oracles.txt goes through pip
    reqs+=("$(grep -E '^SALib==' requirements-oracles.txt)")
  fi
  echo "bootstrap: installing pinned pip packages into $VENV"
  # A local package mirror named in pip.conf (file:// index) that lacks a project makes pip warn once per
  # project; that is not a problem (pip goes on to the next index), so those lines are dropped, nothing else.
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${reqs[@]}" 2>&1 |
    { grep -v -E "^WARNING: Location 'file://[^']*' is ignored: it is neither a file nor a directory\.$" || true; } ||
    { echo "bootstrap: pip install failed (see above)" >&2; exit 1; }
  echo "$want" > "$stamp"
fi
