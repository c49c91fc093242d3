#!/usr/bin/env bash
# Fuzzes the draw.io reader (seeded with the shared corpus) and then the inline-stencil reader (seeded with
# importers/drawio/fuzz/stencil-seeds) with libFuzzer (clang-14), each for a bounded time.
# usage: scripts/fuzz.sh [SECONDS] (default 300, per target). Crashes land in fuzz-out/crashes/; copy each one into
# tests/data/fuzz-crashes/ once fixed, where the regression test replays it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-300}
"$root/scripts/install-deps.sh"
CXX=clang++-14 CC=clang-14 cmake -S "$root" -B "$root/build-fuzz" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DJSTUDIO_FUZZ=ON -DJSTUDIO_GUI=OFF -DJSTUDIO_BENCH=OFF >/dev/null
cmake --build "$root/build-fuzz" --target fuzz_drawio_reader fuzz_stencil_reader -j "$(nproc)"
out="$root/fuzz-out"
mkdir -p "$out/corpus" "$out/crashes"
corpus="${JSTUDIO_CORPUS:-$root/../shared/corpus}/drawio"
if [[ -d "$corpus" ]]; then
  # Seeds: every corpus file under 200 KB (larger ones slow each run without adding structure).
  find "$corpus" -type f -size -200k ! -name MANIFEST.tsv -print0 | while IFS= read -r -d '' f; do
    cp "$f" "$out/corpus/seed-$(sha1sum < "$f" | cut -c1-16)"
  done
fi
cp "$root"/tests/data/fuzz-crashes/* "$out/corpus/" 2>/dev/null || true
"$root/build-fuzz/importers/drawio/fuzz/fuzz_drawio_reader" "$out/corpus" \
  -dict="$root/importers/drawio/fuzz/drawio.dict" -max_total_time="$seconds" -max_len=262144 \
  -rss_limit_mb=2048 -artifact_prefix="$out/crashes/" -print_final_stats=1 2>&1 | tail -25
mkdir -p "$out/stencils"
cp "$root"/importers/drawio/fuzz/stencil-seeds/* "$out/stencils/"
"$root/build-fuzz/importers/drawio/fuzz/fuzz_stencil_reader" "$out/stencils" \
  -dict="$root/importers/drawio/fuzz/stencil.dict" -max_total_time="$seconds" -max_len=65536 \
  -rss_limit_mb=2048 -artifact_prefix="$out/crashes/stencil-" -print_final_stats=1 2>&1 | tail -25
