// DL3057 (opt-in): the final image has no HEALTHCHECK (none in the final stage or the stages it
// is built from).

#include "lint/checks/checks.h"

namespace msm::lint::checks {

void missing_healthcheck(Context &ctx) {
  const auto &graph = ctx.graph();
  auto last = graph.last();
  if (!last) return;  // a fragment without FROM
  for (auto stage = last; stage; stage = graph.stages()[*stage].base_stage) {
    const auto &s = graph.stages()[*stage];
    for (size_t i = s.from_instruction + 1; i < s.end_instruction; ++i) {
      if (ctx.doc().instructions()[i].is(syntax::InstructionKind::Healthcheck)) return;
    }
  }
  const auto &from = ctx.doc().instructions()[graph.stages()[*last].from_instruction];
  ctx.report(from.line_range, "The final image has no HEALTHCHECK");
}

}  // namespace msm::lint::checks
