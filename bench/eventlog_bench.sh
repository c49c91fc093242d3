#!/usr/bin/env bash
# Times `journey discover` on a generated 1,000,000-event CSV and on BPIC 2012 (gzip XES) with /usr/bin/time -v.
# Both are streamed: peak RSS follows the events kept (16 bytes each) and the cases, not the file size.
# Wall time depends on what else runs on the machine; the CPU figure is the one to compare between runs.
# Usage: bench/eventlog_bench.sh [path/to/journey] [events]
set -euo pipefail
journey=${1:-build/app/journey}
events=${2:-1000000}
corpus=${JSTUDIO_CORPUS:-$(dirname "$0")/../../shared/corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv=$work/generated.csv
# 100,000 cases x 10 stage changes, ISO 8601 times with offset, 12 stages, some back-and-forth.
python3 - "$csv" "$events" <<'PY'
import random, sys, datetime
path, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
stages = ["Lead", "MQL", "SQL", "Discovery", "Demo", "Proposal", "Negotiation", "Legal", "Closed Won",
          "Closed Lost", "Nurture", "Onboarding"]
base = datetime.datetime(2023, 1, 1, tzinfo=datetime.timezone.utc)
with open(path, "w") as f:
    f.write("case_id,activity,timestamp,region,amount\n")
    written, case = 0, 0
    while written < n:
        case += 1
        t = base + datetime.timedelta(seconds=rng.randrange(0, 300 * 86400))
        k = 0
        for i in range(min(10, n - written)):
            k = max(0, min(len(stages) - 1, k + rng.choice((1, 1, 1, 2, -1, 0))))
            t += datetime.timedelta(seconds=rng.randrange(60, 20 * 86400))
            f.write(f"C{case:07d},{stages[k]},{t.strftime('%Y-%m-%dT%H:%M:%S')}+00:00,{'EMEA' if case % 3 else 'AMER'},{case % 997}.50\n")
            written += 1
PY
echo "generated $(($(wc -l <"$csv") - 1)) events, $(du -h "$csv" | cut -f1)"
run() {
    local label=$1 n=$2
    shift 2
    /usr/bin/time -v "$journey" discover --format json "$@" >"$work/out.json" 2>"$work/time.txt"
    local wall rss user sys
    wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
    user=$(grep "User time" "$work/time.txt" | awk '{print $NF}')
    sys=$(grep "System time" "$work/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident" "$work/time.txt" | awk '{print $NF}')
    python3 - "$label" "$n" "$wall" "$user" "$sys" "$rss" <<'PY'
import sys
label, n, wall, user, sys_t, rss = sys.argv[1:]
parts = [float(p) for p in wall.split(":")]
secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(user) + float(sys_t)
print(f"{label}: {int(n)} events, wall {secs:.2f} s ({int(n)/secs:,.0f} events/s), "
      f"cpu {cpu:.2f} s ({int(n)/cpu:,.0f} events/s), peak RSS {int(rss)/1024:.0f} MiB")
PY
}
run "generated CSV" "$events" "$csv"
run "generated CSV --segment region" "$events" "$csv" --segment region
gzip -1 -c "$csv" >"$csv.gz"
run "generated CSV, gzip (streamed gunzip)" "$events" "$csv.gz"
if [[ -f $corpus/eventlogs/pm4py__bpic2012.xes.gz ]]; then
    run "BPIC 2012 xes.gz (all events read)" 262200 "$corpus/eventlogs/pm4py__bpic2012.xes.gz"
fi
