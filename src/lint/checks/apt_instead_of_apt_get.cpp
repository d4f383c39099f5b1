// DL3027: `apt` in a RUN: its command-line interface is for people and may change; scripts use apt-get.

#include <algorithm>

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void apt_instead_of_apt_get(Context &ctx) {
  packages::for_each_invocation(ctx, {packages::Manager::Apt}, [&](const packages::Found &f) {
    const auto &inv = f.invocation;
    const analysis::shell::Word &program = inv.word(inv.program);
    std::optional<edit::Fix> fix;
    // Sub-commands apt-get has with the same meaning; `apt search`, `list`, `show`... have none.
    static const std::vector<std::string_view> k_same = {"install", "update", "upgrade", "remove", "purge",
                                                         "autoremove", "dist-upgrade", "source",
                                                         "build-dep", "clean", "autoclean"};
    bool same = std::find(k_same.begin(), k_same.end(), inv.action) != k_same.end();
    if (same && program.raw == "apt" && f.script.contiguous(program.range)) {
      auto r = f.script.source_range(program.range);
      fix = edit::Fix{"Use `apt-get`", edit::Applicability::Unsafe, {{r.start, r.end, "apt-get"}}};
    }
    ctx.report(packages::command_range(f),
               "Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead",
               std::move(fix));
  });
}

}  // namespace msm::lint::checks
