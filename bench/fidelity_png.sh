#!/usr/bin/env bash
# Fidelity against draw.io's own pictures in .drawio.png files: for every PNG in the corpus that holds a
# diagram, export page 1 with ours (journey export --to svg --plain), rasterise it with rsvg-convert at the size of
# draw.io's picture, and score the share of differing pixels (bench/png_diff.py: flattened on white, grey,
# 5x5 blur, > 15% difference). Prints file, size, share differing, like bench/fidelity.sh.
# usage: bench/fidelity_png.sh path/to/journey [corpus-dir] [keep-dir]
set -uo pipefail
J="$1"; C="${2:-$(dirname "$0")/../../shared/corpus/drawio}"; K="${3:-}"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
printf "%-70s %9s %8s\n" file size differing
find "$C" -iname '*.png' | sort | while read -r f; do
  name=$(basename "$f")
  "$J" info "$f" >/dev/null 2>&1 || continue   # a PNG without a diagram
  "$J" export "$f" --to svg --plain --page 1 -o "$T/ours.svg" 2>/dev/null || { printf "%-70s %9s %8s\n" "$name" - "export failed"; continue; }
  w=$(od -An -tu1 -j16 -N4 "$f" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
  h=$(od -An -tu1 -j20 -N4 "$f" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
  rsvg-convert -b white -w "$w" -h "$h" "$T/ours.svg" -o "$T/ours.png"
  d=$(python3 "$(dirname "$0")/png_diff.py" "$f" "$T/ours.png" 2>&1 | tail -1)
  printf "%-70s %9s %7s%%\n" "$name" "${w}x${h}" "$d"
  if [ -n "$K" ]; then mkdir -p "$K"; cp "$f" "$K/${name%.png}.theirs.png"; cp "$T/ours.png" "$K/${name%.png}.ours.png"; fi
done
