// Fuzz target: `msmigrate convert` on a generated project (driver script or Makefile, build and
// runtime Dockerfiles), written as `=== NAME` sections (fuzz/seeds.py packs the fixtures so).
// Properties: no crash; an answer is a refusal naming a line, or a merged Dockerfile that parses
// without a problem the runtime Dockerfile did not have.

#include <filesystem>

#include "builder_pattern/convert.h"
#include "fuzz_support.h"
#include "syntax/document.h"
#include "util/error.h"
#include "util/files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace msm;
  namespace fs = std::filesystem;
  const fs::path root = fuzz::scratch_dir() / "project";
  std::error_code ec;
  fs::remove_all(root, ec);
  fs::create_directories(root);
  for (const auto &[name, content] : fuzz::split_files(std::string_view(reinterpret_cast<const char *>(data), size), "")) {
    if (fuzz::safe_name(name)) fuzz::write_file(root / name, content);
  }
  builder_pattern::ConvertOptions options;
  options.root = root.string();
  builder_pattern::Conversion c;
  try {
    c = builder_pattern::convert(options);
  } catch (const Error &) {
    return 0;  // unusable input, said so
  }
  for (const auto &r : c.refusals) MSM_FUZZ_CHECK(!r.message.empty(), "a refusal without a message");
  if (!c.converted()) return 0;
  auto merged = syntax::Document::parse(c.output, "Dockerfile");
  size_t runtime_problems = 0;
  if (c.runtime_dockerfile) {
    std::string text;
    try {
      text = util::read_input((root / *c.runtime_dockerfile).string());
    } catch (...) {
    }
    runtime_problems = syntax::Document::parse(text)->problems().size();
  }
  MSM_FUZZ_CHECK(merged->problems().size() <= runtime_problems,
                 "the merged Dockerfile has a parse problem: " + merged->problems()[0].message + "\n" + c.output);
  return 0;
}
