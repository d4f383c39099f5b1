#!/usr/bin/env bash
# `msmigrate convert` on damaged input never crashes: every fixture's driver and Dockerfiles cut
# at many points, and garbage bytes, must end in exit 0, 1 or 2 with no "internal error".
source "$(dirname "$0")/lib/common.sh"

check() {
  local what=$1
  timeout 20 "$bin" convert "$tmp/p" >/dev/null 2>"$tmp/err"
  local code=$?
  if [[ $code -gt 2 ]] || grep -q 'internal error' "$tmp/err"; then
    fail "$what: exit $code: $(head -3 "$tmp/err")"
  else
    ok
  fi
}

for dir in "$root"/fixtures/convert/*/input; do
  name=$(basename "$(dirname "$dir")")
  for file in build.sh Makefile Dockerfile Dockerfile.build; do
    [[ -f $dir/$file ]] || continue
    size=$(wc -c <"$dir/$file")
    step=$((size / 6 + 1))
    for ((cut = 1; cut < size; cut += step)); do
      rm -rf "$tmp/p"
      cp -r "$dir" "$tmp/p"
      chmod -R u+w "$tmp/p"  # a read-only source stays read-only in the copy; convert would refuse it
      head -c "$cut" "$dir/$file" >"$tmp/p/$file"
      check "$name/$file cut at $cut"
    done
  done
done
# Binary garbage as the driver, and a driver that is a directory.
rm -rf "$tmp/p"; mkdir -p "$tmp/p"
head -c 4096 /dev/urandom >"$tmp/p/build.sh"
check "random bytes as build.sh"
rm -rf "$tmp/p"; mkdir -p "$tmp/p/build.sh"
check "build.sh is a directory"

[[ $((passed + failed)) -ge 100 ]] || fail "only $((passed + failed)) runs; the fixtures should give at least 100"
finish "convert robustness"
