#!/usr/bin/env bash
# README command 1: set up, build, and run the main job on the bundled builder-pattern example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
example=fixtures/examples/builder-pattern
for f in "$example/Dockerfile.build" "$example/Dockerfile"; do
  echo "== msmigrate parse --format json $f (stages and instructions)"
  ./build/msmigrate parse --format json "$f"
done
