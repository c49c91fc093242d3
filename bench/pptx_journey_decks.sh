#!/usr/bin/env bash
# bench/pptx_journey_decks.sh [BUILD_DIR] [OUT_DIR]: the journey deck of every template, checked with
# ../shared/bench/pptx/check_pptx.sh --strict (package, glue geometry, LibreOffice render) and read back by
# tests/support/read_deck.py; the slides as PNGs (72 dpi) in OUT_DIR/<template>/ to look at.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=${2:-$root/out/journey-decks}
J="$build/app/journey"
checker="${JSTUDIO_SHARED:-$root/../shared}/bench/pptx/check_pptx.sh"
mkdir -p "$out"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for tpl in $("$J" templates | awk '{print $1}'); do
  "$J" new --template "$tpl" -o "$work/$tpl.drawio" 2>/dev/null
  "$J" export "$work/$tpl.drawio" --to pptx -o "$out/$tpl.pptx" 2>/dev/null
  python3 "$root/tests/support/read_deck.py" "$out/$tpl.pptx" --min-font 10 --min-stage-font 12 | tail -1
  rm -rf "${out:?}/$tpl"
  start=$(date +%s)
  HOME="$work" bash "$root/tests/support/check_deck.sh" "$checker" --strict --out "$out/$tpl" "$out/$tpl.pptx" |
    grep -E "^(PASS|FAIL|ok   render)"
  pdftoppm -r 72 -png "$out/$tpl/$tpl.pdf" "$out/$tpl/slide"
  echo "$tpl: rendered in $(( $(date +%s) - start )) s -> $out/$tpl/slide-*.png"
done
