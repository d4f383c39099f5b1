#!/usr/bin/env python3
"""Writes an OCI layout for the registry tests: an index with a linux/amd64 image of three layers
(gzip, zstd and uncompressed tar, each adding one file), a linux/arm64 image of one layer, and an
attestation-style unknown/unknown entry that must be skipped. Optionally one layer of an
unknown media type (--unknown-layer-type) for the refusal test, or an amd64 config whose
rootfs.diff_ids names other content for the gzip layer (--wrong-diff-id) for the DiffID check.

usage: make_oci_layout.py DIR TAG [--unknown-layer-type] [--wrong-diff-id]
"""
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile


def sha(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def layer_tar(name, content):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        info = tarfile.TarInfo(name)
        info.size = len(content)
        info.mode = 0o644
        info.mtime = 1700000000
        t.addfile(info, io.BytesIO(content))
    return buf.getvalue()


def main():
    out, tag = sys.argv[1], sys.argv[2]
    unknown = "--unknown-layer-type" in sys.argv
    wrong_diff_id = "--wrong-diff-id" in sys.argv
    blobs = os.path.join(out, "blobs", "sha256")
    os.makedirs(blobs, exist_ok=True)

    def put(data):
        d = sha(data)
        with open(os.path.join(blobs, d[7:]), "wb") as f:
            f.write(data)
        return d

    def image(arch, layers):
        diff_ids, descriptors = [], []
        for media_type, raw, stored in layers:
            tampered = wrong_diff_id and arch == "amd64" and media_type.endswith("+gzip")
            diff_ids.append(sha(raw + b"tampered") if tampered else sha(raw))
            descriptors.append({"mediaType": media_type, "digest": put(stored), "size": len(stored)})
        config = json.dumps({
            "architecture": arch, "os": "linux",
            "config": {"Env": ["PATH=/usr/bin:/bin"], "Cmd": ["/bin/sh"]},
            "rootfs": {"type": "layers", "diff_ids": diff_ids},
            "history": [{"created_by": "make_oci_layout.py"} for _ in layers],
        }).encode()
        manifest = json.dumps({
            "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": put(config), "size": len(config)},
            "layers": descriptors,
        }).encode()
        return {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": put(manifest),
                "size": len(manifest), "platform": {"architecture": arch, "os": "linux"}}

    gz_raw = layer_tar("etc/gzip-layer", b"from the gzip layer\n")
    zst_raw = layer_tar("etc/zstd-layer", b"from the zstd layer\n")
    tar_raw = layer_tar("etc/plain-layer", b"from the uncompressed layer\n")
    zst = subprocess.run(["zstd", "-q", "-c"], input=zst_raw, stdout=subprocess.PIPE, check=True).stdout
    amd64_layers = [
        ("application/vnd.oci.image.layer.v1.tar+gzip", gz_raw, gzip.compress(gz_raw, mtime=0)),
        ("application/vnd.oci.image.layer.v1.tar+zstd", zst_raw, zst),
        ("application/vnd.example.unknown" if unknown else "application/vnd.oci.image.layer.v1.tar", tar_raw, tar_raw),
    ]
    arm_raw = layer_tar("etc/arch", b"arm64\n")
    arm64_layers = [("application/vnd.oci.image.layer.v1.tar+gzip", arm_raw, gzip.compress(arm_raw, mtime=0))]
    entries = [image("amd64", amd64_layers), image("arm64", arm64_layers)]
    # An attestation entry as BuildKit writes them: never chosen.
    att = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                      "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": put(b"{}"), "size": 2},
                      "layers": []}).encode()
    entries.append({"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": put(att), "size": len(att),
                    "platform": {"architecture": "unknown", "os": "unknown"},
                    "annotations": {"vnd.docker.reference.type": "attestation-manifest"}})
    index = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                        "manifests": entries}).encode()
    index_digest = put(index)
    with open(os.path.join(out, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)
    with open(os.path.join(out, "index.json"), "w") as f:
        json.dump({"schemaVersion": 2, "manifests": [
            {"mediaType": "application/vnd.oci.image.index.v1+json", "digest": index_digest, "size": len(index),
             "annotations": {"org.opencontainers.image.ref.name": tag}}]}, f)
    print(index_digest)


main()
