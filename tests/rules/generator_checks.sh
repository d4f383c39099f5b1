#!/usr/bin/env bash
# The rule table generator refuses rule files and check files that disagree, naming the file:
# a bad value, a `check:` defined nowhere, a check no rule names, a file named unlike its rule.
#   generator_checks.sh GENERATOR
set -euo pipefail
gen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# setup: one good rule file and its check file.
reset() {
  rm -rf "$tmp/rules" "$tmp/checks" "$tmp/out"
  mkdir -p "$tmp/rules" "$tmp/checks" "$tmp/out"
  printf 'code: MSM0001\nname: some-rule\ncheck: some_rule\naliases: [SomeRule]\nseverity: info\nscope: all-stages\nfix: none\nmessage: "Some \\"thing\\""\n' \
    > "$tmp/rules/MSM0001-some-rule.yaml"
  printf 'namespace x {\nvoid some_rule(Context &ctx) {\n}\nvoid helper(Context &ctx, int n) {}\n}\n' > "$tmp/checks/some_rule.cpp"
}
run() { "$gen" "$tmp/rules" "$tmp/checks" "$tmp/out/table.cpp" "$tmp/out/decl.h" 2> "$tmp/err"; }
expect_ok() {
  if ! run; then echo "FAIL: $1: $(cat "$tmp/err")"; fails=$((fails + 1)); fi
}
expect_error() {  # what, expected text in the error
  if run; then echo "FAIL: $1: accepted"; fails=$((fails + 1)); return; fi
  if ! grep -qF -- "$2" "$tmp/err"; then echo "FAIL: $1: error was: $(cat "$tmp/err")"; fails=$((fails + 1)); fi
}

reset
expect_ok "a good rule"
grep -qF 'void some_rule(Context &ctx);  // MSM0001' "$tmp/out/decl.h" || { echo "FAIL: declaration missing"; fails=$((fails + 1)); }
grep -qF '"Some \"thing\""' "$tmp/out/table.cpp" || { echo "FAIL: message not escaped"; fails=$((fails + 1)); }
grep -qF 'k_aliases_MSM0001[] = {"SomeRule"}' "$tmp/out/table.cpp" || { echo "FAIL: aliases missing"; fails=$((fails + 1)); }

reset
sed -i 's/^severity: info/severity: fatal/' "$tmp/rules/MSM0001-some-rule.yaml"
expect_error "a bad severity" "rules/MSM0001-some-rule.yaml: severity must be one of error, warning, info, style, not \`fatal\`"

reset
sed -i 's/^check: some_rule/check: other_rule/' "$tmp/rules/MSM0001-some-rule.yaml"
expect_error "a check defined nowhere" "rules/MSM0001-some-rule.yaml: check \`other_rule\` is not defined"

reset
printf 'void orphan(Context &ctx) {}\n' > "$tmp/checks/orphan.cpp"
expect_error "a check no rule names" "src/lint/checks/orphan.cpp: check \`orphan\` is named by no rules/*.yaml"

reset
mv "$tmp/rules/MSM0001-some-rule.yaml" "$tmp/rules/MSM0001-other.yaml"
expect_error "a file named unlike its rule" "rules/MSM0001-other.yaml: the file must be named MSM0001-some-rule.yaml"

reset
sed -i '/^check:/d' "$tmp/rules/MSM0001-some-rule.yaml"
expect_error "no check key" "rules/MSM0001-some-rule.yaml: check must name the check function"

reset
sed 's/some-rule/twin-rule/; s/some_rule/twin_rule/' "$tmp/rules/MSM0001-some-rule.yaml" > "$tmp/rules/MSM0001-twin-rule.yaml"
printf 'void twin_rule(Context &ctx) {}\n' > "$tmp/checks/twin_rule.cpp"
expect_error "a code used twice" "code MSM0001 is used twice"

[ "$fails" -eq 0 ] && echo "rule table generator: all cases pass"
exit $((fails > 0))
