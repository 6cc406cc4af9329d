#!/usr/bin/env bash
# summary_bench.sh: speed of `clause-scan --format json` (the summary) on one core.
#
#   bash bench/summary_bench.sh [BUILD_DIR] [MEGABYTES]        (defaults: build-perf 100)
#
# Generates, in a temporary folder removed at the end:
#   - many/: ~MEGABYTES of contracts of realistic size: copies of samples/*.txt, each with its
#     own number in the title and its own figures (sums and years shifted by the copy number);
#   - large/: five files of ~2 MB, each a run of such copies (one long document each);
#   - one contract of ~50 KB (the seed contract of ../shared/corpus when present, else
#     samples repeated to 50 KB).
# Then runs, pinned to one core (taskset -c 0 when available), each best of three:
#   - `clause-scan --format json many/*` in one process: MB/s (wall and CPU = user + system);
#   - `clause-scan --format json large/*` in one process: MB/s;
#   - hyperfine --warmup 3 on the 50 KB contract: wall time from process start, pinned to one
#     core and again on every core (the summary command scans a file's rule categories on
#     all the cores it may use);
#   - `clause-scan --version` and `clause-scan rules list`: process start alone, and start
#     plus loading and compiling every rule (a summary compiles only the rules it needs).
# The machine may be shared: the load (uptime) is printed with the figures; compare CPU times.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build-perf}"
megabytes="${2:-100}"
cli="$(realpath "$build/clause-scan")"
[[ -x $cli ]] || { echo "missing $cli (build the clause-scan target)" >&2; exit 2; }
for program in perl /usr/bin/time hyperfine; do
  command -v "$program" > /dev/null || { echo "missing $program" >&2; exit 2; }
done
pin=()
command -v taskset > /dev/null && pin=(taskset -c 0)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/many" "$work/large"

# copies.pl OUT_DIR MEGABYTES FILES_PER_OUTPUT SAMPLE...: writes numbered copies of the samples
# (title numbered, sums and years varied) until MEGABYTES are written; FILES_PER_OUTPUT
# copies go into one output file.
cat > "$work/copies.pl" << 'PERL'
use strict;
use warnings;
my ($out, $megabytes, $per_file, @samples) = @ARGV;
my @texts = map { local $/; open my $in, '<', $_ or die "$_: $!"; scalar <$in> } @samples;
my ($written, $copy, $file, $fh) = (0, 0, 0, undef);
while ($written < $megabytes * 1e6) {
  my $text = $texts[$copy % @texts];
  my $n = $copy + 1;
  $text =~ s/^(\s*)(\S[^\n]*)/$1$2（第 $n 份）/;             # the title line, numbered
  $text =~ s/(\d+)(?=\s*(?:万?元|美元))/$1 + $n % 97/ge;     # sums
  $text =~ s/(20[0-2]\d)(?=\s*年)/2020 + ($1 + $n) % 8/ge;   # years
  if ($copy % $per_file == 0) {
    close $fh if $fh;
    open $fh, '>', sprintf('%s/%06d.txt', $out, $file++) or die $!;
  }
  print $fh $text, "\n";
  $written += length $text;
  $copy++;
}
close $fh if $fh;
PERL
samples=("$root"/samples/*.txt)
perl "$work/copies.pl" "$work/many" "$megabytes" 1 "${samples[@]}"
perl "$work/copies.pl" "$work/large" 10 200 "${samples[@]}"

single="$root/../shared/corpus/seed/000_499730d0b662ff86.txt"
if [[ ! -f $single ]]; then
  single="$work/single.txt"
  while (($(stat -c %s "$single" 2> /dev/null || echo 0) < 50000)); do cat "${samples[@]}" >> "$single"; done
  head -c 51000 "$single" > "$work/single.cut" && mv "$work/single.cut" "$single"
fi

size() { find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s}'; }
echo "binary: $cli"
echo "many:   $(find "$work/many" -type f | wc -l) files, $(size "$work/many") bytes"
echo "large:  $(find "$work/large" -type f | wc -l) files, $(size "$work/large") bytes"
echo "single: $(stat -c %s "$single") bytes ($(basename "$single"))"

# best NAME BYTES COMMAND...: best of three (wall and CPU separately), printed as MB/s.
best() {
  local name=$1 bytes=$2
  shift 2
  local best_wall="" best_cpu="" wall user system cpu rss
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || true
    read -r wall user system rss < <(tail -n 1 "$work/time")
    cpu="$(awk -v u="$user" -v s="$system" 'BEGIN {print u + s}')"
    if [[ -z $best_wall ]] || awk -v a="$wall" -v b="$best_wall" 'BEGIN {exit !(a < b)}'; then best_wall=$wall; fi
    if [[ -z $best_cpu ]] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN {exit !(a < b)}'; then best_cpu=$cpu; fi
  done
  awk -v n="$name" -v w="$best_wall" -v c="$best_cpu" -v b="$bytes" -v r="$rss" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
    'BEGIN {printf "%-6s %7.2f s wall %7.2f MB/s   %7.2f s CPU %7.2f MB/s   peak RSS %6.0f MB   load %s\n",
            n, w, b / 1e6 / w, c, b / 1e6 / c, r / 1024, l}'
}

echo
best many "$(size "$work/many")" "${pin[@]}" "$cli" --format json "$work"/many/*
best large "$(size "$work/large")" "${pin[@]}" "$cli" --format json "$work"/large/*
echo
echo "one contract from process start (load $(cut -d' ' -f1-3 /proc/loadavg)):"
hyperfine --warmup 3 --runs 40 -N --style basic \
  "${pin[*]} $cli --format json $single" \
  "$cli --format json $single" \
  "${pin[*]} $cli rules list" \
  "${pin[*]} $cli --version" 2>&1 | grep -E '^Benchmark|Time \(mean|Range'
