#pragma once
// COPY and ADD: `.dockerignore`, source selection (wildcards, clamped to the source root),
// content checksums for cache keys, and the copy itself into an image root, every path resolved
// inside that root (openat2 RESOLVE_IN_ROOT) so nothing can write outside it.

#include <sys/types.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace msm::executor {

// `.dockerignore` as BuildKit reads it: patterns anchored at the context root, `**`, `!`
// exceptions, the last matching line wins, a parent's match excludes its children.
class IgnoreMatcher {
 public:
  IgnoreMatcher() = default;
  explicit IgnoreMatcher(const std::string &text);
  // `path` relative to the context root, '/'-separated, no leading slash.
  bool excluded(const std::string &path) const;
  bool empty() const { return m_patterns.empty(); }

 private:
  struct Pattern {
    std::vector<std::string> parts;
    bool exception = false;
  };
  static bool match_parts(const std::vector<std::string> &pattern, size_t pi, const std::vector<std::string> &path,
                          size_t si);
  std::vector<Pattern> m_patterns;
};

// <Dockerfile>.dockerignore next to the Dockerfile, else <context>/.dockerignore, else nothing.
IgnoreMatcher load_dockerignore(const std::string &context, const std::string &dockerfile);

struct CopyRequest {
  std::string source_root;     // host directory the sources are relative to
  bool from_context = true;    // apply the ignore rules; files become 0:0 unless --chown
  IgnoreMatcher ignore;
  std::vector<std::string> sources;                           // expanded, as written
  std::vector<std::pair<std::string, std::string>> heredocs;  // "<<NAME" sources: name, content
  std::string dest;                                           // expanded
  std::string workdir = "/";
  std::optional<std::string> chown;
  std::optional<mode_t> chmod;
  bool add = false;            // auto-extract local tar archives
  std::string dest_root;       // the mounted image root to write into
};

// Content checksum of everything the request would copy (names, types, modes, sizes, link
// targets, contents; not mtimes), for the cache key. Runs on the host, no mounts needed.
std::string checksum_sources(const CopyRequest &request);

// Performs the copy (inside the mount namespace that has dest_root and source_root mounted).
void perform_copy(const CopyRequest &request);

// Opens `path` inside the directory `rootfd` as if it were `/`: `..` and symlinks, absolute ones
// too, never lead out of it (openat2 RESOLVE_IN_ROOT). Returns the fd, or -1 with errno.
int open_in_root(int rootfd, const std::string &path, int flags, mode_t mode = 0);
// mkdir -p inside the root (resolved as above): missing directories get 0755 and `owner`
// (uid, gid) when given. Returns an O_PATH fd on the directory; throws msm::Error.
int make_dir_in_root(int rootfd, const std::string &path, std::optional<std::pair<uint32_t, uint32_t>> owner);

// WORKDIR's directory as BuildKit makes it (a mkdir -p that becomes part of a layer): missing
// directories get 0755 and, when `user` (USER's name or uid[:gid]) is set, that owner, resolved
// in the image's own /etc/passwd and /etc/group. Existing directories are left as they are.
void make_workdir(const std::string &root, const std::string &path, const std::string &user);

// "0755" → 0755; throws msm::Error on anything but octal ≤ 07777.
mode_t parse_chmod(const std::string &text);

}  // namespace msm::executor
