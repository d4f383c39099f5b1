// DL4005: `ln ... /bin/sh` to change the shell, where SHELL says it for the Dockerfile's RUNs.

#include "lint/checks/checks.h"
#include "lint/checks/shell_rules.h"

namespace msm::lint::checks {

namespace {

const shell_rules::OptionSyntax k_ln = {
    .short_with_value = "St",
    .long_with_value = {"--suffix", "--target-directory"},
    .two_letter_prefixes = "",
};

bool is_bin_sh(std::string_view path) { return path == "/bin/sh" || path == "/usr/bin/sh"; }

}  // namespace

void link_bin_sh(Context &ctx) {
  shell_rules::for_each_command(ctx, {"ln"}, [&](const shell_rules::CommandAt &c) {
    auto opts = shell_rules::parse_options(c, k_ln);
    // `ln [-s] TARGET LINK`: the last operand is the link (with -t, every operand is a target).
    if (opts.operands.size() < 2 || opts.has("-t") || opts.has("--target-directory")) return;
    size_t link = opts.operands.back();
    if (!is_bin_sh(c.text(link))) return;
    ctx.report(c.word_range(link),
               "Use SHELL to change the shell of RUN instead of linking `" + c.text(opts.operands.front()) +
                   "` to `/bin/sh`");
  });
}

}  // namespace msm::lint::checks
