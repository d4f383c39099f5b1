// DL3043: ONBUILD whose trigger is ONBUILD, FROM or MAINTAINER, which BuildKit refuses.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void onbuild_trigger_disallowed(Context &ctx) {
  using K = syntax::InstructionKind;
  for (const auto &ins : ctx.doc().instructions()) {
    if (!ins.is(K::Onbuild) || !ins.trigger) continue;
    const auto &t = *ins.trigger;
    if (!(t.is(K::Onbuild) || t.is(K::From) || t.is(K::Maintainer))) continue;
    ctx.report(ins.line_range, upper(t.keyword) + " is not allowed as an ONBUILD trigger");
  }
}

}  // namespace msm::lint::checks
