// Unit tests for src/verify: an image's file tree read from its layer tars (whiteouts, opaque
// directories, hardlinks, a file replacing a directory), the tree comparison and its wording,
// the tree digest, and the report's byte figures.

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "executor/image.h"
#include "executor/store.h"
#include "verify/container_engine.h"
#include "verify/report.h"
#include "verify/tree.h"

using namespace msm;
using namespace msm::verify;

namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/msm-test-verify-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { executor::remove_tree(path); }
};

struct TarEntry {
  std::string path;
  char kind;  // 'f' file, 'd' dir, 'l' symlink, 'h' hardlink
  std::string data;  // content, or the link target
  int mode = 0644;
  int uid = 0;
};

// An uncompressed tar in memory, as a layer blob.
std::string make_tar(const std::vector<TarEntry> &entries) {
  std::vector<char> buffer(1 << 20);
  size_t used = 0;
  archive *a = archive_write_new();
  archive_write_set_format_pax_restricted(a);
  archive_write_open_memory(a, buffer.data(), buffer.size(), &used);
  for (const auto &e : entries) {
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.path.c_str());
    archive_entry_set_uid(entry, e.uid);
    archive_entry_set_perm(entry, static_cast<mode_t>(e.mode));
    if (e.kind == 'd') archive_entry_set_filetype(entry, AE_IFDIR);
    if (e.kind == 'l') {
      archive_entry_set_filetype(entry, AE_IFLNK);
      archive_entry_set_symlink(entry, e.data.c_str());
    }
    if (e.kind == 'h') archive_entry_set_hardlink(entry, e.data.c_str());
    if (e.kind == 'f') {
      archive_entry_set_filetype(entry, AE_IFREG);
      archive_entry_set_size(entry, static_cast<la_int64_t>(e.data.size()));
    }
    archive_write_header(a, entry);
    if (e.kind == 'f') archive_write_data(a, e.data.data(), e.data.size());
    archive_entry_free(entry);
  }
  archive_write_close(a);
  archive_write_free(a);
  return std::string(buffer.data(), used);
}

executor::Image image_of(executor::Store &store, const std::vector<std::vector<TarEntry>> &layers) {
  executor::Image image;
  for (const auto &l : layers) {
    executor::LayerInfo info;
    info.digest = store.write_blob(make_tar(l));
    image.layers.push_back(info);
  }
  return image;
}

}  // namespace

TEST_CASE("image tree: layers applied in order with whiteouts, opaque dirs and hardlinks") {
  TempDir t;
  executor::Store store(t.path + "/store");
  executor::Image image = image_of(store, {
      {{"a/", 'd', "", 0755}, {"a/x", 'f', "hello"}, {"a/y", 'f', "why", 0600, 1000}, {"d/", 'd', "", 0755},
       {"d/k", 'f', "k"}, {"l", 'l', "a/x", 0777}, {"gone/", 'd', "", 0755}, {"gone/deep", 'f', "x"}},
      {{"a/.wh.x", 'f', ""}, {"d/.wh..wh..opq", 'f', ""}, {"d/n", 'f', "new"}, {"h", 'h', "a/y"}, {"gone", 'f', "now a file"}},
  });
  FileTree tree = read_image_tree(store, image);
  std::vector<std::string> paths;
  for (const auto &[p, e] : tree) paths.push_back(p);
  CHECK(paths == std::vector<std::string>{"/a", "/a/y", "/d", "/d/n", "/gone", "/h", "/l"});
  CHECK(tree["/a/y"].mode == 0600);
  CHECK(tree["/a/y"].uid == 1000);
  CHECK(tree["/a/y"].size == 3);
  CHECK(tree["/h"].digest == tree["/a/y"].digest);
  CHECK(tree["/h"].type == "file");
  CHECK(tree["/l"].type == "symlink");
  CHECK(tree["/l"].link_target == "a/x");
  CHECK(tree["/gone"].type == "file");
  CHECK(tree["/d"].type == "dir");
}

TEST_CASE("tree comparison: only-old, only-new and each changed field") {
  FileTree a, b;
  a["/same"] = {"file", 0644, 0, 0, 3, "sha256:1", ""};
  b["/same"] = a["/same"];
  a["/old"] = {"file", 0644, 0, 0, 1, "sha256:2", ""};
  b["/new"] = {"file", 0644, 0, 0, 1, "sha256:2", ""};
  a["/changed"] = {"file", 0755, 0, 0, 3, "sha256:3", ""};
  b["/changed"] = {"file", 0644, 1000, 1000, 4, "sha256:4", ""};
  a["/link"] = {"symlink", 0777, 0, 0, 0, "", "x"};
  b["/link"] = {"symlink", 0777, 0, 0, 0, "", "y"};
  TreeComparison c = compare_trees(a, b);
  CHECK(c.identical == 1);
  REQUIRE(c.differences.size() == 4);
  CHECK(describe(c.differences[0]) == "/changed: mode 0755 → 0644, owner 0:0 → 1000:1000, size 3 → 4, content sha256:3 → sha256:4");
  CHECK(describe(c.differences[1]) == "/link: symlink target x → y");
  CHECK(describe(c.differences[2]) == "/new: only in the new image");
  CHECK(describe(c.differences[3]) == "/old: only in the old image");
  CHECK(c.old_digest != c.new_digest);
  CHECK(compare_trees(a, a).differences.empty());
  CHECK(tree_digest(a) == compare_trees(a, a).new_digest);
}

TEST_CASE("report byte figures use decimal units") {
  CHECK(human_bytes(999) == "999 B");
  CHECK(human_bytes(1400000) == "1.4 MB");
  CHECK(human_bytes(219800000) == "219.8 MB");
  CHECK(human_bytes(2500000000ull) == "2.50 GB");
}

TEST_CASE("log tail: the last lines, or everything when shorter") {
  CHECK(log_tail("a\nb\nc\nd\n", 2) == "c\nd");
  CHECK(log_tail("a\nb", 5) == "a\nb");
  CHECK(log_tail("", 3).empty());
  CHECK(log_tail("\nx\ny", 2) == "x\ny");
}
