#!/usr/bin/env bash
# README command 1: on a fresh Debian 12 machine (as root), set everything up and run the main
# job on the bundled builder-pattern example: make the offline base images, convert
# Dockerfile.build + Dockerfile + build.sh into one multi-stage Dockerfile, then verify it —
# build the old way and the new way and compare the runtime images.
# It sets up and builds only what it runs: the msmigrate binary (Release, in build-release/); the
# tests, benchmarks and their tools are README command 2's (scripts/test.sh).
# The store and the .deb cache live in a fixed place, so a second run reuses them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --demo
bash scripts/build.sh --demo
bin=build-release/msmigrate
demo=${MSMIGRATE_DEMO_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/msmigrate-demo}
export MSMIGRATE_STORE=$demo/store
example=fixtures/examples/builder-pattern

echo "== base images (offline, from Debian packages; cached in $demo)"
bash scripts/make-base-images.sh "$bin" "$MSMIGRATE_STORE" "$demo/base-cache"
echo
echo "== the builder pattern in $example: build.sh"
cat "$example/build.sh"
echo
echo "== msmigrate convert $example (the merged Dockerfile)"
"$bin" convert "$example"
echo
echo "== msmigrate verify $example (old flow vs the converted Dockerfile, in scratch copies)"
"$bin" verify "$example" --report build-release/verify-report.html 2>build-release/verify-progress.log
echo "(progress log: build-release/verify-progress.log; HTML report: build-release/verify-report.html)"
