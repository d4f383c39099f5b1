// Inputs the fuzz targets (fuzz/) crashed on, kept in tests/fuzz_regressions/ byte for byte:
// each must now give a result or an msm::Error naming the file, never another exception.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "executor/image.h"
#include "executor/store.h"
#include "formatter/format.h"
#include "lint/config.h"
#include "temp_dir.h"
#include "util/error.h"

namespace {

std::string regression_input(const std::string &name) {
  std::ifstream in(std::string(MSM_SOURCE_DIR) + "/tests/fuzz_regressions/" + name, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("fuzz config: a format: value that is not UTF-8 is read, not an uncaught json exception") {
  msm::test::TempDir t;
  // fuzz/config.cpp: the first byte picks the file name, the rest is the file.
  auto path = t.write(".msmigrate.yaml", regression_input("config_non_utf8_format_value.bin").substr(1));
  try {
    auto config = msm::lint::load_config(path);
    msm::formatter::options_from_config(config.format_section, config.source);
  } catch (const msm::Error &e) {
    CHECK(std::string(e.what()).find(".msmigrate.yaml") != std::string::npos);
  }
}

TEST_CASE("fuzz image_load: a tar entry without a name is an error naming the archive") {
  msm::test::TempDir t;
  auto archive = t.write("in.tar", regression_input("image_load_unnamed_entry.tar"));
  msm::executor::Store store((t.path / "store").string());
  try {
    msm::executor::load_archive(store, archive.string(), "");
  } catch (const msm::Error &e) {
    CHECK(std::string(e.what()).find("in.tar") != std::string::npos);
  }
}
