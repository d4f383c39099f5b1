#!/usr/bin/env bash
# `msmigrate refactor <name> FILE` on every fixtures/refactor/<name>/<case>/input.Dockerfile: the
# result (expected.Dockerfile) and the explanations on stderr (expected.stderr) match their
# snapshots; --check agrees; a second run on the result changes nothing; --write writes it.
# UPDATE_SNAPSHOTS=1 rewrites the snapshots.
source "$(dirname "$0")/lib/common.sh"

for dir in "$root"/fixtures/refactor/*/*/; do
  refactor=$(basename "$(dirname "$dir")")
  name="$refactor/$(basename "$dir")"
  (cd "$dir" && "$bin" refactor "$refactor" input.Dockerfile >"$tmp/out" 2>"$tmp/err")
  code=$?
  if [[ ${UPDATE_SNAPSHOTS:-} == 1 ]]; then
    cp "$tmp/out" "$dir/expected.Dockerfile"
    cp "$tmp/err" "$dir/expected.stderr"
  fi
  [[ $code -eq 0 ]] || { fail "$name: exit $code: $(cat "$tmp/err")"; continue; }
  diff -u "$dir/expected.Dockerfile" "$tmp/out" >"$tmp/d" || { fail "$name: output differs"; head -30 "$tmp/d"; continue; }
  diff -u "$dir/expected.stderr" "$tmp/err" >"$tmp/d" || { fail "$name: explanations differ"; head -30 "$tmp/d"; continue; }
  changed=1
  cmp -s "$dir/input.Dockerfile" "$tmp/out" && changed=0
  (cd "$dir" && "$bin" refactor "$refactor" input.Dockerfile --check >/dev/null 2>&1)
  check=$?
  [[ $check -eq $changed ]] || { fail "$name: --check exit $check, wanted $changed"; continue; }
  # Idempotent: the refactored file needs no further change.
  cp "$tmp/out" "$tmp/again.Dockerfile"
  "$bin" refactor "$refactor" "$tmp/again.Dockerfile" --check >/dev/null 2>&1
  [[ $? -eq 0 ]] || { fail "$name: a second run would change the result again"; continue; }
  # --write rewrites in place, with the same bytes as stdout.
  cp "$dir/input.Dockerfile" "$tmp/w.Dockerfile"
  "$bin" refactor "$refactor" "$tmp/w.Dockerfile" --write >/dev/null 2>&1
  cmp -s "$tmp/w.Dockerfile" "$tmp/out" || { fail "$name: --write wrote something else"; continue; }
  passed=$((passed + 1))
done

# A refused move says why.
grep -q 'stays: `sh /tmp/setup-repo.sh' "$root/fixtures/refactor/reorder-copies/reads-copied-file/expected.stderr" || fail "reads-copied-file: no reason printed"
grep -q 'stays:' "$root/fixtures/refactor/reorder-copies/copy-all-feeds-build/expected.stderr" || fail "copy-all-feeds-build: no reason printed"
# Bad input: exit 2 and the file named.
"$bin" refactor name-stages "$tmp/missing.Dockerfile" >/dev/null 2>"$tmp/err"
[[ $? -eq 2 ]] && grep -q missing.Dockerfile "$tmp/err" || fail "missing file: wanted exit 2 naming the file"

echo "refactor snapshots: $passed passed, $failed failed"
[[ $passed -ge 5 && $failed -eq 0 ]]
