#!/usr/bin/env bash
# RUN --mount beyond the context: bind and cache mounts from another stage or an image
# (read-only, or rw with a throwaway layer), secrets (--secret, never in a layer or the cache
# key) and ssh-agent forwarding (--ssh); mount points never reach a layer.
set -uo pipefail
source "$(dirname "$0")/lib/build_lib.sh"

layer_files() {  # layer_files TAG: every path in the image's layers, one per line
  rm -rf "$tmp/x" && mkdir -p "$tmp/x"
  "$bin" image save "$1" -o - | tar -x -C "$tmp/x"
  for l in $(python3 -c "import json;print(' '.join(json.load(open('$tmp/x/manifest.json'))[0]['Layers']))"); do
    tar -tzf "$tmp/x/$l"
  done
}

# --- bind and cache mounts from a stage and from an image ---------------------------------
mkdir -p "$tmp/from"
cat >"$tmp/from/Dockerfile" <<DF
FROM $busybox_ref AS tools
RUN mkdir -p /out && echo from-stage-$$ > /out/file && echo other > /out/other
FROM $busybox_ref
RUN --mount=type=bind,from=tools,source=/out,target=/m cat /m/file > /copied
RUN --mount=type=bind,from=tools,source=/out/file,target=/etc/one.txt cat /etc/one.txt > /copied-file
RUN --mount=type=bind,from=tools,target=/whole test -f /whole/out/other
RUN --mount=type=bind,from=tools,source=/out,target=/m sh -c 'if touch /m/x 2>/dev/null; then exit 9; fi'
RUN --mount=type=bind,from=tools,source=/out,target=/m,rw sh -c 'echo w > /m/written && rm /m/other && ls /m > /rw-saw'
RUN --mount=type=bind,from=tools,source=/out,target=/m sh -c 'ls /m > /after-rw'
RUN --mount=type=bind,from=$busybox_ref,source=/bin,target=/bb /bb/busybox true && echo image-ok > /from-image
RUN --mount=type=cache,from=tools,source=/out,target=/c,id=seeded-$$ sh -c 'cat /c/file > /cache-seed && echo more >> /c/file'
RUN --mount=type=cache,from=tools,source=/out,target=/c,id=seeded-$$ sh -c 'wc -l < /c/file > /cache-kept'
DF
"$bin" build --progress plain -t "localhost/e2e-from:$$" "$tmp/from" >/dev/null 2>"$tmp/from.log"
code=$?
check "mount from=: build exits 0 ($code): $(grep -m3 -E 'error|Dockerfile:' "$tmp/from.log")" test $code -eq 0
files=$(layer_files "localhost/e2e-from:$$")
content() { tar -xzOf "$tmp/x/$(python3 -c "import json;print(json.load(open('$tmp/x/manifest.json'))[0]['Layers'][$1])")" "$2" 2>/dev/null; }
get() {  # get PATH: the file's content from the topmost layer that has it
  local n i
  n=$(python3 -c "import json;print(len(json.load(open('$tmp/x/manifest.json'))[0]['Layers']))")
  for ((i = n - 1; i >= 0; i--)); do
    if content "$i" "$1" >"$tmp/got"; then cat "$tmp/got"; return; fi
  done
}
check "bind from a stage's directory" test "$(get copied)" = "from-stage-$$"
check "bind from a stage's single file" test "$(get copied-file)" = "from-stage-$$"
check "bind from a stage's root (default source)" bash -c "grep -qx 'copied' <<<'$files'"
check "rw bind sees its own writes" test "$(get rw-saw | tr '\n' ' ')" = "file written "
check "rw writes are thrown away" test "$(get after-rw | tr '\n' ' ')" = "file other "
check "bind from an image" test "$(get from-image)" = "image-ok"
check "cache from= starts as the stage's files" test "$(get cache-seed)" = "from-stage-$$"
check "cache from= keeps its writes for the next step" test "$(get cache-kept | tr -d ' ')" = "2"
check "mount points never reach a layer (m, whole, bb, c, etc/one.txt)" \
  bash -c "! grep -qE '^(m|whole|bb|c)(/|$)|^etc/one.txt$' <<<'$files'"
"$bin" build --progress plain -t "localhost/e2e-from:$$" "$tmp/from" >/dev/null 2>"$tmp/from2.log"
check "unchanged rebuild with from= mounts is fully cached: $(tail -1 "$tmp/from2.log")" grep -q ' 0 run, ' "$tmp/from2.log"
printf 'FROM %s\nRUN --mount=type=bind,from=localhost/not-there:1,target=/m true\n' "$busybox_ref" >"$tmp/from/Dockerfile.bad"
"$bin" build -f "$tmp/from/Dockerfile.bad" "$tmp/from" >/dev/null 2>"$tmp/bad.log"
code=$?
check "from= an unknown image: exit 2, says how to import ($code)" bash -c "[[ $code -eq 2 ]] && grep -q 'image import' '$tmp/bad.log'"

# --- secrets --------------------------------------------------------------------------------
mkdir -p "$tmp/sec"
secret="s3cret-$$-$RANDOM"
printf '%s' "$secret" >"$tmp/secret.txt"
hash=$(sha256sum <"$tmp/secret.txt" | cut -d' ' -f1)  # the Dockerfile (and so the history) has only this
cat >"$tmp/sec/Dockerfile" <<DF
FROM $busybox_ref
RUN --mount=type=secret,id=tok sh -c 'test "\$(sha256sum < /run/secrets/tok | cut -d" " -f1)" = "$hash" && stat -c "%a %u" /run/secrets/tok > /mode'
RUN --mount=type=secret,id=tok,env=TOK,target=/etc/tok.conf,mode=0440,uid=65534 sh -c 'test "\$(printf %s "\$TOK" | sha256sum | cut -d" " -f1)" = "$hash" && stat -c "%a %u" /etc/tok.conf > /mode2'
RUN --mount=type=secret,id=absent sh -c 'test ! -e /run/secrets/absent && echo skipped > /optional'
DF
"$bin" build --progress plain --secret "id=tok,src=$tmp/secret.txt" -t "localhost/e2e-secret:$$" "$tmp/sec" >/dev/null 2>"$tmp/sec.log"
code=$?
check "secret build exits 0 ($code): $(grep -m3 -E 'error|Dockerfile:' "$tmp/sec.log")" test $code -eq 0
files=$(layer_files "localhost/e2e-secret:$$")
check "secret file mounted 0400 root" test "$(get mode)" = "400 0"
check "secret as env=, at target=, with mode= and uid=" test "$(get mode2)" = "440 65534"
check "an optional secret that was not given is skipped" test "$(get optional)" = "skipped"
check "no run/ or etc/tok.conf mount point in a layer" bash -c "! grep -qE '^run(/|$)|^etc/tok.conf$' <<<'$files'"
check "the secret is in no blob of the image" bash -c "! grep -rqa '$secret' '$tmp/x'"
check "the secret is nowhere in the store" bash -c "! grep -rqa '$secret' '$MSMIGRATE_STORE' 2>/dev/null"
printf 'another-%s' "$secret" >"$tmp/secret2.txt"
"$bin" build --progress plain --secret "id=tok,src=$tmp/secret2.txt" -t "localhost/e2e-secret:$$" "$tmp/sec" >/dev/null 2>"$tmp/sec2.log"
check "a changed secret value does not invalidate the cache (BuildKit): $(tail -1 "$tmp/sec2.log")" grep -q ' 0 run, ' "$tmp/sec2.log"
TOKEN_FROM_ENV=$secret "$bin" build --progress plain --no-cache --secret id=tok,env=TOKEN_FROM_ENV "$tmp/sec" >/dev/null 2>"$tmp/sec3.log"
code=$?
check "--secret id=,env= works: $(tail -2 "$tmp/sec3.log")" test $code -eq 0
printf 'FROM %s\nRUN --mount=type=secret,id=needed,required=true true\n' "$busybox_ref" >"$tmp/sec/Dockerfile.req"
"$bin" build -f "$tmp/sec/Dockerfile.req" "$tmp/sec" >/dev/null 2>"$tmp/req.log"
code=$?
check "required secret missing: exit 2 naming it ($code: $(cat "$tmp/req.log"))" bash -c "[[ $code -eq 2 ]] && grep -q 'secret needed: not found' '$tmp/req.log'"
"$bin" build --secret "id=x,src=$tmp/nope" "$tmp/sec" >/dev/null 2>"$tmp/nofile.log"
code=$?
check "--secret with a missing file: exit 2 naming it ($code)" bash -c "[[ $code -eq 2 ]] && grep -q '$tmp/nope' '$tmp/nofile.log'"

# --- ssh-agent forwarding -------------------------------------------------------------------
printf 'FROM %s\nRUN --mount=type=ssh sh -c '"'"'test -S "$SSH_AUTH_SOCK" && echo "$SSH_AUTH_SOCK" > /sock'"'"'\n' "$busybox_ref" >"$tmp/sec/Dockerfile.ssh"
if command -v ssh-agent >/dev/null; then
  ssh-agent -a "$tmp/agent.sock" >"$tmp/agent.env"
  agent_pid=$(sed -n 's/^SSH_AGENT_PID=\([0-9]*\);.*/\1/p' "$tmp/agent.env")
  "$bin" build --progress plain --no-cache --ssh "default=$tmp/agent.sock" -t "localhost/e2e-ssh:$$" -f "$tmp/sec/Dockerfile.ssh" "$tmp/sec" >/dev/null 2>"$tmp/ssh.log"
  code=$?
  check "ssh mount: the agent socket is at \$SSH_AUTH_SOCK ($code): $(grep -m2 -E 'error|Dockerfile:' "$tmp/ssh.log")" test $code -eq 0
  files=$(layer_files "localhost/e2e-ssh:$$")
  check "ssh socket at BuildKit's default target" test "$(get sock)" = "/run/buildkit/ssh_agent.0"
  check "no ssh mount point in a layer" bash -c "! grep -qE '^run(/|$)' <<<'$files'"
  [[ -n $agent_pid ]] && kill "$agent_pid"
  "$bin" image rm "localhost/e2e-ssh:$$" >/dev/null
else
  echo "note: ssh-agent not installed; the forwarding check was not run"
fi
echo "not a socket" >"$tmp/id_key"
"$bin" build --ssh "default=$tmp/id_key" -f "$tmp/sec/Dockerfile.ssh" "$tmp/sec" >/dev/null 2>"$tmp/sshkey.log"
code=$?
check "--ssh with a key file: exit 2, says to use ssh-agent ($code)" bash -c "[[ $code -eq 2 ]] && grep -q 'ssh-add' '$tmp/sshkey.log'"
printf 'FROM %s\nRUN --mount=type=ssh,required=true true\n' "$busybox_ref" >"$tmp/sec/Dockerfile.sshreq"
"$bin" build -f "$tmp/sec/Dockerfile.sshreq" "$tmp/sec" >/dev/null 2>"$tmp/sshreq.log"
code=$?
check "required ssh without --ssh: exit 2 ($code)" bash -c "[[ $code -eq 2 ]] && grep -q -- '--ssh default' '$tmp/sshreq.log'"
printf 'FROM %s\nRUN --mount=type=npipe,target=/x true\n' "$busybox_ref" >"$tmp/sec/Dockerfile.unknown"
"$bin" build -f "$tmp/sec/Dockerfile.unknown" "$tmp/sec" >/dev/null 2>"$tmp/unknown.log"
code=$?
check "unknown mount type: exit 2 ($code)" bash -c "[[ $code -eq 2 ]] && grep -q 'type=npipe is not supported' '$tmp/unknown.log'"
check "no mounts left behind" bash -c "! grep -q '$MSMIGRATE_STORE' /proc/self/mountinfo"

"$bin" image rm "localhost/e2e-from:$$" "localhost/e2e-secret:$$" >/dev/null
finish
