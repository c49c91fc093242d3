#!/usr/bin/env bash
# Fidelity against draw.io's own renderer: every page of every corpus file drawn by draw.io (drawio-reference
# drawio-render, draw.io 25.0.2 in headless Chromium, --font-aliases) and by us (journey export --to png
# --page N), scored with the reference's compare_png.py (normalised RMSE after a 3 px blur; 0 = identical).
# draw.io's pictures are made once and kept in REFS (outside the repository; missing ones are drawn, nice'd).
# Pages whose images are links to the internet (draw.io reports "cannot load URL") are marked "link", pages whose
# background is another page (which draw.io's export page cannot load either) "bgpage"; both are left out of
# the mean and max. Prints one line per page, then the summary.
#
# usage: bench/fidelity.sh JOURNEY [--refs DIR] [--keep DIR] [--side DIR] [--corpus DIR] [FILE...]
#   FILE...    corpus files (paths inside the corpus folder, or absolute); default: every file
#   --refs     draw.io's pictures (default ../fidelity-ref next to the repository)
#   --keep     where our PNGs are kept (default: a temporary folder)
#   --side     write draw.io | ours | overlay pictures there
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
J=$(realpath "$1"); shift
R=${DRAWIO_REFERENCE:-$here/../../shared/tools/drawio-reference}
C=$here/../../shared/corpus/drawio
REFS=$here/../../fidelity-ref
KEEP=""; SIDE=""; files=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --refs) REFS=$2; shift 2 ;;
    --keep) KEEP=$2; shift 2 ;;
    --side) SIDE=$2; shift 2 ;;
    --corpus) C=$2; shift 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
C=$(realpath "$C")
mkdir -p "$REFS/png" "$REFS/log"
REFS=$(realpath "$REFS")
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
[[ -n "$KEEP" ]] && mkdir -p "$KEEP"
[[ -n "$SIDE" ]] && mkdir -p "$SIDE"
OUT=${KEEP:-$T}

# Every corpus file, sorted, each with the stem drawio-batch gives it (name without .drawio/.xml/...; a
# repeated stem gets -2): the reference pictures are REFS/png/STEM-pN.png.
mapfile -t all < <(cd "$C" && find . -type f ! -name MANIFEST.tsv | sed 's|^\./||' | LC_ALL=C sort)
declare -A stem_of seen
for f in "${all[@]}"; do
  s=$(basename "$f"); s=${s%.drawio.svg}; s=${s%.drawio.png}; s=${s%.drawio}; s=${s%.xml}; s=${s%.svg}; s=${s%.png}
  if [[ -n "${seen[$s]:-}" ]]; then k=2; while [[ -n "${seen[$s-$k]:-}" ]]; do k=$((k + 1)); done; s="$s-$k"; fi
  seen[$s]=1; stem_of[$f]=$s
done
[[ ${#files[@]} -eq 0 ]] && files=("${all[@]}")
for i in "${!files[@]}"; do files[$i]=${files[$i]#"$C/"}; done

# draw.io's pictures that are missing: one drawio-batch for all of them, in corpus order (the stems match).
missing=()
for f in "${all[@]}"; do
  for g in "${files[@]}"; do [[ "$f" == "$g" ]] || continue
    [[ -e "$REFS/png/${stem_of[$f]}-p1.png" || -e "$REFS/log/${stem_of[$f]}.none" ]] || missing+=("$f")
  done
done
if [[ ${#missing[@]} -gt 0 && -z "${FIDELITY_NO_DRAWIO:-}" ]]; then
  echo "fidelity: drawing ${#missing[@]} file(s) with draw.io into $REFS" >&2
  # drawio-batch names by its own stems: run it on a copy under the stems we use, so duplicates match.
  mkdir -p "$T/in"; ins=()
  for f in "${missing[@]}"; do
    ext=""; for e in .drawio.svg .drawio.png .drawio .xml .svg .png; do [[ "$f" == *"$e" ]] && { ext=$e; break; }; done
    cp "$C/$f" "$T/in/${stem_of[$f]}$ext"; ins+=("$T/in/${stem_of[$f]}$ext")
  done
  (cd "$T/in" && nice -n 10 "$R/drawio-batch" --out-dir "$REFS/png" --page all --font-aliases "${ins[@]}") \
    >>"$REFS/log/batch.log" 2>&1
  for f in "${missing[@]}"; do [[ -e "$REFS/png/${stem_of[$f]}-p1.png" ]] || touch "$REFS/log/${stem_of[$f]}.none"; done
fi
# Files whose images draw.io could not load: their pages are left out of the summary.
links=$(grep -h ': cannot load http' "$REFS/log/"*.log 2>/dev/null | sed 's/: .*//' | sed 's|.*/||' | sort -u)
# Files with a page whose background is another page (backgroundImage src data:page/id,...): draw.io's editor
# draws that page behind, its export page cannot load it and draws a broken-image icon across the page instead,
# so draw.io's picture of that page is not draw.io's picture of the diagram. Such pages (found by decoding the
# file with our reader) are marked "bgpage" and left out like link pages; the file's other pages are scored.
bgpage_files=$(grep -h 'cannot load data:page/' "$REFS/log/"*.log 2>/dev/null | sed 's/: .*//' | sed 's|.*/||' | sort -u)
bgpage_pages() { # corpus file -> the numbers of its pages with a page as background, one per line
  "$J" convert "$1" - --uncompressed 2>/dev/null |
    awk '/<diagram[ >]/ { n++ } /<mxGraphModel[^>]*backgroundImage="[^"]*data:page\// { print n }'
}

printf "%-90s %4s %7s %s\n" file page score note
: >"$T/scores"
for f in "${files[@]}"; do
  s=${stem_of[$f]:-}; [[ -n "$s" ]] || { echo "fidelity: $f is not in the corpus" >&2; continue; }
  if [[ ! -e "$REFS/png/$s-p1.png" ]]; then printf "%-90s %4s %7s %s\n" "$f" - - "draw.io draws nothing"; continue; fi
  note=""
  b=$(basename "$f"); if grep -qxF "$b" <<<"$links" || grep -qxF "$s${b#"${b%%.*}"}" <<<"$links"; then note=link; fi
  bg=""; if grep -qxF "$b" <<<"$bgpage_files" || grep -qxF "$s${b#"${b%%.*}"}" <<<"$bgpage_files"; then
    bg=$(bgpage_pages "$C/$f"); fi
  p=1
  while [[ -e "$REFS/png/$s-p$p.png" ]]; do
    pnote=$note; [[ -z "$pnote" ]] && grep -qxF "$p" <<<"$bg" && pnote=bgpage
    ours="$OUT/$s-p$p.png"
    if ! "$J" export "$C/$f" --to png --plain --page "$p" -o "$ours" >/dev/null 2>"$T/err"; then
      printf "%-90s %4s %7s %s\n" "$f" "$p" - "export failed: $(head -c 80 "$T/err" | tr '\n' ' ')"; p=$((p + 1)); continue
    fi
    args=("$REFS/png/$s-p$p.png" "$ours"); [[ -n "$SIDE" ]] && args+=(--side-by-side "$SIDE/$s-p$p.png" --labels draw.io,journey)
    score=$(python3 "$R/compare_png.py" "${args[@]}" 2>/dev/null | python3 -c 'import json,sys; print("%.4f" % json.load(sys.stdin)["score"])' 2>/dev/null || echo -)
    printf "%-90s %4s %7s %s\n" "$f" "$p" "$score" "$pnote"
    [[ "$score" != - ]] && printf "%s %s\n" "$score" "$pnote" >>"$T/scores"
    p=$((p + 1))
  done
done
awk '$2 == "" { n++; s += $1; if ($1 > m) m = $1; if ($1 > 0.06) over++ } $2 == "link" { l++ } $2 == "bgpage" { g++ }
     END { printf "pages %d (and %d with internet images, %d with a page as background, left out): mean %.4f, max %.4f, above 0.06: %d\n", n, l, g, n ? s / n : 0, m, over }' "$T/scores"
