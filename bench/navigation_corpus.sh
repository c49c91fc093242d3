#!/usr/bin/env bash
# Findings per rule on the corpus's site maps, user flows, journeys and flowcharts: the table in issue 6's note.
# usage: bench/navigation_corpus.sh [BUILD_DIR]   (default build/; prints a Markdown table)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
journey="${1:-$root/build}/app/journey"
corpus="${JSTUDIO_CORPUS:-$root/../shared/corpus}/drawio"
[[ -d "$corpus" ]] || { echo "corpus not found at $corpus" >&2; exit 2; }
mapfile -t files < <(awk -F'\t' 'NR > 1 && tolower($1) ~ /site_map|user-flow|journey|flowchart|workflow|flow\.|epc/ { print $1 }' \
  "$corpus/MANIFEST.tsv" | sort)
rules=(unreachable dead-end trap orphan weak-decision one-way-link no-way-back too-deep bottleneck loose-edge)
printf '| file | pages | screens | links |'; printf ' %s |' "${rules[@]}"; printf '\n'
printf '|---|---:|---:|---:|'; printf -- '---:|%.0s' "${rules[@]}"; printf '\n'
for f in "${files[@]}"; do
  rc=0
  json=$("$journey" check "$corpus/$f" --format json 2>/dev/null) || rc=$?
  if (( rc > 1 )); then printf '| %s | error (exit %d) |\n' "$f" "$rc"; continue; fi
  RULES="${rules[*]}" python3 -c '
import json, os, sys
d = json.load(sys.stdin)
rules = os.environ["RULES"].split()
counts = {r: 0 for r in rules}
screens = links = 0
for p in d["pages"]:
    screens += p["screens"]; links += p["links"]
    for f in p["findings"]:
        counts[f["rule"]] = counts.get(f["rule"], 0) + 1
name = sys.argv[1]
print("| %s | %d | %d | %d | %s |" % (name, len(d["pages"]), screens, links,
      " | ".join(str(counts[r]) if counts[r] else "" for r in rules)))
' "$f" <<< "$json"
done
