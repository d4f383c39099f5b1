// Fuzz target: the Dockerfile grammar, msmigrate's model and the BuildKit dump.
// Properties: never crashes, hangs or leaks; the buildkit-json dump is deterministic; every
// instruction's ranges lie inside the file.

#include <sstream>

#include "fuzz_support.h"
#include "syntax/buildkit_json.h"
#include "syntax/document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string source = msm::fuzz::text_of(data, size);
  auto first = msm::syntax::Document::parse(source, "Dockerfile");
  auto second = msm::syntax::Document::parse(source, "Dockerfile");
  std::ostringstream a, b;
  msm::syntax::write_buildkit_json(a, *first);
  msm::syntax::write_buildkit_json(b, *second);
  MSM_FUZZ_CHECK(a.str() == b.str(), "two parses of the same bytes dump differently");
  MSM_FUZZ_CHECK(msm::syntax::buildkit_dump(*first) == msm::syntax::buildkit_dump(*second), "dump not deterministic");
  for (const auto &ins : first->instructions()) {
    MSM_FUZZ_CHECK(ins.range.start <= ins.range.end && ins.range.end <= size, "instruction range outside the file");
  }
  for (const auto &p : first->problems()) {
    MSM_FUZZ_CHECK(p.range.start <= p.range.end && p.range.end <= size, "problem range outside the file");
  }
  return 0;
}
