#!/usr/bin/env bash
# Builds and runs diff_bench: the diff of two ~1 MB contracts (bench/diff_bench.cpp).
# Usage: bench/diff_bench.sh [BUILD_DIR] [-- diff_bench options: --size BYTES --runs N --seed N]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-bench}"
[[ $# -gt 0 ]] && shift
[[ "${1:-}" == "--" ]] && shift
if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target diff_bench clause-scan -j2 >/dev/null
"$build/bench/diff_bench" "$@"

# The same through the binary, as a user runs it (files written to a temporary folder).
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$build/bench/diff_bench" --write "$tmp" >/dev/null
# Wall time on a shared machine measures the neighbours too; user+sys is the program's CPU.
TIMEFORMAT='%R %U %S'
for format in json text html; do
  times=$( { time "$build/clause-scan" diff --format "$format" "$tmp/v1.txt" "$tmp/v2.txt" \
             >"$tmp/out" || true; } 2>&1 )
  read -r wall user sys <<<"$times"
  printf '  clause-scan diff --format %-5s     %7.3f s wall, %.3f s CPU (%s bytes out)\n' \
    "$format" "$wall" "$(awk "BEGIN { print $user + $sys }")" "$(stat -c %s "$tmp/out")"
done
