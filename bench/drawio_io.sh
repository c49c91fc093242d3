#!/usr/bin/env bash
# Read/write CPU time and peak memory of the draw.io reader and writer (read the file, save it, as convert
# does), next to a bare pugixml parse + save of the same file. Issue 19's targets on the 200k-cell file: peak
# memory at most 3x the file, read+write at most 2x the pugixml floor.
# usage: bench/drawio_io.sh [BUILD_DIR]   (default build/; run scripts/build.sh first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="${1:-$root/build}/bench/drawio_io_bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" gen 200000 "$work/plain-200k.drawio"
"$bin" gen 200000 "$work/compressed-200k.drawio" --compressed
files=("$work/plain-200k.drawio" "$work/compressed-200k.drawio")
corpus="${JSTUDIO_CORPUS:-$root/../shared/corpus}/drawio"
if [[ -d "$corpus" ]]; then
  largest=$(find "$corpus" -type f \( -name '*.drawio' -o -name '*.xml' \) -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)
  files+=("$largest")
fi
for f in "${files[@]}"; do
  size=$(stat -c %s "$f")
  declare -A total=()
  for mode in ours pugixml; do
    line=$( { /usr/bin/time -v "$bin" "$mode" "$f" 2> "$work/time" ; } )
    rss=$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}' "$work/time")
    total[$mode]=$(grep -o 'read+write *[0-9.]*' <<<"$line" | grep -o '[0-9.]*$')
    awk -v l="$line" -v r="$rss" -v s="$size" 'BEGIN { printf "%s  peak %6.1f MB (%.2fx file)\n", l, r / 1024, r * 1024 / s }'
  done
  awk -v a="${total[ours]}" -v b="${total[pugixml]}" 'BEGIN { printf "  read+write: %.2fx the pugixml floor\n", a / b }'
  unset total
done
