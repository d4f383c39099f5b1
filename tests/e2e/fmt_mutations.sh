#!/usr/bin/env bash
# `msmigrate fmt` on 600 sloppy variants of corpus files (fixed seed): keywords and `AS` in random
# case, extra blanks between words and in exec forms, blanks at line ends (heredoc bodies
# included), tabs or odd indentation, blank and comment lines inside continuations, CRLF endings. Every variant is formatted or refused with
# exit 2 (never a crash); BuildKit's parse of each formatted file equals the variant's; a second
# fmt changes nothing. Skipped (77) when ../shared/corpus is absent.
source "$(dirname "$0")/lib/common.sh"
corpus=$root/../shared/corpus/dockerfiles
[[ -d $corpus ]] || { echo "SKIP: no corpus at $corpus"; exit 77; }
same=$root/tests/e2e/lib/buildkit_same.py
mkdir -p "$tmp/v"
python3 - "$corpus" "$tmp/v" <<'PY'
import os, random, re, sys
src, out = sys.argv[1:3]
rng = random.Random(8)
names = sorted(os.listdir(src))
for n in range(600):
    name = rng.choice(names)
    lines = open(os.path.join(src, name), "rb").read().decode("utf-8", "surrogateescape").split("\n")
    mutated = []
    for line in lines:
        r = rng.random()
        m = re.match(r"^([A-Za-z]+)(\s.*)?$", line)
        if m and r < 0.5:  # keyword case
            word = m.group(1)
            word = "".join(c.lower() if rng.random() < 0.5 else c.upper() for c in word)
            line = word + (m.group(2) or "")
        if rng.random() < 0.2:  # blanks at the end
            line += rng.choice([" ", "\t", "   "])
        if rng.random() < 0.2 and line.startswith((" ", "\t")):  # other indentation
            line = rng.choice(["\t", "  ", "      ", ""]) + line.lstrip(" \t")
        if rng.random() < 0.2:  # a blank run doubled somewhere
            spaces = [i for i, c in enumerate(line) if c == " "]
            if spaces:
                i = rng.choice(spaces)
                line = line[:i] + "  " + line[i:]
        if rng.random() < 0.3 and '", "' in line:  # exec-form spacing
            line = line.replace('", "', rng.choice(['","', '" ,"', '"  ,  "']))
        if rng.random() < 0.5 and " AS " in line:
            line = line.replace(" AS ", rng.choice([" as ", " As ", "  AS   "]))
        mutated.append(line)
        if rng.random() < 0.1 and line.rstrip(" \t\r").endswith(("\\", "`")):  # inside a continuation
            mutated.append(rng.choice(["", "   ", "# note  ", "\t# note"]))
    eol = "\r\n" if rng.random() < 0.1 else "\n"
    open(os.path.join(out, f"{n:03d}.Dockerfile"), "wb").write(eol.join(mutated).encode("utf-8", "surrogateescape"))
PY
cp -r "$tmp/v" "$tmp/f"
"$bin" fmt "$tmp/f"/*.Dockerfile >/dev/null 2>"$tmp/err"
code=$?
refused=$(grep -c "cannot format" "$tmp/err")
other=$(grep -v "cannot format\|files reformatted" "$tmp/err" | head -3)
[[ -z $other ]] && ok || fail "fmt reported something other than refusals: $other"
[[ $code -eq 0 || ( $code -eq 2 && $refused -gt 0 ) ]] && ok || fail "fmt exited $code with $refused refusals"
grep -q "please report" "$tmp/err" && fail "a result would have parsed differently: $(grep -m3 'please report' "$tmp/err")"
pairs=()
for f in "$tmp/f"/*.Dockerfile; do
  cmp -s "$f" "$tmp/v/${f##*/}" && continue
  "$bin" parse --format buildkit-json "$tmp/v/${f##*/}" >"$f.before" 2>/dev/null
  "$bin" parse --format buildkit-json "$f" >"$f.after" 2>/dev/null
  pairs+=("$f.before" "$f.after")
done
python3 "$same" "${pairs[@]}" >"$tmp/why" && ok || fail "BuildKit's parse changed: $(head -20 "$tmp/why")"
"$bin" fmt --check "$tmp/f"/*.Dockerfile >"$tmp/again" 2>&1
again=$?
[[ $again -eq 0 || ( $again -eq 2 && $(grep -c "would reformat" "$tmp/again") -eq 0 ) ]] && ok ||
  fail "a second fmt would change: $(grep -m5 'would reformat' "$tmp/again")"
echo "fmt mutations: 600 variants, $((${#pairs[@]} / 2)) changed, $refused refused"
finish "fmt mutations"
