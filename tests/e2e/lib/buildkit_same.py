#!/usr/bin/env python3
"""Compares two `msmigrate parse --format buildkit-json` outputs the way `msmigrate fmt` promises:
identical except `original` (the joined line, whose spacing fmt may change; kept for unknown
instructions, whose node holds nothing else), the Dump (derived), the case of keywords and of
FROM's `AS`, and the joined lines quoted inside NoEmptyContinuation warnings. Line numbers, values, flags, heredocs and comments must match.
Usage: buildkit_same.py BEFORE.json AFTER.json [BEFORE.json AFTER.json]...
(exit 1 and the first difference of each pair that differs)."""
import json
import sys


KNOWN = {"ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
         "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"}


def fold(node):
    node = dict(node)
    if node["value"].upper() in KNOWN:
        node.pop("original", None)
    node["value"] = node["value"].upper()
    nxt = list(node.get("next", []))
    if nxt and isinstance(nxt[0], dict):
        nxt = [fold(nxt[0])]
    elif node["value"] == "FROM" and len(nxt) == 3 and nxt[1].lower() == "as":
        nxt[1] = "AS"
    node["next"] = nxt
    return node


def shape(doc):
    warnings = [w.split(":")[0] for w in (doc.get("warnings") or [])]
    return {"escape": doc["escape"], "warnings": warnings, "children": [fold(c) for c in doc["children"]]}


def difference(before, after):
    if before["escape"] != after["escape"] or before["warnings"] != after["warnings"]:
        return "escape or warnings differ"
    for i, (a, b) in enumerate(zip(before["children"], after["children"])):
        if a != b:
            return f"instruction {i + 1} differs:\n  before {json.dumps(a)}\n  after  {json.dumps(b)}"
    if len(before["children"]) != len(after["children"]):
        return f"instruction count {len(before['children'])} -> {len(after['children'])}"
    return None


status = 0
paths = sys.argv[1:]
for before_path, after_path in zip(paths[0::2], paths[1::2]):
    why = difference(*(shape(json.load(open(p))) for p in (before_path, after_path)))
    if why:
        print(f"{after_path}: {why}")
        status = 1
sys.exit(status)
