// DL3033: `yum install` of a package without a version (`httpd` rather than `httpd-2.4.57`).

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void unpinned_yum_install(Context &ctx) {
  packages::report_unpinned(ctx, {packages::Manager::Yum}, "write `{}-<version>`");
}

}  // namespace msm::lint::checks
