#!/usr/bin/env bash
# Builds the base images msmigrate's build tests, bench and demo use, offline from Debian
# packages (apt-get download + dpkg-deb -x; no registry), and imports them into a store:
#   localhost/busybox-static:<deb version>   busybox-static from Debian, applets as symlinks
#   localhost/debian-gcc:12                  gcc + libc6-dev + make + dash/coreutils from Debian 12's
#                                            packages, unpacked (no maintainer scripts were run)
#   localhost/debian-golang:12               with MSM_GOLANG_IMAGE=1 only: Debian 12's Go toolchain
#                                            (golang-go) laid out like the official golang images
# Usage: make-base-images.sh MSMIGRATE_BINARY STORE_DIR [CACHE_DIR]
# The .deb files and rootfs trees are cached in CACHE_DIR (default: STORE_DIR/../base-cache), so
# a second run only re-imports when something is missing. Prints the two references.
set -euo pipefail
bin=$1
store=$2
cache=${3:-$(dirname "$store")/base-cache}
mkdir -p "$cache/debs"
cache=$(cd "$cache" && pwd)

# Downloads the named packages and their Depends/Pre-Depends closure into $cache/debs.
fetch_closure() {
  local pkgs
  pkgs=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances "$@" 2>/dev/null | grep -v '^ ' | grep -v '^<' | sort -u)
  local need=()
  for p in $pkgs; do
    compgen -G "$cache/debs/${p}_*.deb" >/dev/null || need+=("$p")
  done
  if ((${#need[@]})); then
    (cd "$cache/debs" && apt-get -o APT::Sandbox::User=root download -qq "${need[@]}" >/dev/null)
  fi
  echo "$pkgs"
}

unpack() {  # unpack ROOTFS PKG...
  local root=$1
  shift
  for p in "$@"; do
    local deb
    deb=$(ls "$cache/debs/${p}_"*.deb 2>/dev/null | head -1)
    [[ -n $deb ]] || continue
    dpkg-deb -x "$deb" "$root"
  done
}

write_accounts() {  # the minimal /etc files every image needs
  local root=$1
  mkdir -p "$root/etc" "$root/tmp" "$root/root"
  chmod 1777 "$root/tmp"
  chmod 700 "$root/root"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
}

# --- busybox-static ---------------------------------------------------------------------
(cd "$cache/debs" && { compgen -G 'busybox-static_*.deb' >/dev/null || apt-get -o APT::Sandbox::User=root download -qq busybox-static >/dev/null; })
bb_deb=$(ls "$cache/debs"/busybox-static_*.deb | head -1)
bb_version=$(dpkg-deb -f "$bb_deb" Version | sed 's/^[0-9]*://; s/-.*//')
bb_ref=localhost/busybox-static:$bb_version
if ! "$bin" image --store "$store" inspect "$bb_ref" >/dev/null 2>&1; then
  root=$cache/busybox-rootfs
  rm -rf "$root"
  mkdir -p "$root/x"
  dpkg-deb -x "$bb_deb" "$root/x"
  mkdir -p "$root/bin"
  mv "$root/x/bin/busybox" "$root/bin/busybox"
  rm -rf "$root/x"
  for applet in $("$root/bin/busybox" --list); do
    [[ $applet == busybox ]] || ln -sf busybox "$root/bin/$applet"
  done
  write_accounts "$root"
  SOURCE_DATE_EPOCH=0 "$bin" image --store "$store" import "$root" --tag "$bb_ref" \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'CMD ["/bin/sh"]' -m "busybox-static $bb_version from Debian" >/dev/null
fi

# --- gcc builder --------------------------------------------------------------------------
gcc_ref=localhost/debian-gcc:12
if ! "$bin" image --store "$store" inspect "$gcc_ref" >/dev/null 2>&1; then
  mapfile -t pkgs < <(fetch_closure gcc libc6-dev make dash coreutils grep sed findutils)
  root=$cache/gcc-rootfs
  rm -rf "$root"
  mkdir -p "$root"
  unpack "$root" "${pkgs[@]}"
  # dpkg's maintainer scripts did not run: make the links they would have made.
  [[ -e $root/bin/sh ]] || ln -s dash "$root/bin/sh"
  [[ -e $root/usr/bin/gcc ]] || ln -s gcc-12 "$root/usr/bin/gcc"
  [[ -e $root/usr/bin/cc ]] || ln -s gcc "$root/usr/bin/cc"
  rm -rf "$root/usr/share/doc" "$root/usr/share/man" "$root/usr/share/info" "$root/usr/share/locale"
  write_accounts "$root"
  SOURCE_DATE_EPOCH=0 "$bin" image --store "$store" import "$root" --tag "$gcc_ref" \
    --change 'CMD ["/bin/sh"]' -m "gcc, libc6-dev and make from Debian 12 packages (dpkg-deb -x)" >/dev/null
fi
echo "$bb_ref"
echo "$gcc_ref"

# --- Go builder (the registry tests' stand-in for golang:1.16) ------------------------------
if [[ ${MSM_GOLANG_IMAGE:-} == 1 ]]; then
  go_ref=localhost/debian-golang:12
  if ! "$bin" image --store "$store" inspect "$go_ref" >/dev/null 2>&1; then
    mapfile -t pkgs < <(fetch_closure golang-go dash coreutils)
    root=$cache/golang-rootfs
    rm -rf "$root"
    mkdir -p "$root"
    unpack "$root" "${pkgs[@]}"
    [[ -e $root/bin/sh ]] || ln -s dash "$root/bin/sh"
    go_bin=$(cd "$root" && ls -d usr/lib/go-*/bin | head -1)
    [[ -e $root/usr/bin/go ]] || ln -s "/$go_bin/go" "$root/usr/bin/go"
    rm -rf "$root/usr/share/doc" "$root/usr/share/man" "$root/usr/share/info" "$root/usr/share/locale"
    mkdir -p "$root/go/src" "$root/go/bin"
    write_accounts "$root"
    SOURCE_DATE_EPOCH=0 "$bin" image --store "$store" import "$root" --tag "$go_ref" \
      --change 'ENV PATH=/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'ENV GOPATH=/go' \
      --change 'WORKDIR /go' --change 'CMD ["/bin/sh"]' -m "golang-go from Debian 12 packages (dpkg-deb -x)" >/dev/null
  fi
  echo "$go_ref"
fi
