#!/usr/bin/env bash
# `msmigrate fmt` on every fixtures/fmt/<case>/input.Dockerfile: stdout of `fmt -` equals
# expected.Dockerfile; BuildKit's parse is unchanged (tests/e2e/lib/buildkit_same.py); a second
# fmt changes nothing; --check and --diff agree; writing in place gives the same bytes.
# A case's .msmigrate.yaml (format: section) applies, found upward from the file.
# UPDATE_SNAPSHOTS=1 rewrites the snapshots; review them with `git diff`.
source "$(dirname "$0")/lib/common.sh"
same=$root/tests/e2e/lib/buildkit_same.py

for dir in "$root"/fixtures/fmt/*/; do
  name=$(basename "$dir")
  input=$dir/input.Dockerfile
  "$bin" fmt --stdin-filename "$input" - <"$input" >"$tmp/out" 2>"$tmp/err"
  code=$?
  [[ ${UPDATE_SNAPSHOTS:-} == 1 && $code -eq 0 ]] && cp "$tmp/out" "$dir/expected.Dockerfile"
  [[ $code -eq 0 ]] || { fail "$name: exit $code: $(cat "$tmp/err")"; continue; }
  [[ ! -s $tmp/err ]] || { fail "$name: unexpected stderr: $(cat "$tmp/err")"; continue; }
  diff -u "$dir/expected.Dockerfile" "$tmp/out" >"$tmp/d" || { fail "$name: output differs from expected.Dockerfile"; head -40 "$tmp/d"; continue; }
  cmp -s "$input" "$tmp/out" && { fail "$name: fmt changed nothing (a fixture should exercise a change)"; continue; }

  "$bin" parse --format buildkit-json "$input" >"$tmp/before.json" 2>/dev/null
  "$bin" parse --format buildkit-json - <"$tmp/out" >"$tmp/after.json" 2>/dev/null
  python3 "$same" "$tmp/before.json" "$tmp/after.json" >"$tmp/why" || { fail "$name: BuildKit's parse changed: $(cat "$tmp/why")"; continue; }

  # Idempotent, and --check/--diff agree with what fmt did (the copy sits in the case's directory
  # so the same configuration applies).
  copy=$dir/.fmt-test-$$.Dockerfile
  cp "$tmp/out" "$copy"
  "$bin" fmt --check "$copy" >"$tmp/check" 2>&1
  check=$?
  rm -f "$copy"
  [[ $check -eq 0 ]] || { fail "$name: a second fmt would change the result: $(cat "$tmp/check")"; continue; }
  cp "$input" "$copy"
  "$bin" fmt --check "$copy" >"$tmp/check" 2>&1
  check=$?
  grep -q "would reformat $copy" "$tmp/check" || { rm -f "$copy"; fail "$name: --check did not list the file"; continue; }
  "$bin" fmt --diff "$copy" >"$tmp/diff" 2>&1
  diffcode=$?
  "$bin" fmt "$copy" >"$tmp/stdout" 2>"$tmp/stderr"
  write=$?
  cmp -s "$copy" "$tmp/out"
  written=$?
  rm -f "$copy"
  [[ $check -eq 1 && $diffcode -eq 1 && $write -eq 0 ]] || { fail "$name: exits check=$check diff=$diffcode write=$write, wanted 1 1 0"; continue; }
  [[ $written -eq 0 ]] || { fail "$name: writing in place gave other bytes than stdout"; continue; }
  [[ ! -s $tmp/stdout ]] && grep -q "1 file reformatted" "$tmp/stderr" || { fail "$name: in-place output: $(cat "$tmp/stdout" "$tmp/stderr")"; continue; }
  # The diff, applied with patch(1), gives the formatted file.
  if command -v patch >/dev/null; then
    cp "$input" "$tmp/patched"
    sed -e "1s|^--- .*|--- patched|" -e "2s|^+++ .*|+++ patched|" "$tmp/diff" | (cd "$tmp" && patch -s --binary patched) >/dev/null 2>&1
    cmp -s "$tmp/patched" "$tmp/out" || { fail "$name: --diff does not patch the input into the output"; continue; }
  fi
  ok
done
[[ $passed -ge 10 ]] || fail "only $passed fixtures ran"
finish "fmt snapshots"
