#!/usr/bin/env bash
# `msmigrate build` end to end: a C program compiled in the gcc image, copied into the busybox
# image, run through the sandbox; files, config, history, cache behaviour and target pruning.
set -uo pipefail
source "$(dirname "$0")/lib/build_lib.sh"

ctx=$tmp/ctx
cp -r "$root/fixtures/build/multistage" "$ctx"
tag=localhost/e2e-multistage:$$
log=$tmp/build.log
"$bin" build --progress plain --build-arg GREETING=hi --build-arg BUSYBOX="$busybox_ref" -t "$tag" "$ctx" >"$tmp/id" 2>"$log"
code=$?
check "build exits 0 (got $code): $(tail -3 "$log")" test $code -eq 0
check "unused stage never ran" bash -c "! grep -q 'never run' '$log'"
check "image id printed" grep -q '^sha256:' "$tmp/id"

# Run the binary in the image through the sandbox: a one-line build on top of it.
mkdir -p "$tmp/run"
printf 'FROM %s\nUSER root\nRUN /usr/local/bin/hello && cat /greeting /etc/motd && ls /logs /src && id -u nobody\n' "$tag" >"$tmp/run/Dockerfile"
"$bin" build --progress plain --no-cache "$tmp/run" >/dev/null 2>"$tmp/run.log"
code=$?
check "run exits 0: $(tail -3 "$tmp/run.log")" test $code -eq 0
check "binary prints the build-arg greeting" grep -q 'hi from msmigrate' "$tmp/run.log"
check "heredoc file" grep -q 'built by msmigrate' "$tmp/run.log"
check ".dockerignore: a.log excluded, keep.log kept" bash -c "grep -q 'keep.log' '$tmp/run.log' && ! grep -q 'a.log' '$tmp/run.log'"
check "src/ copied without **/*.tmp, with inner.log" bash -c "grep -q 'inner.log' '$tmp/run.log' && ! grep -q 'x.tmp' '$tmp/run.log'"

# Files, via the saved archive.
"$bin" image save "$tag" -o "$tmp/img.tar"
check "save exits 0" test $? -eq 0
mkdir -p "$tmp/x" && tar -xf "$tmp/img.tar" -C "$tmp/x"
check "hybrid archive: oci-layout, index.json, manifest.json" test -f "$tmp/x/oci-layout" -a -f "$tmp/x/index.json" -a -f "$tmp/x/manifest.json"
python3 - "$tmp/x" "$tag" >"$tmp/py.log" 2>&1 <<'PY'
import gzip, hashlib, io, json, sys, tarfile
root, tag = sys.argv[1], sys.argv[2]
m = json.load(open(f"{root}/manifest.json"))[0]
assert m["RepoTags"] == [tag], m["RepoTags"]
cfg_bytes = open(f"{root}/{m['Config']}", "rb").read()
assert "sha256:" + hashlib.sha256(cfg_bytes).hexdigest() == "sha256:" + m["Config"].split("/")[-1]
cfg = json.loads(cfg_bytes)
files = {}
diffs = []
for layer in m["Layers"]:
    data = open(f"{root}/{layer}", "rb").read()
    assert hashlib.sha256(data).hexdigest() == layer.split("/")[-1], "digest"
    raw = gzip.decompress(data)
    diffs.append("sha256:" + hashlib.sha256(raw).hexdigest())
    with tarfile.open(fileobj=io.BytesIO(raw)) as t:
        for member in t.getmembers():
            files[member.name.rstrip("/")] = (member, t.extractfile(member).read() if member.isfile() else None)
assert diffs == cfg["rootfs"]["diff_ids"], "diff_ids"
c = cfg["config"]
assert c["Entrypoint"] == ["/usr/local/bin/hello"] and "Cmd" not in c, c
assert c["User"] == "nobody" and c["WorkingDir"] == "/data", c
assert set(c["ExposedPorts"]) == {"8080/tcp", "53/udp"} and c["Volumes"] == {"/data": {}}
assert c["StopSignal"] == "SIGINT" and c["Healthcheck"]["Interval"] == 30 * 10**9
assert "APP_MODE=production" in c["Env"] and not any(e.startswith("GREETING=") for e in c["Env"]), c["Env"]
assert c["Labels"] == {"org.example.title": "hello", "org.example.arch": "amd64"}, c["Labels"]
hello = files["usr/local/bin/hello"][0]
assert hello.mode & 0o777 == 0o755 and hello.uid == 0, (hello.mode, hello.uid)
assert files["greeting"][1] == b"hi from msmigrate\n"
assert "bin/.wh.vi" in files, "whiteout for the removed /bin/vi"
assert "logs/keep.log" in files and "logs/a.log" not in files
assert "src/inner.log" in files and "src/x.tmp" not in files
nonempty = [h for h in cfg["history"] if not h.get("empty_layer")]
assert len(nonempty) == len(cfg["rootfs"]["diff_ids"]), (len(nonempty), len(diffs))
assert any(h["created_by"].startswith("RUN /bin/sh -c hello") for h in cfg["history"])
assert not any("proc" == n or n.startswith("proc/") or n == "etc/hosts" for n in files if n not in ("etc",)), "mount stubs leaked"
print("ok")
PY
check "archive content, digests, config, history: $(tail -3 "$tmp/py.log")" grep -q '^ok$' "$tmp/py.log"

# Cache: an unchanged rebuild runs nothing; editing one copied file re-runs only what follows.
"$bin" build --progress plain --build-arg GREETING=hi --build-arg BUSYBOX="$busybox_ref" -t "$tag" "$ctx" >"$tmp/id2" 2>"$tmp/b2.log"
check "cached rebuild runs nothing: $(tail -1 "$tmp/b2.log")" grep -q ' 0 run, ' "$tmp/b2.log"
check "cached rebuild gives the same image id" cmp -s "$tmp/id" "$tmp/id2"
echo "changed $$ $(date +%s%N)" >"$ctx/src/inner.log"  # unique: the store outlives test runs
"$bin" build --progress plain --build-arg GREETING=hi --build-arg BUSYBOX="$busybox_ref" -t "$tag" "$ctx" >/dev/null 2>"$tmp/b3.log"
check "edit of src/inner.log re-runs 4 steps (COPY src, heredoc COPY, RUN, WORKDIR /data): $(tail -1 "$tmp/b3.log")" grep -q ' 4 run, ' "$tmp/b3.log"
check "gcc step stayed cached" bash -c "grep -A1 'RUN gcc' '$tmp/b3.log' | grep -q CACHED"

# Independent stages run in parallel with --jobs 2; RUN --mount=type=cache persists; --network=none.
mkdir -p "$tmp/par"
cat >"$tmp/par/Dockerfile" <<DF
FROM $busybox_ref AS a
RUN --mount=type=cache,target=/sync,id=msm-e2e-sync-$$ sh -c 'touch /sync/a; for i in \$(seq 300); do [ -e /sync/b ] && echo a-$$ > /a && exit 0; sleep 0.1; done; exit 1'
FROM $busybox_ref AS b
RUN --mount=type=cache,target=/sync,id=msm-e2e-sync-$$ sh -c 'touch /sync/b; for i in \$(seq 300); do [ -e /sync/a ] && echo b-$$ > /b && exit 0; sleep 0.1; done; exit 1'
FROM $busybox_ref
COPY --from=a /a /a
COPY --from=b /b /b
RUN --mount=type=cache,target=/cache,id=msm-e2e-$$ echo run >> /cache/count && wc -l < /cache/count > /seen
RUN --network=none sh -c 'ls /sys/class/net | sort | tr "\\n" " " > /nets'
RUN --mount=type=tmpfs,target=/scratch touch /scratch/x && test ! -e /scratch-leak
DF
# Stages a and b each wait (up to 30 s) for the other's marker in a shared cache mount: the
# build only succeeds when they run at the same time (no timing threshold involved).
"$bin" build --progress plain --jobs 2 -t "localhost/e2e-par:$$" "$tmp/par" >/dev/null 2>"$tmp/par.log"
code=$?
check "independent stages run in parallel with --jobs 2 (each saw the other's marker): $(tail -2 "$tmp/par.log")" test $code -eq 0
"$bin" image save "localhost/e2e-par:$$" -o "$tmp/par.tar"
mkdir -p "$tmp/parx" && tar -xf "$tmp/par.tar" -C "$tmp/parx"
files=$(for l in $(python3 -c "import json;print(' '.join(json.load(open('$tmp/parx/manifest.json'))[0]['Layers']))"); do tar -tzf "$tmp/parx/$l"; done)
check "cache mount target is not in the image" bash -c "! grep -q '^cache' <<<'$files'"
check "tmpfs mount target is not in the image" bash -c "! grep -q '^scratch' <<<'$files'"
nets=$(for l in $(python3 -c "import json;print(' '.join(json.load(open('$tmp/parx/manifest.json'))[0]['Layers']))"); do tar -xzOf "$tmp/parx/$l" nets 2>/dev/null; done)
check "--network=none sees only lo (saw '$nets')" test "$nets" = "lo "
"$bin" build --progress plain --no-cache -t "localhost/e2e-par:$$" "$tmp/par" >/dev/null 2>"$tmp/par2.log"
rm -rf "$tmp/parx" && mkdir -p "$tmp/parx"
"$bin" image save "localhost/e2e-par:$$" -o - | tar -x -C "$tmp/parx"
seen=$(for l in $(python3 -c "import json;print(' '.join(json.load(open('$tmp/parx/manifest.json'))[0]['Layers']))"); do tar -xzOf "$tmp/parx/$l" seen 2>/dev/null; done | tail -1)
check "cache mount persisted across builds (count $seen ≥ 2)" bash -c "[[ '$seen' -ge 2 ]]"
"$bin" image rm "localhost/e2e-par:$$" >/dev/null

# --target builds only what the stage needs.
"$bin" build --progress plain --target build -t "localhost/e2e-builder:$$" "$ctx" >/dev/null 2>"$tmp/b4.log"
check "--target build: no busybox stage" bash -c "! grep -q busybox '$tmp/b4.log'"

# Errors: exit 2 with a clear message.
printf 'FROM localhost/not-there:1\n' >"$tmp/run/Dockerfile"
"$bin" build "$tmp/run" >/dev/null 2>"$tmp/e1.log"
code=$?
check "missing base image: exit 2 and how to import ($code)" bash -c "[[ $code -eq 2 ]] && grep -q 'image import' '$tmp/e1.log'"
printf 'FROM %s\nRUN exit 3\n' "$busybox_ref" >"$tmp/run/Dockerfile"
"$bin" build --no-cache "$tmp/run" >/dev/null 2>"$tmp/e2.log"
code=$?
check "failing RUN: exit 2 naming the step ($code)" bash -c "[[ $code -eq 2 ]] && grep -q 'Dockerfile:2: RUN' '$tmp/e2.log' && grep -q 'exit code 3' '$tmp/e2.log'"
printf 'FROM %s AS a\nONBUILD ONBUILD RUN echo hi\nFROM a\n' "$busybox_ref" >"$tmp/run/Dockerfile"
"$bin" build "$tmp/run" >/dev/null 2>"$tmp/e3.log"
code=$?
check "ONBUILD ONBUILD is an error, as in BuildKit ($code)" bash -c "[[ $code -eq 2 ]] && grep -q 'Chaining ONBUILD' '$tmp/e3.log'"
"$bin" build --output type=tar,dest=x "$tmp/run" >/dev/null 2>"$tmp/e4.log"
check "bad --output type: exit 2" test $? -eq 2
check "no mounts left behind" bash -c "! grep -q '$MSMIGRATE_STORE' /proc/self/mountinfo"

"$bin" image rm "$tag" "localhost/e2e-builder:$$" >/dev/null
finish
