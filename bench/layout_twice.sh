#!/usr/bin/env bash
# Laying out a laid-out file again gives the same file: for every file of the corpus, `journey layout` of the
# file (A), `journey layout` of A (B), A and B compared byte for byte; where they differ, how many cells moved
# (geometry or waypoints changed), the largest displacement (page pixels, a corner or a waypoint) and the
# cells that changed otherwise (added, removed, parent, style, label). Files that do not lay out are counted
# apart. A page `journey layout` leaves as drawn (a picture, not a graph: exit 1, the file written unchanged) is
# laid out twice too and counted among the files that lay out, and apart ("L left as drawn"); so is a page
# whose regions the layout would make hold other shapes.
# Ends with "N of M files give the same file" and the time taken.
# usage: bench/layout_twice.sh [BUILD_DIR|JOURNEY_BINARY] [CORPUS_DIR] [--page N] [--keep DIR]
#   --keep DIR keeps A and B of every file that differs (DIR/<stem>.a.drawio, .b.drawio) to look at.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# The two positional arguments are optional: an option may come first (`layout_twice.sh build --keep DIR`).
pos=()
while [[ $# -gt 0 && ${#pos[@]} -lt 2 && "$1" != --* ]]; do pos+=("$1"); shift; done
arg="${pos[0]:-$root/build}"
journey="$arg"; [[ -d "$arg" ]] && journey="$arg/app/journey"
corpus="${pos[1]:-${JSTUDIO_CORPUS:-$root/../shared/corpus}/drawio}"
page=1 keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --page) page="$2"; shift 2 ;;
    --keep) keep="$2"; mkdir -p "$keep"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$journey" "$corpus" "$work" "$page" "$keep" <<'PY'
import base64, math, os, shutil, subprocess, sys, time, urllib.parse, zlib
import xml.etree.ElementTree as ET

journey, corpus, work, page, keep = sys.argv[1:6]
page = int(page)

def models(path):
    """The <mxGraphModel> of every page, compressed pages inflated."""
    root = ET.parse(path).getroot()
    out = []
    for d in root.iter('diagram'):
        m = d.find('mxGraphModel')
        if m is None and (d.text or '').strip():
            raw = zlib.decompress(base64.b64decode(d.text.strip()), -15).decode('utf-8')
            m = ET.fromstring(urllib.parse.unquote(raw))
        out.append(m)
    if not out and root.tag == 'mxGraphModel':
        out.append(root)
    return out

def cells(model):
    """id -> (parent, vertex/edge, style, value, geometry numbers, waypoints) of one page."""
    out = {}
    for c in model.iter('mxCell'):
        if c.get('id') is not None: out[c.get('id')] = c
    # A UserObject/object wrapper holds the id and label; its mxCell the parent, style and geometry.
    for w in list(model.iter('UserObject')) + list(model.iter('object')):
        c = w.find('mxCell')
        if c is not None:
            out[w.get('id')] = c
    res = {}
    for i, c in out.items():
        g = c.find('mxGeometry')
        box = None
        pts = []
        if g is not None:
            box = tuple(float(g.get(k, 0)) for k in ('x', 'y', 'width', 'height'))
            for a in g.iter('mxPoint'):
                pts.append((float(a.get('x', 0)), float(a.get('y', 0))))
        res[i] = dict(parent=c.get('parent'), style=c.get('style'), value=c.get('value'),
                      edge=c.get('edge') == '1', box=box, pts=pts)
    return res

def compare(a_path, b_path):
    try:
        a = cells(models(a_path)[page - 1]); b = cells(models(b_path)[page - 1])
    except Exception as e:  # noqa: BLE001 - a report, not a check
        return f'unreadable ({e})'
    moved, largest, other = 0, 0.0, 0
    for i in set(a) | set(b):
        if i not in a or i not in b:
            other += 1
            continue
        x, y = a[i], b[i]
        if (x['parent'], x['style'], x['value']) != (y['parent'], y['style'], y['value']):
            other += 1
        d = 0.0
        changed = x['box'] != y['box'] or len(x['pts']) != len(y['pts'])
        if x['box'] and y['box']:
            d = max(d, math.hypot(x['box'][0] - y['box'][0], x['box'][1] - y['box'][1]),
                    abs(x['box'][2] - y['box'][2]), abs(x['box'][3] - y['box'][3]))
        for p, q in zip(x['pts'], y['pts']):
            if p != q:
                changed = True
                d = max(d, math.hypot(p[0] - q[0], p[1] - q[1]))
        if changed:
            moved += 1
            largest = max(largest, d)
    return f'{moved} cells moved (largest {largest:.2f} px), {other} changed otherwise'

start = time.time()
files = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(corpus) for f in fs if not f.endswith('.tsv'))
same = laid = 0
failed, left = [], []
for n, src in enumerate(files):
    rel = os.path.relpath(src, corpus)
    a, b = os.path.join(work, 'a.drawio'), os.path.join(work, 'b.drawio')
    for p in (a, b):
        if os.path.exists(p): os.remove(p)
    r = subprocess.run([journey, 'layout', src, '-o', a, '--page', str(page)], capture_output=True, text=True)
    as_drawn = r.returncode == 1 and 'left as drawn' in r.stderr and os.path.exists(a)
    if r.returncode != 0 and not as_drawn:
        failed.append(rel)
        continue
    laid += 1
    if as_drawn: left.append(rel)
    r = subprocess.run([journey, 'layout', a, '-o', b, '--page', str(page)], capture_output=True, text=True)
    if r.returncode != 0 and not (as_drawn and r.returncode == 1):
        print(f'DIFF  {rel}: the laid-out file does not lay out: {r.stderr.strip()[:160]}')
        continue
    if open(a, 'rb').read() == open(b, 'rb').read():
        same += 1
        continue
    print(f'DIFF  {rel}: {compare(a, b)}')
    if keep:
        stem = f'{n:03d}-' + os.path.basename(rel).split('.')[0][-40:]
        shutil.copy(a, os.path.join(keep, stem + '.a.drawio'))
        shutil.copy(b, os.path.join(keep, stem + '.b.drawio'))
print(f'not laid out: {len(failed)} files')
for rel in left: print(f'AS DRAWN  {rel}')
print(f'{same} of {laid} files give the same file ({len(left)} of them left as drawn: pictures, not graphs, or regions the layout would change; '
      f'{len(files)} files, {len(failed)} do not lay out; '
      f'page {page}; {time.time() - start:.0f} s)')
PY
