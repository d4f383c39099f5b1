// Fuzz target: configuration loading, `.msmigrate.yaml` and `.hadolint.yaml` (the first byte
// picks which name the file gets), then the `format:` section as fmt reads it.
// Property: no crash, hang or leak; bad configuration is an msm::Error naming the file.

#include "formatter/format.h"
#include "fuzz_support.h"
#include "lint/config.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace msm;
  if (size == 0) return 0;
  const char *name = (data[0] & 1) ? ".hadolint.yaml" : ".msmigrate.yaml";
  const auto path = fuzz::scratch_dir() / name;
  fuzz::write_file(path, std::string_view(reinterpret_cast<const char *>(data) + 1, size - 1));
  try {
    lint::Config config = lint::load_config(path);
    formatter::options_from_config(config.format_section, config.source);
  } catch (const Error &e) {
    MSM_FUZZ_CHECK(std::string(e.what()).find(name) != std::string::npos, std::string("error does not name the file: ") + e.what());
  }
  return 0;
}
