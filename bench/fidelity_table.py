#!/usr/bin/env python3
"""Joins two bench/fidelity.sh outputs (before, after) into a Markdown table, most improved first, and a
summary (pages with internet images left out). usage: bench/fidelity_table.py BEFORE.txt AFTER.txt"""
import sys

def read(path):
    out = {}
    for line in open(path):
        parts = line.split()
        if len(parts) < 3 or parts[0] == "file" or line.startswith("pages "):
            continue
        # file names may hold spaces: the page and score are the last columns (a note may follow)
        note = ""
        if parts[-1] == "link":
            note, parts = "link", parts[:-1]
        try:
            score = float(parts[-1])
        except ValueError:
            continue
        out[(" ".join(parts[:-2]), parts[-2])] = (score, note)
    return out

before, after = read(sys.argv[1]), read(sys.argv[2])
rows = []
for key, (a, note) in after.items():
    b = before.get(key, (None, ""))[0]
    rows.append((key[0], key[1], b, a, note))
rows.sort(key=lambda r: -((r[2] or 0) - r[3]))
print("| file | page | before | after | |")
print("|---|---:|---:|---:|---|")
for f, p, b, a, note in rows:
    print("| %s | %s | %s | %.4f | %s |" % (f, p, "-" if b is None else "%.4f" % b, a, note))
for label, idx in (("before", 2), ("after", 3)):
    s = [r[idx] for r in rows if r[4] != "link" and r[idx] is not None and r[2] is not None]
    if s:
        print("\n%s: %d pages, mean %.4f, max %.4f, above 0.06: %d" % (label, len(s), sum(s) / len(s), max(s),
              sum(1 for x in s if x > 0.06)))
links = sorted({r[0] for r in rows if r[4] == "link"})
print("\nleft out (images linked on the internet): %d files: %s" % (len(links), ", ".join(links)))
