#!/usr/bin/env bash
# Configures and builds msmigrate.
#   build.sh          everything (tool, unit tests, benchmarks) into build/, Release with debug info
#   build.sh --demo   only the msmigrate binary into build-release/, Release (README command 1)
set -euo pipefail
cd "$(dirname "$0")/.."
case ${1:-all} in
  all)
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build build
    ;;
  --demo)
    cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build build-release --target msmigrate
    ;;
  *) echo "usage: build.sh [--demo]" >&2; exit 2 ;;
esac
