#!/usr/bin/env bash
# msmigrate build vs buildah (--isolation chroot, overlay driver, --layers) on the same
# Dockerfile and base images: cold build, fully cached rebuild, rebuild after editing one source
# file, fixed cost per RUN step, export of a ~200 MB image. Prints figures; gates nothing.
# Usage: bench/build_bench.sh MSMIGRATE_BINARY [WORK_DIR]   (root; buildah from apt)
set -euo pipefail
bin=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=${2:-/tmp/msm-build-bench}
runs=${RUNS:-3}
mkdir -p "$work"
export MSMIGRATE_STORE=$work/msm-store
S=(--root "$work/buildah-root" --runroot "$work/buildah-run" --storage-driver overlay)
command -v buildah >/dev/null || { echo "buildah is not installed: apt-get install buildah"; exit 77; }

refs=$(bash "$here/../scripts/make-base-images.sh" "$bin" "$MSMIGRATE_STORE" "$work/base-cache")
bb=$(sed -n 1p <<<"$refs")
gcc=$(sed -n 2p <<<"$refs")
for ref in "$bb" "$gcc"; do
  if ! buildah "${S[@]}" inspect "$ref" >/dev/null 2>&1; then
    "$bin" image save "$ref" -o "$work/base.tar"
    buildah "${S[@]}" pull -q "docker-archive:$work/base.tar" >/dev/null
    rm -f "$work/base.tar"
  fi
done

now() { date +%s.%N; }
secs() { echo "$(now) - $1" | bc; }
median() { tr ' ' '\n' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

ctx=$work/ctx
rm -rf "$ctx"
cp -r "$here/build_fixture" "$ctx"
msm_build() { "$bin" build --progress plain "$@" "$ctx" >/dev/null 2>"$work/msm.log"; }
bah_build() { buildah "${S[@]}" bud -q --isolation chroot --layers "$@" "$ctx" >/dev/null 2>"$work/bah.log"; }

declare -A R
measure() {  # measure NAME SETUP-FN BUILD-FN ARGS...
  local name=$1 setup=$2
  shift 2
  local times=()
  for _ in $(seq "$runs"); do
    $setup
    local t0
    t0=$(now)
    "$@"
    times+=("$(secs "$t0")")
  done
  R[$name]=$(echo "${times[*]}" | median)
  printf '%-34s %8.3f s   (runs: %s)\n' "$name" "${R[$name]}" "${times[*]}"
}
nothing() { :; }
msm_clear() { "$bin" image prune -a >/dev/null; }
bah_clear() { buildah "${S[@]}" rmi -a -f >/dev/null 2>&1 || true; buildah "${S[@]}" pull -q "docker-archive:$work/bb.tar" >/dev/null; buildah "${S[@]}" pull -q "docker-archive:$work/gcc.tar" >/dev/null; }
"$bin" image save "$bb" -o "$work/bb.tar"
"$bin" image save "$gcc" -o "$work/gcc.tar"
edit_src() { echo "/* edit $(now) */" >>"$ctx/src/mod3.c"; }

echo "== two-stage build (gcc builder → busybox), $runs runs each, median"
measure "msmigrate cold" msm_clear msm_build -t localhost/bench:msm
measure "buildah cold" bah_clear bah_build -t localhost/bench:bah
measure "msmigrate cached" nothing msm_build -t localhost/bench:msm
measure "buildah cached" nothing bah_build -t localhost/bench:bah
measure "msmigrate one-file edit" edit_src msm_build -t localhost/bench:msm
measure "buildah one-file edit" edit_src bah_build -t localhost/bench:bah

echo "== fixed cost per RUN step (20 × RUN true on busybox, minus a FROM-only build)"
mkdir -p "$work/runs"
printf 'FROM %s\n' "$bb" >"$work/runs/Dockerfile.0"
{ printf 'FROM %s\n' "$bb"; for i in $(seq 20); do printf 'RUN true %s\n' "$i"; done; } >"$work/runs/Dockerfile.20"
per_run() {  # per_run TOOL
  local t0 t_base t_20
  if [[ $1 == msm ]]; then
    t0=$(now); "$bin" build --no-cache -f "$work/runs/Dockerfile.0" "$work/runs" >/dev/null 2>&1; t_base=$(secs "$t0")
    t0=$(now); "$bin" build --no-cache -f "$work/runs/Dockerfile.20" "$work/runs" >/dev/null 2>&1; t_20=$(secs "$t0")
  else
    t0=$(now); buildah "${S[@]}" bud -q --isolation chroot --layers --no-cache -f "$work/runs/Dockerfile.0" "$work/runs" >/dev/null 2>&1; t_base=$(secs "$t0")
    t0=$(now); buildah "${S[@]}" bud -q --isolation chroot --layers --no-cache -f "$work/runs/Dockerfile.20" "$work/runs" >/dev/null 2>&1; t_20=$(secs "$t0")
  fi
  echo "($t_20 - $t_base) * 1000 / 20" | bc -l
}
printf '%-34s %8.1f ms\n' "msmigrate per RUN" "$(per_run msm)"
printf '%-34s %8.1f ms\n' "buildah per RUN" "$(per_run bah)"

echo "== export of a ~200 MB image (the gcc rootfs copied into one layer)"
mkdir -p "$work/big"
printf 'FROM %s AS src\nFROM %s\nCOPY --from=src /usr /big/usr\n' "$gcc" "$bb" >"$work/big/Dockerfile"
"$bin" build --no-cache -t localhost/big:msm "$work/big" >/dev/null 2>"$work/big.log"
export_s=$(sed -n 's/.*exporting [0-9]* new layer(s) \([0-9.]*\)s/\1/p' "$work/big.log")
bytes=$("$bin" image inspect localhost/big:msm | python3 -c "import json,sys; print(json.load(sys.stdin)['UncompressedSize'])")
t0=$(now); "$bin" image save localhost/big:msm -o "$work/big-msm.tar"; save_s=$(secs "$t0")
printf '%-34s %8.1f MB/s  (%.0f MB: layer tar+gzip %.2f s, save %.2f s)\n' "msmigrate export" \
  "$(echo "$bytes / 1000000 / ($export_s + $save_s)" | bc -l)" "$(echo "$bytes / 1000000" | bc -l)" "$export_s" "$save_s"
buildah "${S[@]}" bud -q --isolation chroot --layers --no-cache -t localhost/big:bah "$work/big" >/dev/null 2>&1
rm -f "$work/big-bah.tar"
t0=$(now); buildah "${S[@]}" push -q localhost/big:bah "oci-archive:$work/big-bah.tar" >/dev/null 2>&1; push_s=$(secs "$t0")
printf '%-34s %8.1f MB/s  (push to oci-archive %.2f s)\n' "buildah export" "$(echo "$bytes / 1000000 / $push_s" | bc -l)" "$push_s"

echo "== ratios (msmigrate / buildah)"
for k in cold cached "one-file edit"; do
  printf '%-34s %8.2f\n' "$k" "$(echo "${R[msmigrate $k]} / ${R[buildah $k]}" | bc -l)"
done
# buildah bud keeps working containers (with overlay mounts) of multi-stage builds: remove them.
buildah "${S[@]}" rm -a >/dev/null 2>&1 || true
