// MSM3001: a stage the final stage does not need; a default build never runs it.

#include "lint/checks/checks.h"

namespace msm::lint::checks {

void unused_stage(Context &ctx) {
  const auto &stages = ctx.graph().stages();
  if (stages.size() < 2) return;
  for (const auto &stage : stages) {
    if (ctx.stage_needed(stage.index)) continue;
    syntax::Range where = stage.name.empty() ? stage.base_range : stage.name_range;
    ctx.report(where,
               "Stage `" + stage.display_name() + "` is not needed by the final stage; it is built only with --target " +
                   stage.display_name());
  }
}

}  // namespace msm::lint::checks
