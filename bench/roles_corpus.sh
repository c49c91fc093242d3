#!/usr/bin/env bash
# The page reading on every file of the shared draw.io corpus: `journey info --roles` must run on each;
# role counts per domain (user flows, site maps, flowcharts, swimlanes, journey maps, architecture, other)
# as a Markdown table; then `journey check` on the user flows and site maps: no finding may name a
# decoration, region, title, legend, note or annotation, and the --annotate copy must check identically.
# usage: bench/roles_corpus.sh [BUILD_DIR] [CORPUS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${1:-$root/build}"
corpus="${2:-${JSTUDIO_CORPUS:-$root/../shared/corpus}/drawio}"
journey="$build/app/journey"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$journey" "$corpus" "$work" <<'PY'
import collections, json, os, re, subprocess, sys
journey, corpus, work = sys.argv[1:4]

def domain(path):
    p = path.lower()
    if re.search(r'site_?map', p): return 'site maps'
    if re.search(r'user.?flow|wireframe|mockup', p): return 'user flows'
    if re.search(r'journey|story-map|job-map|empathy|customer', p): return 'journey maps'
    if re.search(r'cross_functional|swimlane|bpmn', p): return 'swimlanes'
    if re.search(r'flow|decision|process|state|statesmith', p): return 'flowcharts'
    if re.search(r'aws|azure|gcp|cloud|ibm|sap|network|architect|kubernetes|cisco|rack|btp|infra', p): return 'architecture'
    return 'other'

files = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs if f != 'MANIFEST.tsv')
roles = collections.defaultdict(collections.Counter)
per_domain_files = collections.Counter()
ran = failed = refused = 0
for f in files:
    r = subprocess.run([journey, 'info', '--roles', '--format', 'json', f], capture_output=True, text=True)
    if r.returncode == 2:
        refused += 1  # unreadable on purpose (malformed XML, no pages): a clear error, not a crash
        continue
    if r.returncode != 0:
        failed += 1
        print(f'FAILED rc={r.returncode}: {f}: {r.stderr.strip()[:200]}', file=sys.stderr)
        continue
    ran += 1
    d = domain(os.path.relpath(f, corpus))
    per_domain_files[d] += 1
    for page in json.loads(r.stdout)['pages']:
        roles[d].update(page.get('roles', {}).get('counts', {}))

cols = ['node', 'connector', 'edge-label', 'decoration', 'region', 'container', 'group', 'swimlane', 'pool',
        'lane', 'title', 'legend', 'note', 'port', 'hidden']
print(f'{ran} files read, {refused} refused with a clear error (malformed on purpose), {failed} failed\n')
print('| domain | files | ' + ' | '.join(cols) + ' |')
print('|---|---:|' + '---:|' * len(cols))
for d in sorted(roles):
    print(f'| {d} | {per_domain_files[d]} | ' + ' | '.join(str(roles[d].get(c, 0)) for c in cols) + ' |')

# Check on user flows and site maps.
bad = 0
checked = 0
for f in files:
    if domain(os.path.relpath(f, corpus)) not in ('user flows', 'site maps'): continue
    info = subprocess.run([journey, 'info', '--roles', '--format', 'json', f], capture_output=True, text=True)
    if info.returncode != 0: continue
    role_of = {}
    for page in json.loads(info.stdout)['pages']:
        for c in page.get('roles', {}).get('cells', []):
            role_of[(page['index'], c['id'])] = c['role']
    ann = os.path.join(work, 'annotated.drawio')
    a = subprocess.run([journey, 'check', f, '--page', 'all', '--format', 'json', '--annotate', ann], capture_output=True, text=True)
    if a.returncode > 1:
        print(f'CHECK FAILED rc={a.returncode}: {f}: {a.stderr.strip()[:200]}', file=sys.stderr); bad += 1; continue
    b = subprocess.run([journey, 'check', ann, '--page', 'all', '--format', 'json'], capture_output=True, text=True)
    ja, jb = json.loads(a.stdout), json.loads(b.stdout)
    checked += 1
    for pi, page in enumerate(ja['pages']):
        for finding in page['findings']:
            for cell in finding['cells']:
                r = role_of.get((page.get('index', pi + 1), cell))
                if r in ('decoration', 'region', 'title', 'legend', 'note', 'annotation'):
                    print(f'{f}: finding {finding["rule"]} names {cell}, a {r}', file=sys.stderr); bad += 1
    strip = lambda j: [[(x['rule'], x['severity'], x['message'], x['cells']) for x in p['findings']] for p in j['pages']]
    if strip(ja) != strip(jb) or a.returncode != b.returncode:
        print(f'{f}: the annotated copy checks differently', file=sys.stderr); bad += 1
print(f'\ncheck on {checked} user flows and site maps: {bad} problem(s)')
sys.exit(1 if failed or bad else 0)
PY
