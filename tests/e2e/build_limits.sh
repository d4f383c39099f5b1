#!/usr/bin/env bash
# Limits: a 120-step Dockerfile (more layers than mount(2)'s one-page option string holds) builds
# and runs; a full disk during a layer write is a clear error that leaves no half-written blob,
# no torn index and no temp file, and the next build (with space) works.
set -uo pipefail
source "$(dirname "$0")/lib/build_lib.sh"

# --- 120 layers -------------------------------------------------------------------------------
mkdir -p "$tmp/deep"
{
  printf 'FROM %s\n' "$busybox_ref"
  for i in $(seq 120); do printf 'RUN echo %s-%s > /f%03d\n' "$i" $$ "$i"; done
  printf 'RUN ls / | grep -c "^f[0-9]" > /count && cat /f001 /f060 /f120 > /ends\n'
} >"$tmp/deep/Dockerfile"
"$bin" build --progress plain -t "localhost/e2e-deep:$$" "$tmp/deep" >/dev/null 2>"$tmp/deep.log"
code=$?
check "122-step build exits 0 ($code): $(grep -m2 -E 'cannot|error' "$tmp/deep.log")" test $code -eq 0
layers=$("$bin" image inspect "localhost/e2e-deep:$$" | python3 -c "import json,sys; print(len(json.load(sys.stdin)['Layers']))")
check "one layer per RUN on top of the base (got $layers)" test "$layers" -ge 122
mkdir -p "$tmp/deep/x"
"$bin" image save "localhost/e2e-deep:$$" -o - | tar -x -C "$tmp/deep/x"
top=$(python3 -c "import json;print(json.load(open('$tmp/deep/x/manifest.json'))[0]['Layers'][-1])")
check "the last RUN saw all 120 lower layers" test "$(tar -xzOf "$tmp/deep/x/$top" count)" = "120"
check "bottom, middle and top layers visible" test "$(tar -xzOf "$tmp/deep/x/$top" ends | tr '\n' ' ')" = "1-$$ 60-$$ 120-$$ "
printf 'FROM localhost/e2e-deep:%s\nCOPY --from=localhost/e2e-deep:%s /f001 /f120 /copied/\n' $$ $$ >"$tmp/deep/Dockerfile.copy"
"$bin" build --progress plain -f "$tmp/deep/Dockerfile.copy" "$tmp/deep" >/dev/null 2>"$tmp/deepcopy.log"
code=$?
check "COPY --from a 123-layer image (read-only overlay): $(grep -m1 -E 'cannot|error' "$tmp/deepcopy.log")" test $code -eq 0
"$bin" image rm "localhost/e2e-deep:$$" >/dev/null

# --- disk full ----------------------------------------------------------------------------------
# A 6 MiB tmpfs store in a private mount namespace (it goes when the namespace does): a 4 MiB
# incompressible file fits as the COPY's layer directory, but not again as the layer blob.
mkdir -p "$tmp/full/ctx"
head -c $((4 << 20)) /dev/urandom >"$tmp/full/ctx/big"
printf 'FROM scratch\nCOPY big /big\n' >"$tmp/full/ctx/Dockerfile"
cat >"$tmp/full/run.sh" <<'SH'
set -u
bin=$1 dir=$2
mount -t tmpfs -o size=6m tmpfs "$dir/store" || exit 77
export MSMIGRATE_STORE=$dir/store
"$bin" build --progress plain -t localhost/e2e-full:1 "$dir/ctx" >/dev/null 2>"$dir/full.log"
echo "code=$?" >"$dir/result"
python3 - "$dir/store" >>"$dir/result" 2>&1 <<'PY'
import hashlib, json, os, sys
store = sys.argv[1]
bad = []
blobs = os.path.join(store, "blobs/sha256")
for name in os.listdir(blobs):
    if hashlib.sha256(open(os.path.join(blobs, name), "rb").read()).hexdigest() != name:
        bad.append(name)
print("torn-blobs=%d" % len(bad))
index = os.path.join(store, "index.json")
ok = True
if os.path.exists(index):
    try:
        json.load(open(index))
    except ValueError:
        ok = False
print("index-ok=%s" % ok)
print("tmp-layer-files=%d" % len([n for n in os.listdir(os.path.join(store, "tmp")) if n.startswith("layer-")]))
PY
mount -o remount,size=32m "$dir/store"
"$bin" build --progress plain -t localhost/e2e-full:1 "$dir/ctx" >/dev/null 2>"$dir/full2.log"
echo "code2=$?" >>"$dir/result"
"$bin" image inspect localhost/e2e-full:1 >/dev/null 2>&1
echo "inspect=$?" >>"$dir/result"
SH
mkdir -p "$tmp/full/store"
unshare -m --propagation private bash "$tmp/full/run.sh" "$bin" "$tmp/full"
[[ $? -eq 77 ]] && skip "cannot mount a tmpfs for the disk-full test"
cat "$tmp/full/result"
check "disk full: exit 2 ($(cat "$tmp/full/full.log" | tail -1))" grep -qx 'code=2' "$tmp/full/result"
check "disk full: the message says so and names the layer and the store" \
  grep -q "no space left on device while writing layer .* in $tmp/full/store" "$tmp/full/full.log"
check "disk full: every blob hashes to its name" grep -qx 'torn-blobs=0' "$tmp/full/result"
check "disk full: the index is whole" grep -qx 'index-ok=True' "$tmp/full/result"
check "disk full: no half-written layer left in tmp/" grep -qx 'tmp-layer-files=0' "$tmp/full/result"
check "with space again, the next build works" grep -qx 'code2=0' "$tmp/full/result"
check "and its image is in the store" grep -qx 'inspect=0' "$tmp/full/result"
finish
