#!/usr/bin/env bash
# Hostile input, as issue 18's first probe found it: deep nesting, huge lines, files that are not
# files, unreadable folders, read-only files. Each case ran forever, crashed or lied before.
# Time limits here are generous ceilings that only a quadratic (or unbounded) path exceeds; the
# figures are in bench/ (bench/hostile_bench.sh), not asserted.
source "$(dirname "$0")/lib/common.sh"

# run NAME WANT_EXIT STDERR_SUBSTRING TIMEOUT -- COMMAND...: exit code and message; stdout kept.
run() {
  local name=$1 want=$2 needle=$3 limit=$4
  shift 5
  timeout "$limit" "$@" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  if [[ $code -ne $want ]]; then
    fail "$name: exit $code, wanted $want (124 = timed out after ${limit}s); stderr: $(head -c 400 "$tmp/err")"
  elif [[ -n $needle ]] && ! grep -qF -- "$needle" "$tmp/err" "$tmp/out"; then
    fail "$name: output lacks '$needle': $(head -c 400 "$tmp/err") $(head -c 400 "$tmp/out")"
  else
    ok
  fi
}

gen() {  # gen FILE PYTHON-EXPRESSION: writes the expression's value (a str) to FILE
  python3 -c "import sys; open(sys.argv[1], 'w').write($2)" "$1"
}

# --- Nesting: recursion is bounded, with a problem saying where ----------------------------------
gen "$tmp/nest" '"FROM a\nRUN echo " + "$(" * 6000 + "x" + ")" * 6000 + "\n"'
run "lint: 6,000 nested \$( closed" 0 "" 60 -- "$bin" lint --no-fail --format concise "$tmp/nest"
run "lint --fix: 6,000 nested \$(" 0 "" 60 -- "$bin" lint --no-fail --fix --unsafe-fixes --diff "$tmp/nest"
gen "$tmp/unclosed" '"FROM a\nRUN echo " + "$(" * 80000 + "\n"'
run "lint: 80,000 unclosed \$(" 0 "" 60 -- "$bin" lint --no-fail --format concise "$tmp/unclosed"
gen "$tmp/parens" '"FROM a\nRUN <<EOF\n" + "(" * 70000 + "\nEOF\n"'
run "lint: 70,000 unclosed ( in a heredoc script (tree-sitter double free)" 0 "" 60 -- "$bin" lint --no-fail --format concise "$tmp/parens"
gen "$tmp/andchain" '"FROM a\nRUN " + " && ".join(["true"] * 100000) + "\n"'
run "lint: a 100,000-command && chain" 0 "" 60 -- "$bin" lint --no-fail --format concise "$tmp/andchain"

# --- One huge line, heredocs, continuation lines: linear time ------------------------------------
# BuildKit refuses lines over 64 KiB (exit 2, the problem printed), but the output still comes.
gen "$tmp/line" '"FROM a\nRUN echo " + "x " * 300000 + "\n"'
run "parse --format json: one 600 KB line" 2 "greater than max allowed size" 30 -- "$bin" parse --format json "$tmp/line"
run "lint: one 600 KB line" 0 "" 30 -- "$bin" lint --no-fail --format concise "$tmp/line"
gen "$tmp/envline" '"FROM a\nENV " + " ".join("K%d=v" % i for i in range(60000)) + "\n"'
run "parse --format json: ENV with 60,000 pairs on one line" 2 "greater than max allowed size" 30 -- "$bin" parse --format json "$tmp/envline"
grep -q '"value": "K59999"' "$tmp/out" && ok || fail "the 60,000th ENV pair is missing from the json"
gen "$tmp/aptline" '"FROM debian\nRUN apt-get install -y " + " ".join("p%d" % i for i in range(20000)) + "\n"'
run "lint: 20,000 unpinned packages on one line (a diagnostic each)" 1 "DL3008" 30 -- "$bin" lint --format concise "$tmp/aptline"
gen "$tmp/heredoc" '"FROM a\nRUN <<EOF\n" + "y" * 55000 + "\n"'
run "lint: unterminated heredoc + 55 KB line" 1 "unterminated heredoc" 30 -- "$bin" lint --format concise "$tmp/heredoc"
gen "$tmp/cont" '"FROM a\nRUN echo \\\n" + "  a \\\n" * 20000 + "  b\n"'
run "fmt: 20,000 continuation lines" 0 "" 30 -- "$bin" fmt --check "$tmp/cont"
gen "$tmp/cont3" '"FROM a\nRUN echo \\\n" + "  --x=1  \\\n" * 20000 + "b\n"'
run "fmt --check: 20,000 continuation lines whose edits are all refused" 0 "" 30 -- "$bin" fmt --check "$tmp/cont3"
gen "$tmp/cont2" '"FROM a\nrun   echo \\\n" + "a \\\n" * 20000 + "b\n"'
run "fmt --diff: 20,000 continuation lines to re-indent" 1 "" 30 -- "$bin" fmt --diff "$tmp/cont2"

# --- Files that are not files --------------------------------------------------------------------
mkfifo "$tmp/fifo"
for cmd in "parse" "lint" "fmt"; do
  run "$cmd of a FIFO without a writer" 2 "is a FIFO" 20 -- "$bin" $cmd "$tmp/fifo"
done
run "parse /dev/zero" 2 "is a character device" 20 -- "$bin" parse /dev/zero
run "lint /dev/zero" 2 "is a character device" 20 -- "$bin" lint /dev/zero
run "parse - < /dev/zero: the size cap" 2 "larger than 256 MiB" 60 -- bash -c "'$bin' parse - </dev/zero"
# A configuration that is not a file: YAML::LoadFile blocked on a FIFO and read /dev/zero forever.
mkdir -p "$tmp/cfgproj"
printf 'FROM debian:12\n' >"$tmp/cfgproj/Dockerfile"
mkfifo "$tmp/cfgproj/.msmigrate.yaml"
run "lint with a FIFO .msmigrate.yaml found upward" 2 ".msmigrate.yaml: not a regular file" 20 -- "$bin" lint "$tmp/cfgproj/Dockerfile"
run "fmt with a FIFO .msmigrate.yaml found upward" 2 ".msmigrate.yaml: not a regular file" 20 -- "$bin" fmt --check "$tmp/cfgproj/Dockerfile"
run "lint --config /dev/zero" 2 "/dev/zero: not a regular file" 20 -- "$bin" lint --config /dev/zero "$tmp/cfgproj/Dockerfile"
rm "$tmp/cfgproj/.msmigrate.yaml"
python3 -c "import sys; open(sys.argv[1], 'w').write('# ' + 'x' * (5 << 20) + '\n')" "$tmp/cfgproj/.msmigrate.yaml"
run "lint with a 5 MiB .msmigrate.yaml" 2 "larger than 4 MiB" 20 -- "$bin" lint "$tmp/cfgproj/Dockerfile"

ln -s loop "$tmp/loop" 2>/dev/null || true
ln -sf "$tmp/loop" "$tmp/loop"
run "lint of a symlink loop names the problem" 2 "Too many levels of symbolic links" 20 -- "$bin" lint "$tmp/loop"
run "parse of a symlink loop names the problem" 2 "Too many levels of symbolic links" 20 -- "$bin" parse "$tmp/loop"

# --- An unreadable folder is an error, not a clean result (as an unprivileged user: root reads all)
mkdir -p "$tmp/proj/secret"
printf 'FROM debian\nRUN apt-get install -y curl\n' >"$tmp/proj/secret/Dockerfile"
printf 'FROM debian:12\n' >"$tmp/proj/Dockerfile"
chmod 0 "$tmp/proj/secret"
chmod 755 "$tmp" "$tmp/proj"
as_user=()
[[ $(id -u) -eq 0 ]] && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
run "lint of a folder with an unreadable subfolder" 2 "secret: cannot list directory" 20 -- "${as_user[@]}" "$bin" lint "$tmp/proj"
chmod 0 "$tmp/proj"
run "lint of an unreadable folder" 2 "cannot list directory" 20 -- "${as_user[@]}" "$bin" lint "$tmp/proj"
chmod 755 "$tmp/proj" "$tmp/proj/secret"

# --- Read-only files are not rewritten -----------------------------------------------------------
printf 'from debian:12\nrun   echo hi\n' >"$tmp/ro"
chmod 0444 "$tmp/ro"
before=$(sha256sum <"$tmp/ro")
run "fmt refuses a read-only file" 2 "is read-only" 20 -- "$bin" fmt "$tmp/ro"
printf 'FROM debian:12\nRUN apt-get update && apt-get install curl\n' >"$tmp/ro2"
chmod 0444 "$tmp/ro2"
before2=$(sha256sum <"$tmp/ro2")
run "lint --fix refuses a read-only file" 2 "is read-only" 20 -- "$bin" lint --fix --no-fail "$tmp/ro2"
[[ $(sha256sum <"$tmp/ro") == "$before" && $(sha256sum <"$tmp/ro2") == "$before2" ]] && ok || fail "a read-only file was rewritten"
[[ $(stat -c %a "$tmp/ro") == 444 ]] && ok || fail "the read-only file's mode changed"
# A symbolic link to a Dockerfile stays a link; the file it points to is formatted.
printf 'from debian:12\n' >"$tmp/target"
ln -s target "$tmp/link"
run "fmt through a symlink" 0 "" 20 -- "$bin" fmt "$tmp/link"
[[ -L $tmp/link && $(cat "$tmp/target") == "FROM debian:12" ]] && ok || fail "fmt replaced the symlink or missed its target"

# --- fmt keeps BuildKit's view ------------------------------------------------------------------
printf 'FROM a\nHealthcheck cmd curl -f localhost\n' >"$tmp/hc"
"$bin" fmt "$tmp/hc" 2>/dev/null
grep -qx 'HEALTHCHECK cmd curl -f localhost' "$tmp/hc" && ok || fail "fmt changed HEALTHCHECK's cmd: $(cat "$tmp/hc")"
printf 'FROM a\nFOO a \\\n      b \\\n  c\n' >"$tmp/unknown"
cp "$tmp/unknown" "$tmp/unknown.before"
"$bin" fmt "$tmp/unknown" 2>/dev/null
cmp -s "$tmp/unknown" "$tmp/unknown.before" && ok || fail "fmt re-indented an unknown instruction: $(cat "$tmp/unknown")"

finish "hostile_input"
