// DL3038: `dnf install` (or update, remove...) without `-y`: the prompt aborts the build.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void dnf_without_yes(Context &ctx) {
  // microdnf never prompts (docker-library's oraclelinux images run `microdnf install` without
  // -y), so only dnf is checked; hadolint also reports microdnf.
  packages::report_missing_option(
      ctx, {
            .managers = {packages::Manager::Dnf},
            .actions = {"install", "in", "groupinstall", "localinstall", "reinstall", "rei", "group install",
                        "module install", "update", "upgrade", "up", "remove", "rm", "erase", "downgrade",
                        "distro-sync"},
            .accepted = analysis::packages::info(packages::Manager::Dnf).yes,
            .insert = "-y",
            .message = "Use the `-y` switch to avoid a prompt in `{}`"});
}

}  // namespace msm::lint::checks
