// DL3019: `apk add` without `--no-cache`: the package index stays in the layer.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void apk_add_without_no_cache(Context &ctx) {
  packages::report_missing_option(
      ctx, {
            .managers = {packages::Manager::Apk},
            .accepted = {"--no-cache"},
            .insert = "--no-cache",
            .message = "Use `--no-cache` with `{}` to keep the package index out of the image",
            .exempt = [](const Context &c, const packages::Found &f) {
              // `--no-network` downloads nothing, so there is no index to keep.
              return !packages::layers_ship(c, f.run) || f.invocation.has("--no-network") || f.run.cached("/var/cache/apk") || packages::run_removes(f.run, "/var/cache/apk") ||
                     packages::run_has_action(f.run, {packages::Manager::Apk}, "cache", "clean");
            }});
}

}  // namespace msm::lint::checks
