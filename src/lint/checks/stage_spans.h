#pragma once
// The instruction spans a per-stage check walks: each stage's instructions after its FROM, or, in
// a fragment without FROM (an editor's snippet while a file is being written), the whole text as
// one stage on an unknown base, so the instruction-level rules answer there too, as hadolint does.

#include <optional>
#include <vector>

#include "lint/context.h"

namespace msm::lint::checks {

struct StageSpan {
  size_t first = 0;                  // first instruction after the FROM
  size_t end = 0;                    // one past the last
  std::optional<size_t> stage;       // none for a fragment
  std::optional<size_t> base_stage;  // the stage it is built FROM, if any
};

inline std::vector<StageSpan> stage_spans(const Context &ctx) {
  std::vector<StageSpan> out;
  const auto &stages = ctx.graph().stages();
  if (stages.empty()) {
    out.push_back({0, ctx.doc().instructions().size(), std::nullopt, std::nullopt});
    return out;
  }
  for (const auto &s : stages) out.push_back({s.from_instruction + 1, s.end_instruction, s.index, s.base_stage});
  return out;
}

}  // namespace msm::lint::checks
