// MSM1021 (BuildKit FromPlatformFlagConstDisallowed): `FROM --platform=linux/amd64`, which pins
// the stage to one platform and breaks multi-platform builds.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void from_platform_const(Context &ctx) {
  for (const auto &ins : ctx.doc().instructions()) {
    if (!ins.is(syntax::InstructionKind::From)) continue;
    const auto *f = ins.flag("platform");
    if (!f || !f->value || f->value->empty() || f->value->find('$') != std::string::npos) continue;
    // BuildKit accepts a constant platform when the stage's name carries its OS or architecture
    // (`FROM --platform=linux/amd64 … AS build_amd64`): the stage is platform-specific on purpose.
    std::string stage_name;
    if (ins.args.size() == 3 && lower(ins.args[1].value) == "as") stage_name = lower(ins.args[2].value);
    if (!stage_name.empty()) {
      std::string_view platform = *f->value;
      std::string_view os = platform.substr(0, platform.find('/'));
      std::string_view arch;
      if (size_t slash = platform.find('/'); slash != std::string_view::npos) {
        arch = platform.substr(slash + 1);
        arch = arch.substr(0, arch.find('/'));
      }
      if ((!os.empty() && stage_name.find(os) != std::string::npos) ||
          (!arch.empty() && stage_name.find(arch) != std::string::npos)) {
        continue;
      }
    }
    ctx.report(f->range, "FROM --platform flag should not use a constant value (`" + *f->value + "`)");
  }
}

}  // namespace msm::lint::checks
