// MSM1021 (BuildKit FromPlatformFlagConstDisallowed): `FROM --platform=linux/amd64`, which pins
// the stage to one platform and breaks multi-platform builds.

#include "lint/checks/checks.h"

namespace msm::lint::checks {

void from_platform_const(Context &ctx) {
  for (const auto &ins : ctx.doc().instructions()) {
    if (!ins.is(syntax::InstructionKind::From)) continue;
    const auto *f = ins.flag("platform");
    if (!f || !f->value || f->value->empty() || f->value->find('$') != std::string::npos) continue;
    ctx.report(f->range, "FROM --platform flag should not use a constant value (`" + *f->value + "`)");
  }
}

}  // namespace msm::lint::checks
