#!/usr/bin/env bash
# The pre-commit hooks in .pre-commit-hooks.yaml, run by the real `pre-commit` (Debian package):
# a repository with a bad Dockerfile is rejected, a good one passes, msmigrate-fix repairs.
# Skipped (77) when pre-commit or git is not installed.
set -uo pipefail
bin=$1
root=$2
command -v pre-commit >/dev/null && command -v git >/dev/null || { echo "SKIP: pre-commit/git missing"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export PRE_COMMIT_HOME=$tmp/cache HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1
mkdir -p "$tmp/bin" "$HOME"
ln -s "$(realpath "$bin")" "$tmp/bin/msmigrate"
export PATH=$tmp/bin:$PATH
git config --global user.email test@example.com
git config --global user.name test
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# The hooks repository: our .pre-commit-hooks.yaml, committed (pre-commit clones a revision).
mkdir "$tmp/hooks" && cp "$root/.pre-commit-hooks.yaml" "$tmp/hooks/"
(cd "$tmp/hooks" && git init -q && git add . && git commit -qm hooks) || fail "hooks repo"
rev=$(git -C "$tmp/hooks" rev-parse HEAD)

mkdir "$tmp/project" && cd "$tmp/project" && git init -q || fail "project repo"
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $tmp/hooks
    rev: $rev
    hooks:
      - id: msmigrate-lint
YAML
printf 'FROM alpine:3.20\nMAINTAINER me\n' >Dockerfile
printf 'not a dockerfile, never linted\n' >README
git add . >/dev/null
pre-commit run --all-files >"$tmp/out" 2>&1 && fail "a bad Dockerfile passed: $(cat "$tmp/out")"
grep -q "MSM1012" "$tmp/out" || fail "hook output lacks the finding: $(cat "$tmp/out")"
printf 'FROM alpine:3.20\nCMD ["true"]\n' >Dockerfile
git add . >/dev/null
pre-commit run --all-files >"$tmp/out" 2>&1 || fail "a good Dockerfile was rejected: $(cat "$tmp/out")"
grep -q "msmigrate lint.*Passed" "$tmp/out" || fail "hook did not run: $(cat "$tmp/out")"

# msmigrate-fix: the first run fixes (and fails, files changed), the second passes.
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $tmp/hooks
    rev: $rev
    hooks:
      - id: msmigrate-fix
YAML
printf 'FROM alpine:3.20 as base\nCMD ["true"]\n' >api.Dockerfile
git add . >/dev/null
pre-commit run --all-files >"$tmp/out" 2>&1 && fail "msmigrate-fix did not report the change"
grep -q "FROM alpine:3.20 AS base" api.Dockerfile || fail "msmigrate-fix did not fix: $(cat api.Dockerfile)"
git add . >/dev/null
pre-commit run --all-files >"$tmp/out" 2>&1 || fail "second msmigrate-fix run failed: $(cat "$tmp/out")"
echo "ok: pre-commit hooks msmigrate-lint and msmigrate-fix"
