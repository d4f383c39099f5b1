#include "analysis/image_ref.h"

#include <algorithm>

#include "util/error.h"

namespace msm::analysis {

namespace {

struct Split {
  std::string_view domain;  // "" for Docker Hub
  std::string_view path;
  std::optional<std::string_view> tag;
  std::optional<std::string_view> digest;
};

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_alnum(char c) { return is_lower_alnum(c) || (c >= 'A' && c <= 'Z'); }
bool is_word(char c) { return is_alnum(c) || c == '_'; }
bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// splitDockerDomain: the first component names a registry when it has a `.` or `:`, is
// `localhost`, or has an upper-case letter (repository paths are lower case).
bool names_registry(std::string_view head) {
  return head.find_first_of(".:") != std::string_view::npos || head == "localhost" ||
         std::any_of(head.begin(), head.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

Split split(std::string_view text) {
  Split out;
  if (size_t slash = text.find('/'); slash != std::string_view::npos && names_registry(text.substr(0, slash))) {
    out.domain = text.substr(0, slash);
    text = text.substr(slash + 1);
  }
  if (size_t at = text.find('@'); at != std::string_view::npos) {
    out.digest = text.substr(at + 1);
    text = text.substr(0, at);
  }
  // Past the registry, a colon can only start the tag.
  if (size_t colon = text.rfind(':'); colon != std::string_view::npos) {
    out.tag = text.substr(colon + 1);
    text = text.substr(0, colon);
  }
  out.path = text;
  return out;
}

// path-component: [a-z0-9]+ joined by `.`, `_`, `__` or runs of `-`.
bool valid_path_component(std::string_view c) {
  if (c.empty() || !is_lower_alnum(c.front()) || !is_lower_alnum(c.back())) return false;
  for (size_t i = 0; i < c.size();) {
    if (is_lower_alnum(c[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    if (c[i] == '-') {
      while (i < c.size() && c[i] == '-') ++i;
    } else if (c[i] == '_') {
      i += (i + 1 < c.size() && c[i + 1] == '_') ? 2 : 1;
    } else if (c[i] == '.') {
      ++i;
    } else {
      return false;
    }
    if (i == start || i >= c.size() || !is_lower_alnum(c[i])) return false;
  }
  return true;
}

bool valid_domain_component(std::string_view c) {
  if (c.empty() || !is_alnum(c.front()) || !is_alnum(c.back())) return false;
  return std::all_of(c.begin(), c.end(), [](char ch) { return is_alnum(ch) || ch == '-'; });
}

// host[:port], the host a domain name, an IPv4 address (same shape) or a bracketed IPv6 address.
bool valid_domain(std::string_view d) {
  std::string_view host = d;
  if (d.starts_with('[')) {
    size_t close = d.find(']');
    if (close == std::string_view::npos || close < 3) return false;
    std::string_view inside = d.substr(1, close - 1);
    if (!std::all_of(inside.begin(), inside.end(), [](char c) { return is_hex(c) || (c >= 'A' && c <= 'F') || c == ':' || c == '.'; })) {
      return false;
    }
    host = {};
    d = d.substr(close + 1);
  } else {
    size_t colon = d.find(':');
    host = d.substr(0, colon);
    d = colon == std::string_view::npos ? std::string_view{} : d.substr(colon);
    for (size_t pos = 0;;) {
      size_t dot = host.find('.', pos);
      if (!valid_domain_component(host.substr(pos, dot == std::string_view::npos ? dot : dot - pos))) return false;
      if (dot == std::string_view::npos) break;
      pos = dot + 1;
    }
  }
  if (d.empty()) return true;
  if (d.front() != ':' || d.size() < 2) return false;
  return std::all_of(d.begin() + 1, d.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_tag(std::string_view t) {
  if (t.empty() || t.size() > 128 || !is_word(t.front())) return false;
  return std::all_of(t.begin(), t.end(), [](char c) { return is_word(c) || c == '.' || c == '-'; });
}

std::optional<std::string> digest_problem(std::string_view d) {
  size_t colon = d.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == d.size()) return "invalid digest format";
  std::string_view algo = d.substr(0, colon), hex = d.substr(colon + 1);
  if (algo != "sha256") return "unsupported digest algorithm '" + std::string(algo) + "' (only sha256)";
  if (!std::all_of(hex.begin(), hex.end(), is_hex)) return "invalid checksum digest format";
  if (hex.size() != 64) return "invalid checksum digest length";
  return std::nullopt;
}

}  // namespace

ImageRef parse_image_ref(std::string_view reference) {
  Split s = split(reference);
  ImageRef ref;
  if (!s.domain.empty()) ref.registry = std::string(s.domain);
  ref.repository = std::string(s.path);
  if (s.tag) ref.tag = std::string(*s.tag);
  if (s.digest) ref.digest = std::string(*s.digest);
  return ref;
}

std::string Reference::str() const {
  std::string out = name();
  if (!tag.empty()) out += ":" + tag;
  if (!digest.empty()) out += "@" + digest;
  return out;
}

std::string Reference::familiar() const {
  std::string out = name();
  if (domain == k_docker_hub) {
    out = path;
    if (out.starts_with("library/") && out.find('/', 8) == std::string::npos) out = out.substr(8);
  }
  if (!tag.empty()) out += ":" + tag;
  if (!digest.empty()) out += "@" + digest;
  return out;
}

std::optional<Reference> try_parse_reference(std::string_view text, std::string *why) {
  auto fail = [why](std::string message) -> std::optional<Reference> {
    if (why) *why = std::move(message);
    return std::nullopt;
  };
  if (text.empty()) return fail("repository name must have at least one component");
  if (text.size() == 64 && std::all_of(text.begin(), text.end(), is_hex)) {
    return fail("a 64-digit hexadecimal string is an image ID, not a repository name");
  }
  Split s = split(text);
  Reference ref;
  ref.domain = s.domain.empty() ? std::string(k_docker_hub) : std::string(s.domain);
  if (ref.domain == "index.docker.io") ref.domain = k_docker_hub;
  if (!valid_domain(ref.domain)) return fail("invalid registry '" + ref.domain + "'");
  if (std::any_of(s.path.begin(), s.path.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return fail("repository name must be lowercase");
  }
  for (size_t pos = 0;;) {
    size_t slash = s.path.find('/', pos);
    std::string_view component = s.path.substr(pos, slash == std::string_view::npos ? slash : slash - pos);
    if (!valid_path_component(component)) {
      return fail(component.empty() ? "repository name has an empty component"
                                    : "invalid repository name component '" + std::string(component) + "'");
    }
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  ref.path = std::string(s.path);
  if (ref.domain == k_docker_hub && ref.path.find('/') == std::string::npos) ref.path = "library/" + ref.path;
  if (ref.name().size() > 255) return fail("repository name must not be more than 255 characters");
  if (s.tag) {
    if (!valid_tag(*s.tag)) return fail("invalid tag '" + std::string(*s.tag) + "'");
    ref.tag = std::string(*s.tag);
  }
  if (s.digest) {
    if (auto problem = digest_problem(*s.digest)) return fail(*problem);
    ref.digest = std::string(*s.digest);
  }
  if (ref.tag.empty() && ref.digest.empty()) ref.tag = "latest";
  return ref;
}

Reference parse_reference(std::string_view text) {
  std::string why;
  auto ref = try_parse_reference(text, &why);
  if (!ref) throw Error("invalid image reference '" + std::string(text) + "': " + why);
  return *ref;
}

}  // namespace msm::analysis
