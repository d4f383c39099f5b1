#!/usr/bin/env bash
# `msmigrate convert` as a user runs it: stdout/--diff/--check/--write/--remove-old, refusals,
# bad input, and that nothing is written unless asked.
source "$(dirname "$0")/lib/common.sh"

example="$root/fixtures/examples/builder-pattern"
cp -r "$example" "$tmp/proj"
before=$(cd "$tmp/proj" && find . -type f | sort | xargs sha256sum)

# Default: the Dockerfile on stdout, the command on stderr, no file touched.
"$bin" convert "$tmp/proj" >"$tmp/out" 2>"$tmp/err"
[[ $? -eq 0 ]] && grep -q '^COPY --from=builder /src/hello /usr/local/bin/hello$' "$tmp/out" && ok || fail "stdout conversion"
grep -q 'build it with: docker build -t hello:"$TAG" .' "$tmp/err" && ok || fail "replacement command on stderr: $(cat "$tmp/err")"
after=$(cd "$tmp/proj" && find . -type f | sort | xargs sha256sum)
[[ $before == "$after" ]] && ok || fail "a plain convert changed files"

# --diff: unified diffs of the Dockerfile and the driver.
"$bin" convert "$tmp/proj" --diff >"$tmp/diff" 2>/dev/null
grep -q '^+++ b/Dockerfile$' "$tmp/diff" && grep -q '^-COPY hello /usr/local/bin/hello$' "$tmp/diff" && grep -q '^+++ b/build.sh$' "$tmp/diff" && ok || fail "--diff"
# The diff applies with patch(1) and gives the printed Dockerfile.
if command -v patch >/dev/null; then
  cp -r "$example" "$tmp/patched"
  (cd "$tmp/patched" && patch -s -p1 <"$tmp/diff") && cmp -s "$tmp/patched/Dockerfile" "$tmp/out" && ok || fail "--diff does not apply to give the output"
fi

# --check: 1 when a conversion is possible, 0 when refused.
"$bin" convert "$tmp/proj" --check >/dev/null 2>&1
[[ $? -eq 1 ]] && ok || fail "--check on a convertible project"
"$bin" convert "$root/fixtures/convert/refuse-host-strip/input" --check >/dev/null 2>&1
[[ $? -eq 0 ]] && ok || fail "--check on a refused project"
# ...and 0 where there is no builder pattern at all (CI keeps running it after the conversion),
# while a plain convert there is an error naming the file.
mkdir -p "$tmp/plain" && printf 'FROM alpine:3.19\nCMD ["true"]\n' >"$tmp/plain/Dockerfile"
printf '#!/bin/sh\ndocker build -t app .\n' >"$tmp/plain/build.sh"
"$bin" convert "$tmp/plain" --check >/dev/null 2>&1
[[ $? -eq 0 ]] && ok || fail "--check where nothing leaves a container"
"$bin" convert "$tmp/plain" >/dev/null 2>"$tmp/err"
[[ $? -eq 2 ]] && grep -q 'build.sh run docker, but none builds or runs an image and then gets a file out of a container' "$tmp/err" && ok || fail "plain convert without a builder pattern: $(cat "$tmp/err")"
rm -f "$tmp/plain/build.sh"
"$bin" convert "$tmp/plain" --check >/dev/null 2>&1
[[ $? -eq 0 ]] && ok || fail "--check without any driver"

# Refusal: exit 1, the reason with the script line, nothing on stdout.
"$bin" convert "$root/fixtures/convert/refuse-host-strip/input" >"$tmp/out2" 2>"$tmp/err2"
code=$?
[[ $code -eq 1 && ! -s $tmp/out2 ]] && grep -q 'build.sh:7: refused\[host-post-processing\]' "$tmp/err2" && ok || fail "refusal (exit $code): $(cat "$tmp/err2")"

# --write keeps the old files as *.orig.
"$bin" convert "$tmp/proj" --write >/dev/null 2>"$tmp/err3"
[[ $? -eq 0 ]] && ok || fail "--write: $(cat "$tmp/err3")"
cmp -s "$tmp/proj/Dockerfile" "$tmp/out" && ok || fail "--write wrote a different Dockerfile"
cmp -s "$tmp/proj/Dockerfile.orig" "$example/Dockerfile" && cmp -s "$tmp/proj/Dockerfile.build.orig" "$example/Dockerfile.build" && cmp -s "$tmp/proj/build.sh.orig" "$example/build.sh" && ok || fail "--write did not keep the old files"
[[ ! -e $tmp/proj/Dockerfile.build ]] && ok || fail "--write kept Dockerfile.build beside the merged file"
[[ -x $tmp/proj/build.sh ]] && grep -q '^docker build -t hello:"$TAG" .$' "$tmp/proj/build.sh" && ok || fail "residual build.sh"
sh -n "$tmp/proj/build.sh" && ok || fail "residual script is not valid sh"
# The converted project has no builder pattern left to convert.
"$bin" convert "$tmp/proj" >/dev/null 2>"$tmp/err4"
[[ $? -eq 2 ]] && ok || fail "converting the result again should find nothing: $(cat "$tmp/err4")"
"$bin" convert "$tmp/proj" --check >/dev/null 2>&1
[[ $? -eq 0 ]] && ok || fail "--check on the converted project"

# A second --write refuses to overwrite the backups.
cp -r "$example" "$tmp/proj2"
touch "$tmp/proj2/Dockerfile.orig"
"$bin" convert "$tmp/proj2" --write >/dev/null 2>"$tmp/err5"
[[ $? -eq 2 ]] && grep -q 'Dockerfile.orig: already exists' "$tmp/err5" && cmp -s "$tmp/proj2/Dockerfile" "$example/Dockerfile" && ok || fail "existing .orig: $(cat "$tmp/err5")"

# --remove-old: no backups.
cp -r "$example" "$tmp/proj3"
"$bin" convert "$tmp/proj3" --write --remove-old >/dev/null 2>&1
[[ $? -eq 0 && ! -e $tmp/proj3/Dockerfile.orig && ! -e $tmp/proj3/Dockerfile.build && ! -e $tmp/proj3/Dockerfile.build.orig ]] && ok || fail "--remove-old"
"$bin" convert "$tmp/proj3" --remove-old >/dev/null 2>&1
[[ $? -eq 2 ]] && ok || fail "--remove-old without --write is a usage error"

# Bad input: exit 2 and the file or directory named.
"$bin" convert "$tmp/nope" >/dev/null 2>"$tmp/err6"
[[ $? -eq 2 ]] && grep -q "$tmp/nope" "$tmp/err6" && ok || fail "missing dir: $(cat "$tmp/err6")"
mkdir "$tmp/empty"
"$bin" convert "$tmp/empty" >/dev/null 2>"$tmp/err7"
[[ $? -eq 2 ]] && grep -q 'no driver found' "$tmp/err7" && ok || fail "no driver: $(cat "$tmp/err7")"
cp -r "$example" "$tmp/proj4"
"$bin" convert "$tmp/proj4" --script missing.sh >/dev/null 2>"$tmp/err8"
[[ $? -eq 2 ]] && grep -q 'missing.sh' "$tmp/err8" && ok || fail "missing --script: $(cat "$tmp/err8")"
rm "$tmp/proj4/Dockerfile.build"
"$bin" convert "$tmp/proj4" >/dev/null 2>"$tmp/err9"
# The driver exists and names the missing file: a refusal pointing at the line, not an input error.
[[ $? -eq 1 ]] && grep -q 'build.sh:6: refused\[unresolvable-mapping\]: the builder Dockerfile `Dockerfile.build`' "$tmp/err9" && ok || fail "missing builder Dockerfile: $(cat "$tmp/err9")"

# The Makefile of a fixture, by explicit target.
"$bin" convert "$root/fixtures/convert/makefile/input" --make-target image >"$tmp/mk" 2>/dev/null
[[ $? -eq 0 ]] && cmp -s "$tmp/mk" "$root/fixtures/convert/makefile/expected.Dockerfile" && ok || fail "--make-target image"
"$bin" convert "$root/fixtures/convert/makefile/input" --make-target nope >/dev/null 2>"$tmp/err10"
[[ $? -eq 2 ]] && grep -q 'no target `nope`' "$tmp/err10" && ok || fail "unknown make target: $(cat "$tmp/err10")"

finish "convert cli"
