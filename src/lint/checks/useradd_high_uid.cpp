// DL3046: `useradd -u <high uid>` without `-l`: lastlog and faillog grow to the UID's size in the layer.

#include <charconv>

#include "analysis/base_image.h"
#include "lint/checks/checks.h"
#include "lint/checks/shell_rules.h"

namespace msm::lint::checks {

namespace {

// lastlog keeps a 292-byte record at offset uid × 292. The file is sparse on disk, but a layer
// tar stores it whole: from this UID on, that is megabytes (10000 -> 2.9 MB, 100000 -> 29 MB).
constexpr unsigned long k_high_uid = 10000;

const shell_rules::OptionSyntax k_useradd = {
    .short_with_value = "bcdefgGkKpPRsuZ",
    .long_with_value = {"--base-dir", "--comment", "--home-dir", "--expiredate", "--inactive", "--gid", "--groups",
                        "--skel", "--key", "--password", "--root", "--prefix", "--shell", "--uid", "--selinux-user",
                        "--selinux-range"},
    .two_letter_prefixes = "",
};;

}  // namespace

void useradd_high_uid(Context &ctx) {
  shell_rules::for_each_command(ctx, {"useradd"}, [&](const shell_rules::CommandAt &c) {
    auto opts = shell_rules::parse_options(c, k_useradd);
    if (opts.has("-l") || opts.has("--no-log-init")) return;
    const auto *uid = opts.find("-u");
    if (!uid) uid = opts.find("--uid");
    if (!uid) return;
    // `-u $UID`: the stage's ARG/ENV default decides (an ONBUILD's value is the child's business).
    std::string value = uid->value;
    if (value.find('$') != std::string::npos) {
      if (c.run.onbuild) return;
      value = ctx.graph().scope().expand(c.run.instruction, value);
    }
    unsigned long number = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc() || end != value.data() + value.size() || number < k_high_uid) return;
    std::optional<edit::Fix> fix;
    if (auto e = shell_rules::insert_after_word(c, c.program, " -l")) {
      fix = edit::Fix{"Add `-l` (`--no-log-init`)", edit::Applicability::Safe, {*e}};
    }
    ctx.report(opts.range(c, *uid),
               "`useradd` with UID " + value + " and without `-l` writes lastlog/faillog records of about " +
                   std::to_string(((number + 1) * 292 + 500000) / 1000000) + " MB into the layer: add `-l`",
               std::move(fix));
  });
}

}  // namespace msm::lint::checks
