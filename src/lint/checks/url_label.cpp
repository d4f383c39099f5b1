// DL3052: a label typed `url` in the configured `label-schema` whose value is not a URL.

#include "lint/checks/checks.h"
#include "lint/checks/label_formats.h"
#include "lint/checks/labels.h"

namespace msm::lint::checks {

void url_label(Context &ctx) { check_typed_labels(ctx, "url", "a URL", is_url); }

}  // namespace msm::lint::checks
