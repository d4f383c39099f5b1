#!/usr/bin/env bash
# ShellCheck inside lint, side by side in one run:
#  1. agreement: over the corpus, every finding of ShellCheck run directly on the extracted RUN
#     scripts against msmigrate lint's (msm_bench_shellcheck), per code, with a sample to read;
#  2. on save, one typical file in a fresh process: lint without ShellCheck, with a cold cache,
#     with a warm cache, and tally 0.45 (ShellCheck compiled to WebAssembly) on the same file;
#  3. whole corpus: msmigrate without ShellCheck / cold / warm, and tally over the same files.
# CPU = user + sys of the process and its children (ShellCheck included), from getrusage.
# Usage: bash bench/shellcheck_bench.sh [BUILD_DIR] [TALLY_BINARY]
#   TALLY_BINARY: npm's @wharflab/tally-linux-x64 bin/tally (install it in a temp dir with
#   `npm install @wharflab/tally-linux-x64`); without it the tally columns are skipped.
#   TALLY_EVERY=N runs tally on every Nth corpus file only (default 1: all of them).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
tally=${2:-}
bin=$build/msmigrate
corpus=$root/../shared/corpus/dockerfiles
[[ -x $bin && -x $build/bench/msm_bench_shellcheck ]] || { echo "build first: $bin, $build/bench/msm_bench_shellcheck"; exit 2; }
[[ -d $corpus ]] || { echo "no corpus at $corpus"; exit 2; }
command -v shellcheck >/dev/null || { echo "shellcheck is not installed"; exit 2; }
typical=$(ls "$corpus"/docker-library__golang__*__bookworm__Dockerfile 2>/dev/null | head -1)
runs=${RUNS:-20}
every=${TALLY_EVERY:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# cpu_ms N PREPARE CMD...: mean CPU (ms, children included) of N runs of CMD, PREPARE (a shell
# snippet, e.g. emptying the cache) run before each and not counted.
cpu_ms() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys
n, prepare, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
total = 0.0
for _ in range(n):
    if prepare:
        subprocess.run(prepare, shell=True, check=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    total += (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(f"{total / n * 1000:.1f}")
PY
}

echo "== machine: $(nproc) cores, $(uname -sr); $(shellcheck --version | sed -n 2p); corpus: $(ls "$corpus" | wc -l) files"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) (CPU figures; wall times would measure the neighbours)"
echo "== 1. agreement with ShellCheck run directly on the extracted scripts"
"$build/bench/msm_bench_shellcheck" "$corpus" 12 "$typical"
echo "agreement exit status: $? (0: every finding agrees)"

echo "== 2. on save: $(basename "$typical") ($(wc -l <"$typical") lines), fresh process, mean of $runs"
mkdir -p "$tmp/one" && cp "$typical" "$tmp/one/Dockerfile"
export XDG_CACHE_HOME=$tmp/cache
off=$(MSMIGRATE_SHELLCHECK=off cpu_ms "$runs" "" "$bin" lint --no-fail --format concise "$tmp/one/Dockerfile")
cold=$(cpu_ms "$runs" "rm -rf '$tmp/cache'" "$bin" lint --no-fail --format concise "$tmp/one/Dockerfile")
warm=$(cpu_ms "$runs" "" "$bin" lint --no-fail --format concise "$tmp/one/Dockerfile")
echo "msmigrate lint, no ShellCheck:      $off ms CPU"
echo "msmigrate lint, ShellCheck cold:    $cold ms CPU"
echo "msmigrate lint, ShellCheck warm:    $warm ms CPU"
echo "SC findings on it: $("$bin" lint --no-fail --format concise "$tmp/one/Dockerfile" | grep -c ' SC[0-9]')"
if [[ -x $tally ]]; then
  t=$(cd "$tmp/one" && cpu_ms 3 "" "$tally" lint --no-color --no-config Dockerfile)
  tn=$(cd "$tmp/one" && cpu_ms 3 "" "$tally" lint --no-color --no-config --ignore 'shellcheck/*' Dockerfile)
  echo "tally 0.45 lint:                    $t ms CPU (mean of 3; without its shellcheck rules: $tn ms)"
  awk -v c="$cold" -v t="$t" 'BEGIN { printf "cold / tally: %.3f (target <= 0.2)\n", c / t }'
fi
awk -v w="$warm" -v o="$off" 'BEGIN { printf "warm - no ShellCheck: %.2f ms (target <= 1)\n", w - o }'

echo "== 3. whole corpus, one invocation, all cores"
rm -rf "$tmp/cache"
off=$(MSMIGRATE_SHELLCHECK=off cpu_ms 1 "" "$bin" lint --no-fail --format concise "$corpus")
cold=$(cpu_ms 1 "" "$bin" lint --no-fail --format concise "$corpus")
warm=$(cpu_ms 1 "" "$bin" lint --no-fail --format concise "$corpus")
echo "msmigrate lint, no ShellCheck: $off ms CPU; ShellCheck cold: $cold ms CPU; warm: $warm ms CPU"
echo "cache: $(find "$tmp/cache" -type f | wc -l) entries, $(du -sh "$tmp/cache" | cut -f1)"
if [[ -x $tally ]]; then
  i=0
  while read -r f; do
    if ((i % every == 0)); then mkdir -p "$tmp/tally/$i" && cp "$f" "$tmp/tally/$i/Dockerfile"; fi
    i=$((i + 1))
  done < <(ls "$corpus"/* | sort)
  n=$(ls "$tmp/tally" | wc -l)
  t=$(cd "$tmp/tally" && cpu_ms 1 "" "$tally" lint --no-color --no-config --fail-level none .)
  rm -rf "$tmp/cache"
  mc=$(cpu_ms 1 "" "$bin" lint --no-fail --format concise "$tmp/tally")
  mw=$(cpu_ms 1 "" "$bin" lint --no-fail --format concise "$tmp/tally")
  echo "same $n files (every ${every}th): tally $t ms CPU; msmigrate cold $mc ms, warm $mw ms"
fi
