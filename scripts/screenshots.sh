#!/usr/bin/env bash
# The README's journey-studio screenshots, taken from the real application under Xvfb:
# scripts/screenshots.sh [BUILD_DIR]  (default build/) -> docs/screenshots/studio-*.png
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
journey=$build/app/journey
studio=$build/studio/journey-studio
out=$root/docs/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

"$journey" new --template current-state --persona Maya --title "Online order" -o "$tmp/journey-map.drawio" >/dev/null
# exit 1 = findings, which is what we want to show
"$journey" check "$root/tests/data/navigation/shop_checkout.drawio" --annotate "$tmp/shop-checked.drawio" >/dev/null || true

cat >"$tmp/map.script" <<EOF
open $tmp/journey-map.drawio
menu View/Fit
click-cell jm-step-a2
screenshot $out/studio-journey-map.png
EOF
cat >"$tmp/findings.script" <<EOF
open $tmp/shop-checked.drawio
menu View/Fit
click-cell cart
screenshot $out/studio-check-findings.png
EOF
cat >"$tmp/crm.script" <<EOF
open $root/tests/data/gui/crm-funnel.drawio
answer $root/tests/data/gui/crm-opportunities.csv
answer preset=salesforce
answer stall_days=0
run Journey/Validate with CRM Data...
menu View/Fit
screenshot $out/studio-crm-overlay.png
EOF
for script in map findings crm; do
  xvfb-run -a -s "-screen 0 1280x800x24" "$studio" --self-test "$tmp/$script.script" 2>&1 |
    grep -v -e '^self-test: [a-z]' -e 'Gtk-WARNING' -e '^$' || true
done
ls -l "$out"/studio-*.png
