#!/usr/bin/env bash
# Formatter figures: in-process corpus throughput and a 200-line file (msm_bench_fmt), the whole
# corpus in one CLI invocation, and the editor's on-save case (`fmt -` on one file, fresh process).
# Usage: bash bench/fmt_bench.sh [BUILD_DIR]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
bin=$build/msmigrate
benches=$build/bench  # the benchmark executables (bench/CMakeLists.txt)
corpus=$root/../shared/corpus/dockerfiles
[[ -x $bin && -x $benches/msm_bench_fmt ]] || { echo "build first: $bin, $benches/msm_bench_fmt"; exit 2; }
[[ -d $corpus ]] || { echo "no corpus at $corpus"; exit 2; }
runs=${RUNS:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$benches/msm_bench_fmt" "$corpus" 5
cp -r "$corpus" "$tmp/copy"
# CPU time as well as wall time: on a shared machine the wall clock measures the neighbours.
TIMEFORMAT="msmigrate fmt CLI, whole corpus, one invocation (writes included): %3R s wall, %3U s user, %3S s sys"
time "$bin" fmt "$tmp/copy"/* 2>/dev/null
TIMEFORMAT="msmigrate fmt --check CLI, whole corpus, one invocation: %3R s wall, %3U s user, %3S s sys"
time "$bin" fmt --check "$corpus"/* >/dev/null 2>&1
typical=$(ls "$corpus"/docker-library__golang__* 2>/dev/null | head -1)
[[ -n $typical ]] || typical=$(ls "$corpus"/* | head -1)
TIMEFORMAT="msmigrate fmt - (on save, $(wc -l <"$typical")-line file, fresh process), $runs runs: %3R s wall, %3U s user, %3S s sys"
time for ((i = 0; i < runs; i++)); do "$bin" fmt - <"$typical" >/dev/null; done
