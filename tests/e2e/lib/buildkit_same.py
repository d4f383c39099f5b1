#!/usr/bin/env python3
"""Compares two `msmigrate parse --format buildkit-json` outputs the way `msmigrate fmt` promises:
identical except `original` (the joined line, whose spacing fmt may change), the Dump (derived),
the case of keywords, of FROM's `AS` and of HEALTHCHECK's `CMD`/`NONE`, and the joined lines quoted
inside NoEmptyContinuation warnings. Line numbers, values, flags, heredocs and comments must match.
Usage: buildkit_same.py BEFORE.json AFTER.json  (exit 1 and the first difference when they differ)."""
import json
import sys


def fold(node):
    node = dict(node)
    node.pop("original", None)
    node["value"] = node["value"].upper()
    nxt = list(node.get("next", []))
    if nxt and isinstance(nxt[0], dict):
        nxt = [fold(nxt[0])]
    elif node["value"] == "FROM" and len(nxt) == 3 and nxt[1].lower() == "as":
        nxt[1] = "AS"
    elif node["value"] == "HEALTHCHECK" and nxt and nxt[0].lower() in ("cmd", "none"):
        nxt[0] = nxt[0].upper()
    node["next"] = nxt
    return node


def shape(doc):
    warnings = [w.split(":")[0] for w in (doc.get("warnings") or [])]
    return {"escape": doc["escape"], "warnings": warnings, "children": [fold(c) for c in doc["children"]]}


before, after = (shape(json.load(open(p))) for p in sys.argv[1:3])
if before != after:
    if before["escape"] != after["escape"] or before["warnings"] != after["warnings"]:
        print("escape or warnings differ")
    for i, (a, b) in enumerate(zip(before["children"], after["children"])):
        if a != b:
            print(f"instruction {i + 1} differs:\n  before {json.dumps(a)}\n  after  {json.dumps(b)}")
            break
    else:
        print(f"instruction count {len(before['children'])} -> {len(after['children'])}")
    sys.exit(1)
