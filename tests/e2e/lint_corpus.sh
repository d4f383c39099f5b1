#!/usr/bin/env bash
# `msmigrate lint` over the shared corpus (928 real Dockerfiles): no crash, no parse-error
# diagnostics; `--fix --unsafe-fixes` over a copy converges, adds no parse error, and a second
# run changes nothing. Skipped (77) when ../shared/corpus is absent.
set -uo pipefail
bin=$1
root=$2
corpus=$root/../shared/corpus/dockerfiles
[[ -d $corpus ]] || { echo "SKIP: no corpus at $corpus"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" lint --format json --no-fail "$corpus"/* >"$tmp/before.json" 2>"$tmp/stderr"
code=$?
[[ $code -eq 0 ]] || fail "lint exited $code: $(head -5 "$tmp/stderr")"
[[ ! -s $tmp/stderr ]] || fail "stderr not empty: $(head -5 "$tmp/stderr")"
files=$(ls "$corpus" | wc -l)
python3 - "$tmp/before.json" <<'PY' || exit 1
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == 1
bad = [x for x in d["diagnostics"] if x["code"] == "MSM1001"]
if bad:
    print("FAIL: parse-error diagnostics:", bad[:5]); sys.exit(1)
print(f"corpus: {len(d['diagnostics'])} diagnostics, none a parse error")
PY

cp -r "$corpus" "$tmp/copy"
chmod -R u+w "$tmp/copy"  # the shared corpus is read-only, and --fix refuses read-only files
"$bin" lint --fix --unsafe-fixes --no-fail --format json "$tmp/copy"/* >"$tmp/after.json" 2>"$tmp/fix.err" ||
  fail "--fix exited $?: $(head -5 "$tmp/fix.err")"
grep -q "would not parse" "$tmp/fix.err" && fail "a fix was refused: $(grep 'would not parse' "$tmp/fix.err" | head -3)"
changed=$(diff -rq "$corpus" "$tmp/copy" | wc -l)
[[ $changed -gt 0 ]] || fail "--fix changed no file"
python3 - "$tmp/after.json" <<'PY' || exit 1
import json, sys
d = json.load(open(sys.argv[1]))
bad = [x for x in d["diagnostics"] if x["code"] == "MSM1001"]
fixable = [x for x in d["diagnostics"] if x["fix"] and x["fix"]["applicability"] != "display-only"]
if bad: print("FAIL: fixes added parse errors:", bad[:5]); sys.exit(1)
if fixable: print("FAIL: fixable diagnostics remain after --fix:", fixable[:5]); sys.exit(1)
PY
cp -r "$tmp/copy" "$tmp/copy2"
"$bin" lint --fix --unsafe-fixes --no-fail "$tmp/copy2"/* >/dev/null 2>&1
diff -rq "$tmp/copy" "$tmp/copy2" >/dev/null || fail "second --fix changed files: $(diff -rq "$tmp/copy" "$tmp/copy2" | head -3)"
echo "ok: $files files linted; --fix changed $changed files and is idempotent"
