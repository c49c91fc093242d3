#!/bin/bash
# journey layout: writes a laid-out file, reports bad usage with exit 2, and --page out of range fails cleanly.
set -u
journey="$1"
data="${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}/tests/data/layout/lanes.drawio"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$journey" layout "$data" -o "$out/tb.drawio" || fail "TB layout"
grep -q 'orthogonalEdgeStyle' "$out/tb.drawio" || fail "no orthogonal edges written"
"$journey" layout "$data" -o "$out/lr.drawio" --direction LR || fail "LR layout"
cmp -s "$out/tb.drawio" "$out/lr.drawio" && fail "LR gave the same file as TB"
"$journey" layout "$data" -o "$out/again.drawio" || fail "second TB layout"
cmp -s "$out/tb.drawio" "$out/again.drawio" || fail "layout is not deterministic"
"$journey" layout "$data" -o "$out/j.drawio" --format json > "$out/j" || fail "json"; grep -q "\"crossings\"" "$out/j" || fail "json has no crossings"
# auto (the default): lanes drawn as rows (horizontal=0, as in a cross-functional pool) flow left to right.
pool="$(dirname "$data")/pool.drawio"
"$journey" layout "$pool" -o "$out/pool.drawio" --format json > "$out/pj" || fail "pool layout"
grep -q '"direction": "LR"' "$out/pj" || fail "pool lanes are rows but the direction was not LR"
grep -q '"lanes": 4' "$out/pj" || fail "the pool's four lanes were not laid out"
"$journey" layout "$data" -o "$out/x.drawio" --direction XY 2>/dev/null; [ $? -eq 2 ] || fail "bad direction not exit 2"
"$journey" layout "$data" -o "$out/x.drawio" --page 7 2>/dev/null; [ $? -eq 2 ] || fail "bad page not exit 2"
"$journey" layout "$data" -o "$out/x.drawio" --cells nope 2>/dev/null; [ $? -eq 2 ] || fail "bad cell not exit 2"
[ -e "$out/x.drawio" ] && fail "output written on error"
"$journey" layout "$out/missing.drawio" -o "$out/x.drawio" 2>/dev/null; [ $? -eq 2 ] || fail "missing input not exit 2"
# A page of shapes with no arrow between them is a picture: written as drawn, exit 1, the reason on stderr;
# --force lays it out.
pic="$out/picture.drawio"
cat > "$pic" <<'XML'
<mxfile><diagram id="d" name="p"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="a" value="Kitchen" style="" vertex="1" parent="1"><mxGeometry x="0" y="0" width="100" height="80" as="geometry"/></mxCell>
<mxCell id="b" value="Hall" style="" vertex="1" parent="1"><mxGeometry x="300" y="300" width="100" height="80" as="geometry"/></mxCell>
</root></mxGraphModel></diagram></mxfile>
XML
"$journey" convert "$pic" "$out/pic-drawn.drawio" 2>/dev/null || fail "convert the picture"
"$journey" layout "$pic" -o "$out/pic.drawio" 2> "$out/pic-err"; [ $? -eq 1 ] || fail "a picture is not exit 1"
grep -q "left as drawn" "$out/pic-err" || fail "no reason given for leaving a picture as drawn"
cmp -s "$out/pic.drawio" "$out/pic-drawn.drawio" || fail "the picture was not written as drawn"
"$journey" layout "$pic" -o "$out/pic-forced.drawio" --force 2>/dev/null || fail "--force"
cmp -s "$out/pic-forced.drawio" "$out/pic-drawn.drawio" && fail "--force left the picture as drawn"
# Regions that the layout would make hold other shapes (two drawn overlapping, a chain to and fro between
# them): written as drawn, exit 1, the regions named; --format json gives the reason.
reg="$out/regions.drawio"
cat > "$reg" <<'XML'
<mxfile><diagram id="d" name="p"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="A" value="Account" style="fillColor=none;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="400" height="200" as="geometry"/></mxCell>
<mxCell id="B" value="Network" style="dashed=1;fillColor=none;" vertex="1" parent="1"><mxGeometry x="300" y="100" width="400" height="200" as="geometry"/></mxCell>
<mxCell id="a1" value="a1" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="20" y="40" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="a2" value="a2" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="160" y="40" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="b1" value="b1" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="450" y="220" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="b2" value="b2" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="580" y="220" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="a1" target="b1"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="b1" target="a2"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3" edge="1" parent="1" source="a2" target="b2"><mxGeometry relative="1" as="geometry"/></mxCell>
</root></mxGraphModel></diagram></mxfile>
XML
"$journey" convert "$reg" "$out/reg-drawn.drawio" 2>/dev/null || fail "convert the regions page"
"$journey" layout "$reg" -o "$out/reg.drawio" 2> "$out/reg-err"; [ $? -eq 1 ] || fail "changed regions are not exit 1"
grep -q "left as drawn: page 1: .*'Account' would take in 2 shapes" "$out/reg-err" || fail "the region is not named"
cmp -s "$out/reg.drawio" "$out/reg-drawn.drawio" || fail "the regions page was not written as drawn"
"$journey" layout "$reg" -o "$out/reg2.drawio" --format json 2>/dev/null | grep -q '"reason": "laid out, the page.s regions' ||
  fail "json gives no reason"
"$journey" layout --help > /dev/null || fail "--help"
echo ok
