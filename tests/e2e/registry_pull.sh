#!/usr/bin/env bash
# `msmigrate image pull` against Debian's docker-registry on 127.0.0.1 (TLS from a test CA):
# skopeo pushes, msmigrate pulls; same digests and files; layers already stored are not fetched
# again; a multi-platform index (gzip, zstd and uncompressed layers) gives the host's platform or
# the one asked for; htpasswd auth with login/logout, bad credentials refused without the secret.
source "$(dirname "$0")/lib/registry_lib.sh"

start_registry open
start_registry locked auth
open=127.0.0.1:$open_port
locked=127.0.0.1:$locked_port

# --- skopeo push → msmigrate pull: same digest, same files --------------------------------------
make_small_image "$tmp/src-store" localhost/small:1
"$bin" image --store "$tmp/src-store" save localhost/small:1 -o "$tmp/small.tar"
skopeo_push "oci-archive:$tmp/small.tar" "$open/msm/small:1.0" >"$tmp/push.log" 2>&1
check "skopeo push: $(tail -2 "$tmp/push.log")" test $? -eq 0
want=$(skopeo inspect --cert-dir "$HOME/.config/containers/certs.d/$open" --format '{{.Digest}}' "docker://$open/msm/small:1.0")

"$bin" image pull "$open/msm/small:1.0" >"$tmp/pull.out" 2>"$tmp/pull.err"
code=$?
check "pull exits 0 (got $code): $(tail -3 "$tmp/pull.err")" test $code -eq 0
contains "pull prints the reference and digest" "$open/msm/small:1.0 $want" "$tmp/pull.out"
contains "progress says where from (not a tty: plain lines)" "pulling $open/msm/small:1.0 from $open" "$tmp/pull.err"
"$bin" image ls -q >"$tmp/ls"
contains "tagged in the store" "$open/msm/small:1.0" "$tmp/ls"
"$bin" image save "$open/msm/small:1.0" -o "$tmp/pulled.tar"
mkdir -p "$tmp/pulled" && tar -xf "$tmp/pulled.tar" -C "$tmp/pulled"
mkdir -p "$tmp/files"
python3 - "$tmp/pulled" "$tmp/files" <<'PY'
import json, sys, tarfile
root, out = sys.argv[1], sys.argv[2]
m = json.load(open(f"{root}/manifest.json"))[0]
for layer in m["Layers"]:
    with tarfile.open(f"{root}/{layer}") as t:
        t.extractall(out)
PY
check "the pulled image has the files" cmp "$tmp/files/etc/motd" "$tmp/small-rootfs/etc/motd"
check "byte for byte" cmp "$tmp/files/data/random.bin" "$tmp/small-rootfs/data/random.bin"

# A second pull fetches nothing: the blobs are in the store.
"$bin" image pull "$open/msm/small:1.0" >/dev/null 2>"$tmp/pull2.err"
contains "second pull fetches no layer" "0 layers fetched (0 B), 1 already in the store" "$tmp/pull2.err"
# Same layers under another name: deduplicated across images.
skopeo_push "oci-archive:$tmp/small.tar" "$open/other/copy:2" >/dev/null 2>&1
"$bin" image pull --quiet "$open/other/copy:2" >"$tmp/quiet.out" 2>"$tmp/quiet.err"
check "--quiet prints only the digest" test "$(cat "$tmp/quiet.out")" = "$want"
check "--quiet is silent on stderr: $(cat "$tmp/quiet.err")" test ! -s "$tmp/quiet.err"
"$bin" image pull "$open/msm/small@$want" >/dev/null 2>"$tmp/bydigest.err"
check "pull by digest: $(tail -2 "$tmp/bydigest.err")" test $? -eq 0

# --- multi-platform index; gzip, zstd, uncompressed layers ---------------------------------------
python3 "$root/tests/e2e/lib/make_oci_layout.py" "$tmp/multi" multi >/dev/null
skopeo copy -q --all --dest-cert-dir "$HOME/.config/containers/certs.d/$open" "oci:$tmp/multi:multi" "docker://$open/msm/multi:1" >"$tmp/multi.log" 2>&1
check "skopeo push of the index: $(tail -2 "$tmp/multi.log")" test $? -eq 0
if [[ $(uname -m) == x86_64 ]]; then
  "$bin" image pull "$open/msm/multi:1" >/dev/null 2>"$tmp/multi.err"
  check "index → host platform (linux/amd64): $(tail -2 "$tmp/multi.err")" test $? -eq 0
  "$bin" image inspect "$open/msm/multi:1" >"$tmp/multi.json"
  contains "amd64 chosen" '"architecture": "amd64"' "$tmp/multi.json"
  contains "zstd layer kept as served" 'tar+zstd' "$tmp/multi.json"
  # Build on it, to see that each compression unpacks: only where builds can run.
fi
"$bin" image pull --platform linux/arm64 "$open/msm/multi:1" >/dev/null 2>"$tmp/arm.err"
check "--platform linux/arm64: $(tail -2 "$tmp/arm.err")" test $? -eq 0
"$bin" image inspect "$open/msm/multi:1" >"$tmp/arm.json"
contains "arm64 chosen and tagged" '"architecture": "arm64"' "$tmp/arm.json"
"$bin" image pull --platform linux/s390x "$open/msm/multi:1" >/dev/null 2>"$tmp/s390x.err"
check "no linux/s390x: exit 2" test $? -eq 2
contains "the error lists what is offered" "has no image for linux/s390x; it offers linux/amd64, linux/arm64" "$tmp/s390x.err"
"$bin" image pull "$open/msm/nothing:1" >/dev/null 2>"$tmp/missing.err"
check "unknown image: exit 2" test $? -eq 2
contains "unknown image: the registry's code" "MANIFEST_UNKNOWN" "$tmp/missing.err"
"$bin" image pull "$open/Bad/Name" >/dev/null 2>"$tmp/bad.err"
check "invalid reference: exit 2" test $? -eq 2
contains "invalid reference explained" "repository name must be lowercase" "$tmp/bad.err"

# --- htpasswd: no credentials, bad ones, login, pull, logout --------------------------------------
skopeo_push "oci-archive:$tmp/small.tar" "$locked/msm/small:1.0" --dest-creds testuser:testpass >/dev/null 2>&1
"$bin" image pull "$locked/msm/small:1.0" >/dev/null 2>"$tmp/anon.err"
check "no credentials: exit 2" test $? -eq 2
contains "no credentials: says how to log in" "msmigrate login $locked" "$tmp/anon.err"
echo wrong-secret-pass | "$bin" login -u testuser --password-stdin "$locked" >/dev/null 2>"$tmp/badlogin.err"
check "bad password: exit 2" test $? -eq 2
contains "bad password: names the registry" "$locked" "$tmp/badlogin.err"
check "bad password: the secret is never printed" bash -c "! grep -q wrong-secret-pass '$tmp/badlogin.err'"
check "bad password: nothing stored" test ! -e "$HOME/.docker/config.json"
echo testpass | "$bin" login -u testuser --password-stdin "$locked" >/dev/null 2>"$tmp/login.err"
check "login exits 0: $(cat "$tmp/login.err")" test $? -eq 0
contains "login stored in the Docker config" "$HOME/.docker/config.json" "$tmp/login.err"
check "config.json is private (0600)" test "$(stat -c %a "$HOME/.docker/config.json")" = 600
"$bin" image pull "$locked/msm/small:1.0" >/dev/null 2>"$tmp/authed.err"
check "pull with the stored login: $(tail -2 "$tmp/authed.err")" test $? -eq 0
check "the password never reaches the store" bash -c "! grep -rq testpass '$MSMIGRATE_STORE'"
# A credential helper named in the config answers instead of the file.
mkdir -p "$tmp/helper-bin"
cat >"$tmp/helper-bin/docker-credential-msmtest" <<'EOF'
#!/bin/sh
read -r server
[ "$1" = get ] || exit 1
printf '{"ServerURL":"%s","Username":"testuser","Secret":"testpass"}\n' "$server"
EOF
chmod 755 "$tmp/helper-bin/docker-credential-msmtest"
mkdir -p "$tmp/helper-config"
printf '{"credHelpers":{"%s":"msmtest"}}\n' "$locked" >"$tmp/helper-config/config.json"
rm -rf "$MSMIGRATE_STORE"
PATH=$tmp/helper-bin:$PATH DOCKER_CONFIG=$tmp/helper-config "$bin" image pull "$locked/msm/small:1.0" >/dev/null 2>"$tmp/helper.err"
check "credHelpers: pull through docker-credential-msmtest: $(tail -2 "$tmp/helper.err")" test $? -eq 0
printf '{"auths":{"%s":{"auth":"%s"}}}\n' "$locked" "$(printf testuser:nope | base64)" >"$tmp/authfile.json"
rm -rf "$MSMIGRATE_STORE"
"$bin" image pull --authfile "$tmp/authfile.json" "$locked/msm/small:1.0" >/dev/null 2>"$tmp/badfile.err"
check "bad credentials from --authfile: exit 2" test $? -eq 2
contains "bad credentials: names the file they came from" "the credentials from $tmp/authfile.json were not accepted" "$tmp/badfile.err"
check "bad credentials: the secret is never printed" bash -c "! grep -q nope '$tmp/badfile.err'"
"$bin" logout "$locked" 2>"$tmp/logout.err"
contains "logout removes the entry" "Removed the credentials for $locked" "$tmp/logout.err"
check "logout leaves no secret in the config" bash -c "! grep -q auth\\\" '$HOME/.docker/config.json'"

finish
