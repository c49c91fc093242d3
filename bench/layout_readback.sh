#!/usr/bin/env bash
# A laid-out file reads back equal in draw.io: for each file, `journey layout` (page 1) and draw.io's own
# model of the original and of the laid-out file (../shared/tools/drawio-reference, drawio-batch --dump, page
# 1). Equal means: the same cell ids, each with the same parent, vertex/edge kind, source and target, no cell
# dropped and no reference left unresolved by draw.io where the original had none. Geometry, waypoints and
# styles may differ (that is the layout); styles that changed are counted apart. Prints one line per file that
# differs and "N of M files read back equal in draw.io".
# usage: bench/layout_readback.sh [BUILD_DIR|JOURNEY_BINARY] [CORPUS_DIR] [--all]
#   default: the gallery (tests/data/layout/gallery.tsv); --all: every file of the corpus that lays out.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
arg="${1:-$root/build}"
journey="$arg"; [[ -d "$arg" ]] && journey="$arg/app/journey"
corpus="${2:-${JSTUDIO_CORPUS:-$root/../shared/corpus}/drawio}"
all=0
[[ "${3:-}" == "--all" ]] && all=1
tools="${DRAWIO_REFERENCE:-$root/../shared/tools/drawio-reference}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/orig" "$work/in" "$work/out" "$work/dumps"
start=$(date +%s)
n=0
list() {
  if [[ $all == 1 ]]; then
    (cd "$corpus" && find . -type f ! -name '*.tsv' | sed 's|^\./||' | sort)
  else
    grep -v '^#' "$root/tests/data/layout/gallery.tsv" | cut -f2 | sed '/^$/d'
  fi
}
while IFS= read -r file; do
  n=$((n + 1))
  stem=$(printf '%03d' "$n")
  # drawio-batch names its outputs after the input without its extension: one extension for all.
  "$journey" layout "$corpus/$file" -o "$work/out/$stem.drawio" >/dev/null 2>&1 || continue
  "$journey" convert "$corpus/$file" "$work/in/$stem.drawio" >/dev/null 2>&1 || continue
  # drawio-batch names a dump after its input without the extension it knows: one of those.
  case "$file" in
    *.svg) ext=drawio.svg ;;
    *.png) ext=drawio.png ;;
    *) ext=xml ;;
  esac
  cp "$corpus/$file" "$work/orig/$stem.$ext"
  echo -e "$stem\t$file" >> "$work/names.tsv"
done < <(list)
# Against the original as drawn, and against the original as journey reads and writes it unchanged (convert):
# what differs there is the reader's and writer's business (tests of their own), not the layout's.
"$tools/drawio-batch" --dump --page 1 --out-dir "$work/dumps/orig" "$work"/orig/* >/dev/null 2>&1 || true
"$tools/drawio-batch" --dump --page 1 --out-dir "$work/dumps/in" "$work"/in/*.drawio >/dev/null 2>&1 || true
"$tools/drawio-batch" --dump --page 1 --out-dir "$work/dumps/out" "$work"/out/*.drawio >/dev/null 2>&1 || true
python3 - "$work" "$(( $(date +%s) - start ))" <<'PY'
import json, os, sys
work, seconds = sys.argv[1], sys.argv[2]
names = dict(line.rstrip('\n').split('\t', 1) for line in open(os.path.join(work, 'names.tsv')))
FIELDS = ('parent', 'vertex', 'edge', 'source', 'target')
def load(side, stem):
    try:
        return json.load(open(os.path.join(work, 'dumps', side, stem + '.json')))['pages'][0]
    except (OSError, ValueError, KeyError, IndexError):
        return None
def differences(a, b):
    ca = {c['id']: c for c in a['cells']}
    cb = {c['id']: c for c in b['cells']}
    problems = []
    lost = [i for i in ca if i not in cb]
    new = [i for i in cb if i not in ca]
    if lost: problems.append(f'{len(lost)} cells dropped ({",".join(lost[:4])})')
    if new: problems.append(f'{len(new)} new cells ({",".join(new[:4])})')
    for f in FIELDS:
        d = [i for i in ca if i in cb and ca[i].get(f) != cb[i].get(f)]
        if d: problems.append(f'{f} of {len(d)} ({d[0]}: {ca[d[0]].get(f)} -> {cb[d[0]].get(f)})')
    errors = [e for e in b.get('errors', []) if e not in a.get('errors', [])]
    if errors: problems.append('draw.io: ' + '; '.join(errors)[:200])
    style = sum(1 for i in ca if i in cb and ca[i].get('style') != cb[i].get('style'))
    return problems, style
equal = {'orig': 0, 'in': 0}
styled = 0
for stem, file in sorted(names.items()):
    b = load('out', stem)
    for base in ('orig', 'in'):
        a = load(base, stem)
        if a is None or b is None:
            print(f'NODUMP {base} {file}')
            continue
        problems, style = differences(a, b)
        styled += base == 'in' and style > 0
        if problems:
            print(f'DIFF  {file} (against {"the original" if base == "orig" else "journey convert"}): '
                  + '; '.join(problems))
        else:
            equal[base] += 1
print(f'{equal["orig"]} of {len(names)} files read back equal in draw.io to the original, {equal["in"]} to '
      f'journey convert of it (ids, parents, kinds, sources, targets, nothing dropped); styles changed on '
      f'{styled}; {seconds} s')
PY
