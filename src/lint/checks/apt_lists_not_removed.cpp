// DL3009: `apt-get update` in a RUN that leaves /var/lib/apt/lists in the layer.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

namespace {

constexpr std::string_view k_lists = "/var/lib/apt/lists";

// Whether a RUN after the one fixed installs with apt without its own `update`: removing the
// lists would make it fail, so the fix is unsafe there.
bool later_run_needs_lists(const Context &ctx, const packages::Found &f) {
  bool after = false;
  for (const auto &run : ctx.runs()) {
    if (&run == &f.run) {
      after = true;
      continue;
    }
    if (!after) continue;
    bool updates = packages::run_has_action(run, {packages::Manager::AptGet, packages::Manager::Apt}, "update");
    if (updates) continue;
    for (std::string_view action : {"install", "upgrade", "dist-upgrade", "full-upgrade", "source", "build-dep",
                                    "download", "reinstall"}) {
      if (packages::run_has_action(run, {packages::Manager::AptGet, packages::Manager::Apt}, action)) return true;
    }
  }
  return false;
}

}  // namespace

void apt_lists_not_removed(Context &ctx) {
  packages::report_missing_cleanup(
      ctx, {
            .managers = {packages::Manager::AptGet, packages::Manager::Apt},
            .triggers = {"update"},
            .cleaned = [](const packages::Found &f) {
              const analysis::RunView &run = f.run;
              // `apt-get dist-clean` (apt 2.7+, Debian 13) removes the lists too.
              return run.cached(k_lists) || packages::run_removes(run, k_lists, f.command.command) ||
                     packages::run_has_action(run, {packages::Manager::AptGet, packages::Manager::Apt}, "dist-clean", {}, f.command.command);
            },
            .cleanup = [](const packages::Found &) { return std::string("rm -rf /var/lib/apt/lists/*"); },
            .unsafe = later_run_needs_lists,
            .message = "Delete the apt lists (/var/lib/apt/lists) in the RUN that runs `{}`"});
}

}  // namespace msm::lint::checks
