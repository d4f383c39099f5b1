// DL3030: `yum install` (or update, remove...) without `-y`: the prompt aborts the build.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void yum_without_yes(Context &ctx) {
  packages::report_missing_option(
      ctx, {
            .managers = {packages::Manager::Yum},
            .actions = {"install", "groupinstall", "localinstall", "reinstall", "group install", "update", "upgrade",
                        "remove", "erase", "downgrade", "groupupdate"},
            .accepted = analysis::packages::info(packages::Manager::Yum).yes,
            .insert = "-y",
            .message = "Use the `-y` switch to avoid a prompt in `{}`"});
}

}  // namespace msm::lint::checks
