#!/usr/bin/env bash
# journey export --to pptx on a journey map: the presentable deck of each template (title, persona, overview,
# one slide per stage, pain points and opportunities table, emotion chart; on a validated map the validation
# numbers as a chart and table), read back by
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

# A map checked against a CRM export (journey validate --annotate writes reach, conversion and drop-off per
# stage into its KPI lane) gets a slide with those numbers as a native column chart and table, with notes.
python3 "$SRC/tests/data/eventlog/crm/make_planted.py" "$T" 150 16 >/dev/null
"$J" new --template current-state --stages "Prospecting,Qualification,Proposal,Negotiation,Closed Won" \
    -o "$T/crm.drawio" 2>/dev/null
"$J" validate "$T/crm.drawio" --events "$T/salesforce_OpportunityHistory.csv" --annotate "$T/validated.drawio" \
    >/dev/null 2>&1 || true
"$J" export "$T/validated.drawio" --to pptx -o "$T/validated.pptx" --date "1 January 2027" 2>/dev/null
read_deck "$T/validated.pptx" --min-font 10 --min-stage-font 12 --expect slides=11 --expect stages=5 \
  --expect measures=5 --expect measure_series=3 --expect personas=1 > "$T/log" ||
  { cat "$T/log" >&2; echo "FAIL: validated map" >&2; exit 1; }
last=$(unzip -l "$T/validated.pptx" | grep -c 'ppt/slides/slide[0-9]*\.xml$')
unzip -p "$T/validated.pptx" "ppt/slides/slide$last.xml" | grep -q "<a:t>Prospecting</a:t>"
unzip -p "$T/validated.pptx" "ppt/slides/slide$last.xml" | grep -q "<a:t>150 (100%)</a:t>"
unzip -p "$T/validated.pptx" "ppt/notesSlides/notesSlide$last.xml" | grep -q "The largest drop-off is at "
unzip -p "$T/validated.pptx" ppt/charts/chart2.xml | grep -q "<c:barChart>"
# The same numbers as the map's cards: the validated map's stage cards say "reach N (P%)".
python3 - "$T/validated.drawio" "$T/validated.pptx" <<'PY'
import re, sys, zipfile, xml.etree.ElementTree as ET
cards = {}
for c in ET.parse(sys.argv[1]).getroot().iter("UserObject"):
    if c.get("measured-stage"):
        cards[c.get("measured-stage")] = int(c.get("measured-reach"))
assert len(cards) == 5, cards
z = zipfile.ZipFile(sys.argv[2])
last = max(int(m.group(1)) for m in (re.match(r"ppt/slides/slide(\d+)\.xml$", n) for n in z.namelist()) if m)
rows = re.findall(r"<a:tr .*?</a:tr>", z.read("ppt/slides/slide%d.xml" % last).decode())
got = {}
for r in rows[1:]:
    t = re.findall(r"<a:t>([^<]*)</a:t>", r)
    got[t[0]] = int(t[1].split()[0])
assert got == cards, (got, cards)
PY

checker="${JSTUDIO_SHARED:-$SRC/../shared}/bench/pptx/check_pptx.sh"
if [[ -f "$checker" ]]; then
  for tpl in current-state future-state day-in-the-life service-blueprint validated; do
    HOME="$T" bash "$SRC/tests/support/check_deck.sh" "$checker" --strict --no-render "$T/$tpl.pptx" > "$T/log" 2>&1 ||
      { cat "$T/log" >&2; echo "FAIL: check_pptx $tpl" >&2; exit 1; }
  done
fi
echo ok
