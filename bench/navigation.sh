#!/usr/bin/env bash
# Navigation checks on generated site maps: each rule alone (in process, best of 3, wall and CPU seconds),
# then the whole `journey check` run (read + checks + JSON report) under /usr/bin/time -v, with its peak RSS
# as a multiple of the file size.
# usage: bench/navigation.sh [BUILD_DIR] [SCREENS...]   (default build/ and 100000; build with JSTUDIO_BENCH=ON)
#   bench/navigation.sh build 100000 1000000     both sizes; the rules alone are timed up to 200,000 screens
#                                                (JSTUDIO_BENCH_RULES=1 times them at every size)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${1:-$root/build}"
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(100000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
summary=()
for screens in "${sizes[@]}"; do
  "$build/bench/navigation_bench" gen "$screens" "$work/site.drawio"
  if ((screens <= 200000)) || [[ "${JSTUDIO_BENCH_RULES:-}" == 1 ]]; then
    echo "== rules in process ($screens screens)"
    "$build/bench/navigation_bench" file "$work/site.drawio"
  fi
  echo "== journey check, whole run ($screens screens)"
  rc=0
  /usr/bin/time -v "$build/app/journey" check "$work/site.drawio" --format json > "$work/out.json" 2> "$work/time" || rc=$?
  (( rc <= 1 )) || { cat "$work/time" >&2; exit "$rc"; }
  bytes=$(stat -c %s "$work/site.drawio")
  line=$(awk -F': ' -v screens="$screens" -v bytes="$bytes" '
    /Elapsed \(wall/ { n = split($2, t, ":"); wall = (n == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]) }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 * 1024 }
    END { printf "%9d screens: wall %6.2f s, cpu %6.2f s (user %.2f + sys %.2f), peak %7.1f MiB, file %6.1f MiB, peak/file %.2fx", \
          screens, wall, user + sys, user, sys, rss / 1048576, bytes / 1048576, rss / bytes }' "$work/time")
  echo "$line"
  summary+=("$line")
  rm -f "$work/site.drawio" "$work/out.json"
done
echo "== summary"
printf '%s\n' "${summary[@]}"
