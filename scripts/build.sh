#!/usr/bin/env bash
# Configures and builds one configuration: scripts/build.sh [release|asan] (default release).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kind=${1:-release}
jobs=${JSTUDIO_JOBS:-$(nproc)}
case "$kind" in
  # Line tables only (-g1): profiles and sanitizer reports keep file:line, and the two builds of the README's test
  # command compile about a fifth faster than with full debug information.
  release) dir="$root/build"; args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG") ;;
  asan) dir="$root/build-asan"; args=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1" -DJSTUDIO_SANITIZE=ON -DJSTUDIO_BENCH=OFF -DJSTUDIO_GUI=OFF) ;;
  *) echo "usage: scripts/build.sh [release|asan]" >&2; exit 2 ;;
esac
# Warnings are errors in CI (CI=true) or when asked (JSTUDIO_WERROR=1, which .ci/run forces); said explicitly
# either way so a cached ON from an earlier configure does not linger.
if [[ "${CI:-}" == "true" || "${JSTUDIO_WERROR:-0}" == "1" ]]; then
  args+=(-DJSTUDIO_WERROR=ON)
else
  args+=(-DJSTUDIO_WERROR=OFF)
fi
# A compiler cache when the machine has one (a fresh checkout or worktree then builds in a minute, not twenty).
# Paths relative to the checkout's parent and the build folder left out of the key, so that a second checkout
# or worktree beside this one hits the cache too (its objects differ only in the debug information's folder).
if command -v ccache >/dev/null; then
  args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(dirname "$root")} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
fi
cmake -S "$root" -B "$dir" -G Ninja "${args[@]}" >/dev/null
cmake --build "$dir" -j "$jobs"
