#pragma once
// Pushing an image of the store to a registry: every blob the repository lacks (HEAD first),
// config, then the manifest's exact bytes under the tag, so the registry's digest is the store's.

#include <iosfwd>
#include <string>

#include "executor/pull.h"
#include "executor/store.h"

namespace msm::executor {

struct PushResult {
  std::string reference;  // where it went, familiar form
  std::string digest;     // the manifest digest the registry holds
  int blobs_uploaded = 0;
  int blobs_present = 0;
  int blobs_mounted = 0;  // cross-repository mounts: no byte sent
  uint64_t bytes_uploaded = 0;
};

// Pushes the image `source` names in the store to `destination` (default: `source` itself).
// Mirrors are never pushed to.
PushResult push_image(Store &store, const std::string &source, const std::string &destination, const PullOptions &options,
                      std::ostream &log);

}  // namespace msm::executor
