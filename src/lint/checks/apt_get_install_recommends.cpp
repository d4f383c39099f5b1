// DL3015: `apt-get install` without `--no-install-recommends`: recommended packages bloat the image.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void apt_get_install_recommends(Context &ctx) {
  const auto &apt = analysis::packages::info(packages::Manager::AptGet);
  // An APT configuration written earlier (`APT::Install-Recommends "0";`) turns them off for good.
  size_t configured_at = ctx.doc().source().find("Install-Recommends");
  packages::report_missing_option(
      ctx, {
            .managers = {packages::Manager::AptGet},
            .accepted = apt.no_recommends,
            .insert = "--no-install-recommends",
            .applicability = edit::Applicability::Unsafe,
            .message = "Avoid additional packages by adding `--no-install-recommends` to `{}`",
            .exempt = [configured_at](const Context &, const packages::Found &f) {
              return configured_at != std::string::npos && configured_at < f.run.holder->range.end;
            }});
}

}  // namespace msm::lint::checks
