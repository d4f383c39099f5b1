// DL3054: a label typed `spdx` in the configured `label-schema` whose value is not an SPDX license id or expression.

#include "lint/checks/checks.h"
#include "lint/checks/label_formats.h"
#include "lint/checks/labels.h"

namespace msm::lint::checks {

void spdx_label(Context &ctx) { check_typed_labels(ctx, "spdx", "an SPDX license id or expression", is_spdx_expression); }

}  // namespace msm::lint::checks
