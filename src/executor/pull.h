#pragma once
// Pulling images from registries into the store: resolve the tag (mirrors first for docker.io),
// pick the platform from a list or index, then config and layers, each streamed into the store's
// tmp/ with its sha256 checked while it arrives and renamed into place only when it matches, so
// an interrupted or corrupted pull leaves nothing half-written. Blobs already in the store are
// not fetched again (layers shared between images are fetched once).

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "executor/image.h"
#include "executor/platform.h"
#include "executor/store.h"
#include "registry/client.h"

namespace msm::executor {

// `--pull`: missing (pull what the store lacks), always (ask the registry each time; unchanged
// images cost one HEAD), never (offline: the store only).
enum class PullPolicy { Missing, Always, Never };
std::optional<PullPolicy> parse_pull_policy(std::string_view text);

enum class PullProgress { Quiet, Plain, Tty };

struct PullOptions {
  registry::RegistryOptions registry;
  std::optional<Platform> platform;  // default: the host's
  PullProgress progress = PullProgress::Plain;
  int parallel = 3;                  // layers fetched at once (Docker's default)
};

struct PullResult {
  Image image;
  std::string reference;  // familiar name it is tagged as
  std::string source;     // the endpoint it came from: "registry-1.docker.io", a mirror's host
  bool from_mirror = false;
  int layers_fetched = 0;
  int layers_present = 0;
  uint64_t bytes_fetched = 0;
};

PullResult pull_image(Store &store, const std::string &reference, const PullOptions &options, std::ostream &log);

// The image `reference` names, pulled first as `policy` says; returns what the pull did, or
// nullopt when the store's copy was used. `pulled` (if given) gets a line per image pulled:
// "golang:1.16 from 127.0.0.1:5443 (mirror)".
std::optional<PullResult> ensure_image(Store &store, const std::string &reference, PullPolicy policy, const PullOptions &options,
                                       std::ostream &log, std::vector<std::string> *pulled = nullptr);

}  // namespace msm::executor
