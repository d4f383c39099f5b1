// Fuzz target: every rule, then `lint --fix --unsafe-fixes`.
// Properties: every diagnostic, label and fix edit lies inside the file; the fixed text has no
// parse problem the input did not have; fixing the fixed text changes nothing.

#include "fuzz_support.h"
#include "lint/config.h"
#include "lint/engine.h"
#include "syntax/document.h"

namespace {

void check_ranges(const std::vector<msm::lint::Diagnostic> &diagnostics, size_t size) {
  for (const auto &d : diagnostics) {
    MSM_FUZZ_CHECK(d.range.start <= d.range.end && d.range.end <= size, d.message);
    for (const auto &r : d.related) MSM_FUZZ_CHECK(r.range.start <= r.range.end && r.range.end <= size, r.message);
    if (!d.fix) continue;
    for (const auto &e : d.fix->edits) MSM_FUZZ_CHECK(e.start <= e.end && e.end <= size, d.fix->title);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace msm;
  std::string source = fuzz::text_of(data, size);
  lint::Config config;
  auto doc = syntax::Document::parse(source, "Dockerfile");
  check_ranges(lint::lint_document(*doc, config, std::nullopt), size);

  lint::FixOutcome fixed = lint::fix_source(source, "Dockerfile", config, std::nullopt, edit::Applicability::Unsafe);
  auto after = syntax::Document::parse(fixed.text, "Dockerfile");
  MSM_FUZZ_CHECK(after->problems().size() <= doc->problems().size(), "the fix added a parse problem:\n" + fixed.text);
  check_ranges(fixed.remaining, fixed.text.size());
  if (fixed.rounds < 10) {  // converged: a second run must find nothing more to do
    lint::FixOutcome again = lint::fix_source(fixed.text, "Dockerfile", config, std::nullopt, edit::Applicability::Unsafe);
    MSM_FUZZ_CHECK(again.text == fixed.text, "a second --fix changed the text again:\n" + fixed.text + "\n---\n" + again.text);
  }
  return 0;
}
