// MSM1002: a keyword BuildKit does not know, also as an ONBUILD trigger (the known keywords
// ONBUILD refuses are DL3043's).

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void unknown_instruction(Context &ctx) {
  using K = syntax::InstructionKind;
  for (const auto &ins : ctx.doc().instructions()) {
    if (ins.is(K::Unknown)) {
      ctx.report(ins.keyword_range, "Unknown instruction `" + ins.keyword + "`");
    } else if (ins.is(K::Onbuild) && ins.trigger) {
      const auto &t = *ins.trigger;
      if (t.is(K::Unknown)) {
        ctx.report(ins.line_range, "Unknown instruction `" + t.keyword + "` in ONBUILD");
      }
    }
  }
}

}  // namespace msm::lint::checks
