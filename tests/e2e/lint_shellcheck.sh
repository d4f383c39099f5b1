#!/usr/bin/env bash
# ShellCheck inside `msmigrate lint`: SC findings positioned in the Dockerfile, SC codes in the
# rule list, SARIF and configuration, the persistent cache, and a missing shellcheck.
source "$(dirname "$0")/lib/common.sh"
command -v shellcheck >/dev/null || { echo "shellcheck not installed: skipped"; exit 77; }
export MSMIGRATE_SHELLCHECK=shellcheck
export XDG_CACHE_HOME=$tmp/cache
cd "$tmp"

printf 'FROM debian:12\nARG version\nRUN echo "$version" && \\\n    cd /tmp && echo $home_dir\n' >Dockerfile
"$bin" lint --format concise Dockerfile >out.txt 2>err.txt
status=$?
[[ $status -eq 1 ]] && ok || fail "findings exit 1, got $status"
contains "SC2086 at the continued line's word" "Dockerfile:4:21: info SC2086 Double quote to prevent globbing and word splitting." out.txt
contains "SC2154 for an undeclared name" "Dockerfile:4:21: warning SC2154 home_dir is referenced but not assigned." out.txt
if grep -q "version is referenced" out.txt; then fail "an ARG name is declared to ShellCheck"; else ok; fi
[[ -d $tmp/cache/msmigrate/shellcheck ]] && ok || fail "no cache under XDG_CACHE_HOME"

# Warm: the same findings, no new cache entry.
entries=$(find "$tmp/cache" -type f | wc -l)
"$bin" lint --format concise Dockerfile >warm.txt 2>&1
cmp -s out.txt warm.txt && ok || fail "warm run differs: $(diff out.txt warm.txt | head -5)"
[[ $(find "$tmp/cache" -type f | wc -l) -eq $entries ]] && ok || fail "a warm run wrote to the cache"

# Configuration and suppressions under ShellCheck's codes, hadolint's way.
printf 'ignored: [SC2154]\n' >.hadolint.yaml
"$bin" lint --format concise Dockerfile >cfg.txt 2>&1
if grep -q SC2154 cfg.txt; then fail ".hadolint.yaml ignored: [SC2154]"; else ok; fi
rm .hadolint.yaml
printf 'FROM debian:12\n# hadolint ignore=SC2086,SC2154\nRUN echo $x\n# hadolint ignore=SC2046\nRUN echo hi\n' >Dockerfile.sup
"$bin" lint --format concise Dockerfile.sup >sup.txt 2>&1
if grep -q "SC2086\|SC2154" sup.txt; then fail "# hadolint ignore=SC... suppresses"; else ok; fi
contains "an unused SC suppression" "Dockerfile.sup:4:1: info MSM9001 Unused suppression: \`SC2046\`" sup.txt
"$bin" lint --format concise --ignore SC2086 Dockerfile >ign.txt 2>&1
if grep -q SC2086 ign.txt; then fail "--ignore SC2086"; else ok; fi

# Rules list and docs.
"$bin" rules >rules.txt
contains "SC codes in the rule list" "SC2086" rules.txt
"$bin" rules SC2086 >rule.txt
contains "SC docs link" "https://www.shellcheck.net/wiki/SC2086" rule.txt

# SARIF: the SC rule with its help URI, the result pointing at it.
"$bin" lint --format sarif Dockerfile >out.sarif
python3 - out.sarif <<'PY' && ok || fail "SARIF rules[] and results for SC codes"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
assert "SC2086" in ids, ids[-5:]
r = rules[ids.index("SC2086")]
assert r["helpUri"] == "https://www.shellcheck.net/wiki/SC2086", r
res = [x for x in run["results"] if x["ruleId"] == "SC2086"]
assert res and ids[res[0]["ruleIndex"]] == "SC2086"
assert res[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
PY

# Fixes: ShellCheck's edits are unsafe fixes.
printf 'FROM debian:12\nRUN echo $1\n' >Dockerfile.fix
"$bin" lint --fix Dockerfile.fix >/dev/null 2>&1
contains "no safe fix from ShellCheck" 'RUN echo $1' Dockerfile.fix
"$bin" lint --unsafe-fixes Dockerfile.fix >/dev/null 2>&1
contains "unsafe fix applied" 'RUN echo "$1"' Dockerfile.fix

# ShellCheck missing: a note once, the other rules run, the exit code is theirs.
printf 'FROM debian:12\nRUN echo $1 $2\n' >Dockerfile.a
cp Dockerfile.a Dockerfile.b
MSMIGRATE_SHELLCHECK=/nonexistent/shellcheck "$bin" lint --format concise Dockerfile.a Dockerfile.b >miss.txt 2>misserr.txt
status=$?
[[ $status -eq 0 ]] && ok || fail "missing shellcheck: exit 0 when only SC rules would find something, got $status"
[[ $(grep -c "shellcheck\` was not found" misserr.txt) -eq 1 ]] && ok || fail "one note: $(cat misserr.txt)"
if grep -q SC2086 miss.txt; then fail "no SC finding without shellcheck"; else ok; fi
printf 'FROM debian:12\nRUN sudo echo $1\n' >Dockerfile.c
MSMIGRATE_SHELLCHECK=/nonexistent/shellcheck "$bin" lint --format concise Dockerfile.c >miss2.txt 2>&1
contains "other rules still run" "DL3004" miss2.txt

finish
