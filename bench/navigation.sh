#!/usr/bin/env bash
# Navigation checks on a generated 100,000-screen site map: each rule alone (in process, best of 3, wall and
# CPU seconds), then the whole `journey check` run (read + checks + report) under /usr/bin/time -v.
# usage: bench/navigation.sh [BUILD_DIR] [SCREENS]   (default build/ and 100000; build with JSTUDIO_BENCH=ON)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${1:-$root/build}"
screens="${2:-100000}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bench/navigation_bench" gen "$screens" "$work/site.drawio"
echo "== rules in process ($screens screens)"
"$build/bench/navigation_bench" file "$work/site.drawio"
echo "== journey check, whole run"
rc=0
/usr/bin/time -v "$build/app/journey" check "$work/site.drawio" --format json > "$work/out.json" 2> "$work/time" || rc=$?
(( rc <= 1 )) || { cat "$work/time" >&2; exit "$rc"; }
awk -F': ' '/Elapsed \(wall/ {print "wall " $2} /User time/ {print "user " $2 " s"} /Maximum resident/ {printf "peak %.1f MB\n", $2 / 1024}' "$work/time"
ls -l "$work/site.drawio" | awk '{printf "file %.1f MB\n", $5 / 1e6}'
