#!/usr/bin/env bash
# Writes docs/rules/<CODE>.md for every rule from its YAML file, through the built binary's rule
# table (`msmigrate rules CODE --format md`), and docs/rules/README.md, the index. CI fails when
# the committed pages are stale (tests/e2e/rule_docs.sh); run this after editing a rules/*.yaml.
#   scripts/generate-rule-docs.sh [MSMIGRATE] [OUT_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/msmigrate}
out=${2:-$root/docs/rules}
mkdir -p "$out"
rm -f "$out"/*.md
codes=$("$bin" rules --format json | sed -n 's/^    "code": "\(\(MSM\|DL\)[0-9]*\)",$/\1/p')
{
  echo "# Rules"
  echo
  echo "Generated from rules/*.yaml by scripts/generate-rule-docs.sh. Do not edit."
  echo "ShellCheck's codes (\`msmigrate rules\` lists them) are documented by ShellCheck's wiki."
  echo
  echo "| Code | Name | Severity | Fix | Summary |"
  echo "|---|---|---|---|---|"
} > "$out/README.md"
for code in $codes; do
  "$bin" rules "$code" --format md > "$out/$code.md"
  line=$("$bin" rules --format text | awk -v c="$code" '$1 == c')
  name=$(awk '{print $2}' <<< "$line")
  severity=$(awk '{print $3}' <<< "$line")
  fix=$(awk '{print $4}' <<< "$line")
  summary=$(sed -n '/^- /d; 3,$p' "$out/$code.md" | sed -n '/./{p;q}')
  echo "| [$code]($code.md) | $name | $severity | $fix | $summary |" >> "$out/README.md"
done
