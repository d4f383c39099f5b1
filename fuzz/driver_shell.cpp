// Fuzz target: the driver interpreter (builder_pattern::read_driver) on arbitrary shell text,
// with an empty checkout around it. Property: no crash, hang or leak; every finding names a line
// of the script.

#include <algorithm>

#include "builder_pattern/driver.h"
#include "fuzz_support.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace msm;
  std::string script = fuzz::text_of(data, size);
  builder_pattern::DriverOptions options;
  options.file = "build.sh";
  options.is_directory = [](const std::string &) { return false; };
  options.exists = [](const std::string &) { return false; };
  options.read_file = [](const std::string &) -> std::optional<std::string> { return std::nullopt; };
  options.positional = {"a", "b"};
  try {
    builder_pattern::DriverModel model = builder_pattern::read_driver(script, options);
    const auto lines = static_cast<uint32_t>(std::count(script.begin(), script.end(), '\n') + 1);
    for (const auto *list : {&model.refusals, &model.warnings}) {
      for (const auto &f : *list) {
        MSM_FUZZ_CHECK(f.where.line <= lines, f.message + " at line " + std::to_string(f.where.line));
      }
    }
  } catch (const Error &) {
  }
  return 0;
}
