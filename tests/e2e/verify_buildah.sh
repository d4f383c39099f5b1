#!/usr/bin/env bash
# verify --engine buildah against the built-in builder on the same projects: same verdict, and
# the same runtime file trees (buildah bud --isolation chroot in a private storage, base images
# loaded from msmigrate's store, the results exported as OCI archives and read like ours).
# podman's build path the same way on the docker cp example (its `run` fails on hosts whose
# rlimits it cannot set, so the run-based fixture is buildah's only).
source "$(dirname "$0")/lib/build_lib.sh"
command -v buildah >/dev/null || skip "buildah is not installed (scripts/setup.sh installs it)"
engine_root=$tmp/buildah
cleanup_buildah() {
  # buildah's overlay storage leaves mounts under its root: unmount before the scratch dir goes.
  buildah --root "$engine_root/root" --runroot "$engine_root/run" --storage-driver overlay rm -a >/dev/null 2>&1
  buildah --root "$engine_root/root" --runroot "$engine_root/run" --storage-driver overlay unshare true >/dev/null 2>&1
  grep -o " $engine_root[^ ]*" /proc/self/mounts | sort -r | while read -r m; do umount -l "$m" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup_buildah EXIT

for fx in examples/builder-pattern verify/run-cat-tar; do
  name=$(basename "$fx")
  cp -a "$root/fixtures/$fx" "$tmp/$name"
  "$bin" verify "$tmp/$name" --no-edit-rebuild --format json >"$tmp/$name-builtin.json" 2>"$tmp/$name-builtin.log"
  check "$name builtin: exit 0" test $? -eq 0
  "$bin" verify "$tmp/$name" --engine buildah --engine-root "$engine_root" --no-edit-rebuild --format json \
    >"$tmp/$name-buildah.json" 2>"$tmp/$name-buildah.log"
  status=$?
  check "$name buildah: exit 0" test $status -eq 0
  [[ $status -eq 0 ]] || { tail -30 "$tmp/$name-buildah.log"; python3 -m json.tool "$tmp/$name-buildah.json" | head -60; }
  check "$name: same verdict" python3 - "$tmp/$name-builtin.json" "$tmp/$name-buildah.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert a["verdict"] == b["verdict"] == "verified", (a["verdict"], b["verdict"])
assert b["engine"] == "buildah"
PY
  # The runtime trees of both engines, old and new: a digest over every entry's path, type,
  # mode, owner, size, content digest and link target.
  check "$name: same number of runtime entries" python3 - "$tmp/$name-builtin.json" "$tmp/$name-buildah.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert a["files"]["identical"] == b["files"]["identical"] > 100, (a["files"], b["files"])
assert a["files"]["new_entries"] == b["files"]["new_entries"]
assert a["files"]["new_tree_digest"] == b["files"]["new_tree_digest"], "the new runtime trees differ"
assert a["files"]["old_tree_digest"] == b["files"]["old_tree_digest"], "the old runtime trees differ"
PY
done

if command -v podman >/dev/null; then
  podman_root=$tmp/podman
  "$bin" verify "$tmp/builder-pattern" --engine podman --engine-root "$podman_root" --no-edit-rebuild --format json \
    >"$tmp/podman.json" 2>"$tmp/podman.log"
  status=$?
  check "podman: exit 0" test $status -eq 0
  [[ $status -eq 0 ]] || tail -30 "$tmp/podman.log"
  check "podman: same verdict and trees as builtin" python3 - "$tmp/builder-pattern-builtin.json" "$tmp/podman.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert a["verdict"] == b["verdict"] == "verified", (a["verdict"], b["verdict"])
assert b["engine"] == "podman"
assert a["files"]["new_tree_digest"] == b["files"]["new_tree_digest"]
assert a["files"]["old_tree_digest"] == b["files"]["old_tree_digest"]
PY
  podman --root "$podman_root/root" --runroot "$podman_root/run" --storage-driver overlay rmi -a -f >/dev/null 2>&1
else
  echo "podman is not installed: its part is skipped"
fi
finish
