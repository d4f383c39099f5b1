#!/usr/bin/env bash
# Lint benchmark against the peers (npm packages pinned by package-lock.json), same files, same run:
#  1. the whole shared corpus in one process (msmigrate in-process and as one CLI invocation;
#     dockerfilelint and dockerfile-utils in-process loops in node),
#  2. one typical file in a fresh process (the editor's on-save case), against /bin/true in the
#     same rounds (msm_bench_startup), and perf's counts when perf is there.
# Usage: bash bench/lint_bench.sh [BUILD_DIR]   (needs `npm ci --ignore-scripts` for the peers)
# Build with -DCMAKE_BUILD_TYPE=Release for the shipped binary's figures.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
bin=$build/msmigrate
benches=$build/bench  # the benchmark executables (bench/CMakeLists.txt)
corpus=$root/../shared/corpus/dockerfiles
[[ -x $bin && -x $benches/msm_bench_lint && -x $benches/msm_bench_startup ]] ||
  { echo "build first: $bin, $benches/msm_bench_lint, $benches/msm_bench_startup"; exit 2; }
[[ -d $corpus ]] || { echo "no corpus at $corpus"; exit 2; }
nm=$root/node_modules
tally=$nm/@wharflab/tally-linux-x64/bin/tally
# tally without configuration discovery and without its network checks (registry look-ups).
tally_args=(lint --format json --no-config --slow-checks off)
# The golang bookworm image (136 lines, whichever version the corpus holds) and the largest php
# image (~300 lines of long RUNs: a heavy case for the shell rules on save).
typical=$(ls "$corpus"/docker-library__golang__*__bookworm__Dockerfile 2>/dev/null | head -1)
[[ -f $typical ]] || typical=$(ls "$corpus"/* | head -1)
largest=$(ls -S "$corpus"/docker-library__php__* 2>/dev/null | head -1)
[[ -f $largest ]] || largest=$typical
runs=${RUNS:-30}

ms_now() { date +%s%N; }
# mean_ms N CMD...: mean wall time of N fresh runs, in ms.
mean_ms() {
  local n=$1; shift
  local t0 t1
  t0=$(ms_now)
  for ((i = 0; i < n; i++)); do "$@" >/dev/null 2>&1; done
  t1=$(ms_now)
  awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN { printf "%.1f", (b - a) / n / 1e6 }'
}

echo "== machine: $(nproc) cores, $(uname -sr); corpus: $(ls "$corpus" | wc -l) files"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) (wall times include the neighbours; CPU times do not)"
echo "== 1. whole corpus in one process"
"$benches/msm_bench_lint" "$corpus" 5
t0=$(ms_now); "$bin" lint --no-fail --format concise "$corpus"/* >/dev/null; t1=$(ms_now)
echo "msmigrate lint CLI, one invocation, all cores: $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", (b-a)/1e6}') ms"
t0=$(ms_now); "$bin" lint -j 1 --no-fail --format concise "$corpus"/* >/dev/null; t1=$(ms_now)
echo "msmigrate lint CLI, one invocation, -j 1:      $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", (b-a)/1e6}') ms"
# One thread per core, to see `lint -j N` scale: CPU stays flat while wall time divides.
for j in 1 2 4; do
  ((j > $(nproc))) && break
  /usr/bin/time -f "msmigrate lint CLI, -j $j: %e s wall, %U s user + %S s sys" \
    "$bin" lint -j "$j" --no-fail --format concise "$corpus"/* >/dev/null
done
# tally is timed on save only (section 2): over the whole corpus one invocation stops at the
# first file its instruction checks reject (a stage named "platform-arm/v7" in buildah's tests),
# after ~20 s of CPU, with no output.
if [[ -d $nm/dockerfilelint && -d $nm/dockerfile-utils ]]; then
  node - "$corpus" "$nm" <<'JS'
const fs = require('fs'), path = require('path');
const [dir, nm] = process.argv.slice(2);
const files = fs.readdirSync(dir).sort().map(f => fs.readFileSync(path.join(dir, f), 'utf8'));
const dfl = require(path.join(nm, 'dockerfilelint')), dfu = require(path.join(nm, 'dockerfile-utils'));
function bench(name, fn) {
  let best = Infinity, bestCpu = Infinity, crashes = 0;
  for (let r = 0; r < 5; r++) {
    crashes = 0;
    const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
    for (const text of files) { try { fn(text); } catch (e) { crashes++; } }
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e3);
  }
  console.log(`${name} in-process: ${files.length} files, best of 5: ${best.toFixed(1)} ms wall, ${bestCpu.toFixed(1)} ms CPU -> ${(files.length / bestCpu * 1000).toFixed(0)} files/s (CPU), ${crashes} crashes`);
}
bench('dockerfilelint  ', t => dfl.run(path.join(nm, 'dockerfilelint'), t));
bench('dockerfile-utils', t => dfu.validate(t));
JS
else
  echo "(dockerfilelint / dockerfile-utils not installed: npm ci --ignore-scripts)"
fi

echo "== 2. one typical file ($(basename "$typical"), $(wc -l <"$typical") lines), fresh process, $runs rounds"
peers=()
[[ -x $tally ]] && peers+=("tally lint=$tally ${tally_args[*]} $typical")
"$benches/msm_bench_startup" "$runs" "/bin/true=/bin/true" "msmigrate --version=$bin --version" \
  "msmigrate lint --format json=$bin lint --no-fail --format json $typical" \
  "msmigrate lint, php $(wc -l <"$largest") lines=$bin lint --no-fail --format json $largest" \
  "msmigrate rules=$bin rules" ${peers[@]+"${peers[@]}"}
if [[ -x $nm/.bin/dockerfilelint ]]; then
  "$benches/msm_bench_startup" 10 "/bin/true=/bin/true" "dockerfilelint CLI=$(command -v node) $nm/dockerfilelint/bin/dockerfilelint $typical" \
    "dockerfile-utils CLI=$(command -v node) $nm/dockerfile-utils/bin/dockerfile-utils lint $typical"
fi
if command -v perf >/dev/null; then
  echo "== perf stat, 50 runs each (instructions need hardware counters; a VM may not have them)"
  for cmd in "/bin/true" "$bin --version" "$bin lint --no-fail --format json $typical"; do
    perf stat -r 50 -e task-clock,page-faults,instructions $cmd 2>&1 >/dev/null |
      awk -v c="${cmd/$root\//}" '/task-clock|page-faults|instructions/ { printf "%s %s  ", $1, $2 } END { print " <- " c }'
  done
fi
