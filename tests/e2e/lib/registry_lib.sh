# Sourced by tests/e2e/registry_*.sh: a private Debian docker-registry (2.8) on 127.0.0.1 with TLS
# from a CA made here and htpasswd basic auth, stopped by pid when the test ends. HOME points at
# the scratch dir, so credentials and certs.d are the test's own (never the machine's).
# Sourced after build_lib.sh by tests that also build: common.sh is read once.
[[ -n ${tmp:-} ]] || source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bin=$(readlink -f "$bin")
for tool in docker-registry skopeo openssl htpasswd python3; do
  command -v $tool >/dev/null || skip "$tool is missing (scripts/setup.sh installs it)"
done

pids=()
cleanup() {
  local p
  for p in "${pids[@]+"${pids[@]}"}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT

export HOME=$tmp/home
mkdir -p "$HOME"
unset DOCKER_CONFIG REGISTRY_AUTH_FILE XDG_RUNTIME_DIR XDG_CONFIG_HOME MSMIGRATE_REGISTRY_MIRRORS MSMIGRATE_INSECURE_REGISTRIES
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
export MSMIGRATE_STORE=$tmp/store

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The test CA and a server certificate for 127.0.0.1 and localhost.
pki=$tmp/pki
mkdir -p "$pki"
(
  cd "$pki" || exit 1
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=msmigrate test CA" -keyout ca.key -out ca.crt
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext -out server.crt
) >"$tmp/pki.log" 2>&1 || { cat "$tmp/pki.log"; fail "test CA"; finish; }
htpasswd -Bbn testuser testpass >"$pki/htpasswd" 2>/dev/null

# trust_and_wait PORT PATH: trusts the test CA for 127.0.0.1:PORT through
# $HOME/.config/containers/certs.d (as podman and skopeo read it), then waits for PATH to answer.
trust_and_wait() {
  mkdir -p "$HOME/.config/containers/certs.d/127.0.0.1:$1"
  cp "$pki/ca.crt" "$HOME/.config/containers/certs.d/127.0.0.1:$1/ca.crt"
  local i
  for i in $(seq 100); do
    curl -s -o /dev/null --cacert "$pki/ca.crt" "https://127.0.0.1:$1$2" && break
    sleep 0.1
  done
}

# start_token_server: distribution's token server (lib/token_server.py) on 127.0.0.1 over TLS,
# signing with a key of its own; sets token_port. testuser:testpass may do everything, anonymous
# callers pull; the identity token test-refresh-token stands for testuser. Tokens live for the
# seconds in $tmp/token-expires; each request is logged to $tmp/token.log.
start_token_server() {
  (cd "$pki" && openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=msmigrate test token signer" \
    -keyout token.key -out token.crt) >>"$tmp/pki.log" 2>&1 || { fail "token signing key"; finish; }
  token_port=$(free_port)
  echo 300 >"$tmp/token-expires"
  : >"$tmp/token.log"
  python3 "$root/tests/e2e/lib/token_server.py" "$token_port" "$pki/server.crt" "$pki/server.key" "$pki/token.key" \
    "$pki/token.crt" msmigrate-test-issuer testuser:testpass test-refresh-token "$tmp/token-expires" "$tmp/token.log" \
    2>"$tmp/token-server.err" &
  pids+=($!)
  trust_and_wait "$token_port" "/token?service=probe"
  : >"$tmp/token.log"
}

# start_registry NAME [auth|token]: a registry with its own storage; sets ${NAME}_port and trusts
# the CA for it (trust_and_wait). auth: htpasswd; token: the bearer flow through
# start_token_server's server.
start_registry() {
  local name=$1 auth=${2:-}
  local dir=$tmp/registry-$name port
  port=$(free_port)
  mkdir -p "$dir/data"
  {
    printf 'version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: %s\n' "$dir/data"
    printf '  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:%s\n  secret: test-only-not-secret\n' "$port"
    printf '  tls:\n    certificate: %s\n    key: %s\n' "$pki/server.crt" "$pki/server.key"
    if [[ $auth == auth ]]; then
      printf 'auth:\n  htpasswd:\n    realm: msmigrate-test\n    path: %s\n' "$pki/htpasswd"
    elif [[ $auth == token ]]; then
      printf 'auth:\n  token:\n    realm: https://127.0.0.1:%s/token\n    service: msmigrate-test-registry\n' "$token_port"
      printf '    issuer: msmigrate-test-issuer\n    rootcertbundle: %s\n' "$pki/token.crt"
    fi
  } >"$dir/config.yml"
  docker-registry serve "$dir/config.yml" >"$dir/log" 2>&1 &
  pids+=($!)
  eval "${name}_pid=$!"
  trust_and_wait "$port" /v2/
  eval "${name}_port=$port"
}

# start_fault_proxy UPSTREAM: lib/fault_proxy.py on 127.0.0.1 (plain HTTP) in front of UPSTREAM, in
# the mode written to $tmp/mode ("pass" to start), logging to $tmp/proxy.log; sets proxy.
start_fault_proxy() {
  local port
  port=$(free_port)
  echo pass >"$tmp/mode"
  python3 "$root/tests/e2e/lib/fault_proxy.py" "$port" "$1" "$pki/ca.crt" "$tmp/mode" "$tmp/proxy.log" 2>"$tmp/proxy.err" &
  pids+=($!)
  proxy=127.0.0.1:$port
  local i
  for i in $(seq 50); do curl -s -o /dev/null "http://$proxy/v2/" && break; sleep 0.1; done
}

# A small image made here without a network: a rootfs of a few files imported into a store.
make_small_image() {  # make_small_image STORE TAG
  local root=$tmp/small-rootfs
  rm -rf "$root"
  mkdir -p "$root/etc" "$root/bin" "$root/data"
  echo "hello from the registry test" >"$root/etc/motd"
  head -c 300000 /dev/urandom >"$root/data/random.bin"
  printf '#!/bin/sh\necho hi\n' >"$root/bin/hello" && chmod 755 "$root/bin/hello"
  "$bin" image --store "$1" import "$root" --tag "$2" -c 'CMD ["/bin/hello"]' >/dev/null
}

# skopeo with the test's certs.d and the given credentials.
skopeo_push() {  # skopeo_push SRC DEST-REF [--dest-creds U:P]
  local src=$1 dest=$2
  shift 2
  skopeo copy -q --dest-cert-dir "$HOME/.config/containers/certs.d/${dest%%/*}" "$@" "$src" "docker://$dest"
}
