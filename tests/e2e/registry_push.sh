#!/usr/bin/env bash
# `msmigrate image push` to Debian's docker-registry on 127.0.0.1 (TLS, htpasswd): skopeo reads
# back the same digest and the same bytes; a second push uploads nothing; pushing needs a login
# and a bad one is refused without printing it; push then pull round-trips into a fresh store.
source "$(dirname "$0")/lib/registry_lib.sh"

start_registry locked auth
locked=127.0.0.1:$locked_port

make_small_image "$MSMIGRATE_STORE" localhost/small:1
want=$("$bin" image inspect localhost/small:1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["ManifestDigest"])')

"$bin" image push localhost/small:1 "$locked/msm/pushed:1" >/dev/null 2>"$tmp/anon.err"
check "push without credentials: exit 2" test $? -eq 2
contains "push without credentials: says how to log in" "msmigrate login $locked" "$tmp/anon.err"

echo testpass | "$bin" login -u testuser --password-stdin "$locked" >/dev/null 2>&1
"$bin" image push localhost/small:1 "$locked/msm/pushed:1" >"$tmp/push.out" 2>"$tmp/push.err"
check "push exits 0: $(tail -2 "$tmp/push.err")" test $? -eq 0
contains "push prints the digest" "$locked/msm/pushed:1 $want" "$tmp/push.out"
contains "blobs uploaded" "2 blobs uploaded, 0 already there" "$tmp/push.err"
got=$(skopeo inspect --cert-dir "$HOME/.config/containers/certs.d/$locked" --creds testuser:testpass --format '{{.Digest}}' "docker://$locked/msm/pushed:1")
check "skopeo sees the same manifest digest ($got vs $want)" test "$got" = "$want"
skopeo copy -q --src-cert-dir "$HOME/.config/containers/certs.d/$locked" --src-creds testuser:testpass \
  "docker://$locked/msm/pushed:1" "oci:$tmp/oci:x" >"$tmp/copy.log" 2>&1
check "skopeo pulls what msmigrate pushed: $(tail -1 "$tmp/copy.log")" test $? -eq 0
for blob in "$tmp"/oci/blobs/sha256/*; do
  check "blob $(basename "$blob") identical to the store's" cmp "$blob" "$MSMIGRATE_STORE/blobs/sha256/$(basename "$blob")"
done

"$bin" image push localhost/small:1 "$locked/msm/pushed:2" >/dev/null 2>"$tmp/again.err"
check "second push: exit 0" test $? -eq 0
contains "second push uploads nothing" "0 blobs uploaded, 2 already there" "$tmp/again.err"

# Round trip: push → pull into an empty store → same digest.
MSMIGRATE_STORE=$tmp/fresh "$bin" image pull -q "$locked/msm/pushed:2" >"$tmp/rt.out" 2>"$tmp/rt.err"
check "round trip: pull of the pushed image: $(tail -1 "$tmp/rt.err")" test "$(cat "$tmp/rt.out")" = "$want"

printf '{"auths":{"%s":{"auth":"%s"}}}\n' "$locked" "$(printf testuser:not-the-pass | base64)" >"$tmp/bad.json"
"$bin" image push --authfile "$tmp/bad.json" localhost/small:1 "$locked/msm/pushed:3" >/dev/null 2>"$tmp/bad.err"
check "bad credentials: exit 2" test $? -eq 2
contains "bad credentials: names the registry" "$locked" "$tmp/bad.err"
check "bad credentials: the secret is never printed" bash -c "! grep -q not-the-pass '$tmp/bad.err'"

finish
