#!/usr/bin/env bash
# README command 1: installs what is missing, builds, and runs the main job on the built-in example.
# Every step that exists runs; outputs go to out/demo/ and their paths are printed at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" release >/dev/null
journey="$root/build/app/journey"
out="$root/out/demo"
mkdir -p "$out"
has() { "$journey" --help | grep -qE "^  $1 "; }
step() { printf '\n== %s\n' "$*" >&2; }

input="$root/examples/checkout-flow.drawio"
if has new; then
  step "journey map from the current-state template"
  "$journey" new --template current-state -o "$out/journey-map.drawio"
  input="$out/journey-map.drawio"
fi
step "what the diagram holds"
"$journey" info "$input"
work="$input"
if has layout; then
  step "layout of the checkout flow"
  "$journey" layout "$root/examples/checkout-flow.drawio" -o "$out/checkout-flow-laid-out.drawio"
fi
if has check; then
  step "navigation check of the checkout flow"
  "$journey" check "$root/examples/checkout-flow.drawio" --annotate "$out/checkout-flow-findings.drawio" || true
fi
step "draw.io file"
"$journey" convert "$work" "$out/journey.drawio"
if has export; then
  step "slides and pictures"
  "$journey" export "$work" --to pptx -o "$out/journey.pptx"
  "$journey" export "$work" --to svg -o "$out/journey.svg"
fi
printf '\nFiles written:\n' >&2
for f in "$out"/*; do echo "  $f" >&2; done
