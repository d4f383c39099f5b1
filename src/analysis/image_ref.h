#pragma once
// Image references, the one parser of the program: `[registry[:port]/]path[:tag][@digest]` split
// the way distribution/reference does (the first path component is a registry only when it has a
// `.` or `:`, an upper-case letter, or is `localhost`), and, for what is fetched or stored, checked
// against that grammar and normalised as Docker does (`alpine` → `docker.io/library/alpine:latest`).

#include <optional>
#include <string>
#include <string_view>

namespace msm::analysis {

// A reference as written, never refused: lint reads FROM lines that still hold `${VARIABLES}`.
struct ImageRef {
  std::optional<std::string> registry;  // "ghcr.io", "localhost:5000"; none for Docker Hub
  std::string repository;               // "library/debian" is written "debian"
  std::optional<std::string> tag;       // "12-slim"
  std::optional<std::string> digest;    // "sha256:..."

  // The registry images without one are pulled from.
  std::string registry_or_default() const { return registry ? *registry : "docker.io"; }
};

ImageRef parse_image_ref(std::string_view reference);

inline constexpr std::string_view k_docker_hub = "docker.io";

// A valid, normalised reference: what is pulled, pushed and named in the store.
struct Reference {
  std::string domain;  // "docker.io", "ghcr.io", "localhost:5000", "[::1]:5000"
  std::string path;    // "library/alpine", "o/r"
  std::string tag;     // "latest" when neither a tag nor a digest was given; may be "" with a digest
  std::string digest;  // "sha256:<64 hex>" or ""

  // "docker.io/library/alpine"
  std::string name() const { return domain + "/" + path; }
  // "docker.io/library/alpine:latest", "ghcr.io/o/r:v1@sha256:…"
  std::string str() const;
  // What Docker prints: "alpine:latest", "user/app:1", "ghcr.io/o/r:v1"
  std::string familiar() const;
  // The tag, or the digest when there is one: what a registry is asked for.
  const std::string &tag_or_digest() const { return digest.empty() ? tag : digest; }
};

// nullopt with `why` set (when given) to what is wrong, in distribution's words.
std::optional<Reference> try_parse_reference(std::string_view text, std::string *why = nullptr);
// The same, throwing msm::Error "invalid image reference 'X': why".
Reference parse_reference(std::string_view text);

}  // namespace msm::analysis
