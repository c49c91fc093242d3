#!/usr/bin/env bash
# Kept for habit: runs the fuzz campaign of bench/fuzz.sh for SECONDS per target (default 300) over every target.
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-300}
shift || true
exec "$root/bench/fuzz.sh" -t "$seconds" "$@"
