#!/usr/bin/env bash
# Installs everything msmigrate needs to build and test on a fresh Debian 12 machine (as root).
# Idempotent: a second run only checks. Packages come from Debian (apt) and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(
  cmake g++ ninja-build pkg-config
  libtree-sitter-dev libcli11-dev libyaml-cpp-dev libarchive-dev
  doctest-dev nlohmann-json3-dev libssl-dev libdeflate-dev
  libzstd-dev liblz4-dev libacl1-dev  # libarchive's codecs: it is linked statically (start-up time)
  skopeo umoci buildah podman  # image interop tests, the bench, verify --engine buildah|podman
  chromium      # the verify HTML report is opened headless in a test
  nodejs npm
  pre-commit
  neovim  # the real LSP client of tests/e2e/lsp_neovim.sh (0.7: built-in client)
  clang libclang-rt-14-dev  # the sanitizer + libFuzzer build (scripts/fuzz.sh, scripts/test.sh)
)

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

# tree-sitter-bash's C parser, pinned by package-lock.json. Its node binding is not built.
# A stamp of the lockfile's hash avoids reinstalling (and so recompiling) when nothing changed.
stamp=node_modules/.msmigrate-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f node_modules/tree-sitter-bash/src/parser.c || ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  echo "setup: installing npm packages (package-lock.json)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi
echo "setup: ok"
