#!/usr/bin/env bash
# `msmigrate fmt` over every file of the shared corpus (928 real Dockerfiles): BuildKit's parse of
# each formatted file equals the original's (tests/e2e/lib/buildkit_same.py), a second fmt changes
# nothing, and the counts of changed and refused files are printed. No file may be refused: they
# all parse cleanly in BuildKit. Skipped (77) when ../shared/corpus is absent.
source "$(dirname "$0")/lib/common.sh"
corpus=$root/../shared/corpus/dockerfiles
[[ -d $corpus ]] || { echo "SKIP: no corpus at $corpus"; exit 77; }
same=$root/tests/e2e/lib/buildkit_same.py

cp -r "$corpus" "$tmp/copy"
chmod -R u+w "$tmp/copy"  # the shared corpus is read-only, and fmt refuses read-only files
"$bin" fmt "$tmp/copy"/* >"$tmp/out" 2>"$tmp/err"
code=$?
refused=$(grep -c "cannot format" "$tmp/err")
[[ $code -eq 0 && $refused -eq 0 ]] || fail "fmt exited $code, refused $refused files: $(grep -m5 error "$tmp/err")"
changed=$(diff -rq "$corpus" "$tmp/copy" | wc -l)
[[ $changed -gt 0 ]] || fail "fmt changed no file"

# BuildKit's parse of every changed file, before and after, compared in one python process.
mkdir -p "$tmp/json"
pairs=()
while read -r name; do
  "$bin" parse --format buildkit-json "$corpus/$name" >"$tmp/json/$name.before" 2>/dev/null
  "$bin" parse --format buildkit-json "$tmp/copy/$name" >"$tmp/json/$name.after" 2>/dev/null
  pairs+=("$tmp/json/$name.before" "$tmp/json/$name.after")
done < <(diff -rq "$corpus" "$tmp/copy" | sed -n 's|^Files .*/dockerfiles/\(.*\) and .* differ$|\1|p')
[[ ${#pairs[@]} -eq $((2 * changed)) ]] || fail "could not list the changed files"
python3 "$same" "${pairs[@]}" >"$tmp/why" && ok || fail "BuildKit's parse changed: $(head -20 "$tmp/why")"

"$bin" fmt --check "$tmp/copy"/* >"$tmp/again" 2>&1 || fail "a second fmt would change: $(head -5 "$tmp/again")"
[[ $failed -eq 0 ]] && ok
files=$(ls "$corpus" | wc -l)
echo "fmt corpus: $files files, $changed changed, $refused refused; BuildKit's parse unchanged; second run changes nothing"
finish "fmt corpus"
