// DL3034: `zypper install` (or remove, update...) without `-n`/`--non-interactive` or `-y`.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void zypper_without_non_interactive(Context &ctx) {
  packages::report_missing_option(
      ctx, {
            .managers = {packages::Manager::Zypper},
            .actions = {"install", "in", "remove", "rm", "update", "up", "dist-upgrade", "dup", "patch"},
            .accepted = analysis::packages::info(packages::Manager::Zypper).yes,
            .insert = "-n",
            .insert_after_program = true,
            .message = "Non-interactive switch missing from `{}`: use `zypper -n` or `--non-interactive`"});
}

}  // namespace msm::lint::checks
