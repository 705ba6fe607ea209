#!/usr/bin/env bash
# Build step of the web atlas (sozialmonitor:export_web_atlas): fetch the map library Leaflet from the npm
# registry at the version pinned in resources/web/vendor-src/package-lock.json (npm ci checks its integrity
# hash) and copy leaflet.js, leaflet.css and its LICENSE into resources/web/vendor/leaflet/, which the
# plugin ships (scripts/package.py adds it to the ZIP) and every exported atlas copies. Run by `make
# bootstrap` (so `make test`, `make package`, `make demo`); idempotent: nothing happens while the copy
# matches the lock file (stamp resources/web/vendor/.lock.sha256). resources/web/vendor/ is not in git.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=resources/web/vendor-src
DEST=resources/web/vendor
want=$(cat "$SRC/package.json" "$SRC/package-lock.json" | sha256sum | cut -d' ' -f1)
if [ -f "$DEST/.lock.sha256" ] && [ "$(cat "$DEST/.lock.sha256")" = "$want" ] && [ -f "$DEST/leaflet/leaflet.js" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch_web_vendor: npm is missing (scripts/bootstrap.sh installs Debian's nodejs and npm)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$SRC/package.json" "$SRC/package-lock.json" "$work/"
echo "fetch_web_vendor: npm ci (Leaflet $(grep -A1 '"node_modules/leaflet"' "$SRC/package-lock.json" | sed -n 's/.*"version": "\(.*\)".*/\1/p'))"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
rm -rf "$DEST.partial"
mkdir -p "$DEST.partial/leaflet"
cp "$work/node_modules/leaflet/dist/leaflet.js" "$work/node_modules/leaflet/dist/leaflet.css" \
   "$work/node_modules/leaflet/LICENSE" "$work/node_modules/leaflet/package.json" "$DEST.partial/leaflet/"
echo "$want" > "$DEST.partial/.lock.sha256"
rm -rf "$DEST"
mv "$DEST.partial" "$DEST"
