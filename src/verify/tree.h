#pragma once
// An image's file tree as a reader of the image sees it (every layer applied, whiteouts and
// opaque directories honoured), read from the layer blobs themselves, so an image built by
// msmigrate and one exported from buildah or docker are read the same way; and the comparison
// of two trees entry by entry.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "executor/image.h"
#include "executor/store.h"

namespace msm::verify {

struct FileEntry {
  std::string type;         // "file", "dir", "symlink", "char", "block", "fifo"
  uint32_t mode = 0;        // permission bits with setuid/setgid/sticky (07777)
  int64_t uid = 0;
  int64_t gid = 0;
  uint64_t size = 0;        // regular files
  std::string digest;       // "sha256:<hex>" of a regular file's content
  std::string link_target;  // symlinks
};

// Path (absolute, "/usr/local/bin/hello") → entry; the root itself is not listed.
using FileTree = std::map<std::string, FileEntry>;

FileTree read_image_tree(const executor::Store &store, const executor::Image &image);

struct FieldDifference {
  std::string field;  // "type", "mode", "owner", "size", "content", "symlink target"
  std::string old_value;
  std::string new_value;
};

struct PathDifference {
  std::string path;
  enum class Kind { OnlyOld, OnlyNew, Changed } kind = Kind::Changed;
  std::vector<FieldDifference> fields;  // for Changed
};

struct TreeComparison {
  size_t old_entries = 0;
  size_t new_entries = 0;
  size_t identical = 0;
  std::string old_digest;  // tree_digest of each side
  std::string new_digest;
  std::vector<PathDifference> differences;  // in path order
};

// sha256 over every entry's compared attributes, in path order: equal digests, equal trees.
std::string tree_digest(const FileTree &tree);

TreeComparison compare_trees(const FileTree &old_tree, const FileTree &new_tree);

// "0755", "-rwxr-xr-x"-free octal text for reports.
std::string mode_text(uint32_t mode);
// One line naming a difference: "/usr/bin/hello: only in the new image".
std::string describe(const PathDifference &difference);

}  // namespace msm::verify
