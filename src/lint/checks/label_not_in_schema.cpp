// DL3050: with `strict-labels: true`, a LABEL key the configured `label-schema` does not list.

#include "lint/checks/checks.h"
#include "lint/checks/labels.h"

namespace msm::lint::checks {

void label_not_in_schema(Context &ctx) {
  const auto &schema = ctx.config().required_labels;
  if (!ctx.config().strict_labels || schema.empty()) return;
  for_each_label(ctx, [&](const LabelPair &l) {
    if (!schema.count(l.key)) ctx.report(l.key_range, "Label `" + l.key + "` is not in the label schema");
  });
}

}  // namespace msm::lint::checks
