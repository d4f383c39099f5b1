// MSM1006 (BuildKit StageNameCasing): a stage name with upper-case letters. BuildKit lower-cases
// stage names, so the spelling misleads; the fix lower-cases the name and every reference to it.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void stage_name_casing(Context &ctx) {
  const auto &doc = ctx.doc();
  const auto &stages = ctx.graph().stages();
  for (const auto &stage : stages) {
    if (stage.name.empty()) continue;
    std::string_view written = doc.text(stage.name_range);
    if (!has_upper(written)) continue;
    edit::Fix fix{"Lower-case the stage name and its references", edit::Applicability::Safe,
                  {{stage.name_range.start, stage.name_range.end, stage.name}}};
    for (const auto &other : stages) {
      for (const auto &dep : other.dependencies) {
        if (dep.stage != stage.index || lower(dep.reference) != stage.name || !has_upper(dep.reference)) continue;
        auto where = reference_range(doc, dep);
        if (!where) continue;
        fix.edits.push_back({where->start, where->end, stage.name});
      }
    }
    ctx.report(stage.name_range, "Stage name `" + std::string(written) + "` should be lower-case",
               std::move(fix));
  }
}

}  // namespace msm::lint::checks
