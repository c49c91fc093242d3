#!/usr/bin/env bash
# Decks we write pass the shared deck checker (well-formed parts, glued connectors on their sites, unique ids,
# renders in LibreOffice): a journey map from a template and a laid-out flowchart.
set -euo pipefail
journey=$1
root=${JSTUDIO_SOURCE_DIR:?}
checker="${JSTUDIO_SHARED:-$root/../shared}/bench/pptx/check_pptx.sh"
if [[ ! -f "$checker" ]]; then
  [[ "${JSTUDIO_REQUIRE_CORPUS:-0}" == "1" ]] && { echo "FAIL: $checker missing" >&2; exit 1; }
  echo "skipped: $checker not found"; exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$journey" new --template current-state -o "$tmp/map.drawio" 2>/dev/null
"$journey" export "$tmp/map.drawio" --to pptx -o "$tmp/map.pptx" 2>/dev/null
"$journey" layout "$root/examples/checkout-flow.drawio" -o "$tmp/flow.drawio" 2>/dev/null
"$journey" export "$tmp/flow.drawio" --to pptx -o "$tmp/flow.pptx" 2>/dev/null
for deck in "$tmp/map.pptx" "$tmp/flow.pptx"; do
  HOME="$tmp" bash "$root/tests/support/check_deck.sh" "$checker" --strict "$deck" > "$tmp/log" 2>&1 || { cat "$tmp/log" >&2; echo "FAIL: $deck" >&2; exit 1; }
done
echo "pptx decks pass check_pptx.sh --strict"
