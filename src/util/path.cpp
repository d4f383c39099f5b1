#include "util/path.h"

namespace msm::util {

std::vector<std::string> path_segments(std::string_view path, DotDot dot_dot) {
  std::vector<std::string> parts;
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string_view part = path.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (dot_dot == DotDot::Keep) {
        parts.emplace_back("..");
      }
      continue;
    }
    parts.emplace_back(part);
  }
  return parts;
}

std::string normalize_path(std::string_view path) {
  bool absolute = !path.empty() && path[0] == '/';
  std::vector<std::string> parts = path_segments(path, absolute ? DotDot::ClampAtRoot : DotDot::Keep);
  std::string out;
  for (const auto &part : parts) {
    if (absolute || !out.empty()) out.push_back('/');
    out.append(part);
  }
  if (absolute && out.empty()) out.push_back('/');
  if (out.empty()) out.push_back('.');
  return out;
}

std::string join_path(std::string_view base, std::string_view rel) {
  if (!rel.empty() && rel[0] == '/') return normalize_path(rel);
  std::string joined(base);
  joined += '/';
  joined += rel;
  return normalize_path(joined);
}

}  // namespace msm::util
