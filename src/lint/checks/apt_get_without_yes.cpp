// DL3014: `apt-get install` (or upgrade, remove...) without `-y`: the prompt aborts the build.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void apt_get_without_yes(Context &ctx) {
  const auto &apt = analysis::packages::info(packages::Manager::AptGet);
  packages::report_missing_option(
      ctx, {
            .managers = {packages::Manager::AptGet},
            .actions = {"install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove",
                        "build-dep", "reinstall"},
            .accepted = apt.yes,
            .insert = "-y",
            .message = "Use the `-y` switch to avoid a prompt in `{}`",
            .exempt = [](const Context &, const packages::Found &f) {
              // `-o APT::Get::Assume-Yes=true` says the same, and so does quiet level 2 (`-q -q`),
              // which implies -y.
              size_t quiet = 0;
              for (const auto &o : f.invocation.options) {
                if (o.text == "-q" || o.text == "--quiet") ++quiet;
                if (quiet >= 2) return true;
                if ((o.text == "-o" || o.text == "--option") && o.value.find("Assume-Yes") != std::string::npos) return true;
              }
              return false;
            }});
}

}  // namespace msm::lint::checks
