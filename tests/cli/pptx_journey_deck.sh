#!/usr/bin/env bash
# journey export --to pptx on a journey map: the presentable deck of each template (title, persona, overview,
# one slide per stage, pain points and opportunities table, emotion chart), read back by
# tests/support/read_deck.py: speaker notes on every slide, no picture, glued connectors, tables, a chart with
# its workbook, cards at 12 pt or more on stage slides; --deck map keeps the one-slide picture; every deck
# passes ../shared/bench/pptx/check_pptx.sh --strict (package checks; the render is in
# bench/pptx_journey_decks.sh and tests/cli/pptx_deck_check.sh).
set -euo pipefail
J=$1
SRC="${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
read_deck() { python3 "$SRC/tests/support/read_deck.py" "$@"; }
#            template           slides personas stages findings glued
while read -r tpl slides personas stages findings glued; do
  "$J" new --template "$tpl" -o "$T/$tpl.drawio" 2>/dev/null
  "$J" export "$T/$tpl.drawio" --to pptx -o "$T/$tpl.pptx" --date "1 January 2027" 2>/dev/null
  read_deck "$T/$tpl.pptx" --min-font 10 --min-stage-font 12 --expect slides="$slides" \
    --expect personas="$personas" --expect stages="$stages" --expect findings="$findings" \
    --expect glued="$glued" > "$T/log" || { cat "$T/log" >&2; echo "FAIL: $tpl" >&2; exit 1; }
  unzip -p "$T/$tpl.pptx" ppt/slides/slide1.xml | grep -q "<a:t>1 January 2027</a:t>"
done <<'TABLE'
current-state      9  1 4 8 8
future-state      10  2 4 6 10
day-in-the-life    9  1 4 7 8
service-blueprint  9  1 4 2 6
TABLE

# The stage slide names its stage, lanes and cards; pain points are bold; transitions are labelled.
s5=$(unzip -p "$T/current-state.pptx" ppt/slides/slide5.xml)
grep -q "<a:t>Add to cart</a:t>" <<<"$s5"
grep -q "<a:t>Pain points</a:t>" <<<"$s5"
grep -q 'b="1" dirty="0"><a:solidFill><a:srgbClr val="1F2D3D"/></a:solidFill><a:latin typeface="Helvetica"/></a:rPr><a:t>No size advice' <<<"$s5"
grep -q "<a:t>→ to Checkout: switches device</a:t>" <<<"$s5"
grep -q "<a:t>→ from Browse</a:t>" <<<"$s5"
# The table is sorted by emotion: the worst stage (Ask support, -2) first.
s8=$(unzip -p "$T/current-state.pptx" ppt/slides/slide8.xml)
first=$(grep -o '<a:t>[^<]*</a:t>' <<<"$s8" | sed -n 9p)
[ "$first" = "<a:t>Ask support</a:t>" ] || { echo "table starts with $first" >&2; exit 1; }
# The chart's cached values are the stage means: +1 0 -1 -2.
vals=$(unzip -p "$T/current-state.pptx" ppt/charts/chart1.xml | grep -o '<c:numCache>.*</c:numCache>' |
  grep -o '<c:v>[^<]*</c:v>' | tr -d '\n')
[ "$vals" = "<c:v>1</c:v><c:v>0</c:v><c:v>-1</c:v><c:v>-2</c:v>" ] || { echo "chart values $vals" >&2; exit 1; }
# Notes say what the slide shows, from the map's data.
unzip -p "$T/current-state.pptx" ppt/notesSlides/notesSlide5.xml | grep -q "Emotion here: Maya Chen 0"

# --deck map: the map as one slide, as before; --split keeps its parts.
"$J" export "$T/current-state.drawio" --to pptx --deck map -o "$T/one.pptx" 2>/dev/null
[ "$(unzip -l "$T/one.pptx" | grep -c 'ppt/slides/slide[0-9]*\.xml$')" = 1 ]
"$J" export "$T/current-state.drawio" --to pptx --split stages -o "$T/split.pptx" 2>/dev/null
[ "$(unzip -l "$T/split.pptx" | grep -c 'ppt/slides/slide[0-9]*\.xml$')" = 4 ]
# --deck journey on a page that is no journey map says so and exports the page.
"$J" export "$SRC/tests/data/render/two_shapes.drawio" --to pptx --deck journey -o "$T/flow.pptx" 2>"$T/err"
grep -q "is not a journey map" "$T/err"

checker="${JSTUDIO_SHARED:-$SRC/../shared}/bench/pptx/check_pptx.sh"
if [[ -f "$checker" ]]; then
  for tpl in current-state future-state day-in-the-life service-blueprint; do
    HOME="$T" bash "$SRC/tests/support/check_deck.sh" "$checker" --strict --no-render "$T/$tpl.pptx" > "$T/log" 2>&1 ||
      { cat "$T/log" >&2; echo "FAIL: check_pptx $tpl" >&2; exit 1; }
  done
fi
echo ok
