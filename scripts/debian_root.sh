#!/usr/bin/env bash
# Build (or refresh) a Debian root in which the test suite runs on another QGIS than the host's.
#   scripts/debian_root.sh LANE DIR
# LANE: bookworm (QGIS 3.22), trixie (QGIS 3.40) or trixie-backports (QGIS 3.44 from trixie-backports).
# DIR is created with mmdebstrap from Debian's packages (nothing else is downloaded), then the project's
# own scripts/bootstrap.sh installs QGIS, PostgreSQL/PostGIS and the Python packages inside it, exactly as
# on a fresh machine of that release. The host's CA certificates, resolv.conf and pip settings are copied in.
# A root that exists already is only refreshed (bootstrap is idempotent and fast the second time).
set -euo pipefail
LANE=${1:?usage: debian_root.sh LANE DIR}
DIR=${2:?usage: debian_root.sh LANE DIR}
HERE=$(cd "$(dirname "$0")/.." && pwd)

case "$LANE" in
  bookworm) SUITE=bookworm; EXTRA="" ;;
  trixie) SUITE=trixie; EXTRA="" ;;
  trixie-backports) SUITE=trixie; EXTRA="trixie-backports" ;;
  *) echo "debian_root: unknown lane '$LANE' (bookworm, trixie, trixie-backports)" >&2; exit 2 ;;
esac
MIRROR=${SOZIALMONITOR_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY=${SOZIALMONITOR_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}

if [ ! -f "$DIR/.sozialmonitor-root" ]; then
  command -v mmdebstrap >/dev/null || {
    echo "debian_root: installing mmdebstrap"; apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null; }
  rm -rf "$DIR.partial"
  mkdir -p "$(dirname "$DIR")"
  sources="deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY $SUITE-security main"
  [ -n "$EXTRA" ] && sources="$sources
deb $MIRROR $EXTRA main"
  echo "debian_root: building $LANE root in $DIR (mmdebstrap, Debian $SUITE)"
  # A root built half-way is never used: it is built under .partial and renamed at the end.
  mmdebstrap --variant=minbase --mode=root --quiet \
    --include=ca-certificates,make,python3,python3-venv,procps,util-linux \
    "$SUITE" "$DIR.partial" - <<<"$sources"
  if [ -n "$EXTRA" ]; then
    # QGIS (and the libraries it needs) from backports; everything else from the release.
    cat >"$DIR.partial/etc/apt/preferences.d/qgis-backports" <<EOF
Package: src:qgis
Pin: release a=$EXTRA
Pin-Priority: 990
EOF
  fi
  touch "$DIR.partial/.sozialmonitor-root"
  mv "$DIR.partial" "$DIR"
fi

# Host settings the root needs to reach the package registries the same way the host does.
cp -L /etc/resolv.conf "$DIR/etc/resolv.conf" 2>/dev/null || true
cp -a /etc/ssl/certs/. "$DIR/etc/ssl/certs/" 2>/dev/null || true
[ -d /usr/local/share/ca-certificates ] && cp -a /usr/local/share/ca-certificates/. "$DIR/usr/local/share/ca-certificates/"
[ -f /etc/pip.conf ] && cp /etc/pip.conf "$DIR/etc/pip.conf"
if [ -f "$HOME/.config/pip/pip.conf" ]; then mkdir -p "$DIR/root/.config/pip"; cp "$HOME/.config/pip/pip.conf" "$DIR/root/.config/pip/"; fi
echo "$LANE" >"$DIR/.sozialmonitor-root"
