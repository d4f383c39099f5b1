#!/usr/bin/env bash
# msmigrate verify on every builder-pattern project that builds here offline (the bundled
# example and fixtures/verify/*, all from the base images of make-base-images.sh): each
# verifies (exit 0) with its numbers in the JSON report, and the project is left untouched.
# The deliberately wrong conversion (runtime path changed) fails, naming both paths.
source "$(dirname "$0")/lib/build_lib.sh"

json_check() {  # json_check NAME FILE PYTHON-EXPRESSION-ON-r
  local name=$1 file=$2 expr=$3
  if python3 -c "import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if ($expr) else 1)" "$file" 2>/dev/null; then
    ok
  else
    fail "$name: $expr"
  fi
}

for fx in examples/builder-pattern verify/run-cat-tar verify/bind-mount verify/non-root-builder; do
  name=$(basename "$fx")
  proj=$tmp/$name
  cp -a "$root/fixtures/$fx" "$proj"
  "$bin" verify "$proj" --format json >"$tmp/$name.json" 2>"$tmp/$name.log"
  status=$?
  check "$name: exit 0" test "$status" -eq 0
  [[ $status -eq 0 ]] || { cat "$tmp/$name.log"; cat "$tmp/$name.json"; }
  j=$tmp/$name.json
  json_check "$name" "$j" "r['verdict'] == 'verified'"
  json_check "$name" "$j" "r['files']['differences'] == [] and r['files']['identical'] > 100"
  json_check "$name" "$j" "r['config']['equal'] is True"
  json_check "$name" "$j" "r['images']['old_runtime']['uncompressed_bytes'] > 0 and r['images']['new_final']['compressed_bytes'] > 0"
  json_check "$name" "$j" "r['images']['old_runtime']['layers'] == r['images']['new_final']['layers']"
  json_check "$name" "$j" "r['times']['old_cold_s'] > 0 and r['times']['new_cold_s'] > 0"
  json_check "$name" "$j" "r['times']['old_after_edit_s'] > 0 and r['times']['new_after_edit_s'] > 0 and r['times']['edited_file']"
  json_check "$name" "$j" "r['disk']['old_bytes'] > r['disk']['new_bytes'] > 0"
  # Verify works in scratch copies: the project is exactly as it was.
  check "$name: project untouched" diff -r "$root/fixtures/$fx" "$proj"
done
json_check "builder-pattern" "$tmp/builder-pattern.json" "r['images']['build'][0]['uncompressed_bytes'] > 10 * r['images']['new_final']['uncompressed_bytes']"
json_check "run-cat-tar" "$tmp/run-cat-tar.json" "[s for s in r['steps'] if 'cat' in s['what'] and s['run']] and [s for s in r['steps'] if 'tar' in s['what'] and s['run']]"
json_check "bind-mount" "$tmp/bind-mount.json" "[s for s in r['steps'] if 'bind mounts' in s['what'] and s['run']]"
# The builder runs as 1000:1000; docker cp gave the artifact to root, so the conversion resets it.
"$bin" convert "$root/fixtures/verify/non-root-builder" >"$tmp/nrb.Dockerfile" 2>"$tmp/nrb.log"
contains "non-root-builder: COPY --from resets the owner" "COPY --from=builder --chown=0:0 /tmp/hello" "$tmp/nrb.Dockerfile"
contains "non-root-builder: owner-reset warning" "warning[owner-reset]" "$tmp/nrb.log"

# The text table names the verdict.
"$bin" verify "$tmp/builder-pattern" --no-edit-rebuild >"$tmp/table.txt" 2>/dev/null
check "table: exit 0" test $? -eq 0
check "table: verdict" grep -q "^verified: the converted Dockerfile builds the same runtime image" "$tmp/table.txt"
check "table: sizes row" grep -q "runtime image .* gzipped" "$tmp/table.txt"

# A wrong conversion: the runtime path changed. Exit 1, both paths named.
"$bin" verify "$tmp/builder-pattern" --converted "$root/fixtures/verify/wrong-runtime-path.Dockerfile" --no-edit-rebuild \
  >"$tmp/wrong.txt" 2>"$tmp/wrong.log"
check "wrong: exit 1" test $? -eq 1
check "wrong: old path named" grep -q "/usr/local/bin/hello: only in the old image" "$tmp/wrong.txt"
check "wrong: new path named" grep -q "/usr/bin/hello: only in the new image" "$tmp/wrong.txt"
check "wrong: verdict" grep -q "^DIFFERENT: 5 file differences, 0 config differences" "$tmp/wrong.txt"
"$bin" verify "$tmp/builder-pattern" --converted "$root/fixtures/verify/wrong-runtime-path.Dockerfile" --no-edit-rebuild \
  --format json >"$tmp/wrong.json" 2>/dev/null
# The binary moved, and with it the directories only one side has.
json_check "wrong json" "$tmp/wrong.json" "r['verdict'] == 'different' and {(d['path'], d['kind']) for d in r['files']['differences']} == {('/usr/bin', 'only-new'), ('/usr/bin/hello', 'only-new'), ('/usr/local', 'only-old'), ('/usr/local/bin', 'only-old'), ('/usr/local/bin/hello', 'only-old')}"

# A wrong conversion with the right files but a lost USER: exit 1, the config field named.
"$bin" verify "$tmp/builder-pattern" --converted "$root/fixtures/verify/wrong-user.Dockerfile" --no-edit-rebuild \
  >"$tmp/wrong-user.txt" 2>/dev/null
check "wrong user: exit 1" test $? -eq 1
check "wrong user: field named" grep -q '^  User: "65534" → (not set)' "$tmp/wrong-user.txt"
check "wrong user: verdict" grep -q "^DIFFERENT: 0 file differences, 1 config difference$" "$tmp/wrong-user.txt"

# convert --verify: the merged Dockerfile on stdout, the table on stderr, exit 0.
"$bin" convert "$tmp/builder-pattern" --verify --no-edit-rebuild >"$tmp/cv.out" 2>"$tmp/cv.err"
check "convert --verify: exit 0" test $? -eq 0
check "convert --verify: Dockerfile on stdout" grep -q "COPY --from=builder /src/hello /usr/local/bin/hello" "$tmp/cv.out"
check "convert --verify: table on stderr" grep -q "^verified:" "$tmp/cv.err"

# A failed build: exit 1, the failing step and the build log's tail; `convert --write --verify`
# then writes nothing.
cp -a "$root/fixtures/examples/builder-pattern" "$tmp/broken"
echo 'this is not C' >>"$tmp/broken/hello.c"
"$bin" verify "$tmp/broken" --no-edit-rebuild >"$tmp/broken.txt" 2>/dev/null
check "broken: exit 1" test $? -eq 1
check "broken: verdict" grep -q "^not verified: a build step failed: .*Dockerfile.build" "$tmp/broken.txt"
check "broken: log tail" grep -q "last lines of the build log" "$tmp/broken.txt"
check "broken: compiler error in the tail" grep -q "error" "$tmp/broken.txt"
"$bin" convert "$tmp/broken" --write --verify --no-edit-rebuild >/dev/null 2>"$tmp/broken-write.log"
check "broken convert --write --verify: exit 1" test $? -eq 1
check "broken convert --write --verify: says so" grep -q "did not verify; nothing written" "$tmp/broken-write.log"
check "broken convert --write --verify: nothing written" diff -r -x hello.c "$root/fixtures/examples/builder-pattern" "$tmp/broken"
# ... and a conversion that verifies is written.
cp -a "$root/fixtures/examples/builder-pattern" "$tmp/good"
"$bin" convert "$tmp/good" --write --verify --no-edit-rebuild >/dev/null 2>/dev/null
check "good convert --write --verify: exit 0" test $? -eq 0
check "good convert --write --verify: written" grep -q "COPY --from=builder" "$tmp/good/Dockerfile"
check "good convert --write --verify: old file kept" test -f "$tmp/good/Dockerfile.orig"

# Usage errors: exit 2 with the file named.
"$bin" verify "$tmp/nope" >/dev/null 2>"$tmp/u.log"
check "missing dir: exit 2" test $? -eq 2
check "missing dir: named" grep -q "$tmp/nope" "$tmp/u.log"
"$bin" verify "$tmp/builder-pattern" --converted "$tmp/missing.Dockerfile" >/dev/null 2>"$tmp/u2.log"
check "missing --converted: exit 2" test $? -eq 2
check "missing --converted: named" grep -q "missing.Dockerfile" "$tmp/u2.log"
finish
