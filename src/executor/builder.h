#pragma once
// `msmigrate build`: plans the stages a target needs, runs them (independent stages in
// parallel), caches every step by a BuildKit-like key, and commits the target as an image.

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/scope.h"
#include "executor/image.h"
#include "executor/pull.h"
#include "executor/store.h"

namespace msm::executor {

enum class Progress { Plain, Tty };

struct BuildOptions {
  std::string context = ".";
  std::string dockerfile;               // default <context>/Dockerfile
  std::string tag;                      // optional
  std::string target;                   // default: the last stage
  analysis::BuildArgs build_args;
  bool no_cache = false;
  int jobs = 2;
  Progress progress = Progress::Plain;
  std::string output_type;              // "", "oci" or "docker"
  std::string output_dest;
  // `--secret id=ID,src=FILE|env=VAR`: id → content. Mounted for `RUN --mount=type=secret` only,
  // never stored in a layer or a cache key.
  std::map<std::string, std::string> secrets;
  // `--ssh ID=SOCKET`: id → ssh-agent socket forwarded to `RUN --mount=type=ssh`.
  std::map<std::string, std::string> ssh;
  // Images FROM, COPY --from= and RUN --mount=from= name, pulled before the first step.
  PullPolicy pull = PullPolicy::Missing;
  PullOptions pull_options;
};

struct BuildStats {
  int steps = 0;
  int cached = 0;
  int executed = 0;
  std::vector<std::string> pulled;  // "golang:1.16 from registry-1.docker.io"
};

// Builds; throws msm::Error with the failing step on errors. Progress goes to `log`.
Image run_build(Store &store, const BuildOptions &options, std::ostream &log, BuildStats *stats = nullptr);

}  // namespace msm::executor
