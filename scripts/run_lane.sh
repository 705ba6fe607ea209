#!/usr/bin/env bash
# Run the test suite on another Debian release's QGIS, inside a Debian root (scripts/debian_root.sh).
#   scripts/run_lane.sh LANE [pytest arguments]   LANE: bookworm | trixie | trixie-backports | sid
#   scripts/run_lane.sh --build LANE              only build (or reuse) the root
#   scripts/run_lane.sh --qgis-candidate LANE     print the QGIS version apt would install in the root
# The root is cached in $SOZIALMONITOR_ROOTS (default /var/cache/sozialmonitor-ci/roots) and reused by
# later runs on the same machine (rebuilt only when scripts/debian_root.sh changes). The working tree's
# files (what git tracks or would track) are copied into the root; there `make bootstrap translations`
# (idempotent: installs QGIS, PostgreSQL/PostGIS and the venv on the first run, then only what changed)
# and `make test-here` run. Everything runs in private mount and PID namespaces: /proc, /dev, /sys and the
# local package directories named by the host's pip settings are mounted only there, and the kernel ends
# every process and removes every mount when the run ends or is killed.
set -euo pipefail
MODE=run
case "${1:-}" in
  --build) MODE=build; shift ;;
  --qgis-candidate) MODE=candidate; shift ;;
esac
LANE=${1:?usage: run_lane.sh [--build|--qgis-candidate] LANE [pytest args]}; shift
HERE=$(cd "$(dirname "$0")/.." && pwd)
# The tree to test: this checkout, or another one (e.g. a worktree) named by SOZIALMONITOR_SRC.
SRC=${SOZIALMONITOR_SRC:-$HERE}
ROOTS=${SOZIALMONITOR_ROOTS:-/var/cache/sozialmonitor-ci/roots}
ROOT="$ROOTS/$LANE"
VENV_IN_ROOT=/opt/sozialmonitor-venv
if [ "$(id -u)" != 0 ]; then
  echo "run_lane: needs root (mmdebstrap, chroot, mount namespaces)" >&2; exit 1
fi
mkdir -p "$ROOTS"

# Build or reuse the root under an exclusive lock, then keep a shared lock while it is used: a rebuild
# (recipe changed) waits for running lanes, parallel runs of the same lane share the root.
exec 8>"$ROOT.lock"
flock 8
t0=$SECONDS
if [ $MODE = candidate ]; then bash "$HERE/scripts/debian_root.sh" "$LANE" "$ROOT" >&2; else bash "$HERE/scripts/debian_root.sh" "$LANE" "$ROOT"; fi
flock -s 8
root_s=$((SECONDS - t0))
[ $MODE = build ] && exit 0

# Local package directories the host's pip settings name (find-links directories, file:// indexes): mounted
# read-only at the same place, so pip inside the root finds what pip on the host finds. A file:// index
# (.../simple) links to its files relative to it: its parent directory is mounted.
pip_dirs() {
  { cat /etc/pip.conf "${HOME:-/root}/.config/pip/pip.conf" "${HOME:-/root}/.pip/pip.conf" 2>/dev/null || true
    echo "${PIP_FIND_LINKS:-} ${PIP_EXTRA_INDEX_URL:-} ${PIP_INDEX_URL:-}"; } |
    grep -oE '(file://)?/[^[:space:]]+' |
    while read -r d; do
      case "$d" in file://*) d=$(dirname "${d#file://}") ;; esac
      [ -d "$d" ] && [ "$d" != / ] && echo "$d"
    done | sort -u
  return 0
}

# in_root COMMAND: run a bash command line inside the root, in private mount + PID namespaces.
# setpriv --pdeathsig: when this script dies, even by SIGKILL, unshare gets SIGKILL, and --kill-child takes
# the namespace's PID 1 (and so every process in it) along.
in_root() {
  setpriv --pdeathsig KILL unshare --mount --pid --fork --kill-child --propagation private bash -euo pipefail -c '
    root=$1; cmd=$2; shift 2
    # The root bound onto itself is a mount point: inside it, / can be made private again (a lane run from
    # inside another root, as when a Debian 13 machine is simulated in the trixie root, needs that).
    mount --bind "$root" "$root"
    mount -t proc proc "$root/proc"; mount --rbind /dev "$root/dev"; mount --rbind /sys "$root/sys"
    for d in "$@"; do mkdir -p "$root$d"; mount --bind "$d" "$root$d"; mount -o remount,bind,ro "$root$d"; done
    # bash stays PID 1 of the namespace (reaps orphans, e.g. a stopped PostgreSQL server); when it exits,
    # the kernel ends whatever is left in the namespace and the mounts go with it.
    set +e
    chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb CI="${CI:-}" PIP_DEFAULT_TIMEOUT=180 \
      PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
      PIP_FIND_LINKS="${PIP_FIND_LINKS:-}" bash -euo pipefail -c "$cmd"
    rc=$?
    exit $rc
  ' lane "$ROOT" "$1" $(pip_dirs)
}

if [ $MODE = candidate ]; then
  in_root "apt-get -o DPkg::Lock::Timeout=600 update -qq && apt-cache policy qgis | awk '/Candidate:/ {print \$2}'"
  exit 0
fi

# Each run copies the tree to $ROOT/tmp/sozialmonitor-src.XXXXXX and holds a lock on WORK.lock while it
# runs. A run killed with SIGKILL cannot remove its copy: copies whose lock is free are removed here.
for old in "$ROOT"/tmp/sozialmonitor-src.*.lock; do
  [ -f "$old" ] || continue
  ( flock -n 9 && rm -rf "${old%.lock}" "$old" ) 9<"$old" || true
done
WORK=$(mktemp -d "$ROOT/tmp/sozialmonitor-src.XXXXXX")
exec 7>"$WORK.lock"
flock 7
trap 'rm -rf "$WORK" "$WORK.lock"' EXIT
if command -v git >/dev/null && git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
  (cd "$SRC" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$WORK"
else  # a tree without git (unpacked archive, or a machine without git): all but venvs and build output
  tar -C "$SRC" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist --exclude=__pycache__ \
    --exclude=.pytest_cache -cf - . | tar -xf - -C "$WORK"
fi
chmod 755 "$WORK"
INNER=${WORK#"$ROOT"}

args=""
for a in "$@"; do args+=" $(printf '%q' "$a")"; done
in_root "cd $INNER
  t=\$SECONDS
  make -s bootstrap translations VENV=$VENV_IN_ROOT
  echo \"lane $LANE: root ${root_s} s, bootstrap + translations \$((SECONDS - t)) s\"
  make -s test-here VENV=$VENV_IN_ROOT LANE=$LANE PYTEST_ARGS=$(printf '%q' "$args")"
