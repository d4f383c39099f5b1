#!/usr/bin/env bash
# `msmigrate parse` as a user runs it: formats, bad input, exit codes, messages.
source "$(dirname "$0")/lib/common.sh"

# expect NAME WANT_EXIT WANT_STDERR_SUBSTRING -- COMMAND...
expect() {
  local name=$1 want=$2 needle=$3
  shift 4
  local out err code
  out=$(timeout "${TIMEOUT:-60}" "$@" 2>"$tmp/stderr")
  code=$?
  err=$(cat "$tmp/stderr")
  if [[ $code -ne $want ]]; then
    fail "$name: exit $code, wanted $want; stderr: $err"
  elif [[ -n $needle && $err != *"$needle"* ]]; then
    fail "$name: stderr lacks '$needle': $err"
  else
    ok
  fi
  printf '%s' "$out" >"$tmp/stdout"
}

example=$root/fixtures/examples/builder-pattern
expect "json model of the example" 0 "" -- "$bin" parse --format json "$example/Dockerfile.build"
grep -q '"kind": "run"' "$tmp/stdout" && ok || fail "no run instruction in json"
expect "buildkit-json of the example" 0 "" -- "$bin" parse --format buildkit-json "$example/Dockerfile"
grep -q '"next": \[' "$tmp/stdout" && ok || fail "buildkit-json lacks next"
expect "sexp" 0 "" -- "$bin" parse "$example/Dockerfile"
grep -q '(source_file' "$tmp/stdout" && ok || fail "sexp lacks source_file"
expect "stdin" 0 "" -- bash -c "printf 'FROM a\nRUN b\n' | '$bin' parse --format buildkit-json -"

expect "missing file" 2 "no-such-file: No such file or directory" -- "$bin" parse "$tmp/no-such-file"
expect "a directory" 2 "is a directory" -- "$bin" parse "$tmp"
: >"$tmp/empty"
expect "empty file" 2 "file with no instructions" -- "$bin" parse "$tmp/empty"
printf '# only\n# comments\n\n' >"$tmp/comments"
expect "only comments" 2 "file with no instructions" -- "$bin" parse "$tmp/comments"
head -c 4096 /dev/urandom >"$tmp/binary"
printf '\0' >>"$tmp/binary"
expect "binary data" 2 "binary file" -- "$bin" parse "$tmp/binary"
printf 'FROM a\nRUN echo \xff\xfe\n' >"$tmp/latin1"
expect "invalid UTF-8" 0 "" -- "$bin" parse --format buildkit-json "$tmp/latin1"
grep -q 'echo \\ufffd\|echo �' "$tmp/stdout" && ok || fail "invalid UTF-8 not replaced"
printf 'FROM a\nRUN <<EOF\necho hi\n' >"$tmp/heredoc"
expect "unterminated heredoc" 2 "unterminated heredoc" -- "$bin" parse --format json "$tmp/heredoc"
expect "unknown format" 2 "format" -- "$bin" parse --format yaml "$example/Dockerfile"
expect "no arguments" 2 "" -- "$bin" parse

# A 100 MB file: parsed in bounded time, no crash.
python3 - "$tmp/big" <<'PY'
import sys
block = "FROM alpine:3.19 AS base\nRUN apk add --no-cache curl \\\n    && echo done\nCOPY --from=base /a /b\nENV A=1 B=\"x y\"\n"
with open(sys.argv[1], "w") as f:
    f.write(block * (100 * 1024 * 1024 // len(block)))
PY
# Output goes to a file: a 100 MB Dockerfile prints about 900 MB of JSON.
TIMEOUT=600 expect "100 MB file" 0 "" -- bash -c "'$bin' parse --format buildkit-json '$tmp/big' >'$tmp/big.json'"
size=$(wc -c <"$tmp/big.json")
rm -f "$tmp/big.json"
[[ $size -gt 100000000 ]] && ok || fail "100 MB output too small ($size)"

finish "parse_cli"
