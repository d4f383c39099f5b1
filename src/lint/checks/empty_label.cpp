// DL3051: a label of the configured `label-schema` set to an empty value.

#include "lint/checks/checks.h"
#include "lint/checks/labels.h"

namespace msm::lint::checks {

void empty_label(Context &ctx) {
  const auto &schema = ctx.config().required_labels;
  if (schema.empty()) return;
  for_each_label(ctx, [&](const LabelPair &l) {
    if (l.value.empty() && schema.count(l.key)) ctx.report(l.value_range, "Label `" + l.key + "` is empty");
  });
}

}  // namespace msm::lint::checks
