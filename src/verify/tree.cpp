#include "verify/tree.h"

#include <archive.h>
#include <archive_entry.h>

#include <cstdio>
#include <memory>

#include "executor/digest.h"
#include "util/error.h"

namespace msm::verify {

namespace {

constexpr std::string_view k_whiteout_prefix = ".wh.";
constexpr std::string_view k_opaque_marker = ".wh..wh..opq";

// "./usr/bin/", "usr/bin" and "/usr/bin" all name "/usr/bin".
std::string clean_path(std::string_view raw) {
  std::string out = "/";
  size_t i = 0;
  while (i < raw.size()) {
    size_t slash = raw.find('/', i);
    if (slash == std::string_view::npos) slash = raw.size();
    std::string_view part = raw.substr(i, slash - i);
    i = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      size_t cut = out.rfind('/');
      out.resize(cut == 0 ? 1 : cut);
      continue;
    }
    if (out.size() > 1) out += '/';
    out += part;
  }
  return out;
}

std::string parent_of(const std::string &path) {
  size_t cut = path.rfind('/');
  return cut == 0 ? "/" : path.substr(0, cut);
}

std::string base_of(const std::string &path) { return path.substr(path.rfind('/') + 1); }

void remove_subtree(FileTree &tree, const std::string &path, bool keep_path) {
  if (!keep_path) tree.erase(path);
  std::string prefix = path == "/" ? "/" : path + "/";
  for (auto it = tree.lower_bound(prefix); it != tree.end() && it->first.compare(0, prefix.size(), prefix) == 0;) {
    it = tree.erase(it);
  }
}

struct ArchiveCloser {
  void operator()(archive *a) const { archive_read_free(a); }
};

void apply_layer(FileTree &tree, const std::string &blob_path, const std::string &name) {
  std::unique_ptr<archive, ArchiveCloser> reader(archive_read_new());
  archive_read_support_filter_all(reader.get());
  archive_read_support_format_tar(reader.get());
  if (archive_read_open_filename(reader.get(), blob_path.c_str(), 1 << 16) != ARCHIVE_OK) {
    throw Error(name + ": cannot read layer: " + archive_error_string(reader.get()));
  }
  // Entries this layer adds; a later whiteout or opaque marker in the same layer only hides
  // lower layers' entries, so they are merged after the layer's deletions.
  FileTree added;
  std::vector<std::string> whiteouts, opaque_dirs;
  std::vector<std::pair<std::string, std::string>> hardlinks;  // path, target
  archive_entry *entry = nullptr;
  std::vector<char> buffer(1 << 16);
  for (;;) {
    int r = archive_read_next_header(reader.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r < ARCHIVE_WARN) throw Error(name + ": broken layer tar: " + archive_error_string(reader.get()));
    std::string path = clean_path(archive_entry_pathname(entry));
    if (path == "/") continue;
    std::string base = base_of(path);
    if (base == k_opaque_marker) {
      opaque_dirs.push_back(parent_of(path));
      continue;
    }
    if (base.compare(0, k_whiteout_prefix.size(), k_whiteout_prefix) == 0) {
      whiteouts.push_back(clean_path(parent_of(path) + "/" + base.substr(k_whiteout_prefix.size())));
      continue;
    }
    if (const char *hardlink = archive_entry_hardlink(entry)) {
      hardlinks.emplace_back(path, clean_path(hardlink));
      continue;
    }
    FileEntry f;
    f.mode = archive_entry_perm(entry) & 07777;
    f.uid = archive_entry_uid(entry);
    f.gid = archive_entry_gid(entry);
    switch (archive_entry_filetype(entry)) {
      case AE_IFDIR: f.type = "dir"; break;
      case AE_IFLNK:
        f.type = "symlink";
        f.link_target = archive_entry_symlink(entry) ? archive_entry_symlink(entry) : "";
        break;
      case AE_IFCHR: f.type = "char"; break;
      case AE_IFBLK: f.type = "block"; break;
      case AE_IFIFO: f.type = "fifo"; break;
      default: {
        f.type = "file";
        executor::Sha256 hash;
        uint64_t size = 0;
        for (;;) {
          la_ssize_t n = archive_read_data(reader.get(), buffer.data(), buffer.size());
          if (n < 0) throw Error(name + ": broken layer tar at " + path + ": " + archive_error_string(reader.get()));
          if (n == 0) break;
          hash.update(buffer.data(), static_cast<size_t>(n));
          size += static_cast<uint64_t>(n);
        }
        f.size = size;
        f.digest = "sha256:" + hash.hex();
      }
    }
    added[path] = std::move(f);
  }
  for (const auto &dir : opaque_dirs) remove_subtree(tree, dir, true);
  for (const auto &gone : whiteouts) remove_subtree(tree, gone, false);
  for (auto &[path, f] : added) {
    // A non-directory replacing a directory hides everything below it.
    if (f.type != "dir") remove_subtree(tree, path, true);
    tree[path] = std::move(f);
  }
  for (const auto &[path, target] : hardlinks) {
    auto it = tree.find(target);
    if (it == tree.end()) throw Error(name + ": hardlink " + path + " points to missing " + target);
    tree[path] = it->second;
  }
}

std::string owner_text(const FileEntry &f) { return std::to_string(f.uid) + ":" + std::to_string(f.gid); }

}  // namespace

FileTree read_image_tree(const executor::Store &store, const executor::Image &image) {
  FileTree tree;
  for (const auto &layer : image.layers) {
    apply_layer(tree, store.blob_path(layer.digest), "layer " + layer.digest);
  }
  return tree;
}

std::string mode_text(uint32_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", mode & 07777);
  return buf;
}

std::string tree_digest(const FileTree &tree) {
  executor::Sha256 hash;
  for (const auto &[path, e] : tree) {
    std::string line = path + '\0' + e.type + '\0' + mode_text(e.mode) + '\0' + owner_text(e) + '\0' + std::to_string(e.size) + '\0' +
                       e.digest + '\0' + e.link_target + '\n';
    hash.update(line);
  }
  return "sha256:" + hash.hex();
}

TreeComparison compare_trees(const FileTree &old_tree, const FileTree &new_tree) {
  TreeComparison out;
  out.old_digest = tree_digest(old_tree);
  out.new_digest = tree_digest(new_tree);
  out.old_entries = old_tree.size();
  out.new_entries = new_tree.size();
  auto o = old_tree.begin();
  auto n = new_tree.begin();
  while (o != old_tree.end() || n != new_tree.end()) {
    if (n == new_tree.end() || (o != old_tree.end() && o->first < n->first)) {
      out.differences.push_back({o->first, PathDifference::Kind::OnlyOld, {}});
      ++o;
      continue;
    }
    if (o == old_tree.end() || n->first < o->first) {
      out.differences.push_back({n->first, PathDifference::Kind::OnlyNew, {}});
      ++n;
      continue;
    }
    const FileEntry &a = o->second, &b = n->second;
    PathDifference d{o->first, PathDifference::Kind::Changed, {}};
    if (a.type != b.type) d.fields.push_back({"type", a.type, b.type});
    if (a.mode != b.mode) d.fields.push_back({"mode", mode_text(a.mode), mode_text(b.mode)});
    if (a.uid != b.uid || a.gid != b.gid) d.fields.push_back({"owner", owner_text(a), owner_text(b)});
    if (a.type == "file" && b.type == "file") {
      if (a.size != b.size) d.fields.push_back({"size", std::to_string(a.size), std::to_string(b.size)});
      if (a.digest != b.digest) d.fields.push_back({"content", a.digest, b.digest});
    }
    if (a.link_target != b.link_target) d.fields.push_back({"symlink target", a.link_target, b.link_target});
    if (d.fields.empty()) ++out.identical;
    else out.differences.push_back(std::move(d));
    ++o;
    ++n;
  }
  return out;
}

std::string describe(const PathDifference &d) {
  switch (d.kind) {
    case PathDifference::Kind::OnlyOld: return d.path + ": only in the old image";
    case PathDifference::Kind::OnlyNew: return d.path + ": only in the new image";
    case PathDifference::Kind::Changed: break;
  }
  std::string s = d.path + ":";
  for (size_t i = 0; i < d.fields.size(); ++i) {
    const auto &f = d.fields[i];
    s += (i ? "," : "") + std::string(" ") + f.field + " " + f.old_value + " → " + f.new_value;
  }
  return s;
}

}  // namespace msm::verify
