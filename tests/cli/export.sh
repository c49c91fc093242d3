#!/usr/bin/env bash
# journey export: every format from a small hand-made diagram; bad usage exits 2.
set -euo pipefail
J="$1"
SRC="${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}"
IN="$SRC/tests/data/render/two_shapes.drawio"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$J" export "$IN" --to svg -o "$T/a.svg" 2>"$T/err"
grep -q "<svg" "$T/a.svg"
grep -q "mxgraph.made.up" "$T/err"   # the unknown-shape warning
! grep -q 'content=' "$T/a.svg"
"$J" export "$IN" --to svg -o "$T/a.drawio.svg" 2>/dev/null
grep -q 'content="&lt;mxfile' "$T/a.drawio.svg"
"$J" info "$T/a.drawio.svg" >/dev/null
"$J" export "$IN" --to png -o "$T/a.png" --dpi 192 2>/dev/null
head -c 8 "$T/a.png" | od -c | grep -q "P   N   G"
"$J" export "$IN" --to pdf -o "$T/a.pdf" 2>/dev/null
head -c 4 "$T/a.pdf" | grep -q "%PDF"
"$J" export "$IN" --to pptx -o "$T/a.pptx" 2>/dev/null
head -c 2 "$T/a.pptx" | grep -q "PK"
set +e
"$J" export "$IN" --to gif -o "$T/x" 2>/dev/null; [ $? -eq 2 ] || exit 1
"$J" export "$IN" --to svg --page 9 -o "$T/x.svg" 2>/dev/null; [ $? -eq 2 ] || exit 1
[ ! -e "$T/x.svg" ] || exit 1
echo ok
