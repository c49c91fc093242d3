#!/usr/bin/env bash
# CI guards for what is otherwise kept by discipline (issue 19): every project source is clang-formatted, core/
# includes no GUI, XML or file-format library and no outer layer, the `journey` CLI does not link wxWidgets, and
# the shared corpus is present. usage: scripts/check_guards.sh [BUILD_DIR] (default build/, already built).
# Exit 0 when every guard holds, 1 with one line per violation otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
cd "$root"
fail=0
bad() { echo "check_guards: $*" >&2; fail=1; }

# 1. clang-format (the version the .clang-format names) on every tracked C++ source.
fmt=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z "$fmt" ]]; then
  bad "clang-format not found (scripts/install-deps.sh installs clang-format-14)"
else
  mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' '*.h' '*.cc' '*.cxx' '*.hxx')
  if ! out=$("$fmt" --dry-run -Werror "${sources[@]}" 2>&1); then
    grep -o '^[^:]*:[0-9]*:[0-9]*: error' <<<"$out" | cut -d: -f1 | sort -u | while read -r f; do
      bad "$f is not clang-formatted (run: $fmt -i $f)"
    done
    # The while loop runs in a subshell: record the failure here.
    fail=1
  fi
fi

# 2. core/ knows no wxWidgets, no XML library, no file format and no outer layer. zlib is allowed: core/codec
#    implements draw.io's raw DEFLATE page codec, which is a compression, not a file format.
forbidden='#[[:space:]]*include[[:space:]]*[<"](wx/|pugixml|expat|libxml|tinyxml|rapidxml|nlohmann/|json\.hpp|zip\.h|zipconf|cairo|pango|gdk|glib|png\.h|jpeglib|gif_lib|librsvg|rsvg|fmt/|CLI/|importers/|exporters/|plugin/|templates/|app/|studio/)'
while IFS= read -r hit; do
  bad "core must not include this (wx, XML, file format or outer layer): $hit"
done < <(grep -rnE "$forbidden" core --include='*.cpp' --include='*.hpp' --include='*.h' || true)
# And core's CMake target links none of them.
if grep -nE 'wx|pugixml|EXPAT|nlohmann|zip|cairo|pango' core/CMakeLists.txt; then
  bad "core/CMakeLists.txt links a GUI, XML or file-format library"
fi

# 3. The CLI never links wxWidgets: neither in its dynamic dependencies nor on its link line.
cli="$build/app/journey"
if [[ ! -x "$cli" ]]; then
  bad "$cli not built (build first: scripts/build.sh release)"
else
  if ldd "$cli" | grep -iE 'libwx_|wx_gtk|wx_base'; then bad "$cli links wxWidgets (ldd above)"; fi
  link="$build/app/CMakeFiles/journey.dir/link.txt"
  if [[ -f "$link" ]] && grep -qiE 'libwx_|wx_gtk|wx_base|wx-config' "$link"; then
    bad "the journey link line ($link) names wxWidgets"
  fi
fi

# 4. The shared corpus is present (tests fail without it in CI; say so once, up front).
corpus=${JSTUDIO_CORPUS:-$root/../shared/corpus}
if [[ ! -f "$corpus/drawio/MANIFEST.tsv" ]]; then
  bad "corpus missing: $corpus/drawio/MANIFEST.tsv (set JSTUDIO_CORPUS)"
fi

[[ $fail -eq 0 ]] && echo "check_guards: all guards hold" >&2
exit $fail
