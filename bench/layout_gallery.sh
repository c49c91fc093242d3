#!/usr/bin/env bash
# The layout gallery: `journey layout` on real diagrams of the shared corpus (flowcharts, swimlanes and pools,
# site maps, user flows, architecture, ER and class diagrams, trees), before and after pictures
# (journey export --to png, at most 1000 px wide) under docs/images/layout-gallery/, and per file the
# automatic checks of the gallery test (edges through nodes, node overlaps, children outside their parent,
# overlapping lanes, reading direction) before -> after, as a Markdown table on stdout.
# usage: bench/layout_gallery.sh [BUILD_DIR|JOURNEY_BINARY] [CORPUS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
arg="${1:-$root/build}"
journey="$arg"; [[ -d "$arg" ]] && journey="$arg/app/journey"
corpus="${2:-${JSTUDIO_CORPUS:-$root/../shared/corpus}/drawio}"
images="$root/docs/images/layout-gallery"
mkdir -p "$images"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| # | file | kind | nodes | through nodes | overlaps | outside parent | lane overlaps | direction |"
echo "|---:|---|---|---:|---|---|---|---|---|"
n=0
while IFS=$'\t' read -r kind file known; do
  [[ -z "$kind" || "$kind" == \#* ]] && continue
  n=$((n + 1))
  src="$corpus/$file"
  stem=$(printf '%02d' "$n")-$(basename "$file" | sed 's/\.[a-z.]*$//; s/.*__//' | tr -c 'A-Za-z0-9_\n-' '_' | cut -c1-40)
  out="$work/$stem.drawio"
  if ! "$journey" layout "$src" -o "$out" --format json > "$work/$stem.json" 2> "$work/$stem.err"; then
    # A picture rather than a graph is written as drawn (exit 1): the row says why.
    if grep -q "left as drawn" "$work/$stem.err"; then
      echo "| $n | $(basename "$file") | $kind | $(sed -n 's/.*(\(.*\)).*/left as drawn: \1/p' "$work/$stem.err" | head -1) |||||"
      continue
    fi
    echo "| $n | $file | $kind | failed: $(head -c 120 "$work/$stem.err") |||||"
    continue
  fi
  cp "$out" "$images/$stem.after.drawio"
  for side in before after; do
    in="$src"; [[ $side == after ]] && in="$out"
    "$journey" export "$in" --to png -o "$work/$stem.$side.png" --background '#ffffff' 2>/dev/null || true
    [[ -f "$work/$stem.$side.png" ]] && convert "$work/$stem.$side.png" -resize '1000x1000>' -strip "$images/$stem.$side.png"
  done
  python3 - "$work/$stem.json" "$n" "$file" "$kind" <<'PY'
import json, sys
j = json.load(open(sys.argv[1])); b, a = j['before'], j['after']
f = lambda k: f"{b[k]} → {a[k]}"
print(f"| {sys.argv[2]} | {sys.argv[3].split('/')[-1]} | {sys.argv[4]} | {a['nodes']} | {f('edges_through_nodes')} | "
      f"{f('node_overlaps')} | {f('children_outside')} | {f('lane_overlaps')} | "
      f"{b['reading_direction']} ({b['direction_strength']:.2f}) → {j['direction']} |")
PY
done < "$root/tests/data/layout/gallery.tsv"
