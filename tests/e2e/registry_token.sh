#!/usr/bin/env bash
# The bearer flow end to end (distribution's token auth spec): Debian's docker-registry with
# `auth: token:` trusting the key of a token server started here (lib/token_server.py, JWTs signed
# RS256). Anonymous pulls get a pull-scoped token, fetched once per scope and reused by every
# request of the pull; a token past its expires_in is fetched again; an anonymous push gets
# 401 insufficient_scope and says how to log in; login and push send Basic credentials to the
# token endpoint only; an identity token (OAuth2 refresh_token grant) works; bad credentials are
# refused by name; no password or token is ever printed.
source "$(dirname "$0")/lib/registry_lib.sh"

start_token_server
start_registry tok token
tok=127.0.0.1:$tok_port
pull_scope="scope=repository:msm/small:pull who"

# token_requests PATTERN: how many token requests the server logged that match PATTERN.
token_requests() { grep -cF -- "$1" "$tmp/token.log"; }

make_small_image "$tmp/src-store" localhost/small:1
"$bin" image --store "$tmp/src-store" save localhost/small:1 -o "$tmp/small.tar"
skopeo_push "oci-archive:$tmp/small.tar" "$tok/msm/small:1" --dest-creds testuser:testpass >"$tmp/skopeo.log" 2>&1
check "skopeo push through the token server: $(tail -2 "$tmp/skopeo.log")" test $? -eq 0
want=$(skopeo inspect --cert-dir "$HOME/.config/containers/certs.d/$tok" --format '{{.Digest}}' "docker://$tok/msm/small:1")

# --- anonymous pull: one token for the pull scope, reused for HEAD, manifest, config and layer ---
: >"$tmp/token.log"
"$bin" image pull "$tok/msm/small:1" >"$tmp/anon.out" 2>"$tmp/anon.err"
check "anonymous pull: exit 0: $(tail -2 "$tmp/anon.err")" test $? -eq 0
contains "anonymous pull: the digest skopeo sees" "$tok/msm/small:1 $want" "$tmp/anon.out"
check "anonymous pull: the token server was asked for the pull scope as anonymous" \
  test "$(token_requests "GET service=msmigrate-test-registry $pull_scope=anonymous")" -eq 1
check "anonymous pull: one token request in all (cached per scope): $(cat "$tmp/token.log")" \
  test "$(wc -l <"$tmp/token.log")" -eq 1

# --- a token past its expires_in is fetched again; one that is still valid is not ---------------
# The proxy answers the manifest HEAD after 2.5 s, so the next request finds the token expired.
start_fault_proxy "$tok"
echo slow-head >"$tmp/mode"
echo 1 >"$tmp/token-expires"
: >"$tmp/token.log"
MSMIGRATE_STORE=$tmp/store-expiry "$bin" image pull "$proxy/msm/small:1" >/dev/null 2>"$tmp/expiry.err"
check "short-lived tokens: exit 0: $(tail -2 "$tmp/expiry.err")" test $? -eq 0
check "short-lived tokens: fetched again after expires_in ($(token_requests "$pull_scope") requests)" \
  test "$(token_requests "$pull_scope")" -ge 2
echo 300 >"$tmp/token-expires"
: >"$tmp/token.log"
MSMIGRATE_STORE=$tmp/store-cached "$bin" image pull "$proxy/msm/small:1" >/dev/null 2>"$tmp/cached.err"
check "long-lived token: exit 0: $(tail -2 "$tmp/cached.err")" test $? -eq 0
check "long-lived token: fetched once across the 2.5 s wait ($(token_requests "$pull_scope") requests)" \
  test "$(token_requests "$pull_scope")" -eq 1

# --- anonymous push: the partial grant (pull only) meets 401 insufficient_scope ------------------
make_small_image "$MSMIGRATE_STORE" localhost/mine:1
: >"$tmp/token.log"
"$bin" image push localhost/mine:1 "$tok/msm/pushed:1" >/dev/null 2>"$tmp/anon-push.err"
check "anonymous push: exit 2" test $? -eq 2
contains "anonymous push: says how to log in" "msmigrate login $tok" "$tmp/anon-push.err"
check "anonymous push: asked for pull,push as anonymous" \
  test "$(token_requests "scope=repository:msm/pushed:pull,push who=anonymous")" -ge 1

# --- login, then push with Basic credentials sent to the token endpoint ------------------------
echo wrong-token-pass | "$bin" login -u testuser --password-stdin "$tok" >/dev/null 2>"$tmp/badlogin.err"
check "bad password: exit 2" test $? -eq 2
contains "bad password: names the token server's refusal" "refused the credentials" "$tmp/badlogin.err"
check "bad password: the secret is never printed" bash -c "! grep -q wrong-token-pass '$tmp/badlogin.err'"
check "bad password: nothing stored" test ! -e "$HOME/.docker/config.json"
echo testpass | "$bin" login -u testuser --password-stdin "$tok" >/dev/null 2>"$tmp/login.err"
check "login through the token server: $(cat "$tmp/login.err")" test $? -eq 0
: >"$tmp/token.log"
"$bin" image push localhost/mine:1 "$tok/msm/pushed:1" >"$tmp/push.out" 2>"$tmp/push.err"
check "push with the login: exit 0: $(tail -2 "$tmp/push.err")" test $? -eq 0
check "push: a pull,push token for testuser" \
  test "$(token_requests "GET service=msmigrate-test-registry scope=repository:msm/pushed:pull,push who=testuser")" -ge 1
check "push: one token request for its scope (cached): $(cat "$tmp/token.log")" \
  test "$(token_requests "scope=repository:msm/pushed:pull,push")" -eq 1
mine=$("$bin" image inspect localhost/mine:1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["ManifestDigest"])')
got=$(skopeo inspect --cert-dir "$HOME/.config/containers/certs.d/$tok" --creds testuser:testpass --format '{{.Digest}}' "docker://$tok/msm/pushed:1")
check "skopeo reads the pushed digest ($got vs $mine)" test "$got" = "$mine"

# --- an identity token: the OAuth2 refresh_token grant, POSTed ----------------------------------
printf '{"auths":{"%s":{"identitytoken":"test-refresh-token"}}}\n' "$tok" >"$tmp/identity.json"
: >"$tmp/token.log"
MSMIGRATE_STORE=$tmp/store-identity "$bin" image pull --authfile "$tmp/identity.json" "$tok/msm/pushed:1" >/dev/null 2>"$tmp/identity.err"
check "identity token: pull exit 0: $(tail -2 "$tmp/identity.err")" test $? -eq 0
check "identity token: POSTed as a refresh_token grant: $(cat "$tmp/token.log")" \
  test "$(token_requests "POST service=msmigrate-test-registry scope=repository:msm/pushed:pull who=refresh:testuser")" -eq 1
printf '{"auths":{"%s":{"identitytoken":"not-the-refresh-token"}}}\n' "$tok" >"$tmp/bad-identity.json"
MSMIGRATE_STORE=$tmp/store-identity2 "$bin" image pull --authfile "$tmp/bad-identity.json" "$tok/msm/pushed:1" >/dev/null 2>"$tmp/bad-identity.err"
check "bad identity token: exit 2" test $? -eq 2
contains "bad identity token: names the file" "$tmp/bad-identity.json" "$tmp/bad-identity.err"
check "bad identity token: never printed" bash -c "! grep -q not-the-refresh-token '$tmp/bad-identity.err'"

# Nothing printed, and nothing in the stores, carries a password or a token (JWTs start "eyJ").
check "no password or token in any output" bash -c "! grep -lE 'testpass|test-refresh-token|eyJ[A-Za-z0-9_-]{10,}' '$tmp'/*.err '$tmp'/*.out"
check "no password or token in the stores" bash -c "! grep -rlE 'testpass|test-refresh-token|eyJ[A-Za-z0-9_-]{10,}' '$tmp'/store*"

finish
