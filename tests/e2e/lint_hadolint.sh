#!/usr/bin/env bash
# A team switching from hadolint: its .hadolint.yaml (trustedRegistries, label-schema,
# strict-labels, override enabling an opt-in rule), its `# hadolint ignore=` comments, DL codes
# on --ignore/--enable and `msmigrate rules`.
source "$(dirname "$0")/lib/common.sh"

run() { "$bin" "$@" >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/code"; }
code() { cat "$tmp/code"; }
has() { if grep -qF -- "$1" "$tmp/out"; then ok; else fail "$2: '$1' not in output: $(head -5 "$tmp/out")"; fi; }
hasnt() { if grep -qF -- "$1" "$tmp/out"; then fail "$2: '$1' unexpectedly in output"; else ok; fi; }

mkdir -p "$tmp/team"
cat >"$tmp/team/.hadolint.yaml" <<'YAML'
ignored: [DL3059]
override:
  info: [DL3057]
trustedRegistries: [docker.io, "*.corp.example"]
label-schema:
  maintainer: email
  org.opencontainers.image.version: semver
strict-labels: true
YAML
cat >"$tmp/team/Dockerfile" <<'DOCKERFILE'
FROM ghcr.io/org/builder:latest AS build
RUN make
RUN make install
# hadolint ignore=DL3006
FROM registry.corp.example/base
LABEL maintainer="The Team" org.opencontainers.image.version=v1 extra=1
COPY --from=build /out/app /usr/local/bin/app
USER app
DOCKERFILE
run lint --format concise "$tmp/team/Dockerfile"
[[ $(code) -eq 1 ]] && ok || fail "findings exit 1, got $(code)"
has "DL3026" "untrusted registry from .hadolint.yaml"
has "DL3007" "latest tag"
has "DL3058" "email label"
has "DL3056" "semver label"
has "DL3050" "strict labels"
has "DL3057" "opt-in rule enabled by override"
has "info DL3057" "override severity"
has "DL3066" "named user"
hasnt "DL3006" "hadolint ignore comment"
hasnt "DL3059" "ignored by config"
hasnt "MSM9001" "the hadolint comment is used"
hasnt "registry.corp.example/base\` comes from" "wildcard trusted registry"

# Without configuration the opt-in rule is off; --enable turns it on; --ignore takes DL aliases.
printf 'FROM alpine:3.19\nCMD a\nCMD b\n' >"$tmp/plain.Dockerfile"
run lint --format concise "$tmp/plain.Dockerfile"
hasnt "DL3057" "opt-in off by default"
has "MSM1016" "several CMD"
run lint --format concise --enable DL3057 --ignore DL4003 "$tmp/plain.Dockerfile"
has "DL3057" "--enable"
hasnt "MSM1016" "--ignore DL4003 ignores the shared rule"
run lint --enable NOPE "$tmp/plain.Dockerfile"
[[ $(code) -eq 2 ]] && ok || fail "--enable of an unknown rule exits 2, got $(code)"

# `msmigrate rules` finds shared rules by their DL code and marks opt-in rules.
run rules DL3024
has "MSM1009 duplicate-stage-name" "rules DL3024"
run rules DL3057
has "opt-in" "rules DL3057"
run rules --format json
python3 - "$tmp/out" <<'PY' && ok || fail "rules json lists every DL code once"
import json, sys
rules = json.load(open(sys.argv[1]))
ids = [r["code"] for r in rules] + [a for r in rules for a in r["aliases"]]
dl = [i for i in ids if i.startswith("DL")]
assert len(dl) == len(set(dl)), dl
for code in ["DL1001", "DL3000", "DL3002", "DL3006", "DL3007", "DL3011", "DL3012", "DL3020", "DL3021", "DL3022",
             "DL3023", "DL3024", "DL3025", "DL3026", "DL3029", "DL3043", "DL3044", "DL3045", "DL3048", "DL3049",
             "DL3050", "DL3051", "DL3052", "DL3053", "DL3054", "DL3055", "DL3056", "DL3057", "DL3058", "DL3059",
             "DL3061", "DL3063", "DL3064", "DL3065", "DL3066", "DL3067", "DL4000", "DL4003", "DL4004"]:
    assert code in ids, code
assert [r["opt_in"] for r in rules if r["code"] in ("DL1001", "DL3057")] == [True, True]
PY

# Fixes: DL3021's slash is safe; DL3059's merge needs --unsafe-fixes.
printf 'FROM alpine:3.19\nCOPY a b /app\nRUN a\nRUN b\n' >"$tmp/fix.Dockerfile"
run lint --fix "$tmp/fix.Dockerfile"
grep -qF 'COPY a b /app/' "$tmp/fix.Dockerfile" && ok || fail "DL3021 fix applied"
grep -qF 'RUN a && ' "$tmp/fix.Dockerfile" && fail "DL3059 merge applied without --unsafe-fixes" || ok
run lint --unsafe-fixes "$tmp/fix.Dockerfile"
grep -qF 'RUN a && ' "$tmp/fix.Dockerfile" && ok || fail "DL3059 merge with --unsafe-fixes"
cp "$tmp/fix.Dockerfile" "$tmp/fix.before"
run lint --unsafe-fixes "$tmp/fix.Dockerfile"
cmp -s "$tmp/fix.before" "$tmp/fix.Dockerfile" && ok || fail "a second --unsafe-fixes changes nothing"

finish
