#!/usr/bin/env bash
# `msmigrate convert` on every fixtures/convert/<case>: the converted Dockerfile (expected.Dockerfile)
# and the JSON report (report.json) must match their snapshots, and the exit code the report's
# status. UPDATE_SNAPSHOTS=1 rewrites the snapshots (review them with git diff).
source "$(dirname "$0")/lib/common.sh"

for dir in "$root"/fixtures/convert/*/; do
  name=$(basename "$dir")
  args=()
  [[ -f $dir/args ]] && read -r -a args <"$dir/args"
  "$bin" convert "$dir/input" "${args[@]}" --format json >"$tmp/report.json" 2>"$tmp/json.err"
  json_code=$?
  "$bin" convert "$dir/input" "${args[@]}" >"$tmp/out.Dockerfile" 2>"$tmp/text.err"
  text_code=$?
  status=$(sed -n 's/^  "status": "\([a-z-]*\)",$/\1/p' "$tmp/report.json"); [[ -n $status ]] || status=broken
  if [[ ${UPDATE_SNAPSHOTS:-} == 1 ]]; then
    cp "$tmp/report.json" "$dir/report.json"
    if [[ $status == converted ]]; then cp "$tmp/out.Dockerfile" "$dir/expected.Dockerfile"; else rm -f "$dir/expected.Dockerfile"; fi
  fi
  want_code=1
  [[ $status == converted ]] && want_code=0
  if [[ $status == broken ]]; then fail "$name: no JSON report (exit $json_code): $(cat "$tmp/json.err")"; continue; fi
  if [[ $json_code -ne $want_code || $text_code -ne $want_code ]]; then
    fail "$name: exit $json_code (json) / $text_code (text), wanted $want_code for status $status: $(cat "$tmp/text.err")"
    continue
  fi
  if ! diff -u "$dir/report.json" "$tmp/report.json" >"$tmp/diff"; then
    fail "$name: report differs from report.json"; head -40 "$tmp/diff"; continue
  fi
  if [[ $status == converted ]]; then
    if ! diff -u "$dir/expected.Dockerfile" "$tmp/out.Dockerfile" >"$tmp/diff"; then
      fail "$name: output differs from expected.Dockerfile"; head -40 "$tmp/diff"; continue
    fi
    grep -q 'build it with: docker build' "$tmp/text.err" || { fail "$name: no replacement command on stderr"; continue; }
  else
    [[ -s $tmp/out.Dockerfile ]] && { fail "$name: a refused conversion printed a Dockerfile"; continue; }
    grep -q 'refused\[' "$tmp/text.err" || { fail "$name: no refusal reason on stderr"; continue; }
    grep -Eq ':[0-9]+: refused\[' "$tmp/text.err" || { fail "$name: the refusal does not point at a line"; continue; }
  fi
  passed=$((passed + 1))
done

echo "convert snapshots: $passed passed, $failed failed"
[[ $passed -ge 20 ]] || { echo "FAIL: expected at least 20 fixtures"; exit 1; }
[[ $failed -eq 0 ]]
