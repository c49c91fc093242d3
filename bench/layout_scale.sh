#!/usr/bin/env bash
# How the layered layout grows with the graph: flowcharts of the layout benchmark's flowchart family (gen.py of
# ../shared/bench/layout) at several sizes, each laid out once by bench/layered_layout_bench (the layout call
# alone, no page reading or writing) under /usr/bin/time -v (wall clock, CPU, peak memory), then the growth
# exponent between consecutive sizes and over all (least squares on log-log, CPU time: the machine is shared).
# The driver's own line gives the time per phase and the dummy count, which is what the work follows.
# usage: bench/layout_scale.sh [BUILD_DIR] [SIZES...]   (default build/, sizes 1000 3000 10000)
# JSTUDIO_LAYOUT_BENCH: the benchmark harness folder (default ../shared/bench/layout).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${1:-$root/build}"
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 3000 10000)
driver="$build/bench/layered_layout_bench"
harness="${JSTUDIO_LAYOUT_BENCH:-$root/../shared/bench/layout}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%8s %8s %10s %10s %10s\n' nodes edges wall_s cpu_s peak_MB
results=()
for n in "${sizes[@]}"; do
  python3 - "$harness" "$n" "$work/flow-$n.json" <<'EOF'
import json, random, sys
sys.path.insert(0, sys.argv[1])
import gen
n = int(sys.argv[2])
g = gen.flowchart(random.Random("flowchart/%d/1" % n), n, "flow-%d" % n)
json.dump(g, open(sys.argv[3], "w"))
EOF
  edges=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['edges']))" "$work/flow-$n.json")
  /usr/bin/time -v -o "$work/time-$n" "$driver" "$work/flow-$n.json" 2>"$work/line-$n"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s}' "$work/time-$n")
  cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$work/time-$n")
  rss=$(awk -F': ' '/Maximum resident/ {print $2 / 1024}' "$work/time-$n")
  printf '%8d %8d %10.2f %10.2f %10.1f   %s\n' "$n" "$edges" "$wall" "$cpu" "$rss" "$(cat "$work/line-$n")"
  results+=("$n $cpu")
done
# Exponent k in cpu ~ n^k: between consecutive sizes and a least-squares fit over all of them.
printf '%s\n' "${results[@]}" | awk '
  { n[NR] = log($1); t[NR] = log($2 > 0.005 ? $2 : 0.005) }
  END {
    for (i = 2; i <= NR; ++i) printf "exponent %s: %.2f\n", i - 1 "->" i, (t[i] - t[i-1]) / (n[i] - n[i-1]);
    if (NR > 2) {
      for (i = 1; i <= NR; ++i) { sx += n[i]; sy += t[i]; sxx += n[i] * n[i]; sxy += n[i] * t[i] }
      printf "exponent (fit over all sizes, CPU time): %.2f\n", (NR * sxy - sx * sy) / (NR * sxx - sx * sx);
    }
  }'
