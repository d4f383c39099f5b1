// DL3028: `gem install` of a gem without a version (no `-v` and no `name:version`).

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void unpinned_gem_install(Context &ctx) {
  packages::report_unpinned(ctx, {packages::Manager::Gem}, "write `{}:<version>` or add `-v <version>`");
}

}  // namespace msm::lint::checks
