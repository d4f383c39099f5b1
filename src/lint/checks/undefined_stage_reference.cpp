// MSM3003: `COPY --from`, `--mount=from=` or FROM naming a stage that does not exist (BuildKit
// then pulls an image of that name) or that comes later (which BuildKit does not allow).

#include <algorithm>

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void undefined_stage_reference(Context &ctx) {
  const auto &graph = ctx.graph();
  const auto &stages = graph.stages();
  if (stages.empty()) {
    // A fragment (no FROM yet, as in an editor while the file is written): no stage exists, so
    // every `COPY --from` names an image, or a stage that is missing (hadolint's DL3022 reading).
    for (const auto &ins : ctx.doc().instructions()) {
      if (!ins.is(syntax::InstructionKind::Copy)) continue;
      const auto *from = ins.flag("from");
      if (!from || !from->value || from->value->empty() || from->value->find('$') != std::string::npos) continue;
      const std::string &ref = *from->value;
      if (ref.find_first_of(":/@.") != std::string::npos) continue;
      bool index = std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; });
      ctx.report(from->range,
                 index ? "`" + ref + "` refers to a stage index, but no stage is defined before it"
                       : "`" + ref + "` is not a stage of this Dockerfile; BuildKit will pull an image of that name");
    }
    return;
  }
  for (const auto &stage : stages) {
    for (const auto &dep : stage.dependencies) {
      if (dep.kind == analysis::DependencyKind::Base) {
        if (dep.stage || dep.reference.find('$') != std::string::npos) continue;
        auto later = graph.find(dep.reference);
        if (later && *later > stage.index && !stages[*later].name.empty() &&
            lower(dep.reference) == stages[*later].name) {
          ctx.report(dep.range,
                     "FROM `" + dep.reference + "` names a stage defined later; BuildKit pulls an image of that name instead");
        }
        continue;
      }
      if (dep.reference.find('$') != std::string::npos) continue;
      if (dep.stage) {
        if (*dep.stage >= stage.index) {
          ctx.report(dep.range,
                     "`" + dep.reference + "` refers to " +
                         (*dep.stage == stage.index ? std::string("the stage itself")
                                                    : "stage `" + stages[*dep.stage].display_name() + "` defined later"));
        }
        continue;
      }
      // An image reference has a tag, digest, registry or path; a bare word is most likely a
      // misspelt stage name.
      if (dep.reference.find_first_of(":/@.") != std::string::npos) continue;
      ctx.report(dep.range,
                 "`" + dep.reference + "` is not a stage of this Dockerfile; BuildKit will pull an image of that name");
    }
  }
}

}  // namespace msm::lint::checks
