// DL3013: `pip install` of a package without a version (`flask` rather than `flask==3.0.3`).

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void unpinned_pip_install(Context &ctx) {
  packages::report_unpinned(ctx, {packages::Manager::Pip}, "write `{}==<version>`");
}

}  // namespace msm::lint::checks
