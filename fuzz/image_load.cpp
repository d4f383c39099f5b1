// Fuzz target: `msmigrate image load` of an arbitrary tar (docker-archive, OCI layout, hybrid).
// Properties: no crash or leak; nothing is written outside the store (the archive sits in a
// directory watched for strangers, two levels of parents too); memory stays bounded on
// decompression bombs (libFuzzer's -rss_limit_mb, scripts/fuzz.sh sets it).

#include <filesystem>
#include <set>

#include "executor/image.h"
#include "executor/store.h"
#include "fuzz_support.h"
#include "util/error.h"

namespace {

namespace fs = std::filesystem;

void expect_only(const fs::path &dir, const std::set<std::string> &allowed) {
  for (const auto &entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    MSM_FUZZ_CHECK(allowed.count(name) > 0, "image load wrote outside the store: " + entry.path().string());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace msm;
  const fs::path top = fuzz::scratch_dir() / "image_load";
  const fs::path work = top / "a" / "b";
  const fs::path store_root = work / "store";
  std::error_code ec;
  fs::remove_all(store_root, ec);
  fs::create_directories(work);
  const fs::path archive = work / "in.tar";
  fuzz::write_file(archive, std::string_view(reinterpret_cast<const char *>(data), size));
  try {
    executor::Store store(store_root.string());
    executor::load_archive(store, archive.string(), "");
  } catch (const Error &) {
  }
  expect_only(work, {"store", "in.tar"});
  expect_only(top / "a", {"b"});
  expect_only(top, {"a"});
  return 0;
}
