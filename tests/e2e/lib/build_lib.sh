# Sourced by tests/e2e/build_*.sh (it lives in lib/ so CTest's tests/e2e/*.sh glob skips it):
# checks the host can build, and makes a store with the base images once per build directory.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bin=$(readlink -f "$bin")
builddir=$(dirname "$bin")
[[ $(id -u) -eq 0 ]] || skip "msmigrate build needs root (namespaces, overlayfs)"
unshare --mount --pid --fork true 2>/dev/null || skip "cannot create mount/pid namespaces here"
grep -qw overlay /proc/filesystems || modprobe overlay 2>/dev/null || true
grep -qw overlay /proc/filesystems || skip "overlayfs is not available"
command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || skip "apt-get/dpkg-deb missing: base images are made from Debian packages"
# One store with the base images per build directory; a lock because ctest runs tests in parallel.
export MSMIGRATE_STORE=$builddir/e2e-build-store
base_log=$tmp/base.log
if ! flock "$builddir/e2e-build-store.lock" bash "$root/scripts/make-base-images.sh" "$bin" "$MSMIGRATE_STORE" \
  "$builddir/e2e-base-cache" >"$base_log" 2>&1; then
  cat "$base_log"
  skip "could not make the base images from Debian packages (no apt mirror?)"
fi
busybox_ref=$(sed -n 1p "$base_log")
gcc_ref=$(sed -n 2p "$base_log")
