#!/usr/bin/env bash
# journey-studio with a large diagram: open + first paint of SHAPES shapes (default 5,000, joined in rows by
# glued edges) and the frame time while panning it, at 100% and zoomed to fit (everything visible).
# The real application under Xvfb; peak memory from /usr/bin/time -v.
#   bench/studio_paint.sh [BUILD_DIR] [SHAPES]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shapes=${2:-5000}
studio=$build/studio/journey-studio
[[ -x "$studio" ]] || { echo "no $studio: build with JSTUDIO_GUI=ON" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
/usr/bin/time -v -o "$log" xvfb-run -a -s "-screen 0 1280x800x24" "$studio" --no-plugins --bench "$shapes" 2>&1 |
  grep -v -e 'Gtk-WARNING' -e '^$'
grep -E "Elapsed|Maximum resident" "$log" | sed 's/^\s*/  /'
