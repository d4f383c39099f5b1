// DL3049: a label of the configured `label-schema` is missing from the final image (its own
// LABELs and those of the stages it is built from count); under `strict-labels`, from every stage
// that is an image of its own, as hadolint checks it.

#include <set>

#include "lint/checks/checks.h"
#include "lint/checks/labels.h"

namespace msm::lint::checks {

namespace {

// Labels each stage sets itself (ONBUILD LABELs apply to other images).
std::vector<std::set<std::string, std::less<>>> labels_by_stage(Context &ctx) {
  const auto &graph = ctx.graph();
  std::vector<std::set<std::string, std::less<>>> out(graph.stages().size());
  for_each_label(ctx, [&](const LabelPair &l) {
    auto stage = graph.stage_of(l.instruction);
    if (stage && !ctx.doc().instructions()[l.instruction].is(syntax::InstructionKind::Onbuild)) {
      out[*stage].insert(l.key);
    }
  });
  return out;
}

// Whether stage `s` or a stage it is built FROM sets `label`.
bool has_label(const analysis::StageGraph &graph, const std::vector<std::set<std::string, std::less<>>> &labels,
               size_t s, std::string_view label) {
  for (std::optional<size_t> at = s; at; at = graph.stages()[*at].base_stage) {
    if (labels[*at].count(label)) return true;
    if (graph.stages()[*at].base_stage && *graph.stages()[*at].base_stage >= *at) break;
  }
  return false;
}

}  // namespace

void missing_label(Context &ctx) {
  const auto &schema = ctx.config().required_labels;
  const auto &graph = ctx.graph();
  auto last = graph.last();
  if (schema.empty() || !last) return;
  auto labels = labels_by_stage(ctx);
  std::vector<size_t> checked;
  if (ctx.config().strict_labels) {
    // Every stage is an image someone may build with --target, except the stages only copied
    // from (their files are what ships, not their metadata).
    std::vector<bool> copied_from(graph.stages().size(), false);
    for (const auto &stage : graph.stages()) {
      for (const auto &dep : stage.dependencies) {
        if (dep.kind != analysis::DependencyKind::Base && dep.stage) copied_from[*dep.stage] = true;
      }
    }
    for (size_t s = 0; s < graph.stages().size(); ++s) {
      if (!copied_from[s] || s == *last) checked.push_back(s);
    }
  } else {
    checked.push_back(*last);
  }
  for (size_t s : checked) {
    const auto &from = ctx.doc().instructions()[graph.stages()[s].from_instruction];
    for (const auto &[label, type] : schema) {
      if (has_label(graph, labels, s, label)) continue;
      // A stage that is the base of one setting the label is a step towards a labelled image.
      bool child_sets = false;
      for (const auto &t : graph.stages()) {
        if (t.base_stage == s && labels[t.index].count(label)) child_sets = true;
      }
      if (child_sets) continue;
      ctx.report(from.line_range,
                 s == *last ? "The final image has no label `" + label + "`"
                            : "Stage `" + graph.stages()[s].display_name() + "` has no label `" + label + "`");
    }
  }
}

}  // namespace msm::lint::checks
