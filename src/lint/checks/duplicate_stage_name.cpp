// MSM1009 (BuildKit DuplicateStageName): two stages with the same name (case-insensitive).

#include <map>

#include "lint/checks/checks.h"

namespace msm::lint::checks {

void duplicate_stage_name(Context &ctx) {
  std::map<std::string, size_t> first;
  const auto &stages = ctx.graph().stages();
  for (const auto &stage : ctx.graph().stages()) {
    if (stage.name.empty()) continue;
    auto [it, inserted] = first.emplace(stage.name, stage.index);
    if (!inserted) {
      auto &d = ctx.report(stage.name_range,
                           "Duplicate stage name `" + stage.name + "`, first defined by stage " + std::to_string(it->second));
      d.related.push_back({stages[it->second].name_range, "first definition of `" + stage.name + "`", {}, {}});
    }
  }
}

}  // namespace msm::lint::checks
