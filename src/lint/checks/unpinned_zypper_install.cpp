// DL3037: `zypper install` of a package without a version (`curl` rather than `curl=8.0.1`).

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void unpinned_zypper_install(Context &ctx) {
  packages::report_unpinned(ctx, {packages::Manager::Zypper}, "write `{}=<version>`");
}

}  // namespace msm::lint::checks
