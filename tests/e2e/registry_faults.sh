#!/usr/bin/env bash
# Pulls that go wrong, through a fault-injecting proxy in front of the loopback registry: 429 then
# success, a connection dropped mid-blob (resumed with Range; or restarted when Range is ignored),
# a corrupted blob (digest error, nothing stored), an unknown layer media type, the registry
# killed mid-pull (clear error, store consistent), a mirror that is down (the next one is used).
source "$(dirname "$0")/lib/registry_lib.sh"

start_registry reg
reg=127.0.0.1:$reg_port
start_fault_proxy "$reg"

make_small_image "$tmp/src-store" localhost/small:1
"$bin" image --store "$tmp/src-store" save localhost/small:1 -o "$tmp/small.tar"
skopeo_push "oci-archive:$tmp/small.tar" "$reg/msm/small:1" >/dev/null 2>&1
check "push through skopeo" test $? -eq 0
layer=$(skopeo inspect --cert-dir "$HOME/.config/containers/certs.d/$reg" --format '{{index .Layers 0}}' "docker://$reg/msm/small:1")

no_temp_files() { [[ -z $(ls -A "$MSMIGRATE_STORE/tmp" 2>/dev/null) ]]; }
fresh_store() { rm -rf "$MSMIGRATE_STORE"; }

# pull_via MODE: a fresh store, the proxy in MODE, one pull through it (plain HTTP on loopback).
pull_via() {
  echo "$1" >"$tmp/mode"
  : >"$tmp/proxy.log"
  fresh_store
  "$bin" image pull "$proxy/msm/small:1" >"$tmp/$1.out" 2>"$tmp/$1.err"
}
pull_via pass
check "through the proxy: $(tail -2 "$tmp/pass.err")" test $? -eq 0

pull_via 429-once
check "429 then success: exit 0: $(tail -2 "$tmp/429-once.err")" test $? -eq 0
check "the refused blob was asked for again" test -n "$(grep -o 'GET /v2/msm/small/blobs/[^ ]*' "$tmp/proxy.log" | sort | uniq -d)"

pull_via drop-once
check "dropped connection: resumed, exit 0: $(tail -2 "$tmp/drop-once.err")" test $? -eq 0
check "resumed with Range" grep -q "GET /v2/msm/small/blobs/sha256:[0-9a-f]* range=bytes=[1-9]" "$tmp/proxy.log"
"$bin" image save "$proxy/msm/small:1" -o "$tmp/resumed.tar"
check "the resumed image is whole (save re-reads every blob)" test $? -eq 0

pull_via drop-once-200
check "Range ignored (200): restarted from 0, exit 0: $(tail -2 "$tmp/drop-once-200.err")" test $? -eq 0

pull_via corrupt
check "corrupted blob: exit 2" test $? -eq 2
contains "corrupted blob: a digest error" "does not match its digest" "$tmp/corrupt.err"
check "corrupted blob: nothing stored" test ! -e "$MSMIGRATE_STORE/blobs/sha256/${layer#sha256:}"
check "corrupted blob: no temp files left" no_temp_files
check "corrupted blob: not tagged" bash -c "! '$bin' image ls -q | grep -q small"

# An unknown layer media type is refused by name.
python3 "$root/tests/e2e/lib/make_oci_layout.py" "$tmp/odd" odd --unknown-layer-type >/dev/null
skopeo copy -q --all --dest-cert-dir "$HOME/.config/containers/certs.d/$reg" "oci:$tmp/odd:odd" "docker://$reg/msm/odd:1" >"$tmp/odd.log" 2>&1
check "push of the odd image: $(tail -1 "$tmp/odd.log")" test $? -eq 0
if [[ $(uname -m) == x86_64 ]]; then
  fresh_store
  "$bin" image pull "$reg/msm/odd:1" >/dev/null 2>"$tmp/odd.err"
  check "unknown media type: exit 2" test $? -eq 2
  contains "unknown media type named" "unknown media type 'application/vnd.example.unknown'" "$tmp/odd.err"
fi

# A layer whose uncompressed bytes are not what the config's rootfs.diff_ids says: refused while
# it streams in, nothing of it stored, the image not tagged.
python3 "$root/tests/e2e/lib/make_oci_layout.py" "$tmp/lying" lying --wrong-diff-id >/dev/null
skopeo copy -q --all --dest-cert-dir "$HOME/.config/containers/certs.d/$reg" "oci:$tmp/lying:lying" "docker://$reg/msm/lying:1" >"$tmp/lying.log" 2>&1
check "push of the inconsistent image: $(tail -1 "$tmp/lying.log")" test $? -eq 0
lying_layer=$(skopeo inspect --cert-dir "$HOME/.config/containers/certs.d/$reg" --override-arch amd64 --format '{{index .Layers 0}}' "docker://$reg/msm/lying:1")
fresh_store
"$bin" image pull --platform linux/amd64 "$reg/msm/lying:1" >/dev/null 2>"$tmp/lying.err"
check "wrong DiffID: exit 2" test $? -eq 2
contains "wrong DiffID: says which layer and what the config claims" "but the image config's rootfs.diff_ids says" "$tmp/lying.err"
contains "wrong DiffID: names the layer" "layer $lying_layer" "$tmp/lying.err"
check "wrong DiffID: the layer is not stored" test ! -e "$MSMIGRATE_STORE/blobs/sha256/${lying_layer#sha256:}"
check "wrong DiffID: no temp files left" no_temp_files
check "wrong DiffID: not tagged" bash -c "! '$bin' image ls -q | grep -q lying"
# The same pull of the consistent image works (the check is not refusing everything).
python3 "$root/tests/e2e/lib/make_oci_layout.py" "$tmp/honest" honest >/dev/null
skopeo copy -q --all --dest-cert-dir "$HOME/.config/containers/certs.d/$reg" "oci:$tmp/honest:honest" "docker://$reg/msm/honest:1" >/dev/null 2>&1
"$bin" image pull --platform linux/amd64 "$reg/msm/honest:1" >/dev/null 2>"$tmp/honest.err"
check "consistent DiffIDs (gzip, zstd, tar): exit 0: $(tail -1 "$tmp/honest.err")" test $? -eq 0

# A docker.io mirror that is down hands over to the next one (Docker Hub itself is never reached:
# the working mirror answers first).
skopeo_push "oci-archive:$tmp/small.tar" "$reg/library/busybox-mirror-test:1" >/dev/null 2>&1
dead=127.0.0.1:$(free_port)
fresh_store
"$bin" image pull --registry-mirror "$dead" --registry-mirror "$reg" busybox-mirror-test:1 >"$tmp/mirror.out" 2>"$tmp/mirror.err"
check "mirror fallback: exit 0: $(tail -2 "$tmp/mirror.err")" test $? -eq 0
contains "the dead mirror is reported" "mirror $dead" "$tmp/mirror.err"
contains "pulled from the working mirror" "from $reg (mirror)" "$tmp/mirror.err"
contains "tagged under its Docker Hub name" "busybox-mirror-test:1" "$tmp/mirror.out"
fresh_store
MSMIGRATE_REGISTRY_MIRRORS="$reg" "$bin" image pull busybox-mirror-test:1 >/dev/null 2>"$tmp/mirror-env.err"
check "mirror from MSMIGRATE_REGISTRY_MIRRORS: $(tail -1 "$tmp/mirror-env.err")" test $? -eq 0
# `registry-mirrors` in the .msmigrate.yaml found upward from the current directory; a flag or
# the environment replaces the file's list (flag > environment > configuration).
mkdir -p "$tmp/project/sub"
printf 'registry-mirrors:\n  - %s\n  - %s\n' "$dead" "$reg" >"$tmp/project/.msmigrate.yaml"
fresh_store
(cd "$tmp/project/sub" && "$bin" image pull busybox-mirror-test:1) >/dev/null 2>"$tmp/mirror-config.err"
check "mirrors from .msmigrate.yaml: exit 0: $(tail -1 "$tmp/mirror-config.err")" test $? -eq 0
contains "the file's dead mirror is tried first" "mirror $dead" "$tmp/mirror-config.err"
contains "then the file's working mirror" "from $reg (mirror)" "$tmp/mirror-config.err"
fresh_store
(cd "$tmp/project" && MSMIGRATE_REGISTRY_MIRRORS="$reg" "$bin" image pull busybox-mirror-test:1) >/dev/null 2>"$tmp/mirror-over-env.err"
check "environment over the file: exit 0" test $? -eq 0
check "environment over the file: the file's dead mirror is not tried" bash -c "! grep -q 'mirror $dead' '$tmp/mirror-over-env.err'"
fresh_store
(cd "$tmp/project" && MSMIGRATE_REGISTRY_MIRRORS="$dead" "$bin" image pull --registry-mirror "$reg" busybox-mirror-test:1) >/dev/null 2>"$tmp/mirror-over-flag.err"
check "flag over environment and file: exit 0" test $? -eq 0
check "flag over environment and file: the dead mirror is not tried" bash -c "! grep -q 'mirror $dead' '$tmp/mirror-over-flag.err'"
printf 'registry-mirrors: %s\n' "$reg" >"$tmp/project/.msmigrate.yaml"
(cd "$tmp/project" && "$bin" image pull busybox-mirror-test:1) >/dev/null 2>"$tmp/mirror-bad.err"
check "a malformed registry-mirrors: exit 2" test $? -eq 2
contains "a malformed registry-mirrors names the file" "$tmp/project/.msmigrate.yaml: 'registry-mirrors' must be a list" "$tmp/mirror-bad.err"

# The registry killed in the middle of a pull (the proxy, trickling the blob out, is what dies):
# a clear error after the retries, nothing half-written, nothing tagged.
big=$tmp/big-rootfs
mkdir -p "$big"
head -c 6000000 /dev/urandom >"$big/blob.bin"
"$bin" image --store "$tmp/src-store" import "$big" --tag localhost/big:1 >/dev/null
"$bin" image --store "$tmp/src-store" save localhost/big:1 -o "$tmp/big.tar"
skopeo_push "oci-archive:$tmp/big.tar" "$reg/msm/big:1" >/dev/null 2>&1
echo slow >"$tmp/mode"
fresh_store
"$bin" image pull "$proxy/msm/big:1" >/dev/null 2>"$tmp/killed.err" &
pull_pid=$!
for i in $(seq 100); do
  [[ $(stat -c %s "$MSMIGRATE_STORE"/tmp/pull-*/blob 2>/dev/null | sort -n | tail -1) -gt 100000 ]] && break
  sleep 0.05
done
kill "${pids[-1]}"
wait "$pull_pid"
code=$?
check "registry killed: exit 2 (got $code)" test $code -eq 2
contains "registry killed: names the registry" "$proxy" "$tmp/killed.err"
check "registry killed: no temp files left" no_temp_files
check "registry killed: no image tagged" bash -c "! '$bin' image ls -q | grep -q big"

finish
