#pragma once
// Lexical path handling (no file system access), shared by the builder and the converter.

#include <string>
#include <string_view>
#include <vector>

namespace msm::util {

enum class DotDot {
  ClampAtRoot,  // `..` never climbs above the start, as BuildKit resolves paths inside a root
  Keep,         // leading `..` of a relative path stay (host paths relative to a directory)
};

// The segments of `path` with empty and `.` segments dropped and `..` resolved lexically.
std::vector<std::string> path_segments(std::string_view path, DotDot dot_dot);

// `path` normalised: absolute paths clamp `..` at `/`, relative ones keep leading `..`;
// "." for an empty result.
std::string normalize_path(std::string_view path);

// `rel` resolved against `base` (an absolute `rel` ignores `base`), normalised.
std::string join_path(std::string_view base, std::string_view rel);

}  // namespace msm::util
