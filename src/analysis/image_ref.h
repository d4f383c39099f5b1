#pragma once
// An image reference as FROM takes it (`[registry[:port]/]path[:tag][@digest]`), split the way
// the distribution reference grammar does: the first path component is a registry only when it
// has a `.` or `:` or is `localhost`.

#include <optional>
#include <string>
#include <string_view>

namespace msm::analysis {

struct ImageRef {
  std::optional<std::string> registry;  // "ghcr.io", "localhost:5000"; none for Docker Hub
  std::string repository;               // "library/debian" is written "debian"
  std::optional<std::string> tag;       // "12-slim"
  std::optional<std::string> digest;    // "sha256:..."

  // The registry images without one are pulled from.
  std::string registry_or_default() const { return registry ? *registry : "docker.io"; }
};

ImageRef parse_image_ref(std::string_view reference);

}  // namespace msm::analysis
