// DL3058: a label typed `email` in the configured `label-schema` whose value is not an email address.

#include "lint/checks/checks.h"
#include "lint/checks/label_formats.h"
#include "lint/checks/labels.h"

namespace msm::lint::checks {

void email_label(Context &ctx) { check_typed_labels(ctx, "email", "an email address", is_email); }

}  // namespace msm::lint::checks
