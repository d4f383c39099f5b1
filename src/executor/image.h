#pragma once
// Images in the store (manifest + config + layer descriptors), and moving them in and out:
// rootfs import, `docker save`/OCI archive load, and the hybrid OCI + docker-archive save.

#include <string>
#include <vector>

#include "executor/store.h"

namespace msm::executor {

struct Image {
  std::string manifest_digest;
  std::string config_digest;
  Json manifest;
  Json config;
  std::vector<LayerInfo> layers;
};

Image read_image(const Store &store, const std::string &manifest_digest);
// Finds a tagged image; the error says how to import or load one.
Image find_image(const Store &store, const std::string &reference);

// Writes config (rootfs.diff_ids filled from `layers`) and manifest blobs; returns the image.
Image commit_image(Store &store, Json config, const std::vector<LayerInfo> &layers);

// "2026-11-22T21:45:26Z" for now, or for SOURCE_DATE_EPOCH when set.
std::string created_timestamp();

// A config for a new image with no layers: architecture, os, empty rootfs and history.
Json empty_config();

// A rootfs directory or tar as a one-layer image; `changes` are Dockerfile instructions
// (CMD, ENV, ENTRYPOINT, WORKDIR, USER, LABEL, EXPOSE...) applied to its config.
Image import_rootfs(Store &store, const std::string &path, const std::vector<std::string> &changes,
                    const std::string &comment);

// Loads a docker-archive, an OCI layout tar or directory, or our hybrid; returns the references
// it tagged (the archive's names, or `tag` when given).
std::vector<std::string> load_archive(Store &store, const std::string &path, const std::string &tag);

// One tar that is an OCI layout and a docker-archive at once, as `docker save` writes since 25.
void save_archive(const Store &store, const std::string &reference, const std::string &out_path,
                  const std::string &name_override = "");
// The same image as an OCI layout only (type=oci) or a docker-archive only (type=docker).
enum class ArchiveKind { Hybrid, Oci, Docker };
void save_archive_kind(const Store &store, const Image &image, const std::string &name, const std::string &out_path,
                       ArchiveKind kind);

}  // namespace msm::executor
