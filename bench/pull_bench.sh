#!/usr/bin/env bash
# Pulling a ~300 MB image of 6 layers from a loopback docker-registry (TLS) into an empty store:
# msmigrate image pull vs skopeo copy to an OCI directory vs buildah pull (vs docker pull when a
# daemon answers), then a second image sharing 5 of the 6 layers. Wall time (median of RUNS) and
# peak RSS. Prints figures; gates nothing.
# Usage: bench/pull_bench.sh MSMIGRATE_BINARY [WORK_DIR] [LAYER_MB]   (docker-registry, skopeo, buildah from apt)
set -euo pipefail
bin=$(readlink -f "$1")
work=${2:-/tmp/msm-pull-bench}
layer_mb=${3:-50}
runs=${RUNS:-3}
for tool in docker-registry skopeo buildah openssl python3; do
  command -v $tool >/dev/null || { echo "$tool is not installed"; exit 77; }
done
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
pids=()
trap 'for p in "${pids[@]+"${pids[@]}"}"; do kill "$p" 2>/dev/null; done' EXIT
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost

# A registry with TLS from a throwaway CA.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
reg=127.0.0.1:$port
certs=$work/certs.d/$reg
mkdir -p "$certs" "$work/data"
(
  cd "$work"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=bench CA" -keyout ca.key -out ca.crt
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr
  printf 'subjectAltName=IP:127.0.0.1\n' >server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 1 -extfile server.ext -out server.crt
) >/dev/null 2>&1
cp "$work/ca.crt" "$certs/ca.crt"
cat >"$work/config.yml" <<EOF
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $work/data}}
http: {addr: "$reg", secret: bench, tls: {certificate: $work/server.crt, key: $work/server.key}}
EOF
docker-registry serve "$work/config.yml" >"$work/registry.log" 2>&1 &
pids+=($!)
for i in $(seq 100); do curl -s -o /dev/null --cacert "$work/ca.crt" "https://$reg/v2/" && break; sleep 0.1; done

# Two OCI layouts: 6 layers of random data (incompressible, as binaries mostly are), gzip -1;
# the second shares the first 5 layers and has a new 6th.
python3 - "$work" "$layer_mb" <<'PY'
import gzip, hashlib, io, json, os, sys, tarfile
work, mb = sys.argv[1], int(sys.argv[2])
def put(root, data):
    d = hashlib.sha256(data).hexdigest()
    os.makedirs(f"{root}/blobs/sha256", exist_ok=True)
    with open(f"{root}/blobs/sha256/{d}", "wb") as f:
        f.write(data)
    return "sha256:" + d
def layer(name, seed):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as t:
        data = os.urandom(mb * 1000 * 1000)
        info = tarfile.TarInfo(name); info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    raw = buf.getvalue()
    return raw, gzip.compress(raw, compresslevel=1, mtime=0)
layers = [layer(f"data/layer{i}.bin", i) for i in range(7)]
for image, picks in (("one", [0, 1, 2, 3, 4, 5]), ("two", [0, 1, 2, 3, 4, 6])):
    root = f"{work}/{image}"
    descs, diffs = [], []
    for i in picks:
        raw, gz = layers[i]
        descs.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": put(root, gz), "size": len(gz)})
        diffs.append("sha256:" + hashlib.sha256(raw).hexdigest())
    cfg = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": diffs}}).encode()
    man = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                      "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": put(root, cfg), "size": len(cfg)},
                      "layers": descs}).encode()
    md = put(root, man)
    json.dump({"imageLayoutVersion": "1.0.0"}, open(f"{root}/oci-layout", "w"))
    json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": md,
               "size": len(man), "annotations": {"org.opencontainers.image.ref.name": "bench"}}]}, open(f"{root}/index.json", "w"))
PY
for image in one two; do
  skopeo copy -q --dest-cert-dir "$certs" "oci:$work/$image:bench" "docker://$reg/bench/$image:1"
done
size=$(du -sb "$work/one/blobs" | cut -f1)
rm -rf "$work/one" "$work/two"

now() { date +%s.%N; }
median() { tr ' ' '\n' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A wall rss
measure() {  # measure NAME RESET-COMMAND -- COMMAND...
  local name=$1 reset=$2
  shift 3
  local times=() peak=0 t0 kb
  for r in $(seq "$runs"); do
    eval "$reset"
    t0=$(now)
    /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>"$work/$name.log" || { cat "$work/$name.log"; exit 1; }
    times+=("$(echo "$(now) - $t0" | bc)")
    kb=$(tail -1 "$work/rss")
    ((kb > peak)) && peak=$kb
  done
  wall[$name]=$(echo "${times[@]}" | median)
  rss[$name]=$((peak / 1024))
}

S=(--root "$work/buildah-root" --runroot "$work/buildah-run" --storage-driver overlay)
measure msmigrate "rm -rf $work/store" -- "$bin" image --store "$work/store" pull -q --cert-dir "$certs" "$reg/bench/one:1"
measure "skopeo copy" "rm -rf $work/oci" -- skopeo copy -q --src-cert-dir "$certs" "docker://$reg/bench/one:1" "oci:$work/oci:x"
measure "buildah pull" "buildah ${S[*]} rmi -a -f >/dev/null 2>&1 || true" -- buildah "${S[@]}" pull -q --cert-dir "$certs" "docker://$reg/bench/one:1"
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  measure "docker pull" "docker rmi -f $reg/bench/one:1 >/dev/null 2>&1 || true" -- docker pull -q "$reg/bench/one:1"
fi
# The second image shares 5 layers with the first, which is in the store: one layer to fetch.
measure "msmigrate (5 of 6 layers stored)" \
  "rm -rf $work/store && $bin image --store $work/store pull -q --cert-dir $certs $reg/bench/one:1 >/dev/null" \
  -- "$bin" image --store "$work/store" pull --cert-dir "$certs" "$reg/bench/two:1"
fetched=$(grep -o '[0-9]* layers fetched' "$work/msmigrate (5 of 6 layers stored).log" || true)
measure "skopeo (5 of 6 layers stored)" \
  "rm -rf $work/oci && skopeo copy -q --src-cert-dir $certs docker://$reg/bench/one:1 oci:$work/oci:x" \
  -- skopeo copy -q --src-cert-dir "$certs" "docker://$reg/bench/two:1" "oci:$work/oci:y"

printf '\nPull of a %d MB image (6 layers, gzip) from a loopback registry over TLS, %d runs (median)\n\n' \
  $((size / 1000000)) "$runs"
printf '| %-34s | %9s | %12s |\n' tool "wall (s)" "peak RSS (MB)"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..36})" "$(printf -- '-%.0s' {1..11})" "$(printf -- '-%.0s' {1..14})"
for name in msmigrate "skopeo copy" "buildah pull" "docker pull" "msmigrate (5 of 6 layers stored)" "skopeo (5 of 6 layers stored)"; do
  [[ -n ${wall[$name]:-} ]] || continue
  printf '| %-34s | %9.2f | %12s |\n' "$name" "${wall[$name]}" "${rss[$name]}"
done
echo
echo "second msmigrate pull: ${fetched:-?} (of 6)"
