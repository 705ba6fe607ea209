#!/usr/bin/env bash
# `make test`: the whole suite on the host's QGIS and, in the same run, on the other QGIS versions CI covers
# (3.22 = Debian 12, 3.40 = Debian 13, 3.44 = Debian 13 backports, or Debian unstable when the backports
# have no 3.44), each in a cached Debian root (scripts/run_lane.sh).
#   scripts/test_lanes.sh [pytest arguments]     run every lane (arguments go to pytest in each lane)
#   scripts/test_lanes.sh --plan                 only print which lanes would run, and why
# SOZIALMONITOR_LANES="host trixie" picks lanes by hand; SOZIALMONITOR_LANE_JOBS=2 runs the root lanes
# two at a time (their logs are printed one after the other). Every lane runs even when one fails; the
# exit status is non-zero when any lane failed. Logs: build/lanes/LANE.log.
set -uo pipefail
cd "$(dirname "$0")/.."
PLAN_ONLY=0
[ "${1:-}" = --plan ] && { PLAN_ONLY=1; shift; }
ROOTS=${SOZIALMONITOR_ROOTS:-/var/cache/sozialmonitor-ci/roots}
JOBS=${SOZIALMONITOR_LANE_JOBS:-1}
TIMEOUT=${SOZIALMONITOR_LANE_TIMEOUT:-1800}
LOGS=build/lanes
mkdir -p "$LOGS"

# --- which lanes --------------------------------------------------------------------------------------
. /etc/os-release
host_release="${PRETTY_NAME:-?}"
host_qgis=$(/usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.version())' 2>/dev/null || echo none)
host_minor=$(echo "$host_qgis" | grep -oE '^[0-9]+\.[0-9]+' || echo none)

# QGIS 3.44: Debian 13's backports if they carry a 3.44.x, else Debian unstable.
lane_344() {
  local cand
  if [ $PLAN_ONLY = 1 ] && [ ! -d "$ROOTS/trixie-backports" ]; then
    echo "trixie-backports"; echo "lanes: QGIS 3.44 from trixie-backports (root not built yet, its candidate is checked when it is)" >&2
    return
  fi
  cand=$(bash scripts/run_lane.sh --qgis-candidate trixie-backports | tail -1)
  case "$cand" in
    3.44.*) echo "trixie-backports"; echo "lanes: trixie-backports offers QGIS $cand" >&2 ;;
    "") echo "trixie-backports"
        echo "lanes: could not ask apt in the trixie-backports root; keeping that lane (it shows the error)" >&2 ;;
    *) echo "sid"; echo "lanes: trixie-backports offers QGIS $cand, not 3.44: the 3.44 lane uses Debian unstable (sid)" >&2 ;;
  esac
}

if [ -n "${SOZIALMONITOR_LANES:-}" ]; then
  read -r -a lanes <<<"$SOZIALMONITOR_LANES"
  echo "lanes: chosen by SOZIALMONITOR_LANES: ${lanes[*]}"
else
  lanes=(host)
  for minor in 3.22 3.40 3.44; do
    [ "$minor" = "$host_minor" ] && continue
    case $minor in
      3.22) lanes+=(bookworm) ;;
      3.40) lanes+=(trixie) ;;
      3.44) lanes+=("$(lane_344)") ;;
    esac
  done
  echo "lanes: host is $host_release with QGIS $host_qgis; lanes: ${lanes[*]}"
fi
[ $PLAN_ONLY = 1 ] && exit 0

# --- run them -----------------------------------------------------------------------------------------
declare -A rc secs
run_one() {  # run_one LANE [pytest args]
  local lane=$1 start=$SECONDS status; shift
  # A lane that hangs is stopped after SOZIALMONITOR_LANE_TIMEOUT seconds (timeout signals the lane's whole
  # process group), so the other lanes still run inside CI's time limit.
  if [ "$lane" = host ]; then
    timeout --kill-after=30 "$TIMEOUT" make -s test-here LANE="host-$VERSION_CODENAME" PYTEST_ARGS="$*" 2>&1
  else
    timeout --kill-after=30 "$TIMEOUT" bash scripts/run_lane.sh "$lane" "$@" 2>&1
  fi
  status=$?
  [ $status = 124 ] && echo "lane $lane: stopped after $TIMEOUT s (SOZIALMONITOR_LANE_TIMEOUT)"
  echo "lane $lane: exit $status, $((SECONDS - start)) s"
  return $status
}
total_start=$SECONDS
for lane in "${lanes[@]}"; do
  if [ "$lane" = host ] || [ "$JOBS" -le 1 ]; then
    s=$SECONDS
    run_one "$lane" "$@" | tee "$LOGS/$lane.log"
    rc[$lane]=${PIPESTATUS[0]}; secs[$lane]=$((SECONDS - s))
  fi
done
if [ "$JOBS" -gt 1 ]; then
  declare -A pids
  for lane in "${lanes[@]}"; do
    [ "$lane" = host ] && continue
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
    echo "lanes: starting $lane in the background (log: $LOGS/$lane.log)"
    run_one "$lane" "$@" >"$LOGS/$lane.log" 2>&1 &
    pids[$lane]=$!
  done
  for lane in "${!pids[@]}"; do
    wait "${pids[$lane]}"; rc[$lane]=$?
    secs[$lane]=$(awk '/^lane .*: exit [0-9]+, [0-9]+ s$/ {print $(NF-1)}' "$LOGS/$lane.log" | tail -1)
  done
  for lane in "${lanes[@]}"; do [ "$lane" = host ] || cat "$LOGS/$lane.log"; done
fi

# --- one table ----------------------------------------------------------------------------------------
failed=0
echo
echo "| lane | Debian | QGIS | passed | failed+errors | skipped | pytest s | lane s |"
echo "|---|---|---|---|---|---|---|---|"
for lane in "${lanes[@]}"; do
  log="$LOGS/$lane.log"
  header=$(grep -m1 '^=== lane ' "$log")
  summary=$(grep -E '^(=+ )?[0-9]+ (passed|failed|error|skipped).* in [0-9.]+s' "$log" | tail -1)
  count() { echo "$summary" | grep -oE "[0-9]+ $1" | grep -oE '[0-9]+' || echo 0; }
  debian=$(echo "$header" | grep -oE 'Debian [^|]*' | head -1 | sed 's/ *$//')
  qgis=$(echo "$header" | grep -oE 'QGIS [0-9][^ |]*' | head -1 | cut -d' ' -f2)
  p=$(count passed); f=$(count failed); e=$(count error); sk=$(count skipped)
  pytest_s=$(echo "$summary" | grep -oE 'in [0-9.]+s' | grep -oE '[0-9.]+' || echo "-")
  result_f=$((f + e))
  if [ "${rc[$lane]}" != 0 ] || [ -z "$summary" ] || [ $result_f != 0 ]; then failed=1; fi
  [ -z "$summary" ] && p="-" && result_f="no summary (exit ${rc[$lane]})"
  echo "| $lane | ${debian:--} | ${qgis:--} | $p | $result_f | $sk | ${pytest_s} | ${secs[$lane]} |"
done
echo "all lanes: $((SECONDS - total_start)) s; logs in $LOGS/"
if [ $failed != 0 ]; then echo "make test: FAILED (see the table)"; exit 1; fi
echo "make test: all lanes passed"
