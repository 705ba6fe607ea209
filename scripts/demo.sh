#!/usr/bin/env bash
# The Sozialmonitor demo: Berlin MSS 2019 on the 447 Planungsräume, headless, through qgis_process.
#   join the indicator table -> compute the index from the MSS 2019 recipe -> styled map (PDF, PNG, .qgz)
# Usage: scripts/demo.sh [OUTPUT_DIR]   (default build/demo). The plugin must be installed
# (make install-plugin does that). Debian's /usr/bin/qgis_process wrapper adds --noversioncheck,
# which QGIS 3.22 rejects, so we call qgis_process.bin (override with QGIS_PROCESS=...).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$(realpath -m "${1:-build/demo}")
QGIS_PROCESS=${QGIS_PROCESS:-qgis_process.bin}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
# A Berlin committee map: the plugin's own texts (legend words, date line) in German (DEMO_LANG=en: English).
export SOZIALMONITOR_LANG=${DEMO_LANG:-de}
mkdir -p "$OUT"

GEOM="$ROOT/resources/sample/berlin_lor_2019.gpkg"
TABLE="$ROOT/resources/sample/mss2019_index_indicators_shares_plr.csv"
RECIPE="$ROOT/resources/recipes/berlin_mss_2019.json"
SOURCE_LINE="Datenquelle: Senatsverwaltung für Stadtentwicklung und Wohnen Berlin, Monitoring Soziale Stadtentwicklung 2019 (Stand 31.12.2018); Geometrie: Amt für Statistik Berlin-Brandenburg, LOR-Planungsräume bis 2020, CC BY 3.0 DE"

run() {  # run ALG PARAM=VALUE ... ; quiet on success, full log on failure
  local alg=$1; shift
  local args=()
  for a in "$@"; do args+=("--$a"); done
  local log="$OUT/log_${alg#sozialmonitor:}.txt"
  if ! "$QGIS_PROCESS" run "$alg" "${args[@]}" >"$log" 2>&1; then
    echo "demo: $alg failed — see $log" >&2
    grep -v -e "XDG_RUNTIME_DIR" -e "setapi" "$log" | tail -n 25 >&2
    exit 1
  fi
}

# The index is computed on the complete statistical table first (the official reference set of
# 436 PLR), then joined to the polygons: computing it on the joined layer would silently change the
# reference mean and SD, because the geometry has a duplicated key and lacks one PLR.
echo "demo: 1/3 computing the social index on $(basename "$TABLE") (recipe $(basename "$RECIPE"))"
run sozialmonitor:compute_index \
  "INPUT=$TABLE" "RECIPE=$RECIPE" \
  "OUTPUT=$OUT/index_table.gpkg"

echo "demo: 2/3 joining the index table to the Planungsräume (key id <- PLR_ID)"
run sozialmonitor:join_table \
  "INPUT=$GEOM|layername=planungsraeume" INPUT_KEY=id INPUT_NAME=name \
  "TABLE_LAYER=$OUT/index_table.gpkg" TABLE_KEY=PLR_ID TABLE_NAME=PLR_NAME \
  "REPORT=$OUT/join_report.csv" \
  "OUTPUT=$OUT/sozialmonitor_berlin_2019.gpkg"
# The join summary as the Processing log shows it (districts and rows that did not match, duplicates).
# (German or English log, as DEMO_LANG chose)
sed -En '/^(Join of|Verknüpfung von)/,/^(Column|Spalte) /p' "$OUT/log_join_table.txt" | grep -Ev '^(Column|Spalte) ' \
  | sed 's/^/      /' || true

echo "demo: 3/3 printing the map (A4 landscape PDF + PNG, project)"
run sozialmonitor:export_map \
  "INPUT=$OUT/sozialmonitor_berlin_2019.gpkg" FIELD=status_class "RECIPE=$RECIPE" \
  "TITLE=Soziale Ungleichheit in Berlin 2019: Status-Index" \
  "SUBTITLE=Monitoring Soziale Stadtentwicklung, 447 Planungsräume (Stand 31.12.2018)" \
  "SOURCE=$SOURCE_LINE" "AUTHOR=Sozialmonitor-Demo" \
  "OVERLAY=$GEOM|layername=bezirke" \
  "OUTPUT_PDF=$OUT/karte_status_2019.pdf" "OUTPUT_PNG=$OUT/karte_status_2019.png" \
  "OUTPUT_PROJECT=$OUT/sozialmonitor_berlin_2019.qgz"

cat <<MSG

demo: done. Results in $OUT
  GeoPackage with index fields : $OUT/sozialmonitor_berlin_2019.gpkg
  QGIS project (styled layer + print layout): $OUT/sozialmonitor_berlin_2019.qgz
  Map, A4 landscape            : $OUT/karte_status_2019.pdf
  Map, PNG                     : $OUT/karte_status_2019.png
  Join report                  : $OUT/join_report.csv
MSG
