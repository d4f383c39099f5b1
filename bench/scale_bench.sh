#!/usr/bin/env bash
# Time and peak memory of parse, lint and fmt on 1, 10 and 100 MB Dockerfiles (issue 18: time
# linear in input size, memory bounded). `bash bench/scale_bench.sh [BUILD_DIR] [SIZES_MB...]`.
# The file repeats a realistic 8-instruction block (a stage with its own name, apt-get RUN with a
# continuation, COPY --from of the stage before, ENV pairs, a heredoc), so every rule has work on
# every block. CPU seconds (user + system) are the figure to compare: wall time depends on load.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
sizes=(1 10 100)
[[ $# -gt 0 ]] && sizes=("$@")
bin=$build/msmigrate
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$bin" "$tmp" "${sizes[@]}" <<'PY'
import os, resource, subprocess, sys, time
bin, tmp, sizes = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]]
block = ("FROM debian:12 AS build{i}\n"
         "RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 \\\n"
         "    ca-certificates && rm -rf /var/lib/apt/lists/*\n"
         "COPY --from=build{j} /out/app /usr/local/bin/app\n"
         "ENV A=1 B=\"x y\" PATH=/usr/local/bin:$PATH\n"
         "WORKDIR /src\n"
         "RUN <<EOF\nset -e\nmake -j2 all\nEOF\n"
         "USER 1000\n")
commands = [("parse --format buildkit-json", [bin, "parse", "--format", "buildkit-json"]),
            ("parse --format json", [bin, "parse", "--format", "json"]),
            ("lint", [bin, "lint", "--no-fail", "--format", "concise"]),
            ("fmt --check", [bin, "fmt", "--check"])]
print(f"{'command':30} {'size':>7} {'wall s':>8} {'CPU s':>8} {'CPU s/MB':>9} {'peak RSS MB':>12}")
for mb in sizes:
    path = os.path.join(tmp, f"Dockerfile.{mb}mb")
    with open(path, "w") as f:
        written, i = 0, 0
        while written < mb * 1024 * 1024:
            text = block.format(i=i, j=max(i - 1, 0))
            f.write(text)
            written += len(text)
            i += 1
    for name, argv in commands:
        pid = os.fork()
        if pid == 0:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.execv(argv[0], argv + [path])
        start = time.monotonic()
        _, status, usage = os.wait4(pid, 0)
        wall = time.monotonic() - start
        code = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        print(f"{name:30} {mb:>4} MB {wall:8.2f} {cpu:8.2f} {cpu / mb:9.3f} {usage.ru_maxrss / 1024:12.0f}" + ("" if code in (0, 1) else f"  exit {code}"), flush=True)
    os.unlink(path)
PY
