#!/usr/bin/env bash
# Stable re-layout: on every gallery file, lay it out (A), make a small edit (a new node linked from an
# existing one), and lay out again: B = layout of the edited laid-out file (what a user does), C = a fresh
# layout of the edited original. Prints per file the mean displacement of the unchanged nodes from A in B
# and in C (page pixels), and the means over all files.
# usage: bench/layout_stability.sh [BUILD_DIR|JOURNEY_BINARY] [CORPUS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
arg="${1:-$root/build}"
journey="$arg"; [[ -d "$arg" ]] && journey="$arg/app/journey"
corpus="${2:-${JSTUDIO_CORPUS:-$root/../shared/corpus}/drawio}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$journey" "$corpus" "$work" "$root/tests/data/layout/gallery.tsv" <<'PY'
import math, subprocess, sys, xml.etree.ElementTree as ET
journey, corpus, work, listing = sys.argv[1:5]
def run(*a): subprocess.run([journey, *a], check=True, capture_output=True)
def plain(src, dst): run('convert', src, dst, '--uncompressed')
def layout(src, dst): run('layout', src, '-o', dst)
def centres(path):
    root = ET.parse(path).getroot()
    model = root.find('.//mxGraphModel')
    cells = {c.get('id'): c for c in model.iter('mxCell')}
    def box(i, depth=0):
        c = cells.get(i)
        g = c.find('mxGeometry') if c is not None else None
        if g is None or c.get('vertex') != '1' or g.get('relative') == '1' or depth > 50: return (0, 0, 0, 0)
        px, py, _, _ = box(c.get('parent'), depth + 1)
        return (px + float(g.get('x', 0)), py + float(g.get('y', 0)), float(g.get('width', 0)), float(g.get('height', 0)))
    out = {}
    for i, c in cells.items():
        if c.get('vertex') == '1':
            x, y, w, h = box(i)
            if w > 0: out[i] = (x + w / 2, y + h / 2)
    return out
def edit(src, dst):
    tree = ET.parse(src); model = tree.getroot().find('.//mxGraphModel'); root = model.find('root')
    cells = list(root.iter('mxCell'))
    by_id = {c.get('id'): c for c in cells if c.get('parent') and c.find('mxGeometry') is not None}
    sources = [c.get('source') for c in cells if c.get('edge') == '1' and c.get('source') in by_id]
    if not sources: return False
    src_cell = by_id[sources[0]]
    g = src_cell.find('mxGeometry')
    node = ET.SubElement(root, 'mxCell', id='bench-added', value='Added step', style='rounded=1;whiteSpace=wrap;html=1;',
                         vertex='1', parent=src_cell.get('parent'))
    ET.SubElement(node, 'mxGeometry', x=str(float(g.get('x', 0)) + 200), y=str(float(g.get('y', 0)) + 100),
                  width='120', height='60', **{'as': 'geometry'})
    e = ET.SubElement(root, 'mxCell', id='bench-added-edge', edge='1', parent=src_cell.get('parent'),
                      source=sources[0], target='bench-added', style='')
    ET.SubElement(e, 'mxGeometry', relative='1', **{'as': 'geometry'})
    tree.write(dst); return True
def mean_move(a, b):
    common = [k for k in a if k and k in b and not k.startswith('bench-')]
    return sum(math.dist(a[k], b[k]) for k in common) / max(1, len(common))
rows = []
for line in open(listing):
    if line.startswith('#') or not line.strip(): continue
    kind, path = line.rstrip('\n').split('\t')[:2]
    w = lambda n: f'{work}/{n}.drawio'
    try:
        plain(f'{corpus}/{path}', w('orig')); layout(w('orig'), w('a')); plain(w('a'), w('a'))
        try:
            if not edit(w('a'), w('ea')) or not edit(w('orig'), w('eo')): continue
        except TypeError as err:  # a page written in a form this small editor does not handle
            print(f'{path}: not edited ({err})', file=sys.stderr); continue
        layout(w('ea'), w('b')); layout(w('eo'), w('c')); plain(w('b'), w('b')); plain(w('c'), w('c'))
    except subprocess.CalledProcessError as err:
        print(f'{path}: {err.stderr.decode()[:100]}', file=sys.stderr); continue
    a, b, c = centres(w('a')), centres(w('b')), centres(w('c'))
    rows.append((path.split('/')[-1], mean_move(a, b), mean_move(a, c)))
print('| file | re-layout after the edit | fresh layout of the edited drawing |')
print('|---|---:|---:|')
for name, mb, mc in rows: print(f'| {name} | {mb:.1f} | {mc:.1f} |')
n = max(1, len(rows))
print(f'| **mean of {len(rows)} files** | **{sum(r[1] for r in rows) / n:.1f}** | **{sum(r[2] for r in rows) / n:.1f}** |')
print(f'| **median** | **{sorted(r[1] for r in rows)[len(rows) // 2]:.1f}** | **{sorted(r[2] for r in rows)[len(rows) // 2]:.1f}** |')
PY
