#!/usr/bin/env bash
# journey discover / validate on a hand-made CSV: JSON counts, bad row reported, a draw.io file written.
set -euo pipefail
journey=$1
data=${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}/tests/data/eventlog
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$journey" discover "$data/funnel.csv" --case deal --activity stage --time when --format json \
    -o "$out/observed.drawio" --segment region >"$out/d.json" 2>"$out/err"
grep -q '"cases": 3' "$out/d.json"
grep -q '"events": 6' "$out/d.json"
grep -q '"rows_bad": 1' "$out/d.json"
grep -q 'row 6\|missing activity' "$out/err"
grep -q 'mxfile' "$out/observed.drawio"
# The drawn journey validates against the same log: every case fits.
"$journey" validate "$out/observed.drawio" --events "$data/funnel.csv" --case deal --activity stage --time when \
    --format json >"$out/v.json" 2>/dev/null || true
grep -q '"fitness"' "$out/v.json"
# --strict makes the bad row fatal (exit 2).
set +e
"$journey" discover "$data/funnel.csv" --case deal --activity stage --time when --strict >/dev/null 2>&1
[[ $? -eq 2 ]] || exit 1
set -e
# --format markdown: the same discovery as headed tables.
md=$("$journey" discover "$data/funnel.csv" --case deal --activity stage --time when --format markdown 2>/dev/null)
grep -q '^# Discovery: ' <<<"$md"
grep -q '^## Directly-follows (' <<<"$md"
grep -q '^| activity | events | cases | starts | ends |' <<<"$md"
