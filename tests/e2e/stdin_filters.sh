#!/usr/bin/env bash
# The on-save contract for editors without a language server: the buffer comes on stdin, named by
# --stdin-filename (messages, configuration lookup); the result goes to stdout byte for byte.
#   msmigrate lint --fix --stdin-filename PATH -   stdout: the fixed buffer; stderr: only the
#       remaining diagnostics, concise (`PATH:line:col: severity CODE message`); exit as lint.
#   msmigrate fmt --stdin-filename PATH -          stdout: the formatted buffer; stderr: nothing;
#       exit 0; a buffer fmt refuses is echoed unchanged, the reason on stderr, exit 2.
source "$(dirname "$0")/lib/common.sh"
mkdir -p "$tmp/project/sub"
path=$tmp/project/sub/Dockerfile   # never created: only the name is used
concise_re="^$path:[0-9]+:[0-9]+: (error|warning|info|style) [A-Z]+[0-9]+ .+"

# only_concise FILE: every line of FILE is a concise diagnostic about $path.
only_concise() { ! grep -Evq "$concise_re" "$1"; }

# 1. Everything fixable: the fixed buffer, no diagnostics, exit 0.
printf 'FROM debian:12 as build\nRUN echo hi\nFROM build\n' >"$tmp/fixable"
"$bin" lint --fix --stdin-filename "$path" - <"$tmp/fixable" >"$tmp/out" 2>"$tmp/err"
code=$?
printf 'FROM debian:12 AS build\nRUN echo hi\nFROM build\n' >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" && ok || fail "lint --fix -: stdout is not the fixed buffer: $(cat -A "$tmp/out")"
[[ ! -s $tmp/err ]] && ok || fail "lint --fix -: stderr should be empty when nothing remains: $(cat "$tmp/err")"
[[ $code -eq 0 ]] && ok || fail "lint --fix -: exit $code with nothing remaining, wanted 0"

# 2. A finding without a fix remains: the fixed buffer on stdout, the finding on stderr, exit 1.
printf 'FROM debian:12 as build\nWORKDIR app\nFROM build\n' >"$tmp/mixed"
"$bin" lint --fix --stdin-filename "$path" - <"$tmp/mixed" >"$tmp/out" 2>"$tmp/err"
code=$?
printf 'FROM debian:12 AS build\nWORKDIR app\nFROM build\n' >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" && ok || fail "lint --fix - (mixed): stdout: $(cat -A "$tmp/out")"
[[ -s $tmp/err ]] && only_concise "$tmp/err" && ok || fail "lint --fix - (mixed): stderr is not concise diagnostics: $(cat "$tmp/err")"
grep -q "^$path:2:" "$tmp/err" && ok || fail "lint --fix - (mixed): the WORKDIR finding is missing: $(cat "$tmp/err")"
[[ $code -eq 1 ]] && ok || fail "lint --fix - (mixed): exit $code, wanted 1"
# The same with the name alone (no `-`), and --no-fail.
"$bin" lint --fix --no-fail --stdin-filename "$path" <"$tmp/mixed" >"$tmp/out2" 2>/dev/null
code=$?
cmp -s "$tmp/out" "$tmp/out2" && [[ $code -eq 0 ]] && ok || fail "lint --fix --stdin-filename without -: exit $code"

# 3. The configuration is found from the named file's directory upward.
printf 'ignored: [workdir-relative-path]\n' >"$tmp/project/.msmigrate.yaml"
"$bin" lint --fix --stdin-filename "$path" - <"$tmp/mixed" >"$tmp/out" 2>"$tmp/err"
code=$?
[[ $code -eq 0 && ! -s $tmp/err ]] && ok || fail "config beside the named file not used: exit $code, $(cat "$tmp/err")"
rm "$tmp/project/.msmigrate.yaml"

# 4. A buffer BuildKit cannot parse: echoed unchanged, the problem reported, exit 1 (a finding).
printf 'FROM a\nRUN <<EOF\necho\n' >"$tmp/broken"
"$bin" lint --fix --stdin-filename "$path" - <"$tmp/broken" >"$tmp/out" 2>"$tmp/err"
code=$?
cmp -s "$tmp/out" "$tmp/broken" && only_concise "$tmp/err" && [[ $code -eq 1 ]] && ok ||
  fail "lint --fix - (parse error): exit $code, stdout $(cat -A "$tmp/out"), stderr $(cat "$tmp/err")"

# 5. Binary data: nothing on stdout, an error naming the file, exit 2.
printf 'FROM a\0\n' >"$tmp/binary"
"$bin" lint --fix --stdin-filename "$path" - <"$tmp/binary" >"$tmp/out" 2>"$tmp/err"
code=$?
[[ $code -eq 2 && ! -s $tmp/out ]] && grep -q "$path" "$tmp/err" && ok || fail "lint --fix - (binary): exit $code, $(cat "$tmp/err")"

# 6. fmt -: the formatted buffer, silent stderr, exit 0; unchanged buffers pass through.
printf 'from debian:12   as build\nrun echo hi  \n' >"$tmp/sloppy"
"$bin" fmt --stdin-filename "$path" - <"$tmp/sloppy" >"$tmp/out" 2>"$tmp/err"
code=$?
printf 'FROM debian:12 AS build\nRUN echo hi\n' >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" && [[ $code -eq 0 && ! -s $tmp/err ]] && ok ||
  fail "fmt -: exit $code, stdout $(cat -A "$tmp/out"), stderr $(cat "$tmp/err")"
"$bin" fmt --stdin-filename "$path" <"$tmp/want" >"$tmp/out" 2>"$tmp/err"
code=$?
cmp -s "$tmp/out" "$tmp/want" && [[ $code -eq 0 && ! -s $tmp/err ]] && ok || fail "fmt (name alone, formatted input): exit $code"
# --check on stdin: exit 1 when the buffer would change, nothing but the name on stdout.
"$bin" fmt --check --stdin-filename "$path" - <"$tmp/sloppy" >"$tmp/out" 2>&1
code=$?
[[ $code -eq 1 ]] && grep -q "would reformat $path" "$tmp/out" && ok || fail "fmt --check -: exit $code"

# 7. fmt - refuses a buffer whose instructions it cannot delimit: echoed unchanged, exit 2.
"$bin" fmt --stdin-filename "$path" - <"$tmp/broken" >"$tmp/out" 2>"$tmp/err"
code=$?
cmp -s "$tmp/out" "$tmp/broken" && [[ $code -eq 2 ]] && grep -q "$path:2:1: cannot format: unterminated heredoc" "$tmp/err" && ok ||
  fail "fmt - (refused): exit $code, stdout $(cat -A "$tmp/out"), stderr $(cat "$tmp/err")"

"$bin" fmt --stdin-filename "$path" - <"$tmp/binary" >"$tmp/out" 2>"$tmp/err"
code=$?
[[ $code -eq 2 && ! -s $tmp/out ]] && grep -q "$path: looks like a binary file" "$tmp/err" && ok || fail "fmt - (binary): exit $code, $(cat "$tmp/err")"

# 8. fmt's format: section is found from the named file's directory too.
printf 'format:\n  keyword-case: preserve\n' >"$tmp/project/.msmigrate.yaml"
"$bin" fmt --stdin-filename "$path" - <"$tmp/sloppy" >"$tmp/out" 2>"$tmp/err"
printf 'from debian:12 as build\nrun echo hi\n' >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" && ok || fail "fmt -: format section not applied: $(cat -A "$tmp/out") $(cat "$tmp/err")"
printf 'format:\n  keyword-case: lower\n' >"$tmp/project/.msmigrate.yaml"
"$bin" fmt --stdin-filename "$path" - <"$tmp/sloppy" >"$tmp/out" 2>"$tmp/err"
code=$?
[[ $code -eq 2 ]] && grep -q ".msmigrate.yaml: format.keyword-case" "$tmp/err" && ok || fail "fmt: bad format section: exit $code, $(cat "$tmp/err")"
rm "$tmp/project/.msmigrate.yaml"

finish "stdin filters"
