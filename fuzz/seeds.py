#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target into OUT, from the shared corpus
(../shared/corpus, beside the checkout) and the fixtures; nothing here is committed data.
Usage: seeds.py TARGET OUT"""
import gzip
import hashlib
import io
import json
import os
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
FIXTURES = os.path.join(ROOT, "fixtures")
MAX_SEED = 64 * 1024


def files_under(top, keep):
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if keep(name) and os.path.isfile(path) and os.path.getsize(path) <= MAX_SEED:
                yield path


def is_dockerfile(name):
    n = name.lower()
    return "dockerfile" in n or "containerfile" in n


def dockerfiles():
    yield from files_under(os.path.join(CORPUS, "dockerfiles"), lambda n: True)
    yield from files_under(FIXTURES, is_dockerfile)


def projects():
    """Directories holding a builder-pattern project: the convert fixtures' inputs and the corpus's."""
    for top in (os.path.join(FIXTURES, "convert"), os.path.join(CORPUS, "builder-pattern")):
        if not os.path.isdir(top):
            continue
        for name in sorted(os.listdir(top)):
            d = os.path.join(top, name, "input") if top.endswith("convert") else os.path.join(top, name)
            if os.path.isdir(d):
                yield d


def pack(directory):
    """Top-level small text files as `=== NAME` sections (fuzz/fuzz_support.h's split_files)."""
    out = []
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if os.path.isfile(path) and os.path.getsize(path) <= MAX_SEED:
            data = open(path, "rb").read()
            if b"\0" not in data:
                out.append(b"=== " + name.encode() + b"\n" + data + (b"" if data.endswith(b"\n") else b"\n"))
    return b"".join(out)


def tar_bytes(members, gz=False):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            t.addfile(info, io.BytesIO(data))
    raw = buf.getvalue()
    return gzip.compress(raw, mtime=0) if gz else raw


def sha(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def image_archives():
    """A tiny image as a docker-archive, an OCI layout and both at once, gzip and plain layers."""
    layer = tar_bytes([("etc/hostname", b"fuzz\n"), ("bin/sh", b"#!/bin/true\n")])
    config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["/bin/sh"]},
                         "rootfs": {"type": "layers", "diff_ids": [sha(layer)]}}).encode()
    for gz in (False, True):
        blob = gzip.compress(layer, mtime=0) if gz else layer
        media = "application/vnd.oci.image.layer.v1.tar" + ("+gzip" if gz else "")
        manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                               "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                                          "digest": sha(config), "size": len(config)},
                               "layers": [{"mediaType": media, "digest": sha(blob), "size": len(blob)}]}).encode()
        index = json.dumps({"schemaVersion": 2, "manifests": [
            {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": sha(manifest), "size": len(manifest),
             "annotations": {"org.opencontainers.image.ref.name": "fuzz:1", "io.containerd.image.name": "docker.io/library/fuzz:1"}}]}).encode()
        blobs = [("blobs/sha256/" + sha(x)[7:], x) for x in (config, manifest, blob)]
        oci = [("oci-layout", b'{"imageLayoutVersion":"1.0.0"}'), ("index.json", index)] + blobs
        docker = json.dumps([{"Config": "blobs/sha256/" + sha(config)[7:], "RepoTags": ["fuzz:1"],
                              "Layers": ["blobs/sha256/" + sha(blob)[7:]]}]).encode()
        yield tar_bytes(oci)
        yield tar_bytes(oci + [("manifest.json", docker)])
        yield tar_bytes(blobs + [("manifest.json", docker)], gz=gz)


def lsp_sessions():
    def msg(method, params, id=None):
        m = {"jsonrpc": "2.0", "method": method, "params": params}
        if id is not None:
            m["id"] = id
        return json.dumps(m)
    uri = "file:///p/Dockerfile"
    for n, path in enumerate(list(dockerfiles())[:40]):
        text = open(path, encoding="utf-8", errors="replace").read()
        doc = {"textDocument": {"uri": uri}}
        at = dict(doc, position={"line": 1, "character": 2})
        lines = [msg("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "dockerfile", "version": 1, "text": text}}),
                 msg("textDocument/documentSymbol", doc, 1), msg("textDocument/hover", at, 2),
                 msg("textDocument/definition", at, 3),
                 msg("textDocument/codeAction", dict(doc, range={"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}},
                                                     context={"diagnostics": []}), 4),
                 msg("textDocument/formatting", dict(doc, options={"tabSize": 4, "insertSpaces": True}), 5),
                 msg("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                                "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "# x\n"}]}),
                 msg("$/cancelRequest", {"id": 6}), msg("textDocument/hover", at, 6),
                 msg("textDocument/didClose", doc), msg("shutdown", None, 7), msg("exit", None)]
        yield ("\n".join(lines) + "\n").encode()


def configs():
    for path in files_under(FIXTURES, lambda n: n.endswith((".yaml", ".yml"))):
        data = open(path, "rb").read()
        yield (b"\1" if "hadolint" in os.path.basename(path) else b"\0") + data
    yield b"\0rules:\n  DL3008: ignore\n  MSM3001: {severity: error}\nfailure-threshold: warning\nformat:\n  keyword-case: preserve\n  continuation-indent: 2\n"
    yield b"\0enable: [DL3057]\nignore: [DL3006, untagged-base-image]\ntrusted-registries: [docker.io]\nrequired-labels:\n  version: semver\n"
    yield b"\1ignored: [DL3008]\noverride:\n  error: [DL3001]\n  warning: [DL3042]\nlabel-schema:\n  author: text\nstrict-labels: true\nno-fail: false\n"


def main():
    target, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    if target in ("parse", "lint_fix", "fmt"):
        seeds = (open(p, "rb").read() for p in dockerfiles())
    elif target == "convert":
        seeds = (pack(d) for d in projects())
    elif target == "driver_shell":
        seeds = (open(p, "rb").read() for d in projects()
                 for p in files_under(d, lambda n: n.endswith(".sh") or n == "Makefile"))
    elif target == "config":
        seeds = configs()
    elif target == "image_load":
        seeds = image_archives()
    elif target == "lsp":
        seeds = lsp_sessions()
    else:
        sys.exit(f"seeds.py: unknown target {target}")
    count = 0
    for data in seeds:
        if data:
            open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb").write(data)
            count += 1
    print(f"seeds.py: {count} seeds for {target}")


main()
