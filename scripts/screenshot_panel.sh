#!/usr/bin/env bash
# Start the real QGIS desktop under Xvfb with a throwaway profile in which the plugin is installed
# and enabled, open the sample layer and the Sozialmonitor panel, and save a PNG of the window.
#
#   scripts/screenshot_panel.sh [LANG [OUT.png]]     LANG: de (default) or en
#   make screenshot                                  -> docs/screenshots/panel.png (de), panel_en.png (en)
#
# By default the panel is driven through the Berlin sample up to step 4 (computed index, summary);
# SCREENSHOT_FLOW=none shows step 1 only.
# Never hangs: QGIS is killed after $SCREENSHOT_TIMEOUT seconds (default 120). The profile lives
# in build/screenshot/<lang>/ and is recreated on every run; your own QGIS profile is not touched.
# Exits non-zero when QGIS had to be killed (e.g. a dialog waited for an answer), exited with an
# error, the startup script reported a failure (FAILED in the log) or no image was written.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
LANG_CODE=${1:-de}
OUT=$(realpath -m "${2:-docs/screenshots/panel_${LANG_CODE}.png}")
TIMEOUT=${SCREENSHOT_TIMEOUT:-120}
WORK="$ROOT/build/screenshot/$LANG_CODE"

for tool in qgis xvfb-run timeout; do
  command -v "$tool" >/dev/null || { echo "screenshot: '$tool' not found (apt-get install qgis xvfb)" >&2; exit 2; }
done

rm -rf "$WORK"
mkdir -p "$WORK/profiles/default/QGIS" "$(dirname "$OUT")"
bash scripts/i18n_compile.sh
/usr/bin/python3 scripts/install_plugin.py --profile-dir "$WORK/profiles/default" >/dev/null
# A fresh profile would greet us with first-start dialogs and news; switch them off.
cat >> "$WORK/profiles/default/QGIS/QGIS3.ini" <<INI

[qgis]
checkVersion=false
showTips$(qgis --version 2>/dev/null | sed -n 's/.*QGIS \([0-9]*\)\.\([0-9]*\).*/\1\2/p' | head -1)=false
allowVersionCheck=false
migration\\fileVersion=3
[core]
NewsFeed\\httpsfeedqgisorg\\disabled=true
INI

rm -f "$OUT" "$OUT.log"
export SOZIALMONITOR_LANG="$LANG_CODE"  # the plugin's language, whatever the caller's environment says
export SOZ_SCREENSHOT_OUT="$OUT"
export SOZ_SCREENSHOT_LAYER="$ROOT/resources/sample/berlin_lor_2019.gpkg|layername=planungsraeume"
export SOZ_SCREENSHOT_DELAY=${SCREENSHOT_DELAY:-8000}
export SOZ_SCREENSHOT_FLOW=${SCREENSHOT_FLOW:-compute}   # none: step 1 only
export SOZ_SCREENSHOT_STEP=${SCREENSHOT_STEP:-4}          # the step shown after computing (1-5)
export SOZ_SCREENSHOT_TABLE="$ROOT/resources/sample/mss2019_index_indicators_shares_plr.csv"
export SOZ_SCREENSHOT_WORK="$WORK/out"
mkdir -p "$SOZ_SCREENSHOT_WORK"
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
# QT_QPA_PLATFORM=offscreen (set by the Makefile for tests) would hide the window from Xvfb.
unset QT_QPA_PLATFORM
status=0
timeout --kill-after=10 "$TIMEOUT" xvfb-run -a -s "-screen 0 1600x1080x24" \
  qgis --profiles-path "$WORK" --profile default --lang "$LANG_CODE" --nologo --noversioncheck \
       --code "$ROOT/scripts/screenshot_startup.py" >"$WORK/qgis.log" 2>&1 || status=$?
[ -f "$OUT.log" ] && sed 's/^/  /' "$OUT.log"
failed=0
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "screenshot: QGIS did not quit within $TIMEOUT s and was killed (a modal dialog?); see $WORK/qgis.log" >&2
  failed=1
elif [ "$status" -ne 0 ]; then
  echo "screenshot: QGIS exited with status $status; see $WORK/qgis.log" >&2
  failed=1
fi
if [ -f "$OUT.log" ] && grep -q '^FAILED' "$OUT.log"; then
  echo "screenshot: the panel could not be driven (FAILED above)" >&2
  failed=1
fi
if [ ! -s "$OUT" ]; then
  echo "screenshot: no image written (exit $status); see $WORK/qgis.log" >&2
  failed=1
fi
if [ "$failed" -ne 0 ]; then
  [ -s "$OUT" ] && echo "screenshot: the image $OUT may be incomplete" >&2
  exit 1
fi
rm -f "$OUT.log"
echo "screenshot: $OUT"
