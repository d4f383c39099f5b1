#!/usr/bin/env bash
# The layers are enforced by the build: a source compiled in a layer's include view sees the
# headers of its own folder and of the layers below it, and an include of a layer above fails.
# Usage: check_layers.sh CXX BUILD_DIR SOURCE_DIR
set -uo pipefail
cxx=$1 build=$2 root=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
# compiles LAYER HEADER: true when a file including HEADER compiles in LAYER's view.
compiles() {
  printf '#include "%s"\nint main() { return 0; }\n' "$2" >"$tmp/probe.cpp"
  "$cxx" -std=c++20 -fsyntax-only -I "$build/layers/$1" -I "$build/generated" -I "$root/grammar/src" \
    $(pkg-config --cflags-only-I tree-sitter 2>/dev/null) "$tmp/probe.cpp" 2>"$tmp/err"
}
expect() {  # expect yes|no LAYER HEADER
  if compiles "$2" "$3"; then got=yes; else got=no; fi
  if [[ $got == "$1" ]]; then echo "ok   $2 includes $3: $got"
  else echo "FAIL $2 includes $3: expected $1, got $got"; head -3 "$tmp/err"; failed=1; fi
  if [[ $1 == no && $got == no ]] && ! grep -q "$3: No such file" "$tmp/err"; then
    echo "FAIL $2 includes $3 failed for another reason:"; head -3 "$tmp/err"; failed=1
  fi
}
expect yes syntax syntax/document.h
expect no  syntax lint/engine.h
expect no  analysis executor/store.h
expect yes lint analysis/stages.h
expect no  lint output/render.h
expect no  executor lint/engine.h
expect no  executor output/render.h
expect no  builder_pattern verify/verify.h
expect yes verify builder_pattern/convert.h
expect no  util syntax/document.h
exit $failed
