// DL3047: `wget` that prints its progress into the build log (a dot line per 50 KB without a tty).

#include "analysis/base_image.h"
#include "lint/checks/checks.h"
#include "lint/checks/shell_rules.h"

namespace msm::lint::checks {

namespace {

const shell_rules::OptionSyntax k_wget = {
    .short_with_value = "OoaiBtTwPUeQlARDXIY",
    .long_with_value = {"--output-document", "--output-file", "--append-output", "--input-file", "--base", "--tries",
                        "--timeout", "--wait", "--directory-prefix", "--user-agent", "--execute", "--quota", "--level",
                        "--accept", "--reject", "--domains", "--exclude-directories", "--include-directories",
                        "--header", "--user", "--password", "--post-data", "--post-file", "--method", "--body-data",
                        "--ca-certificate", "--certificate", "--private-key", "--load-cookies", "--save-cookies"},
    .two_letter_prefixes = "n",  // -nv, -nc, -nd, -nH, -np
};

// Options that keep the progress out of the log: quiet, one line per file, a chosen progress
// style, the log written to a file, or no download at all.
constexpr std::string_view k_accepted[] = {"-q", "--quiet", "-nv", "--no-verbose", "--progress", "-o",
                                           "--output-file", "-a", "--append-output", "--spider", "-b",
                                           "--background"};

// stderr (where wget writes progress) sent elsewhere: `2>/dev/null`, `&>log`, `2>&-`.
bool stderr_redirected(const analysis::shell::Command &c) {
  for (const auto &r : c.redirects) {
    if (r.op == "&>" || r.op == "&>>") return true;
    if (r.fd && *r.fd == 2 && (r.op == ">" || r.op == ">>" || r.op == ">&")) return true;
  }
  return false;
}

}  // namespace

void wget_without_progress(Context &ctx) {
  shell_rules::for_each_command(ctx, {"wget"}, [&](const shell_rules::CommandAt &c) {
    auto opts = shell_rules::parse_options(c, k_wget);
    for (std::string_view a : k_accepted) {
      if (opts.has(a)) return;
    }
    if (stderr_redirected(c.command())) return;
    // busybox wget (alpine) knows `-q` but neither `--progress` nor `-nv`.
    analysis::ImageFamily family = c.run.onbuild ? analysis::ImageFamily::Unknown
                                                 : analysis::stage_family(ctx.graph(), c.run.stage);
    bool gnu = family != analysis::ImageFamily::Unknown && !analysis::busybox_userland(family) &&
               family != analysis::ImageFamily::Scratch;
    std::string option = gnu ? "--progress=dot:giga" : "-q";
    std::optional<edit::Fix> fix;
    if (auto e = shell_rules::insert_after_word(c, c.program, " " + option)) {
      fix = edit::Fix{"Add `" + option + "`", edit::Applicability::Safe, {*e}};
    }
    ctx.report(c.word_range(c.program),
               gnu ? "`wget` without a progress option fills the build log: add `--progress=dot:giga` (or `-nv`, `-q`)"
                   : "`wget` without a progress option fills the build log: add `-q` (busybox wget has no `--progress`)",
               std::move(fix));
  });
}

}  // namespace msm::lint::checks
