#!/usr/bin/env bash
# Throughput and memory of `clause-scan batch` over a generated archive (>= 2,000 files,
# >= 100 MB, mixed encodings, a few broken files), generated into a temporary folder that is
# removed at the end.
#
#   bench/batch_bench.sh [BUILD_DIR] [FILES] [MEGABYTES] [REPEAT]   (defaults: build 2000 100 1)
#
# Measures, each with /usr/bin/time -v: batch --jobs 1, batch --jobs 2 (output compared
# byte for byte with --jobs 1), and batch_bench loop (one thread, the library alone, no
# process start-up per file: what a shell loop over `clause-scan --format json FILE` would
# cost without the start-up). Prints MB/s, files/s, peak RSS, the 1 -> 2 jobs speed-up and
# the ratio of jobs=2 to the loop. The machine's load is printed before and after: figures
# taken on a busy machine are not worth much.
set -euo pipefail

build=${1:-build}
files=${2:-2000}
megabytes=${3:-100}
repeat=${4:-1}  # runs of each measurement; the fastest is kept
cli="$build/clause-scan"
bench="$build/bench/batch_bench"
for program in "$cli" "$bench" /usr/bin/time; do
  [[ -x $program ]] || { echo "missing $program (build the clause-scan and batch_bench targets)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load before: $(uptime)"
"$bench" generate "$work/archive" --files "$files" --megabytes "$megabytes"
bytes=$(find "$work/archive" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
count=$(find "$work/archive" -type f | wc -l)
echo "archive: $count files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB"

# timed NAME COMMAND...: runs COMMAND under /usr/bin/time -v, $repeat times, and keeps the
# fastest run (on a shared machine the fastest is the one least disturbed): sets seconds_NAME
# (wall), cpu_NAME (user + system) and rss_NAME (KB, the largest of the runs).
timed() {
  local name=$1
  shift
  local best="" best_cpu="" max_rss=0 run wall rss cpu
  for ((run = 1; run <= repeat; run++)); do
    echo "$name run $run: load $(cut -d' ' -f1-3 /proc/loadavg) before" >&2
    /usr/bin/time -v -o "$work/time-$name" "$@" || true  # batch exits 1: the broken files
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-$name")
    wall=$(awk -v t="$wall" 'BEGIN {n = split(t, p, ":"); s = 0;
        for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$name")
    cpu=$(awk '/User time|System time/ {s += $NF} END {print s}' "$work/time-$name")
    ((rss > max_rss)) && max_rss=$rss
    if [[ -z $best ]] || awk -v a="$wall" -v b="$best" 'BEGIN {exit !(a < b)}'; then
      best=$wall
      best_cpu=$cpu
    fi
  done
  printf -v "seconds_$name" '%s' "$best"
  printf -v "cpu_$name" '%s' "$best_cpu"
  printf -v "rss_$name" '%s' "$max_rss"
}

report() {
  local name=$1 seconds=$2 cpu=$3 rss=$4
  awk -v n="$name" -v s="$seconds" -v c="$cpu" -v b="$bytes" -v f="$count" -v r="$rss" 'BEGIN {
    printf "%-8s %7.2f s %8.2f MB/s %8.1f files/s   CPU %7.2f s (%.2f cores)   peak RSS %6.1f MB\n",
           n, s, b / 1e6 / s, f / s, c, c / s, r / 1024 }'
}

timed jobs1 "$cli" batch --quiet --jobs 1 -o "$work/jobs1.jsonl" "$work/archive"
timed jobs2 "$cli" batch --quiet --jobs 2 -o "$work/jobs2.jsonl" "$work/archive"
timed loop "$bench" loop "$work/archive" >"$work/loop.txt"
cat "$work/loop.txt"

if cmp -s "$work/jobs1.jsonl" "$work/jobs2.jsonl"; then
  echo "output: --jobs 1 and --jobs 2 byte-identical ($(wc -l <"$work/jobs1.jsonl") lines," \
    "$(grep -c '"schema":"clause-scan/error/v1"' "$work/jobs1.jsonl") error lines)"
else
  echo "output: --jobs 1 and --jobs 2 DIFFER"
fi
report "jobs=1" "$seconds_jobs1" "$cpu_jobs1" "$rss_jobs1"
report "jobs=2" "$seconds_jobs2" "$cpu_jobs2" "$rss_jobs2"
report "loop" "$seconds_loop" "$cpu_loop" "$rss_loop"
awk -v a="$seconds_jobs1" -v b="$seconds_jobs2" -v l="$seconds_loop" 'BEGIN {
  printf "speed-up 1 -> 2 jobs: %.2fx (target >= 1.8x)\n", a / b
  printf "jobs=2 throughput / loop throughput: %.2f (target >= 0.5)\n", l / b }'
echo "load after: $(uptime)"
