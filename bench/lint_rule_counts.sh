#!/usr/bin/env bash
# Per-rule hit counts of `msmigrate lint` over the shared corpus (928 real Dockerfiles), to compare
# the rules' reach before and after a change: `bench/lint_rule_counts.sh [BUILD_DIR] > counts.tsv`,
# then `bench/lint_rule_counts.sh --diff before.tsv after.tsv`. The opt-in rules are enabled
# too, so each rule's reach shows; nothing is written into the project.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ ${1:-} == --diff ]]; then
  join -a1 -a2 -e0 -o0,1.2,2.2 -t$'\t' <(sort "$2") <(sort "$3") |
    awk -F'\t' 'BEGIN { printf "%-8s %7s %7s %7s\n", "rule", "before", "after", "change" }
                { d = $3 - $2; printf "%-8s %7d %7d %+7d%s\n", $1, $2, $3, d, (d ? "  *" : "") }'
  exit 0
fi
build=${1:-$root/build}
corpus=$root/../shared/corpus/dockerfiles
[[ -x $build/msmigrate ]] || { echo "build first: $build/msmigrate" >&2; exit 2; }
[[ -d $corpus ]] || { echo "no corpus at $corpus" >&2; exit 2; }
"$build/msmigrate" lint --enable DL1001,DL3057 --format json --no-fail "$corpus"/* |
  python3 -c '
import collections, json, sys
counts = collections.Counter(d["code"] for d in json.load(sys.stdin)["diagnostics"])
for code in sorted(counts): print(f"{code}\t{counts[code]}")'
