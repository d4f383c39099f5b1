# Sourced by the e2e scripts (lib/ is outside CTest's tests/e2e/*.sh glob): the two arguments
# CTest passes (the msmigrate binary, the source directory), a scratch directory removed on exit,
# and pass/fail counting that ends with one "N passed, N failed" line.
set -uo pipefail
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() {
  echo "FAIL $*"
  failed=$((failed + 1))
}
# check NAME CONDITION-COMMAND...: passes when the command succeeds.
check() {
  local name=$1
  shift
  if "$@"; then ok; else fail "$name"; fi
}
# skip REASON: the test cannot run here (CTest's SKIP_RETURN_CODE).
skip() {
  echo "SKIP: $*"
  exit 77
}
# contains NAME TEXT FILE: passes when FILE contains TEXT literally.
contains() { if grep -qF -- "$2" "$3"; then ok; else fail "$1: '$2' not in $(basename "$3"): $(head -5 "$3")"; fi; }
# A misspelt helper or a missing tool must fail the test, not pass silently.
command_not_found_handle() {
  fail "command not found: $1"
  return 127
}
# finish [LABEL]: prints the summary and exits non-zero when anything failed.
finish() {
  echo "${1:-$(basename "$0" .sh)}: $passed passed, $failed failed"
  [[ $failed -eq 0 ]]
  exit $?
}
