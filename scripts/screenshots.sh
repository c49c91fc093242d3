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
# docs/images: the Format panel on a selected shape, the Layers panel hiding the check findings (issue 18)
cat >"$tmp/format.script" <<EOF
pane journey-inspector hidden
pane layers hidden
open $root/tests/data/gui/journey-map.drawio
click-cell s2
control fill-colour #dae8fc
control line-colour #6c8ebf
control line-width 2
control shadow yes
control bold yes
control font-size 14
control copy-style
select s4
control paste-style
zoom-fit
click-cell s2
screenshot $root/docs/images/studio-format-panel.png
EOF
cat >"$tmp/layers.script" <<EOF
pane journey-inspector hidden
pane format hidden
open $root/tests/data/navigation/shop_checkout.drawio
run Journey/Mark Check Findings
pane journey-results hidden
control layers Check findings no
control layers Check findings
screenshot $root/docs/images/studio-layers-hidden.png
EOF
cat >"$tmp/journey-edit.script" <<EOF
pane layers hidden
pane format hidden
open $root/tests/data/gui/shop-current.drawio
select jm-step-e1
answer emotion=-2
run Journey/Set Step Data...
answer stage=b
select jm-step-s1
run Journey/Set Step Data...
zoom-fit
click-cell jm-step-s1
screenshot $root/docs/images/studio-journey-edit.png
EOF
cat >"$tmp/shapes.script" <<EOF
menu View/Shape Library
open $root/tests/data/gui/journey-map.drawio
control shape-search journey
screenshot $root/docs/images/studio-shape-library.png
EOF
for script in map findings crm format layers journey-edit shapes; do
  xvfb-run -a -s "-screen 0 1280x800x24" "$studio" --self-test "$tmp/$script.script" 2>&1 |
    grep -v -e '^self-test: [a-z]' -e 'Gtk-WARNING' -e '^$' || true
done
ls -l "$out"/studio-*.png "$root"/docs/images/studio-*.png
