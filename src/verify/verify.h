#pragma once
// `msmigrate verify`: builds a builder-pattern project the old way (the driver's Docker steps
// replayed: builds, `docker create`/`cp`, `run … > file`, `run … | tar x`, bind-mount runs) and
// the new way (the converted multi-stage Dockerfile), then compares the runtime images: file
// trees, config, sizes, and build times cold and after a one-file source edit. Everything runs
// in scratch copies of the project; the user's tree is never written.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "executor/pull.h"
#include "executor/store.h"
#include "builder_pattern/convert.h"
#include "verify/tree.h"

namespace msm::verify {

struct VerifyOptions {
  builder_pattern::ConvertOptions convert;
  // A converted Dockerfile to check instead of convert's own output (a hand-edited
  // conversion, or one written earlier); host path.
  std::optional<std::string> converted_dockerfile;
  std::string engine = "builtin";
  std::string engine_root;   // buildah/podman storage; "" for the engine's default
  bool edit_rebuild = true;  // also time a rebuild after a one-file source edit
  // The builtin engine pulls the images builds and `docker run` name (registry.md).
  executor::PullPolicy pull = executor::PullPolicy::Missing;
  executor::PullOptions pull_options;
};

struct ImageFigures {
  std::string role;       // "build image", "old runtime image", "new final image"
  std::string reference;  // tag, or the Dockerfile it came from
  std::string id;         // config digest
  size_t layers = 0;
  uint64_t compressed = 0;
  uint64_t uncompressed = 0;
};

// An image the builtin engine pulled from a registry for this verification.
struct PulledImage {
  std::string reference;  // familiar name: "golang:1.16"
  std::string digest;     // manifest digest
  std::string registry;   // the endpoint it came from: a mirror's host, "registry-1.docker.io"
  bool mirror = false;
  uint64_t bytes = 0;     // fetched (layers already in the store cost nothing)
};

struct ConfigDifference {
  std::string field;  // Entrypoint, Cmd, Env...
  nlohmann::ordered_json old_value;
  nlohmann::ordered_json new_value;
};

// One thing each flow did, in order, with its time.
struct FlowStep {
  std::string flow;  // "old" or "new"
  std::string what;  // "docker build -f Dockerfile.build -t hello-builder:latest ."
  std::string at;    // driver file:line
  double seconds = 0;
  bool run = true;   // false: reported, not run (clean-ups, pushes, steps after the runtime build)
  std::string note;
};

struct SourceFile {
  std::string name;  // root-relative
  std::string text;
};

struct VerifyResult {
  std::string verdict = "failed";  // verified | different | failed | refused
  std::string project;
  std::string engine;
  std::string failure;   // what failed (build, run), with the file
  std::string log_tail;  // the failing step's last lines
  std::vector<std::string> refusals;

  std::vector<SourceFile> old_files;  // driver, builder Dockerfile(s), runtime Dockerfile
  SourceFile new_dockerfile;

  std::vector<ImageFigures> build_images;
  std::optional<ImageFigures> old_runtime;
  std::optional<ImageFigures> new_image;
  uint64_t artifact_bytes = 0;  // extracted artifacts left on the host by the old flow
  uint64_t old_disk = 0;        // unique layers of every old image + artifacts
  uint64_t new_disk = 0;

  std::optional<double> old_cold, new_cold, old_edit, new_edit;  // seconds
  std::string edited_file;

  std::optional<TreeComparison> files;
  FileTree new_tree;  // for the report's listing
  std::vector<ConfigDifference> config;
  bool config_equal = true;
  std::vector<FlowStep> steps;
  std::vector<PulledImage> pulled;  // in the order they were pulled
  std::vector<std::string> notes;

  int exit_code() const { return verdict == "verified" ? 0 : 1; }
};

// Runs both flows and compares. Progress lines go to `progress`. Throws msm::Error (exit 2) for
// unusable input (no builder pattern, missing files, unknown engine).
VerifyResult run_verify(executor::Store &store, const VerifyOptions &options, std::ostream &progress);

}  // namespace msm::verify
