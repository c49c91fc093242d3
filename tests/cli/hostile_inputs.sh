#!/usr/bin/env bash
# Hostile files and careless paths (issue 19): every reader and command is fed malformed, huge, compressed-bomb,
# FIFO, device and symlink inputs and outputs. Each run has a memory limit (ulimit -v, when the build allows
# one: sanitizer builds reserve terabytes of address space) and a timeout, and must
#   - end with exit 0 or 2 (1 where the command reports findings), never a signal, a timeout or an internal error;
#   - on failure, say so in one line of at most 300 characters that names the file;
#   - leave the output file as it was unless it succeeded, and no temporary file behind.
# Usage: hostile_inputs.sh JOURNEY [CASE-NAME-FILTER]
set -uo pipefail
J="$1"
FILTER="${2:-}"
SRC="${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}"
T=$(mktemp -d)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    rm -rf "$T"
}
trap cleanup EXIT
IN="$T/in"
OUT="$T/out"
mkdir -p "$OUT" "$T/secret"
python3 "$SRC/tests/cli/hostile/make_inputs.py" "$IN" || exit 1

# A secret picture outside the diagrams' folder, and the diagrams that point at it.
cp "$SRC/tests/data/render/red.png" "$T/secret/secret.png"
SECRET_B64=$(base64 -w0 "$T/secret/secret.png")
mkfifo "$IN/fifo.drawio" "$T/image.fifo" "$OUT/out.fifo"
sed -i "s|@SECRET@|$T/secret/secret.png|g; s|@FIFO@|$T/image.fifo|g" "$IN"/image_*.drawio
# Editable pictures named without .drawio: exporting them to their own format must not replace them.
"$J" export "$IN/good.drawio" --to svg --drawio -o "$IN/editable.svg" 2>/dev/null || exit 1
"$J" export "$IN/good.drawio" --to png --drawio -o "$IN/editable.png" 2>/dev/null || exit 1

MEM_KB=$((1024 * 1024))  # 1 GiB of address space: the default memory budget follows it (a quarter)
if ! (ulimit -v "$MEM_KB" && "$J" --version) >/dev/null 2>&1; then
    # The budget the limit would have given is set with --max-memory instead, so bombs stop as early.
    echo "note: no ulimit -v for this build (sanitizers); --max-memory 256M and timeouts instead"
    MEM_KB=unlimited
fi
LIMIT_S=20
# Sanitizer builds run several times slower (a huge JPEG header takes over 20 s to refuse under ASan): a hang
# is still caught, just later.
[[ $MEM_KB == unlimited ]] && LIMIT_S=120
n=0
failed=0
STDIN=/dev/null

sum() { if [ -e "$1" ] && [ ! -p "$1" ] && [ ! -c "$1" ]; then md5sum <"$1"; else echo absent; fi; }

# run NAME FILE OUTPUT CODES -- journey args...
#   FILE: the input the message must name; OUTPUT: a file that must stay as it was unless the run exits 0
#   ("" = none); CODES: the exit codes allowed, e.g. "02" or "012".
run() {
    local name=$1 file=$2 output=$3 codes=$4
    shift 5
    [ "$MEM_KB" = unlimited ] && [[ " $* " != *" --max-memory "* ]] && set -- "$@" --max-memory 256M
    if [ -n "$FILTER" ] && [[ "$name" != *"$FILTER"* ]]; then return; fi
    n=$((n + 1))
    local before=""
    # A file that is there already (an input included) is compared as it is; a missing one is made first.
    if [ -n "$output" ] && [ ! -e "$output" ] && [ ! -L "$output" ]; then
        printf 'OLD %s\n' "$name" >"$output"
    fi
    [ -n "$output" ] && before=$(sum "$output")
    local start=$(date +%s%N)
    (ulimit -v "$MEM_KB"; exec timeout -k 2 "$LIMIT_S" "$J" "$@") <"$STDIN" >"$T/stdout" 2>"$T/stderr"
    local rc=$?
    local ms=$((($(date +%s%N) - start) / 1000000))
    local why=""
    if [[ "$codes" != *"$rc"* ]]; then
        why="exit $rc"
        [ "$rc" -eq 124 ] && why="timed out after ${LIMIT_S}s"
        [ "$rc" -gt 128 ] && why="killed by signal $((rc - 128))"
    elif grep -aq "internal error" "$T/stderr"; then
        why="internal error"
    elif [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        local last
        last=$(grep -a '^journey: ' "$T/stderr" | tail -1)
        local base
        base=$(basename -- "$file")
        if [ -z "$last" ]; then
            why="no 'journey: ' error line"
        elif [ "${#last}" -gt 300 ]; then
            why="error line of ${#last} characters"
        elif [[ "$last" != *"$base"* ]]; then
            why="error line does not name $base"
        elif [ -n "$output" ] && [ "$(sum "$output")" != "$before" ]; then
            why="output changed although the run failed"
        fi
    fi
    if [ -z "$why" ] && [ -n "$(find "$OUT" "$IN" -name '.*.tmp-*' 2>/dev/null)" ]; then
        why="temporary file left: $(find "$OUT" "$IN" -name '.*.tmp-*' | head -1)"
        find "$OUT" "$IN" -name '.*.tmp-*' -delete
    fi
    if [ -n "$why" ]; then
        failed=$((failed + 1))
        echo "FAIL $name: $why ($ms ms): journey $*"
        head -c 600 "$T/stderr" | sed 's/^/    /'
        echo
    else
        echo "ok   $name (exit $rc, $ms ms)"
    fi
}

O="$OUT/result"
# --- draw.io readers, through several commands ---------------------------------------------------------------
i=0
for f in empty garbage truncated nul_bytes bad_utf8 doctype_entities deep_elements deep_parents parent_cycle \
    duplicate_ids nan_geometry huge_geometry dangling_edge huge_attribute many_style_keys bare_model \
    wrong_root mxlibrary unclosed_cdata many_pages shape_stencil_garbage compressed_bad_base64 \
    compressed_bad_deflate compressed_bad_percent compressed_not_model deflate_bomb deflate_bomb_pages \
    image_huge_png image_bad_data; do
    file="$IN/$f.drawio"
    run "info:$f" "$file" "" 02 -- info "$file"
    # A second command per file, in turn: the writers and the analyses see what the reader let through.
    case $((i % 6)) in
    0) run "export-svg:$f" "$file" "$O.svg" 02 -- export "$file" --to svg -o "$O.svg" ;;
    1) run "export-png:$f" "$file" "$O.png" 02 -- export "$file" --to png -o "$O.png" ;;
    2) run "export-pdf:$f" "$file" "$O.pdf" 02 -- export "$file" --to pdf -o "$O.pdf" ;;
    # A page of shapes with no arrow between them is left as drawn (exit 1, a finding).
    3) run "layout:$f" "$file" "$O.drawio" 012 -- layout "$file" -o "$O.drawio" ;;
    4) run "check:$f" "$file" "$O.drawio" 012 -- check "$file" --format json --annotate "$O.drawio" ;;
    5) run "export-pptx:$f" "$file" "$O.pptx" 02 -- export "$file" --to pptx -o "$O.pptx" ;;
    esac
    i=$((i + 1))
done
# Groups nested thousands deep: layout time grows with the cube of the depth, so it is refused past 100.
run "layout:deep_parents" "$IN/deep_parents.drawio" "$O.drawio" 2 -- layout "$IN/deep_parents.drawio" -o "$O.drawio"
run "diff:svg_bomb" "$IN/svg_bomb.drawio.svg" "" 012 -- diff "$IN/svg_bomb.drawio.svg" "$IN/good.drawio"
# Labels of megabytes: every backend gets a bounded text (PDF used to abort inside GLib). A PNG of a
# 64 KiB one-line label is too wide to draw: refused (2), never a crash.
for f in huge_label huge_html_label many_lines_label; do
    run "export-pdf:$f" "$IN/$f.drawio" "$O.pdf" 0 -- export "$IN/$f.drawio" --to pdf -o "$O.pdf"
    run "export-png:$f" "$IN/$f.drawio" "$O.png" 02 -- export "$IN/$f.drawio" --to png -o "$O.png"
done
run "export-svg:huge_label" "$IN/huge_label.drawio" "$O.svg" 0 -- export "$IN/huge_label.drawio" --to svg -o "$O.svg"
grep -q "label is longer than" "$T/stderr" || { echo "FAIL huge_label: no warning about the cut label"; failed=$((failed + 1)); }
run "max-memory:deflate_bomb_pages" "$IN/deflate_bomb_pages.drawio" "" 02 -- info "$IN/deflate_bomb_pages.drawio" --max-memory 64M
grep -q "max-memory" "$T/stderr" || { echo "FAIL max-memory: the error does not say how to raise the limit"; failed=$((failed + 1)); }

# Pictures whose headers claim gigapixels: decoders must fail cleanly, the frame is drawn instead.
for f in image_huge_png image_huge_jpeg; do
    run "export-png:$f" "$IN/$f.drawio" "$O.png" 02 -- export "$IN/$f.drawio" --to png -o "$O.png"
    run "export-pdf:$f" "$IN/$f.drawio" "$O.pdf" 02 -- export "$IN/$f.drawio" --to pdf -o "$O.pdf"
done
run "export-pptx:image_huge_jpeg" "$IN/image_huge_jpeg.drawio" "$O.pptx" 02 -- export "$IN/image_huge_jpeg.drawio" --to pptx -o "$O.pptx"

# --- .drawio.svg and .drawio.png -----------------------------------------------------------------------------
for f in svg_no_content.drawio.svg svg_bad_content.drawio.svg svg_bad_base64.drawio.svg svg_bomb.drawio.svg \
    svg_truncated.drawio.svg png_bad_crc.drawio.png png_truncated.drawio.png png_no_diagram.drawio.png \
    png_ztxt_bomb.drawio.png png_huge_length.drawio.png png_text_garbage.drawio.png; do
    run "info:$f" "$IN/$f" "" 02 -- info "$IN/$f"
done
run "export:png_ztxt_bomb" "$IN/png_ztxt_bomb.drawio.png" "$O.pdf" 02 -- export "$IN/png_ztxt_bomb.drawio.png" --to pdf -o "$O.pdf"

# --- event logs: CSV, XES, gzip ------------------------------------------------------------------------------
for f in log_empty.csv log_header_only.csv log_garbage.csv log_unterminated_quote.csv log_bad_dates.csv \
    log_wide.csv log_nul.csv log_bad_utf8.csv log_one_line_bomb.csv.gz log_truncated.csv.gz log_corrupt.csv.gz \
    log_epoch_extremes.csv log_many_cases.csv log_malformed.xes log_not_xes.xes log_laughs.xes log_deep.xes \
    log_attr_bomb.xes.gz log_text_bomb.xes.gz; do
    run "discover:$f" "$IN/$f" "$O.drawio" 02 -- discover "$IN/$f" -o "$O.drawio"
done
for f in log_one_line_bomb.csv.gz log_garbage.csv log_attr_bomb.xes.gz; do
    run "validate:$f" "$IN/$f" "$O.drawio" 012 -- validate "$IN/good.drawio" --events "$IN/$f" --annotate "$O.drawio"
done

# --- mapping and check-configuration files -------------------------------------------------------------------
for f in mapping_bad.json mapping_deep.json mapping_wrong_types.json mapping_garbage.csv mapping_huge_row.csv; do
    run "mapping:$f" "$IN/$f" "$O.drawio" 012 -- validate "$IN/good.drawio" --events "$IN/ok_log.csv" --mapping "$IN/$f" --annotate "$O.drawio"
done
for f in config_bad.json config_deep.json config_wrong_types.json config_huge_threshold.json config_unknown_rule.json; do
    run "config:$f" "$IN/$f" "$O.drawio" 012 -- check "$IN/good.drawio" --format json --config "$IN/$f" --annotate "$O.drawio"
done
mkdir -p "$T/templates"
printf '{"name": "broken", "stages": [' >"$T/templates/broken.json"
run "new:broken-template" "broken" "$O.drawio" 02 -- new --template-dir "$T/templates" --template broken -o "$O.drawio"

# --- careless paths: FIFOs, devices, folders, endless stdin ----------------------------------------------------
run "info:fifo" "$IN/fifo.drawio" "" 2 -- info "$IN/fifo.drawio"
run "export:fifo" "$IN/fifo.drawio" "$O.svg" 2 -- export "$IN/fifo.drawio" --to svg -o "$O.svg"
run "discover:fifo" "$IN/fifo.drawio" "" 2 -- discover "$IN/fifo.drawio"
run "mapping:fifo" "$IN/fifo.drawio" "" 2 -- validate "$IN/good.drawio" --events "$IN/ok_log.csv" --mapping "$IN/fifo.drawio"
run "config:fifo" "$IN/fifo.drawio" "" 2 -- check "$IN/good.drawio" --config "$IN/fifo.drawio"
run "info:dev-zero" "/dev/zero" "" 2 -- info /dev/zero
run "discover:dev-zero" "/dev/zero" "" 2 -- discover /dev/zero
run "info:directory" "$IN" "" 2 -- info "$IN"
STDIN=/dev/zero
run "info:stdin-zero" "-" "" 2 -- info -
run "discover:stdin-zero" "-" "" 2 -- discover -
STDIN=/dev/null
run "export:output-fifo-no-reader" "$OUT/out.fifo" "" 2 -- export "$IN/good.drawio" --to svg -o "$OUT/out.fifo"
[ -p "$OUT/out.fifo" ] || { echo "FAIL output FIFO replaced by a file"; failed=$((failed + 1)); }
run "export:output-directory" "$OUT" "" 2 -- export "$IN/good.drawio" --to svg -o "$OUT"
run "export:output-missing-dir" "$OUT/no/such/x.svg" "" 2 -- export "$IN/good.drawio" --to svg -o "$OUT/no/such/x.svg"
# A FIFO with a reader is written to, not replaced.
cat "$OUT/out.fifo" >"$T/from_fifo" &
PIDS+=($!)
run "export:output-fifo" "$OUT/out.fifo" "" 0 -- export "$IN/good.drawio" --to svg -o "$OUT/out.fifo"
wait "${PIDS[-1]}" 2>/dev/null
{ [ -p "$OUT/out.fifo" ] && grep -q "<svg" "$T/from_fifo"; } || { echo "FAIL output FIFO: not written through"; failed=$((failed + 1)); }
# A symlink stays a link; the file it names is replaced.
echo old >"$T/link_target.svg"
ln -s "$T/link_target.svg" "$OUT/link.svg"
run "export:output-symlink" "$OUT/link.svg" "" 0 -- export "$IN/good.drawio" --to svg -o "$OUT/link.svg"
{ [ -L "$OUT/link.svg" ] && grep -q "<svg" "$T/link_target.svg"; } || { echo "FAIL output symlink replaced"; failed=$((failed + 1)); }
# A device is written to, never renamed over (as root, -o /dev/null used to destroy /dev/null). Tried on a
# private copy of the null device when mknod is allowed.
if mknod "$OUT/null" c 1 3 2>/dev/null; then
    run "export:output-device" "$OUT/null" "" 0 -- export "$IN/good.drawio" --to svg -o "$OUT/null"
    [ -c "$OUT/null" ] || { echo "FAIL output device replaced by a file"; failed=$((failed + 1)); }
fi

# --- the input is never the output unless asked ---------------------------------------------------------------
run "export:svg-onto-itself" "$IN/editable.svg" "$IN/editable.svg" 2 -- export "$IN/editable.svg" --to svg
run "export:png-onto-itself" "$IN/editable.png" "$IN/editable.png" 2 -- export "$IN/editable.png" --to png
run "export:explicit-onto-itself" "$IN/editable.svg" "$IN/editable.svg" 2 -- export "$IN/editable.svg" --to svg -o "$IN/editable.svg"
"$J" info "$IN/editable.svg" >/dev/null 2>&1 && "$J" info "$IN/editable.png" >/dev/null 2>&1 ||
    { echo "FAIL editable pictures lost their diagram"; failed=$((failed + 1)); }
run "export:in-place" "" "" 0 -- export "$IN/editable.png" --to png --in-place
"$J" info "$IN/editable.png" >/dev/null 2>&1 || { echo "FAIL --in-place lost the diagram"; failed=$((failed + 1)); }

# --- image= references: no local file is read unless its folder is allowed ------------------------------------
for f in image_abs image_file_uri image_dotdot; do
    run "export-svg:$f" "$IN/$f.drawio" "$O.svg" 0 -- export "$IN/$f.drawio" --to svg -o "$O.svg"
    ! grep -q "$SECRET_B64" "$O.svg" || { echo "FAIL $f: a local file was embedded"; failed=$((failed + 1)); }
    grep -q "allow-images-from" "$T/stderr" || { echo "FAIL $f: no warning"; failed=$((failed + 1)); }
done
run "export-pptx:image_abs" "$IN/image_abs.drawio" "$O.pptx" 0 -- export "$IN/image_abs.drawio" --to pptx -o "$O.pptx"
! unzip -l "$O.pptx" 2>/dev/null | grep -q "media/" || { echo "FAIL pptx embedded a local file"; failed=$((failed + 1)); }
run "export-svg:image_allowed" "$IN/image_dotdot.drawio" "$O.svg" 0 -- export "$IN/image_dotdot.drawio" --to svg -o "$O.svg" --allow-images-from "$T/secret"
grep -q "$SECRET_B64" "$O.svg" || { echo "FAIL an allowed image was not embedded"; failed=$((failed + 1)); }
run "export-png:image_dev_zero" "$IN/image_dev_zero.drawio" "$O.png" 0 -- export "$IN/image_dev_zero.drawio" --to png -o "$O.png" --allow-images-from /dev
run "export-svg:image_fifo" "$IN/image_fifo.drawio" "$O.svg" 0 -- export "$IN/image_fifo.drawio" --to svg -o "$O.svg" --allow-images-from "$T"
run "export-pdf:image_dir" "$IN/image_dir.drawio" "$O.pdf" 0 -- export "$IN/image_dir.drawio" --to pdf -o "$O.pdf" --allow-images-from /

echo "$n cases, $failed failed"
[ "$failed" -eq 0 ]
