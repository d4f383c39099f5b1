// MSM1010 (BuildKit ReservedStageName): stage names BuildKit gives another meaning (scratch, context).

#include "lint/checks/checks.h"

namespace msm::lint::checks {

void reserved_stage_name(Context &ctx) {
  for (const auto &stage : ctx.graph().stages()) {
    if (stage.name == "scratch" || stage.name == "context") {
      ctx.report(stage.name_range, "`" + stage.name + "` is reserved and should not be used as a stage name");
    }
  }
}

}  // namespace msm::lint::checks
