#!/usr/bin/env bash
# The fuzz campaign of issue 19: every reader (draw.io XML with compressed pages, .drawio.svg and .drawio.png;
# inline stencils; CSV and directly-follows event logs; XES; mapping and check-config files) and the paths past
# them (drawing a page, the check report with --annotate, discover's drawing), each a libFuzzer target with its
# own oracle (see the comment at the top of each NAME.cpp; round trips where one exists).
#
# usage: bench/fuzz.sh [-t SECONDS_PER_TARGET | -n RUNS_PER_TARGET] [TARGET...]   (default -t 300, all targets)
# One fuzzer process at a time, under nice -n 19 (the machine is shared). The corpus of each target grows in
# fuzz-out/NAME/corpus across runs; findings land in fuzz-out/NAME/crashes/ (copy each into
# tests/data/fuzz-crashes/NAME/ once fixed: the ctest fuzz_replay_NAME replays it). Each run appends
# "date target seconds executions corpus findings" to fuzz-out/results.tsv (bench/fuzz_results.md sums it).
# Exit 1 when a run found something.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${JSTUDIO_FUZZ_OUT:-$root/fuzz-out}
build=$root/build-fuzz
limit=(-max_total_time=300)
while getopts "t:n:" o; do
  case $o in
    t) limit=(-max_total_time="$OPTARG") ;;
    n) limit=(-runs="$OPTARG") ;;
    *) sed -n 8p "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

# name | source folder | seeds folder | dictionary | max_len
targets="
fuzz_drawio_reader|importers/drawio/fuzz|importers/drawio/fuzz/drawio-seeds|importers/drawio/fuzz/drawio.dict|65536
fuzz_stencil_reader|importers/drawio/fuzz|importers/drawio/fuzz/stencil-seeds|importers/drawio/fuzz/stencil.dict|16384
fuzz_csv_log|importers/eventlog/fuzz|importers/eventlog/fuzz/fuzz_csv_log-seeds|importers/eventlog/fuzz/csv.dict|8192
fuzz_xes_log|importers/eventlog/fuzz|importers/eventlog/fuzz/fuzz_xes_log-seeds|importers/eventlog/fuzz/xes.dict|16384
fuzz_config_files|importers/config/fuzz|importers/config/fuzz/fuzz_config_files-seeds|importers/config/fuzz/config.dict|4096
fuzz_render_page|exporters/fuzz|importers/drawio/fuzz/drawio-seeds|importers/drawio/fuzz/drawio.dict|65536
fuzz_check_report|exporters/fuzz|importers/drawio/fuzz/drawio-seeds|importers/drawio/fuzz/drawio.dict|65536
fuzz_discover_drawing|exporters/fuzz|importers/eventlog/fuzz/fuzz_csv_log-seeds|importers/eventlog/fuzz/csv.dict|8192
"
wanted=("$@")
[[ ${#wanted[@]} -eq 0 ]] && mapfile -t wanted < <(awk -F'|' 'NF {print $1}' <<<"$targets")

if [[ "${JSTUDIO_FUZZ_NOBUILD:-0}" != "1" ]]; then
  "$root/scripts/install-deps.sh"
  # -O1 and line tables only: the libraries compile twice as fast, and stacks still name file and line.
  CXX=clang++-14 CC=clang-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
    -DJSTUDIO_FUZZ=ON -DJSTUDIO_GUI=OFF -DJSTUDIO_BENCH=OFF >/dev/null
  nice -n 19 cmake --build "$build" --target "${wanted[@]}" -j "${JSTUDIO_JOBS:-1}"
fi

corpus_dir=${JSTUDIO_CORPUS:-$root/../shared/corpus}
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
mkdir -p "$out"
status=0
for name in "${wanted[@]}"; do
  line=$(grep "^$name|" <<<"$targets") || { echo "fuzz.sh: no target $name" >&2; exit 2; }
  IFS='|' read -r _ src seeds dict max_len <<<"$line"
  bin=$(find "$build" -type f -name "$name" -perm -u+x | head -1)
  work=$out/$name
  mkdir -p "$work/corpus" "$work/crashes"
  if [[ -z "$(ls -A "$work/corpus")" ]]; then
    cp "$root/$seeds"/* "$work/corpus/"
    cp "$root/tests/data/fuzz-crashes/$name"/* "$work/corpus/" 2>/dev/null || true
    # Real files as seeds: small draw.io diagrams of the shared corpus; the first lines of the real logs.
    case $name in
      fuzz_drawio_reader | fuzz_render_page | fuzz_check_report)
        [[ -d "$corpus_dir/drawio" ]] && find "$corpus_dir/drawio" -type f -size -48k ! -name MANIFEST.tsv -print0 |
          while IFS= read -r -d '' f; do cp "$f" "$work/corpus/seed-$(sha1sum <"$f" | cut -c1-16)"; done ;;
      fuzz_csv_log | fuzz_discover_drawing)
        for f in "$corpus_dir"/eventlogs/*.csv; do [[ -f $f ]] && head -n 40 "$f" >"$work/corpus/head-$(basename "$f")"; done ;;
      fuzz_xes_log)
        [[ -d "$corpus_dir/eventlogs" ]] && find "$corpus_dir/eventlogs" -name '*.xes' -size -20k -exec cp {} "$work/corpus/" \; ;;
    esac
  fi
  dict_arg=()
  [[ -f "$root/$dict" ]] && dict_arg=(-dict="$root/$dict")
  before=$(ls "$work/crashes" | wc -l)
  start=$(date +%s)
  log=$work/last-run.log
  # libFuzzer exits non-zero when it finds something: record the run either way.
  nice -n 19 "$bin" "$work/corpus" "${dict_arg[@]}" "${limit[@]}" -max_len="$max_len" -timeout=30 \
    -rss_limit_mb=2048 -malloc_limit_mb=1024 -artifact_prefix="$work/crashes/" -print_final_stats=1 \
    >"$log" 2>&1 || true
  seconds=$(($(date +%s) - start))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  [[ -z "$execs" ]] && execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  found=$(($(ls "$work/crashes" | wc -l) - before))
  files=$(ls "$work/corpus" | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$name" "$seconds" "${execs:-0}" "$files" "$found" \
    | tee -a "$out/results.tsv"
  if [[ $found -gt 0 ]]; then
    status=1
    grep -m3 -E 'ERROR|SUMMARY|deadly signal' "$log" >&2 || true
  fi
done
exit $status
