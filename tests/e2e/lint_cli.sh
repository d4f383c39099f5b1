#!/usr/bin/env bash
# `msmigrate lint` and `msmigrate rules` as a user runs them: renderer snapshots, exit codes,
# stdin, directories, configuration, --fix / --diff, bad input.
# Snapshots live in fixtures/lint/render/expected.*; UPDATE_SNAPSHOTS=1 rewrites them.
source "$(dirname "$0")/lib/common.sh"

# check NAME WANT_EXIT -- COMMAND...: runs it, stdout in $tmp/out, stderr in $tmp/err.
check() {
  local name=$1 want=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  if [[ $code -ne $want ]]; then fail "$name: exit $code, wanted $want; stderr: $(head -3 "$tmp/err")"; return 1; fi
  ok
}
contains() { if grep -qF -- "$2" "$3"; then ok; else fail "$1: '$2' not in $(basename "$3"): $(head -5 "$3")"; fi; }

# --- Renderer snapshots over one shared fixture --------------------------------------------
fixture=$root/fixtures/lint/render
for format in tty concise json sarif checkstyle codeclimate gitlab; do
  (cd "$fixture" && NO_COLOR= "$bin" lint --format "$format" Dockerfile) >"$tmp/snap" 2>"$tmp/err"
  code=$?
  [[ $code -eq 1 ]] || fail "snapshot $format: exit $code"
  # SARIF names the working directory; snapshots must not depend on where the checkout lives.
  sed -i "s|file://$fixture/|file:///SRCROOT/|" "$tmp/snap"
  if [[ ${UPDATE_SNAPSHOTS:-} == 1 ]]; then
    cp "$tmp/snap" "$fixture/expected.$format"
  elif diff -u "$fixture/expected.$format" "$tmp/snap" >"$tmp/diff"; then
    ok
  else
    fail "snapshot $format differs:"; head -30 "$tmp/diff"
  fi
done
for format in json sarif codeclimate gitlab; do
  python3 -m json.tool "$fixture/expected.$format" >/dev/null && ok || fail "expected.$format is not JSON"
done
python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$fixture/expected.checkstyle" && ok ||
  fail "checkstyle is not XML"

# The fix snapshot: --diff and the fixed file.
(cd "$fixture" && "$bin" lint --diff --unsafe-fixes Dockerfile) >"$tmp/diff.out"
[[ ${UPDATE_SNAPSHOTS:-} == 1 ]] && cp "$tmp/diff.out" "$fixture/expected.diff"
diff -u "$fixture/expected.diff" "$tmp/diff.out" >/dev/null && ok || fail "fix diff snapshot differs"
cp "$fixture/Dockerfile" "$tmp/Dockerfile"
"$bin" lint --fix --unsafe-fixes "$tmp/Dockerfile" >/dev/null 2>&1
[[ ${UPDATE_SNAPSHOTS:-} == 1 ]] && cp "$tmp/Dockerfile" "$fixture/expected.fixed"
diff -u "$fixture/expected.fixed" "$tmp/Dockerfile" >/dev/null && ok || fail "fixed file snapshot differs"

# --- Colour: only on a terminal, never with NO_COLOR ----------------------------------------
(cd "$fixture" && "$bin" lint --format tty Dockerfile) >"$tmp/plain"
if grep -q $'\x1b' "$tmp/plain"; then fail "colour written to a pipe"; else ok; fi
if command -v script >/dev/null; then
  (cd "$fixture" && script -qec "$bin lint Dockerfile" /dev/null) >"$tmp/tty" 2>&1
  grep -q $'\x1b\[' "$tmp/tty" && ok || fail "no colour on a terminal"
  contains "tty default on a terminal" "[*]" "$tmp/tty"
  (cd "$fixture" && NO_COLOR=1 script -qec "$bin lint Dockerfile" /dev/null) >"$tmp/tty" 2>&1
  if grep -q $'\x1b\[' "$tmp/tty"; then fail "colour despite NO_COLOR"; else ok; fi
fi

# --- Exit codes, thresholds -----------------------------------------------------------------
printf 'FROM alpine:3.20\nCMD ["true"]\n' >"$tmp/good.Dockerfile"
check "clean file" 0 -- "$bin" lint "$tmp/good.Dockerfile"
[[ ! -s $tmp/out ]] && ok || fail "clean file printed: $(cat "$tmp/out")"
printf 'FROM alpine:3.20\nFROM alpine AS unused\nCMD ["true"]\n' >"$tmp/info.Dockerfile"
check "info finding fails by default" 1 -- "$bin" lint "$tmp/info.Dockerfile"
check "threshold warning ignores info" 0 -- "$bin" lint --failure-threshold warning "$tmp/info.Dockerfile"
check "--no-fail" 0 -- "$bin" lint --no-fail "$tmp/info.Dockerfile"
check "bad threshold is a usage error" 2 -- "$bin" lint --failure-threshold fatal "$tmp/info.Dockerfile"
check "--ignore by alias" 0 -- "$bin" lint --ignore unused-stage "$tmp/info.Dockerfile"
check "--ignore unknown" 2 -- "$bin" lint --ignore NoSuchRule "$tmp/info.Dockerfile"
contains "--ignore unknown message" "NoSuchRule" "$tmp/err"

# --- Bad input: exit 2, the file named ---------------------------------------------------
check "missing file" 2 -- "$bin" lint "$tmp/nope/Dockerfile"
contains "missing file named" "$tmp/nope/Dockerfile" "$tmp/err"
printf 'FROM alpine\n\0\0' >"$tmp/binary.Dockerfile"
check "binary file" 2 -- "$bin" lint "$tmp/binary.Dockerfile"
contains "binary file named" "binary.Dockerfile" "$tmp/err"
check "unmatched glob" 2 -- "$bin" lint "$tmp/*.nomatch"
# A syntax error is a finding (exit 1), not bad input.
printf 'FROM alpine\nENV DEBUG\n' >"$tmp/syntax.Dockerfile"
check "syntax error is a finding" 1 -- "$bin" lint "$tmp/syntax.Dockerfile"
contains "syntax error reported" "error MSM1001" "$tmp/out"

# --- stdin, directories, globs, order ---------------------------------------------------------
check "stdin" 1 -- bash -c "printf 'FROM alpine\nMAINTAINER me\n' | '$bin' lint --stdin-filename web/Dockerfile"
contains "stdin filename in output" "web/Dockerfile:2:1: warning MSM1012" "$tmp/out"
check "stdin fix prints the fixed buffer" 0 -- bash -c "printf 'FROM alpine as b\n' | '$bin' lint --fix -"
[[ $(cat "$tmp/out") == "FROM alpine AS b" ]] && ok || fail "stdin --fix output: $(cat "$tmp/out")"
mkdir -p "$tmp/tree/a" "$tmp/tree/b/node_modules" "$tmp/tree/c"
for f in a/Dockerfile b/api.Dockerfile c/Containerfile c/Dockerfile.dev b/node_modules/Dockerfile; do
  printf 'FROM alpine\nMAINTAINER me\n' >"$tmp/tree/$f"
done
printf 'not a dockerfile\n' >"$tmp/tree/c/README"
check "directory" 1 -- "$bin" lint "$tmp/tree"
[[ $(cut -d: -f1 "$tmp/out" | sed "s|$tmp/tree/||" | tr '\n' ' ') == "a/Dockerfile b/api.Dockerfile c/Containerfile c/Dockerfile.dev " ]] &&
  ok || fail "directory discovery/order: $(cut -d: -f1 "$tmp/out" | tr '\n' ' ')"
check "parallel order is stable" 1 -- "$bin" lint -j 4 "$tmp/tree"
cp "$tmp/out" "$tmp/par1"
"$bin" lint -j 1 "$tmp/tree" >"$tmp/par2"
cmp -s "$tmp/par1" "$tmp/par2" && ok || fail "-j 4 and -j 1 disagree"
check "glob (expanded by msmigrate)" 1 -- "$bin" lint "$tmp/tree/c/*file*"
[[ $(wc -l <"$tmp/out") -eq 2 ]] && ok || fail "glob matched: $(cat "$tmp/out")"

# --- Configuration ------------------------------------------------------------------------
mkdir -p "$tmp/proj/sub"
printf 'FROM alpine AS x\nFROM alpine\nMAINTAINER me\n' >"$tmp/proj/sub/Dockerfile"
printf 'ignored: [DL3008, MaintainerDeprecated]\nfailure-threshold: warning\n' >"$tmp/proj/.hadolint.yaml"
check ".hadolint.yaml honoured" 0 -- "$bin" lint "$tmp/proj/sub/Dockerfile"
contains "info still shown" "MSM3001" "$tmp/out"
printf 'ignored: [unused-stage]\n' >"$tmp/proj/.msmigrate.yaml"
check ".msmigrate.yaml wins" 1 -- "$bin" lint "$tmp/proj/sub/Dockerfile"
contains ".msmigrate.yaml: MAINTAINER back" "MSM1012" "$tmp/out"
if grep -q MSM3001 "$tmp/out"; then fail ".msmigrate.yaml ignore not applied"; else ok; fi
printf 'ignored: [NoSuchRule]\n' >"$tmp/bad.yaml"
check "--config with unknown rule" 2 -- "$bin" lint --config "$tmp/bad.yaml" "$tmp/proj/sub/Dockerfile"
contains "config error names the file" "bad.yaml" "$tmp/err"

# --- --fix, --diff ---------------------------------------------------------------------------
printf 'from alpine as Build\nENV A 1\nFROM alpine\nCOPY --from=0 /a /a\n' >"$tmp/fix.Dockerfile"
cp "$tmp/fix.Dockerfile" "$tmp/fix.orig"
check "--diff exits 1 when fixes exist" 1 -- "$bin" lint --diff "$tmp/fix.Dockerfile"
contains "--diff prints a diff" "+FROM alpine AS build" "$tmp/out"
cmp -s "$tmp/fix.Dockerfile" "$tmp/fix.orig" && ok || fail "--diff wrote the file"
check "--fix" 0 -- "$bin" lint --fix "$tmp/fix.Dockerfile"
cp "$tmp/fix.Dockerfile" "$tmp/fix.once"
check "second --fix" 0 -- "$bin" lint --fix "$tmp/fix.Dockerfile"
cmp -s "$tmp/fix.Dockerfile" "$tmp/fix.once" && ok || fail "second --fix changed the file"
check "--diff after --fix is empty" 0 -- "$bin" lint --diff "$tmp/fix.Dockerfile"

# --- rules ------------------------------------------------------------------------------------
check "rules list" 0 -- "$bin" rules
[[ $(grep -cE '^(MSM|DL)' "$tmp/out") -eq $(ls "$root"/rules/*.yaml | wc -l) ]] && ok || fail "rules list incomplete"
check "rules by alias" 0 -- "$bin" rules StageNameCasing
contains "rules docs" "## Why is this bad?" "$tmp/out"
check "rules json" 0 -- "$bin" rules --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert all(r["docs"] for r in d)' "$tmp/out" && ok || fail "rules json"
check "rules md" 0 -- "$bin" rules MSM3002 --format md
contains "rules md heading" "# MSM3002 stage-referenced-by-index" "$tmp/out"
check "rules unknown" 2 -- "$bin" rules NoSuchRule

finish "lint_cli"
