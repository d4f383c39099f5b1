// DL3061: an instruction other than ARG before the first FROM. A fragment with no FROM at all
// is a snippet, not a misordered Dockerfile, and is left alone.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void instruction_before_from(Context &ctx) {
  const auto &graph = ctx.graph();
  if (graph.stages().empty()) return;
  const auto &instructions = ctx.doc().instructions();
  for (size_t i = 0; i < graph.global_end(); ++i) {
    const auto &ins = instructions[i];
    if (ins.is(syntax::InstructionKind::Arg)) continue;
    ctx.report(ins.keyword_range,
               upper(ins.keyword) + " before the first FROM: a Dockerfile starts with FROM, ARG or comments");
  }
}

}  // namespace msm::lint::checks
