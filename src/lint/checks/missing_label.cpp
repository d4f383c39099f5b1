// DL3049: a label of the configured `label-schema` is missing from the final image (its own
// LABELs and those of the stages it is built from count).

#include <set>

#include "lint/checks/checks.h"
#include "lint/checks/labels.h"

namespace msm::lint::checks {

void missing_label(Context &ctx) {
  const auto &schema = ctx.config().required_labels;
  const auto &graph = ctx.graph();
  auto last = graph.last();
  if (schema.empty() || !last) return;
  std::set<size_t> chain;
  for (auto s = last; s; s = graph.stages()[*s].base_stage) chain.insert(*s);
  std::set<std::string, std::less<>> present;
  for_each_label(ctx, [&](const LabelPair &l) {
    auto stage = graph.stage_of(l.instruction);
    if (stage && chain.count(*stage) && !ctx.doc().instructions()[l.instruction].is(syntax::InstructionKind::Onbuild)) {
      present.insert(l.key);
    }
  });
  const auto &from = ctx.doc().instructions()[graph.stages()[*last].from_instruction];
  for (const auto &[label, type] : schema) {
    if (!present.count(label)) ctx.report("DL3049", from.line_range, "The final image has no label `" + label + "`");
  }
}

}  // namespace msm::lint::checks
