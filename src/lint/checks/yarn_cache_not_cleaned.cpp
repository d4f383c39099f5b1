// DL3060: `yarn install` (or add) in a RUN without `yarn cache clean`: yarn's cache stays in the layer.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void yarn_cache_not_cleaned(Context &ctx) {
  packages::report_missing_cleanup(
      ctx, {
            .managers = {packages::Manager::Yarn},
            .cleaned = [](const packages::Found &f) {
              const analysis::RunView &run = f.run;
              for (std::string_view dir : analysis::packages::info(packages::Manager::Yarn).cache_dirs) {
                if (run.cached(dir) || packages::run_removes(run, dir, f.command.command)) return true;
              }
              return packages::run_has_action(run, {packages::Manager::Yarn}, "cache", "clean", f.command.command);
            },
            .cleanup = [](const packages::Found &) { return std::string("yarn cache clean"); },
            .message = "`yarn cache clean` missing after `{}`"});
}

}  // namespace msm::lint::checks
