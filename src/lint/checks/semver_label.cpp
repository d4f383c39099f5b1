// DL3056: a label typed `semver` in the configured `label-schema` whose value is not a semantic version.

#include "lint/checks/checks.h"
#include "lint/checks/label_formats.h"
#include "lint/checks/labels.h"

namespace msm::lint::checks {

void semver_label(Context &ctx) { check_typed_labels(ctx, "semver", "a semantic version", is_semver); }

}  // namespace msm::lint::checks
