// DL3045: COPY or ADD to a relative destination in a stage where no WORKDIR was set (nor in
// the stages it is built from), so the files land wherever the base image's WORKDIR points.

#include "lint/checks/checks.h"
#include "lint/checks/stage_spans.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void copy_relative_without_workdir(Context &ctx) {
  using K = syntax::InstructionKind;
  const auto &graph = ctx.graph();
  const auto &instructions = ctx.doc().instructions();
  std::vector<bool> sets_workdir(graph.stages().size(), false);
  for (const auto &span : stage_spans(ctx)) {
    bool workdir = span.base_stage && sets_workdir[*span.base_stage];
    for (size_t i = span.first; i < span.end; ++i) {
      // An ONBUILD trigger runs in the images built from this one, which start in this
      // stage's working directory: the same question, reported on the ONBUILD line.
      const auto &ins = instructions[i].trigger ? *instructions[i].trigger : instructions[i];
      if (ins.is(K::Workdir)) workdir = true;
      if (workdir || !(ins.is(K::Copy) || ins.is(K::Add)) || ins.args.size() < 2) continue;
      const auto &dest = ins.args.back();
      auto value = resolved(ctx, i, dest.value);
      if (!value || value->empty() || absolute_path(*value)) continue;
      ctx.report(dest.range,
                 upper(ins.keyword) + " to relative destination `" + dest.value +
                     "` without a WORKDIR in this stage: set WORKDIR first or use an absolute path");
    }
    if (span.stage) sets_workdir[*span.stage] = workdir;
  }
}

}  // namespace msm::lint::checks
