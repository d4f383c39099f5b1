#!/usr/bin/env bash
# How `image push` sends blobs, seen by a logging proxy in front of Debian's docker-registry with
# token auth: a second image in another repository of the same registry mounts the layer it shares
# (POST ?mount=&from=, with a token that may also pull from the source repository) and sends none
# of its bytes; a blob larger than MSMIGRATE_PUSH_CHUNK_SIZE goes up in PATCH chunks with
# Content-Range, then an empty PUT ?digest=; a mount the registry cannot do falls back to a plain
# upload. skopeo reads back the same digests and bytes.
source "$(dirname "$0")/lib/registry_lib.sh"

start_token_server
start_registry tok token
tok=127.0.0.1:$tok_port
start_fault_proxy "$tok"
echo testpass | "$bin" login -u testuser --password-stdin "$proxy" >/dev/null 2>"$tmp/login.err"
check "login: $(cat "$tmp/login.err")" test $? -eq 0

# Two images with the same layer (the same rootfs) and different configs.
make_small_image "$MSMIGRATE_STORE" localhost/first:1
"$bin" image import "$tmp/small-rootfs" --tag localhost/second:1 -c 'CMD ["/bin/hello", "second"]' >/dev/null
layer_of() { "$bin" image inspect "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Layers"][0]["digest"])'; }
digest_of() { "$bin" image inspect "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["ManifestDigest"])'; }
layer=$(layer_of localhost/first:1)
check "the two images share their layer" test "$(layer_of localhost/second:1)" = "$layer"

: >"$tmp/proxy.log"
"$bin" image push localhost/first:1 "$proxy/team-a/app:1" >/dev/null 2>"$tmp/first.err"
check "first push: exit 0: $(tail -2 "$tmp/first.err")" test $? -eq 0
contains "first push uploads both blobs" "2 blobs uploaded, 0 already there" "$tmp/first.err"

: >"$tmp/proxy.log"
: >"$tmp/token.log"
"$bin" image push localhost/second:1 "$proxy/team-b/app:1" >/dev/null 2>"$tmp/second.err"
check "second push, another repository: exit 0: $(tail -2 "$tmp/second.err")" test $? -eq 0
contains "the shared layer is mounted, the config uploaded" "1 blobs uploaded, 0 already there, 1 mounted from another repository" "$tmp/second.err"
contains "the registry was asked to mount it from team-a/app" "POST /v2/team-b/app/blobs/uploads/?mount=sha256%3A${layer#sha256:}&from=team-a%2Fapp" "$tmp/proxy.log"
check "the token covered pulling from the source repository: $(cat "$tmp/token.log")" \
  grep -qF "scope=repository:team-b/app:pull,push scope=repository:team-a/app:pull who=testuser" "$tmp/token.log"
check "no upload session carried the layer: one PUT in all (the config's)" \
  test "$(grep -c '^PUT /v2/team-b/app/blobs/uploads/' "$tmp/proxy.log")" -eq 1
check "no PATCH at all" bash -c "! grep -q '^PATCH' '$tmp/proxy.log'"
got=$(skopeo inspect --cert-dir "$HOME/.config/containers/certs.d/$tok" --creds testuser:testpass --format '{{.Digest}}' "docker://$tok/team-b/app:1")
check "skopeo reads the second image's digest" test "$got" = "$(digest_of localhost/second:1)"
skopeo copy -q --src-cert-dir "$HOME/.config/containers/certs.d/$tok" --src-creds testuser:testpass "docker://$tok/team-b/app:1" "oci:$tmp/oci-b:x" >"$tmp/copy-b.log" 2>&1
check "skopeo pulls the mounted layer: $(tail -1 "$tmp/copy-b.log")" cmp "$tmp/oci-b/blobs/sha256/${layer#sha256:}" "$MSMIGRATE_STORE/blobs/sha256/${layer#sha256:}"

# A source the registry does not hold (its record is stale): the mount is refused (202, a plain
# session) and the bytes are uploaded.
fresh=$tmp/fresh-store
make_small_image "$fresh" localhost/third:1
third_layer=$(MSMIGRATE_STORE=$fresh layer_of localhost/third:1)
printf '%s/team-z/gone\n' "$proxy" >"$fresh/sources/${third_layer#sha256:}"
: >"$tmp/proxy.log"
MSMIGRATE_STORE=$fresh "$bin" image push localhost/third:1 "$proxy/team-c/app:1" >/dev/null 2>"$tmp/stale.err"
check "stale mount source: exit 0: $(tail -2 "$tmp/stale.err")" test $? -eq 0
contains "stale mount source: asked" "?mount=sha256%3A${third_layer#sha256:}&from=team-z%2Fgone" "$tmp/proxy.log"
contains "stale mount source: uploaded instead" "2 blobs uploaded, 0 already there" "$tmp/stale.err"

# Chunked upload: a new 300 kB layer (known nowhere, so nothing to mount) in 64 kB PATCHes, then
# the PUT with the digest.
export MSMIGRATE_STORE=$tmp/chunk-store
make_small_image "$MSMIGRATE_STORE" localhost/first:1
layer=$(layer_of localhost/first:1)
: >"$tmp/proxy.log"
MSMIGRATE_PUSH_CHUNK_SIZE=65536 "$bin" image push localhost/first:1 "$proxy/chunked/app:1" >/dev/null 2>"$tmp/chunked.err"
check "chunked push: exit 0: $(tail -2 "$tmp/chunked.err")" test $? -eq 0
size=$(stat -c %s "$MSMIGRATE_STORE/blobs/sha256/${layer#sha256:}")
chunks=$(( (size + 65535) / 65536 ))
check "one PATCH per 64 kB chunk ($chunks for $size bytes): $(grep -c '^PATCH' "$tmp/proxy.log")" \
  test "$(grep -c '^PATCH' "$tmp/proxy.log")" -eq "$chunks"
contains "the first chunk says its range" "content-range=0-65535" "$tmp/proxy.log"
contains "the last chunk ends at the last byte" "content-range=$(( (chunks - 1) * 65536 ))-$((size - 1))" "$tmp/proxy.log"
skopeo copy -q --src-cert-dir "$HOME/.config/containers/certs.d/$tok" --src-creds testuser:testpass "docker://$tok/chunked/app:1" "oci:$tmp/oci-c:x" >"$tmp/copy-c.log" 2>&1
check "skopeo pulls the chunked layer byte for byte: $(tail -1 "$tmp/copy-c.log")" \
  cmp "$tmp/oci-c/blobs/sha256/${layer#sha256:}" "$MSMIGRATE_STORE/blobs/sha256/${layer#sha256:}"
MSMIGRATE_PUSH_CHUNK_SIZE=lots "$bin" image push localhost/first:1 "$proxy/chunked/app:2" >/dev/null 2>"$tmp/badchunk.err"
check "a malformed MSMIGRATE_PUSH_CHUNK_SIZE: exit 2" test $? -eq 2
contains "a malformed MSMIGRATE_PUSH_CHUNK_SIZE: named" "MSMIGRATE_PUSH_CHUNK_SIZE=lots" "$tmp/badchunk.err"

finish
