// DL3018: `apk add` of a package without a version (`curl` rather than `curl=8.5.0-r0`).

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void unpinned_apk_add(Context &ctx) {
  packages::report_unpinned(ctx, {packages::Manager::Apk}, "write `{}=<version>` or `{}~<version>`");
}

}  // namespace msm::lint::checks
