#!/usr/bin/env bash
# Interop with the real consumers from Debian: skopeo reads the saved hybrid archive in both
# transports and copies it; umoci unpacks the OCI side; the unpacked files match what we built.
# An archive from skopeo (docker-archive) loads back into our store; podman loads both and
# buildah pulls both transports.
set -uo pipefail
source "$(dirname "$0")/lib/build_lib.sh"
command -v skopeo >/dev/null || skip "skopeo is not installed (scripts/setup.sh installs it)"
command -v umoci >/dev/null || skip "umoci is not installed (scripts/setup.sh installs it)"

ctx=$tmp/ctx
cp -r "$root/fixtures/build/multistage" "$ctx"
tag=localhost/e2e-interop:$$
"$bin" build --progress plain --build-arg BUSYBOX="$busybox_ref" -t "$tag" "$ctx" >/dev/null 2>"$tmp/build.log"
code=$?
check "build: $(tail -2 "$tmp/build.log")" test $code -eq 0
"$bin" image save "$tag" -o "$tmp/img.tar"
check "save" test $? -eq 0

skopeo inspect "oci-archive:$tmp/img.tar" >"$tmp/oci.json" 2>"$tmp/err"
code=$?
check "skopeo inspect oci-archive: $(cat "$tmp/err")" test $code -eq 0
skopeo inspect "docker-archive:$tmp/img.tar" >"$tmp/docker.json" 2>"$tmp/err"
code=$?
check "skopeo inspect docker-archive: $(cat "$tmp/err")" test $code -eq 0
skopeo inspect --config "docker-archive:$tmp/img.tar" >"$tmp/config.json" 2>"$tmp/err"
check "skopeo sees our Entrypoint" grep -q '/usr/local/bin/hello' "$tmp/config.json"
layers_ours=$("$bin" image inspect "$tag" | python3 -c "import json,sys; print(len(json.load(sys.stdin)['Layers']))")
layers_skopeo=$(python3 -c "import json; print(len(json.load(open('$tmp/docker.json'))['Layers']))")
check "skopeo sees our $layers_ours layers (saw $layers_skopeo)" test "$layers_ours" = "$layers_skopeo"

skopeo copy -q "docker-archive:$tmp/img.tar" "oci:$tmp/layout:copied" 2>"$tmp/err"
code=$?
check "skopeo copy docker-archive → oci: $(cat "$tmp/err")" test $code -eq 0
umoci unpack --image "$tmp/layout:copied" "$tmp/bundle" >/dev/null 2>"$tmp/err"
code=$?
check "umoci unpack of skopeo's copy: $(cat "$tmp/err")" test $code -eq 0
mkdir -p "$tmp/direct"
tar -xf "$tmp/img.tar" -C "$tmp/direct"
name=$(python3 -c "import json,sys; print(json.load(open('$tmp/direct/index.json'))['manifests'][0]['annotations']['org.opencontainers.image.ref.name'])")
umoci unpack --image "$tmp/direct:$name" "$tmp/bundle2" >/dev/null 2>"$tmp/err"
code=$?
check "umoci unpack of our OCI layout: $(cat "$tmp/err")" test $code -eq 0
rootfs=$tmp/bundle2/rootfs
check "binary present and runs on the host" bash -c "[[ \$('$rootfs/usr/local/bin/hello') == 'hello from msmigrate' ]]"
check "greeting file matches" bash -c "[[ \$(cat '$rootfs/greeting') == 'hello from msmigrate' ]]"
check "whiteout applied: /bin/vi gone, /bin/sh kept" bash -c "[[ ! -e '$rootfs/bin/vi' && -L '$rootfs/bin/sh' ]]"
check "same files in both unpacks" diff -r --no-dereference "$tmp/bundle/rootfs" "$rootfs"

# --output writes the OCI-only and docker-only archives directly.
"$bin" build --progress plain --build-arg BUSYBOX="$busybox_ref" --output "type=oci,dest=$tmp/out-oci.tar" "$ctx" >/dev/null 2>"$tmp/err"
code=$?
check "build --output type=oci: $(tail -1 "$tmp/err")" test $code -eq 0
skopeo inspect "oci-archive:$tmp/out-oci.tar" >/dev/null 2>"$tmp/err"
code=$?
check "skopeo inspect of --output type=oci: $(cat "$tmp/err")" test $code -eq 0
check "type=oci has no manifest.json" bash -c "! tar -tf '$tmp/out-oci.tar' | grep -q '^manifest.json'"
"$bin" build --progress plain --build-arg BUSYBOX="$busybox_ref" --output "type=docker,dest=$tmp/out-docker.tar" "$ctx" >/dev/null 2>"$tmp/err"
skopeo inspect "docker-archive:$tmp/out-docker.tar" >/dev/null 2>"$tmp/err"
code=$?
check "skopeo inspect of --output type=docker: $(cat "$tmp/err")" test $code -eq 0

# And back: skopeo's docker-archive loads into our store with its digests verified.
skopeo copy -q "oci-archive:$tmp/img.tar" "docker-archive:$tmp/back.tar:localhost/e2e-back:$$" 2>"$tmp/err"
code=$?
check "skopeo copy oci-archive → docker-archive: $(cat "$tmp/err")" test $code -eq 0
"$bin" image load "$tmp/back.tar" >"$tmp/load.log" 2>&1
check "image load of skopeo's archive: $(cat "$tmp/load.log")" grep -q "localhost/e2e-back:$$" "$tmp/load.log"
"$bin" image inspect "localhost/e2e-back:$$" >"$tmp/back.json"
check "loaded image keeps the config" grep -q '/usr/local/bin/hello' "$tmp/back.json"

# podman (scripts/setup.sh installs it): `podman load` of the hybrid archive tags it with our name
# and its stored files match umoci's unpack. Only load and image mount are used: `podman run`
# needs cgroup setup this kind of host may lack (crun refuses cgroup v1 hybrid hosts).
if command -v podman >/dev/null; then
  P=(--root "$tmp/pod-root" --runroot "$tmp/pod-run" --storage-driver overlay --cgroup-manager cgroupfs
     --events-backend none)
  podman "${P[@]}" load -i "$tmp/img.tar" >"$tmp/podload.log" 2>&1
  code=$?
  check "podman load: $(tail -2 "$tmp/podload.log")" test $code -eq 0
  podman "${P[@]}" images --format '{{.Repository}}:{{.Tag}}' >"$tmp/podimages" 2>&1
  check "podman tags it $tag ($(tr '\n' ' ' <"$tmp/podimages"))" grep -qx "$tag" "$tmp/podimages"
  podman "${P[@]}" image inspect --format '{{json .Config.Entrypoint}}' "$tag" >"$tmp/podep" 2>&1
  check "podman sees our Entrypoint ($(cat "$tmp/podep"))" grep -q '/usr/local/bin/hello' "$tmp/podep"
  # The image mount lives in a private mount namespace, so it goes when the check ends.
  unshare -m --propagation private bash -c '
    mnt=$(podman "$@" image mount "'"$tag"'") || exit 3
    diff -r --no-dereference "$mnt" "'"$rootfs"'"' _ "${P[@]}" >"$tmp/poddiff" 2>&1
  code=$?
  check "podman's stored files match umoci's unpack: $(head -3 "$tmp/poddiff")" test $code -eq 0
  podman "${P[@]}" load -i "$tmp/back.tar" >"$tmp/podload2.log" 2>&1
  code=$?
  check "podman load of skopeo's docker-archive copy: $(tail -1 "$tmp/podload2.log")" test $code -eq 0
  podman "${P[@]}" rmi -a -f >/dev/null 2>&1
else
  echo "note: podman not installed (scripts/setup.sh installs it); its interop checks were not run"
fi

# buildah (scripts/setup.sh installs it): pulls the archive from both transports and runs the binary.
if command -v buildah >/dev/null; then
  S=(--root "$tmp/bah-root" --runroot "$tmp/bah-run" --storage-driver vfs)
  buildah "${S[@]}" pull -q "oci-archive:$tmp/img.tar" >/dev/null 2>"$tmp/err"
  code=$?
  check "buildah pull oci-archive: $(cat "$tmp/err")" test $code -eq 0
  buildah "${S[@]}" pull -q "docker-archive:$tmp/img.tar" >/dev/null 2>"$tmp/err"
  code=$?
  check "buildah pull docker-archive: $(cat "$tmp/err")" test $code -eq 0
  ctr=$(buildah "${S[@]}" from -q "oci-archive:$tmp/img.tar" 2>"$tmp/err")
  out=$(buildah "${S[@]}" run --isolation chroot "$ctr" -- /usr/local/bin/hello 2>"$tmp/err")
  check "buildah run of our image prints the greeting ($out): $(cat "$tmp/err")" test "$out" = "hello from msmigrate"
  buildah "${S[@]}" rm -a >/dev/null 2>&1
  buildah "${S[@]}" rmi -a -f >/dev/null 2>&1
else
  echo "note: buildah not installed (scripts/setup.sh installs it); its interop checks were not run"
fi

"$bin" image rm "$tag" "localhost/e2e-back:$$" >/dev/null
finish
