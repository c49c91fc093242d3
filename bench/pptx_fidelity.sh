#!/usr/bin/env bash
# bench/pptx_fidelity.sh [JOURNEY] [OUT_DIR]: how close one-slide decks (journey export --to pptx --deck map,
# page 1) look to draw.io's own picture of the page, next to our PNG export, on 20 corpus files spread over
# the corpus (every 11th of the readable files with 10-400 cells, in MANIFEST.tsv order by name).
# draw.io's picture: ../shared/tools/drawio-reference/drawio-render; the deck: LibreOffice (one soffice run
# for all decks) to PDF, pdftoppm at 96 dpi (1280 x 720 px); score: compare_png.py (normalised RMSE after a 3 px blur,
# both trimmed to their content and scaled to one size; 0 = same). Prints a Markdown table and the means.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
J=${1:-$root/build/app/journey}
out=${2:-$root/out/pptx-fidelity}
shared="${JSTUDIO_SHARED:-$root/../shared}"
C="$shared/corpus/drawio"
R="$shared/tools/drawio-reference"
mkdir -p "$out"/{ref,png,pptx,slide}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
awk -F'\t' 'NR>1 && $10>=10 && $10<=400 && $13=="" {print $1}' "$C/MANIFEST.tsv" | sort > "$work/all"
n=$(wc -l < "$work/all")
awk -v n="$n" 'NR % int(n/20) == 1' "$work/all" | head -20 > "$work/pick"
i=0
while IFS= read -r f; do
  i=$((i + 1)); k=$(printf "%02d" $i)
  "$R/drawio-render" "$C/$f" "$out/ref/$k.png" >/dev/null 2>&1
  # The page's own background (as draw.io's picture has it; transparent elsewhere, flattened on white).
  "$J" export "$C/$f" --to png --page 1 -o "$out/png/$k.png" >/dev/null 2>&1
  "$J" export "$C/$f" --to pptx --page 1 --deck map -o "$out/pptx/$k.pptx" >/dev/null 2>&1
done < "$work/pick"
cp "$out"/pptx/*.pptx "$work/"
HOME="$work" timeout -k 10 1200 soffice --headless --norestore --nolockcheck "-env:UserInstallation=file://$work/profile" \
  --convert-to pdf --outdir "$work" "$work"/*.pptx > "$work/soffice.log" 2>&1
for pdf in "$work"/*.pdf; do
  k=$(basename "$pdf" .pdf)
  # Exactly the slide's 1280 x 720 px: at -r 96 pdftoppm rounds LibreOffice's page up to 1281 px, a white
  # column that keeps compare_png.py's trim from cutting a coloured slide background (p:bg) away.
  pdftoppm -scale-to-x 1280 -scale-to-y 720 -png -singlefile "$pdf" "$out/slide/$k"
done
score() { [[ -f "$1" && -f "$2" ]] && python3 "$R/compare_png.py" "$1" "$2" 2>/dev/null |
  python3 -c 'import json,sys; print("%.4f" % json.load(sys.stdin)["score"])' || echo "-"; }
echo "| # | file | PNG export | PPTX slide | PPTX - PNG |"
echo "|---:|---|---:|---:|---:|"
i=0; sp=0; sx=0; m=0
while IFS= read -r f; do
  i=$((i + 1)); k=$(printf "%02d" $i)
  p=$(score "$out/ref/$k.png" "$out/png/$k.png"); x=$(score "$out/ref/$k.png" "$out/slide/$k.png")
  d="-"
  if [[ $p != - && $x != - ]]; then
    d=$(python3 -c "print('%+.4f' % ($x - $p))"); sp=$(python3 -c "print($sp + $p)"); sx=$(python3 -c "print($sx + $x)"); m=$((m + 1))
  fi
  echo "| $k | ${f#*/} | $p | $x | $d |"
done < "$work/pick"
[[ $m -gt 0 ]] && python3 -c "print('\nmean over %d files: PNG export %.4f, PPTX slide %.4f, difference %+.4f' % ($m, $sp/$m, $sx/$m, ($sx-$sp)/$m))"
