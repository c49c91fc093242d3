#!/usr/bin/env bash
# Fidelity against draw.io's own pictures: for every .drawio.svg in the corpus, rasterise draw.io's SVG and ours
# (journey export --to svg --plain, page 1) at the same size with rsvg-convert, flatten on white, blur 1.5 px,
# and count pixels differing by more than 15% (bench/png_diff.py, python3 stdlib). Prints file, size, share differing.
# usage: bench/fidelity.sh path/to/journey [corpus-dir] [keep-dir]
set -uo pipefail
J="$1"; C="${2:-$(dirname "$0")/../../shared/corpus/drawio}"; K="${3:-}"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
printf "%-70s %9s %8s\n" file size differing
find "$C" -name '*.drawio.svg' | sort | while read -r f; do
  name=$(basename "$f")
  "$J" export "$f" --to svg --plain --page 1 -o "$T/ours.svg" 2>/dev/null || { printf "%-70s %9s %8s\n" "$name" - "export failed"; continue; }
  rsvg-convert -b white "$f" -o "$T/theirs.png" 2>/dev/null || { printf "%-70s %9s %8s\n" "$name" - "rsvg failed"; continue; }
  w=$(od -An -tu1 -j16 -N4 "$T/theirs.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
  h=$(od -An -tu1 -j20 -N4 "$T/theirs.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
  rsvg-convert -b white -w "$w" -h "$h" "$T/ours.svg" -o "$T/ours.png"
  d=$(python3 "$(dirname "$0")/png_diff.py" "$T/theirs.png" "$T/ours.png" 2>&1 | tail -1)
  printf "%-70s %9s %7s%%\n" "$name" "${w}x${h}" "$d"
  if [ -n "$K" ]; then mkdir -p "$K"; cp "$T/theirs.png" "$K/${name%.drawio.svg}.theirs.png"; cp "$T/ours.png" "$K/${name%.drawio.svg}.ours.png"; fi
done
