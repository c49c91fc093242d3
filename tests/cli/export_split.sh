#!/usr/bin/env bash
# journey export: .drawio.png reads back; --split stages|tiles gives exact slide/page/file counts and contents;
# every deck passes ../shared/bench/pptx/check_pptx.sh --strict (through tests/support/check_deck.sh).
set -euo pipefail
J="$1"
SRC="${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}"
MAP="$SRC/tests/data/render/journey-map.drawio"   # 4 stages x 8 lanes
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
slides() { unzip -l "$1" | grep -c 'ppt/slides/slide[0-9]*\.xml$'; }
slide() { unzip -p "$1" "ppt/slides/slide$2.xml"; }

# .drawio.png: picture + diagram; our reader reopens it with the same pages.
"$J" export "$MAP" --to png -o "$T/map.drawio.png" 2>/dev/null
"$J" info "$T/map.drawio.png" | grep -q "mxfile in png"
"$J" convert "$T/map.drawio.png" "$T/back.drawio" 2>/dev/null
"$J" convert "$MAP" "$T/orig.drawio" 2>/dev/null
cmp "$T/back.drawio" "$T/orig.drawio"
"$J" export "$MAP" --to png --plain -o "$T/plain.drawio.png" 2>/dev/null
! "$J" info "$T/plain.drawio.png" >/dev/null 2>&1

# --split stages: one slide per stage, the 8 lane headers on each, only its own stage header.
"$J" export "$MAP" --to pptx --split stages -o "$T/stages.pptx" 2>/dev/null
[ "$(slides "$T/stages.pptx")" = 4 ]
for k in 1 2 3 4; do
  x=$(slide "$T/stages.pptx" $k)
  for lane in Actions Touchpoints Thoughts Emotions "Pain points" Opportunities "Owner / team" KPIs; do
    grep -q "<a:t>$lane</a:t>" <<<"$x" || { echo "slide $k lacks lane $lane" >&2; exit 1; }
  done
  n=$(grep -o '<a:t>\(Browse\|Add to cart\|Checkout\|Ask support\)</a:t>' <<<"$x" | wc -l)
  [ "$n" = 1 ] || { echo "slide $k shows $n stage headers" >&2; exit 1; }
  ! grep -q "Maya Chen" <<<"$x"   # the persona card stays out
done
slide "$T/stages.pptx" 1 | grep -q "<a:t>Browse</a:t>"
slide "$T/stages.pptx" 4 | grep -q "<a:t>Ask support</a:t>"
"$J" export "$MAP" --to pptx --split stages --stages-per-part 3 -o "$T/stages3.pptx" 2>/dev/null
[ "$(slides "$T/stages3.pptx")" = 2 ]
"$J" export "$MAP" --to svg --split stages -o "$T/st.svg" 2>/dev/null
[ "$(ls "$T"/st-*.svg | wc -l)" = 4 ]
"$J" export "$MAP" --to pdf --split stages -o "$T/st.pdf" 2>/dev/null
if command -v pdfinfo >/dev/null; then [ "$(pdfinfo "$T/st.pdf" | awk '/^Pages:/{print $2}')" = 4 ]; fi
# A page without stages is exported whole, with a note.
"$J" export "$SRC/tests/data/render/two_shapes.drawio" --to pptx --split stages -o "$T/flow.pptx" 2>"$T/err"
grep -q "no journey stages" "$T/err"
[ "$(slides "$T/flow.pptx")" = 1 ]

# --split tiles: a 2,000 x 1,300 px grid of boxes -> 2 x 3 tiles at 100 % (1184 x 624 px each, 10 % overlap).
python3 - > "$T/big.drawio" <<'PY'
print('<mxfile><diagram id="b" name="Big"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>')
for r in range(10):
    for c in range(13):
        i = r * 13 + c
        print(f'<mxCell id="v{i}" value="Box {i}" style="rounded=0;whiteSpace=wrap;html=1;" vertex="1" parent="1">'
              f'<mxGeometry x="{c * 150}" y="{r * 130}" width="100" height="60" as="geometry"/></mxCell>')
        if c:
            print(f'<mxCell id="e{i}" style="edgeStyle=orthogonalEdgeStyle;html=1;" edge="1" parent="1" '
                  f'source="v{i-1}" target="v{i}"><mxGeometry relative="1" as="geometry"/></mxCell>')
print('</root></mxGraphModel></diagram></mxfile>')
PY
"$J" export "$T/big.drawio" --to pptx --split tiles -o "$T/tiles.pptx" 2>/dev/null
[ "$(slides "$T/tiles.pptx")" = 6 ]
slide "$T/tiles.pptx" 1 | grep -q "<a:t>Box 0</a:t>"
! slide "$T/tiles.pptx" 1 | grep -q "<a:t>Box 129</a:t>"
slide "$T/tiles.pptx" 6 | grep -q "<a:t>Box 129</a:t>"
! slide "$T/tiles.pptx" 6 | grep -q "<a:t>Box 0</a:t>"
"$J" export "$T/big.drawio" --to pptx --split tiles --tile-zoom 0.5 -o "$T/tiles1.pptx" 2>/dev/null
[ "$(slides "$T/tiles1.pptx")" = 1 ]
"$J" export "$T/big.drawio" --to png --split tiles -o "$T/t.png" 2>/dev/null
[ "$(ls "$T"/t-*.png | wc -l)" = 6 ]
w=$(od -An -tu1 -j16 -N4 "$T/t-1.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
[ "$w" = 1186 ]   # the 1184 px window plus the 1 px margin each side

# horizontal=0 swimlanes: turned titles in the PPTX header shapes (pool + 2 lanes).
"$J" export "$SRC/tests/data/render/vertical_lanes.drawio" --to pptx -o "$T/lanes.pptx" 2>/dev/null
[ "$(slide "$T/lanes.pptx" 1 | grep -o 'vert="vert270"' | wc -l)" = 3 ]

checker="${JSTUDIO_SHARED:-$SRC/../shared}/bench/pptx/check_pptx.sh"
if [[ -f "$checker" ]]; then
  for deck in stages stages3 tiles lanes; do
    HOME="$T" bash "$SRC/tests/support/check_deck.sh" "$checker" --strict "$T/$deck.pptx" > "$T/log" 2>&1 ||
      { cat "$T/log" >&2; echo "FAIL: $deck.pptx" >&2; exit 1; }
  done
fi
echo ok
