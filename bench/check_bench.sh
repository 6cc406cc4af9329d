#!/usr/bin/env bash
# check_bench.sh: `clause-scan check` over a folder of 1,000 templates, against `batch` and
# the plain summary (`clause-scan --format json FILE...`) over the same files.
#
#   bash bench/check_bench.sh [BINARY] [COUNT]     (defaults: build/clause-scan, 1000)
#
# The folder is generated: tests/data/templates/* and samples/*.txt, cycled, each copy with
# its own number in the title line so that no two files are equal. Each command runs three
# times; the best wall-clock time is reported (the machine is shared, the best is the least
# disturbed). `check` should take about as long as `batch`: both read, summarize and write
# every file on all cores; check adds the outline and rule checks.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
binary="$(realpath "${1:-$root/build/clause-scan}")"
count="${2:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sources=("$root"/tests/data/templates/* "$root"/samples/*.txt)
mkdir -p "$work/templates"
for ((i = 0; i < count; i++)); do
  source="${sources[i % ${#sources[@]}]}"
  name="$(basename "$source")"
  { printf '模板 %04d\n' "$i"; cat "$source"; } > "$work/templates/$(printf '%04d' "$i")-$name"
done
bytes="$(du -sb "$work/templates" | cut -f1)"
echo "folder: $count files, $((bytes / 1024)) KiB, $(nproc) cores"

# Best of three runs of "$@": "REAL CPU" in seconds (CPU = user + system, all threads). The
# machine may be shared: compare CPU times when the wall clock is noisy.
best() {
  local best_real="" best_cpu="" real cpu
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" > /dev/null 2>&1 || true
    read -r real user system < <(tail -n 1 "$work/time")
    cpu="$(echo "$user + $system" | bc)"
    if [[ -z "$best_real" ]] || (($(echo "$real < $best_real" | bc))); then best_real="$real"; fi
    if [[ -z "$best_cpu" ]] || (($(echo "$cpu < $best_cpu" | bc))); then best_cpu="$cpu"; fi
  done
  echo "$best_real $best_cpu"
}

report() {  # NAME "REAL CPU"
  local name="$1" real cpu
  read -r real cpu <<< "$2"
  printf '%-42s %6.2f s wall  %6.2f s CPU\n' "$name" "$real" "$cpu"
}

ratio() { echo "scale=2; $1 / $2" | bc; }

cd "$work"
check="$(best "$binary" check --format json templates)"
report "check --format json templates" "$check"
if "$binary" batch --help > /dev/null 2>&1; then
  batch="$(best "$binary" batch --format jsonl --quiet templates)"
  report "batch --format jsonl templates" "$batch"
  echo "check / batch: wall $(ratio "${check% *}" "${batch% *}"), CPU $(ratio "${check#* }" "${batch#* }")"
fi
summary="$(best "$binary" --format json templates/*)"
report "--format json templates/* (summary)" "$summary"
check_one="$(best "$binary" check --format json --jobs 1 templates)"
report "check --jobs 1 (one thread)" "$check_one"
echo "check --jobs 1 / summary: wall $(ratio "${check_one% *}" "${summary% *}"), CPU $(ratio "${check_one#* }" "${summary#* }")"
