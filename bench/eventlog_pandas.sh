#!/usr/bin/env bash
# Issue 16's scale point: a CRM stage history of N events (default 10,000,000) over C cases (default N/10),
# exported sorted by time as CRMs do (not grouped by case), timed with /usr/bin/time -v for
#   journey discover --dfg-csv,  journey validate MAP --events (a `journey new --stages` map),
# side by side with pandas doing discover's work (bench/eventlog_pandas.py: read_csv, parse times, sort by
# case and time, directly-follows counts with median/p90 per arc, starts, ends, case durations).
# The two directly-follows tables are compared row for row (counts exact, seconds to the millisecond).
# pandas comes from Debian: apt-get install -y python3-pandas (a bench peer, not a test dependency).
# Usage: bench/eventlog_pandas.sh [path/to/journey] [events] [cases]
# JSTUDIO_BENCH_WORK=DIR keeps the generated file there (reused by the next run); JSTUDIO_PANDAS=0 times
# journey only. JSTUDIO_BENCH_RUNS=N (default 1) repeats every measurement N times, interleaved, and reports
# the best (least CPU) of each; JSTUDIO_BENCH_OLD=path/to/old/journey times that binary too, between the new
# one's runs, so a before/after comparison sees the same machine load.
# Results: bench/eventlog_results.md.
set -euo pipefail
journey=${1:-build/app/journey}
events=${2:-10000000}
cases=${3:-$((events / 10))}
here=$(cd "$(dirname "$0")" && pwd)
# Debian's python3 (a pyenv or venv python3 first on PATH has no Debian packages).
py=${JSTUDIO_PANDAS_PYTHON:-/usr/bin/python3}
with_pandas=${JSTUDIO_PANDAS:-1}
if [[ $with_pandas != 0 ]] && ! "$py" -c 'import pandas' 2>/dev/null; then
    echo "pandas is missing: apt-get install -y python3-pandas" >&2
    exit 2
fi
work=${JSTUDIO_BENCH_WORK:-$(mktemp -d)}
[[ -n ${JSTUDIO_BENCH_WORK:-} ]] || trap 'rm -rf "$work"' EXIT
csv=$work/stage_history_${events}_${cases}.csv
stages="Lead,MQL,SQL,Discovery,Demo,Proposal,Negotiation,Legal,Closed Won,Closed Lost,Nurture,Onboarding"

if [[ ! -f $csv ]]; then
    # Each case walks the stages (mostly forward, some skips, back steps and repeats), 60 s to 20 days apart,
    # starting anywhere in 300 days; case lengths vary around events/cases. Every row carries its epoch
    # second first so `sort` can order the whole file by time (ties by case id), then the key is cut off.
    python3 - "$events" "$cases" "$stages" <<'PY' | LC_ALL=C sort -t, -k1,1n -k2,2 -S 25% -T "$work" | cut -d, -f2- \
        | { echo "case_id,stage,timestamp,region,amount"; cat; } >"$csv"
import random, sys, time
n, n_cases, stages = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].split(",")
rng = random.Random(42)
base = 1672531200  # 2023-01-01T00:00:00Z
# Case lengths pair up around the mean (one case d above, the next d below) so they add up to n exactly.
mean, extra = n // n_cases, n % n_cases
out, w = [], sys.stdout.write
d = 0
for case in range(n_cases):
    if case % 2 == 0:
        d = rng.randint(-((mean - 1) // 2), (mean - 1) // 2) if case + 1 < n_cases else 0
    k = mean + (d if case % 2 == 0 else -d) + (1 if case < extra else 0)
    t = base + rng.randrange(0, 300 * 86400)
    s = 0
    cid = f"006{case:09d}"
    region = ("EMEA", "AMER", "APAC")[case % 3]
    for i in range(k):
        if i:
            s = max(0, min(len(stages) - 1, s + rng.choice((1, 1, 1, 2, -1, 0))))
            t += rng.randrange(60, 20 * 86400)
        g = time.gmtime(t)
        out.append(f"{t},{cid},{stages[s]},{g.tm_year:04d}-{g.tm_mon:02d}-{g.tm_mday:02d}T"
                   f"{g.tm_hour:02d}:{g.tm_min:02d}:{g.tm_sec:02d}Z,{region},{(case % 997) * 100 + 50}.00\n")
    if len(out) > 100000:
        w("".join(out))
        out.clear()
w("".join(out))
PY
fi
echo "$(($(wc -l <"$csv") - 1)) events, $cases cases, $(du -h "$csv" | cut -f1), sorted by time"
"$journey" new --template current-state --stages "$stages" -o "$work/map.drawio" 2>/dev/null

# label events command...: runs the command under /usr/bin/time -v and prints one line.
measure() {
    local label=$1
    shift
    local rc=0
    /usr/bin/time -v "$@" >"$work/stdout" 2>"$work/time.txt" || rc=$?
    if [[ $rc -gt 1 ]]; then
        echo "$label: exit $rc" >&2
        tail -5 "$work/time.txt" >&2
        exit 1
    fi
    python3 - "$label" "$events" "$work/time.txt" <<'PY'
import sys
label, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
v = {}
for line in open(path):
    if ":" in line:
        k, _, x = line.strip().rpartition(": ")
        v[k] = x
parts = [float(p) for p in v["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")]
wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(v["User time (seconds)"]) + float(v["System time (seconds)"])
rss = int(v["Maximum resident set size (kbytes)"]) / 1024
print(f"{label}: cpu {cpu:.2f} s ({n / cpu:,.0f} events/s), wall {wall:.2f} s, peak RSS {rss:.0f} MiB")
with open(path + ".cpu", "w") as f:
    f.write(f"{cpu}\n")
PY
}
runs=${JSTUDIO_BENCH_RUNS:-1}
old=${JSTUDIO_BENCH_OLD:-}
best() {  # label: keeps the least CPU seen for label in $work/best.label
    local cpu
    cpu=$(cat "$work/time.txt.cpu")
    if [[ ! -f "$work/best.$1" ]] || python3 -c "import sys; sys.exit(0 if $cpu < $(cat "$work/best.$1") else 1)"; then
        printf "%.2f\n" "$cpu" >"$work/best.$1"
    fi
}
rm -f "$work"/best.*
for ((run = 1; run <= runs; run++)); do
    [[ $runs == 1 ]] || echo "run $run of $runs"
    measure "journey discover" "$journey" discover "$csv" --dfg-csv "$work/journey_dfg.csv" --format json
    best discover
    if [[ -n $old ]]; then
        measure "old journey discover" "$old" discover "$csv" --dfg-csv "$work/old_dfg.csv" --format json
        best old_discover
    fi
    measure "journey validate" "$journey" validate "$work/map.drawio" --events "$csv" --format json
    cp "$work/stdout" "$work/validate.json"
    best validate
    if [[ -n $old ]]; then
        measure "old journey validate" "$old" validate "$work/map.drawio" --events "$csv" --format json
        best old_validate
        cmp -s "$work/stdout" "$work/validate.json" || { echo "MISMATCH: old and new validate differ" >&2; exit 1; }
        cmp -s "$work/old_dfg.csv" "$work/journey_dfg.csv" || { echo "MISMATCH: old and new discover differ" >&2; exit 1; }
    fi
    if [[ $with_pandas != 0 ]]; then
        measure "pandas" "$py" "$here/eventlog_pandas.py" "$csv" "$work/pandas_dfg.csv" case_id stage timestamp
        best pandas
        cat "$work/stdout"
    fi
done
journey_cpu=$(cat "$work/best.discover")
validate_cpu=$(cat "$work/best.validate")
[[ $with_pandas != 0 ]] || exit 0
pandas_cpu=$(cat "$work/best.pandas")
[[ $runs == 1 ]] || echo "best of $runs: discover $journey_cpu s, validate $validate_cpu s, pandas $pandas_cpu s CPU"
[[ -z $old ]] || echo "best of $runs, old: discover $(cat "$work/best.old_discover") s, validate $(cat "$work/best.old_validate") s"
python3 - "$work/journey_dfg.csv" "$work/pandas_dfg.csv" "$journey_cpu" "$validate_cpu" "$pandas_cpu" <<'PY'
import csv, sys
def rows(p):
    return {(r["from"], r["to"]): r for r in csv.DictReader(open(p))}
j, p = rows(sys.argv[1]), rows(sys.argv[2])
bad = [k for k in j.keys() | p.keys() if k not in j or k not in p or j[k]["count"] != p[k]["count"]
       or any(abs(float(j[k][c] or 0) - float(p[k][c] or 0)) > 0.0015 for c in ("median_seconds", "p90_seconds"))]
if bad:
    sys.exit(f"MISMATCH journey vs pandas on {len(bad)} rows, e.g. {sorted(bad)[:3]}")
print(f"same directly-follows table: {len(j)} rows (arcs, starts, ends), counts and median/p90 seconds")
jc, vc, pc = map(float, sys.argv[3:6])
print(f"pandas / journey discover CPU: {pc / jc:.1f}x; pandas / journey validate CPU: {pc / vc:.1f}x")
PY
