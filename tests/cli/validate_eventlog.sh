#!/usr/bin/env bash
# journey validate on a hand-made funnel: stage metrics, deviations, --segment, --mapping (CSV and JSON),
# --annotate, and the same checks from a pre-aggregated directly-follows CSV written by discover --dfg-csv.
set -euo pipefail
journey=$1
data=${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}/tests/data/eventlog/validate
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cols=(--case deal --activity stage --time when)

set +e
"$journey" validate "$data/funnel_map.drawio" --events "$data/funnel_events.csv" "${cols[@]}" --stall-days 10 \
    --segment region --format json >"$out/v.json" 2>"$out/err"
rc=$?
set -e
[[ $rc -eq 1 ]]  # findings
python3 - "$out/v.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["cases"] == 6 and j["fitting_cases"] == 2 and j["late_entries"] == 1 and j["stalls"] == 1, j
assert j["steps_never_seen"] == ["Nurture"], j["steps_never_seen"]
steps = {s["step"]: s for s in j["steps"]}
d = steps["Demo"]
assert (d["cases"], d["visits"], d["exits"], d["drop_off"], d["skipped"]) == (5, 6, 2, 2, 1), d
assert abs(d["conversion"] - 0.6) < 1e-9 and abs(d["drop_off_rate"] - 0.4) < 1e-9, d
assert steps["Proposal"]["stalls"] == 1 and steps["Proposal"]["drop_off"] == 1
assert steps["Won"]["final"] and steps["Won"]["drop_off"] == 0 and steps["Won"]["exits"] == 2
pairs = [(t["from"], t["to"], t["count"], t["cases"]) for t in j["unexpected_transitions"]]
assert pairs == [("Lead", "Proposal", 1, 1), ("Proposal", "Demo", 1, 1)], pairs
assert [(t["from"], t["to"]) for t in j["backward_moves"]] == [("Proposal", "Demo")]
allowed = {(t["from"], t["to"]): t["cases"] for t in j["map_transitions"]}
assert allowed == {("Lead", "Demo"): 4, ("Demo", "Proposal"): 4, ("Proposal", "Won"): 2, ("Proposal", "Lost"): 1}, allowed
assert j["unmapped_activities"] == [{"activity": "Webinar", "events": 1}]
segs = {s["segment"]: s for s in j["segments"]}
assert list(segs) == ["EMEA", "AMER"], list(segs)
assert segs["EMEA"]["cases"] == 3 and segs["EMEA"]["fitting_cases"] == 2
assert segs["AMER"]["cases"] == 3 and segs["AMER"]["fitting_cases"] == 0
assert {s["step"]: s["cases"] for s in segs["AMER"]["steps"]}["Demo"] == 3
PY

# Text and markdown carry the stage table and the segments side by side.
"$journey" validate "$data/funnel_map.drawio" --events "$data/funnel_events.csv" "${cols[@]}" --segment region \
    >"$out/v.txt" 2>/dev/null || true
grep -q '^  Demo: 5 (83.3%), 60.0%, 2, 1, 1, 0$' "$out/v.txt"
grep -Eq '^  +by region +EMEA +AMER' "$out/v.txt"
grep -Eq '^  +fitness +66.7% +0.0%' "$out/v.txt"
"$journey" validate "$data/funnel_map.drawio" --events "$data/funnel_events.csv" "${cols[@]}" --format markdown \
    >"$out/v.md" 2>/dev/null || true
grep -q '^| Demo | 5 (83.3%) | 60.0% | 2 | 1 | 1 | 0 | ' "$out/v.md"

# Mapping files, CSV and JSON: same answer.
for m in crm_mapping.csv crm_mapping.json; do
    "$journey" validate "$data/funnel_map.drawio" --events "$data/crm_events.csv" "${cols[@]}" --mapping "$data/$m" \
        --format json >"$out/m.json" 2>"$out/m.err" || true
    grep -q "mapping target 'No such step' is no step of the map" "$out/m.err"
    python3 - "$out/m.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["cases"] == 2 and j["fitting_cases"] == 1 and j["ignored_events"] == 1, j
assert j["unmapped_activities"] == [{"activity": "Bogus", "events": 1}]
assert j["mapping_unresolved"] == ["No such step"]
steps = {s["step"]: s["cases"] for s in j["steps"]}
assert steps == {"Lead": 2, "Demo": 1, "Proposal": 1, "Won": 1, "Lost": 0, "Nurture": 0}, steps
PY
done

# --annotate: two layers added, the original cells kept as they were.
"$journey" validate "$data/funnel_map.drawio" --events "$data/funnel_events.csv" "${cols[@]}" --stall-days 10 \
    --annotate "$out/annotated.drawio" >/dev/null 2>&1 || true
python3 - "$data/funnel_map.drawio" "$out/annotated.drawio" <<'PY'
import sys, xml.etree.ElementTree as ET
def cells(p):
    root = ET.parse(p).getroot().find("./diagram/mxGraphModel/root")
    out = {}
    for c in root:
        cell = c if c.tag == "mxCell" else c.find("mxCell")
        out[c.get("id")] = (c, cell)
    return out
before, after = cells(sys.argv[1]), cells(sys.argv[2])
for cid, (c, cell) in before.items():
    a, acell = after[cid]
    assert a.attrib == c.attrib, cid
    g, ag = cell.find("mxGeometry"), acell.find("mxGeometry")
    norm = lambda a: {"x": "0", "y": "0", **a}  # the writer leaves out x/y = 0, as draw.io does
    assert (g is None) == (ag is None) and (g is None or norm(g.attrib) == norm(ag.attrib)), cid
values = [(c.get("value") or c.get("label") or "") for c, _ in after.values()]
assert "Observed volumes" in values and "Unexpected paths" in values, values
assert any("stalled 1" in v for v in values)
dashed = [c for c, cell in after.values() if cell.get("edge") == "1" and "dashed=1" in (cell.get("style") or "")]
assert len(dashed) == 2, len(dashed)
PY

# The directly-follows table written by discover reads back: discover and validate from it.
"$journey" discover "$data/funnel_events.csv" "${cols[@]}" --dfg-csv "$out/dfg.csv" --format json >/dev/null
grep -q '^from,to,count,median_seconds,p90_seconds$' "$out/dfg.csv"
grep -q '^,Lead,5,,$' "$out/dfg.csv"
grep -q '^Demo,Proposal,4,86400,86400$' "$out/dfg.csv"
grep -q '^Demo,,2,,$' "$out/dfg.csv"
"$journey" discover "$out/dfg.csv" --format json >"$out/dd.json"
python3 - "$out/dd.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["format"] == "dfg" and j["aggregated"] and j["cases"] == 6 and j["events"] == 20, j
assert j["dfg_edge_count"] == 8 and j["variants_total"] is None and j["case_duration_seconds"] is None
assert j["start_activities"] == {"Lead": 5, "Demo": 1}
PY
set +e
"$journey" validate "$data/funnel_map.drawio" --events "$out/dfg.csv" --format json >"$out/a.json" 2>/dev/null
rc=$?
set -e
[[ $rc -eq 1 ]]
python3 - "$out/a.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["aggregated"] and j["cases"] == 6 and j["fitness"] is None and j["late_entries"] == 1, j
pairs = [(t["from"], t["to"], t["count"], t["cases"]) for t in j["unexpected_transitions"]]
assert pairs == [("Lead", "Proposal", 1, None), ("Proposal", "Demo", 1, None)], pairs
allowed = {(t["from"], t["to"]): t["count"] for t in j["map_transitions"]}
# Lead -> Webinar -> Demo is two edges through an unmapped activity: not attributable without cases.
assert allowed == {("Lead", "Demo"): 3, ("Demo", "Proposal"): 4, ("Proposal", "Won"): 2, ("Proposal", "Lost"): 1}
demo = {s["step"]: s for s in j["steps"]}["Demo"]
assert demo["visits"] == 6 and demo["cases"] is None and demo["drop_off"] == 2
PY
"$journey" validate "$data/funnel_map.drawio" --events "$out/dfg.csv" --annotate "$out/agg.drawio" >/dev/null 2>&1 || true
grep -q 'Observed volumes' "$out/agg.drawio"
