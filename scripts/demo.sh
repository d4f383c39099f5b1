#!/usr/bin/env bash
# README command 1: set up, build, and run the main job on the bundled builder-pattern example:
# convert Dockerfile.build + Dockerfile + build.sh into one multi-stage Dockerfile.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
example=fixtures/examples/builder-pattern
echo "== the builder pattern in $example: build.sh"
cat "$example/build.sh"
echo
echo "== msmigrate convert $example (the merged Dockerfile on stdout, the build command on stderr)"
./build/msmigrate convert "$example"
echo
echo "== msmigrate convert $example --diff (what --write would change)"
./build/msmigrate convert "$example" --diff 2>/dev/null
echo
echo "== msmigrate convert $example --format json (the report)"
./build/msmigrate convert "$example" --format json
