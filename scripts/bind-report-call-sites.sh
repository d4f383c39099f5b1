#!/usr/bin/env bash
# Rewrites the checks' report calls to the form bound to the running rule: the engine tells the
# context which rule runs, so a check no longer repeats its code.
#   ctx.report("DL3006", range, ...)          -> ctx.report(range, ...)
#   ctx.report(code, ...) / (rule.code, ...)  -> ctx.report(...)        (shared helpers)
#   report_unpinned(ctx, "DL3008", ...)        -> report_unpinned(ctx, ...)
#   check_typed_labels(ctx, "DL3052", ...)     -> check_typed_labels(ctx, ...)
#   {.code = "DL3014", .managers = ...}        -> {.managers = ...}
# and drops the helpers' now unused code parameters and fields. Idempotent: run it again after
# merging a branch that still writes the old form. Only src/lint/checks/ is touched (the
# ShellCheck integration reports many codes and names each rule explicitly).
#   scripts/bind-report-call-sites.sh [SOURCE_DIR]
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root/src/lint/checks"
sed -i -E \
  -e 's/ctx\.report\("(DL|MSM)[0-9]{4}", */ctx.report(/g' \
  -e 's/ctx\.report\((rule\.)?code, */ctx.report(/g' \
  -e 's/report_unpinned\(ctx, "(DL|MSM)[0-9]{4}", */report_unpinned(ctx, /g' \
  -e 's/check_typed_labels\(ctx, "(DL|MSM)[0-9]{4}", */check_typed_labels(ctx, /g' \
  -e 's/\{\.code = "(DL|MSM)[0-9]{4}", */{/g' \
  -e 's/(report_unpinned\(Context &ctx, )std::string_view code, /\1/' \
  -e 's/(check_typed_labels\(Context &ctx, )std::string_view code, /\1/' \
  -e '/^  std::string_view code\{\};$/d' \
  *.cpp *.h
# What is left names a code by hand: report it, so a new pattern gets a rule here.
if grep -nE 'report\([^)]*"(DL|MSM)[0-9]{4}"|\.code = "' *.cpp *.h; then
  echo "bind-report-call-sites: the calls above still name their rule's code; rewrite them by hand" >&2
  exit 1
fi
