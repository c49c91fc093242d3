#!/usr/bin/env bash
# A real user flow (the corpus's xtonwallet flow) as a designer decorates it: translucent highlight frames
# over two screens, a numbered badge and an icon on others, a free note, and an arrow drawn from a frame
# instead of the screen under it. `journey check` must give the undecorated flow's findings plus nothing
# (the frames and badges are no screens), count the arrow from the frame as a link from its screen, and check
# its own --annotate copy identically.
set -euo pipefail
journey=$1
src=${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}
corpus=${JSTUDIO_CORPUS:-$src/../shared/corpus}/drawio
flow=$corpus/xtonwallet__web-extension/docs__user-flow.drawio
if [[ ! -f $flow ]]; then
  [[ "${JSTUDIO_REQUIRE_CORPUS:-0}" == "1" ]] && { echo "FAIL: corpus missing: $flow" >&2; exit 1; }
  echo "SKIP: corpus missing: $flow" >&2; exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$journey" convert "$flow" "$tmp/plain.drawio" --uncompressed 2>/dev/null
python3 - "$tmp/plain.drawio" "$tmp/decorated.drawio" <<'PY'
import re, sys
xml = open(sys.argv[1]).read()
def geo(cell_id):
    m = re.search(r'<mxCell id="%s"[^>]*>\s*<mxGeometry ([^>]*)' % re.escape(cell_id), xml)
    a = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
    return float(a.get('x', 0)), float(a.get('y', 0)), float(a['width']), float(a['height'])
cells = []
def add(cid, style, x, y, w, h, value=""):
    cells.append(f'<mxCell id="{cid}" value="{value}" style="{style}" vertex="1" parent="WIyWlLk6GJQsqaUBKTNV-1">'
                 f'<mxGeometry x="{x}" y="{y}" width="{w}" height="{h}" as="geometry"/></mxCell>')
for n, screen in enumerate(['7IQv4lvSq5LxYnrao3s7-16', 'Es61mnsEvA5dBG58v4O--42']):  # two dead ends
    x, y, w, h = geo(screen)
    add(f'hl{n}', 'rounded=1;whiteSpace=wrap;html=1;fillColor=#FFFF00;opacity=30;strokeColor=#d6b656;strokeWidth=3;',
        x - 8, y - 8, w + 16, h + 16)
x, y, w, h = geo('7IQv4lvSq5LxYnrao3s7-13')
add('badge', 'ellipse;whiteSpace=wrap;html=1;fillColor=#f8cecc;strokeColor=#b85450;', x + w - 12, y - 12, 24, 24, '2')
x, y, w, h = geo('7IQv4lvSq5LxYnrao3s7-14')
add('icon', 'shape=image;html=1;image=data:image/svg+xml,PHN2Zy8+;', x - 10, y + h / 2 - 10, 20, 20)
add('note', 'text;html=1;', x + w + 20, y, 90, 20, 'ask legal!')
# The designer links the highlighted dead end 'Finishing' on to 'Complete', drawn from the frame.
cells.append('<mxCell id="from-frame" style="edgeStyle=orthogonalEdgeStyle;html=1;" edge="1" '
             'parent="WIyWlLk6GJQsqaUBKTNV-1" source="hl0" target="7IQv4lvSq5LxYnrao3s7-23">'
             '<mxGeometry relative="1" as="geometry"/></mxCell>')
xml = xml.replace('</root>', ''.join(cells) + '</root>', 1)
open(sys.argv[2], 'w').write(xml)
PY

set +e
"$journey" check "$flow" --format json > "$tmp/original.json"; rc_original=$?
"$journey" check "$tmp/decorated.drawio" --format json --annotate "$tmp/annotated.drawio" > "$tmp/decorated.json" 2>/dev/null
rc_decorated=$?
"$journey" check "$tmp/annotated.drawio" --format json > "$tmp/again.json"; rc_again=$?
set -e
[[ $rc_original == 0 && $rc_decorated == 0 && $rc_again == 0 ]] || fail "exit codes $rc_original $rc_decorated $rc_again"
python3 - "$tmp/original.json" "$tmp/decorated.json" "$tmp/again.json" <<'PY' || fail "findings"
import json, sys
o, d, a = (json.load(open(p))['pages'][0] for p in sys.argv[1:4])
key = lambda p: sorted((f['rule'], tuple(f['cells'])) for f in p['findings'])
named = {c for f in d['findings'] for c in f['cells']}
assert not named & {'hl0', 'hl1', 'badge', 'icon', 'note'}, named
assert d['screens'] == o['screens'], (d['screens'], o['screens'])
assert d['links'] == o['links'] + 1, (d['links'], o['links'])
# The arrow from the frame makes 'Finishing' lead on: its dead end is gone, nothing else changes.
gone = set(key(o)) - set(key(d))
assert ('dead-end', ('7IQv4lvSq5LxYnrao3s7-16',)) in gone, gone
# Drawn without waypoints, the new arrow runs along the row of the two unlinked 'Complete' screens, through
# their centres: step-on-arrow names them with that arrow, and only with it.
allowed = {f for f in key(d) if f[0] in ('too-deep', 'bottleneck') or (f[0] == 'step-on-arrow' and 'from-frame' in f[1])}
assert set(key(d)) - set(key(o)) <= allowed, set(key(d)) - set(key(o))
assert key(a) == key(d), 'the annotated copy checks differently'
PY
echo "ok"
