// MSM1001: what BuildKit's parser rejects (Document::problems): bad directives, unterminated
// heredocs, ENV without `=`, non-string JSON arrays, over-long lines, files without instructions.

#include "lint/checks/checks.h"

namespace msm::lint::checks {

void syntax_error(Context &ctx) {
  for (const auto &p : ctx.doc().problems()) ctx.report(p.range, p.message);
}

}  // namespace msm::lint::checks
