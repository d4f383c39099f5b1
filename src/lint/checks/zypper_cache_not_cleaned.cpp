// DL3036: `zypper install` in a RUN without `zypper clean`: the package cache stays in the layer.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void zypper_cache_not_cleaned(Context &ctx) {
  packages::report_missing_cleanup(
      ctx, {
            .managers = {packages::Manager::Zypper},
            .cleaned = [](const packages::Found &f) {
              const analysis::RunView &run = f.run;
              return run.cached("/var/cache/zypp") || packages::run_removes(run, "/var/cache/zypp", f.command.command) ||
                     packages::run_has_action(run, {packages::Manager::Zypper}, "clean", {}, f.command.command) ||
                     packages::run_has_action(run, {packages::Manager::Zypper}, "cc", {}, f.command.command);
            },
            .cleanup = [](const packages::Found &) { return std::string("zypper clean --all"); },
            .message = "`zypper clean` missing after `{}`"});
}

}  // namespace msm::lint::checks
