#!/usr/bin/env bash
# Compile resources/i18n/*.ts to .qm with Qt's lrelease (qttools5-dev-tools). Only newer sources are rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
LRELEASE=$(command -v lrelease || echo /usr/lib/qt5/bin/lrelease)
shopt -s nullglob
for ts in resources/i18n/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$LRELEASE" -silent "$ts" -qm "$qm"
  fi
done
