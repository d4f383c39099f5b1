// DL3016: `npm install` of a package without a version (`express` rather than `express@4.19.2`).

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void unpinned_npm_install(Context &ctx) {
  packages::report_unpinned(ctx, {packages::Manager::Npm}, "write `{}@<version>`");
}

}  // namespace msm::lint::checks
