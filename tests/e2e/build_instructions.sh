#!/usr/bin/env bash
# Instructions as BuildKit runs them: WORKDIR creates its directory in a layer (owned by USER),
# FROM --platform builds this machine's platform and names any other, and a base image's
# ONBUILD triggers run right after FROM.
set -uo pipefail
source "$(dirname "$0")/lib/build_lib.sh"

image_json() {  # image_json TAG: extracts the saved image to $tmp/x; prints nothing
  rm -rf "$tmp/x" && mkdir -p "$tmp/x"
  "$bin" image save "$1" -o - | tar -x -C "$tmp/x"
}

# --- WORKDIR --------------------------------------------------------------------------------
mkdir -p "$tmp/wd"
cat >"$tmp/wd/Dockerfile" <<DF
FROM $busybox_ref
WORKDIR /app/sub
USER nobody
WORKDIR /home/nobody/work
WORKDIR /app
DF
"$bin" build --progress plain -t "localhost/e2e-wd:$$" "$tmp/wd" >/dev/null 2>"$tmp/wd.log"
code=$?
check "WORKDIR build exits 0 ($code): $(grep -m2 Dockerfile: "$tmp/wd.log")" test $code -eq 0
image_json "localhost/e2e-wd:$$"
python3 - "$tmp/x" >"$tmp/py.log" 2>&1 <<'PY'
import gzip, io, json, sys, tarfile
root = sys.argv[1]
m = json.load(open(f"{root}/manifest.json"))[0]
cfg = json.load(open(f"{root}/{m['Config']}"))
entries = {}
for layer in m["Layers"]:
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(open(f"{root}/{layer}", "rb").read()))) as t:
        for e in t.getmembers():
            entries[e.name.rstrip("/")] = e
for d in ("app", "app/sub"):
    assert entries[d].isdir() and entries[d].uid == 0 and entries[d].mode & 0o777 == 0o755, (d, entries.get(d))
for d in ("home", "home/nobody", "home/nobody/work"):
    assert entries[d].isdir() and entries[d].uid == 65534 and entries[d].gid == 65534, (d, entries[d].uid)
hist = [h for h in cfg["history"] if h["created_by"].startswith("WORKDIR")]
assert [h.get("empty_layer", False) for h in hist] == [False, False, True], hist
assert cfg["config"]["WorkingDir"] == "/app"
nonempty = [h for h in cfg["history"] if not h.get("empty_layer")]
assert len(nonempty) == len(cfg["rootfs"]["diff_ids"])
print("ok")
PY
check "WORKDIR dirs are in layers, 0755, owned by USER; an existing one is an empty layer: $(tail -2 "$tmp/py.log")" grep -q '^ok$' "$tmp/py.log"
printf 'FROM %s\nUSER nosuchuser\nWORKDIR /w\n' "$busybox_ref" >"$tmp/wd/Dockerfile.bad"
"$bin" build -f "$tmp/wd/Dockerfile.bad" "$tmp/wd" >/dev/null 2>"$tmp/wdbad.log"
code=$?
check "WORKDIR with an unknown USER: exit 2 ($code)" bash -c "[[ $code -eq 2 ]] && grep -q 'unable to find user nosuchuser' '$tmp/wdbad.log'"

# --- FROM --platform ------------------------------------------------------------------------
host_arch=$(uname -m)
case $host_arch in
  x86_64) here=linux/amd64 other=linux/arm64 ;;
  aarch64) here=linux/arm64 other=linux/amd64 ;;
  *) here="" other=linux/s390x ;;
esac
mkdir -p "$tmp/pf"
cat >"$tmp/pf/Dockerfile" <<DF
FROM --platform=\$BUILDPLATFORM $busybox_ref AS build
ARG TARGETPLATFORM
ARG BUILDPLATFORM
RUN echo "\$BUILDPLATFORM \$TARGETPLATFORM" > /platforms
FROM --platform=\$TARGETPLATFORM $busybox_ref
COPY --from=build /platforms /platforms
DF
if [[ -n $here ]]; then
  cat >>"$tmp/pf/Dockerfile" <<DF
FROM --platform=$here $busybox_ref AS explicit
FROM --platform=${here#linux/} $busybox_ref AS arch-only
DF
fi
"$bin" build --progress plain -t "localhost/e2e-pf:$$" --target 1 "$tmp/pf" >/dev/null 2>"$tmp/pf.log"
code=$?
check "FROM --platform=\$BUILDPLATFORM/\$TARGETPLATFORM builds ($code): $(grep -m2 Dockerfile: "$tmp/pf.log")" test $code -eq 0
image_json "localhost/e2e-pf:$$"
layer=$(python3 -c "import json;print(json.load(open('$tmp/x/manifest.json'))[0]['Layers'][-1])")
plats=$(tar -xzOf "$tmp/x/$layer" platforms)
check "predefined platform ARGs stay this machine's ($plats)" bash -c "[[ '$plats' == '$here $here' || -z '$here' ]]"
if [[ -n $here ]]; then
  "$bin" build --progress plain --target explicit "$tmp/pf" >/dev/null 2>"$tmp/pf2.log"
  check "FROM --platform=$here builds" test $? -eq 0
  "$bin" build --progress plain --target arch-only "$tmp/pf" >/dev/null 2>"$tmp/pf3.log"
  check "FROM --platform=${here#linux/} (architecture only) builds" test $? -eq 0
fi
printf 'FROM --platform=%s %s\nRUN true\n' "$other" "$busybox_ref" >"$tmp/pf/Dockerfile.foreign"
"$bin" build -f "$tmp/pf/Dockerfile.foreign" "$tmp/pf" >/dev/null 2>"$tmp/pfbad.log"
code=$?
check "a foreign platform: exit 2 naming it ($code: $(cat "$tmp/pfbad.log"))" \
  bash -c "[[ $code -eq 2 ]] && grep -q 'is for platform $other' '$tmp/pfbad.log' && grep -q 'no emulation' '$tmp/pfbad.log'"
printf 'ARG P=%s\nFROM --platform=$P %s\n' "$other" "$busybox_ref" >"$tmp/pf/Dockerfile.arg"
"$bin" build -f "$tmp/pf/Dockerfile.arg" "$tmp/pf" >/dev/null 2>"$tmp/pfarg.log"
code=$?
check "--platform is expanded with the global ARGs ($code)" bash -c "[[ $code -eq 2 ]] && grep -q 'is for platform $other' '$tmp/pfarg.log'"

# A base image whose config names another platform is refused before anything runs.
"$bin" image save "$busybox_ref" -o "$tmp/bb.tar"
python3 - "$tmp/bb.tar" "$tmp/foreign" "${other#linux/}" "localhost/e2e-foreign:$$" <<'PY'
import hashlib, json, os, sys, tarfile
src, out, arch, name = sys.argv[1:]
os.makedirs(out)
with tarfile.open(src) as t:
    t.extractall(out)
def put(obj):
    data = json.dumps(obj).encode()
    digest = hashlib.sha256(data).hexdigest()
    open(f"{out}/blobs/sha256/{digest}", "wb").write(data)
    return "sha256:" + digest, len(data)
index = json.load(open(f"{out}/index.json"))
manifest = json.load(open(f"{out}/blobs/sha256/" + index["manifests"][0]["digest"].split(":")[1]))
config = json.load(open(f"{out}/blobs/sha256/" + manifest["config"]["digest"].split(":")[1]))
config["architecture"] = arch
manifest["config"]["digest"], manifest["config"]["size"] = put(config)
digest, size = put(manifest)
index["manifests"] = [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": digest, "size": size,
                       "annotations": {"io.containerd.image.name": name, "org.opencontainers.image.ref.name": name}}]
json.dump(index, open(f"{out}/index.json", "w"))
os.remove(f"{out}/manifest.json")
PY
"$bin" image load "$tmp/foreign" >/dev/null 2>"$tmp/load-foreign.log"
code=$?
check "a $other image loads ($code: $(cat "$tmp/load-foreign.log"))" test $code -eq 0
printf 'FROM localhost/e2e-foreign:%s\nRUN true\n' $$ >"$tmp/pf/Dockerfile.foreign-image"
"$bin" build -f "$tmp/pf/Dockerfile.foreign-image" "$tmp/pf" >/dev/null 2>"$tmp/pfimg.log"
code=$?
check "a base image for $other: exit 2 naming the platforms ($code: $(cat "$tmp/pfimg.log"))" \
  bash -c "[[ $code -eq 2 ]] && grep -q 'base image localhost/e2e-foreign:$$ is for $other' '$tmp/pfimg.log'"
"$bin" image rm "localhost/e2e-foreign:$$" >/dev/null

# --- ONBUILD triggers -------------------------------------------------------------------------
mkdir -p "$tmp/ob"
echo "context file $$" >"$tmp/ob/f.txt"
cat >"$tmp/ob/Dockerfile.base" <<DF
FROM $busybox_ref
ONBUILD RUN echo first > /t1
ONBUILD COPY f.txt /from-context
ONBUILD ARG LEVEL=default
ONBUILD RUN echo "level=\$LEVEL" > /t2
ONBUILD ENV TRIGGERED=yes
DF
"$bin" build --progress plain -t "localhost/e2e-onbuild-base:$$" -f "$tmp/ob/Dockerfile.base" "$tmp/ob" >/dev/null 2>"$tmp/ob1.log"
code=$?
check "an image with ONBUILD builds without running its own triggers ($code)" \
  bash -c "[[ $code -eq 0 ]] && ! grep -q 'ONBUILD trigger' '$tmp/ob1.log'"
cat >"$tmp/ob/Dockerfile" <<DF
FROM localhost/e2e-onbuild-base:$$ AS child
RUN cat /t1 /from-context /t2 > /seen && echo "env=\$TRIGGERED" >> /seen
FROM child AS grandchild
RUN test ! -e /again && touch /again
DF
"$bin" build --progress plain --build-arg LEVEL=given -t "localhost/e2e-onbuild:$$" "$tmp/ob" >/dev/null 2>"$tmp/ob2.log"
code=$?
check "child of an ONBUILD image builds ($code): $(grep -m2 -E 'Dockerfile|ONBUILD' "$tmp/ob2.log" | tail -1)" test $code -eq 0
image_json "localhost/e2e-onbuild:$$"
seen=""
for l in $(python3 -c "import json;print(' '.join(json.load(open('$tmp/x/manifest.json'))[0]['Layers']))"); do
  s=$(tar -xzOf "$tmp/x/$l" seen 2>/dev/null) && seen=$s
done
check "triggers ran in order after FROM: RUN, COPY from the context, ARG (--build-arg wins), ENV (saw: $seen)" \
  test "$seen" = "$(printf 'first\ncontext file %s\nlevel=given\nenv=yes' $$)"
check "the child's config has no OnBuild" bash -c "! grep -q OnBuild '$tmp/x/blobs/sha256/'\$(python3 -c \"import json;print(json.load(open('$tmp/x/manifest.json'))[0]['Config'].split('/')[-1])\")"
"$bin" image inspect "localhost/e2e-onbuild-base:$$" >"$tmp/base.json"
check "the base keeps its OnBuild list" grep -q 'echo first' "$tmp/base.json"
printf 'FROM %s\nONBUILD FROM scratch\n' "$busybox_ref" >"$tmp/ob/Dockerfile.bad"
"$bin" build -f "$tmp/ob/Dockerfile.bad" "$tmp/ob" >/dev/null 2>"$tmp/obbad.log"
code=$?
check "ONBUILD FROM: exit 2 ($code)" bash -c "[[ $code -eq 2 ]] && grep -q \"FROM isn't allowed as an ONBUILD trigger\" '$tmp/obbad.log'"
printf 'FROM %s\nONBUILD RUN exit 7\n' "$busybox_ref" >"$tmp/ob/Dockerfile.fails"
"$bin" build -t "localhost/e2e-onbuild-fails:$$" -f "$tmp/ob/Dockerfile.fails" "$tmp/ob" >/dev/null 2>&1
printf 'FROM localhost/e2e-onbuild-fails:%s\n' $$ >"$tmp/ob/Dockerfile.child"
"$bin" build --no-cache -f "$tmp/ob/Dockerfile.child" "$tmp/ob" >/dev/null 2>"$tmp/obfail.log"
code=$?
check "a failing trigger: exit 2 naming the trigger and the base ($code: $(cat "$tmp/obfail.log"))" \
  bash -c "[[ $code -eq 2 ]] && grep -q 'ONBUILD trigger 1 of localhost/e2e-onbuild-fails' '$tmp/obfail.log' && grep -q 'exit code 7' '$tmp/obfail.log'"

printf 'FROM %s\nONBUILD COPY --from=helper /x /x\n' "$busybox_ref" >"$tmp/ob/Dockerfile.stageref"
"$bin" build -t "localhost/e2e-onbuild-stageref:$$" -f "$tmp/ob/Dockerfile.stageref" "$tmp/ob" >/dev/null 2>&1
printf 'FROM %s AS helper\nRUN touch /x\nFROM localhost/e2e-onbuild-stageref:%s\n' "$busybox_ref" $$ >"$tmp/ob/Dockerfile.stageref-child"
"$bin" build -f "$tmp/ob/Dockerfile.stageref-child" "$tmp/ob" >/dev/null 2>"$tmp/obref.log"
code=$?
check "a trigger naming a stage of the child Dockerfile: exit 2 saying what to do ($code: $(cat "$tmp/obref.log"))" \
  bash -c "[[ $code -eq 2 ]] && grep -q 'from=helper names a stage of this Dockerfile' '$tmp/obref.log'"

"$bin" image rm "localhost/e2e-wd:$$" "localhost/e2e-pf:$$" "localhost/e2e-onbuild-base:$$" "localhost/e2e-onbuild:$$" \
  "localhost/e2e-onbuild-fails:$$" "localhost/e2e-onbuild-stageref:$$" >/dev/null
finish
