#!/usr/bin/env bash
# Runs `msmigrate convert` on every project of the shared builder-pattern corpus and prints one
# tab-separated line a project: name, exit code, status, the first line of the result (the first
# refusal, the first error line, or the first artifact mapping). The corpus is read in place from
# ../shared (never copied into the project); nothing is written there (convert runs without --write).
# Usage: scripts/convert-corpus.sh [MSMIGRATE_BINARY] [CORPUS_DIR]
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/msmigrate}
corpus=${2:-$here/../shared/corpus/builder-pattern}
[[ -x $bin ]] || { echo "convert-corpus: $bin: not an executable (build msmigrate first)" >&2; exit 2; }
[[ -d $corpus ]] || { echo "convert-corpus: $corpus: no such directory" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf 'project\texit\tstatus\tfirst line\n'
for dir in "$corpus"/*/; do
  name=$(basename "$dir")
  timeout 60 "$bin" convert "$dir" >"$out/stdout" 2>"$out/err"
  code=$?
  case $code in
    0) status=converted; first=$(grep -m1 -- '--from=' "$out/stdout") ;;
    1) status=refused; first=$(grep -m1 'refused\[' "$out/err") ;;
    *) status=error; first=$(head -1 "$out/err") ;;
  esac
  first=${first//"$dir"/}
  printf '%s\t%s\t%s\t%s\n' "$name" "$code" "$status" "$first"
done
