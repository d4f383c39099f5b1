// MSM1005 (BuildKit NoEmptyContinuation): blank lines inside a continued instruction, which
// BuildKit skips with a warning and has announced it will reject.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void empty_continuation(Context &ctx) {
  const auto &doc = ctx.doc();
  const auto &lines = doc.lines();
  const std::string &src = doc.source();
  for (const auto &ins : doc.instructions()) {
    uint32_t first = lines.line_of(ins.line_range.start);
    uint32_t last = lines.line_of(ins.line_range.end > ins.line_range.start ? ins.line_range.end - 1 : ins.line_range.start);
    edit::Fix fix{"Remove the empty continuation lines", edit::Applicability::Safe, {}};
    for (uint32_t l = first + 1; l < last; ++l) {
      uint32_t start = lines.line_start(l);
      uint32_t end = l + 1 <= lines.line_count() ? lines.line_start(l + 1) : static_cast<uint32_t>(src.size());
      if (!trim(std::string_view(src).substr(start, end - start)).empty()) continue;
      fix.edits.push_back({start, end, ""});
    }
    if (!fix.edits.empty()) {
      // BuildKit's parser reports on the line that ends the continued instruction.
      uint32_t end_line = lines.line_start(last);
      ctx.report({end_line, end_line}, "Empty continuation line in " + upper(ins.keyword), std::move(fix));
    }
  }
}

}  // namespace msm::lint::checks
