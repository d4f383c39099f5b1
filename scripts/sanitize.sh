#!/usr/bin/env bash
# CI's sanitizer and fuzz steps (scripts/test.sh runs them after the test suite):
# the unit tests built with clang, AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/,
# which also holds the libFuzzer targets), then every fuzz target for FUZZ_SECONDS (60) from its
# seed corpus. Prints each step's time; exit 1 on any sanitizer report, failed test or crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
build=${MSM_ASAN_BUILD_DIR:-build-asan}
export MSM_ASAN_BUILD_DIR=$build
step_start=$SECONDS
if [[ ! -f $build/CMakeCache.txt ]]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_C_COMPILER=clang \
    -DCMAKE_CXX_COMPILER=clang++ -DMSM_FUZZ=ON "${launcher[@]}" >/dev/null
fi
cmake --build "$build" -j "${MSM_BUILD_JOBS:-$(nproc)}" --target msm_unit_tests fuzz_targets
echo "sanitize: build-asan built in $((SECONDS - step_start)) s"

step_start=$SECONDS
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$build/tests/msm_unit_tests" --no-intro --minimal
echo "sanitize: unit tests under ASan+UBSan passed in $((SECONDS - step_start)) s"

step_start=$SECONDS
bash scripts/fuzz.sh all "$seconds"
echo "sanitize: fuzz targets, ${seconds} s each, no crash, in $((SECONDS - step_start)) s"
