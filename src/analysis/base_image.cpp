#include "analysis/base_image.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace msm::analysis {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string_view::npos; }

template <size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N> &list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Debian and Ubuntu release code names, as tags spell them (`python:3.12-bookworm`, `ubuntu:jammy`).
constexpr std::array<std::string_view, 14> k_debian_codenames = {
    "bookworm", "bullseye", "buster", "stretch", "trixie", "sid", "jammy",
    "focal",    "noble",    "bionic", "xenial",  "oracular", "plucky", "lunar"};

// Official images whose default (non-alpine, non-windows) variants are built on Debian or Ubuntu.
constexpr std::array<std::string_view, 34> k_debian_based = {
    "debian",    "ubuntu",    "buildpack-deps", "python",   "node",     "golang",    "ruby",
    "php",       "perl",      "rust",           "openjdk",  "gcc",      "haskell",   "elixir",
    "erlang",    "julia",     "r-base",         "maven",    "gradle",   "eclipse-temurin",
    "clojure",   "swift",     "nginx",          "httpd",    "postgres", "redis",     "nextcloud",
    "wordpress", "drupal",    "rabbitmq",       "mongo",    "tomcat",   "memcached", "ghost"};

// Docker Hub namespaces holding the official images of one architecture (`arm64v8/debian`).
constexpr std::array<std::string_view, 10> k_arch_namespaces = {
    "amd64/", "arm32v5/", "arm32v6/", "arm32v7/", "arm64v8/", "i386/", "ppc64le/", "s390x/", "riscv64/", "mips64le/"};

constexpr std::array<std::string_view, 8> k_redhat = {"fedora",    "centos",      "rockylinux", "almalinux",
                                                      "oraclelinux", "amazonlinux", "rhel",       "photon"};

}  // namespace

std::string_view to_string(ImageFamily f) {
  switch (f) {
    case ImageFamily::Unknown: return "unknown";
    case ImageFamily::Scratch: return "scratch";
    case ImageFamily::Alpine: return "alpine";
    case ImageFamily::Busybox: return "busybox";
    case ImageFamily::Debian: return "debian";
    case ImageFamily::RedHat: return "redhat";
    case ImageFamily::Suse: return "suse";
    case ImageFamily::Arch: return "arch";
  }
  return "unknown";
}

ImageFamily image_family(std::string_view reference) {
  std::string ref = lower(reference);
  if (ref.empty() || contains(ref, "$")) return ImageFamily::Unknown;
  if (size_t at = ref.find('@'); at != std::string::npos) ref.resize(at);
  std::string tag;
  size_t slash = ref.rfind('/');
  size_t colon = ref.rfind(':');
  if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
    tag = ref.substr(colon + 1);
    ref.resize(colon);
  }
  std::string_view path = ref;
  std::string_view name = slash == std::string::npos ? path : path.substr(path.rfind('/') + 1);
  if (path == "scratch") return ImageFamily::Scratch;
  if (contains(name, "alpine") || contains(tag, "alpine")) return ImageFamily::Alpine;
  if (name == "busybox" || contains(tag, "busybox")) return ImageFamily::Busybox;
  // Windows variants of the official images are not Debian.
  if (contains(tag, "windowsservercore") || contains(tag, "nanoserver") || contains(path, "windows")) {
    return ImageFamily::Unknown;
  }
  bool redhat_namespace = false;  // quay.io/fedora/python-311, quay.io/centos/centos
  for (std::string_view r : k_redhat) redhat_namespace = redhat_namespace || contains(path, std::string(r) + "/");
  if (one_of(name, k_redhat) || redhat_namespace || contains(path, "redhat/") || contains(path, "ubi8") || contains(path, "ubi9") ||
      contains(path, "ubi10") || name.rfind("ubi", 0) == 0 || contains(tag, "ubi")) {
    return ImageFamily::RedHat;
  }
  if (contains(path, "opensuse") || contains(path, "suse/") || name == "sles") return ImageFamily::Suse;
  if (name == "archlinux") return ImageFamily::Arch;
  for (std::string_view code : k_debian_codenames) {
    if (contains(tag, code)) return ImageFamily::Debian;
  }
  // Official images: `python`, `library/python`, `docker.io/library/python`.
  bool official = slash == std::string::npos || path.rfind("library/", 0) == 0 || path.rfind("docker.io/library/", 0) == 0;
  for (std::string_view ns : k_arch_namespaces) {
    official = official || (path.rfind(ns, 0) == 0 && path.find('/', ns.size()) == std::string_view::npos);
  }
  if (official && one_of(name, k_debian_based)) return ImageFamily::Debian;
  if (name == "debian" || name == "ubuntu") return ImageFamily::Debian;
  return ImageFamily::Unknown;
}

std::string root_image(const StageGraph &graph, size_t stage) {
  const auto &stages = graph.stages();
  // A base stage is always earlier; the bound guards against a malformed graph.
  for (size_t hops = 0; stage < stages.size() && hops <= stages.size(); ++hops) {
    const Stage &s = stages[stage];
    if (!s.base_stage) return s.base_expanded;
    if (*s.base_stage >= stage) return "";
    stage = *s.base_stage;
  }
  return "";
}

ImageFamily stage_family(const StageGraph &graph, std::optional<size_t> stage) {
  if (!stage) return ImageFamily::Unknown;
  return image_family(root_image(graph, *stage));
}

bool busybox_userland(ImageFamily f) { return f == ImageFamily::Alpine || f == ImageFamily::Busybox; }

std::optional<ShellDialect> bin_sh(ImageFamily f) {
  switch (f) {
    case ImageFamily::Alpine:
    case ImageFamily::Busybox: return ShellDialect::Ash;
    case ImageFamily::Debian: return ShellDialect::Dash;
    case ImageFamily::RedHat:
    case ImageFamily::Suse:
    case ImageFamily::Arch: return ShellDialect::Bash;
    default: return std::nullopt;
  }
}

}  // namespace msm::analysis
