#!/usr/bin/env bash
# Build (or reuse) a Debian root in which the test suite runs on another QGIS than the host's.
#   scripts/debian_root.sh LANE DIR
# LANE: bookworm (Debian 12, QGIS 3.22), trixie (Debian 13, QGIS 3.40), trixie-backports (Debian 13 with
# src:qgis pinned to trixie-backports, QGIS 3.44) or sid (Debian unstable, QGIS 3.44; the fallback when
# trixie-backports has no 3.44).
# The root is a minimal Debian made with mmdebstrap from Debian's own mirror; everything else (QGIS,
# PostgreSQL/PostGIS, the venv) is installed later by the project's scripts/bootstrap.sh inside it, exactly
# as on a fresh machine of that release (scripts/run_lane.sh does that on every run; it is idempotent).
# Cache key: the sha256 of this file, kept in DIR/.sozialmonitor-recipe. A root built by the same recipe is
# reused as it is; any change to this file rebuilds it. A root is built under DIR.partial and renamed only
# when complete, so a killed build never leaves a half-built root behind.
# Callers hold an exclusive flock on DIR.lock (scripts/run_lane.sh does).
set -euo pipefail
LANE=${1:?usage: debian_root.sh LANE DIR}
DIR=${2:?usage: debian_root.sh LANE DIR}

case "$LANE" in
  bookworm) SUITE=bookworm; EXTRA="" ;;
  trixie) SUITE=trixie; EXTRA="" ;;
  trixie-backports) SUITE=trixie; EXTRA="trixie-backports" ;;
  sid) SUITE=sid; EXTRA="" ;;
  *) echo "debian_root: unknown lane '$LANE' (bookworm, trixie, trixie-backports, sid)" >&2; exit 2 ;;
esac
MIRROR=${SOZIALMONITOR_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY=${SOZIALMONITOR_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}
KEY=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-16)

if [ "$(cat "$DIR/.sozialmonitor-recipe" 2>/dev/null)" != "$KEY" ]; then
  command -v mmdebstrap >/dev/null || {
    echo "debian_root: installing mmdebstrap"; apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null; }
  rm -rf "$DIR.partial"
  mkdir -p "$(dirname "$DIR")"
  if [ "$SUITE" = sid ]; then
    sources="deb $MIRROR sid main"
  else
    sources="deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY $SUITE-security main"
  fi
  [ -n "$EXTRA" ] && sources="$sources
deb $MIRROR $EXTRA main"
  [ -d "$DIR" ] && why="its recipe changed" || why="not built yet"
  echo "debian_root: building the $LANE root in $DIR ($why; mmdebstrap, Debian $SUITE${EXTRA:+ + $EXTRA})"
  t0=$SECONDS
  mmdebstrap --variant=minbase --mode=root --quiet \
    --include=ca-certificates,make,python3,python3-venv,procps,util-linux \
    "$SUITE" "$DIR.partial" - <<<"$sources"
  if [ -n "$EXTRA" ]; then
    # QGIS (every binary package built from src:qgis) from backports; everything else from the release
    # (apt takes from backports only the libraries that QGIS needs in a newer version). n= (codename):
    # the backports' Suite is "stable-backports", which would stop matching when trixie is oldstable.
    cat >"$DIR.partial/etc/apt/preferences.d/qgis-backports" <<EOF
Package: src:qgis
Pin: release n=$EXTRA
Pin-Priority: 990
EOF
  fi
  echo "$LANE" >"$DIR.partial/.sozialmonitor-root"
  echo "$KEY" >"$DIR.partial/.sozialmonitor-recipe"
  if [ -d "$DIR" ]; then
    mv "$DIR" "$DIR.old.$$"
    mv "$DIR.partial" "$DIR"
    rm -rf "$DIR.old.$$"
  else
    mv "$DIR.partial" "$DIR"
  fi
  echo "debian_root: $LANE root built in $((SECONDS - t0)) s"
fi

# Host settings the root needs to reach the package registries the same way the host does (refreshed
# every run; the local package directories pip.conf may name are bind-mounted by scripts/run_lane.sh).
cp -L /etc/resolv.conf "$DIR/etc/resolv.conf" 2>/dev/null || true
cp -a /etc/ssl/certs/. "$DIR/etc/ssl/certs/" 2>/dev/null || true
if [ -d /usr/local/share/ca-certificates ]; then
  cp -a /usr/local/share/ca-certificates/. "$DIR/usr/local/share/ca-certificates/"
fi
if [ -f /etc/pip.conf ]; then cp /etc/pip.conf "$DIR/etc/pip.conf"; else rm -f "$DIR/etc/pip.conf"; fi
if [ -f "$HOME/.config/pip/pip.conf" ]; then
  mkdir -p "$DIR/root/.config/pip"; cp "$HOME/.config/pip/pip.conf" "$DIR/root/.config/pip/"
else
  rm -f "$DIR/root/.config/pip/pip.conf"
fi
