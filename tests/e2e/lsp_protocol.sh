#!/usr/bin/env bash
# `msmigrate lsp` through the real binary and pipes: a scripted session of framed messages,
# with junk bytes, malformed frames and JSON, a cancelled request queued behind a slow one,
# a 30 MB document and a binary one. Every request gets its answer and the server exits 0.
source "$(dirname "$0")/lib/common.sh"
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }

cat >"$tmp/session.py" <<'PY'
import json, sys
out = sys.stdout.buffer
def frame(obj):
    body = json.dumps(obj).encode() if not isinstance(obj, bytes) else obj
    out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
def req(i, method, params): frame({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
def note(method, params): frame({"jsonrpc": "2.0", "method": method, "params": params})
def doc(uri): return {"textDocument": {"uri": uri}}

req(1, "initialize", {"capabilities": {}})
note("initialized", {})
out.write(bytes(range(256)) + b"\r\n\r\n")          # junk bytes between messages
frame(b"{\"jsonrpc\": \"2.0\", \"id\": 2, ")           # truncated JSON
out.write(b"Content-Length: nope\r\n\r\n")
note("textDocument/didOpen", {"textDocument": {"uri": "file:///p/Dockerfile", "version": 1, "languageId": "dockerfile",
                                               "text": "FROM alpine:3.19 AS Build\nEXPOSE 80/TCP\n"}})
# A slow document (analysed: under the 2 MB limit), then a request cancelled while it waits.
slow = "FROM alpine:3.19\n" + ("RUN echo " + "x" * 60 + " && true\n") * 25000
note("textDocument/didOpen", {"textDocument": {"uri": "file:///p/slow/Dockerfile", "version": 1, "text": slow}})
req(3, "textDocument/documentSymbol", doc("file:///p/slow/Dockerfile"))
note("$/cancelRequest", {"id": 3})
# 30 MB and binary documents: kept, not analysed, and requests still answered.
note("textDocument/didOpen", {"textDocument": {"uri": "file:///p/huge/Dockerfile", "version": 1, "text": "RUN x\n" * 5_000_000}})
note("textDocument/didOpen", {"textDocument": {"uri": "file:///p/bin/Dockerfile", "version": 1, "text": "FROM a\u0000\u0001\n"}})
req(4, "textDocument/hover", {**doc("file:///p/Dockerfile"), "position": {"line": 1, "character": 2}})
req(5, "textDocument/documentSymbol", doc("file:///p/huge/Dockerfile"))
# The cursor at the line's start, the line's diagnostic given as context (as clients do).
req(6, "textDocument/codeAction", {**doc("file:///p/Dockerfile"), "range": {"start": {"line": 1, "character": 0},
                                   "end": {"line": 1, "character": 0}}, "context": {"diagnostics": [
                                   {"code": "MSM1023", "range": {"start": {"line": 1, "character": 7}, "end": {"line": 1, "character": 13}},
                                    "message": "EXPOSE protocol should be lower-case"}]}})
req(7, "textDocument/unknownRequest", {})
note("unknown/notification", {})
req(8, "shutdown", None)
note("exit", None)
PY
python3 "$tmp/session.py" >"$tmp/in"
timeout 60 "$bin" lsp --stdio <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
status=$?
[[ $status -eq 0 ]] && ok || fail "lsp exited with $status: $(head -c 500 "$tmp/err")"

cat >"$tmp/check.py" <<'PY'
import json, re, sys
data = open(sys.argv[1], "rb").read()
msgs, i = [], 0
while i < len(data):
    m = re.match(rb"Content-Length: (\d+)\r\n\r\n", data[i:])
    if not m: sys.exit("bad frame at %d: %r" % (i, data[i:i+40]))
    n = int(m.group(1)); start = i + m.end()
    msgs.append(json.loads(data[start:start + n])); i = start + n
byid = {m["id"]: m for m in msgs if "id" in m and m["id"] is not None}
errors = [m["error"]["code"] for m in msgs if "error" in m and m.get("id") is None]
pub = {}
for m in msgs:
    if m.get("method") == "textDocument/publishDiagnostics": pub[m["params"]["uri"]] = m["params"]["diagnostics"]
def check(cond, what):
    print(("ok " if cond else "FAIL ") + what)
check("capabilities" in byid[1]["result"], "initialize")
check(errors.count(-32700) >= 3, "parse errors for junk, truncated JSON, bad length: %s" % errors)
codes = sorted(d.get("code", "") for d in pub.get("file:///p/Dockerfile", []))
check(codes == ["MSM1006", "MSM1023"], "diagnostics %s" % codes)
check(byid[3].get("error", {}).get("code") == -32800, "cancelled request: %s" % str(byid[3])[:200])
check("not analysed" in pub["file:///p/huge/Dockerfile"][0]["message"], "huge document not analysed")
check("binary" in pub["file:///p/bin/Dockerfile"][0]["message"], "binary document not analysed")
check("**EXPOSE**" in byid[4]["result"]["contents"]["value"], "hover")
check(byid[5]["result"] == [], "symbols of the huge document")
check(any(a.get("isPreferred") for a in byid[6]["result"]), "preferred fix")
check(byid[7]["error"]["code"] == -32601, "method not found")
check(byid[8]["result"] is None, "shutdown")
PY
python3 "$tmp/check.py" "$tmp/out" >"$tmp/checks" 2>&1 || fail "reading the replies: $(cat "$tmp/checks")"
while read -r verdict what; do
  if [[ $verdict == ok ]]; then ok; else fail "$what"; fi
done <"$tmp/checks"
finish
