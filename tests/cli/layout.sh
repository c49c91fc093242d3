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
"$journey" layout --help > /dev/null || fail "--help"
echo ok
