// DL3055: a label typed `hash` in the configured `label-schema` whose value is not a git commit hash.

#include "lint/checks/checks.h"
#include "lint/checks/label_formats.h"
#include "lint/checks/labels.h"

namespace msm::lint::checks {

void hash_label(Context &ctx) { check_typed_labels(ctx, "hash", "a git commit hash", is_git_hash); }

}  // namespace msm::lint::checks
