// DL3008: `apt-get install` of a package without a version (`curl` rather than `curl=7.88.*`).

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void unpinned_apt_get_install(Context &ctx) {
  packages::report_unpinned(ctx, {packages::Manager::AptGet}, "write `{}=<version>`");
}

}  // namespace msm::lint::checks
