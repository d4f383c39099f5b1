// DL3035: `zypper dist-upgrade` in a RUN: upgrading the distribution belongs in the base image.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void zypper_dist_upgrade(Context &ctx) {
  packages::for_each_invocation(ctx, {packages::Manager::Zypper}, [&](const packages::Found &f) {
    const auto &action = f.invocation.action;
    if (action != "dist-upgrade" && action != "dup") return;
    ctx.report(packages::command_range(f),
               "Do not use `zypper " + action + "`: upgrade the base image instead");
  });
}

}  // namespace msm::lint::checks
