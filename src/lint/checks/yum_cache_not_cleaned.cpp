// DL3032: `yum install` in a RUN without `yum clean all`: the metadata and packages stay in the layer.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void yum_cache_not_cleaned(Context &ctx) {
  packages::report_missing_cleanup(
      ctx, {
            .managers = {packages::Manager::Yum},
            .cleaned = [](const packages::Found &f) {
              const analysis::RunView &run = f.run;
              return run.cached("/var/cache/yum") || packages::run_removes(run, "/var/cache/yum", f.command.command) ||
                     packages::run_has_action(run, {packages::Manager::Yum, packages::Manager::Dnf}, "clean", "all", f.command.command);
            },
            .cleanup = [](const packages::Found &) { return std::string("yum clean all"); },
            .message = "`yum clean all` missing after `{}`"});
}

}  // namespace msm::lint::checks
