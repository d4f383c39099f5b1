// MSM1014 (BuildKit WorkdirRelativePath): a relative WORKDIR in a stage that never set an
// absolute one, so the result depends on the base image's working directory.

#include "lint/checks/checks.h"
#include "lint/checks/stage_spans.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void workdir_relative_path(Context &ctx) {
  const auto &doc = ctx.doc();
  for (const auto &span : stage_spans(ctx)) {
    if (span.base_stage) continue;  // the base stage may set the working directory
    bool seen_absolute = false;
    for (size_t i = span.first; i < span.end; ++i) {
      const auto &ins = doc.instructions()[i];
      if (!ins.is(syntax::InstructionKind::Workdir) || ins.args.empty()) continue;
      std::string value = ctx.graph().scope().expand(i, ins.args[0].value);
      if (value.empty()) continue;  // unresolvable: UndefinedVar's business
      if (absolute_path(value)) {
        seen_absolute = true;
      } else if (!seen_absolute) {
        ctx.report(ins.args[0].range,
                   "Relative workdir `" + ins.args[0].value + "` can have unexpected results if the base image changes");
      }
    }
  }
}

}  // namespace msm::lint::checks
