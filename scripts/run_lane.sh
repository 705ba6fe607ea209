#!/usr/bin/env bash
# Run the test suite on another Debian release's QGIS, inside a Debian root (scripts/debian_root.sh).
#   scripts/run_lane.sh LANE [pytest arguments]      LANE: bookworm | trixie | trixie-backports
# The root is cached in $SOZIALMONITOR_ROOTS (default /var/cache/sozialmonitor-ci/roots) and reused by
# later runs on the same machine. The working tree's files (what git tracks or would track) are copied into
# the root, the suite runs there with `make test-here` (bootstrap, translations, pytest) in a private mount
# namespace (/proc, /dev, /sys bound in; they vanish with the process, also when it is killed).
set -euo pipefail
LANE=${1:?usage: run_lane.sh LANE [pytest args]}; shift
HERE=$(cd "$(dirname "$0")/.." && pwd)
# The tree to test: this checkout, or another one (e.g. a worktree) named by SOZIALMONITOR_SRC.
SRC=${SOZIALMONITOR_SRC:-$HERE}
ROOTS=${SOZIALMONITOR_ROOTS:-/var/cache/sozialmonitor-ci/roots}
ROOT="$ROOTS/$LANE"
mkdir -p "$ROOTS"
# One build/refresh of a root at a time (parallel runs wait for each other here).
flock "$ROOT.lock" bash "$HERE/scripts/debian_root.sh" "$LANE" "$ROOT"

WORK=$(mktemp -d "$ROOT/tmp/sozialmonitor-src.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
(cd "$SRC" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$WORK"
chmod 755 "$WORK"
INNER=${WORK#"$ROOT"}

args=""
for a in "$@"; do args+=" $(printf '%q' "$a")"; done
unshare --mount --propagation private bash -euo pipefail -c '
  root=$1; inner=$2; args=$3
  mount --rbind /proc "$root/proc"; mount --rbind /dev "$root/dev"; mount --rbind /sys "$root/sys"
  # Local package mirrors named by the host pip settings, if there are any.
  for d in /opt/wheels /opt/pypi /opt/pypi-more; do
    [ -d "$d" ] && { mkdir -p "$root$d"; mount --bind -o ro "$d" "$root$d"; }
  done
  exec chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb CI="${CI:-}" PIP_DEFAULT_TIMEOUT=180 \
    PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_FIND_LINKS="${PIP_FIND_LINKS:-}" \
    bash -c "cd $inner && make -s test-here VENV=/opt/sozialmonitor-venv PYTEST_ARGS=\"$args\""
' lane "$ROOT" "$INNER" "$args"
