#!/usr/bin/env bash
# `msmigrate lsp` with a real client: Neovim's built-in LSP client (Debian's neovim), headless.
# It opens a Dockerfile, waits for diagnostics, applies the preferred fix and an "ignore" action
# (both travel back to the server as incremental didChange), formats, asks for a definition,
# a hover and the outline,
# writes the buffer; the buffer and the steps are then checked. Skipped (77) without nvim.
source "$(dirname "$0")/lib/common.sh"
command -v nvim >/dev/null || { echo "SKIP: nvim missing"; exit 77; }

mkdir -p "$tmp/project" "$tmp/home"
cat >"$tmp/project/Dockerfile" <<'DOCKERFILE'
FROM golang:1.22 AS Build
RUN go build -o /app .

FROM alpine:3.19
EXPOSE 80/TCP
COPY --from=Build /app /app
CMD  ["/app","serve"]
DOCKERFILE

HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share XDG_STATE_HOME=$tmp/home/.local/state \
  MSM_BIN=$(realpath "$bin") MSM_FILE=$tmp/project/Dockerfile MSM_OUT=$tmp/report \
  timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $root/tests/e2e/lib/lsp_neovim.lua" >"$tmp/nvim.log" 2>&1
status=$?
[[ $status -eq 0 ]] || fail "nvim exited with $status: $(cat "$tmp/nvim.log")"
[[ -f $tmp/report ]] || { fail "no report written"; finish; }
report=$(cat "$tmp/report")

grep -q '^error' <<<"$report" && fail "client script: $(grep '^error' <<<"$report")"
grep -qx 'diagnostics MSM1006,MSM1023' <<<"$report" && ok || fail "first diagnostics: $report"
grep -q '^fix ' <<<"$report" && ok || fail "no fix applied: $report"
grep -q '^ignore Ignore MSM1006' <<<"$report" && ok || fail "no ignore action: $report"
grep -qx 'diagnostics ' <<<"$report" && ok || fail "diagnostics left after the actions: $report"
grep -qx 'formatted' <<<"$report" && ok || fail "formatting: $report"
grep -qx 'definition 1:20' <<<"$report" && ok || fail "definition of --from=Build: $report"
grep -qx 'hover COPY' <<<"$report" && ok || fail "hover on COPY: $report"
grep -qx 'symbols build(1) stage 1(3)' <<<"$report" && ok || fail "document symbols: $report"

expected='# msmigrate ignore=MSM1006
FROM golang:1.22 AS Build
RUN go build -o /app .

FROM alpine:3.19
EXPOSE 80/tcp
COPY --from=Build /app /app
CMD ["/app", "serve"]'
[[ $(cat "$tmp/project/Dockerfile") == "$expected" ]] && ok || fail "buffer after the actions:
$(cat "$tmp/project/Dockerfile")"
# What the editor wrote is what the CLI finds clean.
"$bin" lint "$tmp/project/Dockerfile" >/dev/null && ok || fail "the edited file still has findings"
finish
