#!/usr/bin/env bash
# Nothing escapes the rootfs or the context: `COPY ../x`, symlinks leading out of the context,
# `..` and symlink tricks in tars (ADD, image load); and interrupted builds leave no mount and
# no corrupt store behind.
set -uo pipefail
source "$(dirname "$0")/lib/build_lib.sh"

ctx=$tmp/ctx
mkdir -p "$ctx/dir" "$tmp/outside"
echo secret >"$tmp/outside-secret"
echo inside >"$ctx/file"
ln -s /etc/passwd "$ctx/abs-link"          # absolute: resolves inside the context, where it is missing
ln -s ../../outside-secret "$ctx/dir/up"   # relative climbing: clamped at the context root
build() {  # build DOCKERFILE-TEXT → exit code; log in $tmp/log
  printf '%s\n' "$1" >"$ctx/Dockerfile"
  "$bin" build --progress plain --no-cache "$ctx" >/dev/null 2>"$tmp/log"
}

build "FROM $busybox_ref
COPY ../outside-secret /s"
check "COPY ../outside-secret is clamped to the context (not found, exit 2)" bash -c "[[ $? -eq 2 ]] && grep -q 'not found' '$tmp/log'"
build "FROM $busybox_ref
COPY abs-link /l"
check "COPY of an absolute symlink resolves inside the context" bash -c "[[ $? -eq 2 ]] && grep -q 'not found' '$tmp/log'"
build "FROM $busybox_ref
COPY dir/up /u"
check "COPY of a climbing symlink stays in the context" bash -c "[[ $? -eq 2 ]] && grep -q 'not found' '$tmp/log'"
build "FROM $busybox_ref
COPY dir /d
RUN test -L /d/up && ! cat /d/up"
code=$?
check "symlinks inside a copied directory are copied as links, not followed: $(tail -2 "$tmp/log")" test $code -eq 0

# ADD of a tar with `..`: refused, nothing written outside.
python3 - "$ctx/evil.tar" "$ctx/link.tar" "$tmp/outside" <<'PY'
import io, sys, tarfile
def add(t, name, data=b"x", kind=tarfile.REGTYPE, target=""):
    i = tarfile.TarInfo(name); i.type = kind; i.linkname = target; i.size = len(data) if kind == tarfile.REGTYPE else 0
    t.addfile(i, io.BytesIO(data) if kind == tarfile.REGTYPE else None)
with tarfile.open(sys.argv[1], "w") as t:
    add(t, "ok.txt"); add(t, "../../../../../../tmp/msm-escape-dotdot")
with tarfile.open(sys.argv[2], "w") as t:
    add(t, "esc", kind=tarfile.SYMTYPE, target=sys.argv[3]); add(t, "esc/pwned")
    add(t, "dev", kind=tarfile.CHRTYPE)
PY
build "FROM $busybox_ref
ADD evil.tar /x/"
check "ADD tar with .. is refused (exit 2)" bash -c "[[ $? -eq 2 ]] && grep -q 'climbs out' '$tmp/log'"
check "nothing written outside by the .. entry" test ! -e /tmp/msm-escape-dotdot
build "FROM $busybox_ref
ADD link.tar /y/"
check "nothing written through the symlink" test ! -e "$tmp/outside/pwned"

# image load: `..` entries and a layer escaping through `..`.
python3 - "$tmp/bad-load.tar" <<'PY'
import io, sys, tarfile
with tarfile.open(sys.argv[1], "w") as t:
    i = tarfile.TarInfo("../escape.json"); i.size = 2; t.addfile(i, io.BytesIO(b"{}"))
PY
"$bin" image load "$tmp/bad-load.tar" >/dev/null 2>"$tmp/log"
check "image load refuses .. entries (exit 2)" bash -c "[[ $? -eq 2 ]] && grep -q 'climbs out' '$tmp/log'"
echo 'not a tar' >"$tmp/junk.tar"
"$bin" image load "$tmp/junk.tar" >/dev/null 2>"$tmp/log"
check "image load of junk: exit 2 naming the file" bash -c "[[ $? -eq 2 ]] && grep -q 'junk.tar' '$tmp/log'"

# Interrupted builds: SIGINT, SIGTERM and kill -9 of msmigrate during a RUN.
for sig in INT TERM KILL; do
  # A duration unique to this run: other builds on the machine may be sleeping too.
  printf 'FROM %s\nRUN echo %s-%s && sleep 9%s\n' "$busybox_ref" "$sig" "$$" "$$" >"$ctx/Dockerfile"
  "$bin" build --progress plain --no-cache "$ctx" >/dev/null 2>"$tmp/log" &
  pid=$!
  for _ in $(seq 200); do grep -q "$sig-$$" "$tmp/log" 2>/dev/null && break; sleep 0.1; done
  kill -s "$sig" "$pid"
  wait "$pid" 2>/dev/null
  sleep 0.3
  check "after SIG$sig: the RUN's processes are gone" bash -c "! ps -eo stat=,args= | grep -v '^Z' | grep -qw '[s]leep 9$$'"
  check "after SIG$sig: no mount of the store left" bash -c "! grep -q '$MSMIGRATE_STORE' /proc/self/mountinfo"
done
build "FROM $busybox_ref
RUN echo after-interrupts > /ok"
code=$?
check "the next build works: $(tail -2 "$tmp/log")" test $code -eq 0
"$bin" image ls >/dev/null
check "index still readable" test $? -eq 0
"$bin" image prune >"$tmp/prune.log" 2>&1
check "image prune: $(cat "$tmp/prune.log")" grep -q '^Freed' "$tmp/prune.log"
# The killed builds left scratch dirs in tmp/; prune frees them (other tests may be building
# concurrently, so tmp/ itself need not be empty afterwards).
check "prune freed the interrupted builds' leftovers" bash -c "! grep -q '^Freed 0 B' '$tmp/prune.log'"
"$bin" image inspect "$busybox_ref" >/dev/null
check "prune kept the tagged base image" test $? -eq 0
finish
