#!/usr/bin/env bash
# `lint --format sarif` checked by Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool):
# no error and no warning. Skipped (77) when the package is not installed (`npm ci`).
set -uo pipefail
bin=$1
root=$2
tool=$root/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
[[ -f $tool ]] || { echo "SKIP: $tool missing (run npm ci --ignore-scripts)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# npm ci --ignore-scripts leaves the self-contained binary without its execute bit.
if [[ ! -x $tool ]]; then cp "$tool" "$tmp/multitool" && chmod +x "$tmp/multitool"; tool=$tmp/multitool; fi
fail() { echo "FAIL: $*"; exit 1; }

# problems prints the errors and warnings the validator found in a SARIF file. The validator
# says nothing at all about a log it cannot deserialize, so its notes must show it read the file.
problems() {
  rm -f "$tmp/validation.sarif"
  DOTNET_CLI_TELEMETRY_OPTOUT=1 "$tool" validate "$1" -o "$tmp/validation.sarif" \
    --level "Error;Warning;Note" >"$tmp/tool.log" 2>&1 || { cat "$tmp/tool.log"; return 2; }
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
results = d["runs"][0].get("results", [])
if not results:
    print("validator produced no result at all: it did not read the log"); sys.exit(0)
for r in results:
    if r.get("level", "warning") in ("error", "warning"):
        print(r.get("level", "warning"), r["ruleId"], r["message"].get("arguments"))
' "$tmp/validation.sarif"
}

cd "$root/fixtures/lint/render" || fail "fixture missing"
"$bin" lint --format sarif Dockerfile >"$tmp/out.sarif"
[[ $? -eq 1 ]] || fail "lint should exit 1 on the fixture"
found=$(problems "$tmp/out.sarif") || fail "validator did not run: $found"
[[ -z $found ]] || fail "validator reports: $found"

# A clean run (no results) and stdin are valid too.
printf 'FROM alpine:3.20\nCMD ["true"]\n' | "$bin" lint --format sarif --stdin-filename sub/Dockerfile - >"$tmp/clean.sarif"
found=$(problems "$tmp/clean.sarif") || fail "validator did not run"
[[ -z $found ]] || fail "validator reports on a clean run: $found"

# Related locations (a duplicate stage name points at the first definition) are valid too.
printf 'FROM alpine:3.20 AS app\nFROM alpine:3.20 AS app\n' | "$bin" lint --format sarif --stdin-filename Dockerfile - >"$tmp/related.sarif"
grep -q '"relatedLocations"' "$tmp/related.sarif" || fail "no relatedLocations for a duplicate stage name"
found=$(problems "$tmp/related.sarif") || fail "validator did not run"
[[ -z $found ]] || fail "validator reports on related locations: $found"

# Negative control: the validator does catch a broken log, so the checks above can fail.
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
json.dump(d, open(sys.argv[2], "w"))' "$tmp/out.sarif" "$tmp/broken.sarif"
found=$(problems "$tmp/broken.sarif")
[[ -n $found ]] || fail "validator accepted a broken SARIF log"
echo "ok: SARIF validated by sarif-multitool, no error or warning"
