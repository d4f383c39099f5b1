// DL3041: `dnf install` (or `microdnf install`) of a package without a version.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void unpinned_dnf_install(Context &ctx) {
  packages::report_unpinned(ctx, {packages::Manager::Dnf, packages::Manager::Microdnf},
                            "write `{}-<version>`");
}

}  // namespace msm::lint::checks
