// DL3062: `go install` of a package without `@version`.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void unpinned_go_install(Context &ctx) {
  packages::report_unpinned(ctx, {packages::Manager::Go}, "write `{}@<version>`");
}

}  // namespace msm::lint::checks
