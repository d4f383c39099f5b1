// Unit tests for src/build: .dockerignore, references, durations, config instructions, the
// store's index, and layer tars (empty-layer DiffID, whiteouts, round trip, unsafe names).

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "executor/config_ops.h"
#include "executor/copy.h"
#include "executor/digest.h"
#include "executor/image.h"
#include "executor/layer.h"
#include "executor/platform.h"
#include "executor/sandbox.h"
#include "executor/store.h"
#include "syntax/document.h"
#include "util/error.h"

namespace fs = std::filesystem;
using namespace msm::executor;

namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/msm-test-build-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { remove_tree(path); }
};

void write(const std::string &path, const std::string &text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path) << text;
}

Json apply_all(const std::string &dockerfile, Json config = empty_config()) {
  auto doc = msm::syntax::Document::parse(dockerfile);
  bool cmd_set = false;
  for (const auto &ins : doc->instructions()) {
    if (ins.is(msm::syntax::InstructionKind::From)) continue;
    apply_metadata(config, ins, ConfigLookup(config, {{"V", "7"}}), doc->escape(), cmd_set);
  }
  return config;
}

}  // namespace

TEST_CASE("dockerignore: root-anchored patterns, ** and exceptions, last match wins") {
  IgnoreMatcher m("# comment\n*.log\n!keep.log\n**/*.tmp\nbuild/\n!build/keep\n");
  CHECK(m.excluded("a.log"));
  CHECK_FALSE(m.excluded("keep.log"));
  CHECK_FALSE(m.excluded("src/x.log"));  // *.log does not reach into src/
  CHECK(m.excluded("src/deep/a.tmp"));
  CHECK(m.excluded("a.tmp"));
  CHECK(m.excluded("build/out.o"));      // a parent's match excludes children
  CHECK_FALSE(m.excluded("build/keep"));
  CHECK_FALSE(m.excluded("main.c"));
  CHECK(IgnoreMatcher("").empty());
}

TEST_CASE("references normalise with :latest and split into repository and tag") {
  CHECK(normalize_reference("busybox") == "busybox:latest");
  CHECK(normalize_reference("localhost:5000/app") == "localhost:5000/app:latest");
  CHECK(normalize_reference("localhost/app:1.0") == "localhost/app:1.0");
  CHECK(split_reference("localhost/app:1.0") == std::make_pair(std::string("localhost/app"), std::string("1.0")));
}

TEST_CASE("Go durations for HEALTHCHECK") {
  CHECK(parse_duration("30s") == 30'000'000'000);
  CHECK(parse_duration("1m30s") == 90'000'000'000);
  CHECK(parse_duration("150ms") == 150'000'000);
  CHECK_FALSE(parse_duration("30").has_value());
  CHECK_FALSE(parse_duration("x").has_value());
}

TEST_CASE("config instructions: ENTRYPOINT clears an inherited CMD only, EXPOSE gets /tcp, ENV expands") {
  Json base = empty_config();
  base["config"]["Cmd"] = Json::array({"/bin/sh"});
  Json c = apply_all("FROM x\nENTRYPOINT [\"/app\"]\n", base);
  CHECK_FALSE(c["config"].contains("Cmd"));
  c = apply_all("FROM x\nCMD [\"--help\"]\nENTRYPOINT [\"/app\"]\n", base);
  CHECK(c["config"]["Cmd"] == Json::array({"--help"}));
  c = apply_all("FROM x\nEXPOSE 80 53/udp\nENV A=$V B=\"x y\"\nWORKDIR a\nWORKDIR ../b\nCMD run it\nUSER 1000:1000\n");
  CHECK(c["config"]["ExposedPorts"].contains("80/tcp"));
  CHECK(c["config"]["ExposedPorts"].contains("53/udp"));
  CHECK(env_get(c, "A") == "7");
  CHECK(env_get(c, "B") == "x y");
  CHECK(c["config"]["WorkingDir"] == "/b");
  CHECK(c["config"]["Cmd"] == Json::array({"/bin/sh", "-c", "run it"}));
  CHECK(c["config"]["User"] == "1000:1000");
  c = apply_all("FROM x\nSHELL [\"/bin/bash\", \"-c\"]\nCMD echo\nHEALTHCHECK --interval=5s --retries=3 CMD curl x\n");
  CHECK(c["config"]["Cmd"] == Json::array({"/bin/bash", "-c", "echo"}));
  CHECK(c["config"]["Healthcheck"]["Test"] == Json::array({"CMD-SHELL", "curl x"}));
  CHECK(c["config"]["Healthcheck"]["Interval"] == 5'000'000'000);
  CHECK(c["config"]["Healthcheck"]["Retries"] == 3);
  CHECK_THROWS_AS(apply_all("FROM x\nHEALTHCHECK --interval=5 CMD x\n"), msm::Error);
  CHECK_THROWS_AS(apply_all("FROM x\nSHELL /bin/bash\n"), msm::Error);
}

TEST_CASE("--chmod takes octal up to 07777") {
  CHECK(parse_chmod("0755") == 0755);
  CHECK(parse_chmod("4755") == 04755);
  CHECK_THROWS_AS(parse_chmod("u+x"), msm::Error);
  CHECK_THROWS_AS(parse_chmod("17777"), msm::Error);
}

TEST_CASE("store: blobs by digest, tags, resolve, untag") {
  TempDir t;
  Store store(t.path + "/store");
  std::string d = store.write_blob("hello");
  CHECK(d == "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  CHECK(store.read_blob(d) == "hello");
  store.tag("app", d);
  CHECK(store.resolve("app:latest") == d);
  CHECK(store.resolve("docker.io/library/app") == d);
  CHECK_FALSE(store.resolve("other").has_value());
  CHECK(store.untag("app"));
  CHECK_FALSE(store.untag("app"));
  CHECK_THROWS_AS(store.read_blob("sha256:" + std::string(64, '0')), msm::Error);
}

TEST_CASE("an empty directory tars to the well-known empty layer") {
  TempDir t;
  Store store(t.path + "/store");
  fs::create_directories(t.path + "/empty");
  LayerInfo info = write_layer(store, t.path + "/empty", DiffMode::Full, {});
  CHECK(info.diff_id == k_empty_layer_diff_id);
  CHECK(info.uncompressed_size == 1024);
  CHECK(store.has_blob(info.digest));
}

TEST_CASE("layers: overlay whiteouts and opaque dirs round-trip; content is reproducible") {
  if (geteuid() != 0) return;  // mknod of a whiteout and trusted.* xattrs need root
  TempDir t;
  Store store(t.path + "/store");
  std::string upper = t.path + "/upper";
  write(upper + "/etc/app.conf", "x=1\n");
  fs::create_directories(upper + "/opaque");
  REQUIRE(setxattr((upper + "/opaque").c_str(), "trusted.overlay.opaque", "y", 1, 0) == 0);
  REQUIRE(mknod((upper + "/etc/gone").c_str(), S_IFCHR | 0, makedev(0, 0)) == 0);
  symlink("app.conf", (upper + "/etc/link").c_str());
  link((upper + "/etc/app.conf").c_str(), (upper + "/etc/hard").c_str());
  LayerOptions options;
  options.source_date_epoch = 0;
  LayerInfo a = write_layer(store, upper, DiffMode::OverlayUpper, options);
  LayerInfo b = write_layer(store, upper, DiffMode::OverlayUpper, options);
  CHECK(a.digest == b.digest);
  std::string out = t.path + "/lower";
  fs::create_directories(out);
  extract_layer_blob(store.blob_path(a.digest), out, ExtractMode::OverlayLower);
  struct stat st;
  REQUIRE(lstat((out + "/etc/gone").c_str(), &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
  CHECK(st.st_rdev == makedev(0, 0));
  char v[2] = {0, 0};
  CHECK(getxattr((out + "/opaque").c_str(), "trusted.overlay.opaque", v, 1) == 1);
  CHECK(fs::read_symlink(out + "/etc/link") == "app.conf");
  REQUIRE(stat((out + "/etc/hard").c_str(), &st) == 0);
  CHECK(st.st_nlink == 2);
  // Plain extraction keeps .wh. names as files (what `tar -x` does).
  std::string plain = t.path + "/plain";
  fs::create_directories(plain);
  extract_layer_blob(store.blob_path(a.digest), plain, ExtractMode::Plain);
  CHECK(fs::exists(plain + "/etc/.wh.gone"));
  CHECK(fs::exists(plain + "/opaque/.wh..wh..opq"));
}

TEST_CASE("import a rootfs with --change, save and load it back") {
  TempDir t;
  Store store(t.path + "/store");
  write(t.path + "/rootfs/bin/tool", "#!/bin/sh\n");
  Image img = import_rootfs(store, t.path + "/rootfs", {"CMD [\"/bin/tool\"]", "ENV A=b"}, "test");
  CHECK(img.config["config"]["Cmd"] == Json::array({"/bin/tool"}));
  CHECK(env_get(img.config, "A") == "b");
  CHECK(img.layers.size() == 1);
  store.tag("localhost/t:1", img.manifest_digest);
  save_archive(store, "localhost/t:1", t.path + "/out.tar");
  Store other(t.path + "/other");
  auto names = load_archive(other, t.path + "/out.tar", "");
  REQUIRE(names.size() == 1);
  CHECK(names[0] == "localhost/t:1");
  Image loaded = find_image(other, "localhost/t:1");
  CHECK(loaded.config_digest == img.config_digest);
  CHECK(loaded.layers[0].uncompressed_size == img.layers[0].uncompressed_size);
  CHECK_THROWS_AS(find_image(other, "localhost/missing:1"), msm::Error);
}

TEST_CASE("platforms normalise as containerd's platforms.Parse does") {
  Platform host{"linux", "amd64", ""};
  auto str = [&](const char *text) {
    auto p = parse_platform(text, host);
    return p ? p->str() : std::string("invalid");
  };
  CHECK(str("linux/amd64") == "linux/amd64");
  CHECK(str("amd64") == "linux/amd64");
  CHECK(str("x86_64") == "linux/amd64");
  CHECK(str("Linux/X86_64") == "linux/amd64");
  CHECK(str("linux") == "linux/amd64");
  CHECK(str("linux/arm64/v8") == "linux/arm64");
  CHECK(str("linux/aarch64") == "linux/arm64");
  CHECK(str("linux/arm") == "linux/arm/v7");
  CHECK(str("linux/arm/v6") == "linux/arm/v6");
  CHECK(str("windows/amd64") == "windows/amd64");
  CHECK(str("linux/386") == "linux/386");
  CHECK(str("") == "invalid");
  CHECK(str("linux//amd64") == "invalid");
  CHECK(str("a/b/c/d") == "invalid");
  CHECK(*parse_platform("linux/amd64", host) == host);
  CHECK_FALSE(*parse_platform("linux/arm64", host) == host);
  const Platform &me = host_platform();
  CHECK(me.os == "linux");
  CHECK_FALSE(me.arch.empty());
  CHECK(*parse_platform(me.str(), me) == me);
}

TEST_CASE("ONBUILD triggers that BuildKit refuses") {
  auto trigger_error = [](const char *line) {
    auto doc = msm::syntax::Document::parse(line);
    REQUIRE(doc->instructions().size() == 1);
    REQUIRE(doc->instructions()[0].trigger);
    return invalid_onbuild_trigger(*doc->instructions()[0].trigger).value_or("");
  };
  CHECK(trigger_error("ONBUILD ONBUILD RUN x\n") == "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  CHECK(trigger_error("ONBUILD FROM scratch\n") == "FROM isn't allowed as an ONBUILD trigger");
  CHECK(trigger_error("ONBUILD MAINTAINER me\n") == "MAINTAINER isn't allowed as an ONBUILD trigger");
  CHECK(trigger_error("ONBUILD RUN make\n").empty());
  CHECK(trigger_error("ONBUILD COPY . /src\n").empty());
}

TEST_CASE("an overlay stacks more layers than mount(2)'s one-page option string holds") {
  if (geteuid() != 0) return;  // mounting needs root; the e2e build tests cover this path too
  TempDir dir;
  // 120 layers whose absolute paths make a lowerdir string far over 4096 bytes.
  std::vector<std::string> lowers;
  std::string base = dir.path + "/a-rather-long-directory-name-like-the-store-s-build-cache-keys";
  fs::create_directories(base);
  for (int i = 0; i < 120; ++i) {
    std::string layer = base + "/layer-0123456789abcdef0123456789abcdef-" + std::to_string(i);
    fs::create_directories(layer);
    std::ofstream(layer + "/n") << i;
    std::ofstream(layer + "/only-" + std::to_string(i)) << i;
    lowers.insert(lowers.begin(), layer);  // topmost first
  }
  std::string merged = dir.path + "/merged";
  fs::create_directories(merged);
  std::string seen_path = dir.path + "/seen";
  run_in_mount_namespace([&] {
    mount_overlay({"", lowers, "", ""}, merged);
    std::ifstream top(merged + "/n");
    std::string n;
    top >> n;
    int count = 0;
    for (const auto &e : fs::directory_iterator(merged)) count += e.path().filename().string().starts_with("only-");
    std::ofstream(seen_path) << n << " " << count;
  });
  std::ifstream seen(seen_path);
  std::string top, count;
  seen >> top >> count;
  CHECK(top == "119");    // the first lower is the topmost
  CHECK(count == "120");  // every layer is visible
}
