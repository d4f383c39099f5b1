#!/usr/bin/env bash
# Builds sharing one store at the same time (two CI jobs, or verify's old and new flows run by
# two users): identical --no-cache builds must not pull a stored step from under each other's
# overlay mounts, and both images must be right.
source "$(dirname "$0")/lib/build_lib.sh"

ctx=$tmp/ctx
mkdir -p "$ctx"
# Each RUN reads what the step before wrote, after a pause in which the other build replaces
# (old behaviour) that step's stored directory.
printf 'FROM %s\nWORKDIR /work\nRUN echo one > a\nRUN sleep 0.4 && cat a && echo two > b\nRUN sleep 0.4 && cat a b > c\n' \
  "$busybox_ref" >"$ctx/Dockerfile"
"$bin" build -t localhost/concurrent:seed "$ctx" --progress plain >"$tmp/seed.log" 2>&1
check "seed build" test $? -eq 0
ours=()  # this test's build processes: other tests may share the store at the same time
for round in 1 2 3; do
  pids=()
  for n in 1 2; do
    "$bin" build --no-cache -t "localhost/concurrent:$n" "$ctx" --progress plain >"$tmp/b$n.log" 2>&1 &
    pids+=($!)
    ours+=($!)
  done
  for n in 1 2; do
    wait "${pids[$((n - 1))]}"
    status=$?
    check "round $round: concurrent --no-cache build $n" test "$status" -eq 0
    [[ $status -eq 0 ]] || tail -5 "$tmp/b$n.log"
  done
done
for n in 1 2; do
  "$bin" image save "localhost/concurrent:$n" -o "$tmp/img$n.tar" >/dev/null 2>&1
  mkdir -p "$tmp/x$n" && tar -xf "$tmp/img$n.tar" -C "$tmp/x$n"
  # The last layer of each image holds /work/c with both lines.
  found=0
  for blob in "$tmp/x$n"/blobs/sha256/*; do
    tar -tzf "$blob" 2>/dev/null | grep -qx 'work/c' && tar -xzOf "$blob" work/c 2>/dev/null | grep -qx two && found=1
  done
  check "image $n has /work/c built from both steps" test "$found" -eq 1
done
# verify runs --no-cache builds of the old and the new flow; two at once on one store used to
# fail with "cannot mount overlayfs … No such file or directory" (a lower dir replaced).
for round in 1 2; do
  for n in 1 2; do
    rm -rf "$tmp/proj$n" && cp -a "$root/fixtures/examples/builder-pattern" "$tmp/proj$n"
  done
  "$bin" verify "$tmp/proj1" >"$tmp/v1.log" 2>&1 &
  p1=$!
  "$bin" verify "$tmp/proj2" --no-edit-rebuild >"$tmp/v2.log" 2>&1
  s2=$?
  wait $p1
  s1=$?
  check "round $round: concurrent verify 1" test "$s1" -eq 0
  check "round $round: concurrent verify 2" test "$s2" -eq 0
  [[ $s1 -eq 0 && $s2 -eq 0 ]] || tail -n 3 "$tmp/v1.log" "$tmp/v2.log"
done
leftover=0
for pid in "${ours[@]}"; do
  leftover=$((leftover + $(find "$MSMIGRATE_STORE/tmp" -maxdepth 1 -name "no-cache-step-$pid-*" | wc -l)))
done
check "private --no-cache results are removed after export" test "$leftover" -eq 0
finish
