#!/usr/bin/env python3
"""The work `journey discover --dfg-csv` does, in pandas: the bench's peer (bench/eventlog_pandas.sh).

read_csv, parse the times, sort by case then time (stable: ties keep file order), directly-follows counts per
arc with the median and p90 seconds of each arc, starts and ends, per-case durations. Writes the table in
`journey discover --dfg-csv`'s format (from,to,count,median_seconds,p90_seconds; starts have an empty from,
ends an empty to) so the two answers can be compared row for row, and prints the case-duration median/p90.

Usage: eventlog_pandas.py LOG.csv OUT_DFG.csv [case_column activity_column time_column]
"""
import sys

import numpy as np
import pandas as pd


def seconds_text(v):
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return s


def field(s):
    return f'"{s}"' if any(c in s for c in ',"\r\n') else s


def main():
    path, out = sys.argv[1], sys.argv[2]
    case, act, ts = (sys.argv[3:6] if len(sys.argv) >= 6 else ("case_id", "activity", "timestamp"))
    df = pd.read_csv(path, usecols=[case, act, ts], dtype={case: "string", act: "category"})
    df[ts] = pd.to_datetime(df[ts], utc=True)  # ISO 8601: pandas' C parser
    df = df.sort_values([case, ts], kind="stable").reset_index(drop=True)
    same = df[case].shift(-1) == df[case]
    same = same.fillna(False).to_numpy(dtype=bool)
    codes = df[act].cat.codes.to_numpy()
    names = list(df[act].cat.categories)
    t = df[ts].astype("int64").to_numpy()  # ns
    idx = np.flatnonzero(same)
    arcs = pd.DataFrame({"f": codes[idx], "t": codes[idx + 1], "d": (t[idx + 1] - t[idx]) / 1e9})
    g = arcs.groupby(["f", "t"], sort=False)["d"]
    edges = pd.DataFrame({"count": g.size(), "median": g.median(), "p90": g.quantile(0.9)}).reset_index()
    first = np.ones(len(df), dtype=bool)
    first[1:] = df[case].to_numpy()[1:] != df[case].to_numpy()[:-1]
    last = np.ones(len(df), dtype=bool)
    last[:-1] = ~same[:-1]
    starts = pd.Series(codes[first]).value_counts()
    ends = pd.Series(codes[last]).value_counts()
    dur = (t[last] - t[first]) / 1e9
    rows = ["from,to,count,median_seconds,p90_seconds"]
    for c, n in starts.items():
        rows.append(f",{field(names[c])},{n},,")
    for r in edges.itertuples():
        rows.append(f"{field(names[r.f])},{field(names[r.t])},{r.count},"
                    f"{seconds_text(r.median)},{seconds_text(r.p90)}")
    for c, n in ends.items():
        rows.append(f"{field(names[c])},,{n},,")
    with open(out, "w") as f:
        f.write("\n".join(rows) + "\n")
    print(f"pandas: {len(df)} events, {int(first.sum())} cases, {len(edges)} arcs, case duration median "
          f"{np.median(dur) / 86400:.3f} d, p90 {np.quantile(dur, 0.9) / 86400:.3f} d")


if __name__ == "__main__":
    main()
