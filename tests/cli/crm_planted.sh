#!/usr/bin/env bash
# Issue 16's scenario end to end: a journey map started with `journey new --stages`, checked by its stages
# against a generated stage history in each CRM vendor's export format (make_planted.py) with planted skips,
# backward moves, stalls and drop-outs: the preset is detected without flags, every planted case is listed
# under its kind by id in --cases, and nothing else is.
set -euo pipefail
journey=$1
src=${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

python3 "$src/tests/data/eventlog/crm/make_planted.py" "$out" 150 16
"$journey" new --template current-state --stages "Prospecting,Qualification,Proposal,Negotiation,Closed Won" \
    -o "$out/map.drawio" 2>/dev/null

check() {  # file preset
    local file=$1 preset=$2 rc=0
    "$journey" validate "$out/map.drawio" --events "$out/$file" --cases "$out/cases.csv" --format json \
        >"$out/v.json" 2>"$out/err" || rc=$?
    [[ $rc -eq 1 ]] || { echo "FAIL: $file: exit $rc: $(cat "$out/err")" >&2; exit 1; }
    grep -q "detected from the header (--preset $preset)" "$out/err" \
        || { echo "FAIL: $file: preset $preset not said: $(cat "$out/err")" >&2; exit 1; }
    python3 - "$out/v.json" "$out/cases.csv" "$out/truth_$file" "$file" <<'PY'
import csv, json, sys
j, name = json.load(open(sys.argv[1])), sys.argv[4]
def need(ok, what):
    if not ok:
        sys.exit(f"FAIL: {name}: {what}")
found = {(r["case"], r["kind"], r["stage"]) for r in csv.DictReader(open(sys.argv[2]))}
truth = {(r["case"], r["kind"], r["stage"]) for r in csv.DictReader(open(sys.argv[3]))}
need(found - truth == set(), f"false findings {sorted(found - truth)[:5]}")
need(truth - found == set(), f"planted cases not found {sorted(truth - found)[:5]}")
need(j["by_stages"] and [s["step"] for s in j["steps"]] ==
     ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won"], "the stages are the path")
need(j["cases"] == 150 and not j["steps_never_seen"] and not j["unmapped_activities"], "all stages matched")
fit = 150 - len({c for c, k, s in truth if k in ("skip", "backward")})
need(j["fitting_cases"] == fit, f"fitting {j['fitting_cases']} != {fit}")
kinds = {}
for c, k, s in truth:
    kinds.setdefault(k, set()).add(c)
for k, cases in kinds.items():
    need(j["deviations"][k]["cases"] == len(cases), f"{k}: {j['deviations'][k]} vs {len(cases)}")
steps = {s["step"]: s for s in j["steps"]}
for s in ("Qualification", "Proposal", "Negotiation"):
    need(steps[s]["stall_rule"] == "p90" and steps[s]["stall_threshold_seconds"] == 4 * 86400, f"{s} threshold")
# every finding names its cases
for t in j["backward_moves"] + j["skips"]:
    need(t["examples"] and set(t["examples"]) <= {c for c, k, s in truth}, f"examples {t}")
need(steps["Qualification"]["drop_examples"], "drop-out examples")
PY
}

check salesforce_OpportunityHistory.csv salesforce
check salesforce_OpportunityFieldHistory.csv salesforce-field-history
check salesforce_LeadHistory.csv salesforce-lead-history
check hubspot_deal_property_history.csv hubspot-property-history
check dynamics365_opportunitysalesprocess.csv dynamics
check pipedrive_deal_flow.csv pipedrive
check zoho_deal_stage_history.csv zoho

# Text and Markdown name the cases and the stall threshold; the emotion lane is set beside drop-off.
"$journey" validate "$out/map.drawio" --events "$out/salesforce_OpportunityHistory.csv" >"$out/v.txt" 2>/dev/null || true
grep -q "^Checked against the map's 5 stages, in order" "$out/v.txt"
grep -Eq '^  Proposal -> Qualification: 4 times in 4 cases \(e\.g\. 006Hs' "$out/v.txt"
grep -Eq '^  Proposal: [0-9]+ above 4\.0 d \(p90\)' "$out/v.txt"
# The designer moves each stage's emotion card to a band and names it: the report sets that beside drop-off.
python3 - "$out/map.drawio" "$out/designed.drawio" <<'PY'
import sys, xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1])
curve = {"prospecting": (1, "Curious"), "qualification": (0, "Unsure"), "proposal": (-1, "Worried about price"),
         "negotiation": (-2, "Frustrated by legal"), "closed-won": (2, "Relieved")}
for c in tree.getroot().iter("UserObject"):
    if c.get("journey-role") == "emotion" and c.get("stage") in curve:
        score, label = curve[c.get("stage")]
        g = c.find("mxCell/mxGeometry")
        g.set("y", str(float(g.get("y")) - 50 * score))
        c.set("emotion", str(score))
        c.set("label", label)
tree.write(sys.argv[2])
PY
"$journey" validate "$out/designed.drawio" --events "$out/salesforce_OpportunityHistory.csv" >"$out/d.txt" \
    2>/dev/null || true
grep -q "^designed emotion (-2..+2) and measured drop-off per stage:" "$out/d.txt"
grep -Eq '^  Negotiation: -2.0, [0-9]+ \(' "$out/d.txt"
"$journey" validate "$out/designed.drawio" --events "$out/salesforce_OpportunityHistory.csv" --format markdown \
    >"$out/v.md" 2>/dev/null || true
grep -q '^## Stages$' "$out/v.md"
grep -q '^## Designed emotion and measured drop-off$' "$out/v.md"

# --stall-days and a mapping file's per-stage threshold say which rule set the threshold.
printf 'activity,step,stall_days\n,Proposal,20\n' >"$out/m.csv"
"$journey" validate "$out/map.drawio" --events "$out/salesforce_OpportunityHistory.csv" --stall-days 100 \
    --mapping "$out/m.csv" --format json >"$out/s.json" 2>/dev/null || true
python3 - "$out/s.json" <<'PY'
import json, sys
steps = {s["step"]: s for s in json.load(open(sys.argv[1]))["steps"]}
assert steps["Proposal"]["stall_rule"] == "mapping" and steps["Proposal"]["stall_threshold_seconds"] == 20 * 86400
assert steps["Negotiation"]["stall_rule"] == "--stall-days" and steps["Negotiation"]["stalls"] == 0
PY

# --annotate with --segment: the map with everyone's numbers, then one page per region; the stage cards
# sit in the KPI lane, one per stage, and the user's cells are untouched.
"$journey" validate "$out/map.drawio" --events "$out/salesforce_OpportunityHistory.csv" --segment Region \
    --annotate "$out/annotated.drawio" >/dev/null 2>&1 || true
python3 - "$out/map.drawio" "$out/annotated.drawio" <<'PY'
import sys, xml.etree.ElementTree as ET
before = ET.parse(sys.argv[1]).getroot().findall("./diagram")
after = ET.parse(sys.argv[2]).getroot().findall("./diagram")
assert len(before) == 1 and len(after) == 3, len(after)
names = [d.get("name") for d in after]
assert names[1].endswith("Region AMER") or names[1].endswith("Region EMEA"), names
for d in after:
    cards = [c for c in d.iter() if (c.get("value") or c.get("label") or "").startswith("<b>reach ")]
    assert len(cards) == 5, len(cards)
PY
echo ok
