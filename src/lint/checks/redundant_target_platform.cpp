// MSM1018 (BuildKit RedundantTargetPlatform): `FROM --platform=$TARGETPLATFORM`, which is the default.

#include "lint/checks/checks.h"

namespace msm::lint::checks {

void redundant_target_platform(Context &ctx) {
  const std::string &src = ctx.doc().source();
  for (const auto &ins : ctx.doc().instructions()) {
    if (!ins.is(syntax::InstructionKind::From)) continue;
    const auto *f = ins.flag("platform");
    if (!f || !f->value || (*f->value != "$TARGETPLATFORM" && *f->value != "${TARGETPLATFORM}")) continue;
    uint32_t end = f->range.end;
    while (end < src.size() && (src[end] == ' ' || src[end] == '\t')) ++end;
    ctx.report(f->range,
               "Setting platform to predefined " + *f->value + " in FROM is redundant as this is the default behavior",
               edit::Fix{"Remove the --platform flag", edit::Applicability::Safe, {{f->range.start, end, ""}}});
  }
}

}  // namespace msm::lint::checks
