#!/usr/bin/env bash
# journey templates / new / info / diff, end to end. $1 = the journey binary.
set -u
J="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

out=$("$J" templates) || fail "templates exit $?"
for name in current-state future-state day-in-the-life service-blueprint; do
    grep -q "^$name " <<<"$out" || fail "templates does not list $name"
    "$J" new --template "$name" -o "$T/$name.drawio" 2>/dev/null || fail "new $name"
    "$J" info "$T/$name.drawio" --format json >"$T/$name.json" || fail "info $name"
    python3 - "$T/$name.json" <<'PY' || fail "info json of $name has no journey"
import json, sys
j = json.load(open(sys.argv[1]))["pages"][0]["journey"]
assert len(j["stages"]) >= 4 and len(j["steps"]) >= 18 and j["transitions"], j
assert all(s["stage"] and s["lane"] for s in j["steps"])
PY
done

# Options: persona, stages, title; the template found through the environment and --template-dir.
"$J" new --template current-state --persona "Priya" --stages "Find,Choose,Pay" --title "My map" -o "$T/o.drawio" 2>/dev/null \
    || fail "new with options"
"$J" info "$T/o.drawio" --format json | python3 -c '
import json, sys
j = json.load(sys.stdin)["pages"][0]["journey"]
assert j["title"] == "My map", j["title"]
assert [s["name"] for s in j["stages"]] == ["Find", "Choose", "Pay"]
assert j["personas"][0]["name"] == "Priya"' || fail "options not applied"
# A consistent starting map: the persona named everywhere, new stages with placeholders, --keep-content warns
# about every template stage it drops.
"$J" new --template current-state --persona "Priya" -o "$T/p.drawio" 2>/dev/null || fail "new --persona"
grep -q "Maya" "$T/p.drawio" && fail "the template's persona is still named in the map"
grep -q "Priya needs new running shoes" "$T/p.drawio" || fail "scenario does not name the new persona"
"$J" new --template current-state --stages "Prospecting,Qualification,Proposal,Negotiation,Closed Won" \
    -o "$T/crm.drawio" 2>"$T/err" || fail "new with 5 stages"
grep -q "keep-content" "$T/err" || fail "left-out sample cards not said"
"$J" info "$T/crm.drawio" --format json | python3 -c '
import json, sys
j = json.load(sys.stdin)["pages"][0]["journey"]
assert [s["name"] for s in j["stages"]] == ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won"]
labels = [s["label"] for s in j["steps"]]
assert labels.count("Add a step") == 5, labels
assert not any("shoe" in l for l in labels), labels' || fail "new stages do not start with placeholders"
grep -q "Looks for a model" "$T/crm.drawio" && fail "old stage description under a new stage"
"$J" new --template current-state --stages "Find,Choose,Pay" --keep-content -o "$T/k.drawio" 2>"$T/err" \
    || fail "new --keep-content"
grep -q "the template's 4th stage 'Ask support' and its 8 cards were dropped" "$T/err" || fail "drop not warned: $(cat "$T/err")"
grep -q "Looks for a model" "$T/k.drawio" || fail "--keep-content lost the template's content"
mkdir -p "$T/mine"
sed 's/"Online shop: buying a pair of running shoes today"/"From my folder"/' \
    "$(dirname "$0")/../../templates/data/current-state.json" >"$T/mine/shop.json"
JOURNEY_TEMPLATE_PATH="$T/mine" "$J" templates | grep -q "^shop " || fail "JOURNEY_TEMPLATE_PATH not searched"
"$J" new --template shop --template-dir "$T/mine" -o "$T/shop.drawio" 2>/dev/null || fail "--template-dir"
grep -q "From my folder" "$T/shop.drawio" || fail "user template not used"
"$J" new --template nope -o "$T/x.drawio" 2>"$T/err"; [ $? -eq 2 ] || fail "unknown template must exit 2"
grep -q "no template named 'nope'" "$T/err" || fail "unknown template message"
[ ! -e "$T/x.drawio" ] || fail "no output on error"

# diff: same map → exit 0; current vs future → exit 1 with an annotated copy.
"$J" diff "$T/current-state.drawio" "$T/current-state.drawio" >/dev/null || fail "diff of a map with itself must exit 0"
"$J" diff "$T/current-state.drawio" "$T/future-state.drawio" --format json --annotate "$T/ann.drawio" >"$T/d.json"
[ $? -eq 1 ] || fail "diff of different maps must exit 1"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert set(d) == {"added", "removed", "changed", "pain_points_resolved", "pain_points_new", "emotion_by_stage"}
assert d["pain_points_resolved"] and d["emotion_by_stage"]' "$T/d.json" || fail "diff json"
"$J" info "$T/ann.drawio" | grep -q "layer 'Changes'" || fail "annotated copy has no Changes layer"
"$J" diff "$T/current-state.drawio" "$T/future-state.drawio" --format markdown | grep -q "^## Steps added" || fail "markdown"
"$J" diff "$T/current-state.drawio" "$T/nothing.drawio" 2>/dev/null; [ $? -eq 2 ] || fail "missing file must exit 2"
echo ok
