#!/usr/bin/env bash
# Atomic saving under kill -9: `journey convert` writes a large diagram over the same output again and again
# and is killed at a random moment each time. After every kill the output must be exactly the old file or the
# new one, never a mix, a truncated file or nothing. Temporary files a kill leaves behind (nothing can remove
# them after SIGKILL) are counted and must be dot-files beside the target.
# Then SIGTERM, which the CLI catches: it removes its temporary file, so nothing at all is left.
# usage: bench/kill_write.sh [BUILD_DIR] [KILLS] [CELLS] [TERMS]   (default build/, 300 kills, 40,000 cells,
# 50 SIGTERMs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
J="${1:-$root/build}/app/journey"
kills=${2:-300}
cells=${3:-40000}
terms=${4:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two versions of one large diagram (different labels), converted once each to know the two good outputs.
python3 - "$work" "$cells" <<'EOF'
import sys
work, cells = sys.argv[1], int(sys.argv[2])
for version in ("a", "b"):
    cellxml = "".join(
        '<mxCell id="c%d" value="%s %d" style="rounded=1;" vertex="1" parent="1">'
        '<mxGeometry x="%d" y="%d" width="80" height="40" as="geometry"/></mxCell>'
        % (i, version, i, (i % 200) * 100, (i // 200) * 60) for i in range(cells))
    with open("%s/%s.drawio" % (work, version), "w") as f:
        f.write('<mxfile host="bench"><diagram id="p" name="P"><mxGraphModel><root><mxCell id="0"/>'
                '<mxCell id="1" parent="0"/>%s</root></mxGraphModel></diagram></mxfile>' % cellxml)
EOF
"$J" convert "$work/a.drawio" "$work/ref-a.drawio" 2>/dev/null
"$J" convert "$work/b.drawio" "$work/ref-b.drawio" 2>/dev/null
sum_a=$(md5sum <"$work/ref-a.drawio")
sum_b=$(md5sum <"$work/ref-b.drawio")
[ "$sum_a" != "$sum_b" ]
mkdir "$work/out"
out="$work/out/target.drawio"
cp "$work/ref-a.drawio" "$out"
start=$(date +%s%N)
"$J" convert "$work/b.drawio" "$work/timing.drawio" 2>/dev/null
run_ms=$((($(date +%s%N) - start) / 1000000))
echo "output $(stat -c %s "$out") bytes, one convert ${run_ms} ms; $kills kills: half at random moments in" \
    "0..$((run_ms * 12 / 10)) ms, half 0-30 ms after the temporary file appears"

bad=0 old=0 new=0 finished=0
leftovers=0
for ((k = 0; k < kills; k++)); do
    # What the last kill left is counted and removed, so the next run's temporary file is its own.
    for f in "$work"/out/.target.drawio.tmp-*; do
        [ -e "$f" ] && leftovers=$((leftovers + 1)) && rm -f "$f"
    done
    before=$(md5sum <"$out")
    src=$([ "$before" = "$sum_a" ] && echo b || echo a)
    "$J" convert "$work/$src.drawio" "$out" 2>/dev/null &
    pid=$!
    if ((k % 2 == 0)); then
        # Anywhere in the run: reading, laying out, writing, renaming.
        delay=$((RANDOM % (run_ms * 12 / 10 + 1)))
        sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
    else
        # During the write itself: once the temporary file exists, 0-30 ms later.
        for ((w = 0; w < run_ms * 2; w++)); do
            compgen -G "$work/out/.target.drawio.tmp-*" >/dev/null && break
            sleep 0.001
        done
        delay=$((RANDOM % 31))
        sleep "0.$(printf '%03d' "$delay")"
    fi
    if kill -9 "$pid" 2>/dev/null; then :; else finished=$((finished + 1)); fi
    wait "$pid" 2>/dev/null || true
    after=$(md5sum <"$out" 2>/dev/null || echo missing)
    if [ "$after" = "$before" ]; then
        old=$((old + 1))
    elif [ "$after" = "$sum_a" ] || [ "$after" = "$sum_b" ]; then
        new=$((new + 1))
    else
        bad=$((bad + 1))
        echo "kill $k after ${delay} ms: the output is neither the old nor the new file ($(stat -c %s "$out" 2>/dev/null || echo no) bytes)"
    fi
done
leftovers=$((leftovers + $(find "$work/out" -name '.target.drawio.tmp-*' | wc -l)))
strays=$(find "$work/out" -type f ! -name 'target.drawio' ! -name '.target.drawio.tmp-*' | wc -l)
echo "$kills kills: $old left the old file, $new the new one ($finished runs had already finished), $bad broken;" \
    "$leftovers temporary files left by kills (dot-files beside the target), $strays other files"
find "$work/out" -name '.target.drawio.tmp-*' -delete

# SIGTERM (and Ctrl-C) can be caught: the same during the write must leave no temporary file at all.
term_left=0 term_bad=0
for ((k = 0; k < terms; k++)); do
    before=$(md5sum <"$out")
    src=$([ "$before" = "$sum_a" ] && echo b || echo a)
    "$J" convert "$work/$src.drawio" "$out" 2>/dev/null &
    pid=$!
    for ((w = 0; w < run_ms * 2; w++)); do
        compgen -G "$work/out/.target.drawio.tmp-*" >/dev/null && break
        sleep 0.001
    done
    sleep "0.$(printf '%03d' $((RANDOM % 31)))"
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    after=$(md5sum <"$out" 2>/dev/null || echo missing)
    [ "$after" = "$sum_a" ] || [ "$after" = "$sum_b" ] || term_bad=$((term_bad + 1))
    for f in "$work"/out/.target.drawio.tmp-*; do
        [ -e "$f" ] && term_left=$((term_left + 1)) && rm -f "$f"
    done
done
echo "$terms SIGTERMs during the write: $term_bad broken, $term_left temporary files left"
[ "$bad" -eq 0 ] && [ "$strays" -eq 0 ] && [ "$term_bad" -eq 0 ] && [ "$term_left" -eq 0 ]
