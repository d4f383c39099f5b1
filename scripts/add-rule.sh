#!/usr/bin/env bash
# Scaffolds a rule: rules/<CODE>-<name>.yaml (metadata, docs, examples), its check
# src/lint/checks/<name_with_underscores>.cpp (added to src/lint/CMakeLists.txt), and its cases
# file fixtures/lint/cases/<CODE>.cases. The build generates the rule table and the check's
# declaration from the YAML file; nothing else lists rules. Fill in the TODOs, then run
# scripts/generate-rule-docs.sh and update the README's rule count.
#   scripts/add-rule.sh CODE name        e.g. scripts/add-rule.sh MSM1026 copy-chmod-octal
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: scripts/add-rule.sh CODE name   (CODE: MSMnnnn or DLnnnn; name: kebab-case)" >&2
  exit 2
fi
code=$1 name=$2
[[ $code =~ ^(MSM[1-9][0-9]{3}|DL[0-9]{4})$ ]] || { echo "add-rule: bad code '$code' (MSMnnnn or DLnnnn)" >&2; exit 2; }
[[ $name =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] || { echo "add-rule: bad name '$name' (kebab-case)" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
check=${name//-/_}
yaml=$root/rules/$code-$name.yaml
cpp=$root/src/lint/checks/$check.cpp
cases=$root/fixtures/lint/cases/$code.cases
if compgen -G "$root/rules/$code-*.yaml" > /dev/null; then echo "add-rule: $code exists: $(ls "$root"/rules/"$code"-*.yaml)" >&2; exit 2; fi
for f in "$cpp" "$cases"; do [[ -e $f ]] && { echo "add-rule: $f exists" >&2; exit 2; }; done
if grep -q "^name: $name$" "$root"/rules/*.yaml; then echo "add-rule: the name $name is taken" >&2; exit 2; fi

cat > "$yaml" <<YAML
code: $code
name: $name
check: $check
aliases: []
severity: warning
scope: all-stages
fix: none
message: "TODO: one line saying what is wrong"
docs: |
  ## What it does
  TODO

  ## Why is this bad?
  TODO

  ## Example
  \`\`\`dockerfile
  TODO
  \`\`\`

  ## Use instead
  \`\`\`dockerfile
  TODO
  \`\`\`

  ## Fix safety
  There is no automatic fix.
examples:
  invalid:
    - "TODO\n"
  valid:
    - "FROM debian:12\n"
YAML

cat > "$cpp" <<CPP
// $code: TODO what it reports, and what it deliberately leaves alone.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void $check(Context &ctx) {
  for (const auto &ins : ctx.doc().instructions()) {
    (void)ins;  // TODO: ctx.report(range, "what is wrong, naming what was found");
  }
}

}  // namespace msm::lint::checks
CPP

cat > "$cases" <<CASES
#: $code $name: behaviour cases (format: tests/unit/test_lint_cases.cpp).
=== reports: TODO
FROM debian:12
=== silent: TODO
FROM debian:12
CASES

# The lint layer lists its sources explicitly: insert the check in order.
add_to_lint_sources() {
  local list=$root/src/lint/CMakeLists.txt line="          checks/$check.cpp"
  awk -v new="$line" '
    /^msm_layer\(lint/ { in_layer = 1 }
    in_layer && !done && /^          checks\/[a-z0-9_]+\.cpp/ && $0 > new { print new; done = 1 }
    in_layer && !done && /^  DEPENDS / { print new; done = 1 }
    { print }' "$list" > "$list.tmp" && mv "$list.tmp" "$list"
}
add_to_lint_sources
echo "created rules/$code-$name.yaml, src/lint/checks/$check.cpp, fixtures/lint/cases/$code.cases"
