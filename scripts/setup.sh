#!/usr/bin/env bash
# Installs what msmigrate needs on a fresh Debian 12 machine (as root). Idempotent: a second run
# only checks. Packages come from Debian (apt) and the npm registry.
#   setup.sh          everything: build, tests, benchmarks and their peers (README command 2)
#   setup.sh --demo   only what building msmigrate and running the demo needs (README command 1)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
[[ $mode == all || $mode == --demo ]] || { echo "usage: setup.sh [--demo]" >&2; exit 2; }

# Building msmigrate, and the demo (apt-get download and dpkg-deb are in every Debian).
apt_packages=(
  cmake g++ ninja-build pkg-config
  libtree-sitter-dev libcli11-dev libyaml-cpp-dev libarchive-dev
  doctest-dev nlohmann-json3-dev libssl-dev libdeflate-dev
  libzstd-dev liblz4-dev libacl1-dev  # libarchive's codecs: it is linked statically (start-up time)
  libcurl4-openssl-dev  # registries: curl.h at build time; libcurl.so.4 is loaded on first use
  nettle-dev liblzma-dev libbz2-dev zlib1g-dev  # the rest of msmigrate's static link
  nodejs npm  # the npm registry's tree-sitter-bash
)
if [[ $mode == all ]]; then
  apt_packages+=(
    docker-registry apache2-utils openssl zstd python3  # registry tests: a loopback registry, htpasswd, a test CA, token server and fault proxy
    docker.io  # verify --engine docker: the tests start dockerd on a private socket (no service)
    skopeo umoci buildah podman  # image interop tests, the bench, verify --engine buildah|podman
    chromium      # the verify HTML report is opened headless in a test
    pre-commit
    neovim  # the real LSP client of tests/e2e/lsp_neovim.sh (0.7: built-in client)
    clang libclang-rt-14-dev  # the sanitizer + libFuzzer build (scripts/fuzz.sh, scripts/sanitize.sh)
    shellcheck  # SC rules: lint runs it on RUN scripts (0.9.0 in Debian 12)
    linux-perf valgrind  # start-up figures in bench/lint_bench.sh (page faults, instructions)
  )
fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A machine whose node/npm came from elsewhere does not need Debian's.
if command -v npm >/dev/null 2>&1; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages pinned by package-lock.json: tree-sitter-bash's C parser (its node binding is not
# built) and, outside the demo, the peers of the tests and benchmarks (devDependencies).
# A stamp of the lockfile's hash and the mode avoids reinstalling when nothing changed; a full
# install serves the demo too.
stamp=node_modules/.msmigrate-lock.sha256
lock=$(sha256sum package-lock.json | cut -d' ' -f1)
have=$(cat "$stamp" 2>/dev/null || true)
wanted="$lock $mode"
if [[ ! -f node_modules/tree-sitter-bash/src/parser.c || ($have != "$wanted" && $have != "$lock all") ]]; then
  omit=()
  [[ $mode == --demo ]] && omit=(--omit=dev)
  echo "setup: installing npm packages (package-lock.json ${omit[*]+"${omit[*]}"})"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error ${omit[@]+"${omit[@]}"}
  echo "$wanted" >"$stamp"
fi
echo "setup: ok"
