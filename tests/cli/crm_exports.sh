#!/usr/bin/env bash
# journey validate on CRM exports in each vendor's format (tests/data/eventlog/crm/README.md): the preset is
# recognised from the header alone and said on stderr, and the planted skip, backward move and drop-outs are
# found, with nothing else, the same in every format.
set -euo pipefail
journey=$1
data=${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}/tests/data/eventlog/crm
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

check() {  # file preset
    local file=$1 preset=$2 rc=0
    "$journey" validate "$data/pipeline.drawio" --events "$data/$file" --format json >"$out/v.json" 2>"$out/err" || rc=$?
    [[ $rc -eq 1 ]] || { echo "FAIL: $file: exit $rc: $(cat "$out/err")" >&2; exit 1; }
    grep -q "detected from the header (--preset $preset)" "$out/err" \
        || { echo "FAIL: $file: preset $preset not said: $(cat "$out/err")" >&2; exit 1; }
    python3 - "$out/v.json" "$file" <<'PY'
import json, sys
j, name = json.load(open(sys.argv[1])), sys.argv[2]
def need(ok, what):
    if not ok:
        sys.exit(f"FAIL: {name}: {what}")
need(j["cases"] == 6, f"6 deals, not {j['cases']}")
steps = {s["step"]: s for s in j["steps"]}
# every deal starts in Prospecting (the field histories' first stage comes from OldValue)
need(steps["Prospecting"]["cases"] == 6, f"Prospecting {steps['Prospecting']}")
need([(s, steps[s]["skipped"]) for s in steps if steps[s]["skipped"]] == [("Proposal", 1)], "the one skip")
need([(t["from"], t["to"]) for t in j["backward_moves"]] == [("Proposal", "Qualification")], "the backward move")
need(sorted((t["from"], t["to"], t["cases"]) for t in j["unexpected_transitions"])
     == [("Proposal", "Qualification", 1), ("Qualification", "Negotiation", 1)], "unexpected transitions")
drops = {s: steps[s]["drop_off"] for s in steps if steps[s]["drop_off"]}
need(drops == {"Qualification": 1, "Negotiation": 1}, f"drop-outs {drops}")
need(steps["Closed Won"]["cases"] == 4 and steps["Proposal"]["cases"] == 4, "reach")
need(not j["unmapped_activities"], f"unmapped {j['unmapped_activities']}")
PY
}

check salesforce_OpportunityHistory.csv salesforce
check salesforce_OpportunityFieldHistory.csv salesforce-field-history
check salesforce_LeadHistory.csv salesforce-lead-history
check hubspot_deal_property_history.csv hubspot-property-history
check dynamics365_opportunitysalesprocess.csv dynamics
check pipedrive_deal_flow.csv pipedrive
check zoho_deal_stage_history.csv zoho

# The other fields' rows are said, not counted as events.
"$journey" validate "$data/pipeline.drawio" --events "$data/salesforce_OpportunityFieldHistory.csv" >/dev/null \
    2>"$out/err" || true
grep -q "12 row(s) about other fields skipped" "$out/err"
# A generic log names no preset; --preset none keeps the generic names even on a Salesforce header.
"$journey" validate "$data/pipeline.drawio" --events "$data/../validate/funnel_events.csv" --case deal \
    --activity stage --time when >/dev/null 2>"$out/err" || true
if grep -q "preset" "$out/err"; then echo "FAIL: a generic log named a preset: $(cat "$out/err")" >&2; exit 1; fi
rc=0
"$journey" validate "$data/pipeline.drawio" --events "$data/salesforce_OpportunityHistory.csv" --preset none \
    >/dev/null 2>"$out/err" || rc=$?
[[ $rc -eq 2 ]] || { echo "FAIL: --preset none on a Salesforce header: exit $rc" >&2; exit 1; }
grep -q "cannot tell which column holds the case id" "$out/err"
echo ok
