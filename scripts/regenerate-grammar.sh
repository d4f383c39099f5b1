#!/usr/bin/env bash
# Regenerates grammar/src/parser.c from grammar/grammar.js (ABI 14, for Debian 12's runtime)
# and runs the grammar's own tests. Needs ../shared/tools/tree-sitter beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/../grammar"
ts=../../shared/tools/tree-sitter
"$ts" generate --abi 14 --no-bindings
"$ts" test
