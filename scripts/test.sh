#!/usr/bin/env bash
# README command 2: installs what is missing, builds, and runs every test twice: a normal build and an
# AddressSanitizer + UndefinedBehaviorSanitizer build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
export JSTUDIO_REQUIRE_CORPUS=${JSTUDIO_REQUIRE_CORPUS:-$([[ "${CI:-}" == "true" ]] && echo 1 || echo 0)}

echo "== release build" >&2
"$root/scripts/build.sh" release
(cd "$root/build" && ctest --output-on-failure -j 2)

echo "== ASan + UBSan build" >&2
"$root/scripts/build.sh" asan
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp
(cd "$root/build-asan" && ctest --output-on-failure -j 2)
