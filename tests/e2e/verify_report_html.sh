#!/usr/bin/env bash
# msmigrate verify --report: the HTML page opened in headless Chromium (Debian's `chromium`),
# its DOM checked for both setups' Dockerfiles, the file-tree diff and the size chart, and a
# screenshot taken; the same for a wrong conversion, whose diff lists the two paths.
source "$(dirname "$0")/lib/build_lib.sh"
command -v chromium >/dev/null || skip "chromium is not installed (scripts/setup.sh installs it)"
chrome() {  # chrome ARGS... : headless, as root, no D-Bus or GPU here
  HOME=$tmp timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage "$@" 2>>"$tmp/chromium.log"
}
has() {  # has NAME FILE PATTERN
  if grep -q -- "$3" "$2"; then ok; else fail "$1: no '$3' in the DOM"; fi
}

proj=$tmp/builder-pattern
cp -a "$root/fixtures/examples/builder-pattern" "$proj"
"$bin" verify "$proj" --no-edit-rebuild --report "$tmp/report.html" >"$tmp/table.txt" 2>"$tmp/verify.log"
check "verify: exit 0" test $? -eq 0
check "report written" test -s "$tmp/report.html"
check "no external assets" bash -c "! grep -Eq '(src|href)=\"(https?:)?//' '$tmp/report.html'"
chrome --dump-dom "file://$tmp/report.html" >"$tmp/dom.html"
check "chromium dumped the DOM" test -s "$tmp/dom.html"
dom=$tmp/dom.html
has verdict "$dom" 'id="verdict" class="verdict verified"'
has "old files" "$dom" 'id="old-dockerfiles"'
has "old Dockerfile.build" "$dom" '<h4>Dockerfile.build</h4>'
has "old build.sh" "$dom" 'docker cp "$id":/src/hello ./hello'
has "old runtime Dockerfile" "$dom" 'COPY hello /usr/local/bin/hello'
has "new Dockerfile" "$dom" 'id="new-dockerfile"'
has "new COPY --from" "$dom" 'COPY --from=builder /src/hello /usr/local/bin/hello'
has "tree diff" "$dom" 'id="tree-diff"'
has "tree identical" "$dom" 'entries are identical'
has "chart" "$dom" '<svg id="size-chart"'
bars=$(grep -o '<rect class="bar"' "$dom" | wc -l)
check "chart has bars (build, old runtime x2, new x2, disk x2)" test "$bars" -ge 7
chrome --screenshot="$tmp/shot.png" --window-size=1280,2400 "file://$tmp/report.html" >/dev/null
check "screenshot is a PNG" bash -c "head -c 8 '$tmp/shot.png' | od -An -c | grep -q 'P   N   G'"
check "screenshot is not blank" test "$(stat -c %s "$tmp/shot.png")" -gt 20000

# The wrong conversion: the diff table names both paths.
"$bin" verify "$proj" --converted "$root/fixtures/verify/wrong-runtime-path.Dockerfile" --no-edit-rebuild \
  --report "$tmp/wrong.html" >/dev/null 2>&1
check "wrong: exit 1" test $? -eq 1
chrome --dump-dom "file://$tmp/wrong.html" >"$tmp/wrong-dom.html"
has "wrong verdict" "$tmp/wrong-dom.html" 'class="verdict different"'
has "wrong diff table" "$tmp/wrong-dom.html" 'id="tree-differences"'
has "wrong old path" "$tmp/wrong-dom.html" '<tr class="only-old"><td><code>/usr/local/bin/hello</code>'
has "wrong new path" "$tmp/wrong-dom.html" '<tr class="only-new"><td><code>/usr/bin/hello</code>'
finish
