#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS: `scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]`.
# Targets: parse lint_fix fmt convert driver_shell config image_load lsp (fuzz/*.cpp), or `all`
# (each for SECONDS in turn). Builds build-asan/ (clang, ASan+UBSan, -DMSM_FUZZ=ON) when needed,
# writes the seeds (fuzz/seeds.py, from ../shared/corpus and fixtures/) and keeps the growing
# corpus in build-asan/fuzz/corpus/TARGET and crashes in build-asan/fuzz/crashes/TARGET/.
# Exit 1 when the target found a crash, a leak, a timeout or a violated property.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(parse lint_fix fmt convert driver_shell config image_load lsp)
if [[ $# -lt 2 ]]; then
  echo "usage: scripts/fuzz.sh TARGET|all SECONDS [libFuzzer flags...] (targets: ${targets[*]})" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2
if [[ $target == all ]]; then
  for t in "${targets[@]}"; do bash "$0" "$t" "$seconds" "$@"; done
  exit 0
fi
[[ " ${targets[*]} " == *" $target "* ]] || { echo "fuzz.sh: unknown target '$target' (${targets[*]})" >&2; exit 2; }

build=${MSM_ASAN_BUILD_DIR:-build-asan}
if [[ ! -f $build/CMakeCache.txt ]]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_C_COMPILER=clang \
    -DCMAKE_CXX_COMPILER=clang++ -DMSM_FUZZ=ON "${launcher[@]}" >/dev/null
fi
cmake --build "$build" -j "${MSM_BUILD_JOBS:-$(nproc)}" --target "fuzz_$target" >/dev/null

work=$build/fuzz
seeds=$work/seeds/$target corpus=$work/corpus/$target crashes=$work/crashes/$target
rm -rf "$seeds"
mkdir -p "$corpus" "$crashes"
python3 fuzz/seeds.py "$target" "$seeds"
log=$work/$target.log
# -rss_limit_mb bounds memory (decompression bombs, huge allocations); -timeout catches hangs
# and super-linear time; inputs up to 256 KiB let quadratic behaviour show.
set +e
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
  "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -max_len=262144 \
  -print_final_stats=1 -artifact_prefix="$crashes/" "$@" "$corpus" "$seeds" >"$log" 2>&1
status=$?
set -e
execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
echo "fuzz $target: ${seconds}s, $execs executions, ${cov:-no coverage line}, corpus $(ls "$corpus" | wc -l) files, exit $status"
if [[ $status -ne 0 ]]; then
  grep -E 'ERROR: |SUMMARY|property violated|Test unit written' "$log" | head -20 >&2
  echo "fuzz $target: see $log; reproduce with $build/fuzz/fuzz_$target $crashes/<file>" >&2
  exit 1
fi
