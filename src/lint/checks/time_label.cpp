// DL3053: a label typed `rfc3339` in the configured `label-schema` whose value is not an RFC 3339 time.

#include "lint/checks/checks.h"
#include "lint/checks/label_formats.h"
#include "lint/checks/labels.h"

namespace msm::lint::checks {

void time_label(Context &ctx) { check_typed_labels(ctx, "rfc3339", "an RFC 3339 time", is_rfc3339); }

}  // namespace msm::lint::checks
