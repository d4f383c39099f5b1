#include "executor/platform.h"

#include <sys/utsname.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace msm::executor {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// containerd's normalizeArch: the aliases people write, and the default variants dropped.
void normalize_arch(std::string &arch, std::string &variant) {
  if (arch == "i386" || arch == "i686" || arch == "x86") {
    arch = "386";
    variant.clear();
  } else if (arch == "x86_64" || arch == "x86-64" || arch == "amd64") {
    arch = "amd64";
    if (variant == "v1") variant.clear();
  } else if (arch == "aarch64" || arch == "arm64") {
    arch = "arm64";
    if (variant == "8" || variant == "v8") variant.clear();
  } else if (arch == "armhf") {
    arch = "arm";
    variant = "v7";
  } else if (arch == "armel") {
    arch = "arm";
    variant = "v6";
  } else if (arch == "arm") {
    if (variant.empty() || variant == "7") variant = "v7";
    else if (variant == "5" || variant == "6" || variant == "8") variant = "v" + variant;
  }
}

bool is_known_os(const std::string &os) {
  static const char *k_os[] = {"linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "solaris",
                               "illumos", "aix", "android", "ios", "js", "wasip1", "plan9", "dragonfly"};
  return std::find(std::begin(k_os), std::end(k_os), os) != std::end(k_os);
}

}  // namespace

const Platform &host_platform() {
  static const Platform host = [] {
    struct utsname u {};
    uname(&u);
    Platform p{"linux", lower(u.machine), ""};
    if (p.arch.starts_with("armv7")) {
      p.arch = "arm";
      p.variant = "v7";
    } else if (p.arch.starts_with("armv6")) {
      p.arch = "arm";
      p.variant = "v6";
    }
    normalize_arch(p.arch, p.variant);
    return p;
  }();
  return host;
}

std::optional<Platform> parse_platform(std::string_view text, const Platform &host) {
  std::vector<std::string> parts;
  std::string t = lower(text);
  size_t start = 0;
  for (;;) {
    size_t slash = t.find('/', start);
    parts.push_back(t.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  for (const auto &p : parts) {
    if (p.empty() || p.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-.") != std::string::npos) {
      return std::nullopt;
    }
  }
  Platform out;
  if (parts.size() == 1) {
    // One word: an OS (then the host's architecture) or an architecture (then the host's OS).
    if (is_known_os(parts[0])) {
      out = {parts[0], host.arch, host.variant};
      if (out.os != host.os) out.variant.clear();
      return out;
    }
    out = {host.os, parts[0], ""};
  } else if (parts.size() == 2) {
    out = {parts[0], parts[1], ""};
  } else if (parts.size() == 3) {
    out = {parts[0], parts[1], parts[2]};
  } else {
    return std::nullopt;
  }
  if (out.os == "macos") out.os = "darwin";
  normalize_arch(out.arch, out.variant);
  return out;
}

}  // namespace msm::executor
