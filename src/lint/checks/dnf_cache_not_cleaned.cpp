// DL3040: `dnf install` (or microdnf) in a RUN without `dnf clean all`: the cache stays in the layer.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void dnf_cache_not_cleaned(Context &ctx) {
  packages::report_missing_cleanup(
      ctx, {
            .managers = {packages::Manager::Dnf, packages::Manager::Microdnf},
            // Upgrades download packages into the cache as installs do (`up`, `rei`: dnf's abbreviations).
            .triggers = {"install", "in", "reinstall", "rei", "localinstall", "groupinstall", "group install",
                         "module install", "upgrade", "up", "upgrade-minimal", "up-min", "update"},
            .cleaned = [](const packages::Found &f) {
              const analysis::RunView &run = f.run;
              for (std::string_view dir : {"/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5"}) {
                if (run.cached(dir) || packages::run_removes(run, dir, f.command.command)) return true;
              }
              // The installing program's own clean-up: dnf keeps its cache in /var/cache/dnf,
              // microdnf in /var/cache/yum, so `microdnf clean all` leaves dnf's cache in place.
              return packages::run_has_action(run, {f.invocation.manager->manager}, "clean", "all", f.command.command);
            },
            .cleanup = [](const packages::Found &f) {
              // The same program that installed: microdnf images have no dnf.
              return std::string(f.invocation.manager->name) + " clean all";
            },
            .message = "`dnf clean all` missing after `{}`"});
}

}  // namespace msm::lint::checks
