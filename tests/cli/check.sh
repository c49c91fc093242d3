#!/usr/bin/env bash
# journey check through the real binary: exit codes per --fail-on, JSON, config file, annotated copy.
set -euo pipefail
journey=$1
src=${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}
flow=$src/tests/data/navigation/shop_checkout.drawio
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$journey" check --help | grep -q -- "--fail-on" || fail "check --help"
set +e
"$journey" check "$flow" >/dev/null; [ $? -eq 1 ] || fail "error finding must exit 1"
"$journey" check "$src/tests/data/navigation/clean.drawio" --fail-on info >/dev/null; [ $? -eq 0 ] || fail "clean exits 0"
"$journey" check "$flow" --disable unreachable >/dev/null; [ $? -eq 0 ] || fail "no error left: exit 0"
"$journey" check "$flow" --disable unreachable --fail-on warning >/dev/null; [ $? -eq 1 ] || fail "warnings fail at warning"
"$journey" check "$flow" --page 9 >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad page exits 2"
echo '{"rules": {"unreachable": false, "dead-end": {"severity": "info"}, "loose-edge": false}}' > "$tmp/c.json"
"$journey" check "$flow" --config "$tmp/c.json" --fail-on warning >/dev/null; [ $? -eq 0 ] || fail "config turns rules off"
echo '{"rules": {"nope": true}}' > "$tmp/bad.json"
"$journey" check "$flow" --config "$tmp/bad.json" >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown rule exits 2"
"$journey" check "$flow" --format json --annotate "$tmp/out.drawio" > "$tmp/out.json" 2>/dev/null
set -e
python3 - "$tmp/out.json" <<'PY' || fail "json"
import json, sys
j = json.load(open(sys.argv[1]))
rules = [f["rule"] for f in j["pages"][0]["findings"]]
assert rules[:5] == ["unreachable", "dead-end", "loose-edge", "one-way-link", "no-way-back"], rules
assert j["summary"]["error"] == 1 and j["summary"]["failed"], j["summary"]
PY
info=$("$journey" info "$tmp/out.drawio")
grep -q "Check findings" <<<"$info" || fail "findings layer"
grep -q "Suggested links" <<<"$info" || fail "suggestions layer"
md=$("$journey" check "$flow" --format markdown || true)
grep -q "| error | unreachable |" <<<"$md" || fail "markdown"
# Issue 19: a finding that names no cell (shapes but no attached arrow) in the text report, and --annotate
# still written (the text report used to read the first cell of an empty list and crash).
set +e
out=$("$journey" check "$src/tests/data/navigation/no_links.drawio" --annotate "$tmp/no_links.drawio" 2>/dev/null)
rc=$?
set -e
[ $rc -eq 0 ] || fail "no_links text report: exit $rc (one warning: 0)"
grep -qxF "  warning [orphan] no shape on this page is linked to another (3 shapes, 0 attached arrows): draw arrows from shape to shape so that they attach, or this is not a flow to check" <<<"$out" || fail "no_links finding line"
grep -qxF "0 error(s), 1 warning(s), 0 info" <<<"$out" || fail "no_links summary"
[ -s "$tmp/no_links.drawio" ] || fail "no_links --annotate not written"
# Real drawings: a step dropped on an arrow that still joins its old ends (customer_journey's 'in queue',
# site_map_4's 'Paintings', whose arrows run under them).
corpus=${JSTUDIO_CORPUS:-$src/../shared/corpus}/drawio
if [[ -d $corpus ]]; then
  set +e
  out=$("$journey" check "$corpus/AbdullahSafwan__gpu_saviors-be/customer_journey.drawio" --disable too-deep)
  set -e
  grep -qF "warning [step-on-arrow] 'in queue' is drawn on the arrow from 'confirm delivery' to 'resolution' but is not linked" <<<"$out" ||
    fail "customer_journey: no step-on-arrow for 'in queue'"
  set +e
  out=$("$journey" check "$corpus/jgraph__drawio-diagrams/templates__maps__site_map_4.xml" --format json)
  set -e
  python3 -c '
import json, sys
steps = [f for f in json.load(sys.stdin)["pages"][0]["findings"] if f["rule"] == "step-on-arrow"]
assert len(steps) == 3, steps
assert any(f["message"].startswith("\x27Paintings\x27 is drawn on the arrow from \x27Drawings\x27 to \x27Photos\x27") for f in steps), steps
' <<<"$out" || fail "site_map_4: step-on-arrow findings"
elif [[ "${JSTUDIO_REQUIRE_CORPUS:-0}" == "1" ]]; then
  fail "corpus missing: $corpus"
else
  echo "SKIP: corpus missing: $corpus (step-on-arrow on real drawings)" >&2
fi
echo ok
