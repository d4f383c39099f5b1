// DL3001: commands for an interactive machine (ssh, vim, top, service, mount...) in a build step.

#include "lint/checks/checks.h"
#include "lint/checks/shell_rules.h"

namespace msm::lint::checks {

namespace {

bool has_ssh_mount(const analysis::RunView &run) {
  for (const auto &f : run.run->flags) {
    if (f.name == "mount" && f.value && f.value->find("type=ssh") != std::string::npos) return true;
  }
  return false;
}

}  // namespace

void system_command_in_run(Context &ctx) {
  std::initializer_list<std::string_view> programs = {"free", "ifconfig", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim"};
  shell_rules::for_each_command(ctx, programs, [&](const shell_rules::CommandAt &c) {
    const auto &words = c.command().words;
    // `vim --version`: checking an install, not using it.
    if (c.program + 1 < words.size()) {
      std::string first = c.text(c.program + 1);
      if (first == "--version" || first == "--help") return;
    }
    // `ssh` with the build's forwarded agent (`RUN --mount=type=ssh`) is what that mount is for.
    if (c.name == "ssh" && has_ssh_mount(c.run)) return;
    // `kill $pid` stops what the same RUN started in the background.
    if (c.name == "kill") {
      for (size_t i = c.program + 1; i < words.size(); ++i) {
        if (c.dynamic(i) || c.text(i).rfind('%', 0) == 0) return;
      }
    }
    ctx.report(c.word_range(c.program),
               "`" + c.name + "` is meant for a running machine, not an image build: it does nothing useful in RUN");
  });
}

}  // namespace msm::lint::checks
