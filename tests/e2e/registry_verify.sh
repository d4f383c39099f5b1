#!/usr/bin/env bash
# Docker's href-counter builder-pattern example (`FROM golang:1.16`, `FROM alpine:latest`) as a
# new user meets it: an empty store, the images only on a registry. The loopback registry serves
# as docker.io's mirror, holding golang:1.16 (Debian's Go toolchain) and alpine:latest (busybox)
# made from Debian packages; `build` and `verify` pull what they need through it, and verify
# exits 0. --pull=never keeps an offline machine offline.
source "$(dirname "$0")/lib/build_lib.sh"

go_log=$tmp/golang.log
if ! MSM_GOLANG_IMAGE=1 flock "$builddir/e2e-build-store.lock" bash "$root/scripts/make-base-images.sh" "$bin" \
  "$MSMIGRATE_STORE" "$builddir/e2e-base-cache" >"$go_log" 2>&1; then
  cat "$go_log"
  skip "could not make the golang image from Debian packages (no apt mirror?)"
fi
go_ref=$(sed -n 3p "$go_log")
base_store=$MSMIGRATE_STORE
"$bin" image --store "$base_store" save "$go_ref" -o "$tmp/golang.tar" &&
  "$bin" image --store "$base_store" save "$busybox_ref" -o "$tmp/alpine.tar" ||
  { fail "saving the base images"; finish; }

source "$root/tests/e2e/lib/registry_lib.sh"
start_registry mirror
mirror=127.0.0.1:$mirror_port
skopeo_push "oci-archive:$tmp/golang.tar" "$mirror/library/golang:1.16" >"$tmp/push.log" 2>&1 &&
  skopeo_push "oci-archive:$tmp/alpine.tar" "$mirror/library/alpine:latest" >>"$tmp/push.log" 2>&1
check "base images on the registry: $(tail -2 "$tmp/push.log")" test $? -eq 0
rm -f "$tmp/golang.tar" "$tmp/alpine.tar"

proj=$tmp/href-counter
cp -a "$root/fixtures/verify/href-counter" "$proj"

# Offline: nothing in the store, --pull=never: the error says how to get the image.
"$bin" build --pull=never -f "$proj/Dockerfile.build" "$proj" >/dev/null 2>"$tmp/never.err"
check "--pull=never with an empty store: exit 2" test $? -eq 2
contains "--pull=never: says how to pull" "msmigrate image pull golang:1.16" "$tmp/never.err"

# verify pulls golang:1.16 and alpine:latest through the mirror and proves the conversion.
export MSMIGRATE_REGISTRY_MIRRORS=$mirror
"$bin" verify "$proj" --format json --report "$tmp/report.html" >"$tmp/verify.json" 2>"$tmp/verify.log"
code=$?
check "href-counter verifies: exit 0 (got $code): $(tail -5 "$tmp/verify.log")" test $code -eq 0
contains "golang:1.16 pulled through the mirror" "pulling golang:1.16 from $mirror (mirror)" "$tmp/verify.log"
contains "alpine:latest pulled through the mirror" "pulling alpine:latest from $mirror (mirror)" "$tmp/verify.log"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if r['verdict'] == 'verified' else 1)" "$tmp/verify.json"
check "verdict: verified" test $? -eq 0
# The report lists what was pulled: reference, manifest digest, where from, bytes fetched.
python3 - "$tmp/verify.json" "$mirror" >"$tmp/pulled.txt" 2>&1 <<'PY'
import json, sys
r, mirror = json.load(open(sys.argv[1])), sys.argv[2]
by_ref = {p["reference"]: p for p in r["pulled"]}
assert set(by_ref) == {"golang:1.16", "alpine:latest"}, by_ref
for p in by_ref.values():
    assert p["registry"] == mirror and p["mirror"] is True, p
    assert p["digest"].startswith("sha256:") and len(p["digest"]) == 71, p
    assert p["bytes"] > 0, p
print("ok")
PY
check "JSON lists both pulled images with digest, mirror and bytes: $(cat "$tmp/pulled.txt")" test "$(cat "$tmp/pulled.txt")" = ok
golang_digest=$(python3 -c 'import json,sys; print([p["digest"] for p in json.load(open(sys.argv[1]))["pulled"] if p["reference"] == "golang:1.16"][0])' "$tmp/verify.json")
contains "HTML report: the pulled-images table" '<table id="pulled">' "$tmp/report.html"
contains "HTML report: golang:1.16 with its digest" "<code>golang:1.16</code></td><td><code>$golang_digest</code></td><td>$mirror (mirror)" "$tmp/report.html"
"$bin" verify "$proj" --format json >"$tmp/verify2.json" 2>/dev/null
check "a second verify pulls nothing and lists nothing" \
  python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["pulled"] == [] else 1)' "$tmp/verify2.json"
check "project untouched" diff -r "$root/fixtures/verify/href-counter" "$proj"
"$bin" image ls -q >"$tmp/ls"
contains "golang:1.16 in the store under its Docker Hub name" "golang:1.16" "$tmp/ls"
contains "alpine:latest in the store" "alpine:latest" "$tmp/ls"

# The store has them now: a build pulls nothing (offline again), and the binary runs.
unset MSMIGRATE_REGISTRY_MIRRORS
"$bin" convert "$proj" >"$tmp/converted.Dockerfile" 2>/dev/null
"$bin" build --progress plain -f "$tmp/converted.Dockerfile" -t localhost/href-counter:e2e "$proj" >/dev/null 2>"$tmp/build.log"
check "build of the conversion, offline: $(tail -3 "$tmp/build.log")" test $? -eq 0
check "nothing pulled the second time" bash -c "! grep -q '^# pulled' '$tmp/build.log'"
mkdir -p "$tmp/run"
printf 'FROM localhost/href-counter:e2e\nRUN ./app > /root/out.json && cat /root/out.json\n' >"$tmp/run/Dockerfile"
"$bin" build --progress plain --no-cache "$tmp/run" >/dev/null 2>"$tmp/run.log"
contains "the Go binary runs in the alpine stand-in" '{"internal":2,"external":2}' "$tmp/run.log"

finish
