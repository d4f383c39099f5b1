#!/usr/bin/env bash
# docs/rules/ is generated from rules/*.yaml (scripts/generate-rule-docs.sh): the committed pages
# must be what the binary's rule table gives now, and the README's rule count must be its count.
source "$(dirname "$0")/lib/common.sh"

bash "$root/scripts/generate-rule-docs.sh" "$bin" "$tmp/docs" > "$tmp/gen.log" 2>&1 || fail "generator: $(tail -3 "$tmp/gen.log")"
if diff -r "$root/docs/rules" "$tmp/docs" > "$tmp/diff"; then
  ok
else
  fail "docs/rules is stale (run scripts/generate-rule-docs.sh): $(head -20 "$tmp/diff")"
fi
# One page per rule, every page with the sections the rule files must have.
count=$("$bin" rules --format json | grep -cE '^    "code": "(MSM|DL)[0-9]+",$')
pages=$(find "$tmp/docs" -name '[DM]*.md' | wc -l)
check "one page per rule ($pages pages, $count rules)" test "$pages" -eq "$count"
check "pages have the sections" test "$(grep -l '^### Why is this bad?' "$tmp/docs"/[DM]*.md | wc -l)" -eq "$count"
# The README's counts come from the same table.
contains "README lint summary counts $count rules" "**lint** — $count rules:" "$root/README.md"
contains "README rules section counts $count rules" "**Rules.** $count rules" "$root/README.md"
finish
