// DL3038: `dnf install` (or update, remove...) without `-y`: the prompt aborts the build.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void dnf_without_yes(Context &ctx) {
  // microdnf never prompts, so only dnf is checked.
  packages::report_missing_option(
      ctx, {.code = "DL3038",
            .managers = {packages::Manager::Dnf},
            .actions = {"install", "groupinstall", "localinstall", "reinstall", "group install", "module install",
                        "update", "upgrade", "remove", "erase", "downgrade", "distro-sync"},
            .accepted = analysis::packages::info(packages::Manager::Dnf).yes,
            .insert = "-y",
            .message = "Use the `-y` switch to avoid a prompt in `{}`"});
}

}  // namespace msm::lint::checks
