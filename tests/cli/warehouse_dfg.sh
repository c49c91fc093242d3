#!/usr/bin/env bash
# The warehouse SQL of docs/warehouse-dfg.md, run in SQLite (PostgreSQL query; percentile_cont written out
# with ROW_NUMBER/COUNT), gives the same directly-follows table as `journey discover --dfg-csv` on corpus
# logs. Skipped (exit 0) without sqlite3 or the shared corpus.
set -euo pipefail
journey=$(realpath "$1")
root=$(cd "${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}" && pwd)
corpus=${JSTUDIO_CORPUS:-$root/../shared/corpus}/eventlogs
if ! command -v sqlite3 >/dev/null || [[ ! -d $corpus ]]; then
    echo "skipped: sqlite3 or corpus missing"
    exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

check() {
    local log=$1 lifecycle=$2
    # events(case_id, activity, ts, lifecycle, event_no): plain CSV, event_no = row in the file.
    python3 - "$corpus/$log" "$lifecycle" "$out/events.csv" <<'PY'
import csv, sys
src, life, dst = sys.argv[1:]
with open(src, newline="") as f, open(dst, "w", newline="") as g:
    r = csv.DictReader(f)
    w = csv.writer(g)
    for i, row in enumerate(r, 1):
        w.writerow([row["case:concept:name"], row["concept:name"], row["time:timestamp"],
                    row[life] if life else "", i])
PY
    sqlite3 "$out/w.db" <<'SQL' >"$out/sql.csv"
DROP TABLE IF EXISTS events;
CREATE TABLE events(case_id TEXT, activity TEXT, ts TEXT, lifecycle TEXT, event_no INTEGER);
.mode csv
.import events.csv events
.headers on
WITH kept AS (
  SELECT case_id, activity, (julianday(ts) - 2440587.5) * 86400.0 AS ts, event_no
  FROM events
  WHERE lifecycle IS NULL OR lifecycle = '' OR lower(lifecycle) = 'complete'
),
ordered AS (
  SELECT activity, ts,
         LEAD(activity) OVER w AS next_activity,
         LEAD(ts)       OVER w AS next_ts,
         ROW_NUMBER()   OVER w AS pos
  FROM kept
  WINDOW w AS (PARTITION BY case_id ORDER BY ts ASC NULLS LAST, event_no)
),
pairs AS (
  SELECT activity AS a, next_activity AS b, next_ts - ts AS seconds
  FROM ordered
  WHERE next_activity IS NOT NULL
),
-- percentile_cont(p): value at rank p*(n-1) (0-based), interpolated linearly with the next rank.
ranked AS (
  SELECT a, b, seconds,
         ROW_NUMBER() OVER (PARTITION BY a, b ORDER BY seconds) - 1 AS k,
         COUNT(*) OVER (PARTITION BY a, b) AS n
  FROM pairs WHERE seconds IS NOT NULL
),
pct AS (
  SELECT a, b,
         MAX(CASE WHEN k = CAST(0.5 * (n - 1) AS INTEGER) THEN seconds END) AS m_lo,
         MAX(CASE WHEN k = CAST(0.5 * (n - 1) AS INTEGER) + 1 THEN seconds END) AS m_hi,
         0.5 * (MAX(n) - 1) - CAST(0.5 * (MAX(n) - 1) AS INTEGER) AS m_f,
         MAX(CASE WHEN k = CAST(0.9 * (n - 1) AS INTEGER) THEN seconds END) AS p_lo,
         MAX(CASE WHEN k = CAST(0.9 * (n - 1) AS INTEGER) + 1 THEN seconds END) AS p_hi,
         0.9 * (MAX(n) - 1) - CAST(0.9 * (MAX(n) - 1) AS INTEGER) AS p_f
  FROM ranked GROUP BY a, b
)
SELECT '' AS "from", activity AS "to", count(*) AS "count", NULL AS median_seconds, NULL AS p90_seconds
FROM ordered WHERE pos = 1 GROUP BY activity
UNION ALL
SELECT pairs.a, pairs.b, count(*),
       (SELECT m_lo + m_f * (COALESCE(m_hi, m_lo) - m_lo) FROM pct WHERE pct.a = pairs.a AND pct.b = pairs.b),
       (SELECT p_lo + p_f * (COALESCE(p_hi, p_lo) - p_lo) FROM pct WHERE pct.a = pairs.a AND pct.b = pairs.b)
FROM pairs GROUP BY pairs.a, pairs.b
UNION ALL
SELECT activity, '', count(*), NULL, NULL
FROM ordered WHERE next_activity IS NULL GROUP BY activity;
SQL
    "$journey" discover "$corpus/$log" --dfg-csv "$out/tool.csv" --format json >/dev/null 2>&1
    python3 - "$out/sql.csv" "$out/tool.csv" "$log" <<'PY'
import csv, sys
def load(p):
    rows = {}
    for r in csv.DictReader(open(p, newline="")):
        key = (r["from"], r["to"])
        assert key not in rows, key
        rows[key] = (int(r["count"]), r["median_seconds"], r["p90_seconds"])
    return rows
sql, tool = load(sys.argv[1]), load(sys.argv[2])
assert set(sql) == set(tool), (sys.argv[3], set(sql) ^ set(tool))
for k, (n, m, p) in sql.items():
    tn, tm, tp = tool[k]
    assert n == tn, (k, n, tn)
    for a, b in ((m, tm), (p, tp)):
        assert (a == "") == (b == ""), (k, a, b)
        if a:
            assert abs(float(a) - float(b)) < 1e-3, (sys.argv[3], k, a, b)
edges = sum(1 for k in sql if k[0] and k[1])
print(f"{sys.argv[3]}: {len(sql)} rows ({edges} edges) identical")
PY
}
(cd "$out" && check pm4py__receipt.csv lifecycle:transition)
(cd "$out" && check pm4py__reviewing.csv lifecycle:transition)
(cd "$out" && check pm4py__running-example.csv "")
