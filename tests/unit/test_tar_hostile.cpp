// Hostile tar input to the executor's extraction (base-image layers from `image load`, ADD of a
// local tar, `image import`): nothing may be written, linked or deleted outside the destination,
// and device nodes never come out of an untrusted tar. The README's security table cites these.
#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "executor/layer.h"
#include "executor/store.h"
#include "util/error.h"

namespace fs = std::filesystem;
using namespace msm::executor;

namespace {

struct Member {
  std::string name;
  mode_t type = AE_IFREG;
  mode_t perm = 0644;
  std::string content;   // regular files
  std::string link;      // symlink target or hard link target
  bool hardlink = false;
};

Member file(std::string name, std::string content = "", mode_t perm = 0644) {
  Member m;
  m.name = std::move(name);
  m.content = std::move(content);
  m.perm = perm;
  return m;
}
Member node(std::string name, mode_t type, mode_t perm = 0755) {
  Member m;
  m.name = std::move(name);
  m.type = type;
  m.perm = perm;
  return m;
}
Member symlink_to(std::string name, std::string target) {
  Member m = node(std::move(name), AE_IFLNK, 0777);
  m.link = std::move(target);
  return m;
}
Member hardlink_to(std::string name, std::string target) {
  Member m = file(std::move(name));
  m.link = std::move(target);
  m.hardlink = true;
  return m;
}

struct Scratch {
  std::string path;
  Scratch() {
    char tmpl[] = "/tmp/msm-test-tar-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~Scratch() { remove_tree(path); }
};

void write_tar(const std::string &path, const std::vector<Member> &members) {
  archive *a = archive_write_new();
  archive_write_set_format_pax_restricted(a);
  REQUIRE(archive_write_open_filename(a, path.c_str()) == ARCHIVE_OK);
  for (const auto &m : members) {
    archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, m.name.c_str());
    if (m.hardlink) {
      archive_entry_set_hardlink(e, m.link.c_str());
      archive_entry_set_filetype(e, AE_IFREG);
    } else {
      archive_entry_set_filetype(e, m.type);
      if (m.type == AE_IFLNK) archive_entry_set_symlink(e, m.link.c_str());
      if (m.type == AE_IFCHR) archive_entry_set_rdev(e, makedev(1, 3));
    }
    archive_entry_set_perm(e, m.perm);
    archive_entry_set_size(e, m.type == AE_IFREG && !m.hardlink ? static_cast<la_int64_t>(m.content.size()) : 0);
    REQUIRE(archive_write_header(a, e) == ARCHIVE_OK);
    if (!m.content.empty()) archive_write_data(a, m.content.data(), m.content.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

// Extracts `members` into <scratch>/root; returns the error message ("" when accepted).
std::string extract(const Scratch &s, const std::vector<Member> &members, ExtractMode mode = ExtractMode::Plain) {
  std::string tar = s.path + "/layer.tar";
  write_tar(tar, members);
  fs::create_directories(s.path + "/root");
  try {
    extract_layer_blob(tar, s.path + "/root", mode, "layer.tar");
  } catch (const msm::Error &e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("tar: members with .. or an absolute name are refused, nothing written outside") {
  Scratch s;
  for (std::string name : std::vector<std::string>{"../escaped", "a/../../escaped", "/tmp/msm-test-tar-absolute-escaped"}) {
    CAPTURE(name);
    std::string error = extract(s, {file(name, "x")});
    CHECK(error.find("absolute or climbs out") != std::string::npos);
    CHECK(!fs::exists(s.path + "/escaped"));
    CHECK(!fs::exists("/tmp/msm-test-tar-absolute-escaped"));
  }
}

TEST_CASE("tar: a member under a symlink planted by an earlier member never writes through it") {
  Scratch s;
  fs::create_directories(s.path + "/outside");
  for (const std::string &target : std::vector<std::string>{s.path + "/outside", "../outside"}) {
    CAPTURE(target);
    remove_tree(s.path + "/root");
    std::string error = extract(s, {symlink_to("l", target), file("l/pwned", "x")});
    // libarchive's secure-symlinks mode with unlink: the link is replaced by a real directory,
    // so the file lands inside the root.
    CHECK(!fs::exists(s.path + "/outside/pwned"));
    CHECK(error.empty());
    CHECK(!fs::is_symlink(s.path + "/root/l"));
    CHECK(fs::is_regular_file(fs::symlink_status(s.path + "/root/l/pwned")));
  }
}

TEST_CASE("tar: hard links to outside the root are refused") {
  Scratch s;
  std::ofstream(s.path + "/secret") << "secret\n";
  for (const std::string &target : std::vector<std::string>{"../secret", s.path + "/secret", "/etc/passwd"}) {
    CAPTURE(target);
    remove_tree(s.path + "/root");
    std::string error = extract(s, {hardlink_to("h", target)});
    CHECK(error.find("refusing hard link") != std::string::npos);
    CHECK(!fs::exists(s.path + "/root/h"));
  }
}

TEST_CASE("tar: device nodes and FIFOs are skipped; setuid bits are kept, as docker keeps them") {
  if (geteuid() != 0) return;  // ownership and setuid restore need root, as in a real build
  Scratch s;
  std::string error = extract(s, {node("dev-null", AE_IFCHR, 0666), node("fifo", AE_IFIFO, 0644),
                                  file("suid", "#!/bin/true\n", 04755)});
  CHECK(error.empty());
  CHECK(!fs::exists(fs::symlink_status(s.path + "/root/dev-null")));
  CHECK(!fs::exists(fs::symlink_status(s.path + "/root/fifo")));
  struct stat st;
  REQUIRE(stat((s.path + "/root/suid").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 04755);
}

TEST_CASE("tar: whiteouts of / or .., and whiteouts through a symlinked directory, are refused") {
  if (geteuid() != 0) return;  // whiteouts are char 0/0 devices: mknod needs root
  Scratch s;
  CHECK(extract(s, {file(".wh..")}, ExtractMode::OverlayLower).find("refusing whiteout") != std::string::npos);
  remove_tree(s.path + "/root");
  CHECK(extract(s, {node("a/", AE_IFDIR), file("a/.wh..")}, ExtractMode::OverlayLower)
            .find("refusing whiteout") != std::string::npos);
  // `a -> <outside>`, then a whiteout in a/sub: lstat of the parent alone would follow `a`
  // and delete (then mknod) outside the layer.
  fs::create_directories(s.path + "/outside/sub");
  std::ofstream(s.path + "/outside/sub/victim") << "keep me\n";
  for (std::string whiteout : std::vector<std::string>{"a/sub/.wh.victim", "a/sub/.wh..wh..opq"}) {
    CAPTURE(whiteout);
    remove_tree(s.path + "/root");
    std::string error = extract(s, {symlink_to("a", s.path + "/outside"), file(whiteout)},
                                ExtractMode::OverlayLower);
    CHECK(error.find("symbolic link") != std::string::npos);
    struct stat st;
    REQUIRE(lstat((s.path + "/outside/sub/victim").c_str(), &st) == 0);
    CHECK(S_ISREG(st.st_mode));
  }
  // A whiteout in a real directory still works.
  remove_tree(s.path + "/root");
  CHECK(extract(s, {node("d/", AE_IFDIR), file("d/.wh.gone")}, ExtractMode::OverlayLower) == "");
  struct stat st;
  REQUIRE(lstat((s.path + "/root/d/gone").c_str(), &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}
