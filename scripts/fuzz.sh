#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ (CMake preset "fuzz": clang, ASan + UBSan) and
# runs each for SECONDS seconds on a seed corpus made at run time from samples/ and rules/.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]     # default 60 s, every target
#   bash scripts/fuzz.sh 600                       # ten minutes each
#   bash scripts/fuzz.sh 600 summary diff          # two of them
#
# Targets: decode normalize outline numbers rules summary diff. Two run at a time on a
# machine with two cores or more (FUZZ_PARALLEL=N to change it), each in one process (no
# -jobs or -workers). The working folder (FUZZ_WORK, default a new temporary folder; printed at the end)
# holds per target the seeds, the corpus libFuzzer grew, the dictionary and the log; crashes,
# timeouts and out-of-memory inputs are saved in build-fuzz/fuzz-artifacts/<target>/ to be
# replayed with `build-fuzz/tests/fuzz/<target>_fuzzer FILE` and turned into a regression test.
# Exit status: 0 when no target found anything, 1 otherwise, 2 when the build failed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(decode normalize outline numbers rules summary diff)
parallel="${FUZZ_PARALLEL:-$(( $(nproc) >= 2 ? 2 : 1 ))}"
work="${FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/clause-scan-fuzz-XXXXXX")}"
artifacts="build-fuzz/fuzz-artifacts"

# The Debian packages of clang's libFuzzer and sanitizer runtimes.
if ! command -v clang++ >/dev/null || ! compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null; then
  sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    clang libclang-rt-dev >/dev/null
fi
bash scripts/setup.sh
cmake --preset fuzz >/dev/null || exit 2
cmake --build --preset fuzz -j "$(nproc)" || exit 2

# --- seeds --------------------------------------------------------------------------------

# words.txt -> libFuzzer dictionary: every byte outside printable ASCII, '"' and '\' escaped.
# With `controls`, the words \r \n \t stand for those characters.
make_dict() {
  perl -ne 'BEGIN { $controls = shift @ARGV; }
            chomp; next if /^#/ || !length;
            if ($controls) { s/\\r/\r/g; s/\\n/\n/g; s/\\t/\t/g; }
            s/([^\x20-\x7e]|["\\])/sprintf("\\x%02X", ord $1)/ge;
            print "\"$_\"\n";' "$2" "$1"
}

# Pieces of at most ~3 KB, cut at line ends, of each file given: small inputs run fast.
add_chunks() {
  local dest="$1" prefix="$2"
  shift 2
  for file in "$@"; do
    split -C 3000 -d -a 3 "$file" "$dest/$prefix-$(basename "$file" .txt)-"
  done
}

contracts=(samples/*.txt)
versions=(samples/versions/*.txt)

# stdin in another encoding; characters it cannot write are left out (iconv -c says so with
# exit status 1, which is no failure here).
encode_to() {
  iconv -c -f UTF-8 -t "$1" || true
}

seed_decode() {
  local dest="$1"
  add_chunks "$dest" utf8 "${contracts[@]}"
  for file in "${contracts[@]}"; do
    local name
    name="$(basename "$file" .txt)"
    local text="$dest/utf8-$name-000"  # the first piece, cut at a line end
    encode_to GB18030 <"$text" >"$dest/gb18030-$name"
    encode_to BIG5 <"$text" >"$dest/big5-$name"
    encode_to UTF-16LE <"$text" >"$dest/utf16le-$name"
    { printf '\xfe\xff'; encode_to UTF-16BE <"$text"; } >"$dest/utf16be-bom-$name"
    { printf '\xef\xbb\xbf'; cat "$text"; } >"$dest/utf8-bom-$name"
    encode_to UTF-32LE <"$text" >"$dest/utf32le-$name"
    sed 's/$/\r/' "$text" >"$dest/crlf-$name"
  done
}

seed_normalize() {
  local dest="$1"
  add_chunks "$dest" plain "${contracts[@]}"
  for file in "${contracts[@]}"; do
    local name
    name="$(basename "$file" .txt)"
    # Full-width digits and punctuation, CRLF line ends, ** marks: what the normalizer folds.
    local text="$dest/plain-$name-000"
    perl -CSD -pe 'tr/0-9:,()%.~ -/０-９：，（）％．～　－/; s/\n/\r\n/' "$text" >"$dest/folded-$name"
    perl -CSD -pe 's/(\d+(?:\.\d+)?)/**$1**/g' "$text" >"$dest/marks-$name"
  done
}

seed_numbers() {
  local dest="$1"
  # Every run of number words, with its currency, unit or percent sign, from the samples and
  # the rule examples: "人民币 1977800 元", "百分之三十", "2026 年 12 月 31 日".
  grep -ohP '(?:人民币|¥|￥|约|每日|按日)?\s?[0-9０-９.,，零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]+\s?(?:万元|元整|元|圆|%|％|‰|个百分点|年\s?[0-9一二三四五六七八九十〇零]+\s?月\s?[0-9一二三四五六七八九十]+\s?日|年|月|日)?' \
      "${contracts[@]}" rules/*.toml | sort -u | head -n 3000 | while IFS= read -r token; do
    printf '%s' "$token" >"$dest/$(printf '%s' "$token" | md5sum | cut -c1-16)"
  done
  for token in 百分之三十 千分之五 万分之五 十万分之五 百分之二十五点五 三十几万元 贰拾万零伍佰元整 \
               叁仟元伍角 1.5万元 3千万 "USD 100" 0.05%/日 5‰ 20个百分点 二〇二六年一月十六日; do
    printf '%s' "$token" >"$dest/$(printf '%s' "$token" | md5sum | cut -c1-16)"
  done
}

seed_rules() {
  local dest="$1"
  for file in rules/*.toml tests/data/rules/*.toml tests/data/rules/*/*.toml; do
    [[ -f "$file" ]] || continue
    local name
    name="$(echo "$file" | tr '/' '-')"
    cp "$file" "$dest/$name"
    # Each [[rule]] alone, too.
    awk -v prefix="$dest/$name-" '/^\[\[rule\]\]/ { n++ } n { print > (prefix n) }' "$file"
  done
}

seed_outline() {
  add_chunks "$1" chunk "${contracts[@]}"
}

seed_summary() {
  add_chunks "$1" chunk "${contracts[@]}" "${versions[@]}"
}

# Old and new version, separated by a NUL byte: the same 40 lines of a sample and of each of
# its edited versions.
seed_diff() {
  local dest="$1"
  for version in "${versions[@]}"; do
    local name original lines
    name="$(basename "$version" .txt)"
    original="samples/${name%-*}.txt"
    [[ -f "$original" ]] || continue
    lines="$(wc -l <"$original")"
    for ((first = 1; first <= lines; first += 40)); do
      { sed -n "${first},$((first + 39))p" "$original"; printf '\0'
        sed -n "${first},$((first + 39))p" "$version"; } >"$dest/$name-$first"
    done
  done
}

# --- runs ---------------------------------------------------------------------------------

run_target() {
  local target="$1" dir="$work/$1"
  mkdir -p "$dir/seeds" "$dir/corpus" "$artifacts/$target"
  "seed_$target" "$dir/seeds"
  local words=tests/fuzz/contract.words controls=1
  [[ "$target" == rules ]] && words=tests/fuzz/rules.words controls=0
  make_dict "$words" "$controls" >"$dir/dict"
  local max_len=8192
  [[ "$target" == numbers ]] && max_len=256
  [[ "$target" == diff ]] && max_len=12288
  "build-fuzz/tests/fuzz/${target}_fuzzer" "$dir/corpus" "$dir/seeds" -dict="$dir/dict" \
      -max_total_time="$seconds" -max_len="$max_len" -timeout=30 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts/$target/" \
      >"$dir/log" 2>&1
}

# One line per target from its log: executions, speed, coverage, what it found.
report_target() {
  local target="$1" log="$work/$1/log"
  local runs speed cov ft found
  if [[ ! -s "$log" ]]; then
    printf '%-10s %s\n' "$target" "did not run (no log)"
    return 1
  fi
  runs="$(grep -oP 'stat::number_of_executed_units:\s*\K[0-9]+' "$log" | tail -1)"
  speed="$(grep -oP 'stat::average_exec_per_sec:\s*\K[0-9]+' "$log" | tail -1)"
  cov="$(grep -oP '(?<=cov: )[0-9]+' "$log" | tail -1)"
  ft="$(grep -oP '(?<=ft: )[0-9]+' "$log" | tail -1)"
  found="$(grep -oE 'ERROR: libFuzzer: [a-z-]+|ERROR: AddressSanitizer: [a-z-]+|runtime error|property failed' "$log" | head -1)"
  printf '%-10s %12s %8s %7s %7s  %s\n' "$target" "${runs:-?}" "${speed:-?}" "${cov:-?}" \
      "${ft:-?}" "${found:-nothing found}"
  [[ -z "$found" ]]
}

echo "fuzzing ${targets[*]} for ${seconds} s each, ${parallel} at a time; working folder $work" >&2
pids=()
for target in "${targets[@]}"; do
  if [[ ! -x "build-fuzz/tests/fuzz/${target}_fuzzer" ]]; then
    echo "no such fuzz target: $target" >&2
    exit 2
  fi
  run_target "$target" &
  pids+=($!)
  if (( ${#pids[@]} >= parallel )); then
    wait "${pids[0]}" || true
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || true; done

status=0
printf '%-10s %12s %8s %7s %7s  %s\n' target executions exec/s cov ft found
for target in "${targets[@]}"; do
  report_target "$target" || status=1
done
echo "logs and corpora: $work; crashes: $artifacts/<target>/" >&2
exit "$status"
