#!/usr/bin/env bash
# A real Docker daemon beside msmigrate: dockerd started here on a private socket under the
# scratch dir (its own data and exec roots, no bridge, no iptables), reached through DOCKER_HOST
# as a remote daemon would be. Images move both ways through the loopback registry with the same
# digests, and `verify --engine docker` runs for real.
source "$(dirname "$0")/lib/build_lib.sh"
command -v dockerd >/dev/null && command -v docker >/dev/null || skip "docker.io is not installed (scripts/setup.sh installs it)"
source "$root/tests/e2e/lib/registry_lib.sh"
export MSMIGRATE_STORE=$builddir/e2e-build-store  # the base images

docker_dir=$tmp/docker
mkdir -p "$docker_dir"
echo '{}' >"$docker_dir/daemon.json"  # never the machine's /etc/docker/daemon.json
dockerd --config-file "$docker_dir/daemon.json" --data-root "$docker_dir/data" --exec-root "$docker_dir/exec" \
  --pidfile "$docker_dir/pid" -H "unix://$docker_dir/sock" --bridge=none --iptables=false --ip-masq=false \
  >"$docker_dir/log" 2>&1 &
pids+=($!)
export DOCKER_HOST=unix://$docker_dir/sock
for i in $(seq 100); do docker info >/dev/null 2>&1 && break; sleep 0.2; done
docker info >/dev/null 2>&1 || { tail -5 "$docker_dir/log"; skip "dockerd did not start here"; }
# dockerd's overlay mounts live under the scratch dir: gone before it is removed.
cleanup_docker() {
  docker ps -aq | xargs -r docker rm -f >/dev/null 2>&1
  cleanup
  grep -o " $docker_dir[^ ]*" /proc/self/mounts | sort -r | while read -r m; do umount -l "$m" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup_docker EXIT

start_registry reg
reg=127.0.0.1:$reg_port

# msmigrate push → docker pull: the daemon holds the same manifest digest.
want=$("$bin" image push -q "$busybox_ref" "$reg/msm/busybox:1" 2>"$tmp/push.err")
check "msmigrate push: $(tail -1 "$tmp/push.err")" test -n "$want"
docker pull -q "$reg/msm/busybox:1" >"$tmp/dpull.log" 2>&1
check "docker pull of msmigrate's push: $(tail -1 "$tmp/dpull.log")" test $? -eq 0
got=$(docker image inspect --format '{{index .RepoDigests 0}}' "$reg/msm/busybox:1")
check "docker sees the same digest ($got vs $want)" test "${got#*@}" = "$want"
docker run --rm --network none "$reg/msm/busybox:1" cat /etc/passwd >"$tmp/run.out" 2>&1
contains "docker runs the pushed image" "root:x:0:0" "$tmp/run.out"

# docker push → msmigrate pull: same digest, same files.
docker tag "$reg/msm/busybox:1" "$reg/msm/from-docker:1"
docker push -q "$reg/msm/from-docker:1" >"$tmp/dpush.log" 2>&1
check "docker push: $(tail -1 "$tmp/dpush.log")" test $? -eq 0
dgot=$(docker image inspect --format '{{range .RepoDigests}}{{println .}}{{end}}' "$reg/msm/from-docker:1" | grep from-docker | head -1)
pulled=$(MSMIGRATE_STORE=$tmp/fresh "$bin" image pull -q "$reg/msm/from-docker:1" 2>"$tmp/mpull.err")
check "msmigrate pulls what docker pushed ($pulled vs ${dgot#*@}): $(tail -1 "$tmp/mpull.err")" test "$pulled" = "${dgot#*@}"

# verify --engine docker for real: the daemon builds both flows.
proj=$tmp/builder-pattern
cp -a "$root/fixtures/examples/builder-pattern" "$proj"
"$bin" verify "$proj" --engine docker --no-edit-rebuild --format json >"$tmp/verify.json" 2>"$tmp/verify.log"
code=$?
check "verify --engine docker: exit 0 (got $code): $(tail -5 "$tmp/verify.log")" test $code -eq 0
check "verify --engine docker: verified by docker" python3 - "$tmp/verify.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["verdict"] == "verified", r["verdict"]
assert r["engine"] == "docker", r["engine"]
PY

finish
