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
  poppler-utils libxml2-utils unzip librsvg2-bin
)
# Heavier tools only some tests need: LibreOffice renders exported decks; Graphviz is a benchmark peer.
if [[ "${JSTUDIO_WITH_OFFICE:-1}" == "1" ]]; then packages+=(libreoffice-impress); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >&2
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
